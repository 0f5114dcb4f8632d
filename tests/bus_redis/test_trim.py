"""Trimming by MINID removes only what every group acked, never pending or unread entries."""

from __future__ import annotations

import asyncio


async def test_trim_never_drops_unacked_or_unread_entries(make_bus):
    bus = await make_bus(partitions=1, visibility_timeout_s=30.0)
    await bus.ensure_group("events", "fast")
    await bus.ensure_group("events", "slow")
    for seq in range(20):
        await bus.publish("events", f"{seq}".encode(), ordering_key=f"chat{seq}")
    stream = bus.stream_key("events", 0)

    # "slow" has read nothing yet: nothing may go.
    assert await bus.trim("events", exact=True) == 0

    # "fast" handles everything except entries 10..19, which it holds un-acked.
    hold = asyncio.Event()
    fast_done: set[int] = set()

    async def fast(delivery):
        seq = int(delivery.payload)
        if seq >= 10:
            await hold.wait()
        fast_done.add(seq)

    await bus.subscribe("events", "fast", fast, concurrency=20)
    slow_done: list[int] = []

    async def slow(delivery):
        slow_done.append(int(delivery.payload))

    await bus.subscribe("events", "slow", slow)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while len(slow_done) < 20 or len(fast_done) < 10 or await bus.pending_count("events", "slow"):
        assert loop.time() < deadline
        await asyncio.sleep(0.05)

    removed = await bus.trim("events", exact=True)
    assert removed == 10  # 0..9: acked by both groups
    remaining = [int(fields[b"p"]) for _, fields in await bus.redis.xrange(stream)]
    assert remaining == list(range(10, 20))

    hold.set()  # the held entries finish: their payloads are still there
    deadline = loop.time() + 10
    while await bus.pending_count("events", "fast"):
        assert loop.time() < deadline
        await asyncio.sleep(0.05)
    assert fast_done == set(range(20))
    assert await bus.trim("events", exact=True) == 10
    assert await bus.redis.xlen(stream) == 0


async def test_trim_keeps_entries_pending_to_a_dead_consumer(make_bus):
    bus = await make_bus(partitions=1)
    await bus.ensure_group("events", "workers")
    for seq in range(5):
        await bus.publish("events", f"{seq}".encode())
    stream = bus.stream_key("events", 0)
    # A consumer read all five and died; nothing was acked.
    await bus.redis.xreadgroup("workers", "dead-consumer", {stream: ">"})
    assert await bus.trim("events", exact=True) == 0
    assert await bus.redis.xlen(stream) == 5
    assert await bus.pending_count("events", "workers") == 5


async def test_quiet_consumers_are_forgotten_only_when_they_hold_nothing(make_bus):
    bus = await make_bus(partitions=1)
    await bus.ensure_group("events", "workers")
    stream = bus.stream_key("events", 0)
    await bus.publish("events", b"held")
    await bus.redis.xreadgroup("workers", "crashed-holding", {stream: ">"})  # holds the entry
    await bus.redis.xgroup_createconsumer(stream, "workers", "crashed-empty")  # holds nothing
    await bus.redis.xgroup_createconsumer(stream, "workers", "me")

    removed = await bus._forget_idle(keys=[stream], args=["workers", "me", 0])

    assert removed == 1
    names = {c["name"].decode() for c in await bus.redis.xinfo_consumers(stream, "workers")}
    assert names == {"crashed-holding", "me"}
    assert await bus.pending_count("events", "workers") == 1
