"""Outbox: outbound actions and their fate, queued → sending → sent | failed | in_doubt."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from beacon.actions import ActionBase, encode_action
from beacon.storage._sql import dialect_name, prepared
from beacon.storage.models import FAILED, IN_DOUBT, QUEUED, SENDING, SENT, OutboxItem
from beacon.storage.types import utcnow

__all__ = [
    "OutboxItem", "QUEUED", "SENDING", "SENT", "FAILED", "IN_DOUBT",
    "enqueue", "claim", "mark_sent", "mark_failed", "mark_in_doubt", "requeue", "recover_in_doubt", "resend",
    "get", "by_key", "list_items", "count_unfinished", "counts",
]

_t = OutboxItem.__table__
IN_DOUBT_REASON = "left in flight by a stopped process: the platform may or may not have performed it"


async def enqueue(
    session: AsyncSession, actions: Iterable[ActionBase], *, not_before: datetime | None = None,
    now: datetime | None = None,
) -> int:
    """Queue actions; a key already in the outbox is skipped (a redelivered event's actions).

    Returns how many rows were new.
    """
    now = now or utcnow()
    stmt = prepared(session, "outbox.enqueue", _enqueue, returning=[_t.c.key])
    new = 0
    for a in actions:  # a few rows per event: one prepared statement each beats compiling a multi-row one
        row = {"key": a.key, "platform": a.platform, "action": encode_action(a), "priority": a.priority,
               "not_before": not_before, "now": now}
        new += (await session.execute(stmt, row)).first() is not None
    return new


def _enqueue(insert: Any) -> Any:
    columns = ("key", "platform", "action", "priority", "not_before")
    stmt = insert(_t).values(**{c: bindparam(c) for c in columns}, state=QUEUED, attempts=0,
                             created_at=bindparam("now"), updated_at=bindparam("now"))
    return stmt.on_conflict_do_nothing(index_elements=[_t.c.key]).returning(_t.c.key)


async def claim(session: AsyncSession, platform: str, limit: int = 64, *, now: datetime | None = None) -> list[OutboxItem]:
    """Move up to ``limit`` due queued rows of ``platform`` to ``sending`` and return them.

    Highest priority first, then oldest. Safe with several claimers: PostgreSQL locks the chosen
    rows with ``FOR UPDATE SKIP LOCKED`` so concurrent claimers take different rows; SQLite runs the
    one conditional ``UPDATE`` under its database write lock. Commit promptly: the rows count as
    in flight from this moment (``recover_in_doubt``).
    """
    now = now or utcnow()
    chosen = (
        select(_t.c.id)
        .where(_t.c.platform == platform, _t.c.state == QUEUED, or_(_t.c.not_before.is_(None), _t.c.not_before <= now))
        .order_by(_t.c.priority.desc(), _t.c.id)
        .limit(limit)
    )
    if dialect_name(session) == "postgresql":
        # A materialised CTE runs once; an ``IN (subquery … LIMIT)`` may be re-run by the planner
        # and hand out more than ``limit`` rows.
        picked = chosen.with_for_update(skip_locked=True).cte("chosen").prefix_with("MATERIALIZED")
        stmt = update(_t).where(_t.c.id == picked.c.id, _t.c.state == QUEUED)
    else:
        stmt = update(_t).where(_t.c.id.in_(chosen.scalar_subquery()), _t.c.state == QUEUED)
    stmt = stmt.values(state=SENDING, attempts=_t.c.attempts + 1, updated_at=now).returning(*_t.c)
    rows = (await session.execute(stmt)).mappings().all()
    items = [OutboxItem(**dict(row)) for row in rows]
    items.sort(key=lambda item: (-item.priority, item.id))
    return items


async def _finish(session: AsyncSession, item_id: int, **values: object) -> bool:
    stmt = update(_t).where(_t.c.id == item_id, _t.c.state == SENDING).values(updated_at=utcnow(), **values)
    return bool((await session.execute(stmt)).rowcount)


async def mark_sent(
    session: AsyncSession, item_id: int, *, message_id: str | None = None, chat_id: str | None = None
) -> bool:
    """``sending → sent`` with the platform's answer; False when the row was not ``sending``."""
    return await _finish(session, item_id, state=SENT, result_message_id=message_id, result_chat_id=chat_id,
                         error=None)


async def mark_failed(session: AsyncSession, item_id: int, *, error: str) -> bool:
    """``sending → failed``: the platform refused for good (forbidden, not found, bad request)."""
    return await _finish(session, item_id, state=FAILED, error=error)


async def mark_in_doubt(session: AsyncSession, item_id: int, *, error: str) -> bool:
    """``sending → in_doubt``: the platform may have performed it; reported, never resent silently."""
    return await _finish(session, item_id, state=IN_DOUBT, error=error)


async def requeue(session: AsyncSession, item_id: int, *, delay_s: float = 0.0, error: str | None = None) -> bool:
    """``sending → queued`` not before ``delay_s`` from now, for errors that surely did not land (429)."""
    return await _finish(session, item_id, state=QUEUED, not_before=utcnow() + timedelta(seconds=max(delay_s, 0.0)),
                         error=error)


async def recover_in_doubt(
    session: AsyncSession, platform: str, *, stale_after: timedelta | None = None, now: datetime | None = None
) -> int:
    """Rows of ``platform`` left ``sending`` by a process that died become ``in_doubt``; returns how many.

    Call it when a platform's only dispatcher starts (every ``sending`` row then belongs to a dead
    process). With dispatchers in several processes pass ``stale_after``: only rows claimed longer
    ago than that are taken as abandoned.
    """
    now = now or utcnow()
    stmt = update(_t).where(_t.c.platform == platform, _t.c.state == SENDING)
    if stale_after is not None:
        stmt = stmt.where(_t.c.updated_at <= now - stale_after)
    result = await session.execute(stmt.values(state=IN_DOUBT, error=IN_DOUBT_REASON, updated_at=now))
    return int(result.rowcount or 0)


async def resend(session: AsyncSession, item_id: int) -> bool:
    """An operator's explicit choice: put an ``in_doubt`` or ``failed`` row back in the queue."""
    stmt = (
        update(_t)
        .where(_t.c.id == item_id, _t.c.state.in_((IN_DOUBT, FAILED)))
        .values(state=QUEUED, not_before=None, updated_at=utcnow())
    )
    return bool((await session.execute(stmt)).rowcount)


async def get(session: AsyncSession, item_id: int) -> OutboxItem | None:
    return await session.get(OutboxItem, item_id)


async def by_key(session: AsyncSession, key: str) -> OutboxItem | None:
    return (await session.scalars(select(OutboxItem).where(OutboxItem.key == key))).first()


async def list_items(
    session: AsyncSession, *, platform: str | None = None, state: str | None = None, limit: int | None = 100
) -> list[OutboxItem]:
    """Rows, oldest first, filtered by platform and/or state."""
    stmt = select(OutboxItem).order_by(OutboxItem.id)  # type: ignore[arg-type]
    if platform is not None:
        stmt = stmt.where(OutboxItem.platform == platform)
    if state is not None:
        stmt = stmt.where(OutboxItem.state == state)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list((await session.scalars(stmt)).all())


async def count_unfinished(session: AsyncSession, platform: str | None = None) -> int:
    """Rows still ``queued`` or ``sending``."""
    stmt = select(func.count()).select_from(_t).where(_t.c.state.in_((QUEUED, SENDING)))
    if platform is not None:
        stmt = stmt.where(_t.c.platform == platform)
    return int(await session.scalar(stmt) or 0)


async def counts(session: AsyncSession, platform: str | None = None) -> dict[str, int]:
    """Rows per state (every state present, zero included)."""
    stmt = select(_t.c.state, func.count()).group_by(_t.c.state)
    if platform is not None:
        stmt = stmt.where(_t.c.platform == platform)
    found = {state: int(n) for state, n in (await session.execute(stmt)).all()}
    return {state: found.get(state, 0) for state in (QUEUED, SENDING, SENT, FAILED, IN_DOUBT)}
