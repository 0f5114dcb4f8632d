"""X: the mentions cursor (since_id per account), so a restarted poller re-reads no mention.

Revision ID: 0007_x_cursor
Revises: 0006_announcements
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_x_cursor"
down_revision = "0006_announcements"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "x_cursors",
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("since_id", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("account_id"),
    )


def downgrade() -> None:
    op.drop_table("x_cursors")
