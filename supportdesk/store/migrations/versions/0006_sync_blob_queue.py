"""Sync: files waiting to move get their own table; the schema the cursor was pulled under

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

- ``sync_blob_queue``: the hashes of files still to upload or download, one
  row each. They were two JSON lists in ``meta`` (``sync_blobs_to_upload``,
  ``sync_blobs_to_download``), rewritten whole on every acknowledged batch and
  pulled page; with 100k attachments and raw originals that is megabytes per
  page. The lists move into the table here and the meta keys go.
- ``sync_peer.schema_digest``: the data schema digest of the app that pulled
  the rows this profile holds. NULL on upgraded profiles (not known), which
  the client treats as "pulled under another schema": it pushes what waits,
  then takes a fresh snapshot once.

Downgrading puts the lists back into ``meta`` and drops both.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

#: meta key of each old JSON list -> its direction in the queue
_LISTS = {"sync_blobs_to_upload": "upload", "sync_blobs_to_download": "download"}
_HEX = frozenset("0123456789abcdef")
_CHUNK = 500

_meta = sa.table('meta', sa.column('key', sa.String()), sa.column('value', sa.Text()))
_queue = sa.table(
    'sync_blob_queue',
    sa.column('direction', sa.String()),
    sa.column('sha256', sa.String()),
    sa.column('added_at', sa.DateTime()),
    sa.column('attempts', sa.Integer()),
    sa.column('last_error', sa.Text()),
)


def _hashes(key: str, value: str) -> list[str]:
    try:
        items = json.loads(value)
    except ValueError:
        log.warning("meta %s is unreadable; its files are looked for again at the next sync",
                    key)
        return []
    if not isinstance(items, list):
        return []
    return sorted({h for h in items if isinstance(h, str) and len(h) == 64 and set(h) <= _HEX})


def upgrade() -> None:
    op.create_table('sync_blob_queue',
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('direction', 'sha256', name=op.f('pk_sync_blob_queue'))
    )
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('schema_digest', sa.String(length=64), nullable=True))

    bind = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    for key, value in bind.execute(
        sa.select(_meta.c.key, _meta.c.value).where(_meta.c.key.in_(list(_LISTS)))
    ).all():
        hashes = _hashes(key, value)
        for start in range(0, len(hashes), _CHUNK):
            bind.execute(_queue.insert(), [
                {"direction": _LISTS[key], "sha256": h, "added_at": now, "attempts": 0,
                 "last_error": None}
                for h in hashes[start : start + _CHUNK]
            ])
    bind.execute(_meta.delete().where(_meta.c.key.in_(list(_LISTS))))


def downgrade() -> None:
    bind = op.get_bind()
    for key, direction in _LISTS.items():
        hashes = sorted(bind.scalars(
            sa.select(_queue.c.sha256).where(_queue.c.direction == direction)
        ))
        bind.execute(_meta.delete().where(_meta.c.key == key))
        if hashes:
            bind.execute(_meta.insert().values(key=key, value=json.dumps(hashes)))
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.drop_column('schema_digest')
    op.drop_table('sync_blob_queue')
