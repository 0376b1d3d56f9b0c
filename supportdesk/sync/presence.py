"""Tell the team server what this device has open; learn who else has it open.

Presence is a courtesy, never a lock: it needs the server, so callers treat
any ``SyncError`` as "nobody known" and show nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from supportdesk.sync.client import SyncClient, SyncError
from supportdesk.sync.protocol import dumps

State = Literal["viewing", "replying"]
#: how often a client renews its entry (the server forgets it after 60 s)
RENEW_S = 20.0


@dataclass(frozen=True)
class OtherAgent:
    """Another agent of the team with the same conversation open."""

    user: str
    state: State


def report(
    client: SyncClient, conversation_id: str | None, state: State = "viewing"
) -> list[OtherAgent]:
    """Say which conversation this device shows (None: none) and return who else does.

    Raises:
        SyncError: not signed in, or the server refused (ServerUnreachableError
            when it cannot be reached).
    """
    peer = client.peer()
    if peer is None:
        raise SyncError("This profile is not signed in to a team server.")
    body = dumps({"conversation_id": conversation_id, "state": state})
    answer = client._call(peer, "POST", "/presence", body)  # the authenticated helper
    try:
        return [
            OtherAgent(str(o["user"]), "replying" if o["state"] == "replying" else "viewing")
            for o in answer["others"]
        ]
    except (KeyError, TypeError) as exc:
        raise SyncError("The server sent an unreadable presence answer.") from exc
