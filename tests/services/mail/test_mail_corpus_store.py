"""Every message of the shared real-mail corpus goes into a store, raw kept.

The corpus is ``$SUPPORTDESK_CORPUS/email`` or ``<repo>/../shared/corpus/email``
(read in place, never copied). Skips cleanly when it is not on this machine.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from supportdesk.models import Attachment, Conversation, Message
from supportdesk.services.mail.ingest import MAILBOX_IMPORT, Ingestor, IngestOutcome
from supportdesk.store import Store
from tests.conftest import corpus_dir

pytestmark = pytest.mark.corpus


def corpus_files() -> list[Path]:
    folder = corpus_dir("email")
    if folder is None:
        return []
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.name not in ("SOURCES.txt", "README.md") and not p.name.startswith(".")
    )  # fmt: skip


def test_every_corpus_message_is_stored(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    files = corpus_files()
    if not files:
        pytest.skip("mail corpus not found: set SUPPORTDESK_CORPUS to a folder containing email/")
    ingestor = Ingestor(store, batch_size=50)
    outcomes: list[IngestOutcome] = []
    raws: dict[str, bytes] = {}
    for path in files:
        raw = path.read_bytes()
        source = str(path)
        raws[source] = raw
        outcomes += ingestor.add(raw, mailbox_key=MAILBOX_IMPORT, source=source)
    outcomes += ingestor.flush()

    assert len(outcomes) == len(files)
    added = [o for o in outcomes if o.status == "added"]
    duplicates = [o for o in outcomes if o.status == "duplicate"]
    with store.read() as session:
        stored = dict(session.execute(select(Message.id, Message.raw_sha256)).all())
        conversations = session.scalar(select(func.count()).select_from(Conversation))
        attachments = session.scalar(select(func.count()).select_from(Attachment))
        noted = session.scalar(
            select(func.count()).select_from(Message)
            .where(func.json_array_length(Message.meta, "$.problems") > 0)
        )  # fmt: skip
    assert set(stored) == {o.row_id for o in added}
    for outcome in added:  # raw kept, byte for byte
        assert store.blobs.get(stored[outcome.row_id] or "") == raws[outcome.source]
    for outcome in duplicates:  # a copy of a stored mail: same Message-ID, sender, date, content
        assert outcome.row_id in stored
    for raw in raws.values():  # every file's bytes are kept, copies included
        assert store.blobs.has(hashlib.sha256(raw).hexdigest())
    rules: dict[str, int] = {}
    for outcome in added:
        rules[outcome.rule] = rules.get(outcome.rule, 0) + 1
    with capsys.disabled():
        print(
            f"\ncorpus into the store: {len(files)} files, {len(added)} stored, "
            f"{len(duplicates)} copies of a stored mail (same Message-ID, sender, date, subject, "
            "text and files), every raw file kept, "
            f"{conversations} conversations, {attachments} attachments, {noted} with notes; "
            f"threading rules {dict(sorted(rules.items()))}"
        )
