"""Processed-event keys: claim a key once (insert-if-absent), purge expired keys."""

from __future__ import annotations

from datetime import datetime, timedelta

from typing import Any

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from beacon.storage._sql import prepared
from beacon.storage.models import ProcessedEvent
from beacon.storage.types import utcnow

DEFAULT_TTL = timedelta(days=7)
_table = ProcessedEvent.__table__


async def claim(session: AsyncSession, key: str, ttl: timedelta = DEFAULT_TTL, *, now: datetime | None = None) -> bool:
    """True when this call is the first to process ``key`` (within its expiry), False for a duplicate.

    One statement, safe under concurrency on SQLite and PostgreSQL: ``INSERT … ON CONFLICT`` that
    only takes over a row whose key has expired. Commit it with the handler's effects, in the same
    transaction, so "processed" and "done" cannot disagree.
    """
    now = now or utcnow()
    stmt = prepared(session, "idempotency.claim", _claim, returning=[_table.c.key])
    return (await session.execute(stmt, {"key": key, "now": now, "expires_at": now + ttl})).first() is not None


def _claim(insert: Any) -> Any:
    stmt = insert(_table).values(key=bindparam("key"), processed_at=bindparam("now"),
                                 expires_at=bindparam("expires_at"))
    return stmt.on_conflict_do_update(
        index_elements=[_table.c.key],
        set_={"processed_at": stmt.excluded.processed_at, "expires_at": stmt.excluded.expires_at},
        where=_table.c.expires_at <= bindparam("now"),
    ).returning(_table.c.key)


async def seen(session: AsyncSession, key: str, *, now: datetime | None = None) -> bool:
    """Whether ``key`` is claimed and not expired (read-only)."""
    now = now or utcnow()
    found = await session.scalar(select(_table.c.key).where(_table.c.key == key, _table.c.expires_at > now))
    return found is not None


async def purge_expired(session: AsyncSession, *, now: datetime | None = None) -> int:
    """Delete expired keys; returns how many were removed."""
    now = now or utcnow()
    result = await session.execute(delete(_table).where(_table.c.expires_at <= now))
    return int(result.rowcount or 0)


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(_table)) or 0)
