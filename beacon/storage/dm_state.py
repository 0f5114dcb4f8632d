"""Whether the bot may message a member privately: opened by a DM or /start, closed by a refusal."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from beacon.storage._sql import prepared
from beacon.storage.types import UTCDateTime, utcnow


class DirectMessageState(SQLModel, table=True):
    """Telegram cannot DM a member who never started the bot; X and Discord members may close DMs."""

    __tablename__ = "dm_state"

    platform: str = Field(primary_key=True, max_length=32)
    user_id: str = Field(primary_key=True, max_length=64)
    open: bool
    reason: str = Field(default="", max_length=32)  # e.g. never_started, blocked, dm_closed
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


_t = DirectMessageState.__table__


async def set_dm_state(session: AsyncSession, platform: str, user_id: str, *, open: bool, reason: str = "",
                       now: datetime | None = None) -> None:
    now = now or utcnow()
    stmt = prepared(session, "dm_state.set", _set_dm_state)
    await session.execute(stmt, {"platform": platform, "user_id": str(user_id), "open": open, "reason": reason,
                                 "now": now})


def _set_dm_state(insert: Any) -> Any:
    stmt = insert(_t).values(platform=bindparam("platform"), user_id=bindparam("user_id"), open=bindparam("open"),
                             reason=bindparam("reason"), updated_at=bindparam("now"))
    return stmt.on_conflict_do_update(index_elements=[_t.c.platform, _t.c.user_id],
                                      set_={k: getattr(stmt.excluded, k) for k in ("open", "reason", "updated_at")})


async def dm_open(session: AsyncSession, platform: str, user_id: str) -> bool | None:
    """True: the member reached the bot privately and has not refused since; None: unknown."""
    return await session.scalar(
        select(DirectMessageState.open).where(DirectMessageState.platform == platform,
                                              DirectMessageState.user_id == str(user_id))
    )
