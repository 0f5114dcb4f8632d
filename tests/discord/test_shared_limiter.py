"""Discord's global 50 requests/s, shared by every adapter (in-process, or across processes in Redis)."""

from __future__ import annotations

import asyncio

import pytest

from beacon.actions import SendMessage
from beacon.events import ChatRef
from beacon.ratelimit import InProcessRateLimiter, RateLimiter, RedisRateLimiter
from bots.discord import DiscordAdapter
from tests.discord.conftest import TOKEN, discord_config
from tests.fakes.discord import FakeDiscord, RateLimit

PER_ADAPTER = 35  # 70 in all: more than one second of the 50/s budget


async def _two_adapters_send(limiters: list[RateLimiter | None]) -> FakeDiscord:
    async with FakeDiscord(token=TOKEN, route_limit=RateLimit(50, 1.0), global_limit=RateLimit(50, 1.0)) as fake:
        guild = fake.create_guild("G", owner=fake.add_user("olga"))
        channels = [fake.create_channel(guild, f"c{i}") for i in range(12)]
        adapters = [DiscordAdapter(discord_config(fake), limiter=limiter) for limiter in limiters]
        try:
            for adapter in adapters:
                await adapter.ensure_ready()  # logins are not what is measured
            fake.calls.clear()
            await asyncio.gather(*(
                adapter.perform(SendMessage(key=f"{a}-{i}", platform="discord", text=f"{a}-{i}",
                                            chat=ChatRef(platform="discord", chat_id=str(channels[i % 12].id))))
                for a, adapter in enumerate(adapters) for i in range(PER_ADAPTER)))
        finally:
            for adapter in adapters:
                await adapter.aclose()
        return fake


# The shared bucket grants exactly Discord's 50/s; on a loaded machine requests granted at that rate can
# reach the server bunched, so an odd global 429 may still happen (discord.py waits it out).
JITTER_429S = 2


async def test_without_a_shared_limiter_two_adapters_hit_the_global_limit() -> None:
    fake = await _two_adapters_send([None, None])
    assert len(fake.sent()) == 2 * PER_ADAPTER  # discord.py waited out the global 429s: nothing lost …
    assert fake.rate_limited_global > JITTER_429S  # … but only after Discord refused, again and again


async def test_a_shared_limiter_keeps_both_under_the_global_limit() -> None:
    shared = InProcessRateLimiter()
    fake = await _two_adapters_send([shared, shared])
    assert len(fake.sent()) == 2 * PER_ADAPTER and fake.rate_limited_global <= JITTER_429S


@pytest.mark.services
async def test_adapters_sharing_redis_stay_under_the_global_limit(redis_url: str, unique_name: str) -> None:
    limiters: list[RateLimiter | None] = [RedisRateLimiter.from_url(redis_url, prefix=unique_name) for _ in range(2)]
    try:
        fake = await _two_adapters_send(limiters)
    finally:
        for limiter in limiters:
            assert limiter is not None
            await limiter.close()
    assert len(fake.sent()) == 2 * PER_ADAPTER and fake.rate_limited_global <= JITTER_429S
