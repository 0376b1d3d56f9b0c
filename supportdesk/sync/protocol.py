"""What client and server say to each other: plain typed dicts and JSON.

Push: ``POST /sync/push`` with the device's outbox mutations in order, each
with its increasing mutation ``id``. The server applies only ids above the
last one it applied for that device (in the same transaction as recording
it) and answers ``applied_through`` plus what it rejected and why. A lost
answer is simply retried: nothing is applied twice.

Pull: ``GET /sync/pull?cursor=V&limit=N`` gives the changes with server
versions above ``V`` in order, and the cursor to ask from next. Versions are
assigned under a per-team row lock, so a cursor never skips a change that
committed late. A client with nothing to push and nothing to pull makes one
small request.

Snapshot: ``GET /sync/snapshot?after=K&limit=N`` pages through the merged state
of every entity (parents first) for a new device; the first page carries the
version to pull from afterwards.

Files: ``POST /blobs/missing`` says which of up to 1000 content hashes the
server lacks; ``PUT``/``GET /blobs/{sha256}`` move one file (see sync/blobs.py).

The types here are ``TypedDict`` (from typing_extensions, so the server's
FastAPI can validate and document them) and carry nothing but JSON.
"""

from __future__ import annotations

import json
from typing import Any, NotRequired

from typing_extensions import TypedDict

from supportdesk.sync.merge import EntityState, Mutation, pack_clocks, unpack_clocks

PROTOCOL_VERSION = 1
MAX_PUSH = 1000
MAX_PAGE = 5000


class ProtocolError(ValueError):
    """A message that does not follow the protocol."""


# -- auth --------------------------------------------------------------------------------


class LoginRequest(TypedDict):
    """Sign a device in."""

    user: str
    password: str
    device_name: str
    #: the device's own id, the one inside its clock stamps
    device_id: str
    #: a refresh token this device still holds: proves it is the user's own device,
    #: so a lock-out by someone else's bad passwords does not stop it
    refresh_token: NotRequired[str]


class RefreshRequest(TypedDict):
    """Trade a refresh token for a new access token."""

    refresh_token: str


class TokenResponse(TypedDict):
    """Tokens for one device; only their hashes are kept on the server."""

    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    team: str
    user: str
    role: str
    device: str
    epoch: str
    schema: str


class AccessResponse(TypedDict):
    """A fresh access token."""

    access_token: str
    token_type: str
    expires_in: int
    #: the refresh token to use next time (the one sent is now spent)
    refresh_token: NotRequired[str]


class Health(TypedDict):
    """What ``/health`` says."""

    status: str
    epoch: str
    schema: str
    protocol: int


# -- push --------------------------------------------------------------------------------


class WireMutation(TypedDict):
    """One outbox entry on the wire."""

    id: int
    entity: str
    entity_id: str
    op: str
    fields: dict[str, Any]
    stamp: str
    base: NotRequired[dict[str, str]]


class PushRequest(TypedDict):
    """Mutations in increasing ``id`` order."""

    mutations: list[WireMutation]


class Rejection(TypedDict):
    """A mutation the server did not apply."""

    id: int
    reason: str
    #: True: not applied now, send it again later (e.g. the clock runs ahead)
    retryable: bool


# -- pull and snapshot ----------------------------------------------------------------------


class WireChange(TypedDict):
    """One accepted mutation, with the version the server gave it."""

    v: int
    entity: str
    entity_id: str
    op: str
    fields: dict[str, Any]
    stamp: str
    base: NotRequired[dict[str, str]]


class PullResponse(TypedDict):
    """A page of changes."""

    changes: list[WireChange]
    cursor: int
    more: bool
    epoch: str


class SnapshotRow(TypedDict):
    """The merged state of one entity."""

    entity: str
    entity_id: str
    fields: dict[str, Any]
    clocks: dict[str, Any]
    created: str | None
    deleted: str | None


class PushResponse(TypedDict):
    """What the server did with a push.

    ``lost`` holds the merged state of entities where a pushed write lost (a
    concurrent write, or a stamp older than what the team has); the device merges
    them so its rows show what won.
    """

    applied_through: int
    rejected: list[Rejection]
    epoch: str
    lost: NotRequired[list[SnapshotRow]]


