"""Views, counts and keyset pages over the demo workspace."""

from __future__ import annotations

from supportdesk.services import inbox
from supportdesk.services.inbox import ViewKey
from supportdesk.store import Store


def test_pages_cover_a_view_exactly_once_newest_first(demo_store: Store) -> None:
    with demo_store.read() as s:
        total = inbox.count(s, inbox.SOLVED, None)
        seen = []
        after = None
        while True:
            page = inbox.page(s, inbox.SOLVED, None, after=after, limit=7)
            if not page:
                break
            seen.extend(page)
            after = page[-1].sort_key
    assert len(seen) == total > 20
    assert len({r.id for r in seen}) == total
    keys = [r.sort_key for r in seen]
    assert keys == sorted(keys, reverse=True)
    assert all(r.status == "solved" for r in seen)


def test_sidebar_counts_match_their_views(demo_store: Store) -> None:
    me = demo_store.agent_id
    with demo_store.read() as s:
        counts = inbox.sidebar(s, me)
        for vc in counts:
            rows = inbox.page(s, vc.key, me, limit=10_000)
            assert len(rows) == vc.count, vc
    kinds = {vc.key.kind for vc in counts}
    assert {"my_open", "unassigned", "all_open", "pending", "solved", "channel", "tag"} <= kinds
    by_key = {vc.key: vc.count for vc in counts}
    assert by_key[inbox.ALL_OPEN] == sum(by_key[ViewKey("channel", c)]
                                         for c in ("email", "chat", "phone"))


def test_my_open_holds_only_mine(demo_store: Store) -> None:
    me = demo_store.agent_id
    with demo_store.read() as s:
        mine = inbox.page(s, inbox.MY_OPEN, me)
        names = {a.id: a.name for a in inbox.agents(s)}
    assert mine and {r.assignee_name for r in mine} == {names[me]}


def test_conversation_detail_has_customer_history_and_timeline(demo_store: Store) -> None:
    with demo_store.read() as s:
        row = inbox.page(s, inbox.ALL_OPEN, None, limit=1)[0]
        detail = inbox.conversation(s, row.id)
    assert detail is not None and detail.customer is not None
    assert detail.entries and detail.entries[0].created_at <= detail.entries[-1].created_at
    assert detail.customer.identities
    assert row.id in {h.id for h in detail.customer.history}
