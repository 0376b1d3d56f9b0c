"""Claim a key at the team server, so only one device sends each step of a page."""

from __future__ import annotations

import json
from collections.abc import Callable

from supportdesk.sync.client import SyncClient, SyncError


class ClaimError(Exception):
    """The server could not be asked; nothing was claimed."""


def server_claim(client: SyncClient) -> Callable[[str], bool]:
    """A ``Claim`` through this profile's sync server (signed in)."""

    def claim(key: str) -> bool:
        peer = client.peer()
        if peer is None:
            raise ClaimError("This profile is not signed in to a team server.")
        try:
            answer = client._call(peer, "POST", "/claims", json.dumps({"key": key}).encode())
        except SyncError as exc:
            raise ClaimError(str(exc)) from exc
        return bool(isinstance(answer, dict) and answer.get("won"))

    return claim
