"""Bus benchmark: events/s and publish→handle latency, in-process (non-durable, SQLite inbox) and Redis.

    .venv/bin/python bench/bus.py [--quick] [--events N] [--rate R] [--redis URL] [--postgres URL]

Every scenario is measured twice:

* throughput: ``--events`` entries published by ``--publishers`` concurrent publishers (an adapter
  publishes a batch of updates at once), handled with ``--concurrency`` partitions at once; events/s
  is entries / (last handled − first published).
* latency: entries offered at ``--rate`` per second (at most half the measured throughput, so the
  figure is not just queueing) for ``--seconds``; each entry carries its publish time and the
  handler records now − then when it is done (publish call → handled, claim committed): p50, p99.

"+ claim" scenarios run the persisted idempotency check per event: one transaction per event that
claims the key in the store (the same SQLite file as the inbox when the bus is durable) and commits,
as the runner did before issue #7. "+ claim, batched" scenarios do it the way the runner does now:
``subscribe_batch`` hands over the ready entries and one transaction claims them all, a savepoint
per event (group commit). Ratios are against the non-durable in-process baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sqlite3
import struct
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from beacon.bus import Bus, Delivery  # noqa: E402
from beacon.bus.memory import InProcessBus  # noqa: E402
from beacon.storage import db, idempotency  # noqa: E402

TOPIC, GROUP = "events", "workers"
RUN_TIMEOUT_S = 300.0  # a run taking longer than this is reported as stuck, and the others still run
KEYS = 200  # distinct ordering keys (chats)
PAD = b"x" * 180  # an encoded event is a few hundred bytes


@dataclass
class Result:
    name: str
    events_per_s: float
    p50_ms: float | None
    p99_ms: float | None
    offered: float | None = None
    note: str = ""


@dataclass
class Scenario:
    name: str
    # Builds a started bus and names the store its handler claims keys in (None: no claim).
    make: Callable[[], Awaitable[tuple[Bus, str | None]]]
    claims: bool = False
    cleanup: Callable[[], Awaitable[None]] | None = None
    batched: bool = False  # subscribe_batch + one transaction per batch (the runner's group commit)


class _Sink:
    """The handler: optional claim per event, counts, latencies; ``done`` when ``expected`` arrive."""

    def __init__(self, store_url: str | None, expected: int) -> None:
        self.expected = expected
        self.count = 0
        self.latencies: list[float] = []
        self.done = asyncio.Event()
        self.engine = db.make_engine(store_url) if store_url else None
        self.sessions = db.make_sessionmaker(self.engine) if self.engine else None

    async def handle(self, d: Delivery) -> None:
        if self.sessions is not None:
            async with self.sessions() as session, session.begin():
                await idempotency.claim(session, f"bench:{d.id}")
        sent_at = struct.unpack_from("d", d.payload)[0]
        self.latencies.append(time.perf_counter() - sent_at)  # published → handled (claim committed)
        self.count += 1
        if self.count >= self.expected:
            self.done.set()

    async def handle_batch(self, deliveries: list[Delivery]) -> list[None]:
        assert self.sessions is not None
        async with self.sessions() as session, session.begin():
            conn = await session.connection()
            for d in deliveries:
                await conn.exec_driver_sql("SAVEPOINT bench_event")
                await idempotency.claim(session, f"bench:{d.id}")
                await conn.exec_driver_sql("RELEASE SAVEPOINT bench_event")
        now = time.perf_counter()
        for d in deliveries:
            self.latencies.append(now - struct.unpack_from("d", d.payload)[0])
        self.count += len(deliveries)
        if self.count >= self.expected:
            self.done.set()
        return [None] * len(deliveries)

    async def subscribe(self, bus: Bus, batched: bool, concurrency: int) -> None:
        if batched:
            # As the runner does on SQLite: one batch at a time (one writer), up to 64 entries.
            await bus.subscribe_batch(TOPIC, GROUP, self.handle_batch, max_batch=64)
        else:
            await bus.subscribe(TOPIC, GROUP, self.handle, concurrency=concurrency)

    async def close(self) -> None:
        if self.engine is not None:
            await self.engine.dispose()


async def _close(bus: Bus) -> None:
    try:
        await asyncio.wait_for(bus.close(), timeout=60)
    except asyncio.TimeoutError:
        print(f"warning: {type(bus).__name__}.close() did not return within 60 s", file=sys.stderr)


def _payload() -> bytes:
    return struct.pack("d", time.perf_counter()) + PAD


async def measure_throughput(scenario: Scenario, events: int, publishers: int, concurrency: int) -> float:
    bus, store_url = await scenario.make()
    sink = _Sink(store_url, events)
    try:
        await bus.ensure_group(TOPIC, GROUP)
        await sink.subscribe(bus, scenario.batched, concurrency)

        async def publisher(first: int) -> None:
            for i in range(first, events, publishers):
                await bus.publish(TOPIC, _payload(), ordering_key=f"chat-{i % KEYS}")

        started = time.perf_counter()
        try:
            await asyncio.wait_for(asyncio.gather(*(publisher(p) for p in range(publishers))), timeout=RUN_TIMEOUT_S)
            await asyncio.wait_for(sink.done.wait(), timeout=RUN_TIMEOUT_S)
        except asyncio.TimeoutError:
            raise RuntimeError(f"stuck: {sink.count:,} of {events:,} handled after {RUN_TIMEOUT_S:g} s") from None
        return events / (time.perf_counter() - started)
    finally:
        await _close(bus)
        await sink.close()


async def measure_latency(scenario: Scenario, rate: float, seconds: float, concurrency: int) -> tuple[float, float]:
    total = int(rate * seconds)
    bus, store_url = await scenario.make()
    sink = _Sink(store_url, total)
    try:
        await bus.ensure_group(TOPIC, GROUP)
        await sink.subscribe(bus, scenario.batched, concurrency)
        pending: set[asyncio.Task] = set()
        started = time.perf_counter()
        sent = 0
        while sent < total:
            due = min(total, int((time.perf_counter() - started) * rate) + 1)
            while sent < due:
                # Publishes run as tasks: a durable publish waits for its commit, the pacer must not.
                task = asyncio.create_task(bus.publish(TOPIC, _payload(), ordering_key=f"chat-{sent % KEYS}"))
                pending.add(task)
                task.add_done_callback(pending.discard)
                sent += 1
            await asyncio.sleep(0.001)
        try:
            await asyncio.wait_for(sink.done.wait(), timeout=RUN_TIMEOUT_S)
        except asyncio.TimeoutError:
            raise RuntimeError(f"stuck: {sink.count:,} of {total:,} handled after {RUN_TIMEOUT_S:g} s") from None
        ordered = sorted(sink.latencies)
        return ordered[len(ordered) // 2] * 1e3, ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1e3
    finally:
        await _close(bus)
        await sink.close()


def in_process_scenarios(workdir: Path, partitions: int) -> list[Scenario]:
    runs = iter(range(1_000_000))

    async def fresh_sqlite(tag: str) -> str:
        url = f"sqlite:///{workdir / f'{tag}-{next(runs)}.db'}"
        await db.upgrade(url)
        return url

    def volatile(claim: bool) -> Callable[[], Awaitable[tuple[Bus, str | None]]]:
        async def make() -> tuple[Bus, str | None]:
            bus = InProcessBus(partitions=partitions)
            await bus.start()
            return bus, (await fresh_sqlite("claims") if claim else None)

        return make

    def durable(claim: bool) -> Callable[[], Awaitable[tuple[Bus, str | None]]]:
        async def make() -> tuple[Bus, str | None]:
            url = await fresh_sqlite("durable")
            bus = InProcessBus(database_url=url, partitions=partitions)
            await bus.start()
            # Claims go to the inbox's own file, as under `beacon run` (one database URL).
            return bus, (url if claim else None)

        return make

    return [
        Scenario("in-process, non-durable", volatile(False)),
        Scenario("in-process, durable (SQLite inbox)", durable(False)),
        Scenario("in-process, non-durable + claim (SQLite)", volatile(True), claims=True),
        Scenario("in-process, durable + claim (same SQLite)", durable(True), claims=True),
        Scenario("in-process, durable + claim, batched (SQLite)", durable(True), claims=True, batched=True),
    ]


def postgres_scenarios(base_url: str, partitions: int) -> list[Scenario]:
    """The in-process bus with its inbox (and claims) in PostgreSQL, each run in its own schema."""
    schemas: list[str] = []

    def durable(claim: bool) -> Callable[[], Awaitable[tuple[Bus, str | None]]]:
        async def make() -> tuple[Bus, str | None]:
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            schemas.append(schema)
            url = f"{base_url}{'&' if '?' in base_url else '?'}schema={schema}"
            await db.upgrade(url)
            bus = InProcessBus(database_url=url, partitions=partitions)
            await bus.start()
            return bus, (url if claim else None)

        return make

    async def cleanup() -> None:
        while schemas:
            await db.drop_schema(base_url, schemas.pop())

    return [
        Scenario("in-process, durable (PostgreSQL inbox)", durable(False), cleanup=cleanup),
        Scenario("in-process, durable + claim (same PostgreSQL)", durable(True), claims=True, cleanup=cleanup),
        Scenario("in-process, durable + claim, batched (PostgreSQL)", durable(True), claims=True, batched=True,
                 cleanup=cleanup),
    ]


def redis_scenarios(url: str, partitions: int, store_url: str | None) -> list[Scenario]:
    """The Redis Streams bus (issue 4): plain, and with claims in ``store_url`` when given."""
    from beacon.bus.redis import RedisStreamsBus

    prefixes: list[str] = []

    def make(claim: bool) -> Callable[[], Awaitable[tuple[Bus, str | None]]]:
        async def build() -> tuple[Bus, str | None]:
            prefix = f"bench-{uuid.uuid4().hex[:8]}"
            prefixes.append(prefix)
            bus = RedisStreamsBus.from_url(url, prefix=prefix, partitions=partitions)
            await bus.start()
            return bus, (store_url if claim else None)

        return build

    async def cleanup() -> None:
        import redis.asyncio as aioredis

        client = aioredis.Redis.from_url(url)
        try:
            for prefix in prefixes:
                keys = [k async for k in client.scan_iter(match=f"{prefix}:*", count=1000)]
                if keys:
                    await client.delete(*keys)
        finally:
            await client.aclose()

    scenarios = [Scenario("redis streams", make(False), cleanup=cleanup)]
    if store_url:
        kind = "SQLite" if db.is_sqlite(store_url) else "PostgreSQL"
        scenarios.append(Scenario(f"redis streams + claim ({kind})", make(True), claims=True, cleanup=cleanup))
        scenarios.append(Scenario(f"redis streams + claim, batched ({kind})", make(True), claims=True, batched=True,
                                  cleanup=cleanup))
    return scenarios


def _fmt(x: float | None, digits: int = 2) -> str:
    return "-" if x is None else f"{x:,.{digits}f}"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller runs (about half a minute in all)")
    parser.add_argument("--events", type=int, help="events per throughput run (default 100,000; quick 20,000)")
    parser.add_argument("--publishers", type=int, default=256, help="concurrent publishers")
    parser.add_argument("--concurrency", type=int, default=4, help="partitions handled at once")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--rate", type=float, default=1000.0, help="offered events/s for the latency runs")
    parser.add_argument("--seconds", type=float, help="length of a latency run (default 5; quick 2)")
    parser.add_argument("--redis", metavar="URL", help="also measure the Redis Streams bus at this URL")
    parser.add_argument("--postgres", metavar="URL",
                        help="also measure the in-process bus with its inbox in PostgreSQL (schemas are dropped after)")
    parser.add_argument("--claim-store", metavar="URL",
                        help="store for the Redis '+ claim' run (e.g. postgresql://…?schema=bench); default SQLite")
    parser.add_argument("--only", help="comma-separated substrings of scenario names to run")
    args = parser.parse_args()
    events = args.events or (20_000 if args.quick else 100_000)
    seconds = args.seconds or (2.0 if args.quick else 5.0)
    # Claims cost a transaction each: fewer events keep those runs short without changing the rate.
    claim_events = max(2_000, events // 10)

    with tempfile.TemporaryDirectory(prefix="beacon-bench-") as tmp:
        workdir = Path(tmp)
        scenarios = in_process_scenarios(workdir, args.partitions)
        if args.postgres:
            scenarios += postgres_scenarios(args.postgres, args.partitions)
        if args.redis:
            try:
                import beacon.bus.redis  # noqa: F401
            except ImportError as exc:
                print(f"redis: skipped, beacon.bus.redis does not import ({exc})", file=sys.stderr)
            else:
                store = args.claim_store or f"sqlite:///{workdir / 'redis-claims.db'}"
                await db.upgrade(store)
                scenarios += redis_scenarios(args.redis, args.partitions, store)
        else:
            print("redis: not measured (pass --redis URL)", file=sys.stderr)
        if args.only:
            wanted = [w.strip() for w in args.only.split(",")]
            scenarios = [s for s in scenarios if any(w in s.name for w in wanted)]

        print(f"python {platform.python_version()}, {os.cpu_count()} CPU(s), SQLite {sqlite3.sqlite_version}; "
              f"{events:,} events per run ({claim_events:,} with claims), {args.publishers} publishers, "
              f"concurrency {args.concurrency}, {args.partitions} partitions; latency at {args.rate:,.0f}/s offered "
              f"for {seconds:g}s", flush=True)
        results: list[Result] = []
        for scenario in scenarios:
            n = claim_events if scenario.claims else events
            try:
                rate = await measure_throughput(scenario, n, args.publishers, args.concurrency)
                # Latency means something only below capacity: offer at most half of what was measured.
                offered = min(args.rate, max(1.0, rate / 2))
                p50, p99 = await measure_latency(scenario, offered, seconds, args.concurrency)
                results.append(Result(scenario.name, rate, p50, p99, offered))
            except Exception as exc:  # noqa: BLE001 - one broken scenario must not hide the others
                results.append(Result(scenario.name, 0.0, None, None, f"failed: {type(exc).__name__}: {exc}"))
            finally:
                if scenario.cleanup is not None:
                    await scenario.cleanup()
            r = results[-1]
            print(f"  measured {r.name}: {_fmt(r.events_per_s, 0)} events/s {r.note}", file=sys.stderr, flush=True)

    baseline = results[0].events_per_s if results and results[0].events_per_s else None
    print()
    print(f"{'scenario':<50} {'events/s':>10} {'vs base':>8} {'p50 ms':>8} {'p99 ms':>8} {'at /s':>7}")
    for r in results:
        ratio = f"{r.events_per_s / baseline:.2g}x" if baseline and r.events_per_s else "-"
        print(f"{r.name:<50} {_fmt(r.events_per_s, 0):>10} {ratio:>8} {_fmt(r.p50_ms):>8} {_fmt(r.p99_ms):>8} "
              f"{_fmt(r.offered, 0):>7} {r.note}")


if __name__ == "__main__":
    asyncio.run(main())
