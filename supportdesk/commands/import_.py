"""``supportdesk import PATH``: chat exports and email files into a profile.

Chat exports (WhatsApp, Telegram, Slack, Discord, Messenger, website widgets,
CSV) go through ``supportdesk.services.chat_import``; ``.eml`` files, folders
of them and mbox files through the email channel's ``import_mail_path``.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import sys
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import Any

from supportdesk.cliargs import CommandError, print_json, resolve_profile
from supportdesk.commands import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk import``."""
    from supportdesk.channels.chat import FORMATS
    from supportdesk.services.chat_import.summary import DEFAULT_HISTORY_DAYS

    parser.add_argument("path", type=Path, metavar="PATH",
                        help="a chat export (file, .zip or folder), a mail file (.eml, .txt "
                             "or none: told by content), a folder of them, a Maildir or an "
                             "mbox file")  # fmt: skip
    parser.add_argument("--format", dest="fmt", choices=[*FORMATS, "mail"], metavar="F",
                        help="the export's format when detection gets it wrong: "
                             + ", ".join([*FORMATS, "mail"]))  # fmt: skip
    parser.add_argument("--us", action="append", default=[], metavar="NAME",
                        help="a chat participant who is the team (name, handle or phone); "
                             "repeat for several")  # fmt: skip
    parser.add_argument("--tz", metavar="ZONE",
                        help="time zone of chat times written without one, like Europe/Berlin "
                             "(default: the team's zone, else this computer's)")  # fmt: skip
    parser.add_argument("--date-order", choices=["dmy", "mdy", "ymd"],
                        help="day/month order of WhatsApp dates when the file cannot tell")
    parser.add_argument("--columns", metavar="SPEC",
                        help="for a generic CSV, which column holds what: "
                             "time=When,author=Who,text=Said (also date=, id=, chat=, "
                             "attachments=, role=, agents=Staff|Support)")  # fmt: skip
    parser.add_argument("--attachments-from", type=Path, metavar="DIR",
                        help="for a single chat file (not a .zip or folder): the folder holding "
                             "the files it names; without it, no file beside the export is "
                             "read")  # fmt: skip
    parser.add_argument("--history-days", type=int, default=DEFAULT_HISTORY_DAYS, metavar="N",
                        help="chats whose last message is older than N days are imported as "
                             "solved, with no SLA clock (default %(default)s; -1 imports "
                             "every chat as open)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary")


def run(args: argparse.Namespace) -> int:
    """Import the file; print what was added, skipped and why, and what failed."""
    path: Path = args.path.expanduser()
    if not path.exists():
        raise _fail(args, f"{path}: no such file or folder")
    from supportdesk.services.chat_import import looks_like_mail

    if args.fmt == "mail" or (args.fmt is None and looks_like_mail(path)):
        return _run_mail(args, path)
    return _run_chat(args, path)


def _fail(args: argparse.Namespace, message: str, **where: Any) -> CommandError:
    """A CommandError; with --json, the error is also printed as JSON on stdout."""
    if getattr(args, "json", False):
        print_json({"ok": False, "error": {"message": message, **where}})
    return CommandError(message)


# -- chat --------------------------------------------------------------------------------


def _run_chat(args: argparse.Namespace, path: Path) -> int:
    from supportdesk.channels.chat import ChatImportError, detect_format
    from supportdesk.config import DEFAULT_REGION, TEAM_TIMEZONE, Settings
    from supportdesk.services.chat_import import (
        ChatImportInterruptedError,
        ChatImportRefusedError,
        ImportOptions,
        UnknownZoneError,
        import_chat_export,
        parse_columns,
        zone_named,
    )

    try:
        zone = zone_named(args.tz) if args.tz else None
    except UnknownZoneError as exc:
        raise _fail(args, f"--tz: {exc}") from exc
    try:
        fmt = args.fmt or detect_format(path)
    except ChatImportError as exc:
        raise _fail(args, str(exc), **_where(exc)) from exc
    settings = Settings(resolve_profile(args))
    team_zone: tzinfo | None = None
    if settings.get(TEAM_TIMEZONE):
        try:
            team_zone = zone_named(settings.get(TEAM_TIMEZONE))
        except UnknownZoneError:
            team_zone = None
    attachments: Path | None = getattr(args, "attachments_from", None)
    if attachments is not None:
        attachments = attachments.expanduser()
        if not attachments.is_dir():
            raise _fail(args, f"--attachments-from: {attachments} is not a folder")
    mapping = None
    if args.columns:
        try:
            mapping = parse_columns(args.columns)
        except ValueError as exc:
            raise _fail(args, f"--columns: {exc}") from exc
    options = ImportOptions(
        csv_mapping=mapping,
        fmt=fmt,
        tz=zone,
        default_tz=team_zone,
        us=tuple(args.us),
        date_order=args.date_order,
        default_region=settings.get(DEFAULT_REGION),
        attachments_from=attachments,
        history_days=args.history_days if args.history_days >= 0 else None,
    )
    with open_store(args) as store:
        from zoneinfo import ZoneInfo

        from supportdesk.services import team_locale

        with store.read() as session:  # the team's country for numbers without a code
            region = team_locale.load_locale(
                session, team_zone if isinstance(team_zone, ZoneInfo) else None,
                settings.get(DEFAULT_REGION)).phone_region
        options = dataclasses.replace(options, default_region=region)
        try:
            summary = import_chat_export(store, path, options, progress=_progress(args))
        except ChatImportError as exc:
            raise _fail(args, str(exc), **_where(exc)) from exc
        except ChatImportRefusedError as exc:
            raise _fail(args, str(exc)) from exc
        except ChatImportInterruptedError as exc:
            if args.json:
                print_json({**exc.summary.to_json(), "ok": False, "error": {"message": str(exc)}})
            raise CommandError(str(exc)) from exc
        finally:
            _clear_progress(args)
    if args.json:
        print_json(summary.to_json())
    else:
        _print_chat(summary)
    return 0


