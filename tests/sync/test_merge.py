"""The merge function: order-independent, idempotent, and nothing lost silently."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.sync.merge import (
    EntityState,
    Mutation,
    StampRefusedError,
    check_stamp,
    merge,
    merge_all,
    pack_clocks,
    state_mutations,
    unpack_clocks,
)

DEVICES = ["devA", "devB", "devC"]
CONV = "conversations"
MSG = "messages"
TAGS = "conversation_tags"
CID = "c1"

FIELD_VALUES: dict[str, list[Any]] = {
    "status": ["open", "pending", "solved"],
    "priority": ["low", "high"],
    "subject": ["a", "b"],
}


def stamp(millis: int, counter: int, device: str) -> str:
    return f"{millis:013d}-{counter:04x}-{device}"


stamps = st.builds(
    stamp, st.integers(1_000, 1_010), st.integers(0, 2), st.sampled_from(DEVICES)
)


@st.composite
def mutation_sets(
    draw: st.DrawFn, kinds: tuple[str, ...] = ("conv", "tag", "msg")
) -> list[Mutation]:
    """A set of mutations of one entity, each with its own stamp (as devices make them)."""
    kind = draw(st.sampled_from(kinds))
    unique = draw(st.lists(stamps, min_size=1, max_size=8, unique=True))
    out: list[Mutation] = []
    for s in unique:
        if kind == "tag":
            op = draw(st.sampled_from(["tag_add", "tag_remove"]))
            out.append(Mutation(TAGS, CID, op, {"tag": draw(st.sampled_from(["x", "y"]))}, s))
        elif kind == "msg":
            pick = draw(st.integers(0, 7))
            if pick == 0:
                out.append(Mutation(MSG, "m1", "delete", {}, s))
            elif pick <= 2:
                # A rep moves the message (split or move): its conversation changes.
                target = draw(st.sampled_from(["c2", "c3"]))
                out.append(Mutation(MSG, "m1", "update", {"conversation_id": target}, s))
            else:
                # Inserts of one message id carry one content (a different one is a
                # forgery, kept out by first-arrival: test_a_forged_insert_*).
                body = "hello"
                out.append(Mutation(MSG, "m1", "insert",
                                    {"id": "m1", "body_text": body, "conversation_id": "c1"}, s))
        else:
            op = draw(st.sampled_from(["insert", "update", "update", "update", "delete"]))
            if op == "delete":
                out.append(Mutation(CONV, CID, "delete", {}, s))
                continue
            names = draw(st.lists(st.sampled_from(sorted(FIELD_VALUES)), min_size=1, unique=True))
            values = {n: draw(st.sampled_from(FIELD_VALUES[n])) for n in names}
            out.append(Mutation(CONV, CID, op, values, s))
    # Some writes name the stamp of a value their author saw (its base).
    with_base: list[Mutation] = []
    for m in out:
        if m.op in ("update", "insert") and m.entity == CONV and draw(st.booleans()):
            earlier = [o for o in out if o.stamp < m.stamp and o.entity == CONV]
            if earlier:
                seen = draw(st.sampled_from(earlier))
                base = {f: seen.stamp for f in m.fields if f in seen.fields}
                m = Mutation(m.entity, m.entity_id, m.op, m.fields, m.stamp, base)
        with_base.append(m)
    return with_base


def comparable(state: EntityState | None) -> tuple[Any, ...]:
    if state is None:
        return ()
    return (
        sorted(state.fields.items()),
        sorted(state.clocks.items()),
        state.created,
        state.deleted,
    )


@settings(max_examples=300)
@given(data=st.data())
def test_order_does_not_matter(data: st.DataObject) -> None:
    muts = data.draw(mutation_sets())
    shuffled = data.draw(st.permutations(muts))
    first, _ = merge_all(None, muts)
    second, _ = merge_all(None, list(shuffled))
    assert comparable(first) == comparable(second)


@settings(max_examples=300)
@given(data=st.data())
def test_reapplying_changes_nothing(data: st.DataObject) -> None:
    muts = data.draw(mutation_sets())
    state, _ = merge_all(None, muts)
    again = data.draw(st.sampled_from(muts))
    result = merge(state, again)
    assert result.unchanged
    assert comparable(result.state) == comparable(state)
    # Replaying everything (a lost answer retried wholesale) changes nothing either.
    replayed, _ = merge_all(state, muts)
    assert comparable(replayed) == comparable(state)


def _writes(m: Mutation) -> dict[str, Any]:
    if m.op == "tag_add":
        return {m.fields["tag"]: True}
    if m.op == "tag_remove":
        return {m.fields["tag"]: False}
    return dict(m.fields) if m.op != "delete" else {}


@settings(max_examples=400)
@given(data=st.data())
def test_every_losing_value_is_logged(data: st.DataObject) -> None:
    muts = data.draw(st.permutations(data.draw(mutation_sets())))
    state, conflicts = merge_all(None, list(muts))
    assert state is not None
    logged = {(c.field, _key(c.lost_value)) for c in conflicts}
    # A value is seen when a later write names, as its base, a write of that value.
    seen = set()
    for w in muts:
        for f, base in w.base.items():
            for m in muts:
                if m.stamp == base and f in _writes(m):
                    seen.add((f, _key(_writes(m)[f])))
    for m in muts:
        for f, value in _writes(m).items():
            final_stamp = state.clocks.get(f)
            if m.entity == MSG and m.op == "update":
                if state.deleted is not None:
                    lost = m.stamp > state.deleted
                else:
                    lost = final_stamp != m.stamp and state.fields.get(f) != value
            elif m.entity == MSG and final_stamp != state.created:
                # A move replaced what the inserts said: the rep's choice, not a loss
                # (when the message is deleted too, the move's value is what is lost).
                lost = False
            elif m.entity == MSG:
                # A duplicate insert of the same content loses nothing.
                differs = m.stamp != state.created and state.fields.get(f) != value
                deleted = state.deleted
                lost = differs or (deleted is not None and m.stamp == state.created > deleted)
            elif state.deleted is not None:
                lost = m.stamp > state.deleted
            else:
                lost = final_stamp != m.stamp and state.fields.get(f) != value
            if lost and (f, _key(value)) not in seen:
                assert (f, _key(value)) in logged, (m, state, conflicts)


def _key(value: Any) -> str:
    return repr(value)


@settings(max_examples=200)
@given(data=st.data())
def test_snapshot_rows_rebuild_the_same_state(data: st.DataObject) -> None:
    muts = data.draw(mutation_sets())
    state, _ = merge_all(None, muts)
    assert state is not None
    rebuilt = state_mutations(muts[0].entity, muts[0].entity_id, state)
    again, conflicts = merge_all(None, data.draw(st.permutations(rebuilt)))
    assert comparable(again) == comparable(state)
    assert conflicts == [] or state.deleted is not None


# -- the rules, one example each ---------------------------------------------------------


def test_later_write_wins_and_the_loser_is_kept() -> None:
    a = Mutation(CONV, CID, "update", {"status": "solved"}, stamp(2000, 0, "devA"))
    b = Mutation(CONV, CID, "update", {"status": "pending"}, stamp(2001, 0, "devB"))
    state, conflicts = merge_all(None, [b, a])
    assert state is not None
    assert state.fields["status"] == "pending"
    assert [(c.lost_value, c.won_value, c.reason) for c in conflicts] == [
        ("solved", "pending", "concurrent")
    ]


def test_device_id_breaks_a_tie() -> None:
    a = Mutation(CONV, CID, "update", {"priority": "low"}, stamp(2000, 0, "devA"))
    b = Mutation(CONV, CID, "update", {"priority": "high"}, stamp(2000, 0, "devB"))
    for order in ([a, b], [b, a]):
        state, conflicts = merge_all(None, order)
        assert state is not None and state.fields["priority"] == "high"
        assert [c.lost_value for c in conflicts] == ["low"]


def test_a_write_that_saw_the_old_value_is_no_conflict() -> None:
    a = Mutation(CONV, CID, "update", {"status": "pending"}, stamp(2000, 0, "devA"))
    b = Mutation(
        CONV, CID, "update", {"status": "solved"}, stamp(2005, 0, "devB"), {"status": a.stamp}
    )
    state, conflicts = merge_all(None, [a, b])
    assert state is not None and state.fields["status"] == "solved"
    assert conflicts == []


def test_second_insert_of_a_message_changes_nothing() -> None:
    first = Mutation(MSG, "m1", "insert", {"id": "m1", "body_text": "hi"}, stamp(2000, 0, "devA"))
    dup = Mutation(MSG, "m1", "insert", {"id": "m1", "body_text": "hi"}, stamp(2009, 0, "devB"))
    state, _ = merge_all(None, [first])
    result = merge(state, dup)
    assert result.unchanged and result.conflicts == ()
    other = Mutation(MSG, "m1", "insert", {"id": "m1", "body_text": "yo"}, stamp(2009, 0, "devB"))
    result = merge(state, other)
    assert result.unchanged
    assert [(c.lost_value, c.reason) for c in result.conflicts] == [("yo", "first_insert")]


def test_a_forged_insert_never_replaces_a_message_whatever_its_stamp() -> None:
    """Issue 13, finding 8: an "older" insert of an existing id with new text."""
    real = Mutation(MSG, "m1", "insert", {"id": "m1", "body_text": "Refund approved"},
                    stamp(1_780_000_000_000, 0, "devA"))
    forged = Mutation(MSG, "m1", "insert", {"id": "m1", "body_text": "Send it to IBAN X"},
                      stamp(978_307_200_000, 0, "devM"))  # 2001-01-01
    state, _ = merge_all(None, [real])
    result = merge(state, forged)
    assert result.unchanged and result.state.fields["body_text"] == "Refund approved"
    assert [(c.lost_value, c.reason) for c in result.conflicts] == [
        ("Send it to IBAN X", "first_insert")]
    # the byte-identical copy (the same mail fetched by another laptop) is quiet
    same = Mutation(MSG, "m1", "insert", dict(real.fields), stamp(978_307_200_000, 0, "devC"))
    assert merge(state, same).conflicts == ()
    # only the server's answer to the device whose insert lost replaces that device's row
    mine, _ = merge_all(None, [forged])
    fixed = merge(mine, real, authoritative=True)
    assert fixed.state.fields["body_text"] == "Refund approved"


def test_a_moved_message_stays_moved_whatever_arrives_when() -> None:
    fields = {"id": "m1", "body_text": "hi", "conversation_id": "c1"}
    first = Mutation(MSG, "m1", "insert", fields, stamp(2000, 0, "devA"))
    move = Mutation(MSG, "m1", "update", {"conversation_id": "c2"}, stamp(2005, 0, "devB"))
    # The same mail fetched later by a third laptop that never saw the move.
    late = Mutation(MSG, "m1", "insert", fields, stamp(2009, 0, "devC"))
    early = Mutation(MSG, "m1", "insert", fields, stamp(1990, 0, "devC"))
    for order in ([first, move, late], [late, move, first], [move, late, early, first]):
        state, conflicts = merge_all(None, order)
        assert state is not None and state.fields["conversation_id"] == "c2"
        assert conflicts == []


def test_an_append_only_field_that_may_not_change_is_refused() -> None:
    from supportdesk.sync.schema import InvalidMutationError, validate

    validate(MSG, "m1", "update", {"conversation_id": "c2", "meta": {}}, stamp(1, 0, "devA"))
    with pytest.raises(InvalidMutationError, match="body_text"):
        validate(MSG, "m1", "update", {"body_text": "rewritten"}, stamp(1, 0, "devA"))


def test_tags_are_an_add_remove_set() -> None:
    add = Mutation(TAGS, CID, "tag_add", {"tag": "vip"}, stamp(2000, 0, "devA"))
    rm = Mutation(TAGS, CID, "tag_remove", {"tag": "vip"}, stamp(2001, 0, "devB"))
    other = Mutation(TAGS, CID, "tag_add", {"tag": "billing"}, stamp(1999, 0, "devB"))
    state, _ = merge_all(None, [rm, other, add])
    assert state is not None
    assert state.fields == {"vip": False, "billing": True}


def test_tombstone_wins_and_newer_edits_are_logged() -> None:
    ins = Mutation(CONV, CID, "insert", {"status": "open"}, stamp(1000, 0, "devA"))
    dele = Mutation(CONV, CID, "delete", {}, stamp(2000, 0, "devA"))
    edit = Mutation(CONV, CID, "update", {"status": "solved"}, stamp(2500, 0, "devB"))
    for order in ([ins, dele, edit], [ins, edit, dele], [edit, dele, ins]):
        state, conflicts = merge_all(None, order)
        assert state is not None and not state.visible
        assert ("status", "solved", "deleted") in {
            (c.field, c.lost_value, c.reason) for c in conflicts
        }


def test_far_future_stamp_is_refused() -> None:
    now = 10_000_000
    m = Mutation(CONV, CID, "update", {"status": "open"}, stamp(now + 6 * 60_000, 0, "devA"))
    with pytest.raises(StampRefusedError, match="ahead"):
        merge(None, m, now_ms=now)
    check_stamp(stamp(now + 4 * 60_000, 0, "devA"), now)  # minutes of skew are fine


def test_packed_clocks_round_trip() -> None:
    clocks = {"a": "s1", "b": "s1", "c": "s1"}
    assert unpack_clocks(pack_clocks(clocks)) == clocks
    mixed = {"a": "s1", "b": "s2"}
    assert pack_clocks(mixed) == mixed
    assert unpack_clocks(pack_clocks(mixed)) == mixed
