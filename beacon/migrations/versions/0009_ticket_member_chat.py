"""Support desk: a ticket's private conversation when it is not the member's DMs (a private thread).

Revision ID: 0009_ticket_member_chat
Revises: 0008_link_codes
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_ticket_member_chat"
down_revision = "0008_link_codes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("desk_tickets") as batch:
        batch.add_column(sa.Column("member_chat_key", sa.String(255)))
        batch.add_column(sa.Column("member_chat_id", sa.String(64)))
    # A member's message in a private thread is traced back to its ticket by the thread's id.
    op.create_index("ix_desk_tickets_member_chat", "desk_tickets", ["platform", "member_chat_id"])


def downgrade() -> None:
    op.drop_index("ix_desk_tickets_member_chat", table_name="desk_tickets")
    with op.batch_alter_table("desk_tickets") as batch:
        batch.drop_column("member_chat_id")
        batch.drop_column("member_chat_key")
