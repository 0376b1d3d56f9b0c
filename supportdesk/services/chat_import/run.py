"""Import a chat export into the store: each chat a conversation, each line a message.

The import runs on the caller's thread (a worker, the CLI) and hands batches
of ready rows to the store's single writer; while the writer inserts one
batch, the next is prepared. An export no longer than one batch is written
in one transaction (a cancel or a failure leaves nothing behind); a longer
one is written in batches that each commit, and because every id is derived
from the export, running the import again finishes the job without
duplicating anything.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta, tzinfo
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select

from supportdesk.channels.chat import (
    ChatImportError,
    ChatLine,
    ChatThread,
    StreamInfo,
    Transcript,
    detect_format,
    line_key,
    parse_export,
    stream_whatsapp,
)
from supportdesk.models import Conversation, derived_id
from supportdesk.services.chat_import.originals import keep_original
from supportdesk.services.chat_import.people import (
    PeopleResolver,
    UsMatcher,
    chat_sides,
)
from supportdesk.services.chat_import.summary import (
    FORMAT_LABELS,
    Cancel,
    ChatImportInterruptedError,
    ChatImportRefusedError,
    ChatOutcome,
    ImportOptions,
    ImportSummary,
    PersonOutcome,
    Progress,
)
from supportdesk.services.chat_import.write import (
    Batch,
    BatchResult,
    ChatState,
    Finish,
    ImportCancelledError,
    existing_ids,
    line_stats,
    write_batch,
)
from supportdesk.services.chat_import.zones import local_zone, zone_name
from supportdesk.store import Store, UnitOfWork

log = logging.getLogger(__name__)


class _SkippedError(Exception):
    """A queued batch not written because one before it failed."""

#: How often (in lines) progress is reported and cancel looked at between batches.
TICK = 2_048
_GENERIC_TITLES = frozenset({"_chat", "chat", "whatsapp chat", "whatsapp", "export", "result"})


def chat_key(fmt: str, chat: ChatThread) -> str:
    """The stable name of a chat: its id in the export, else its title.

    A WhatsApp export has no chat id; its title comes from the file name
    WhatsApp gives it ("WhatsApp Chat with Ana"). When that title says
    nothing, the participants are added so two such chats do not merge.
    """
    from supportdesk.services.chat_import.people import NETWORKS

    family = NETWORKS.get(fmt, fmt)
    if chat.source_chat_id:
        return f"{family}:id:{chat.source_chat_id}"
    title = " ".join(chat.title.split()).casefold()
    if title in _GENERIC_TITLES or not title:
        names = sorted({" ".join(p.name.split()).casefold() for p in chat.participants})
        return f"{family}:title:{title}:" + "|".join(names)
    return f"{family}:title:{title}"


def subject_from_line(fmt: str, who: str, text: str, limit: int = 60) -> str:
    """A subject for a chat known only by its file name: the customer and the first line."""
    label = FORMAT_LABELS.get(fmt, fmt)
    first = " ".join(text.split())
    if len(first) > limit:
        first = first[: limit - 1].rstrip() + "…"
    return f"{label}: {who} — {first}" if who else f"{label}: {first}"


def conversation_id_for(fmt: str, chat: ChatThread) -> str:
    """The conversation a chat goes into (the same on every device, every time)."""
    return derived_id("chat-conversation", chat_key(fmt, chat))


def import_chat_export(
    store: Store,
    path: Path,
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    transcript: Transcript | None = None,
) -> ImportSummary:
    """Import one export (file, zip or folder).

    Args:
        store: the profile's store; batches go to its writer.
        path: the export.
        options: format, zone, who is us, participant choices, batch size.
        progress: called with (lines done, lines in all) now and then.
        cancel: polled between batches (and before the one commit of a
            one-batch import); True stops the import.
        transcript: an already parsed export of ``path`` (the dialog's), to
            avoid parsing twice; it must have been parsed without a zone.

    Raises:
        ChatImportError: the export cannot be read (nothing was written).
        ChatImportRefusedError: ``us`` names nobody in the export (nothing was written).
        ChatImportInterruptedError: saving failed after some batches were committed.
    """
    return _Importer(store, Path(path), options or ImportOptions(), progress, cancel).run(
        transcript
    )


class _Importer:
    def __init__(
        self,
        store: Store,
        path: Path,
        options: ImportOptions,
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> None:
        self.store = store
        self.path = path
        self.options = options
        self.progress = progress
        self.cancel = cancel
        self.summary = ImportSummary(path=path)
        self.tz: tzinfo = UTC
        self.media: Transcript | None = None
        self.states: list[ChatState] = []
        self.inflight: list[tuple[Future[BatchResult], int]] = []
        self._failed = threading.Event()
        self.committed = 0
        self.done = 0
        self.total = 0
        self.atomic = True
        self.batch = Batch()
        self._reported = -1
        self._resolved: dict[str, int] = {}
        self._stored: set[str] = set()
        #: conversations that did not exist when this import started
        self._new: set[str] = set()
        self._seen: set[int] = set()
        self._repeats: dict[int, int] = {}

    # -- the whole run ------------------------------------------------------------------

    def run(self, transcript: Transcript | None) -> ImportSummary:
        opts = self.options
        fmt = opts.fmt or (transcript.format if transcript else detect_format(self.path))
        self.summary.format = fmt
        with ExitStack() as stack:
            if transcript is None and fmt == "whatsapp":
                info = StreamInfo()
                thread, lines = stack.enter_context(
                    stream_whatsapp(self.path, date_order=opts.date_order, info=info,
                                    attachments_from=opts.attachments_from)
                )
                self.media = Transcript(fmt, self.path, [], True, [], info.media)
                self.summary.warnings.extend(info.warnings)
                chats: list[tuple[ChatThread, Iterator[ChatLine]]] = [(thread, lines)]
                self.total = info.messages
            else:
                if transcript is None:
                    transcript = parse_export(
                        self.path, fmt=fmt, csv_mapping=opts.csv_mapping,
                        date_order=opts.date_order, attachments_from=opts.attachments_from,
                    )  # fmt: skip
                self.media = transcript
                self.summary.warnings.extend(transcript.warnings)
                chats = [(c, iter(c.lines)) for c in transcript.chats]
                self.total = transcript.line_count
            self.summary.lines = self.total
            self._prepare([c for c, _ in chats])
            self._import(chats)
        return self.summary

    def _prepare(self, chats: list[ChatThread]) -> None:
        """Check ``us``, keep the original, choose the zone, plan who is who."""
        opts = self.options
        us = UsMatcher(opts.us)
        if us:
            everyone = [p for c in chats for p in c.participants]
            missing = us.unmatched(everyone)
            if len(missing) == len(us.given):
                names = ", ".join(dict.fromkeys(p.name for p in everyone)) or "nobody"
                raise ChatImportRefusedError(
                    f"{self.path.name}: nobody in this export is called "
                    + ", ".join(f'"{m}"' for m in missing)
                    + f"; its participants are: {names}"
                )
            for name in missing:
                self.summary.warnings.append(f'nobody in this export is called "{name}"')
        self.atomic = self.total <= opts.batch_size
        if opts.keep_original:
            sha, size, notes = keep_original(self.store.blobs, self.path)
            self.summary.original_sha256, self.summary.original_size = sha, size
            self.summary.warnings.extend(notes)
        self.tz = opts.tz or opts.default_tz or local_zone()
        label = FORMAT_LABELS.get(self.summary.format, self.summary.format)
        with self.store.read() as session:
            resolver = PeopleResolver(session, self.summary.format, opts.default_region)
            for chat in chats:
                sides = chat_sides(chat, opts, us)
                plans = {
                    p.key: resolver.plan(p, sides[p.key], opts.people.get(p.key))
                    for p in chat.participants
                }
                cid = conversation_id_for(self.summary.format, chat)
                if session.scalar(select(Conversation.id).where(Conversation.id == cid)) is None:
                    self._new.add(cid)
                outcome = ChatOutcome(
                    conversation_id=cid,
                    title=chat.title,
                    created=False,
                    people=[
                        PersonOutcome(p.key, p.name, plans[p.key].side, plans[p.key].agent_id,
                                      plans[p.key].customer_id, plans[p.key].matched)
                        for p in chat.participants
                    ],
                )  # fmt: skip
                customers = [p for p in chat.participants if plans[p.key].side == "customer"]
                title = " ".join(chat.title.split()).casefold()
                named = [p for p in customers if " ".join(p.name.split()).casefold() == title]
                primary = (named or customers)[:1]
                outcome.customer_id = plans[primary[0].key].customer_id if primary else None
                state = ChatState(chat, chat_key(self.summary.format, chat), cid,
                                  f"{label}: {chat.title}", plans, outcome.customer_id, outcome)
                state.untitled = chat.title in (self.path.stem, self.path.name)
                state.who = primary[0].name if primary else ""
                self.states.append(state)

    # -- lines to rows ------------------------------------------------------------------

    def _import(self, chats: list[tuple[ChatThread, Iterator[ChatLine]]]) -> None:
        cancelled = False
        self._tick()  # (0, total): the lines are counted, nothing is written yet
        try:
            for state, (_, lines) in zip(self.states, chats, strict=True):
                if self._chat(state, lines):
                    cancelled = True
                    break
        except ChatImportError as exc:
            self._drain()
            if self.committed:
                raise ChatImportInterruptedError(
                    f"{exc}. {self.committed} line(s) were saved before this; fix the export "
                    "and import it again to finish (saved lines are not duplicated).",
                    self.summary,
                ) from exc
            raise
        if cancelled:
            self.summary.cancelled = True
            if self.atomic:
                return  # nothing was sent to the writer
            for state in self.batch.opens:
                state.opened = False  # its conversation was never written
            self.batch = Batch()  # lines read but not sent are dropped
        for state in self.states:
            if state.opened:
                self.batch.finishes.append(Finish(state, self._detail(state)))
            elif not cancelled and not state.lines:
                self.summary.warnings.append(f"{state.chat.title}: no messages; nothing imported")
        self._flush(final=True)
        self._drain()
        self._report()

    def _chat(self, state: ChatState, lines: Iterator[ChatLine]) -> bool:
        """Turn one chat's lines into rows; True when the rep cancelled."""
        fmt = self.summary.format
        ck = state.key
        cid = state.conversation_id
        sha = self.summary.original_sha256
        tz = self.tz
        plans = state.plans
        seen, repeats = self._seen, self._repeats
        batch_size = self.options.batch_size
        for line in lines:
            if len(self.batch.rows) >= batch_size:
                if self._cancelled():
                    return True
                self._flush(final=False)
            if state.untitled and line.kind != "system" and line.text.strip():
                state.untitled = False  # a file name says nothing: who, and what they wrote
                state.subject = subject_from_line(self.summary.format, state.who, line.text)
            if not state.opened:
                state.opened = True
                state.first_time = self._aware(line)
                self.batch.opens.append(state)
            when = line.time
            if when.tzinfo is None:
                when = when.replace(tzinfo=tz)
                self.summary.naive_times += 1
            when = when.astimezone(UTC)  # cheaper for the writer to store
            key = line_key(ck, line)
            if line.source_id is None:
                h = int(key[:15], 16)
                if h in seen:
                    n = repeats.get(h, 1)
                    repeats[h] = n + 1
                    key = line_key(ck, line, n)
                else:
                    seen.add(h)
            meta: dict[str, Any] = {"source": fmt}
            agent_id = customer_id = None
            if line.kind == "system":
                meta["system"] = True
            else:
                plan = plans.get(line.author_key) if line.author_key is not None else None
                if plan is not None:
                    agent_id, customer_id = plan.agent_id, plan.customer_id
                    meta["side"] = plan.side
                else:
                    meta["side"] = "unknown"
                if line.author_key is not None and line.author_key != line.author_name:
                    meta["author_key"] = line.author_key
            if line.source_id is not None:
                meta["source_id"] = line.source_id
            if line.reply_to is not None:
                meta["reply_to"] = line.reply_to
            if line.thread_key is not None:
                meta["thread"] = line.thread_key
            if line.line_no is not None:
                meta["line"] = line.line_no
            body = line.text
            if line.attachments:
                body = self._files(line, meta, body)
            row = {
                "id": derived_id("chat-line", key),
                "conversation_id": cid,
                "kind": "chat",
                "created_at": when,
                "author_agent_id": agent_id,
                "author_customer_id": customer_id,
                "author_name": line.author_name,
                "subject": "",
                "body_text": body,
                "body_html": None,
                "meta": meta,
                "raw_sha256": sha,
            }
            rows = self.batch.rows
            if customer_id is not None:
                self.batch.customer_rows.add(len(rows))
            if "files" in meta:
                present = tuple(a for a in line.attachments if not a.missing and a.member)
                self.batch.with_files.append((len(rows), present))
            rows.append(row)
            state.lines += 1
            self.done += 1
            if not self.done % TICK:
                self._tick()
                if self.atomic and self._cancelled():
                    return True
        return False

    def _aware(self, line: ChatLine) -> datetime:
        return line.time if line.time.tzinfo is not None else line.time.replace(tzinfo=self.tz)

    def _files(self, line: ChatLine, meta: dict[str, Any], body: str) -> str:
        """Note a line's files: present ones are read later, missing ones named."""
        missing = [a.name for a in line.attachments if a.missing or a.member is None]
        present = [a for a in line.attachments if not (a.missing or a.member is None)]
        if missing:
            meta["missing_files"] = missing
            self.summary.attachments_missing += len(missing)
            if not body and not present:
                body = "; ".join(f"[{name}: not included in the export]" for name in missing)
        if present:
            meta["files"] = len(present)
        return body

    # -- batches ------------------------------------------------------------------------

    def _flush(self, *, final: bool) -> None:
        """Hand the batch being built to the writer; wait for the one before it."""
        batch, self.batch = self.batch, Batch()
        batch.atomic = self.atomic
        batch.cancel = self.cancel
        self._check(batch)
        self._read_files(batch)
        if final and batch.finishes:
            days = self.options.history_days
            if days is not None and days >= 0:
                batch.solve_before = (self.options.now or datetime.now(UTC)) - timedelta(
                    days=days)
            self._drain()  # the history entry carries totals over every batch
            for finish in batch.finishes:
                o = finish.state.outcome
                finish.detail["added"] = o.added
                finish.detail["skipped_duplicates"] = o.skipped_duplicates
                finish.detail["created"] = o.created
                resolved = self._resolved.get(finish.state.conversation_id, 0)
                finish.detail["sides_resolved"] = resolved
        if not (batch.rows or batch.opens or batch.finishes):
            return
        future = self.store.submit(partial(self._write, batch))
        self.inflight.append((future, len(batch.rows)))
        self.summary.batches += 1
        self._drain(keep=1)

    def _write(self, batch: Batch, uow: UnitOfWork) -> BatchResult:
        """On the writer: write a batch, unless one before it failed (then nothing)."""
        if self._failed.is_set():
            raise _SkippedError
        try:
            return write_batch(uow, batch=batch)
        except ImportCancelledError:
            raise
        except BaseException:
            self._failed.set()  # batches already queued behind this one write nothing
            raise

    def _drain(self, keep: int = 0) -> None:
        """Wait for batches in flight (all but the newest ``keep``) and count what they did.

        Raises:
            ChatImportInterruptedError: a batch failed after others were committed.
        """
        error: BaseException | None = None
        while len(self.inflight) > keep or (error is not None and self.inflight):
            future, lines = self.inflight.pop(0)
            try:
                result = future.result()
            except ImportCancelledError:
                self.summary.cancelled = True
                continue
            except _SkippedError:
                continue
            except Exception as exc:
                error = error or exc
                continue
            self.committed += lines
            self._count(result)
        if error is None:
            return
        if self.committed:
            raise ChatImportInterruptedError(
                f"{self.path.name}: saving stopped ({error}). {self.committed} line(s) were "
                "saved before this; import the export again to finish (saved lines are "
                "not duplicated).",
                self.summary,
            ) from error
        raise error

    def _count(self, result: BatchResult) -> None:
        s = self.summary
        by_id = {st.conversation_id: st.outcome for st in self.states}
        for cid, n in result.added.items():
            by_id[cid].added += n
            s.added += n
        for cid, n in result.skipped.items():
            by_id[cid].skipped_duplicates += n
            s.skipped_duplicates += n
        for cid in result.created:
            by_id[cid].created = True
        for cid, n in result.resolved.items():
            self._resolved[cid] = self._resolved.get(cid, 0) + n
        s.sides_resolved += sum(result.resolved.values())
        s.customers_created += result.customers_created
        s.agents_created += result.agents_created
        s.attachments_stored += result.attachments
        self._tick(committed=True)

    def _check(self, batch: Batch) -> None:
        """Look for already stored lines here, off the writer (which is the bottleneck).

        When none is stored and every line goes into a conversation this import
        creates, the writer need not look again; otherwise it checks inside its
        transaction, where the answer cannot change.
        """
        if not batch.rows:
            return
        with self.store.read() as session:
            stored = existing_ids(session, [r["id"] for r in batch.rows])
        self._stored = stored
        if not stored and all(r["conversation_id"] in self._new for r in batch.rows):
            batch.checked = (stored, line_stats(batch.rows, stored, batch.customer_rows))

    def _read_files(self, batch: Batch) -> None:
        """Read the files of lines not stored yet into blobs; attachment rows for them."""
        if not batch.with_files:
            return
        assert self.media is not None
        stored = self._stored
        for i, present in batch.with_files:
            row = batch.rows[i]
            if row["id"] in stored:
                continue
            for n, att in enumerate(present):
                data = self.media.open_attachment(att)
                when = row["created_at"].strftime("%Y-%m-%d %H:%M")
                if data is None:
                    self.summary.failed.append(
                        (f"{att.name} ({row['author_name'] or 'system'}, {when})",
                         "the export names this file but it could not be read "
                         "(missing, damaged or larger than 256 MiB)")
                    )  # fmt: skip
                    continue
                sha = self.store.blobs.put(data)
                batch.attachments.append(
                    {
                        "id": derived_id("chat-attachment", row["id"], str(n)),
                        "message_id": row["id"],
                        "filename": att.name[:300],
                        "mime_type": att.mime or "application/octet-stream",
                        "size": len(data),
                        "sha256": sha,
                        "content_id": None,
                        "inline": False,
                    }
                )

    def _cancelled(self) -> bool:
        return self.cancel is not None and self.cancel()

    def _tick(self, *, committed: bool = False) -> None:
        """Report progress: half for lines read and prepared, half for lines saved.

        So the bar never moves backwards and reaches the end only when the last
        batch is committed.
        """
        if self.progress is None:
            return
        done = (min(self.done, self.total) + min(self.committed, self.total)) // 2
        if done > self._reported or (committed and done == self.total):
            self._reported = done
            self.progress(done, self.total)

    def _detail(self, state: ChatState) -> dict[str, Any]:
        s = self.summary
        return {
            "format": s.format,
            "file": self.path.name,
            "sha256": s.original_sha256,
            "size": s.original_size,
            "lines": state.lines,
            "timezone": zone_name(self.tz),
            "timezone_assumed": self.options.tz is None,
            "cancelled": s.cancelled,
            "participants": [
                {"key": p.key, "name": p.name, "side": p.side, "matched": p.matched}
                for p in state.outcome.people
            ],
        }

    def _report(self) -> None:
        s = self.summary
        s.conversations = [
            st.outcome for st in self.states
            if st.opened and (st.outcome.added or st.outcome.skipped_duplicates or not s.cancelled)
        ]  # fmt: skip
        if s.naive_times:
            s.timezone = zone_name(self.tz)
            s.timezone_assumed = self.options.tz is None
            if s.timezone_assumed and s.added:
                whose = "the team's zone" if self.options.default_tz else "this computer's zone"
                s.warnings.append(
                    f"the export's times have no time zone; they were read as {s.timezone} "
                    f"({whose}). Choose the zone (--tz) when that is wrong."
                )
        if s.attachments_missing:
            s.warnings.append(
                f"{s.attachments_missing} file(s) are named in the export but not included in it"
            )
