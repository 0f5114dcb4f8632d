"""In-process bus: per-group partitions in memory; accepted entries persisted in the database inbox.

``InProcessBus.from_url("memory://", database_url=…, partitions=8, max_attempts=5,
visibility_timeout_s=30.0, retry_delay_s=0.5)``

Durability (with ``database_url``, what ``beacon run`` uses): ``publish`` returns only once the
entry is committed to the ``bus_inbox`` table, one row per consumer group; an ack deletes the row;
``start`` loads the rows left un-acked by the previous run and delivers them again, so a crash of
the process loses nothing already accepted. Writes are group-committed: every publish, ack, retry
count and dead letter that arrives while one transaction commits rides in the next one, and each
publisher awaits the commit of its batch. Acks are not awaited by the handler loop: a crash before
they commit means redelivery (at least once), never loss.

Without ``database_url`` the bus is non-durable (pure memory, same semantics otherwise): for
tests, benchmarks and throwaway demos only.

Ordering: an entry goes to partition ``crc32(ordering_key) % partitions`` of each group. A
partition is served by one worker at a time, head first, so entries sharing an ordering key are
handled one at a time and in order — a failing entry is retried (after ``retry_delay_s``, doubling,
capped by the visibility timeout) before anything behind it. ``concurrency`` workers serve
different partitions at once. A handler running longer than ``visibility_timeout_s`` is cancelled
and counts as a failed attempt; after ``max_attempts`` deliveries an entry moves to the dead letters.

Batches (``subscribe_batch``): a worker takes every partition waiting for one (up to ``max_batch``
entries in all, a fair share each) and hands the handler runs of their head entries at once, so
several entries of one key may share a batch, in order. Each entry is then settled as if delivered
alone: acked, retried (its partition waits the retry delay), dead-lettered, or — ``Deferred`` —
put back in its place without counting an attempt. A batch handler running past the visibility
timeout is cancelled, which counts a failed attempt for each of its entries.

One process owns an inbox: two processes must not share a database with the in-process bus (use
the Redis bus to scale out). A crash while a handler runs is not counted as an attempt (that would
cost a write per delivery).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import sqlite3
import time
import zlib
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from beacon.bus.base import BatchHandler, Bus, DeadLetter, Deferred, Delivery, Handler, Outcome, Subscription
from beacon.storage import db
from beacon.storage.models import BusGroup, BusInboxEntry, DeadLetterRecord
from beacon.storage.types import utcnow

log = logging.getLogger(__name__)

_inbox = BusInboxEntry.__table__
_groups = BusGroup.__table__
_dead = DeadLetterRecord.__table__

# Entries a worker takes from one partition before letting other partitions have a turn.
BURST = 64


class BusUnavailable(RuntimeError):
    """The inbox could not be written: the entry was not accepted."""


class _Entry:
    __slots__ = ("row_id", "id", "topic", "payload", "ordering_key", "attempts", "partition")

    def __init__(self, row_id: int, entry_id: str, topic: str, payload: bytes, ordering_key: str, attempts: int,
                 partition: int) -> None:
        self.row_id = row_id
        self.id = entry_id
        self.topic = topic
        self.payload = payload
        self.ordering_key = ordering_key
        self.attempts = attempts
        self.partition = partition


class _Group:
    """One consumer group of one topic: its partitions and which of them wait for a worker."""

    __slots__ = ("topic", "name", "partitions", "busy", "in_ready", "ready", "waiters", "pending")

    def __init__(self, topic: str, name: str, partitions: int) -> None:
        self.topic = topic
        self.name = name
        self.partitions: list[deque[_Entry]] = [deque() for _ in range(partitions)]
        self.busy = [False] * partitions
        self.in_ready = [False] * partitions
        self.ready: deque[int] = deque()
        self.waiters: deque[asyncio.Future[None]] = deque()
        self.pending = 0

    def push(self, entry: _Entry) -> None:
        p = entry.partition
        self.partitions[p].append(entry)
        self.pending += 1
        if not self.busy[p] and not self.in_ready[p]:
            self.in_ready[p] = True
            self.ready.append(p)
            self.wake_one()

    def release(self, p: int) -> None:
        self.busy[p] = False
        if self.partitions[p] and not self.in_ready[p]:
            self.in_ready[p] = True
            self.ready.append(p)
            self.wake_one()

    def wake_one(self) -> None:
        waiters = self.waiters
        while waiters:
            fut = waiters.popleft()
            if not fut.done():
                fut.set_result(None)
                return


@dataclass
class _Batch:
    """Writes waiting for the next group commit."""

    # (id, entry_id, topic, group_name, ordering_key, payload) per row; see _INSERT.
    inserts: list[tuple[int, str, str, str, str, bytes]] = field(default_factory=list)
    entries: list[tuple[_Group, _Entry]] = field(default_factory=list)
    deletes: list[int] = field(default_factory=list)
    attempts: list[tuple[int, int]] = field(default_factory=list)  # (attempts, id)
    dead: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)
    waiters: list[asyncio.Future[None]] = field(default_factory=list)

    def has_writes(self) -> bool:
        return bool(self.inserts or self.deletes or self.attempts or self.dead or self.groups)


class _Worker:
    """One task serving a group's partitions; ``since`` is when its current handler call began."""

    __slots__ = ("sub", "task", "since", "timed_out")

    def __init__(self, sub: "_InProcessSubscription") -> None:
        self.sub = sub
        self.since: float | None = None
        self.timed_out = False
        self.task: asyncio.Task[None] | None = None


