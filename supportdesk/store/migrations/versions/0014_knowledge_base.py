"""Knowledge base and mentions

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08

Articles with their versions, links to conversations and uses, and @mentions
in notes. All of them sync. ``kb_articles_fts`` is a device-local FTS5 index
over a view that folds the text with ``sd_fold`` (the Python ``fold`` every
connection registers, store/engine.py), so an article is found with the same
folding as a conversation; triggers keep it in step and ``'rebuild'`` (a new
device's snapshot) refills it from the view.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

TOKENIZE = "unicode61 remove_diacritics 2"
_COLS = "title, body, tags"
_FOLDED = ("sd_fold({p}.title), sd_fold({p}.body_text), "
           "sd_fold_list({p}.tags)")


def upgrade() -> None:
    op.create_table(
        "kb_articles",
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("n", name=op.f("pk_kb_articles")),
        sa.UniqueConstraint("id", name=op.f("uq_kb_articles_id")),
    )
    op.create_table(
        "kb_article_versions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=True),
        sa.Column("agent_name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("changed", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_article_versions")),
    )
    op.create_index(op.f("ix_kb_article_versions_article_id"), "kb_article_versions",
                    ["article_id"])
    op.create_table(
        "kb_article_links",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("conversation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_article_links")),
    )
    op.create_index(op.f("ix_kb_article_links_article_id"), "kb_article_links", ["article_id"])
    op.create_index(op.f("ix_kb_article_links_conversation_id"), "kb_article_links",
                    ["conversation_id"])
    op.create_table(
        "kb_uses",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("conversation_id", sa.String(length=36), nullable=True),
        sa.Column("agent_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_uses")),
    )
    op.create_index(op.f("ix_kb_uses_article_id"), "kb_uses", ["article_id"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("conversation_id", sa.String(length=36), nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("by_agent_id", sa.String(length=36), nullable=True),
        sa.Column("by_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    op.create_index("ix_mentions_agent_seen", "mentions", ["agent_id", "seen_at"])
    op.create_index("ix_mentions_conversation", "mentions", ["conversation_id"])
    create_search()


def create_search() -> None:
    """The folded view, its FTS5 index and the triggers that keep the index current."""
    op.execute(
        f"CREATE VIEW kb_articles_folded(n, {_COLS}) AS "
        f"SELECT n, {_FOLDED.format(p='a')} FROM kb_articles a"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE kb_articles_fts USING fts5({_COLS}, "
        f"content='kb_articles_folded', content_rowid='n', tokenize='{TOKENIZE}')"
    )
    new, old = _FOLDED.format(p="new"), _FOLDED.format(p="old")
    op.execute(
        "CREATE TRIGGER kb_articles_fts_ai AFTER INSERT ON kb_articles BEGIN "
        f"INSERT INTO kb_articles_fts(rowid, {_COLS}) VALUES (new.n, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER kb_articles_fts_ad AFTER DELETE ON kb_articles BEGIN "
        f"INSERT INTO kb_articles_fts(kb_articles_fts, rowid, {_COLS}) "
        f"VALUES ('delete', old.n, {old}); END"
    )
    op.execute(
        "CREATE TRIGGER kb_articles_fts_au AFTER UPDATE OF title, body_text, tags "
        "ON kb_articles BEGIN "
        f"INSERT INTO kb_articles_fts(kb_articles_fts, rowid, {_COLS}) "
        f"VALUES ('delete', old.n, {old}); "
        f"INSERT INTO kb_articles_fts(rowid, {_COLS}) VALUES (new.n, {new}); END"
    )


def downgrade() -> None:
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS kb_articles_fts_{suffix}")
    op.execute("DROP TABLE IF EXISTS kb_articles_fts")
    op.execute("DROP VIEW IF EXISTS kb_articles_folded")
    op.drop_index("ix_mentions_conversation", table_name="mentions")
    op.drop_index("ix_mentions_agent_seen", table_name="mentions")
    op.drop_table("mentions")
    op.drop_index(op.f("ix_kb_uses_article_id"), table_name="kb_uses")
    op.drop_table("kb_uses")
    op.drop_index(op.f("ix_kb_article_links_conversation_id"), table_name="kb_article_links")
    op.drop_index(op.f("ix_kb_article_links_article_id"), table_name="kb_article_links")
    op.drop_table("kb_article_links")
    op.drop_index(op.f("ix_kb_article_versions_article_id"), table_name="kb_article_versions")
    op.drop_table("kb_article_versions")
    op.drop_table("kb_articles")
