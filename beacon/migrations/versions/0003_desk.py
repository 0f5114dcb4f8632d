"""Support desk: hand-off cases, tickets and their history, evidence, staff posts, members, feedback.

Revision ID: 0003_desk
Revises: 0002_dm_state
Create Date: 2026-11-23
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0003_desk"
down_revision = "0002_dm_state"
branch_labels = None
depends_on = None


def _id() -> sa.types.TypeEngine:
    # SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64-bit ids.
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    settings = op.create_table(
        "desk_settings",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    # The deep-link secret, made once here so every worker process signs payloads with the same key.
    op.bulk_insert(settings, [{"name": "link_secret", "value": secrets.token_urlsafe(32)}])
    op.create_table(
        "desk_cases",
        sa.Column("payload", sa.String(64), primary_key=True),
        sa.Column("event_key", sa.String(255), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("category", sa.String(32)),
        sa.Column("urgency", sa.String(16)),
        sa.Column("text_redacted", sa.Text(), nullable=False, server_default=""),
        sa.Column("removed_kinds", sa.String(255), nullable=False, server_default=""),
        sa.Column("public_reply_key", sa.String(255)),
        sa.Column("dm_key", sa.String(255)),
        sa.Column("ticket_id", _id()),
        _at("created_at"),
        _at("expires_at"),
        sa.UniqueConstraint("event_key", name="uq_desk_cases_event"),
    )
    op.create_index("ix_desk_cases_member", "desk_cases", ["platform", "user_id", "created_at"])
    op.create_table(
        "desk_tickets",
        sa.Column("id", _id(), primary_key=True, autoincrement=False),
        sa.Column("created_key", sa.String(255), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("username", sa.String(255)),
        sa.Column("display_name", sa.String(255)),
        sa.Column("dm_chat_id", sa.String(64)),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("resolution", sa.String(32)),
        sa.Column("team", sa.String(32)),
        sa.Column("assignee", sa.String(255)),
        sa.Column("summary", sa.Text(), nullable=False, server_default=""),
        sa.Column("source", sa.String(16), nullable=False, server_default="dm"),
        sa.Column("origin_chat_id", sa.String(64)),
        sa.Column("case_payload", sa.String(64)),
        sa.Column("staff_platform", sa.String(32)),
        sa.Column("staff_chat_id", sa.String(64)),
        sa.Column("staff_thread_id", sa.String(64)),
        sa.Column("card_key", sa.String(255)),
        sa.Column("escalated", sa.Boolean(), nullable=False, server_default=sa.false()),
        _at("created_at"),
        _at("updated_at"),
        _at("first_response_at", True),
        _at("first_response_due", True),
        _at("resolution_due", True),
        _at("resolved_at", True),
        sa.Column("reminded_first", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("reminded_resolution", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("breached_first", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("breached_resolution", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.UniqueConstraint("created_key", name="uq_desk_tickets_created_key"),
    )
    op.create_index("ix_desk_tickets_member", "desk_tickets", ["platform", "user_id", "status"])
    op.create_index("ix_desk_tickets_queue", "desk_tickets", ["team", "status", "created_at"])
    op.create_index("ix_desk_tickets_card", "desk_tickets", ["card_key"])
    op.create_table(
        "desk_ticket_entries",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("ticket_id", _id(), nullable=False),
        _at("at"),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False, server_default=""),
        sa.Column("detail", sa.String(255), nullable=False, server_default=""),
        sa.UniqueConstraint("key", name="uq_desk_ticket_entries_key"),
    )
    op.create_index("ix_desk_ticket_entries_ticket", "desk_ticket_entries", ["ticket_id", "at"])
    op.create_table(
        "desk_evidence",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("ticket_id", _id(), nullable=False),
        sa.Column("fetch_key", sa.String(255), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("mime_type", sa.String(128)),
        sa.Column("size", sa.Integer()),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        _at("created_at"),
        sa.UniqueConstraint("fetch_key", name="uq_desk_evidence_fetch"),
    )
    op.create_index("ix_desk_evidence_ticket_id", "desk_evidence", ["ticket_id"])
    op.create_index("ix_desk_evidence_state", "desk_evidence", ["state"])
    op.create_table(
        "desk_staff_posts",
        sa.Column("outbox_key", sa.String(255), primary_key=True),
        sa.Column("ticket_id", _id(), nullable=False),
    )
    op.create_index("ix_desk_staff_posts_ticket_id", "desk_staff_posts", ["ticket_id"])
    op.create_table(
        "desk_members",
        sa.Column("platform", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(64), primary_key=True),
        sa.Column("language", sa.String(16)),
        sa.Column("current_ticket_id", _id()),
        _at("updated_at"),
    )
    op.create_table(
        "desk_feedback",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("tags", sa.String(255), nullable=False, server_default=""),
        _at("created_at"),
        sa.UniqueConstraint("key", name="uq_desk_feedback_key"),
    )
    op.create_table(
        "desk_kb_votes",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("article", sa.String(128), nullable=False),
        sa.Column("solved", sa.Boolean(), nullable=False),
        sa.Column("ticket_id", _id()),
        _at("at"),
        sa.UniqueConstraint("key", name="uq_desk_kb_votes_key"),
    )
    op.create_table(
        "desk_team_cursors",
        sa.Column("team", sa.String(32), primary_key=True),
        sa.Column("last_assignee", sa.String(255), nullable=False),
    )


def downgrade() -> None:
    for table in ("desk_team_cursors", "desk_kb_votes", "desk_feedback", "desk_members", "desk_staff_posts",
                  "desk_evidence", "desk_ticket_entries", "desk_tickets", "desk_cases", "desk_settings"):
        op.drop_table(table)
