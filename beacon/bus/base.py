"""Bus interface: durable publish, consumer groups, at-least-once delivery, dead letters."""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

log = logging.getLogger(__name__)


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


class Deferred(Exception):
    """A batch handler's outcome for an entry it did not try (an earlier entry of its ordering key
    failed in the same batch): delivered again, in its place, without counting an attempt."""


# One outcome per delivery, in order: None = handled (acked); ``Deferred()`` = not tried; any other
# exception = failed (redelivered after a backoff, dead-lettered after ``max_attempts``).
Outcome = BaseException | None
BatchHandler = Callable[[Sequence[Delivery]], Awaitable[Sequence[Outcome]]]


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

    # How long a handler may hold an entry before the bus takes it back (implementations set theirs):
    # batch handlers keep their batches well inside it.
    visibility_timeout_s: float = 30.0

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

    async def subscribe_batch(
        self,
        topic: str,
        group: str,
        handler: BatchHandler,
        *,
        max_batch: int = 64,
        consumer: str | None = None,
        concurrency: int = 1,
    ) -> Subscription:
        """Run ``handler`` on batches of the group's entries (``concurrency`` batches at once).

        A batch holds 1 to ``max_batch`` entries. Entries sharing an ordering key come in publish
        order, and never while an earlier entry of that key is unfinished (in another batch, or
        failed and waiting for its retry). The handler returns one ``Outcome`` per delivery; it must
        handle the entries of one key in order and report every entry after a failed or deferred one
        of the same key as ``Deferred``, which keeps per-key order. A handler that raises fails
        every entry of the batch. Acks, retries, dead letters and redelivery after a crash are those
        of ``subscribe``.

        This default gathers the entries ``subscribe`` delivers at once (one per ordering key, up
        to ``max_batch × concurrency`` keys in hand), so a batch never holds two entries of one key;
        an implementation may hand over runs of a key's entries instead.
        """
        gatherer = _Gatherer(handler, max_batch=max_batch, concurrency=concurrency)
        return await self.subscribe(topic, group, gatherer.deliver, consumer=consumer,
                                    concurrency=max_batch * max(1, concurrency))

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


class _Gatherer:
    """Turns concurrent single deliveries into batches: each waits for its batch's outcome."""

    def __init__(self, handler: BatchHandler, *, max_batch: int, concurrency: int) -> None:
        if max_batch < 1 or concurrency < 1:
            raise ValueError("max_batch and concurrency must be >= 1")
        self.handler = handler
        self.max_batch = max_batch
        self.concurrency = concurrency
        self.waiting: list[tuple[Delivery, asyncio.Future[Outcome]]] = []
        self.running = 0
        self.tasks: set[asyncio.Task[None]] = set()  # the loop keeps only weak references to tasks

    async def deliver(self, delivery: Delivery) -> None:
        outcome: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self.waiting.append((delivery, outcome))
        if self.running < self.concurrency:
            self.running += 1
            task = asyncio.get_running_loop().create_task(self._run(), name="bus-batch")
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        result = await outcome
        if result is not None:
            raise result

    async def _run(self) -> None:
        try:
            await asyncio.sleep(0)  # let the deliveries handed over in this same turn join the batch
            while self.waiting:
                batch, self.waiting = self.waiting[: self.max_batch], self.waiting[self.max_batch:]
                batch = [(d, f) for d, f in batch if not f.done()]  # a delivery cancelled meanwhile
                if not batch:
                    continue
                try:
                    outcomes = list(await self.handler([d for d, _ in batch]))
                    if len(outcomes) != len(batch):
                        raise RuntimeError(f"batch handler returned {len(outcomes)} outcomes for {len(batch)} entries")
                except Exception as exc:  # noqa: BLE001 - a raising handler fails the whole batch
                    outcomes = [exc] * len(batch)
                deferred = []
                for (delivery, fut), outcome in zip(batch, outcomes):
                    if isinstance(outcome, Deferred) and not fut.done():
                        deferred.append((delivery, fut))  # not tried: still in hand, first in the next batch
                    elif not fut.done():
                        fut.set_result(outcome)
                self.waiting[:0] = deferred
        finally:
            self.running -= 1
            if not self.running:  # cancelled with entries still waiting: they stay un-acked
                for _, fut in self.waiting:
                    if not fut.done():
                        fut.set_exception(RuntimeError("batch runner stopped"))
                self.waiting.clear()


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