class SnapshotResponse(TypedDict):
    """A page of entity states; ``next`` is None on the last page.

    ``total``, on the first page only, is how many rows the whole snapshot has
    (for a progress bar); older servers leave it out.
    """

    rows: list[SnapshotRow]
    next: str | None
    version: int
    epoch: str
    total: NotRequired[int]


# -- attachment files ------------------------------------------------------------------------


class BlobQuery(TypedDict):
    """Content hashes a device asks about (at most 1000)."""

    sha256: list[str]


class BlobMissing(TypedDict):
    """Those of the asked hashes the server does not have."""

    missing: list[str]


# -- (de)serialisation ----------------------------------------------------------------------


def dumps(data: Any) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def loads(raw: bytes | str) -> Any:
    """Parse JSON.

    Raises:
        ProtocolError: it is not JSON.
    """
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise ProtocolError(f"not JSON: {exc}") from exc


def mutation_to_wire(mutation_id: int, m: Mutation) -> WireMutation:
    """An outbox mutation as it is pushed."""
    wire = WireMutation(
        id=mutation_id,
        entity=m.entity,
        entity_id=m.entity_id,
        op=m.op,
        fields=dict(m.fields),
        stamp=m.stamp,
    )
    if m.base:
        wire["base"] = dict(m.base)
    return wire


def _require(obj: Any, key: str, typ: type | tuple[type, ...]) -> Any:
    if not isinstance(obj, dict) or key not in obj or not isinstance(obj[key], typ):
        raise ProtocolError(f"missing or malformed {key!r}")
    return obj[key]


def _base(obj: dict[str, Any]) -> dict[str, str]:
    base = obj.get("base") or {}
    if not isinstance(base, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in base.items()
    ):
        raise ProtocolError("malformed 'base'")
    return base


def mutation_from_wire(obj: Any) -> tuple[int, Mutation]:
    """A pushed mutation and its id.

    Raises:
        ProtocolError: a field is missing or of the wrong type.
    """
    mid = _require(obj, "id", int)
    m = Mutation(
        entity=_require(obj, "entity", str),
        entity_id=_require(obj, "entity_id", str),
        op=_require(obj, "op", str),
        fields=_require(obj, "fields", dict),
        stamp=_require(obj, "stamp", str),
        base=_base(obj),
    )
    return mid, m


def change_to_wire(version: int, m: Mutation) -> WireChange:
    """An accepted mutation as pulled."""
    wire = WireChange(
        v=version,
        entity=m.entity,
        entity_id=m.entity_id,
        op=m.op,
        fields=dict(m.fields),
        stamp=m.stamp,
    )
    if m.base:
        wire["base"] = dict(m.base)
    return wire


def change_from_wire(obj: Any) -> tuple[int, Mutation]:
    """A pulled change and its version.

    Raises:
        ProtocolError: a field is missing or of the wrong type.
    """
    version = _require(obj, "v", int)
    m = Mutation(
        entity=_require(obj, "entity", str),
        entity_id=_require(obj, "entity_id", str),
        op=_require(obj, "op", str),
        fields=_require(obj, "fields", dict),
        stamp=_require(obj, "stamp", str),
        base=_base(obj),
    )
    return version, m


def state_to_row(entity_name: str, entity_id: str, st: EntityState) -> SnapshotRow:
    """An entity's merged state as a snapshot row."""
    return SnapshotRow(
        entity=entity_name,
        entity_id=entity_id,
        fields=dict(st.fields),
        clocks=pack_clocks(st.clocks),
        created=st.created,
        deleted=st.deleted,
    )


def row_to_state(row: Any) -> tuple[str, str, EntityState]:
    """A snapshot row back as (entity, id, state).

    Raises:
        ProtocolError: a field is missing or of the wrong type.
    """
    created = row.get("created") if isinstance(row, dict) else None
    deleted = row.get("deleted") if isinstance(row, dict) else None
    if not isinstance(created, str | None) or not isinstance(deleted, str | None):
        raise ProtocolError("malformed snapshot row")
    st = EntityState(
        fields=_require(row, "fields", dict),
        clocks=unpack_clocks(_require(row, "clocks", dict)),
        created=created,
        deleted=deleted,
    )
    return _require(row, "entity", str), _require(row, "entity_id", str), st
