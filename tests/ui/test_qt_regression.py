"""PySide6 6.12.0 aborted Python 3.11 after ~5,000 void Qt calls; the pin must hold."""

from __future__ import annotations

import subprocess
import sys

import PySide6

SCRIPT = """
from PySide6.QtCore import QObject
for _ in range(20_000):
    QObject().setObjectName("x")
print("survived")
"""


def test_twenty_thousand_void_calls_do_not_abort() -> None:
    # In a child process: the failure mode is an abort that would kill pytest.
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "survived"


def test_pinned_pyside_on_python_311() -> None:
    if sys.version_info[:2] == (3, 11):
        assert PySide6.__version__ == "6.11.3"
