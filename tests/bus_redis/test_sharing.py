"""Consumers of one group split the partitions between them; no entry is handled by both."""

from __future__ import annotations

import asyncio
import signal

from tests.bus_redis.support import read_line, spawn_consumer


async def lease_owners(bus, topic: str, group: str) -> list[str | None]:
    values = await bus.redis.mget([bus.lease_key(topic, group, p) for p in range(bus.partitions)])
    return [v.decode() if v else None for v in values]


async def wait_for(predicate, timeout: float = 15.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await predicate():
        assert loop.time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.05)


async def test_two_consumer_processes_share_work_without_overlap(make_bus, redis_url, unique_name):
    bus = await make_bus()
    await bus.ensure_group("events", "workers")
    procs = [
        await spawn_consumer("--url", redis_url, "--prefix", unique_name, "--topic", "events", "--group", "workers",
                             "--vt", "1", "--mode", "work", "--concurrency", "4", "--delay-ms", "1")
        for _ in range(2)
    ]
    try:
        for proc in procs:
            assert (await read_line(proc)).startswith("ready")

        async def split_evenly() -> bool:
            owners = await lease_owners(bus, "events", "workers")
            return None not in owners and sorted(owners.count(o) for o in set(owners)) == [4, 4]

        await wait_for(split_evenly)
        chats, per_chat = 40, 15
        for seq in range(per_chat):
            for chat in range(chats):
                await bus.publish("events", f"c{chat}:{seq}".encode(), ordering_key=f"c{chat}")
        results = f"{unique_name}:test"

        async def all_seen() -> bool:
            return await bus.redis.scard(f"{results}:seen") == chats * per_chat

        await wait_for(all_seen, timeout=60)
        await wait_for(lambda: _zero(bus.pending_count("events", "workers")))
        assert int(await bus.redis.get(f"{results}:duplicates") or 0) == 0
        by_process = {k.decode(): int(v) for k, v in (await bus.redis.hgetall(f"{results}:by")).items()}
        print("entries handled per process:", by_process)
        assert len(by_process) == 2 and all(n > 0 for n in by_process.values())
        assert sum(by_process.values()) == chats * per_chat
        for chat in range(chats):
            seqs = [int(s) for s in await bus.redis.lrange(f"{results}:chat:c{chat}", 0, -1)]
            assert seqs == list(range(per_chat))  # per-chat order, across both processes
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                await asyncio.wait_for(proc.wait(), timeout=10)
            except asyncio.TimeoutError:
                proc.kill()
                await proc.wait()


async def _zero(awaitable) -> bool:
    return await awaitable == 0


async def test_consumers_rebalance_when_one_joins_and_leaves(make_bus):
    bus = await make_bus()

    async def noop(delivery):
        return None

    first = await bus.subscribe("events", "workers", noop)

    async def owners_count(expected: list[int]):
        async def check() -> bool:
            owners = await lease_owners(bus, "events", "workers")
            return None not in owners and sorted(owners.count(o) for o in set(owners)) == expected
        return check

    await wait_for(await owners_count([8]))
    second = await bus.subscribe("events", "workers", noop)
    await wait_for(await owners_count([4, 4]))
    await second.stop()  # releases its leases at once; the first takes them back
    await wait_for(await owners_count([8]))
    await first.stop()
    assert await lease_owners(bus, "events", "workers") == [None] * 8


async def test_graceful_stop_hands_back_unhandled_entries_at_once(make_bus):
    # A long visibility timeout: only the hand-back on stop can explain a quick takeover.
    bus = await make_bus(visibility_timeout_s=30.0)
    await bus.ensure_group("events", "workers")
    for seq in range(5):
        await bus.publish("events", f"{seq}".encode(), ordering_key="chat")
    first_started = asyncio.Event()
    release = asyncio.Event()
    first_seen: list[int] = []

    async def slow(delivery):
        first_seen.append(int(delivery.payload))
        first_started.set()
        await release.wait()

    first = await bus.subscribe("events", "workers", slow)
    await asyncio.wait_for(first_started.wait(), timeout=10)
    stopping = asyncio.create_task(first.stop())
    await asyncio.sleep(0.1)
    release.set()  # the entry in hand finishes; the other four stay pending, handed back
    await stopping
    assert first_seen == [0]

    second_seen: list[tuple[int, int]] = []

    async def record(delivery):
        second_seen.append((int(delivery.payload), delivery.attempts))

    loop = asyncio.get_running_loop()
    started = loop.time()
    await bus.subscribe("events", "workers", record)
    await wait_for(lambda: _zero(bus.pending_count("events", "workers")), timeout=10)
    assert loop.time() - started < 30.0
    # Not handled by the first consumer, so their delivery count was given back.
    assert second_seen == [(1, 1), (2, 1), (3, 1), (4, 1)]
