"""Sync bookkeeping

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The team server's cursor, per-field clocks of synced rows, and the conflict log.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_peer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('server_url', sa.String(length=500), nullable=False),
    sa.Column('user', sa.String(length=200), nullable=False),
    sa.Column('team', sa.String(length=200), nullable=False),
    sa.Column('device', sa.String(length=36), nullable=False),
    sa.Column('epoch', sa.String(length=64), nullable=True),
    sa.Column('cursor', sa.Integer(), nullable=True),
    sa.Column('snapshot_after', sa.String(length=120), nullable=True),
    sa.Column('snapshot_version', sa.Integer(), nullable=True),
    sa.Column('last_sync_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_peer'))
    )
    op.create_table('sync_state',
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('clocks', sa.Text(), nullable=False),
    sa.Column('created', sa.String(length=96), nullable=True),
    sa.Column('deleted', sa.String(length=96), nullable=True),
    sa.Column('hidden', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name=op.f('pk_sync_state'))
    )
    op.create_table('sync_conflicts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('field', sa.String(length=200), nullable=False),
    sa.Column('lost_value', sa.Text(), nullable=True),
    sa.Column('lost_stamp', sa.String(length=96), nullable=False),
    sa.Column('won_value', sa.Text(), nullable=True),
    sa.Column('won_stamp', sa.String(length=96), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts')),
    sa.UniqueConstraint('entity', 'entity_id', 'field', 'lost_stamp', name=op.f('uq_sync_conflicts_entity'))
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflicts_open', ['resolved_at', 'created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflicts_open')

    op.drop_table('sync_conflicts')
    op.drop_table('sync_state')
    op.drop_table('sync_peer')
