"""Moderation's writes: records the runner applies in the event's transaction (the only place we write)."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from beacon.domain import Record
from beacon.storage._sql import prepared, upsert_insert
from moderation.models import AllowEntry, AuditEntry, ModerationCase, RecentMessage, SafetyAlert, Sighting

_REF_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud and typed from a card


def make_ref(source_key: str, length: int = 10) -> str:
    """A short public case id derived from the cause's key: redelivery yields the same id (~49 bits)."""
    n = int.from_bytes(hashlib.sha256(source_key.encode()).digest()[:8], "big")
    out = []
    for _ in range(length):
        n, r = divmod(n, len(_REF_ALPHABET))
        out.append(_REF_ALPHABET[r])
    return "".join(out)


@dataclass(frozen=True)
class RememberMessage(Record):
    """Keep a masked copy of a chat message in the chat's ring; older ones beyond ``keep`` go."""

    platform: str
    chat_id: str
    message_id: str
    author_id: str
    author_name: str | None
    masked_text: str
    at: datetime
    keep: int

    async def apply(self, session: AsyncSession) -> None:
        t = RecentMessage.__table__
        # Built once (prepared): SQLAlchemy would compile this upsert anew for every message.
        await session.execute(prepared(session, "moderation.remember", _remember), {
            "platform": self.platform, "chat_id": self.chat_id, "message_id": self.message_id,
            "author_id": self.author_id, "author_name": self.author_name, "masked_text": self.masked_text,
            "at": self.at,
        })
        # Trim the ring on about one message in four (one statement): it holds up to ``keep`` + a few rows,
        # and most messages cost a single write inside the worker's transaction.
        if zlib.crc32(self.message_id.encode()) % 4 == 0:
            newest = (select(t.c.id).where(t.c.platform == self.platform, t.c.chat_id == self.chat_id)
                      .order_by(t.c.id.desc()).offset(self.keep).limit(1).scalar_subquery())
            await session.execute(delete(t).where(t.c.platform == self.platform, t.c.chat_id == self.chat_id,
                                                  t.c.id <= newest))


def _remember(insert: Any) -> Any:
    t = RecentMessage.__table__
    columns = ("platform", "chat_id", "message_id", "author_id", "author_name", "masked_text", "at")
    stmt = insert(t).values(**{c: bindparam(c) for c in columns})
    return stmt.on_conflict_do_update(index_elements=[t.c.platform, t.c.chat_id, t.c.message_id],
                                      set_={"masked_text": stmt.excluded.masked_text})


@dataclass(frozen=True)
class ForgetMessage(Record):
    """A deleted message leaves the ring (so a card never shows what its author took back)."""

    platform: str
    chat_id: str
    message_id: str

    async def apply(self, session: AsyncSession) -> None:
        t = RecentMessage.__table__
        await session.execute(delete(t).where(t.c.platform == self.platform, t.c.chat_id == self.chat_id,
                                              t.c.message_id == self.message_id))


@dataclass(frozen=True)
class OpenCase(Record):
    """A new case; a redelivered event finds it already there and changes nothing."""

    values: dict

    async def apply(self, session: AsyncSession) -> None:
        t = ModerationCase.__table__
        stmt = upsert_insert(session, t).values(**self.values)
        await session.execute(stmt.on_conflict_do_nothing(index_elements=[t.c.source_key]))


@dataclass(frozen=True)
class Audit(Record):
    """One append-only audit line."""

    at: datetime
    actor: str
    action: str
    target: str = ""
    reason: str = ""
    rule: str = ""
    case_ref: str | None = None
    source_key: str = ""

    def values(self) -> dict:
        return {"at": self.at, "actor": self.actor, "action": self.action, "target": self.target[:255],
                "reason": self.reason, "rule": self.rule[:128], "case_ref": self.case_ref,
                "source_key": self.source_key[:255]}

    async def apply(self, session: AsyncSession) -> None:
        await session.execute(AuditEntry.__table__.insert().values(**self.values()))


@dataclass(frozen=True)
class AuditLines(Record):
    """Several audit lines in one statement (an automatic case's steps)."""

    lines: tuple[Audit, ...]

    async def apply(self, session: AsyncSession) -> None:
        if self.lines:
            await session.execute(AuditEntry.__table__.insert(), [line.values() for line in self.lines])


@dataclass(frozen=True)
class DecideCase(Record):
    """Close a case with a moderator's decision, only from one of ``expected`` states (never twice)."""

    ref: str
    expected: tuple[str, ...]
    status: str
    values: dict = field(default_factory=dict)

    async def apply(self, session: AsyncSession) -> None:
        t = ModerationCase.__table__
        await session.execute(
            update(t).where(t.c.ref == self.ref, t.c.status.in_(self.expected))
            .values(status=self.status, **self.values)
        )


@dataclass(frozen=True)
class AllowValues(Record):
    """Add entries to a community's allow list (duplicates ignored)."""

    community: str
    entries: tuple[tuple[str, str], ...]
    case_ref: str
    added_by: str
    at: datetime

    async def apply(self, session: AsyncSession) -> None:
        t = AllowEntry.__table__
        for kind, value in self.entries:
            stmt = upsert_insert(session, t).values(community=self.community, kind=kind, value=value[:255],
                                                    case_ref=self.case_ref, added_by=self.added_by, at=self.at)
            await session.execute(stmt.on_conflict_do_nothing(index_elements=[t.c.community, t.c.kind, t.c.value]))


@dataclass(frozen=True)
class See(Record):
    """Sightings of domains, wallets and impersonators in a chat."""

    rows: tuple[dict, ...]

    async def apply(self, session: AsyncSession) -> None:
        if self.rows:
            await session.execute(Sighting.__table__.insert(), list(self.rows))


@dataclass(frozen=True)
class RaiseAlert(Record):
    """One alert per (kind, value, window); a concurrent twin in the same window is ignored."""

    values: dict

    async def apply(self, session: AsyncSession) -> None:
        t = SafetyAlert.__table__
        stmt = upsert_insert(session, t).values(**self.values)
        await session.execute(stmt.on_conflict_do_nothing(index_elements=[t.c.kind, t.c.value_hash, t.c.bucket]))


@dataclass(frozen=True)
class ForgetSightings(Record):
    """Sightings older than the alert window are no use: keep the table small."""

    before: datetime

    async def apply(self, session: AsyncSession) -> None:
        await session.execute(delete(Sighting.__table__).where(Sighting.__table__.c.at < self.before))
