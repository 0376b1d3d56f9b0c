"""Mail: OAuth2 sign-in settings per mailbox, and signatures and sending preferences

and which stored message each fetched IMAP UID is (to reflect flags and
expunges made elsewhere). All three tables are device-local; OAuth2 tokens
stay in the keyring.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0008'
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
    sa.Column('folders', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('owner', name=op.f('pk_mail_prefs'))
    )
    op.create_table('mail_uids',
    sa.Column('mailbox_id', sa.String(length=36), nullable=False),
    sa.Column('folder', sa.String(length=255), nullable=False),
    sa.Column('uid', sa.Integer(), nullable=False),
    sa.Column('message_row_id', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['mailbox_id'], ['mailboxes.id'],
                            name=op.f('fk_mail_uids_mailbox_id_mailboxes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('mailbox_id', 'folder', 'uid', name=op.f('pk_mail_uids'))
    )
    with op.batch_alter_table('mail_uids', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_uids_message_row_id'), ['message_row_id'],
                              unique=False)


def downgrade() -> None:
    op.drop_table('mail_uids')
    op.drop_table('mail_prefs')
    op.drop_table('mail_oauth')