def _where(exc: Any) -> dict[str, Any]:
    return {
        "file": str(exc.path) if exc.path is not None else None,
        "line": exc.line,
        "member": exc.member,
        "reason": exc.reason,
    }


def _progress(args: argparse.Namespace, unit: str = "lines") -> Callable[[int, int], None] | None:
    if args.json or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done:,}/{total:,} {unit}", end="", file=sys.stderr, flush=True)

    return show


def _clear_progress(args: argparse.Namespace) -> None:
    if _progress(args) is not None:
        print("\r\033[K", end="", file=sys.stderr, flush=True)


def _print_chat(s: Any) -> None:
    from supportdesk.services.chat_import import FORMAT_LABELS

    name = s.path.name if s.path else "export"
    label = FORMAT_LABELS.get(s.format, s.format)
    print(
        f"Imported {name} ({label}): {s.added:,} message(s) added, "
        f"{s.skipped_duplicates:,} already there, from {s.lines:,} line(s)."
    )
    for c in s.conversations:
        state = "new conversation" if c.created else "added to the existing conversation"
        print(f"  {c.ticket}  {c.title} — {state}: {c.added:,} added, "
              f"{c.skipped_duplicates:,} already there")  # fmt: skip
        us = [f"{p.name} ({p.matched})" for p in c.people if p.side == "agent"]
        them = [f"{p.name} ({p.matched})" for p in c.people if p.side == "customer"]
        unknown = [p.name for p in c.people if p.side == "unknown"]
        if us:
            print("      us: " + ", ".join(us))
        if them:
            print("      customers: " + ", ".join(them))
        if unknown:
            print("      participants (side not known; name them with --us): "
                  + ", ".join(unknown))  # fmt: skip
    if s.sides_resolved:
        print(f"  {s.sides_resolved:,} line(s) imported before now have their author's side.")
    print(
        f"  {s.customers_created} customer(s) and {s.agents_created} agent(s) created; "
        f"{s.attachments_stored} file(s) stored, {s.attachments_missing} not in the export."
    )
    if s.timezone:
        how = "assumed" if s.timezone_assumed else "as given"
        print(f"  Times without a zone were read as {s.timezone} ({how}).")
    if s.original_sha256:
        print(f"  The original export is kept in the profile (sha256 {s.original_sha256[:12]}…).")
    if s.warnings:
        print("Warnings:")
        for w in s.warnings:
            print(f"  - {w}")
    if s.failed:
        print("Not imported:")
        for item, reason in s.failed:
            print(f"  - {item}: {reason}")


# -- mail --------------------------------------------------------------------------------


def _run_mail(args: argparse.Namespace, path: Path) -> int:
    if args.us or args.tz or args.date_order:
        print("supportdesk import: --us, --tz and --date-order apply to chat exports only; "
              "ignored for mail", file=sys.stderr)  # fmt: skip
    try:
        mail = importlib.import_module("supportdesk.services.mail")
    except ImportError as exc:
        raise _fail(args, f"importing email is not available in this build ({exc})") from exc
    importer = getattr(mail, "import_mail_path", None)
    if importer is None:
        raise _fail(args, "importing email is not available in this build yet")
    with open_store(args) as store:
        try:
            summary = importer(store, path, progress=_progress(args, "bytes"), cancel=None)
        except (ValueError, OSError) as exc:
            raise _fail(args, f"{path.name}: {exc}") from exc
        finally:
            _clear_progress(args)
    added = int(getattr(summary, "added", 0))
    duplicates = int(getattr(summary, "duplicates", 0))
    failed = [_failure(f) for f in getattr(summary, "failed", []) or []]
    nothing = not added and not duplicates and bool(failed)
    if args.json:
        as_json = getattr(summary, "as_json", None)
        data = as_json() if callable(as_json) else {
            "added": added, "skipped_duplicates": duplicates,
            "failed": [{"item": item, "reason": reason} for item, reason in failed],
        }  # fmt: skip
        data["skipped"] = (
            [{"reason": "already in SupportDesk (imported before)", "count": duplicates}]
            if duplicates else []
        )  # fmt: skip
        print_json({"ok": not nothing, "kind": "mail", "file": str(path), **data})
    else:
        print(f"Imported {path.name} (email): {added:,} message(s) added, "
              f"{duplicates:,} already there.")  # fmt: skip
        if failed:
            print("Not imported:")
            for item, reason in failed:
                print(f"  - {item}: {reason}")
    if nothing:
        raise CommandError(f"{path.name}: nothing in it could be imported as email")
    return 0


def _failure(entry: Any) -> tuple[str, str]:
    if isinstance(entry, tuple | list) and len(entry) == 2:
        return str(entry[0]), str(entry[1])
    return str(entry), ""
