"""The watcher's credentials file: private or refused, rewritten private."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportdesk.services.paging.credfile import CredentialsFileError, CredentialsFileKeyring


def test_a_file_others_can_read_is_refused_and_writes_stay_private(tmp_path: Path) -> None:
    path = tmp_path / "creds.json"
    ring = CredentialsFileKeyring(path)
    ring.set_password("SupportDesk", "mailbox:1", "s3cret")
    assert path.stat().st_mode & 0o777 == 0o600
    assert ring.get_password("SupportDesk", "mailbox:1") == "s3cret"
    path.chmod(0o640)
    with pytest.raises(CredentialsFileError, match="chmod 600"):
        ring.get_password("SupportDesk", "mailbox:1")
    with pytest.raises(CredentialsFileError, match="chmod 600"):
        CredentialsFileKeyring(path)
    path.chmod(0o600)
    ring.delete_password("SupportDesk", "mailbox:1")
    assert ring.get_password("SupportDesk", "mailbox:1") is None
