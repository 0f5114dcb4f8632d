"""Bus interface: durable publish, consumer groups, at-least-once delivery, dead letters."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Delivery:
    """One entry handed to a handler. ``attempts`` counts deliveries, this one included."""

    id: str
    topic: str
    payload: bytes
    ordering_key: str
    attempts: int


@dataclass(frozen=True, slots=True)
class DeadLetter:
    id: str
    topic: str
    group: str
    payload: bytes
    error: str
    attempts: int
    at: datetime


Handler = Callable[[Delivery], Awaitable[None]]


class Subscription(ABC):
    @abstractmethod
    async def stop(self) -> None:
        """Stop taking new entries; the one in hand finishes; un-acked entries stay pending."""


class Bus(ABC):
    """At-least-once delivery to every consumer group of a topic.

    * ``publish`` returns once the entry is durable (persisted inbox or Redis).
    * A handler that returns acks the entry; one that raises leaves it for redelivery, and after
      ``max_attempts`` deliveries it moves to the dead letters with the error.
    * Entries sharing an ``ordering_key`` (a chat) reach a group's handler one at a time, in order.
    * Entries not acked when a consumer dies are delivered again (on restart, or to another
      consumer of the group after the visibility timeout).
    """

    @abstractmethod
    async def start(self) -> None: ...

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def ensure_group(self, topic: str, group: str) -> None:
        """Create ``group`` on ``topic`` if absent; it receives entries published from now on."""

    @abstractmethod
    async def publish(self, topic: str, payload: bytes, *, ordering_key: str = "") -> str:
        """Durably append; returns the entry id."""

    @abstractmethod
    async def subscribe(
        self,
        topic: str,
        group: str,
        handler: Handler,
        *,
        consumer: str | None = None,
        concurrency: int = 1,
    ) -> Subscription:
        """Run ``handler`` for the group's entries (``concurrency`` orderings keys at once)."""

    @abstractmethod
    async def dead_letters(self, topic: str | None = None) -> list[DeadLetter]: ...

    @abstractmethod
    async def pending_count(self, topic: str, group: str) -> int:
        """Entries published to the group and not yet acked (the bus lag)."""

    async def __aenter__(self) -> "Bus":
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def open_bus(url: str, **options: object) -> Bus:
    """Build the bus an URL names: ``memory://`` (persisted in the database) or ``redis://``."""
    if url.startswith("memory://"):
        from beacon.bus.memory import InProcessBus

        options.pop("prefix", None)  # key prefixes are Redis's concern
        return InProcessBus.from_url(url, **options)  # type: ignore[arg-type]
    if url.startswith(("redis://", "rediss://", "unix://")):
        from beacon.bus.redis import RedisStreamsBus

        return RedisStreamsBus.from_url(url, **options)  # type: ignore[arg-type]
    raise ValueError(f"unsupported bus url {url!r}: use memory:// or redis://")
