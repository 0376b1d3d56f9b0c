"""Search folds the letters Russian and Icelandic readers type another way; team locale

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08

The full-text triggers now index ё as е, ð as d, þ as th and æ as ae (see
``supportdesk.store.search``), so "счету" finds "счёту" and "thorsson" finds
"Þórsson". The triggers are made again and every index is rebuilt once, in
batches; each batch reports progress to the ``progress`` callable the caller
put in Alembic's config attributes (``Store.open`` passes its own), which is
also where a caller's long-loop step hook goes.

``team_locale``: the team's phone country and language (one synced row).

Downgrading puts back the unfolded triggers and rebuilds the indexes unfolded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op
from supportdesk.store.search import FTS_TABLES, rebuild_index, trigger_sql

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)


def _progress() -> Callable[[int, int], None]:
    given = op.get_context().config
    hook = given.attributes.get("progress") if given is not None else None
    state = {"logged": -1}

    def report(done: int, total: int) -> None:
        # One log line per tenth; the caller's hook on every batch.
        tenth = done * 10 // total if total else 10
        if tenth != state["logged"]:
            state["logged"] = tenth
            log.info("search index: %d of %d rows folded", done, total)
        if hook is not None:
            hook(done, total)

    return report


def _drop_triggers() -> None:
    for name in FTS_TABLES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}_{suffix}")


def upgrade() -> None:
    op.create_table('team_locale',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('phone_region', sa.String(length=2), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_locale'))
    )
    _drop_triggers()
    for name, (table, cols) in FTS_TABLES.items():
        for sql in trigger_sql(name, table, cols):
            op.execute(sql)
    rebuild_index(op.get_bind(), progress=_progress())


def downgrade() -> None:
    op.drop_table('team_locale')
    _drop_triggers()
    for name, (table, cols) in FTS_TABLES.items():
        collist = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        op.execute(
            f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {name}(rowid, {collist}) VALUES (new.n, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {name}({name}, rowid, {collist}) VALUES ('delete', old.n, {old}); END"
        )
        op.execute(
            f"CREATE TRIGGER {name}_au AFTER UPDATE OF {collist} ON {table} BEGIN "
            f"INSERT INTO {name}({name}, rowid, {collist}) VALUES ('delete', old.n, {old}); "
            f"INSERT INTO {name}(rowid, {collist}) VALUES (new.n, {new}); END"
        )
        op.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
