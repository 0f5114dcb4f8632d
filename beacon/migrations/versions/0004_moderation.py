"""Moderation: cases, audit log, recent masked messages, allow list, sightings and safety alerts.

Revision ID: 0004_moderation
Revises: 0002_dm_state
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_moderation"
down_revision = "0002_dm_state"
branch_labels = None
depends_on = None


def _id() -> sa.types.TypeEngine:
    # SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64-bit ids.
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "mod_cases",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("ref", sa.String(16), nullable=False),
        sa.Column("source_key", sa.String(255), nullable=False),
        sa.Column("community", sa.String(64), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("chat_title", sa.String(255)),
        sa.Column("chat_kind", sa.String(32), nullable=False),
        sa.Column("message_id", sa.String(64)),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("author_id", sa.String(64), nullable=False),
        sa.Column("author_username", sa.String(255)),
        sa.Column("author_name", sa.String(255)),
        sa.Column("flags", sa.String(128), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("imitates", sa.String(255)),
        sa.Column("masked_text", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("steps", sa.String(128), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("fallback_notice", sa.Text()),
        sa.Column("support_request", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("card_key", sa.String(255)),
        sa.Column("card_chat_platform", sa.String(32)),
        sa.Column("card_chat_id", sa.String(64)),
        sa.Column("decided_by", sa.String(255)),
        sa.Column("decided_action", sa.String(32)),
        _at("decided_at", True),
        _at("appealed_at", True),
        sa.Column("appeal_text", sa.Text()),
        sa.Column("appeal_card_key", sa.String(255)),
        sa.Column("appeal_decided_by", sa.String(255)),
        _at("created_at"),
        _at("updated_at"),
        sa.UniqueConstraint("ref", name="uq_mod_cases_ref"),
        sa.UniqueConstraint("source_key", name="uq_mod_cases_source_key"),
    )
    op.create_index("ix_mod_cases_author", "mod_cases", ["platform", "author_id", "created_at"])
    op.create_index("ix_mod_cases_status", "mod_cases", ["status", "created_at"])
    op.create_table(
        "mod_audit",
        sa.Column("id", _id(), primary_key=True),
        _at("at"),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(255), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(128), nullable=False),
        sa.Column("case_ref", sa.String(16)),
        sa.Column("source_key", sa.String(255), nullable=False),
    )
    op.create_index("ix_mod_audit_at", "mod_audit", ["at"])
    op.create_index("ix_mod_audit_case", "mod_audit", ["case_ref"])
    _audit_append_only()
    op.create_table(
        "mod_recent",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("author_id", sa.String(64), nullable=False),
        sa.Column("author_name", sa.String(255)),
        sa.Column("masked_text", sa.Text(), nullable=False),
        _at("at"),
        sa.UniqueConstraint("platform", "chat_id", "message_id", name="uq_mod_recent_message"),
    )
    op.create_index("ix_mod_recent_chat", "mod_recent", ["platform", "chat_id", "id"])
    op.create_table(
        "mod_allow",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("community", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(255), nullable=False),
        sa.Column("case_ref", sa.String(16)),
        sa.Column("added_by", sa.String(255), nullable=False),
        _at("at"),
        sa.UniqueConstraint("community", "kind", "value", name="uq_mod_allow"),
    )
    op.create_table(
        "mod_sightings",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value_hash", sa.String(64), nullable=False),
        sa.Column("display", sa.String(255), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("case_ref", sa.String(16)),
        _at("at"),
    )
    op.create_index("ix_mod_sightings_key", "mod_sightings", ["kind", "value_hash", "at"])
    op.create_table(
        "mod_alerts",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value_hash", sa.String(64), nullable=False),
        sa.Column("display", sa.String(255), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("chats", sa.Text(), nullable=False),
        _at("at"),
        sa.UniqueConstraint("kind", "value_hash", "bucket", name="uq_mod_alerts_window"),
    )


def _audit_append_only() -> None:
    """The database itself refuses to change or remove audit lines."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION mod_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'mod_audit is append-only'; END $$"
        )
        op.execute("CREATE TRIGGER mod_audit_append_only BEFORE UPDATE OR DELETE ON mod_audit "
                   "FOR EACH ROW EXECUTE FUNCTION mod_audit_append_only()")
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER mod_audit_no_{verb.lower()} BEFORE {verb} ON mod_audit "
                       "BEGIN SELECT RAISE(ABORT, 'mod_audit is append-only'); END")


def downgrade() -> None:
    op.drop_table("mod_alerts")
    op.drop_index("ix_mod_sightings_key", table_name="mod_sightings")
    op.drop_table("mod_sightings")
    op.drop_table("mod_allow")
    op.drop_index("ix_mod_recent_chat", table_name="mod_recent")
    op.drop_table("mod_recent")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER mod_audit_append_only ON mod_audit")
        op.execute("DROP FUNCTION mod_audit_append_only()")
    else:
        op.execute("DROP TRIGGER mod_audit_no_update")
        op.execute("DROP TRIGGER mod_audit_no_delete")
    op.drop_index("ix_mod_audit_case", table_name="mod_audit")
    op.drop_index("ix_mod_audit_at", table_name="mod_audit")
    op.drop_table("mod_audit")
    op.drop_index("ix_mod_cases_status", table_name="mod_cases")
    op.drop_index("ix_mod_cases_author", table_name="mod_cases")
    op.drop_table("mod_cases")
