"""Redis Streams bus: partitioned streams, consumer groups, partition leases, reclaim, dead letters.

Layout (``P`` = ``partitions``; every key starts with the bus prefix):

* ``{prefix}:{topic}:{p}`` — partition stream ``p`` of a topic. An entry goes to partition
  ``crc32(ordering_key) % P``, so all entries of one chat sit in one stream, in publish order.
  Entries without an ordering key are spread over the partitions and handled independently.
* one consumer group per subscriber group on every partition stream (``XGROUP CREATE … MKSTREAM``);
* ``{prefix}:lease:{topic}:{group}:{p}`` — which consumer of the group reads partition ``p``.
  A consumer group by itself hands consecutive entries of one stream to *different* consumers,
  which would break per-chat order; so each partition is read by one consumer at a time, holding a
  lease (``SET NX PX``) it renews every ``visibility_timeout_s / 3``. Live consumers are a sorted
  set of heartbeats (``{prefix}:members:{topic}:{group}``); each takes at most
  ``ceil(P / live consumers)`` partitions, releasing extras once their in-hand entries are done,
  so work spreads evenly and a new consumer gets its share within a few heartbeats.
* ``{prefix}:dead`` — the dead-letter stream (topic, group, id, payload, error, attempts, time).

Delivery, at least once:

* ``publish`` returns after ``XADD`` succeeded; how durable that is on the server is the
  operator's AOF setting (``appendfsync always`` loses nothing acknowledged; ``everysec`` can lose
  about a second of publishes if the Redis host crashes). Publishes made while another is in
  flight are sent together, as one script of ``XADD``s (one round trip, appended atomically).
* a handler that returns is acked (``XACK``, batched); one that raises is delivered again by the
  same consumer after a backoff (``XCLAIM`` to itself, which counts the delivery in Redis); after
  ``max_attempts`` deliveries the entry is added to the dead-letter stream and acked, atomically
  (``MULTI``).
* entries a consumer holds (queued or in hand) have their idle time refreshed while it lives
  (``XCLAIM … JUSTID``, like SQS's visibility extension); entries of a consumer that died stop
  being refreshed and are taken with ``XAUTOCLAIM`` once idle for ``visibility_timeout_s`` by the
  partition's next lease holder. An entry whose delivery count (``XPENDING`` times_delivered)
  already exceeds ``max_attempts`` — it killed its consumers — is dead-lettered without running.
* a graceful ``stop`` finishes the entry in hand, leaves the rest pending with their idle time set
  to the visibility timeout and their delivery count restored (they were not handled), and
  releases its leases, so another consumer takes them over at once.

Ordering: entries sharing an ordering key reach the group's handler one at a time, in publish
order, while one consumer holds their partition. Across a failover it is best effort: a consumer
that stalls (event loop blocked, network cut) for longer than the visibility timeout loses its
lease, and the new holder may handle a later entry of a chat while the stalled one still finishes
an earlier one; a taken-over partition is read only after the previous holder's pending entries
were reclaimed (or ``2 × visibility_timeout_s`` passed), which keeps order in the common
crash case. Handlers are idempotent anyway (DESIGN.md), so a redelivery is harmless.

Trimming: by ``MINID`` (never ``MAXLEN``, which drops entries regardless of acks), per partition
stream, to the smallest of — over every group of the stream — its oldest pending entry and the
entry after its last-delivered id. Everything below was delivered to and acked by every group.
The figures only move forward (acks, reads; new groups start at ``$``), so reading them before
``XTRIM`` is safe without a script. Streams with no group are not trimmed.

Reconnection: the client retries commands on connection errors with jittered exponential
backoff (a Redis restart, ``LOADING`` while it replays its AOF); the consumer loops keep retrying
after that. Publishes retried after a lost reply may be appended twice (at least once).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import time
import uuid
import zlib
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import BusyLoadingError, ResponseError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from beacon.bus.base import Bus, DeadLetter, Delivery, Handler, Subscription

log = logging.getLogger(__name__)

# Errors after which the same command can simply be tried again once Redis is back.
TRANSIENT_ERRORS = (RedisConnectionError, RedisTimeoutError, BusyLoadingError, OSError)

# One script per heartbeat: register as live, drop the dead, renew own leases, take free ones up
# to the fair share. Atomic, and uses the server's clock so consumers' clocks may differ.
_HEARTBEAT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local me, ttl, offset, acquire = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZADD', KEYS[1], now + ttl, me)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('PEXPIRE', KEYS[1], ttl * 4)
local live = redis.call('ZCARD', KEYS[1])
local n = #KEYS - 1
local target = math.ceil(n / live)
local owned = {}
for i = 2, #KEYS do
  if redis.call('GET', KEYS[i]) == me then
    redis.call('PEXPIRE', KEYS[i], ttl)
    owned[#owned + 1] = i - 2
  end
end
if acquire == '1' then
  local have = #owned
  for j = 0, n - 1 do
    if have >= target then break end
    local p = (offset + j) % n
    if redis.call('SET', KEYS[p + 2], me, 'NX', 'PX', ttl) then
      owned[#owned + 1] = p
      have = have + 1
    end
  end
end
return {live, target, owned}
"""

