"""The server's HTTP API through the real app: auth, push/pull rules, team isolation."""

from __future__ import annotations

import hashlib
import logging
import time

import pytest
from sqlalchemy import select

from supportdesk.server import admin, auth, db
from tests.server.conftest import Api
from tests.sync.harness import PASSWORD


def stamp(device: str, ahead_ms: int = 0, counter: int = 0) -> str:
    return f"{int(time.time() * 1000) + ahead_ms:013d}-{counter:04x}-{device}"


def conv_insert(mid: int, cid: str, device: str, **extra: object) -> dict[str, object]:
    fields = {
        "id": cid, "subject": "Printer", "customer_id": None, "channel": "email",
        "status": "open", "priority": "normal", "assignee_id": None, "unread": True,
        "snippet": "", "message_count": 0, "created_at": "2026-11-23T10:00:00+00:00",
        "last_activity_at": "2026-11-23T10:00:00+00:00", **extra,
    }
    return {"id": mid, "entity": "conversations", "entity_id": cid, "op": "insert",
            "fields": fields, "stamp": stamp(device)}


def test_health_and_openapi_are_public(api: Api) -> None:
    assert api.client.get("/health").json()["status"] == "ok"
    spec = api.client.get("/openapi.json").json()
    assert {"/auth/login", "/sync/push", "/sync/pull", "/sync/snapshot",
            "/blobs/{sha256}"} <= set(spec["paths"])


def test_login_gives_tokens_that_are_stored_only_as_hashes(api: Api) -> None:
    resp = api.login("alice")
    assert resp.status_code == 200
    body = resp.json()
    assert body["role"] == "owner" and body["team"] == "Acme"
    with api.engine.connect() as conn:
        stored = set(conn.scalars(select(db.tokens.c.hash)))
        hashes = {r[0] for r in conn.execute(select(db.users.c.password_hash))}
    for token in (body["access_token"], body["refresh_token"]):
        assert token not in stored
        assert hashlib.sha256(token.encode()).hexdigest() in stored
    assert all(h.startswith("$argon2id$") for h in hashes)


def test_requests_without_a_valid_token_are_refused(api: Api) -> None:
    assert api.client.get("/sync/pull").status_code == 401
    bad = {"Authorization": "Bearer not-a-token"}
    assert api.client.get("/sync/pull", headers=bad).status_code == 401


def test_refresh_and_logout(api: Api) -> None:
    body = api.login("bob").json()
    fresh = api.client.post("/auth/refresh", json={"refresh_token": body["refresh_token"]})
    assert fresh.status_code == 200
    new = {"Authorization": f"Bearer {fresh.json()['access_token']}"}
    old = {"Authorization": f"Bearer {body['access_token']}"}
    assert api.client.get("/sync/pull", headers=old).status_code == 401  # replaced
    assert api.client.get("/sync/pull", headers=new).status_code == 200
    assert api.client.post("/auth/logout", headers=new).status_code == 204
    assert api.client.get("/sync/pull", headers=new).status_code == 401
    again = api.client.post("/auth/refresh", json={"refresh_token": body["refresh_token"]})
    assert again.status_code == 401


def test_the_eleventh_bad_login_in_a_minute_is_throttled(api: Api) -> None:
    for _ in range(10):
        assert api.login("alice", password="wrong password").status_code == 401
    # Even the right password waits now, for that user from that address...
    assert api.login("alice").status_code == 429
    # ...but not another user from the same address: the lock-out is per (user, source).
    assert api.login("bob").status_code == 200


def test_throttling_counts_per_user_and_address_and_per_address(api: Api) -> None:
    now = time.time()
    carol = auth.throttle_keys("Carol", "10.0.0.9")
    with db.write_tx(api.engine) as conn:
        for _ in range(auth.THROTTLE_LIMIT):
            assert auth.begin_attempt(conn, carol, now)
        assert not auth.begin_attempt(conn, carol, now)
        assert auth.throttled(conn, auth.throttle_keys("carol", "10.0.0.9"), now)
        assert not auth.throttled(conn, auth.throttle_keys("carol", "10.0.0.10"), now)
        assert not auth.throttled(conn, auth.throttle_keys("dave", "10.0.0.9"), now)
        assert not auth.throttled(conn, carol, now + 61)  # a minute later
        # spraying many users from one address meets the address's own limit
        for i in range(auth.ADDRESS_LIMIT):
            auth.begin_attempt(conn, auth.throttle_keys(f"user{i}", "10.9.9.9"), now)
        assert auth.throttled(conn, auth.throttle_keys("eve", "10.9.9.9"), now)


