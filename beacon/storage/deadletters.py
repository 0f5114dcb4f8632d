"""Dead letters: entries no handler could process (undecodable, or failed every attempt)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from beacon.storage.models import DeadLetterRecord
from beacon.storage.types import utcnow

_table = DeadLetterRecord.__table__


async def add(
    session: AsyncSession,
    *,
    topic: str,
    group: str,
    payload: bytes,
    error: str,
    attempts: int,
    entry_id: str | None = None,
    at: datetime | None = None,
) -> int:
    """Record one dead letter; returns its id."""
    stmt = insert(_table).values(
        entry_id=entry_id, topic=topic, group_name=group, payload=payload, error=error, attempts=attempts,
        at=at or utcnow(),
    ).returning(_table.c.id)
    return int((await session.execute(stmt)).scalar_one())


async def add_many(session: AsyncSession, letters: Sequence[dict]) -> None:
    """Record several dead letters (dicts with the ``add`` keywords) in one statement."""
    if not letters:
        return
    now = utcnow()
    rows = [
        {"entry_id": d.get("entry_id"), "topic": d["topic"], "group_name": d["group"], "payload": d["payload"],
         "error": d["error"], "attempts": d["attempts"], "at": d.get("at") or now}
        for d in letters
    ]
    await session.execute(insert(_table), rows)


async def fetch(session: AsyncSession, *, topic: str | None = None, limit: int | None = None) -> list[DeadLetterRecord]:
    """Dead letters, oldest first, optionally of one topic."""
    stmt = select(DeadLetterRecord).order_by(DeadLetterRecord.id)  # type: ignore[arg-type]
    if topic is not None:
        stmt = stmt.where(DeadLetterRecord.topic == topic)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list((await session.scalars(stmt)).all())


async def count(session: AsyncSession, *, topic: str | None = None) -> int:
    stmt = select(func.count()).select_from(_table)
    if topic is not None:
        stmt = stmt.where(_table.c.topic == topic)
    return int(await session.scalar(stmt) or 0)


async def remove(session: AsyncSession, letter_id: int) -> bool:
    """Delete one dead letter (after an operator dealt with it); True when it existed."""
    result = await session.execute(delete(_table).where(_table.c.id == letter_id))
    return bool(result.rowcount)
