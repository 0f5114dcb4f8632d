"""Sends counted by ``beacon.ratelimit`` (in-process, or shared in Redis by several adapters)."""

from __future__ import annotations

import asyncio

import pytest

from beacon.actions import SendDirect, SendMessage
from beacon.config import Settings
from beacon.events import ChatRef, UserRef
from beacon.ratelimit import InProcessRateLimiter, RedisRateLimiter
from bots.telegram import SharedLimiterBridge, TelegramAdapter
from tests.fakes.telegram import FakeTelegram, RateLimit
from tests.telegram.conftest import TOKEN, telegram_config

P = "telegram"


async def test_in_process_limiter_through_the_bridge() -> None:
    async with FakeTelegram(token=TOKEN, overall_limit=RateLimit(30, 1.0), group_limit=RateLimit(10, 1.0),
                            private_limit=RateLimit(2, 1.0)) as fake:
        # 600/min = 10/s per group: the bridge's buckets never exceed it in any window.
        adapter = TelegramAdapter(telegram_config(fake, rate_group_per_min=540, rate_private_per_s=0.9),
                                  limiter=InProcessRateLimiter())
        assert isinstance(adapter.bot.rate_limiter, SharedLimiterBridge)
        try:
            group = fake.create_group("G", owner=fake.add_user("Olga"))
            fake.add_bot(group, admin=True)
            member = fake.add_user("Ann", started=True)
            await asyncio.gather(
                *(adapter.perform(SendMessage(key=str(i), platform=P, chat=ChatRef(platform=P, chat_id=str(group.id)),
                                              text=f"m{i}")) for i in range(15)),
                *(adapter.perform(SendDirect(key=f"d{i}", platform=P, user=UserRef(platform=P, user_id=str(member.id)),
                                             text=f"d{i}")) for i in range(3)))
        finally:
            await adapter.aclose()
        assert len(fake.sent()) == 18 and fake.rate_limited == 0


@pytest.mark.services
async def test_two_adapters_share_one_redis_limiter(redis_url: str, unique_name: str) -> None:
    """Two processes' worth of adapters sending to one group stay under its limit together."""
    async with FakeTelegram(token=TOKEN, group_limit=RateLimit(10, 1.0)) as fake:
        group = fake.create_group("G", owner=fake.add_user("Olga"))
        fake.add_bot(group, admin=True)
        adapters = [
            TelegramAdapter(telegram_config(fake, rate_group_per_min=540),
                            limiter=RedisRateLimiter.from_url(redis_url, prefix=unique_name), owns_limiter=True)
            for _ in range(2)
        ]
        try:
            chat = ChatRef(platform=P, chat_id=str(group.id))
            await asyncio.gather(*(adapters[i % 2].perform(SendMessage(key=str(i), platform=P, chat=chat,
                                                                       text=f"m{i}")) for i in range(24)))
        finally:
            for adapter in adapters:
                await adapter.aclose()
        assert len(fake.sent()) == 24 and fake.rate_limited == 0


def test_from_settings_uses_redis_limiter_with_the_redis_bus() -> None:
    settings = Settings(brand={"name": "Acme", "bot_usernames": ["acme_help", "AcmeHelpBot"]},
                        bus={"url": "redis://127.0.0.1:6379/15"},
                        telegram={"token": TOKEN, "base_url": "http://127.0.0.1:9/bot"})
    adapter = TelegramAdapter.from_settings(settings)
    try:
        assert isinstance(adapter.shared_limiter, RedisRateLimiter)
        assert adapter.deep_link("x1") == "https://t.me/AcmeHelpBot?start=x1"  # the handle ending in "bot"
    finally:
        adapter.release_log_masking()
    embedded = TelegramAdapter.from_settings(settings.model_copy(update={"bus": settings.bus.model_copy(
        update={"url": "memory://"})}))
    assert embedded.shared_limiter is None
    embedded.release_log_masking()
