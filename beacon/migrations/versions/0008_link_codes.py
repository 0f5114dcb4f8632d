"""/link: one-time codes (stored by digest) and wrong-code attempts per account.

Revision ID: 0008_link_codes
Revises: 0007_x_cursor
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_link_codes"
down_revision = "0007_x_cursor"
branch_labels = None
depends_on = None


def _id() -> sa.types.TypeEngine:
    # SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64-bit ids.
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "link_codes",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
        sa.Column("used_by", sa.String(100)),
    )
    op.create_index("ix_link_codes_account", "link_codes", ["platform", "user_id"])
    op.create_table(
        "link_failures",
        sa.Column("id", _id(), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_link_failures_account", "link_failures", ["platform", "user_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_link_failures_account", table_name="link_failures")
    op.drop_table("link_failures")
    op.drop_index("ix_link_codes_account", table_name="link_codes")
    op.drop_table("link_codes")