class _InProcessSubscription(Subscription):
    def __init__(self, bus: "InProcessBus", group: _Group, handler: Handler | None, consumer: str, concurrency: int,
                 batch_handler: BatchHandler | None = None, max_batch: int = 1) -> None:
        self.bus = bus
        self.group = group
        self.handler = handler
        self.batch_handler = batch_handler
        self.max_batch = max_batch
        self.consumer = consumer
        self.stopping = False
        self.idle: set[asyncio.Future[None]] = set()
        self.workers = [_Worker(self) for _ in range(concurrency)]
        work = bus._work if batch_handler is None else bus._work_batches
        for i, worker in enumerate(self.workers):
            worker.task = asyncio.create_task(work(worker), name=f"bus-{group.topic}-{group.name}-{consumer}-{i}")
        self.tasks = [w.task for w in self.workers if w.task is not None]
        self.watchdog = asyncio.create_task(self._watch(), name=f"bus-watchdog-{group.topic}-{group.name}")

    async def _watch(self) -> None:
        # One timer per subscription instead of asyncio.timeout() per call: a third of the cost
        # of a delivery at 50k/s went to arming and disarming per-call timers.
        limit = self.bus.visibility_timeout_s
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(max(limit / 4, 0.01))
            now = loop.time()
            for worker in self.workers:
                if worker.since is not None and not worker.timed_out and now - worker.since >= limit:
                    worker.timed_out = True
                    assert worker.task is not None
                    worker.task.cancel()

    async def stop(self) -> None:
        if self.stopping:
            return
        self.stopping = True
        for fut in list(self.idle):
            if not fut.done():
                fut.set_result(None)
        # The entry in hand finishes; one stuck past the visibility timeout is cancelled (it stays pending).
        _, stuck = await asyncio.wait(self.tasks, timeout=self.bus.visibility_timeout_s)
        for task in stuck:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        self.watchdog.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.watchdog
        self.bus._subscriptions.discard(self)


