"""What only the in-process bus has: the non-durable mode, the inbox table, handler timeouts."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from beacon.bus import Deferred, Delivery, open_bus
from beacon.bus.memory import BusUnavailable, InProcessBus
from beacon.storage import db

from .test_behaviour import _zero_pending, eventually


def _inbox_rows(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM bus_inbox").fetchone()[0]


@pytest.fixture
async def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'bus.db'}"
    await db.upgrade(url)
    return url


async def test_publish_returns_once_the_entry_is_in_the_inbox_and_ack_removes_it(sqlite_url: str, tmp_path: Path) -> None:
    async with open_bus("memory://", database_url=sqlite_url, partitions=4, visibility_timeout_s=5, max_attempts=2) as bus:
        await bus.ensure_group("events", "workers")
        await bus.ensure_group("events", "audit")
        await bus.publish("events", b"e1", ordering_key="telegram:-100")
        assert _inbox_rows(tmp_path / "bus.db") == 2  # one row per group, committed before publish returned
        got: list[bytes] = []

        async def handler(d: Delivery) -> None:
            got.append(d.payload)

        await bus.subscribe("events", "workers", handler)
        await eventually(lambda: got == [b"e1"], what="delivery")
    assert _inbox_rows(tmp_path / "bus.db") == 1  # acked by workers (flushed at close); audit still owes it


async def test_groups_are_remembered_across_restarts(sqlite_url: str) -> None:
    async with InProcessBus(database_url=sqlite_url) as bus:
        await bus.ensure_group("events", "workers")
    async with InProcessBus(database_url=sqlite_url) as bus:
        # Published before this run's subscriber registered: still owed to the group.
        await bus.publish("events", b"early", ordering_key="k")
    got: list[Delivery] = []
    async with InProcessBus(database_url=sqlite_url) as bus:
        async def handler(d: Delivery) -> None:
            got.append(d)

        await bus.subscribe("events", "workers", handler)
        await eventually(lambda: len(got) == 1, what="the early entry")
    assert got[0].payload == b"early" and got[0].attempts == 1


async def test_a_handler_past_the_visibility_timeout_is_cancelled_and_retried(sqlite_url: str) -> None:
    attempts: list[int] = []
    async with InProcessBus(database_url=sqlite_url, visibility_timeout_s=0.2, retry_delay_s=0.01) as bus:
        async def slow_once(d: Delivery) -> None:
            attempts.append(d.attempts)
            if d.attempts == 1:
                await asyncio.sleep(3600)

        await bus.subscribe("t", "g", slow_once)
        await bus.publish("t", b"x")
        await eventually(lambda: attempts == [1, 2], what="the retry after the timeout")
        await eventually(_zero_pending(bus, "t", "g"), what="ack")


async def test_stop_leaves_a_stuck_entry_pending_for_the_next_run(sqlite_url: str) -> None:
    bus = InProcessBus(database_url=sqlite_url, visibility_timeout_s=0.3)
    await bus.start()
    started = asyncio.Event()

    async def stuck(d: Delivery) -> None:
        started.set()
        await asyncio.sleep(3600)

    sub = await bus.subscribe("t", "g", stuck, concurrency=2)
    await bus.publish("t", b"x")
    await asyncio.wait_for(started.wait(), 5)
    await sub.stop()  # waits up to the visibility timeout, then cancels
    assert await bus.pending_count("t", "g") == 1
    await bus.close()
    got: list[Delivery] = []
    async with InProcessBus(database_url=sqlite_url) as again:
        async def handler(d: Delivery) -> None:
            got.append(d)

        await again.subscribe("t", "g", handler)
        await eventually(lambda: len(got) == 1, what="redelivery")
    assert got[0].payload == b"x"


async def test_non_durable_mode_has_the_same_semantics_in_memory_only() -> None:
    async with InProcessBus(max_attempts=2, retry_delay_s=0) as bus:
        assert not bus.durable
        got: list[bytes] = []

        async def handler(d: Delivery) -> None:
            if d.payload == b"bad":
                raise ValueError("no")
            got.append(d.payload)

        await bus.subscribe("t", "g", handler, concurrency=3)
        for i in range(50):
            await bus.publish("t", str(i).encode(), ordering_key=f"k{i % 5}")
        await bus.publish("t", b"bad", ordering_key="k0")
        await eventually(lambda: len(got) == 50, what="fifty entries")
        await eventually(_zero_pending(bus, "t", "g"), what="dead letter")
        for k in range(5):
            mine = [int(p) for p in got if int(p) % 5 == k]
            assert mine == sorted(mine)
        [letter] = await bus.dead_letters("t")
        assert (letter.payload, letter.attempts, letter.error) == (b"bad", 2, "ValueError: no")


async def test_inbox_on_postgresql(postgres_url: str, unique_name: str) -> None:
    url = f"{postgres_url}?schema={unique_name}"
    try:
        await db.upgrade(url)
        async with InProcessBus(database_url=url, max_attempts=1) as bus:
            await bus.ensure_group("t", "g")
            for i in range(3):
                await bus.publish("t", f"e{i}".encode(), ordering_key="k")
        got: list[bytes] = []
        async with InProcessBus(database_url=url, max_attempts=1) as bus:
            async def handler(d: Delivery) -> None:
                if d.payload == b"e1":
                    raise RuntimeError("poison")
                got.append(d.payload)

            await bus.subscribe("t", "g", handler)
            await eventually(lambda: got == [b"e0", b"e2"], what="entries from the PostgreSQL inbox")
            [letter] = await bus.dead_letters("t")
            assert letter.payload == b"e1" and "poison" in letter.error
        async with InProcessBus(database_url=url) as bus:
            assert await bus.pending_count("t", "g") == 0
    finally:
        await db.drop_schema(postgres_url, unique_name)


async def test_a_publish_the_inbox_refused_is_an_error_not_a_silent_loss(sqlite_url: str, tmp_path: Path) -> None:
    async with InProcessBus(database_url=sqlite_url) as bus:
        got: list[bytes] = []

        async def handler(d: Delivery) -> None:
            got.append(d.payload)

        await bus.subscribe("t", "g", handler)
        with sqlite3.connect(tmp_path / "bus.db") as conn:
            conn.execute("DROP TABLE bus_inbox")
        with pytest.raises(BusUnavailable, match="bus inbox unavailable .*no such table"):
            await bus.publish("t", b"lost?")
        await asyncio.sleep(0.05)
        assert got == []  # refused means not accepted: never delivered either


def test_bad_urls_and_options_are_refused() -> None:
    with pytest.raises(ValueError, match="memory://"):
        InProcessBus.from_url("memory://elsewhere")
    with pytest.raises(TypeError, match="unknown in-process bus option"):
        InProcessBus.from_url("memory://", paritions=3)
    with pytest.raises(ValueError):
        InProcessBus(partitions=0)


async def test_a_closed_bus_refuses_work() -> None:
    bus = InProcessBus()
    await bus.start()
    await bus.close()
    with pytest.raises(RuntimeError, match="not running"):
        await bus.publish("t", b"x")


async def test_a_batch_takes_runs_of_a_partitions_entries_and_settles_each(sqlite_url: str, tmp_path: Path) -> None:
    bus = InProcessBus(database_url=sqlite_url, partitions=2, max_attempts=3, retry_delay_s=0.01)
    await bus.start()
    try:
        await bus.ensure_group("t", "g")
        for n in range(5):
            await bus.publish("t", f"a{n}".encode(), ordering_key="A")
        batches: list[list[tuple[bytes, int]]] = []

        async def batch_handler(deliveries: list[Delivery]) -> list:
            batches.append([(d.payload, d.attempts) for d in deliveries])
            if len(batches) == 1:  # a2 fails: a3 and a4 are deferred, a0 and a1 are done
                return [None, None, RuntimeError("a2 failed"), Deferred(), Deferred()]
            return [None] * len(deliveries)

        await bus.subscribe_batch("t", "g", batch_handler, max_batch=8)
        await eventually(_zero_pending(bus, "t", "g"), what="all acked")
        assert batches[0] == [(b"a0", 1), (b"a1", 1), (b"a2", 1), (b"a3", 1), (b"a4", 1)]
        # Only the failed entry's attempt counted; the rest kept their place behind it.
        assert batches[1] == [(b"a2", 2), (b"a3", 1), (b"a4", 1)]
        assert len(batches) == 2
    finally:
        await bus.close()
    assert _inbox_rows(tmp_path / "bus.db") == 0
