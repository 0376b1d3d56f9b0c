"""Drafts: unfinished notes and mail, kept on this device as the rep types

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-08

- ``compose_drafts``: one row per unfinished note, reply, reply to all,
  forward or new mail (device-local; never in the outbox).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('compose_drafts',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('conversation_id', sa.String(length=36), nullable=True),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_compose_drafts'))
    )
    with op.batch_alter_table('compose_drafts', schema=None) as batch_op:
        batch_op.create_index('ix_compose_drafts_conversation', ['conversation_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('compose_drafts', schema=None) as batch_op:
        batch_op.drop_index('ix_compose_drafts_conversation')
    op.drop_table('compose_drafts')