class InProcessBus(Bus):
    """The embedded bus (see the module docstring for guarantees and limits)."""

    def __init__(
        self,
        *,
        database_url: str | None = None,
        schema: str | None = None,
        partitions: int = 8,
        max_attempts: int = 5,
        visibility_timeout_s: float = 30.0,
        retry_delay_s: float = 0.5,
    ) -> None:
        if partitions < 1 or max_attempts < 1 or visibility_timeout_s <= 0 or retry_delay_s < 0:
            raise ValueError("partitions and max_attempts must be >= 1, visibility_timeout_s > 0, retry_delay_s >= 0")
        self.database_url = database_url
        self.schema = schema
        self.partitions = partitions
        self.max_attempts = max_attempts
        self.visibility_timeout_s = visibility_timeout_s
        self.retry_delay_s = retry_delay_s
        self._topics: dict[str, dict[str, _Group]] = {}
        self._subscriptions: set[_InProcessSubscription] = set()
        self._engine: AsyncEngine | None = None
        self._sqlite: _SqliteWriter | None = None
        self._batch = _Batch()
        self._dirty = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None
        self._row_ids = itertools.count(1)
        self._entry_seq = itertools.count(1)
        self._boot = f"{int(time.time() * 1000):x}"
        self._volatile_dead: list[DeadLetter] = []
        self._started = False
        self._closed = False

    @classmethod
    def from_url(cls, url: str, **options: Any) -> "InProcessBus":
        if url.rstrip("/") != "memory:":
            raise ValueError(f"the in-process bus takes the URL memory://, not {url!r}")
        known = {"database_url", "schema", "partitions", "max_attempts", "visibility_timeout_s", "retry_delay_s"}
        unknown = set(options) - known
        if unknown:
            raise TypeError(f"unknown in-process bus option(s): {', '.join(sorted(unknown))}")
        return cls(**options)

    @property
    def durable(self) -> bool:
        return self.database_url is not None

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        if self._started:
            return
        if self._closed:
            raise RuntimeError("a closed bus cannot be started again; open a new one")
        self._started = True
        if self.database_url is None:
            return
        await db.ensure_schema(self.database_url, schema=self.schema)
        self._engine = db.make_engine(self.database_url, schema=self.schema)
        if db.is_sqlite(self.database_url):
            path = db.async_url(self.database_url)[0].database
            if path in (None, "", ":memory:"):
                raise ValueError("an in-memory SQLite database cannot keep the bus inbox across a crash: "
                                 "give a file (sqlite:///beacon.db) or no database_url for the non-durable bus")
            self._sqlite = _SqliteWriter(path)
            await self._sqlite.open()
        await self._load()
        self._writer = asyncio.create_task(self._write_loop(), name="bus-inbox-writer")

    async def _load(self) -> None:
        """Groups and un-acked entries of the previous run, back in memory and due for delivery."""
        assert self._engine is not None
        async with self._engine.connect() as conn:
            for topic, name in (await conn.execute(select(_groups.c.topic, _groups.c.group_name))).all():
                self._group(topic, name)
            top = await conn.scalar(select(func.max(_inbox.c.id)))
            self._row_ids = itertools.count((top or 0) + 1)
            rows = await conn.execute(
                select(_inbox.c.id, _inbox.c.entry_id, _inbox.c.topic, _inbox.c.group_name, _inbox.c.ordering_key,
                       _inbox.c.payload, _inbox.c.attempts).order_by(_inbox.c.id)
            )
            loaded = 0
            for row_id, entry_id, topic, name, key, payload, attempts in rows.all():
                group = self._group(topic, name)
                group.push(_Entry(row_id, entry_id, topic, bytes(payload), key, attempts, self._partition(key)))
                loaded += 1
        if loaded:
            log.info("bus: %d un-acked entr%s from the previous run queued for redelivery",
                     loaded, "y" if loaded == 1 else "ies")

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for sub in list(self._subscriptions):
            await sub.stop()
        if self._writer is not None:
            with contextlib.suppress(BusUnavailable):
                await self._sync()
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer
            self._writer = None
        if self._sqlite is not None:
            await self._sqlite.close()
            self._sqlite = None
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = None

    # -- interface ---------------------------------------------------------------------------

    def _partition(self, ordering_key: str) -> int:
        # A stable hash (not hash(), which is salted per process) so a restart keeps partitions.
        return zlib.crc32(ordering_key.encode()) % self.partitions

    def _group(self, topic: str, name: str) -> _Group:
        groups = self._topics.setdefault(topic, {})
        group = groups.get(name)
        if group is None:
            group = groups[name] = _Group(topic, name, self.partitions)
        return group

    def _require_open(self) -> None:
        if not self._started or self._closed:
            raise RuntimeError("the bus is not running (call start() first; a closed bus stays closed)")
        if self._writer is not None and self._writer.done():
            raise BusUnavailable("the bus inbox writer stopped; see the error logged before this one")

    async def ensure_group(self, topic: str, group: str) -> None:
        self._require_open()
        if group in self._topics.get(topic, {}):
            return
        self._group(topic, group)
        if self.durable:
            self._batch.groups.append({"topic": topic, "group_name": group, "created_at": utcnow()})
            await self._sync()

    async def publish(self, topic: str, payload: bytes, *, ordering_key: str = "") -> str:
        self._require_open()
        if not isinstance(payload, (bytes, bytearray, memoryview)):
            raise TypeError(f"payload must be bytes, not {type(payload).__name__}")
        payload = bytes(payload)
        entry_id = f"{self._boot}-{next(self._entry_seq)}"
        groups = self._topics.get(topic)
        if not groups:
            return entry_id  # no group yet: like a stream nobody reads, nothing is owed to anyone
        partition = self._partition(ordering_key)
        if not self.durable:
            for group in groups.values():
                group.push(_Entry(0, entry_id, topic, payload, ordering_key, 0, partition))
            return entry_id
        batch = self._batch
        for group in groups.values():
            row_id = next(self._row_ids)
            batch.inserts.append((row_id, entry_id, topic, group.name, ordering_key, payload))
            batch.entries.append((group, _Entry(row_id, entry_id, topic, payload, ordering_key, 0, partition)))
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        batch.waiters.append(fut)
        self._dirty.set()
        await fut
        return entry_id

    async def subscribe(
        self,
        topic: str,
        group: str,
        handler: Handler,
        *,
        consumer: str | None = None,
        concurrency: int = 1,
    ) -> Subscription:
        self._require_open()
        await self.ensure_group(topic, group)
        state = self._topics[topic][group]
        workers = max(1, min(concurrency, self.partitions))
        sub = _InProcessSubscription(self, state, handler, consumer or "local", workers)
        self._subscriptions.add(sub)
        return sub

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
        """Batches of runs of entries: from every partition waiting for a worker, up to its fair share
        of ``max_batch`` head entries (several entries of one key, in order). See ``Bus.subscribe_batch``."""
        if max_batch < 1:
            raise ValueError("max_batch must be >= 1")
        self._require_open()
        await self.ensure_group(topic, group)
        state = self._topics[topic][group]
        workers = max(1, min(concurrency, self.partitions))
        sub = _InProcessSubscription(self, state, None, consumer or "local", workers, batch_handler=handler,
                                     max_batch=max_batch)
        self._subscriptions.add(sub)
        return sub

    async def dead_letters(self, topic: str | None = None) -> list[DeadLetter]:
        if self._engine is None:
            return [d for d in self._volatile_dead if topic is None or d.topic == topic]
        await self._sync()
        stmt = select(_dead).order_by(_dead.c.id)
        if topic is not None:
            stmt = stmt.where(_dead.c.topic == topic)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(stmt)).mappings().all()
        return [
            DeadLetter(id=row["entry_id"] or f"dl-{row['id']}", topic=row["topic"], group=row["group_name"],
                       payload=bytes(row["payload"]), error=row["error"], attempts=row["attempts"], at=row["at"])
            for row in rows
        ]

    async def pending_count(self, topic: str, group: str) -> int:
        state = self._topics.get(topic, {}).get(group)
        return state.pending if state is not None else 0

    # -- delivery ----------------------------------------------------------------------------

    @staticmethod
    async def _until_ready(sub: _InProcessSubscription, group: _Group,
                           loop: asyncio.AbstractEventLoop) -> None:
        """Park this worker until a partition is ready (or the subscription stops)."""
        fut: asyncio.Future[None] = loop.create_future()
        group.waiters.append(fut)
        sub.idle.add(fut)
        try:
            await fut
        finally:
            sub.idle.discard(fut)

    async def _work(self, worker: _Worker) -> None:
        sub = worker.sub
        group = sub.group
        loop = asyncio.get_running_loop()
        while not sub.stopping:
            if not group.ready:
                await self._until_ready(sub, group, loop)
                continue
            p = group.ready.popleft()
            group.in_ready[p] = False
            group.busy[p] = True
            cooling = 0.0
            try:
                queue = group.partitions[p]
                for _ in range(BURST):
                    if not queue or sub.stopping:
                        break
                    cooling = await self._deliver(worker, queue[0])
                    if cooling:
                        break
                    queue.popleft()
            finally:
                if cooling:
                    loop.call_later(cooling, group.release, p)
                else:
                    group.release(p)

    async def _work_batches(self, worker: _Worker) -> None:
        sub = worker.sub
        group = sub.group
        loop = asyncio.get_running_loop()
        while not sub.stopping:
            if not group.ready:
                await self._until_ready(sub, group, loop)
                continue
            # Every partition waiting now gets a fair share of the batch, each a run from its head.
            share = max(1, -(-sub.max_batch // len(group.ready)))
            taken: list[tuple[int, list[_Entry]]] = []
            room = sub.max_batch
            while group.ready and room > 0:
                p = group.ready.popleft()
                group.in_ready[p] = False
                group.busy[p] = True
                run = list(itertools.islice(group.partitions[p], min(share, room)))
                taken.append((p, run))
                room -= len(run)
            cooling: dict[int, float] = {}
            try:
                cooling = await self._deliver_batch(worker, taken)
            finally:
                for p, _ in taken:
                    delay = cooling.get(p, 0.0)
                    if delay:
                        loop.call_later(delay, group.release, p)
                    else:
                        group.release(p)

    async def _deliver_batch(self, worker: _Worker, taken: list[tuple[int, list[_Entry]]]) -> dict[int, float]:
        """Run the batch handler once; settle each entry; returns the retry delay of partitions that failed."""
        sub = worker.sub
        assert sub.batch_handler is not None
        entries = [entry for _, run in taken for entry in run]
        if not entries:
            return {}
        for entry in entries:
            entry.attempts += 1
        deliveries = [Delivery(e.id, e.topic, e.payload, e.ordering_key, e.attempts) for e in entries]
        worker.since = asyncio.get_running_loop().time()
        outcomes: list[Outcome]
        try:
            outcomes = list(await sub.batch_handler(deliveries))
            if len(outcomes) != len(entries):
                raise RuntimeError(f"batch handler returned {len(outcomes)} outcomes for {len(entries)} entries")
        except asyncio.CancelledError:
            if not worker.timed_out:
                for entry in entries:
                    entry.attempts -= 1  # stopped from outside (shutdown): not the entries' fault
                raise
            outcomes = [TimeoutError(f"handler timed out after {self.visibility_timeout_s:g}s")] * len(entries)
        except Exception as exc:  # noqa: BLE001 - a raising batch handler fails every entry
            outcomes = [exc] * len(entries)
        finally:
            worker.since = None
            if worker.timed_out:
                worker.timed_out = False
                current = asyncio.current_task()
                if current is not None:
                    current.uncancel()
        cooling: dict[int, float] = {}
        results = iter(outcomes)
        for p, run in taken:
            keep: list[_Entry] = []
            for entry in run:
                outcome = next(results)
                if outcome is None:
                    self._ack(sub.group, entry)
                elif isinstance(outcome, Deferred):
                    entry.attempts -= 1
                    keep.append(entry)
                else:
                    delay = self._failed_attempt(sub.group, entry, _describe(outcome))
                    if delay:
                        keep.append(entry)
                        cooling[p] = max(cooling.get(p, 0.0), delay)
            # The run is still the head of its partition (a busy partition only grows at the tail).
            queue = sub.group.partitions[p]
            for _ in run:
                queue.popleft()
            queue.extendleft(reversed(keep))
        return cooling

    async def _deliver(self, worker: _Worker, entry: _Entry) -> float:
        """Run the handler once; 0.0 when the entry is done (acked or dead), else the retry delay."""
        sub = worker.sub
        entry.attempts += 1
        delivery = Delivery(entry.id, entry.topic, entry.payload, entry.ordering_key, entry.attempts)
        worker.since = asyncio.get_running_loop().time()
        assert sub.handler is not None
        try:
            await sub.handler(delivery)
        except asyncio.CancelledError:
            if not worker.timed_out:
                entry.attempts -= 1  # stopped from outside (shutdown): not the entry's fault
                raise
            error = f"handler timed out after {self.visibility_timeout_s:g}s"
        except Exception as exc:  # noqa: BLE001 - any handler failure means "not acked"
            error = _describe(exc)
        else:
            error = ""
        finally:
            worker.since = None
            if worker.timed_out:
                # Our watchdog's cancel, consumed here (or swallowed by the handler): not a shutdown.
                worker.timed_out = False
                current = asyncio.current_task()
                if current is not None:
                    current.uncancel()
        if not error:
            self._ack(sub.group, entry)
            return 0.0
        return self._failed_attempt(sub.group, entry, error)

    def _failed_attempt(self, group: _Group, entry: _Entry, error: str) -> float:
        """Dead-letter the entry (0.0) or record the attempt and return the delay before its retry."""
        if entry.attempts >= self.max_attempts:
            log.warning("bus: entry %s on %s/%s dead after %d attempts: %s", entry.id, entry.topic, group.name,
                        entry.attempts, error)
            self._bury(group, entry, error)
            return 0.0
        log.info("bus: entry %s on %s/%s failed (attempt %d of %d), will retry: %s", entry.id, entry.topic,
                 group.name, entry.attempts, self.max_attempts, error)
        if self.durable:
            self._batch.attempts.append((entry.attempts, entry.row_id))
            self._dirty.set()
        return min(self.retry_delay_s * 2 ** (entry.attempts - 1), self.visibility_timeout_s) or 1e-9

    def _ack(self, group: _Group, entry: _Entry) -> None:
        group.pending -= 1
        if self.durable:
            self._batch.deletes.append(entry.row_id)
            self._dirty.set()

    def _bury(self, group: _Group, entry: _Entry, error: str) -> None:
        group.pending -= 1
        if not self.durable:
            self._volatile_dead.append(DeadLetter(entry.id, entry.topic, group.name, entry.payload, error,
                                                  entry.attempts, utcnow()))
            return
        # Delete from the inbox and insert the dead letter in the same commit: moved, never lost or doubled.
        self._batch.deletes.append(entry.row_id)
        self._batch.dead.append({"entry_id": entry.id, "topic": entry.topic, "group_name": group.name,
                                 "payload": entry.payload, "error": error, "attempts": entry.attempts,
                                 "at": utcnow()})
        self._dirty.set()

    # -- group commit ------------------------------------------------------------------------

    async def _sync(self) -> None:
        """Wait until everything queued so far is committed."""
        if self._writer is None or self._writer.done():
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._batch.waiters.append(fut)
        self._dirty.set()
        await fut

    async def _write_loop(self) -> None:
        while True:
            await self._dirty.wait()
            self._dirty.clear()
            batch, self._batch = self._batch, _Batch()
            if batch.has_writes():
                try:
                    await self._commit(batch)
                except Exception as exc:  # noqa: BLE001 - report to the publishers, keep the rest for a retry
                    self._failed(batch, exc)
                    await asyncio.sleep(0.5)
                    continue
            for group, entry in batch.entries:
                group.push(entry)
            for fut in batch.waiters:
                if not fut.done():
                    fut.set_result(None)

    async def _commit(self, batch: _Batch) -> None:
        """One transaction for the whole batch.

        The hot statements (entries in, acks out, retry counts) go straight to the driver's
        ``executemany``: SQLAlchemy's per-row parameter processing doubled the cost of a durable
        publish (measured: 500 rows, 8 ms vs 4 ms on SQLite). SQLite batches run on a dedicated
        thread and connection (``_SqliteWriter``); PostgreSQL's inside an SQLAlchemy transaction.
        """
        if self._sqlite is not None:
            await self._sqlite.commit(batch)
            return
        assert self._engine is not None
        async with self._engine.begin() as conn:
            postgres = conn.dialect.name == "postgresql"
            if batch.groups:
                if postgres:
                    from sqlalchemy.dialects.postgresql import insert as dialect_insert
                else:
                    from sqlalchemy.dialects.sqlite import insert as dialect_insert
                await conn.execute(dialect_insert(_groups).on_conflict_do_nothing(), batch.groups)
            if batch.dead:
                await conn.execute(insert(_dead), batch.dead)
            if not (batch.inserts or batch.attempts or batch.deletes):
                return
            driver = (await conn.get_raw_connection()).driver_connection
            if batch.inserts:
                await driver.executemany(_PG_SQL["insert"], batch.inserts)
            if batch.attempts:
                await driver.executemany(_PG_SQL["attempts"], batch.attempts)
            if batch.deletes:
                await driver.execute(_PG_SQL["delete"], batch.deletes)

    def _failed(self, batch: _Batch, exc: Exception) -> None:
        reason = f"bus inbox unavailable ({db.safe_url(self.database_url or '')}): {_describe(exc)}"
        log.error("%s", reason)
        error = BusUnavailable(reason)
        for fut in batch.waiters:
            if not fut.done():
                fut.set_exception(error)
        # Publishes were refused (their callers saw the error); acks, retries and moves are retried.
        keep = self._batch
        keep.deletes[:0] = batch.deletes
        keep.attempts[:0] = batch.attempts
        keep.dead[:0] = batch.dead
        keep.groups[:0] = batch.groups
        self._dirty.set()


class _SqliteWriter:
    """The inbox's SQLite writes on one dedicated thread and connection, one thread hop per batch.

    Why not aiosqlite: it hops to its thread for every statement (BEGIN, each executemany, COMMIT,
    cursor creation…); a hop cost about 0.2 ms on the 2-core test machine, most of a small batch's
    commit. Here the whole transaction is one call, and sqlite3 releases the GIL while SQLite works,
    so the commit overlaps with the event loop.
    """

    # The database's clock stamps created_at: binding a datetime per row cost more than the row.
    INSERT = ("INSERT INTO bus_inbox (id, entry_id, topic, group_name, ordering_key, payload, attempts, created_at)"
              " VALUES (?, ?, ?, ?, ?, ?, 0, CURRENT_TIMESTAMP)")
    ATTEMPTS = "UPDATE bus_inbox SET attempts = ? WHERE id = ?"
    DELETE = "DELETE FROM bus_inbox WHERE id = ?"
    DEAD = ("INSERT INTO dead_letters (entry_id, topic, group_name, payload, error, attempts, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)")
    GROUP = "INSERT OR IGNORE INTO bus_groups (topic, group_name, created_at) VALUES (?, ?, ?)"

    def __init__(self, path: str) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bus-inbox")
        self._conn: sqlite3.Connection | None = None

    async def _run(self, fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    async def open(self) -> None:
        await self._run(self._open)

    def _open(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        # The same settings as the SQLAlchemy engines (beacon.storage.db): WAL, NORMAL, busy timeout.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA busy_timeout={db.SQLITE_BUSY_TIMEOUT_MS}")
        self._conn = conn

    async def commit(self, batch: _Batch) -> None:
        # In turn with the process's other SQLite writers (sessions), rather than polling for the lock.
        async with db.sqlite_writer(self.path):
            await self._run(self._commit, batch.inserts, batch.attempts, batch.deletes, batch.dead, batch.groups)

    def _commit(self, inserts: list, attempts: list, deletes: list, dead: list, groups: list) -> None:
        conn = self._conn
        assert conn is not None
        conn.execute("BEGIN IMMEDIATE")
        try:
            if groups:
                conn.executemany(self.GROUP, [(g["topic"], g["group_name"], _sqlite_time(g["created_at"]))
                                              for g in groups])
            if inserts:
                conn.executemany(self.INSERT, inserts)
            if attempts:
                conn.executemany(self.ATTEMPTS, attempts)
            if dead:
                conn.executemany(self.DEAD, [(d["entry_id"], d["topic"], d["group_name"], d["payload"], d["error"],
                                              d["attempts"], _sqlite_time(d["at"])) for d in dead])
            if deletes:
                conn.executemany(self.DELETE, [(row_id,) for row_id in deletes])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    async def close(self) -> None:
        if self._conn is not None:
            await self._run(self._conn.close)
            self._conn = None
        self._executor.shutdown(wait=True)


def _sqlite_time(value: datetime) -> str:
    """How SQLAlchemy stores a UTCDateTime on SQLite (naive UTC text), so models read it back."""
    return value.astimezone(timezone.utc).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


_PG_SQL = {
    "insert": "INSERT INTO bus_inbox (id, entry_id, topic, group_name, ordering_key, payload, attempts, created_at)"
              " VALUES ($1, $2, $3, $4, $5, $6, 0, now())",
    "attempts": "UPDATE bus_inbox SET attempts = $1 WHERE id = $2",
    "delete": "DELETE FROM bus_inbox WHERE id = ANY($1::bigint[])",
}


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


__all__ = ["InProcessBus", "BusUnavailable"]
