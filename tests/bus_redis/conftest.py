"""Fixtures: buses on the shared test Redis (cleaned up by prefix) and a throwaway redis-server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from beacon.bus.redis import RedisStreamsBus
from tests.bus_redis.support import ThrowawayRedis, delete_prefix


@pytest.fixture
async def make_bus(redis_url: str, unique_name: str) -> AsyncIterator[Callable[..., Awaitable[RedisStreamsBus]]]:
    """Build started buses sharing one prefix (so they see the same streams), closed afterwards."""
    buses: list[RedisStreamsBus] = []

    async def make(**options: object) -> RedisStreamsBus:
        options.setdefault("visibility_timeout_s", 1.0)
        options.setdefault("max_attempts", 3)
        options.setdefault("block_ms", 200)
        bus = RedisStreamsBus.from_url(redis_url, prefix=unique_name, **options)  # type: ignore[arg-type]
        await bus.start()
        buses.append(bus)
        return bus

    yield make
    for bus in buses:
        await bus.close()
    await delete_prefix(redis_url, unique_name)


@pytest.fixture
async def throwaway_redis(tmp_path: Path) -> AsyncIterator[ThrowawayRedis]:
    server = ThrowawayRedis(tmp_path)
    server.start()
    try:
        await server.ready()
        yield server
    finally:
        server.stop()
