"""Attachment files travel by content hash beside the rows that name them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import update

from supportdesk.models import Attachment, new_id
from supportdesk.server import db
from supportdesk.services import actions
from supportdesk.store import UnitOfWork
from supportdesk.sync.client import SyncClient
from tests.sync.harness import AppTransport, drop_uploads

PDF = b"%PDF-1.4 invoice 2291 \xe2\x82\xac 129.00\n" * 50
PHOTO = bytes(range(256)) * 40


def attach(client: SyncClient, *files: tuple[str, bytes]) -> list[str]:
    """A conversation with a note carrying these files; returns their sha256."""

    def run(uow: UnitOfWork) -> list[str]:
        conv = actions.create_conversation(uow, channel=actions.Channel.EMAIL, customer_id=None,
                                           subject="Invoice")
        note = actions.add_note(uow, conv.id, "See the attached files", "Alice")
        out = []
        for name, data in files:
            digest = client.store.blobs.put(data)
            uow.add(Attachment(id=new_id(), message_id=note.id, filename=name,
                               mime_type="application/octet-stream", size=len(data),
                               sha256=digest, content_id=None, inline=False))
            out.append(digest)
        return out

    return client.store.write(run)


def calls(client: SyncClient, method: str, prefix: str) -> list[str]:
    log = client.transport.log  # type: ignore[attr-defined]
    return [path for m, path, _size, _status in log if m == method and path.startswith(prefix)]


def test_files_reach_the_other_laptop_and_only_once(
    make_client: Callable[..., SyncClient],
) -> None:
    a, b = make_client("alice"), make_client("bob")
    pdf, photo, same_pdf = attach(a, ("invoice.pdf", PDF), ("photo.jpg", PHOTO),
                                  ("copy of invoice.pdf", PDF))
    assert same_pdf == pdf
    sent = a.sync()
    assert (sent.blobs_uploaded, sent.blobs_waiting, sent.blob_problems) == (2, 0, [])
    got = b.sync()
    assert (got.blobs_downloaded, got.blobs_waiting, got.blob_problems) == (2, 0, [])
    assert b.store.blobs.get(pdf) == PDF and b.store.blobs.get(photo) == PHOTO
    assert (got.as_dict()["blobs_downloaded"], sent.as_dict()["blobs_uploaded"]) == (2, 2)
    # Nothing left to move: the next syncs are one request each again.
    for client in (a, b):
        before = len(client.transport.log)  # type: ignore[attr-defined]
        client.sync()
        assert len(client.transport.log) - before == 1  # type: ignore[attr-defined]


def test_only_files_the_server_lacks_are_uploaded(
    make_client: Callable[..., SyncClient],
) -> None:
    a, b = make_client("alice"), make_client("bob")
    (pdf,) = attach(b, ("invoice.pdf", PDF))
    b.sync()
    pdf_again, photo = attach(a, ("invoice.pdf", PDF), ("photo.jpg", PHOTO))
    assert pdf_again == pdf
    result = a.sync()
    assert result.blobs_uploaded == 1
    assert calls(a, "PUT", "/blobs/") == [f"/blobs/{photo}"]
    assert calls(a, "POST", "/blobs/missing") == ["/blobs/missing"]


def test_a_file_the_server_lacks_does_not_hold_up_the_rest(
    make_client: Callable[..., SyncClient], server: TestClient,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    (pdf,) = attach(a, ("invoice.pdf", PDF))
    real = drop_uploads(a)
    first = a.sync()  # the rows went; the file did not
    assert first.pushed > 0 and first.blobs_uploaded == 0 and first.blobs_waiting == 1
    assert first.blob_problems == [
        "Attachment files were not sent this time: the connection dropped during the upload"
    ]
    got = b.sync()  # bob gets every row; the file waits on the server
    assert got.snapshot_rows > 0 and got.blobs_downloaded == 0 and got.blobs_waiting == 1
    assert got.blob_problems == [] and not b.store.blobs.has(pdf)
    a.transport.request = real  # type: ignore[method-assign]
    assert a.sync().blobs_uploaded == 1
    later = b.sync()
    assert (later.blobs_downloaded, later.blobs_waiting) == (1, 0)
    assert b.store.blobs.get(pdf) == PDF


def test_a_damaged_file_is_refused_and_not_kept(
    make_client: Callable[..., SyncClient], server: TestClient,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    (pdf,) = attach(a, ("invoice.pdf", PDF))
    a.sync()
    engine = server.app.state.engine  # type: ignore[attr-defined]
    with engine.begin() as conn:  # the server's copy rots on disk
        conn.execute(update(db.blobs).where(db.blobs.c.sha256 == pdf)
                     .values(data=PDF[:-1] + b"?"))
    got = b.sync()
    assert got.pulled + got.snapshot_rows > 0  # the rows arrived all the same
    assert got.blobs_downloaded == 0 and got.blobs_waiting == 1
    assert len(got.blob_problems) == 1 and "damaged" in got.blob_problems[0]
    assert not b.store.blobs.has(pdf)
    assert not list(b.store.blobs.root.rglob("*" + pdf[:12] + "*"))
    with engine.begin() as conn:  # repaired: the next sync fetches it
        conn.execute(update(db.blobs).where(db.blobs.c.sha256 == pdf).values(data=PDF))
    assert b.sync().blobs_downloaded == 1
    assert hashlib.sha256(b.store.blobs.get(pdf)).hexdigest() == pdf


def test_the_server_answers_which_files_it_lacks(
    make_client: Callable[..., SyncClient], server: TestClient,
) -> None:
    a = make_client("alice")
    (pdf,) = attach(a, ("invoice.pdf", PDF))
    a.sync()
    transport = a.transport
    assert isinstance(transport, AppTransport)
    token = a._load_tokens(a.peer())  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {token.access}"}
    unknown = hashlib.sha256(b"never uploaded").hexdigest()
    resp = server.post("/blobs/missing", json={"sha256": [pdf, unknown]}, headers=headers)
    assert resp.status_code == 200 and resp.json() == {"missing": [unknown]}
    bad = server.post("/blobs/missing", json={"sha256": ["../../etc/passwd"]}, headers=headers)
    assert bad.status_code == 422
    too_many = server.post("/blobs/missing", json={"sha256": [unknown] * 1001}, headers=headers)
    assert too_many.status_code == 422
    anonymous = server.post("/blobs/missing", json={"sha256": [pdf]})
    assert anonymous.status_code == 401
