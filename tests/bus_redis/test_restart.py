"""A Redis restart mid-run: publishers and consumers reconnect; nothing acknowledged is lost."""

from __future__ import annotations

import asyncio

from beacon.bus.redis import RedisStreamsBus


async def test_redis_restart_loses_nothing_acknowledged(throwaway_redis):
    bus = RedisStreamsBus.from_url(throwaway_redis.url, prefix="restart", visibility_timeout_s=1.0, block_ms=200)
    await bus.start()
    try:
        await bus.ensure_group("events", "workers")
        handled: set[str] = set()

        async def handler(delivery):
            handled.add(delivery.payload.decode())

        await bus.subscribe("events", "workers", handler, concurrency=4)
        acknowledged: list[str] = []

        async def publish_all() -> None:
            for seq in range(300):
                payload = f"e{seq}"
                await bus.publish("events", payload.encode(), ordering_key=f"chat{seq % 7}")
                acknowledged.append(payload)  # publish returned: the entry is durable
                await asyncio.sleep(0.003)

        publisher = asyncio.create_task(publish_all())
        while len(acknowledged) < 100:
            await asyncio.sleep(0.01)
        throwaway_redis.kill()  # SIGKILL: no chance to flush anything beyond the AOF
        before_restart = len(acknowledged)
        await asyncio.sleep(0.5)
        throwaway_redis.start()
        await throwaway_redis.ready()
        await asyncio.wait_for(publisher, timeout=60)
        print(f"published {before_restart} before the kill, {len(acknowledged)} in all")
        assert len(acknowledged) == 300  # publishes during the outage waited and then succeeded

        loop = asyncio.get_running_loop()
        deadline = loop.time() + 30
        while not (set(acknowledged) <= handled and await bus.pending_count("events", "workers") == 0):
            assert loop.time() < deadline, f"missing: {sorted(set(acknowledged) - handled)[:10]}"
            await asyncio.sleep(0.05)
        assert set(acknowledged) <= handled
        assert await bus.dead_letters() == []
    finally:
        await bus.close()