# Many publishes in one command: the client's per-command cost (packing, parsing) dominates at
# high rates, and the batch is appended atomically. Keys may repeat (several entries, one stream).
_PUBLISH_BATCH = """
local ids = {}
for i = 1, #KEYS do
  ids[i] = redis.call('XADD', KEYS[i], '*', 'k', ARGV[2 * i - 1], 'p', ARGV[2 * i])
end
return ids
"""

# Forget consumers that hold nothing and have been quiet for long (crashed processes leave their
# names behind). Atomic, because XGROUP DELCONSUMER drops the pending entries of whom it deletes.
_FORGET_IDLE_CONSUMERS = """
local removed = 0
for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
  local info = {}
  for i = 1, #c, 2 do info[c[i]] = c[i + 1] end
  if info['name'] ~= ARGV[2] and tonumber(info['pending']) == 0 and tonumber(info['idle']) >= tonumber(ARGV[3]) then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
    removed = removed + 1
  end
end
return removed
"""

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def default_consumer_name() -> str:
    """``hostname-pid-random``: unique per subscription, readable in ``XINFO CONSUMERS``."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def _masked(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        user = parts.username or ""
        return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))
    return url


def _s(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _next_id(stream_id: str) -> str:
    ms, _, seq = stream_id.partition("-")
    return f"{ms}-{int(seq or 0) + 1}"


def _id_key(stream_id: str) -> tuple[int, int]:
    ms, _, seq = stream_id.partition("-")
    return int(ms), int(seq or 0)


class RedisStreamsBus(Bus):
    """The scale-out bus over Redis Streams; see the module docstring for the design."""

    # Concurrent publishes share pipelines: at most this many in flight, of at most this many XADDs.
    PUBLISH_PIPELINES = 2
    PUBLISH_BATCH = 500

    def __init__(
        self,
        client: aioredis.Redis,
        *,
        url: str = "redis://",
        prefix: str = "beacon",
        partitions: int = 8,
        visibility_timeout_s: float = 30.0,
        max_attempts: int = 5,
        block_ms: int = 1000,
        consumer: str | None = None,
        read_count: int = 128,
        retry_base_s: float | None = None,
        trim_interval_s: float = 10.0,
    ) -> None:
        if partitions < 1:
            raise ValueError("partitions must be >= 1")
        if visibility_timeout_s <= 0:
            raise ValueError("visibility_timeout_s must be > 0")
        if max_attempts < 1:
            raise ValueError("max_attempts must be >= 1")
        self.redis = client
        self.url = url
        self.prefix = prefix
        self.partitions = partitions
        self.visibility_timeout_s = visibility_timeout_s
        self.max_attempts = max_attempts
        self.block_ms = block_ms
        self.consumer = consumer
        self.read_count = read_count
        # Redelivery backoff scales with the visibility timeout: vt/20, doubling, capped at vt.
        self.retry_base_s = retry_base_s if retry_base_s is not None else visibility_timeout_s / 20
        self.trim_interval_s = trim_interval_s
        self._subscriptions: set[_RedisSubscription] = set()
        self._heartbeat = client.register_script(_HEARTBEAT)
        self._release = client.register_script(_RELEASE)
        self._forget_idle = client.register_script(_FORGET_IDLE_CONSUMERS)
        self._publish_batch = client.register_script(_PUBLISH_BATCH)
        self._round_robin = random.randrange(partitions)
        self._outgoing: list[tuple[str, dict[bytes, Any], asyncio.Future[str]]] = []
        self._flushers = 0
        self._flush_tasks: set[asyncio.Task[None]] = set()

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        prefix: str = "beacon",
        partitions: int = 8,
        visibility_timeout_s: float = 30.0,
        max_attempts: int = 5,
        block_ms: int = 1000,
        consumer: str | None = None,
        reconnect_attempts: int = 40,
        max_connections: int = 64,
        **options: Any,
    ) -> "RedisStreamsBus":
        """Build from ``redis://host:port/db``. Options meant for other buses (``database_url``) are ignored."""
        options.pop("database_url", None)
        retry = Retry(ExponentialWithJitterBackoff(cap=1.0, base=0.05), reconnect_attempts)
        # A bounded pool that waits for a free connection rather than failing: each subscription
        # keeps one busy with its blocking read; publishes and acks are pipelined over a few more.
        pool = aioredis.BlockingConnectionPool.from_url(
            url,
            max_connections=max_connections,
            timeout=None,
            retry=retry,
            retry_on_error=[RedisConnectionError, RedisTimeoutError, BusyLoadingError, OSError],
            socket_connect_timeout=2.0,
            # A blocking read waits block_ms on the server; the socket must wait longer than that.
            socket_timeout=block_ms / 1000 + 10.0,
            health_check_interval=30,
        )
        client = aioredis.Redis.from_pool(pool)  # the client owns the pool: aclose() closes it
        return cls(client, url=url, prefix=prefix, partitions=partitions, visibility_timeout_s=visibility_timeout_s,
                   max_attempts=max_attempts, block_ms=block_ms, consumer=consumer, **options)

    # -- keys --------------------------------------------------------------------------------
    def stream_key(self, topic: str, partition: int) -> str:
        return f"{self.prefix}:{topic}:{partition}"

    def lease_key(self, topic: str, group: str, partition: int) -> str:
        return f"{self.prefix}:lease:{topic}:{group}:{partition}"

    def members_key(self, topic: str, group: str) -> str:
        return f"{self.prefix}:members:{topic}:{group}"

    @property
    def dead_key(self) -> str:
        return f"{self.prefix}:dead"

    def partition_of(self, ordering_key: str) -> int:
        return zlib.crc32(ordering_key.encode()) % self.partitions

    # -- lifecycle ---------------------------------------------------------------------------
    async def start(self) -> None:
        try:
            # Fail fast at start (a wrong URL); later outages are waited out by the retries.
            await asyncio.wait_for(self.redis.ping(), timeout=5)
        except (asyncio.TimeoutError, *TRANSIENT_ERRORS) as exc:
            reason = str(exc) or "no answer within 5 s"
            raise ConnectionError(f"Redis unreachable at {_masked(self.url)}: {reason}") from None

    async def close(self) -> None:
        for sub in list(self._subscriptions):
            await sub.stop()
        await self.redis.aclose()

    # -- producing ---------------------------------------------------------------------------
    async def ensure_group(self, topic: str, group: str) -> None:
        await self._create_groups(topic, group, "$")

    async def _create_groups(self, topic: str, group: str, start_id: str) -> None:
        async with self.redis.pipeline(transaction=False) as pipe:
            for p in range(self.partitions):
                pipe.xgroup_create(self.stream_key(topic, p), group, start_id, mkstream=True)
            results = await pipe.execute(raise_on_error=False)
        for result in results:
            if isinstance(result, Exception) and "BUSYGROUP" not in str(result):
                raise result

    async def publish(self, topic: str, payload: bytes, *, ordering_key: str = "") -> str:
        if ordering_key:
            partition = self.partition_of(ordering_key)
        else:
            self._round_robin = (self._round_robin + 1) % self.partitions
            partition = self._round_robin
        done: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._outgoing.append((self.stream_key(topic, partition), {b"k": ordering_key, b"p": payload}, done))
        if self._flushers < self.PUBLISH_PIPELINES:
            self._flushers += 1
            task = asyncio.create_task(self._flush_publishes())
            self._flush_tasks.add(task)  # the loop keeps only weak references to tasks
            task.add_done_callback(self._flush_tasks.discard)
        stream_id = await done
        return f"{partition}/{stream_id}"

    async def _flush_publishes(self) -> None:
        """Send waiting publishes as one batch of ``XADD``s (one round trip for a whole burst)."""
        try:
            while self._outgoing:
                batch = self._outgoing[: self.PUBLISH_BATCH]
                del self._outgoing[: self.PUBLISH_BATCH]
                try:
                    args: list[Any] = []
                    for _, fields, _ in batch:
                        args += [fields[b"k"], fields[b"p"]]
                    ids = await self._publish_batch(keys=[key for key, _, _ in batch], args=args)
                except Exception as exc:  # noqa: BLE001 - every waiting publisher gets the error
                    for _, _, done in batch:
                        if not done.done():
                            done.set_exception(exc)
                    continue
                for (_, _, done), stream_id in zip(batch, ids):
                    if not done.done():
                        done.set_result(_s(stream_id))
        finally:
            self._flushers -= 1

    # -- consuming ---------------------------------------------------------------------------
    async def subscribe(
        self,
        topic: str,
        group: str,
        handler: Handler,
        *,
        consumer: str | None = None,
        concurrency: int = 1,
    ) -> Subscription:
        await self.ensure_group(topic, group)
        name = consumer or (f"{self.consumer}-{uuid.uuid4().hex[:8]}" if self.consumer else default_consumer_name())
        sub = _RedisSubscription(self, topic, group, handler, name, max(1, concurrency))
        self._subscriptions.add(sub)
        await sub.start()
        return sub

    # -- inspection --------------------------------------------------------------------------
    async def dead_letters(self, topic: str | None = None) -> list[DeadLetter]:
        letters = []
        for _, fields in await self.redis.xrange(self.dead_key):
            f = {_s(k): v for k, v in fields.items()}
            if topic is not None and _s(f["topic"]) != topic:
                continue
            letters.append(DeadLetter(
                id=_s(f["id"]), topic=_s(f["topic"]), group=_s(f["group"]), payload=bytes(f["payload"]),
                error=_s(f["error"]), attempts=int(f["attempts"]), at=datetime.fromisoformat(_s(f["at"])),
            ))
        return letters

    async def pending_count(self, topic: str, group: str) -> int:
        """Delivered-not-acked (``XPENDING``) plus not-yet-read (``XINFO GROUPS`` lag) over the partitions."""
        keys = [self.stream_key(topic, p) for p in range(self.partitions)]
        async with self.redis.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.xinfo_groups(key)
            results = await pipe.execute(raise_on_error=False)
        total = 0
        for key, groups in zip(keys, results):
            if isinstance(groups, Exception):  # no such stream: nothing published there yet
                continue
            for info in groups:
                if _s(info["name"]) != group:
                    continue
                total += int(info["pending"])
                lag = info.get("lag")
                if lag is None:  # Redis cannot tell after some deletions: count the unread ones
                    lag = len(await self.redis.xrange(key, "(" + _s(info["last-delivered-id"]), "+"))
                total += int(lag)
        return total

    async def trim(self, topic: str, *, exact: bool = False) -> int:
        """Trim every partition of ``topic`` below what all its groups have acked; returns entries removed.

        ``exact=False`` lets Redis drop whole internal nodes only (cheap; may keep a few more).
        """
        removed = 0
        for p in range(self.partitions):
            removed += await self._trim_stream(self.stream_key(topic, p), exact=exact)
        return removed

    async def _trim_stream(self, key: str, *, exact: bool = False) -> int:
        try:
            groups = await self.redis.xinfo_groups(key)
        except ResponseError:  # the stream does not exist
            return 0
        if not groups:
            return 0
        floor: tuple[int, int] | None = None
        floor_id = ""
        for info in groups:
            candidates = [_next_id(_s(info["last-delivered-id"]))]
            if int(info["pending"]) > 0:
                summary = await self.redis.xpending(key, _s(info["name"]))
                if summary.get("min") is not None:
                    candidates.append(_s(summary["min"]))
            for candidate in candidates:
                if floor is None or _id_key(candidate) < floor:
                    floor, floor_id = _id_key(candidate), candidate
        return int(await self.redis.xtrim(key, minid=floor_id, approximate=not exact))


