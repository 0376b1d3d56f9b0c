"""Erasures (the synced record that a customer was erased) and hourly rates

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'erasures',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('erased_at', sa.DateTime(), nullable=False),
        sa.Column('agent_id', sa.String(length=36), nullable=True),
        sa.Column('conversations', sa.Integer(), nullable=False),
        sa.Column('messages', sa.Integer(), nullable=False),
        sa.Column('removed', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['agent_id'], ['agents.id'],
                                name=op.f('fk_erasures_agent_id_agents')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_erasures')),
    )
    op.create_table(
        'hourly_rates',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('scope', sa.String(length=16), nullable=False),
        sa.Column('target_id', sa.String(length=36), nullable=False),
        sa.Column('rate_cents', sa.Integer(), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hourly_rates')),
    )


def downgrade() -> None:
    op.drop_table('hourly_rates')
    op.drop_table('erasures')
