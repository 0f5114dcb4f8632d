"""A consumer process killed with SIGKILL before acking: another consumer gets its entries."""

from __future__ import annotations

import asyncio
import signal
import time

from tests.bus_redis.support import read_line, spawn_consumer

VT = 1.0


async def test_sigkilled_consumer_entries_go_to_another_consumer(make_bus, redis_url, unique_name):
    bus = await make_bus(visibility_timeout_s=VT)
    await bus.ensure_group("events", "workers")
    victim = await spawn_consumer("--url", redis_url, "--prefix", unique_name, "--topic", "events",
                                  "--group", "workers", "--vt", str(VT), "--mode", "hang", "--concurrency", "4")
    try:
        assert (await read_line(victim)).startswith("ready")
        chats = [f"chat{i}" for i in range(4)]
        published = {chat: [] for chat in chats}
        for seq in range(3):
            for chat in chats:
                await bus.publish("events", f"{chat}:{seq}".encode(), ordering_key=chat)
                published[chat].append(seq)
        # The victim starts the first entry of each chat (4 in hand) and queues the rest.
        started = {(await read_line(victim)).split()[1] for _ in chats}
        assert started == {f"{chat}:0" for chat in chats}

        handled: list[tuple[str, int, int, float]] = []
        done = asyncio.Event()

        async def survivor(delivery):
            chat, seq = delivery.payload.decode().split(":")
            handled.append((chat, int(seq), delivery.attempts, time.monotonic()))
            if len(handled) == 3 * len(chats):
                done.set()

        await bus.subscribe("events", "workers", survivor, concurrency=4)
        victim.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        await victim.wait()
        await asyncio.wait_for(done.wait(), timeout=15)
        took = max(at for *_, at in handled) - killed_at
        print(f"all {len(handled)} entries handled by the survivor {took:.2f} s after the SIGKILL (vt {VT} s)")
        # Lease expiry (<= vt) + idle >= vt + one heartbeat: a few visibility timeouts at most.
        assert took < 5 * VT
        for chat in chats:
            assert [seq for c, seq, *_ in handled if c == chat] == published[chat]  # order kept
        assert {attempts for c, seq, attempts, _ in handled} == {2}  # each was delivered to the victim once
        assert await bus.pending_count("events", "workers") == 0
        assert await bus.dead_letters() == []
    finally:
        if victim.returncode is None:
            victim.kill()
            await victim.wait()


async def test_entry_that_keeps_killing_consumers_is_dead_lettered_unrun(make_bus):
    bus = await make_bus(visibility_timeout_s=VT, max_attempts=3)
    await bus.ensure_group("events", "workers")
    entry_id = await bus.publish("events", b"poison", ordering_key="chat")
    partition, stream_id = entry_id.split("/")
    stream = bus.stream_key("events", int(partition))
    # Three consumers took it and died (delivery count 3, idle past the visibility timeout).
    await bus.redis.xreadgroup("workers", "ghost", {stream: ">"})
    await bus.redis.xclaim(stream, "workers", "ghost", 0, [stream_id], idle=int(VT * 1000) + 1, retrycount=3,
                           justid=True)
    ran = []

    async def handler(delivery):
        ran.append(delivery)

    await bus.subscribe("events", "workers", handler)
    for _ in range(100):
        if await bus.dead_letters("events"):
            break
        await asyncio.sleep(0.05)
    (letter,) = await bus.dead_letters("events")
    assert letter.payload == b"poison" and letter.attempts == 3 and letter.group == "workers"
    assert "without an ack" in letter.error
    assert ran == []
    assert await bus.pending_count("events", "workers") == 0
