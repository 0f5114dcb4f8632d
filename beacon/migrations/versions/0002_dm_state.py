"""Direct-message state per member, and a lookup of outbox rows by the message they produced.

Revision ID: 0002_dm_state
Revises: 0001_kernel
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_dm_state"
down_revision = "0001_kernel"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dm_state",
        sa.Column("platform", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(64), primary_key=True),
        sa.Column("open", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    # Replies to and buttons under the bot's messages are traced back to the action that sent them.
    op.create_index("ix_outbox_result", "outbox", ["platform", "result_chat_id", "result_message_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_result", table_name="outbox")
    op.drop_table("dm_state")
