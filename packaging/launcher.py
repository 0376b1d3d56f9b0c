"""The frozen app's entry point: PyInstaller needs a script, not ``module:function``.

Same as the ``supportdesk`` console script (``supportdesk.cli:main``). Kept
outside the package so ``supportdesk/__main__.py`` stays the ``python -m`` entry.
"""

import sys

from supportdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