def test_a_device_holding_a_refresh_token_signs_in_through_a_lock_out(api: Api) -> None:
    held = api.login("alice").json()["refresh_token"]
    for _ in range(10):
        assert api.login("alice", password="wrong password").status_code == 401
    assert api.login("alice").status_code == 429
    body = {"user": "alice", "password": PASSWORD, "device_name": "laptop",
            "device_id": "dev-alice", "refresh_token": held}
    assert api.client.post("/auth/login", json=body).status_code == 200
    # a token of another user proves nothing
    bob = api.login("bob").json()["refresh_token"]
    assert api.client.post("/auth/login", json={**body, "refresh_token": bob}).status_code == 429


def test_refresh_tokens_rotate_and_a_reused_one_ends_the_sign_in(api: Api) -> None:
    first = api.login("bob").json()
    second = api.client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    rotated = second.json()["refresh_token"]
    assert rotated != first["refresh_token"]
    third = api.client.post("/auth/refresh", json={"refresh_token": rotated})
    assert third.status_code == 200
    live = {"Authorization": f"Bearer {third.json()['access_token']}"}
    assert api.client.get("/sync/pull", headers=live).status_code == 200
    # the first token again: copied; the device's whole sign-in ends
    reuse = api.client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reuse.status_code == 401 and "used twice" in reuse.json()["detail"]
    assert api.client.get("/sync/pull", headers=live).status_code == 401
    newest = third.json()["refresh_token"]
    assert api.client.post("/auth/refresh", json={"refresh_token": newest}).status_code == 401


def test_push_applies_in_order_and_a_retry_applies_nothing_twice(api: Api) -> None:
    h = api.token("alice")
    batch = {"mutations": [conv_insert(1, "c1", "dev-alice"), conv_insert(2, "c2", "dev-alice")]}
    first = api.client.post("/sync/push", headers=h, json=batch).json()
    assert first["applied_through"] == 2 and first["rejected"] == []
    again = api.client.post("/sync/push", headers=h, json=batch).json()
    assert again["applied_through"] == 2
    pulled = api.client.get("/sync/pull?cursor=0", headers=api.token("bob")).json()
    assert [c["v"] for c in pulled["changes"]] == [1, 2]
    assert pulled["cursor"] == 2 and pulled["more"] is False
    # The device that made them is not sent its own changes back; its cursor moves on.
    own = api.client.get("/sync/pull?cursor=0", headers=h).json()
    assert own["changes"] == [] and own["cursor"] == 2


def test_push_says_what_it_rejected_and_why(api: Api) -> None:
    h = api.token("alice")
    msg = {"id": 3, "entity": "messages", "entity_id": "m1", "op": "update",
           "fields": {"body_text": "rewritten"}, "stamp": stamp("dev-alice", counter=3)}
    batch = {"mutations": [
        {"id": 1, "entity": "secrets", "entity_id": "x", "op": "insert", "fields": {},
         "stamp": stamp("dev-alice", counter=1)},
        {**conv_insert(2, "c1", "dev-bob")},  # another device's stamp
        msg,
        {**conv_insert(4, "c2", "dev-alice"), "stamp": stamp("dev-alice", ahead_ms=600_000)},
        conv_insert(5, "c3", "dev-alice"),
    ]}
    out = api.client.post("/sync/push", headers=h, json=batch).json()
    reasons = {r["id"]: (r["retryable"], r["reason"]) for r in out["rejected"]}
    assert reasons[1] == (False, "'secrets' does not sync")
    assert reasons[2][0] is False and "another device" in reasons[2][1]
    assert reasons[3][0] is False and "cannot change after insert" in reasons[3][1]
    assert reasons[4][0] is True and "ahead" in reasons[4][1]
    # The push stopped at the retryable one, so the device's order is kept.
    assert out["applied_through"] == 3
    assert 5 not in reasons


def test_mutation_ids_must_increase(api: Api) -> None:
    h = api.token("alice")
    batch = {"mutations": [conv_insert(2, "c1", "dev-alice"), conv_insert(1, "c2", "dev-alice")]}
    assert api.client.post("/sync/push", headers=h, json=batch).status_code == 422


