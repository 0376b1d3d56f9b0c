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


def message_insert(mid: int, device: str, text: str, when_ms: int | None = None,
                   counter: int = 0) -> dict[str, Any]:
    fields = {
        "id": "msg1", "conversation_id": "c1", "kind": "email_in",
        "created_at": "2026-11-23T10:00:00+00:00", "author_agent_id": None,
        "author_customer_id": None, "author_name": "Dana", "subject": "Refund",
        "body_text": text, "body_html": None, "meta": {}, "raw_sha256": None,
    }
    stamp_text = (f"{when_ms:013d}-{counter:04x}-{device}" if when_ms is not None
                  else stamp(device, counter=counter))
    return {"id": mid, "entity": "messages", "entity_id": "msg1", "op": "insert",
            "fields": fields, "stamp": stamp_text}


def test_a_teammate_cannot_rewrite_a_message_with_an_older_insert(api: Api) -> None:
    """Finding 8: an insert for an existing id with new text and a 2001 stamp."""
    owner = api.token("alice")
    out = api.client.post("/sync/push", headers=owner, json={"mutations": [
        message_insert(1, "dev-alice", "Your refund of 40 EUR is approved.")]}).json()
    assert out["rejected"] == []
    agent = api.token("bob")
    forged = message_insert(1, "dev-bob", "Send the refund to IBAN XX00 instead.",
                            when_ms=978_307_200_000)  # 2001-01-01
    out = api.client.post("/sync/push", headers=agent, json={"mutations": [forged]}).json()
    assert out["applied_through"] == 1
    with api.engine.connect() as conn:
        fields = conn.scalar(select(db.entity_state.c.fields).where(
            db.entity_state.c.entity_id == "msg1"))
    assert json.loads(fields)["body_text"] == "Your refund of 40 EUR is approved."
    # a fresh device's snapshot shows the original, and the forgery is on record
    snap = api.client.get("/sync/snapshot", headers=api.token("alice", "dev-new")).json()
    rows = [r for r in snap["rows"] if r.get("entity_id") == "msg1" or r.get("id") == "msg1"]
    assert rows and "IBAN" not in json.dumps(rows)
    with api.engine.connect() as conn:
        lost = conn.scalars(select(db.conflicts.c.lost_value)).all()
    assert any("IBAN" in str(v) for v in lost)
