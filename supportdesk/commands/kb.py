"""``supportdesk kb``: the knowledge base for scripts: publish the help site, search, list."""

from __future__ import annotations

import argparse
from pathlib import Path

from supportdesk.cli import CommandError, print_json, profile_arg, resolve_profile
from supportdesk.commands import open_store
from supportdesk.store.engine import database_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk kb``."""
    sub = parser.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    pub = sub.add_parser("publish", help="write the public articles as a static help site")
    pub.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER",
                     help="the site's folder (made when missing; updated in place later)")
    pub.add_argument("--title", default="Help centre", help="the site's name")
    find = sub.add_parser("search", help="search articles as the knowledge base window does")
    find.add_argument("query")
    find.add_argument("--json", action="store_true", help="print results as JSON")
    lst = sub.add_parser("list", help="list every article")
    lst.add_argument("--json", action="store_true", help="print the list as JSON")
    for action in (pub, find, lst):
        profile_arg(action, sub=True)  # ``kb publish --profile DIR`` as well as before ``kb``


def run(args: argparse.Namespace) -> int:
    """Run one knowledge-base action."""
    from supportdesk.services.kb import articles, publish, search

    if not database_path(resolve_profile(args)).exists():
        raise CommandError(f"no SupportDesk profile at {resolve_profile(args)}")
    with open_store(args) as store, store.read() as session:
        if args.kb_command == "publish":
            arts = articles.list_articles(session, public_only=True, published_only=True)
        elif args.kb_command == "search":
            arts = [h.article for h in search.search(session, args.query)]
        else:
            arts = articles.list_articles(session)
    if args.kb_command == "publish":
        try:
            result = publish.publish(arts, args.output, title=args.title)
        except publish.PublishError as exc:
            raise CommandError(str(exc)) from exc
        print(f"{result.articles} articles published to {args.output}: "
              f"{len(result.written)} files written, {result.unchanged} unchanged, "
              f"{len(result.removed)} removed.")
        return 0
    if args.json:
        print_json([{"id": a.id, "title": a.title, "language": a.language,
                     "visibility": a.visibility, "published": a.published,
                     "tags": list(a.tags), "uses": a.uses, "version": a.version}
                    for a in arts])
        return 0
    if not arts:
        print("No articles.")
    for a in arts:
        state = "published" if a.published else a.visibility
        print(f"{a.language}  {state:<9}  {a.uses:>3} uses  {a.title}")
    return 0
