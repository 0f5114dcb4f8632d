"""The X cursors: the newest mention id and DM event id published, per account, so a restart re-reads nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from beacon.storage._sql import upsert_insert
from beacon.storage.types import UTCDateTime, utcnow


class XCursor(SQLModel, table=True):
    """The newest id read: ``since_id`` of mentions (key: the account id) or of DMs (key: ``<account id>:dm``).

    X ids are 64-bit, kept as decimal strings."""

    __tablename__ = "x_cursors"

    account_id: str = Field(primary_key=True, max_length=64)
    since_id: str = Field(max_length=32)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


_t = XCursor.__table__


async def load_since_id(session: AsyncSession, account_id: str) -> str | None:
    return await session.scalar(select(XCursor.since_id).where(XCursor.account_id == account_id))


async def save_since_id(session: AsyncSession, account_id: str, since_id: str) -> None:
    """Store ``since_id`` unless a larger one is stored already (a cursor never moves back)."""
    current = await load_since_id(session, account_id)
    if current is not None and int(current) >= int(since_id):
        return
    now = utcnow()
    stmt = upsert_insert(session, _t).values(account_id=account_id, since_id=since_id, updated_at=now)
    await session.execute(stmt.on_conflict_do_update(index_elements=[_t.c.account_id],
                                                     set_={"since_id": since_id, "updated_at": now}))
