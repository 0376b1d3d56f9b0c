"""Tokens only in a keyring; without one, a message that says what to do."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from supportdesk.sync import credentials
from supportdesk.sync.credentials import KeyringUnavailableError, Tokens
from tests.sync.harness import MemoryKeyring


def test_tokens_round_trip_per_profile_and_server(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    credentials.save(tmp_path / "a", "https://sync.example.com", Tokens("acc", "ref"))
    assert credentials.load(tmp_path / "a", "https://sync.example.com") == Tokens("acc", "ref")
    assert credentials.load(tmp_path / "b", "https://sync.example.com") is None
    assert credentials.load(tmp_path / "a", "https://other.example.com") is None
    ((service, _user),) = memory_keyring.data
    assert service == "SupportDesk"
    credentials.forget(tmp_path / "a", "https://sync.example.com")
    assert credentials.load(tmp_path / "a", "https://sync.example.com") is None


def test_no_keyring_refuses_in_plain_words(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyringUnavailableError, match="Nothing was saved"):
        credentials.check_keyring()
    with pytest.raises(KeyringUnavailableError, match="keyring"):
        credentials.save(tmp_path, "https://sync.example.com", Tokens("a", "r"))
    assert list(tmp_path.iterdir()) == []


def test_a_plaintext_file_keyring_is_not_accepted(tmp_path: Path) -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    keyring.set_keyring(PlaintextKeyring())
    with pytest.raises(KeyringUnavailableError):
        credentials.save(tmp_path, "https://sync.example.com", Tokens("a", "r"))
