"""What domain handlers see and return: a read-only context in, actions and records out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from beacon.actions import ActionBase
from beacon.adapter import Capabilities
from beacon.config import Settings
from beacon.events import EventBase
from beacon.verdict import AnalysisInput, Verdict


class Reader:
    """Read-only access to storage for domain code: queries, never writes."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def scalar(self, statement: Any) -> Any:
        return await self._session.scalar(statement)

    async def scalars(self, statement: Any) -> list[Any]:
        return list((await self._session.scalars(statement)).all())

    async def get(self, model: type, ident: Any) -> Any:
        return await self._session.get(model, ident)


class Record(ABC):
    """A state change a handler asks for; the runner applies it in the event's transaction."""

    @abstractmethod
    async def apply(self, session: AsyncSession) -> None: ...


Effect = ActionBase | Record


@dataclass(frozen=True)
class Context:
    """Everything a handler may consult. Built per event by the runner."""

    settings: Settings
    now: datetime
    read: Reader
    capabilities: Mapping[str, Capabilities]
    deep_links: Mapping[str, Callable[[str], str | None]]
    analyse: Callable[[AnalysisInput], Verdict]
    # Set when the event was already analysed by an earlier handler (saves a second pass).
    memo: dict[str, Any] = field(default_factory=dict)

    def capabilities_of(self, platform: str) -> Capabilities:
        return self.capabilities.get(platform, Capabilities())

    def deep_link(self, platform: str, payload: str) -> str | None:
        linker = self.deep_links.get(platform)
        return linker(payload) if linker else None

    def claim(self, key: str, owner: str) -> None:
        """Mark an inbound message as answered by ``owner`` (e.g. an /announce conversation), so
        handlers later in the chain leave it alone: one reply per message."""
        self.memo.setdefault(("claimed", key), owner)

    def claimed_by(self, key: str) -> str | None:
        return self.memo.get(("claimed", key))

    def verdict_for(self, key: str, message: AnalysisInput) -> Verdict:
        """Analyse once per event, however many handlers ask."""
        cached = self.memo.get(("verdict", key))
        if cached is None:
            cached = self.memo[("verdict", key)] = self.analyse(message)
        return cached


class Handler(Protocol):
    """A plain callable: event + read-only context → effects (actions and records)."""

    def __call__(self, event: EventBase, ctx: Context) -> Awaitable[Sequence[Effect]]: ...
