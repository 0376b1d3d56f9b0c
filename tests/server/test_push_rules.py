"""What the server refuses from a teammate's device (issue 13): mailbox redirects by agents."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from supportdesk.server import db
from tests.server.conftest import Api
from tests.server.test_api import stamp


def mailbox_insert(mid: int, box: str, device: str, counter: int = 0) -> dict[str, Any]:
    fields = {
        "id": box, "name": "Support", "address": "support@acme.test", "display_name": "Acme",
        "username": "support", "imap_host": "imap.acme.test", "imap_port": 993,
        "imap_security": "tls", "smtp_host": "smtp.acme.test", "smtp_port": 587,
        "smtp_security": "starttls", "sent_folder": None, "ca_file": None,
        "fetch_window_days": 90, "auto_ack": False, "enabled": True,
        "created_at": "2026-11-23T10:00:00+00:00",
    }
    return {"id": mid, "entity": "mailboxes", "entity_id": box, "op": "insert",
            "fields": fields, "stamp": stamp(device, counter=counter)}


def update(mid: int, box: str, device: str, counter: int, **fields: Any) -> dict[str, Any]:
    return {"id": mid, "entity": "mailboxes", "entity_id": box, "op": "update",
            "fields": fields, "stamp": stamp(device, ahead_ms=counter, counter=counter)}


def _imap_host(api: Api, box: str) -> str:
    with api.engine.connect() as conn:
        fields = conn.scalar(select(db.entity_state.c.fields).where(
            db.entity_state.c.entity_id == box))
    return str(json.loads(fields)["imap_host"])


def test_an_agent_cannot_redirect_a_mailbox_but_may_rename_it(api: Api) -> None:
    owner = api.token("alice")
    out = api.client.post("/sync/push", headers=owner,
                          json={"mutations": [mailbox_insert(1, "mb1", "dev-alice")]}).json()
    assert out["rejected"] == []

    agent = api.token("bob")
    batch = {"mutations": [
        update(1, "mb1", "dev-bob", 1, imap_host="evil.example", imap_port=143),
        update(2, "mb1", "dev-bob", 2, ca_file="/home/bob/evil-ca.pem"),
        update(3, "mb1", "dev-bob", 3, username="bob"),
        {"id": 4, "entity": "mailboxes", "entity_id": "mb1", "op": "delete", "fields": {},
         "stamp": stamp("dev-bob", ahead_ms=4, counter=4)},
        mailbox_insert(5, "mb2", "dev-bob", counter=5),
        update(6, "mb1", "dev-bob", 6, name="Support desk", auto_ack=True),
    ]}
    out = api.client.post("/sync/push", headers=agent, json=batch).json()
    reasons = {r["id"]: (r["retryable"], r["reason"]) for r in out["rejected"]}
    assert sorted(reasons) == [1, 2, 3, 4, 5], out
    assert all(not retry and "only an owner" in why for retry, why in reasons.values())
    assert out["applied_through"] == 6
    assert _imap_host(api, "mb1") == "imap.acme.test"
    with api.engine.connect() as conn:
        names = conn.scalars(select(db.entity_state.c.fields).where(
            db.entity_state.c.entity_id.in_(["mb1", "mb2"]))).all()
    assert len(names) == 1 and '"Support desk"' in names[0]

    # The owner may move it (every device then asks its rep for the password again).
    out = api.client.post("/sync/push", headers=owner, json={"mutations": [
        update(2, "mb1", "dev-alice", 10, imap_host="imap2.acme.test")]}).json()
    assert out["rejected"] == [] and _imap_host(api, "mb1") == "imap2.acme.test"
