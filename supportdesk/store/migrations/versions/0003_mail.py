"""Email channel

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

Mailboxes, per-folder fetch state, the Message-ID index used for threading
(kept in step with ``messages`` by triggers, so synced mail is indexed too),
ticket references, the outgoing mail queue and the remote-image allow list.
All device-local: none of these tables sync.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


# A message row names its Message-ID in meta.message_id (mail only).
_MID = "json_extract(new.meta, '$.message_id')"
_MAIL = "new.kind IN ('email_in', 'email_out')"


def create_index_triggers() -> None:
    """Keep mail_message_ids in step with messages (insert, move, delete)."""
    op.execute(
        "CREATE TRIGGER mail_message_ids_ai AFTER INSERT ON messages "
        f"WHEN {_MAIL} AND {_MID} IS NOT NULL BEGIN "
        "INSERT OR IGNORE INTO mail_message_ids(message_id, message_row_id, conversation_id) "
        f"VALUES ({_MID}, new.id, new.conversation_id); END"
    )
    op.execute(
        "CREATE TRIGGER mail_message_ids_au AFTER UPDATE OF conversation_id ON messages "
        "BEGIN UPDATE mail_message_ids SET conversation_id = new.conversation_id "
        "WHERE message_row_id = new.id; END"
    )
    op.execute(
        "CREATE TRIGGER mail_message_ids_ad AFTER DELETE ON messages "
        "BEGIN DELETE FROM mail_message_ids WHERE message_row_id = old.id; END"
    )


def drop_index_triggers() -> None:
    for suffix in ("ai", "au", "ad"):
        op.execute(f"DROP TRIGGER IF EXISTS mail_message_ids_{suffix}")


def upgrade() -> None:
    op.create_table('mailboxes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('username', sa.String(length=320), nullable=False),
    sa.Column('imap_host', sa.String(length=255), nullable=False),
    sa.Column('imap_port', sa.Integer(), nullable=False),
    sa.Column('imap_security', sa.String(length=16), nullable=False),
    sa.Column('smtp_host', sa.String(length=255), nullable=False),
    sa.Column('smtp_port', sa.Integer(), nullable=False),
    sa.Column('smtp_security', sa.String(length=16), nullable=False),
    sa.Column('sent_folder', sa.String(length=255), nullable=True),
    sa.Column('ca_file', sa.Text(), nullable=True),
    sa.Column('fetch_window_days', sa.Integer(), nullable=False),
    sa.Column('auto_ack', sa.Boolean(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mailboxes')),
    sa.UniqueConstraint('address', name=op.f('uq_mailboxes_address'))
    )
    op.create_table('mail_folder_state',
    sa.Column('mailbox_id', sa.String(length=36), nullable=False),
    sa.Column('folder', sa.String(length=255), nullable=False),
    sa.Column('uidvalidity', sa.Integer(), nullable=False),
    sa.Column('last_uid', sa.Integer(), nullable=False),
    sa.Column('highestmodseq', sa.Integer(), nullable=True),
    sa.Column('last_fetch_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['mailbox_id'], ['mailboxes.id'], name=op.f('fk_mail_folder_state_mailbox_id_mailboxes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('mailbox_id', 'folder', name=op.f('pk_mail_folder_state'))
    )
    op.create_table('mail_message_ids',
    sa.Column('message_id', sa.String(length=255), nullable=False),
    sa.Column('message_row_id', sa.String(length=36), nullable=False),
    sa.Column('conversation_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('message_id', 'message_row_id', name=op.f('pk_mail_message_ids'))
    )
    with op.batch_alter_table('mail_message_ids', schema=None) as batch_op:
        batch_op.create_index('ix_mail_message_ids_row', ['message_row_id'], unique=False)

    op.create_table('mail_ticket_refs',
    sa.Column('ticket', sa.String(length=16), nullable=False),
    sa.Column('conversation_id', sa.String(length=36), nullable=False),
    sa.Column('conversation_n', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('ticket', 'conversation_id', name=op.f('pk_mail_ticket_refs'))
    )
    with op.batch_alter_table('mail_ticket_refs', schema=None) as batch_op:
        batch_op.create_index('ix_mail_ticket_refs_n', ['conversation_n'], unique=False)

    op.create_table('mail_outgoing',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('mailbox_id', sa.String(length=36), nullable=False),
    sa.Column('message_row_id', sa.String(length=36), nullable=False),
    sa.Column('conversation_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('raw_sha256', sa.String(length=64), nullable=False),
    sa.Column('mail_from', sa.String(length=320), nullable=False),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('sent_copy_pending', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['mailbox_id'], ['mailboxes.id'], name=op.f('fk_mail_outgoing_mailbox_id_mailboxes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_outgoing'))
    )
    with op.batch_alter_table('mail_outgoing', schema=None) as batch_op:
        batch_op.create_index('ix_mail_outgoing_status_next', ['status', 'next_attempt_at'], unique=False)

    op.create_table('mail_remote_image_senders',
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('allowed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('address', name=op.f('pk_mail_remote_image_senders'))
    )

    create_index_triggers()
    # Mail already stored (e.g. by sync) joins the index.
    op.execute(
        "INSERT OR IGNORE INTO mail_message_ids(message_id, message_row_id, conversation_id) "
        "SELECT json_extract(meta, '$.message_id'), id, conversation_id FROM messages "
        "WHERE kind IN ('email_in', 'email_out') "
        "AND json_extract(meta, '$.message_id') IS NOT NULL"
    )


def downgrade() -> None:
    drop_index_triggers()
    op.drop_table('mail_remote_image_senders')
    with op.batch_alter_table('mail_outgoing', schema=None) as batch_op:
        batch_op.drop_index('ix_mail_outgoing_status_next')

    op.drop_table('mail_outgoing')
    with op.batch_alter_table('mail_ticket_refs', schema=None) as batch_op:
        batch_op.drop_index('ix_mail_ticket_refs_n')

    op.drop_table('mail_ticket_refs')
    with op.batch_alter_table('mail_message_ids', schema=None) as batch_op:
        batch_op.drop_index('ix_mail_message_ids_row')

    op.drop_table('mail_message_ids')
    op.drop_table('mail_folder_state')
    op.drop_table('mailboxes')
