"""A live consumer keeps its entries: a handler slower than the visibility timeout is not redelivered."""

from __future__ import annotations

import asyncio


async def test_slow_handler_keeps_its_entry_while_alive(make_bus):
    vt = 0.3
    bus = await make_bus(visibility_timeout_s=vt)
    await bus.ensure_group("events", "workers")
    entry_id = await bus.publish("events", b"slow", ordering_key="chat")
    partition, stream_id = entry_id.split("/")
    stream = bus.stream_key("events", int(partition))
    calls: list[int] = []
    finished = asyncio.Event()

    async def slow(delivery):
        calls.append(delivery.attempts)
        await asyncio.sleep(5 * vt)  # several visibility timeouts, and reclaim passes, go by
        finished.set()

    first = await bus.subscribe("events", "workers", slow)
    await asyncio.sleep(vt)
    second = await bus.subscribe("events", "workers", slow)  # another consumer of the group, alive meanwhile
    await asyncio.sleep(3 * vt)
    (row,) = await bus.redis.xpending_range(stream, "workers", "-", "+", 10)
    # Still delivered once, to the first consumer: nobody (itself included) reclaimed it as idle.
    assert row["message_id"].decode() == stream_id and row["times_delivered"] == 1
    assert row["consumer"].decode() == first.consumer
    await asyncio.wait_for(finished.wait(), timeout=10)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while await bus.pending_count("events", "workers"):
        assert loop.time() < deadline
        await asyncio.sleep(0.05)
    assert calls == [1]
    await first.stop()
    await second.stop()
    assert await bus.dead_letters() == []
