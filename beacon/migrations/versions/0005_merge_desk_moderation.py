"""Merge point of the support desk's and moderation's revisions (both branch from 0002_dm_state).

Revision ID: 0005_merge_desk_moderation
Revises: 0003_desk, 0004_moderation
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0005_merge_desk_moderation"
down_revision = ("0003_desk", "0004_moderation")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
