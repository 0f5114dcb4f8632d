"""The desk's state changes (Records), applied by the runner in the event's transaction.

Updates name the columns they change (never whole rows), so a timer sweep and a member's message
touching the same ticket at once do not overwrite each other's fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from beacon.domain import Record
from beacon.storage._sql import upsert_insert
from community.models import (
    DeskMember,
    DeskSetting,
    Evidence,
    Feedback,
    HandoffCase,
    KbVote,
    StaffPost,
    TeamCursor,
    Ticket,
    TicketEntry,
)


def _row(model: SQLModel) -> dict[str, Any]:
    table = type(model).__table__  # type: ignore[attr-defined]
    return {c.name: getattr(model, c.name) for c in table.columns if getattr(model, c.name) is not None}


@dataclass(frozen=True)
class Insert(Record):
    """Insert a row unless its unique key exists (a redelivered event inserts nothing twice)."""

    row: SQLModel

    async def apply(self, session: AsyncSession) -> None:
        table = type(self.row).__table__  # type: ignore[attr-defined]
        await session.execute(upsert_insert(session, table).values(**_row(self.row)).on_conflict_do_nothing())


@dataclass(frozen=True)
class Update(Record):
    """``UPDATE table SET values WHERE key columns = key values``."""

    model: type[SQLModel]
    key: Mapping[str, Any]
    values: Mapping[str, Any]

    async def apply(self, session: AsyncSession) -> None:
        table = self.model.__table__  # type: ignore[attr-defined]
        stmt = update(table).values(**dict(self.values))
        for name, value in self.key.items():
            stmt = stmt.where(table.c[name] == value)
        await session.execute(stmt)


def put_case(case: HandoffCase) -> Record:
    return Insert(case)


def update_case(payload: str, **values: Any) -> Record:
    return Update(HandoffCase, {"payload": payload}, values)


def put_ticket(ticket: Ticket) -> Record:
    return Insert(ticket)


def update_ticket(ticket_id: int, **values: Any) -> Record:
    return Update(Ticket, {"id": ticket_id}, values)


def add_entry(entry: TicketEntry) -> Record:
    return Insert(entry)


def put_evidence(evidence: Evidence) -> Record:
    return Insert(evidence)


def update_evidence(fetch_key: str, **values: Any) -> Record:
    return Update(Evidence, {"fetch_key": fetch_key}, values)


def put_staff_post(outbox_key: str, ticket_id: int) -> Record:
    return Insert(StaffPost(outbox_key=outbox_key, ticket_id=ticket_id))


def put_feedback(feedback: Feedback) -> Record:
    return Insert(feedback)


def put_vote(vote: KbVote) -> Record:
    return Insert(vote)


@dataclass(frozen=True)
class SetMember(Record):
    """Upsert a member's desk preferences (only the given fields change)."""

    platform: str
    user_id: str
    values: Mapping[str, Any] = field(default_factory=dict)

    async def apply(self, session: AsyncSession) -> None:
        table = DeskMember.__table__
        values = dict(self.values)
        stmt = upsert_insert(session, table).values(platform=self.platform, user_id=self.user_id, **values)
        await session.execute(stmt.on_conflict_do_update(index_elements=[table.c.platform, table.c.user_id],
                                                         set_=values))


@dataclass(frozen=True)
class SetCursor(Record):
    team: str
    last_assignee: str

    async def apply(self, session: AsyncSession) -> None:
        table = TeamCursor.__table__
        stmt = upsert_insert(session, table).values(team=self.team, last_assignee=self.last_assignee)
        await session.execute(stmt.on_conflict_do_update(index_elements=[table.c.team],
                                                         set_={"last_assignee": self.last_assignee}))


@dataclass(frozen=True)
class KeepSetting(Record):
    """Store a desk-wide value unless one is already stored."""

    name: str
    value: str

    async def apply(self, session: AsyncSession) -> None:
        await session.execute(upsert_insert(session, DeskSetting.__table__).values(name=self.name, value=self.value)
                              .on_conflict_do_nothing())


@dataclass(frozen=True)
class WriteFile(Record):
    """Write a generated file (a transcript) into the desk's file store before it is sent.

    A file is a state change like a row: it is written here, at commit time, never by a handler.
    A rolled-back transaction may leave the file behind; the next attempt overwrites it.
    """

    path: str
    content: str

    async def apply(self, session: AsyncSession) -> None:
        target = Path(self.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.content, encoding="utf-8")
