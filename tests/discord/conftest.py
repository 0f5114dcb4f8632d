"""Fixtures: the fake Discord with a small community, an adapter pointed at it, and a publish that records events."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from beacon.config import DiscordConfig
from bots.discord import DiscordAdapter
from tests.fakes.discord import FakeChannel, FakeDiscord, FakeGuild, FakeUser, RateLimit
from tests.telegram.conftest import Published

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZw.DiscordTokenNeverLogged_0a1b2c3d4e5f"

__all__ = ["TOKEN", "Community", "Published", "discord_config", "wait_ready"]


@dataclass
class Community:
    """A guild with the channels Beacon meets: text, forum, announcements, support and moderators."""

    owner: FakeUser
    guild: FakeGuild
    general: FakeChannel
    forum: FakeChannel
    news: FakeChannel
    support: FakeChannel
    mods: FakeChannel


def discord_config(fake: FakeDiscord, community: Community | None = None, **overrides: Any) -> DiscordConfig:
    values: dict[str, Any] = {"token": fake.token, "api_base": fake.api_base, "gateway_url": fake.gateway_url}
    if community is not None:
        values.update(moderators_channel_id=str(community.mods.id), support_channel_id=str(community.support.id))
    values.update(overrides)
    return DiscordConfig(**values)


async def wait_ready(adapter: DiscordAdapter, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (adapter.client is not None and adapter.client.is_ready()):
        if loop.time() > deadline:
            raise TimeoutError("the Discord client never became ready")
        await asyncio.sleep(0.01)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    # Per-route windows shrunk so tests that send a lot stay fast; the rate-limit tests tighten them.
    async with FakeDiscord(token=TOKEN, route_limit=RateLimit(50, 1.0)) as server:
        yield server


@pytest.fixture
def community(fake: FakeDiscord) -> Community:
    owner = fake.add_user("olga", global_name="Olga")
    guild = fake.create_guild("Exchange", owner=owner)
    general = fake.create_channel(guild, "general", system=True)
    forum = fake.create_channel(guild, "help", kind="forum")
    news = fake.create_channel(guild, "announcements", kind="announcement")
    support = fake.create_channel(guild, "support")
    mods = fake.create_channel(guild, "moderators")
    return Community(owner=owner, guild=guild, general=general, forum=forum, news=news, support=support, mods=mods)


@pytest.fixture
async def make_adapter(fake: FakeDiscord, community: Community) -> AsyncIterator[Callable[..., DiscordAdapter]]:
    made: list[DiscordAdapter] = []

    def make(**overrides: Any) -> DiscordAdapter:
        options = {k: overrides.pop(k) for k in list(overrides)
                   if k in ("limiter", "interaction_ack_s", "publish_retry_s", "retry_delay_s", "backfill_limit",
                             "reidentify_delay_s")}
        options.setdefault("guild_ready_timeout", 0.05)
        adapter = DiscordAdapter(discord_config(fake, community, **overrides), **options)
        made.append(adapter)
        return adapter

    yield make
    for adapter in made:
        await adapter.aclose()


@pytest.fixture
async def adapter(make_adapter: Callable[..., DiscordAdapter]) -> DiscordAdapter:
    return make_adapter()


@pytest.fixture
async def running(adapter: DiscordAdapter) -> AsyncIterator[tuple[DiscordAdapter, Published]]:
    """The adapter connected to the fake gateway, publishing into a ``Published``."""
    published = Published()
    task = asyncio.create_task(adapter.run(published))
    await wait_ready(adapter)
    yield adapter, published
    await adapter.stop()
    await asyncio.wait_for(task, 10)  # run() returns once stopped, and re-raises anything it died of
