"""Real servers for tests: a throwaway TLS CA, Dovecot (IMAP) and aiosmtpd (SMTP).

Import these from conftest files; they are not tests themselves.
"""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    """True when the CI environment variable is set (then missing tools fail)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(problem: str | None) -> None:
    """Skip the test loudly when `problem` is set; under CI, fail instead."""
    if problem is None:
        return
    if in_ci():
        pytest.fail(f"{problem} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(f"!!! SKIPPED, NOT TESTED: {problem}")