@dataclass(slots=True, eq=False)
class _Entry:
    partition: int
    stream_id: str
    ordering_key: str
    payload: bytes
    attempts: int
    started: bool = False  # this delivery was handed to the handler (its count is then earned)


@dataclass(slots=True, eq=False)
class _Partition:
    state: str  # "recovering" (reclaiming the previous holder's entries) | "reading" | "draining"
    since: float
    tracked: dict[str, _Entry] = field(default_factory=dict)
    history_read: bool = False


async def _cancel(task: asyncio.Task[None] | None, *, grace_s: float, cancel: bool = True) -> None:
    """Cancel (or just await) ``task``; cancel it for good if it is not done within ``grace_s``.

    Loops check their stop flag too: a CancelledError swallowed inside a redis-py command (seen
    with 8.x) must not keep a loop running.
    """
    if task is None:
        return
    if cancel:
        task.cancel()
    done, _ = await asyncio.wait([task], timeout=grace_s)
    if not done:
        task.cancel()
        await asyncio.wait([task], timeout=grace_s)
    if task.done() and not task.cancelled():
        task.exception()  # retrieved: a loop that failed was already logged


class _Backoff:
    """Jittered exponential sleeps for the consumer loops while Redis is away."""

    def __init__(self, base: float = 0.05, cap: float = 2.0) -> None:
        self.base, self.cap, self.failures = base, cap, 0

    async def sleep(self) -> None:
        self.failures += 1
        await asyncio.sleep(random.uniform(0, min(self.cap, self.base * 2 ** self.failures)))

    def reset(self) -> None:
        self.failures = 0