def test_a_team_never_sees_or_touches_another_teams_rows(api: Api) -> None:
    alice, olga = api.token("alice"), api.token("olga")
    api.client.post("/sync/push", headers=alice,
                    json={"mutations": [conv_insert(1, "c1", "dev-alice")]})
    assert api.client.get("/sync/pull?cursor=0", headers=olga).json()["changes"] == []
    assert api.client.get("/sync/snapshot", headers=olga).json()["rows"] == []
    # Olga writing the same id makes Globex's own row; Acme's stays as it was.
    api.client.post("/sync/push", headers=olga,
                    json={"mutations": [conv_insert(1, "c1", "dev-olga", subject="Globex!")]})
    acme = api.client.get("/sync/snapshot", headers=alice).json()["rows"]
    assert [r["fields"]["subject"] for r in acme] == ["Printer"]
    data = b"an attachment"
    sha = hashlib.sha256(data).hexdigest()
    assert api.client.put(f"/blobs/{sha}", headers=alice, content=data).status_code == 201
    assert api.client.head(f"/blobs/{sha}", headers=alice).status_code == 200
    assert api.client.head(f"/blobs/{sha}", headers=olga).status_code == 404
    assert api.client.get(f"/blobs/{sha}", headers=olga).status_code == 404
    alice_device = api.login("alice").json()["device"]
    assert api.client.post(f"/devices/{alice_device}/revoke", headers=olga).status_code == 404


def test_blob_content_must_match_its_hash(api: Api) -> None:
    h = api.token("alice")
    sha = hashlib.sha256(b"real").hexdigest()
    assert api.client.put(f"/blobs/{sha}", headers=h, content=b"fake").status_code == 400
    assert api.client.head(f"/blobs/{sha}", headers=h).status_code == 404


def test_agents_see_their_own_devices_owners_all(api: Api) -> None:
    bob = api.token("bob")
    alice = api.token("alice")
    assert {d["user"] for d in api.client.get("/devices", headers=alice).json()} == {
        "alice", "bob"}
    assert {d["user"] for d in api.client.get("/devices", headers=bob).json()} == {"bob"}
    alice_dev = next(d["id"] for d in api.client.get("/devices", headers=alice).json()
                     if d["user"] == "alice")
    assert api.client.post(f"/devices/{alice_dev}/revoke", headers=bob).status_code == 404
    bob_dev = next(d["id"] for d in api.client.get("/devices", headers=bob).json())
    assert api.client.post(f"/devices/{bob_dev}/revoke", headers=alice).status_code == 204
    assert api.client.get("/sync/pull", headers=bob).status_code == 401
    assert api.login("bob").status_code == 403  # a revoked device stays revoked


def test_removed_agents_cannot_sign_in(api: Api) -> None:
    h = api.token("bob")
    admin.remove_user(api.engine, "bob")
    assert api.client.get("/sync/pull", headers=h).status_code == 401
    assert api.login("bob").status_code == 401


def test_snapshot_pages_cover_everything_once(api: Api) -> None:
    h = api.token("alice")
    muts = [conv_insert(i + 1, f"c{i:02d}", "dev-alice") for i in range(25)]
    for i, m in enumerate(muts):
        m["stamp"] = stamp("dev-alice", counter=i)
    api.client.post("/sync/push", headers=h, json={"mutations": muts})
    seen, after = [], None
    while True:
        q = "/sync/snapshot?limit=7" + (f"&after={after}" if after else "")
        page = api.client.get(q, headers=h).json()
        seen += [r["entity_id"] for r in page["rows"]]
        assert page["version"] == 25
        after = page["next"]
        if after is None:
            break
    assert seen == sorted(f"c{i:02d}" for i in range(25))


def test_logs_carry_no_secrets(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="supportdesk.server")
    body = api.login("alice").json()
    api.login("alice", password="hunter2 wrong")
    api.client.get("/sync/pull", headers={"Authorization": f"Bearer {body['access_token']}"})
    text = "\n".join(f"{r.getMessage()} {getattr(r, 'fields', '')}" for r in caplog.records)
    assert "login" in text and "/sync/pull" in text
    for secret in (body["access_token"], body["refresh_token"], "hunter2", "correct horse"):
        assert secret not in text
