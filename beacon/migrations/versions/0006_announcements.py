"""Announcements: announcements, deliveries, log, subscriptions, /announce drafts.

Revision ID: 0006_announcements
Revises: 0005_merge_desk_moderation
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_announcements"
down_revision = "0005_merge_desk_moderation"
branch_labels = None
depends_on = None


def _id() -> sa.types.TypeEngine:
    # SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64-bit ids.
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "ann_announcements",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("texts", sa.Text(), nullable=False),
        sa.Column("default_lang", sa.String(16), nullable=False),
        sa.Column("attachment_path", sa.Text()),
        sa.Column("attachment_name", sa.String(255)),
        sa.Column("attachment_kind", sa.String(16)),
        sa.Column("targets", sa.Text(), nullable=False),
        sa.Column("to_subscribers", sa.Boolean(), nullable=False),
        sa.Column("pin", sa.Boolean(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        _at("schedule_at", True),
        sa.Column("repeat_minutes", sa.Integer()),
        _at("repeat_until", True),
        _at("next_run_at", True),
        sa.Column("runs", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(255), nullable=False),
        sa.Column("author_label", sa.String(255), nullable=False),
        sa.Column("approved_by", sa.String(255)),
        _at("approved_at", True),
        sa.Column("skipped_approval", sa.Boolean(), nullable=False),
        sa.Column("source_alert_id", _id()),
        sa.Column("edit_version", sa.Integer(), nullable=False),
        _at("created_at"),
        _at("updated_at"),
        _at("sent_at", True),
        _at("retracted_at", True),
    )
    op.create_index("ix_ann_due", "ann_announcements", ["state", "next_run_at"])
    op.create_table(
        "ann_deliveries",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("announcement_id", _id(), nullable=False),
        sa.Column("run", sa.Integer(), nullable=False),
        sa.Column("audience", sa.String(8), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("thread_id", sa.String(64)),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("outbox_key", sa.String(255), nullable=False),
        sa.Column("has_file", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(32)),
        sa.Column("removal", sa.String(64)),
        _at("created_at"),
        sa.UniqueConstraint("outbox_key", name="uq_ann_deliveries_key"),
    )
    op.create_index("ix_ann_deliveries_ann", "ann_deliveries", ["announcement_id", "run"])
    op.create_table(
        "ann_log",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("announcement_id", _id(), nullable=False),
        _at("at"),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("key", sa.String(255)),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_ann_log_ann", "ann_log", ["announcement_id", "at"])
    op.create_table(
        "ann_subscriptions",
        sa.Column("platform", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(64), primary_key=True),
        sa.Column("kinds", sa.String(255), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("blocked_reason", sa.String(32)),
        _at("created_at"),
        _at("updated_at"),
    )
    op.create_table(
        "ann_drafts",
        sa.Column("platform", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(64), primary_key=True),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        _at("updated_at"),
    )


def downgrade() -> None:
    op.drop_table("ann_drafts")
    op.drop_table("ann_subscriptions")
    op.drop_index("ix_ann_log_ann", table_name="ann_log")
    op.drop_table("ann_log")
    op.drop_index("ix_ann_deliveries_ann", table_name="ann_deliveries")
    op.drop_table("ann_deliveries")
    op.drop_index("ix_ann_due", table_name="ann_announcements")
    op.drop_table("ann_announcements")