class _RedisSubscription(Subscription):
    """One consumer of a group: heartbeat/lease loop, reader, per-ordering-key drainers, ack batcher."""

    def __init__(self, bus: RedisStreamsBus, topic: str, group: str, handler: Handler, consumer: str,
                 concurrency: int) -> None:
        self.bus = bus
        self.redis = bus.redis
        self.topic = topic
        self.group = group
        self.handler = handler
        self.consumer = consumer
        self.concurrency = concurrency
        self.vt_ms = max(1, int(bus.visibility_timeout_s * 1000))
        self.tick_s = min(max(bus.visibility_timeout_s / 3, 0.05), 1.0)
        self.buffer_limit = max(bus.read_count, concurrency * 4)
        self.parts: dict[int, _Partition] = {}
        self.queues: dict[str, deque[_Entry]] = {}
        self.drainers: dict[str, asyncio.Task[None]] = {}
        self.acks: dict[int, list[_Entry]] = {}
        self.slots = asyncio.Semaphore(concurrency)
        self.stopping = False
        self.stopped = asyncio.Event()
        self.stop_requested = asyncio.Event()
        self.heartbeat_stop = asyncio.Event()
        self.read_wake = asyncio.Event()
        self.ack_wake = asyncio.Event()
        self.tasks: list[asyncio.Task[None]] = []
        self.lease_keys = [bus.lease_key(topic, group, p) for p in range(bus.partitions)]
        self.offset = zlib.crc32(consumer.encode()) % bus.partitions
        self.last_trim = 0.0

    def stream(self, partition: int) -> str:
        return self.bus.stream_key(self.topic, partition)

    def partition_of_stream(self, key: bytes | str) -> int:
        return int(_s(key).rsplit(":", 1)[1])

    @property
    def tracked_count(self) -> int:
        return sum(len(part.tracked) for part in self.parts.values())

    # -- lifecycle ---------------------------------------------------------------------------
    async def start(self) -> None:
        with contextlib.suppress(*TRANSIENT_ERRORS):
            await self.tick()  # own partitions before returning, when Redis answers
        self.tasks = [
            asyncio.create_task(self.maintain_loop(), name=f"bus-maintain-{self.consumer}"),
            asyncio.create_task(self.read_loop(), name=f"bus-read-{self.consumer}"),
            asyncio.create_task(self.ack_loop(), name=f"bus-ack-{self.consumer}"),
        ]

    async def stop(self) -> None:
        if self.stopping:
            await self.stopped.wait()
            return
        self.stopping = True
        self.stop_requested.set()
        self.read_wake.set()
        maintain, reader, acker = self.tasks or (None, None, None)
        await _cancel(reader, grace_s=self.bus.block_ms / 1000 + 1)
        # The entry in hand finishes (its lease and idle time still kept fresh by the heartbeat);
        # queued ones stay pending: drainers check ``stopping``.
        if self.drainers:
            await asyncio.gather(*self.drainers.values(), return_exceptions=True)
        self.heartbeat_stop.set()
        await _cancel(maintain, grace_s=5.0, cancel=False)
        self.ack_wake.set()
        if acker is not None:
            try:
                await asyncio.wait_for(acker, timeout=max(self.bus.visibility_timeout_s, 5.0))
            except (asyncio.TimeoutError, Exception):
                acker.cancel()
        try:
            await asyncio.wait_for(self.hand_back(), timeout=max(self.bus.visibility_timeout_s, 5.0))
        except (asyncio.TimeoutError, ResponseError, *TRANSIENT_ERRORS) as exc:
            log.warning("bus consumer %s could not hand back its entries (%s); they return after the "
                        "visibility timeout", self.consumer, type(exc).__name__)
        self.bus._subscriptions.discard(self)
        self.stopped.set()

    async def hand_back(self) -> None:
        """Leave un-handled pending entries claimable at once, release leases, leave the group."""
        owned = list(self.parts)
        for p in owned:
            pending = await self.redis.xpending_range(self.stream(p), self.group, "-", "+", 10_000,
                                                      consumername=self.consumer)
            if pending:
                part = self.parts[p]
                async with self.redis.pipeline(transaction=False) as pipe:
                    for row in pending:
                        sid = _s(row["message_id"])
                        entry = part.tracked.get(sid)
                        count = int(row["times_delivered"])
                        # An entry never handed to the handler gets its delivery back.
                        retry = count if entry is not None and entry.started else max(0, count - 1)
                        pipe.xclaim(self.stream(p), self.group, self.consumer, 0, [sid], idle=self.vt_ms,
                                    retrycount=retry, justid=True)
                    await pipe.execute()
        for p in owned:
            await self.bus._release(keys=[self.lease_keys[p]], args=[self.consumer])
        await self.redis.zrem(self.bus.members_key(self.topic, self.group), self.consumer)
        with contextlib.suppress(ResponseError):
            for p in owned:
                leftover = await self.redis.xpending_range(self.stream(p), self.group, "-", "+", 1,
                                                           consumername=self.consumer)
                if not leftover:
                    await self.redis.xgroup_delconsumer(self.stream(p), self.group, self.consumer)
        self.parts.clear()

    # -- heartbeat, leases, reclaim, trimming ---------------------------------------------------
    async def maintain_loop(self) -> None:
        backoff = _Backoff()
        # Runs until ``stop`` says so, after the entries in hand are done. Not stopped by
        # cancellation: redis-py may swallow a CancelledError that lands inside a command.
        while not self.heartbeat_stop.is_set():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.heartbeat_stop.wait(), timeout=self.tick_s)
            if self.heartbeat_stop.is_set():
                return
            try:
                await self.tick()
                backoff.reset()
            except TRANSIENT_ERRORS as exc:
                log.warning("bus consumer %s: Redis unavailable (%s); retrying", self.consumer, type(exc).__name__)
                await backoff.sleep()
            except ResponseError as exc:
                if "NOGROUP" in str(exc):  # Redis lost its data (no persistence): start the group again
                    with contextlib.suppress(Exception):  # else the next tick tries again
                        await self.bus._create_groups(self.topic, self.group, "0")
                else:
                    log.error("bus consumer %s: %s", self.consumer, exc)
                    await backoff.sleep()
            except Exception:  # noqa: BLE001 - heartbeats must go on, or the leases lapse
                log.exception("bus consumer %s: heartbeat failed", self.consumer)
                await backoff.sleep()

    async def tick(self) -> None:
        live, target, owned_list = await self.bus._heartbeat(
            keys=[self.bus.members_key(self.topic, self.group), *self.lease_keys],
            args=[self.consumer, self.vt_ms, self.offset, "0" if self.stopping else "1"],
        )
        owned = {int(p) for p in owned_list}
        if self.stopping:
            await self.refresh_held()  # only keep what is in hand alive until it finishes
            return
        now = time.monotonic()
        for p in list(self.parts):
            if p not in owned:  # lease lost (we stalled): the new holder reclaims what we held
                log.warning("bus consumer %s lost partition %d of %s/%s", self.consumer, p, self.topic, self.group)
                del self.parts[p]
        for p in owned:
            if p not in self.parts:
                self.parts[p] = _Partition(state="recovering", since=now)
        self.rebalance(int(target))
        await self.refresh_held()
        for p, part in list(self.parts.items()):
            if part.state == "draining" and not part.tracked:
                await self.bus._release(keys=[self.lease_keys[p]], args=[self.consumer])
                del self.parts[p]
        for p, part in list(self.parts.items()):
            if part.state == "draining":
                continue
            if not part.history_read:
                await self.read_own_history(p)
                part.history_read = True
            await self.reclaim(p)
            if part.state == "recovering" and (
                not await self.foreign_pending(p) or now - part.since > 2 * self.bus.visibility_timeout_s
            ):
                part.state = "reading"
                self.read_wake.set()
        if now - self.last_trim >= self.bus.trim_interval_s:
            self.last_trim = now
            for p in list(self.parts):
                await self.bus._trim_stream(self.stream(p))
                await self.bus._forget_idle(keys=[self.stream(p)],
                                            args=[self.group, self.consumer, 10 * self.vt_ms])

    def rebalance(self, target: int) -> None:
        active = [p for p, part in self.parts.items() if part.state != "draining"]
        excess = len(active) - target
        if excess > 0:
            # Give up the partitions with the least work in hand first.
            for p in sorted(active, key=lambda p: len(self.parts[p].tracked))[:excess]:
                self.parts[p].state = "draining"
        elif excess < 0:
            for p, part in self.parts.items():
                if part.state == "draining" and excess < 0:
                    part.state = "reading"
                    excess += 1
            self.read_wake.set()

    async def refresh_held(self) -> None:
        """Reset the idle time of every entry we hold, so nobody reclaims work that is alive."""
        held = {p: list(part.tracked) for p, part in self.parts.items() if part.tracked}
        if not held:
            return
        async with self.redis.pipeline(transaction=False) as pipe:
            for p, ids in held.items():
                pipe.xclaim(self.stream(p), self.group, self.consumer, 0, ids, justid=True)
            await pipe.execute()

    async def read_own_history(self, p: int) -> None:
        """Entries pending to this consumer name from an earlier run (stable names only)."""
        last = "0"
        while True:
            reply = await self.redis.xreadgroup(self.group, self.consumer, {self.stream(p): last}, count=100)
            entries = reply[0][1] if reply else []
            if not entries:
                return
            await self.accept_claimed(p, entries)
            last = _s(entries[-1][0])

    async def reclaim(self, p: int) -> None:
        """Take entries idle for the visibility timeout (their consumer died or stalled)."""
        cursor = "0-0"
        for _ in range(100):  # bounded per tick; the next tick continues
            cursor_b, entries, *_deleted = await self.redis.xautoclaim(
                self.stream(p), self.group, self.consumer, self.vt_ms, cursor, count=100
            )
            if entries:
                log.info("bus consumer %s reclaimed %d entr%s of %s/%s partition %d", self.consumer, len(entries),
                         "y" if len(entries) == 1 else "ies", self.topic, self.group, p)
                await self.accept_claimed(p, entries)
            cursor = _s(cursor_b)
            if cursor == "0-0":
                return

    async def foreign_pending(self, p: int) -> bool:
        summary = await self.redis.xpending(self.stream(p), self.group)
        return any(_s(c["name"]) != self.consumer and int(c["pending"]) > 0 for c in summary.get("consumers") or [])

    async def accept_claimed(self, p: int, entries: list[tuple[bytes, dict[bytes, bytes] | None]]) -> None:
        """Queue re-delivered entries with their delivery counts from ``XPENDING``."""
        ids = [_s(sid) for sid, _ in entries]
        rows = await self.redis.xpending_range(self.stream(p), self.group, ids[0], ids[-1], len(ids) + 100,
                                               consumername=self.consumer)
        counts = {_s(r["message_id"]): int(r["times_delivered"]) for r in rows}
        for sid, fields in entries:
            await self.accept(p, _s(sid), fields, counts.get(_s(sid), 1))

    # -- reading and dispatching --------------------------------------------------------------
    async def read_loop(self) -> None:
        backoff = _Backoff()
        while not self.stopping:
            streams = {self.stream(p): ">" for p, part in self.parts.items() if part.state == "reading"}
            room = self.buffer_limit - self.tracked_count
            if not streams or room <= 0:
                self.read_wake.clear()
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self.read_wake.wait(), timeout=self.tick_s)
                continue
            try:
                reply = await self.redis.xreadgroup(self.group, self.consumer, streams,
                                                    count=min(room, self.bus.read_count), block=self.bus.block_ms)
                backoff.reset()
            except TRANSIENT_ERRORS as exc:
                log.warning("bus consumer %s: read failed (%s); retrying", self.consumer, type(exc).__name__)
                await backoff.sleep()
                continue
            except ResponseError as exc:
                if "NOGROUP" in str(exc):
                    with contextlib.suppress(Exception):
                        await self.bus._create_groups(self.topic, self.group, "0")
                else:
                    log.error("bus consumer %s: read failed: %s", self.consumer, exc)
                    await backoff.sleep()
                continue
            try:
                for stream, entries in reply or []:
                    p = self.partition_of_stream(stream)
                    for sid, fields in entries:
                        await self.accept(p, _s(sid), fields, 1)
            except Exception:  # noqa: BLE001 - what was read stays pending and is reclaimed
                log.exception("bus consumer %s: could not queue entries", self.consumer)
                await backoff.sleep()

    async def accept(self, p: int, sid: str, fields: dict[bytes, bytes] | None, attempts: int) -> None:
        part = self.parts.get(p)
        if part is None or sid in part.tracked:
            return  # not ours any more (its pending entry is reclaimed by the holder) or already queued
        if fields is None:  # the entry was deleted from the stream; nothing to deliver
            await self.redis.xack(self.stream(p), self.group, sid)
            return
        entry = _Entry(p, sid, _s(fields.get(b"k", b"")), bytes(fields.get(b"p", b"")), attempts)
        part.tracked[sid] = entry
        if attempts > self.bus.max_attempts:
            # Delivered that often without an ack: it keeps killing its consumers. Park it.
            await self.dead_letter(entry, f"delivered {attempts - 1} times without an ack (consumer died)",
                                   attempts - 1)
            return
        queue_key = entry.ordering_key or f"\0{p}/{sid}"  # no ordering key: independent of the rest
        queue = self.queues.get(queue_key)
        if queue is None:
            queue = self.queues[queue_key] = deque()
        queue.append(entry)
        if queue_key not in self.drainers:
            self.drainers[queue_key] = asyncio.create_task(self.drain(queue_key))

    async def drain(self, queue_key: str) -> None:
        queue = self.queues[queue_key]
        try:
            while queue and not self.stopping:
                entry = queue[0]
                part = self.parts.get(entry.partition)
                if part is None or part.tracked.get(entry.stream_id) is not entry:
                    queue.popleft()  # dropped with a lost partition
                    continue
                async with self.slots:
                    if self.stopping:
                        break
                    await self.run(entry)
                queue.popleft()
        finally:
            del self.drainers[queue_key]
            if queue and not self.stopping:
                self.drainers[queue_key] = asyncio.create_task(self.drain(queue_key))
            elif not queue:
                del self.queues[queue_key]

    async def run(self, entry: _Entry) -> None:
        """Handle one entry until acked, dead-lettered, or left pending (stop, lost partition)."""
        while True:
            entry.started = True
            delivery = Delivery(id=f"{entry.partition}/{entry.stream_id}", topic=self.topic, payload=entry.payload,
                                ordering_key=entry.ordering_key, attempts=entry.attempts)
            try:
                await self.handler(delivery)
            except Exception as exc:  # noqa: BLE001 - any handler failure means "not handled"
                error = f"{type(exc).__name__}: {exc}"
                if entry.attempts >= self.bus.max_attempts:
                    log.error("bus %s/%s entry %s dead-lettered after %d attempts: %s", self.topic, self.group,
                              delivery.id, entry.attempts, type(exc).__name__)
                    await self.dead_letter(entry, error, entry.attempts)
                    return
                log.warning("bus %s/%s entry %s failed (attempt %d): %s", self.topic, self.group, delivery.id,
                            entry.attempts, type(exc).__name__)
                delay = min(self.bus.visibility_timeout_s, self.bus.retry_base_s * 2 ** (entry.attempts - 1))
                with contextlib.suppress(asyncio.TimeoutError):  # a stop cuts the wait short
                    await asyncio.wait_for(self.stop_requested.wait(), timeout=delay)
                if not await self.redeliver(entry):
                    return
                continue
            self.acks.setdefault(entry.partition, []).append(entry)
            self.ack_wake.set()
            return

    async def redeliver(self, entry: _Entry) -> bool:
        """Count another delivery in Redis (``XCLAIM`` to ourselves); False when it is no longer ours."""
        backoff = _Backoff()
        while not self.stopping:
            part = self.parts.get(entry.partition)
            if part is None or part.tracked.get(entry.stream_id) is not entry:
                return False
            try:
                claimed = await self.redis.xclaim(self.stream(entry.partition), self.group, self.consumer, 0,
                                                  [entry.stream_id])
            except TRANSIENT_ERRORS:
                await backoff.sleep()
                continue
            if not claimed:  # acked or deleted meanwhile
                part.tracked.pop(entry.stream_id, None)
                return False
            entry.attempts += 1
            return True
        return False

    async def dead_letter(self, entry: _Entry, error: str, attempts: int) -> None:
        fields = {
            "topic": self.topic, "group": self.group, "id": f"{entry.partition}/{entry.stream_id}",
            "ordering_key": entry.ordering_key, "payload": entry.payload, "error": error[:2000],
            "attempts": attempts, "at": datetime.now(timezone.utc).isoformat(),
        }
        backoff = _Backoff()
        while True:
            try:
                async with self.redis.pipeline(transaction=True) as pipe:
                    pipe.xadd(self.bus.dead_key, fields)
                    pipe.xack(self.stream(entry.partition), self.group, entry.stream_id)
                    await pipe.execute()
                break
            except TRANSIENT_ERRORS:
                if self.stopping:
                    return  # stays pending; the next holder dead-letters it by its delivery count
                await backoff.sleep()
        self.untrack(entry)

    async def ack_loop(self) -> None:
        """Acks in batches: one ``XACK`` per partition for everything finished since the last one."""
        backoff = _Backoff()
        while True:
            if not self.acks:
                if self.stopping:
                    return
                self.ack_wake.clear()
                await self.ack_wake.wait()
                continue
            batch, self.acks = self.acks, {}
            try:
                async with self.redis.pipeline(transaction=False) as pipe:
                    for p, entries in batch.items():
                        pipe.xack(self.stream(p), self.group, *[e.stream_id for e in entries])
                    await pipe.execute()
                backoff.reset()
            except TRANSIENT_ERRORS as exc:
                log.warning("bus consumer %s: ack failed (%s); retrying", self.consumer, type(exc).__name__)
                for p, entries in batch.items():
                    self.acks.setdefault(p, [])[:0] = entries
                await backoff.sleep()
                continue
            for entries in batch.values():
                for entry in entries:
                    self.untrack(entry)

    def untrack(self, entry: _Entry) -> None:
        part = self.parts.get(entry.partition)
        if part is not None and part.tracked.get(entry.stream_id) is entry:
            del part.tracked[entry.stream_id]
        self.read_wake.set()
