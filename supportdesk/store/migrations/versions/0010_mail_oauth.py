"""Mail: OAuth2 sign-in settings per mailbox, and signatures and sending preferences

Both tables are device-local; OAuth2 tokens stay in the keyring.

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mail_oauth',
    sa.Column('mailbox_id', sa.String(length=36), nullable=False),
    sa.Column('provider', sa.String(length=16), nullable=False),
    sa.Column('client_id', sa.String(length=255), nullable=False),
    sa.Column('authorization_endpoint', sa.Text(), nullable=False),
    sa.Column('token_endpoint', sa.Text(), nullable=False),
    sa.Column('device_endpoint', sa.Text(), nullable=False),
    sa.Column('scopes', sa.Text(), nullable=False),
    sa.Column('needs_sign_in', sa.Boolean(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['mailbox_id'], ['mailboxes.id'],
                            name=op.f('fk_mail_oauth_mailbox_id_mailboxes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('mailbox_id', name=op.f('pk_mail_oauth'))
    )


    op.create_table('mail_prefs',
    sa.Column('owner', sa.String(length=340), nullable=False),
    sa.Column('signature', sa.Text(), nullable=False),
    sa.Column('plain_text_only', sa.Boolean(), nullable=False),
    sa.Column('attachment_limit_mb', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('owner', name=op.f('pk_mail_prefs'))
    )


def downgrade() -> None:
    op.drop_table('mail_prefs')
    op.drop_table('mail_oauth')
