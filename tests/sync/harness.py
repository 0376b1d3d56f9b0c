"""Test harness for sync: the server app in-process, a memory keyring, comparable rows."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from keyring.backend import KeyringBackend
from sqlalchemy import select

from supportdesk.models import ConversationTag
from supportdesk.server import admin
from supportdesk.server import sync as server_sync
from supportdesk.store import Store
from supportdesk.sync.apply import to_json
from supportdesk.sync.client import HttpResponse, ServerUnreachableError, SyncClient
from supportdesk.sync.merge import EntityState
from supportdesk.sync.schema import Kind, registry

SERVER = "http://127.0.0.1:9"
PASSWORD = "correct horse battery"


class MemoryKeyring(KeyringBackend):
    """A keyring in memory, so unit tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.data.pop((service, username), None)


class AppTransport:
    """Requests straight into the ASGI app (the same app uvicorn would serve)."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.log: list[tuple[str, str, int, int]] = []

    def request(
        self, method: str, url: str, *, headers: dict[str, str], body: bytes | None = None
    ) -> HttpResponse:
        path = url.removeprefix(SERVER)
        if body is not None:
            headers = {**headers, "Content-Type": "application/json"}
        resp = self.client.request(method, path, headers=headers, content=body)
        self.log.append((method, path, len(body or b""), resp.status_code))
        return HttpResponse(resp.status_code, resp.content, dict(resp.headers))


def local_rows(store: Store) -> dict[tuple[str, str], dict[str, Any]]:
    """Every synced row of a profile as JSON-like fields (tags as a tag -> True map)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    with store.read() as session:
        for spec in registry().values():
            if spec.kind is Kind.TAGS:
                for cid, tag in session.execute(
                    select(ConversationTag.conversation_id, ConversationTag.tag)
                ):
                    out.setdefault((spec.name, cid), {})[tag] = True
                continue
            cols = [spec.table.c[n] for n in spec.fields]
            for row in session.execute(select(*cols)):
                fields = {n: to_json(v) for n, v in zip(spec.fields, row, strict=True)}
                out[(spec.name, fields["id"])] = fields
    return out


def visible(states: dict[tuple[str, str], EntityState]) -> dict[tuple[str, str], dict[str, Any]]:
    """The rows a replica should show, from merged states."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    conversations = {k[1] for k, st in states.items() if k[0] == "conversations" and st.visible}
    for (ent, eid), st in states.items():
        if registry()[ent].kind is Kind.TAGS:
            on = {t: True for t, v in st.fields.items() if v}
            if on and eid in conversations:
                out[(ent, eid)] = on
        elif st.visible:
            out[(ent, eid)] = dict(st.fields)
    return out


def server_rows(engine: Any, team_name: str = "Acme") -> dict[tuple[str, str], dict[str, Any]]:
    """What the server says the team's rows are."""
    team_id = admin.team_id_for(engine, team_name)
    return visible(server_sync.team_state(engine, team_id))




def drop_uploads(client: SyncClient) -> Any:
    """Make every file upload of ``client`` fail as if the connection dropped; returns
    the transport's own ``request``, to put back."""
    real = client.transport.request

    def no_uploads(method: str, url: str, **kw: Any) -> HttpResponse:
        if method == "PUT":
            raise ServerUnreachableError("the connection dropped during the upload")
        return real(method, url, **kw)

    client.transport.request = no_uploads  # type: ignore[method-assign]
    return real
