"""Indexes for the owner reports

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

The weekly summary reads a week (and the four before it) out of a million
messages; these indexes let every one of its queries search instead of scan
(checked with EXPLAIN QUERY PLAN, measured in benchmarks/bench_report.py):

- activities (kind, created_at): status changes in a period (solves, reopens);
- activities (conversation_id, kind, created_at): a conversation's status
  history, for the backlog at an instant, read from the index alone;
- conversations (created_at): conversations opened in a period;
- messages (conversation_id, created_at) of agents' replies and of
  customers' messages (partial indexes): a conversation's first response and
  first customer message in one index step each;
- messages (created_at) of customers' messages (partial): the busiest-hours
  heatmap;
- sla_tracking (received_at): SLA attainment of the conversations received in
  a period.

Only indexes: nothing is rewritten, and downgrading drops them again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_REPLY = "author_agent_id IS NOT NULL AND kind != 'note'"
_INBOUND = "author_customer_id IS NOT NULL"
_NEW = ('ix_activity_kind_created', 'ix_activity_conversation_kind', 'ix_conv_created',
        'ix_msg_conversation_reply', 'ix_msg_conversation_inbound', 'ix_msg_inbound_created',
        'ix_sla_tracking_received')


def upgrade() -> None:
    op.create_index('ix_activity_kind_created', 'activities', ['kind', 'created_at'])
    op.create_index('ix_activity_conversation_kind', 'activities',
                    ['conversation_id', 'kind', 'created_at'])
    op.create_index('ix_conv_created', 'conversations', ['created_at'])
    op.create_index('ix_msg_conversation_reply', 'messages', ['conversation_id', 'created_at'],
                    sqlite_where=sa.text(_REPLY))
    op.create_index('ix_msg_conversation_inbound', 'messages', ['conversation_id', 'created_at'],
                    sqlite_where=sa.text(_INBOUND))
    op.create_index('ix_msg_inbound_created', 'messages', ['created_at'],
                    sqlite_where=sa.text(_INBOUND))
    op.create_index('ix_sla_tracking_received', 'sla_tracking', ['received_at'])
    # Where the planner has statistics (a workspace analysed before), give it
    # those of the new indexes too, so old and new are weighed alike.
    bind = op.get_bind()
    has_stats = bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).first()
    if has_stats:
        for name in _NEW:
            bind.exec_driver_sql(f"ANALYZE {name}")


def downgrade() -> None:
    op.drop_index('ix_sla_tracking_received', table_name='sla_tracking')
    op.drop_index('ix_msg_inbound_created', table_name='messages')
    op.drop_index('ix_msg_conversation_inbound', table_name='messages')
    op.drop_index('ix_msg_conversation_reply', table_name='messages')
    op.drop_index('ix_conv_created', table_name='conversations')
    op.drop_index('ix_activity_conversation_kind', table_name='activities')
    op.drop_index('ix_activity_kind_created', table_name='activities')
