"""Fixtures: the fake Bot API, an adapter pointed at it, and a publish that records events."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from beacon.config import TelegramConfig
from beacon.events import EventBase
from bots.telegram import TelegramAdapter
from tests.fakes.telegram import FakeTelegram

TOKEN = "7012345678:AAH3xq_TestTokenNeverLogged-9f8e7d6c5b4a"
BOT_USERNAME = "BeaconHelpBot"


class Published:
    """A ``publish`` that keeps events in memory (durable enough for a test in one process)."""

    def __init__(self) -> None:
        self.events: list[EventBase] = []
        self._changed = asyncio.Event()

    async def __call__(self, event: EventBase) -> None:
        self.events.append(event)
        self._changed.set()

    def of(self, kind: type) -> list[Any]:
        return [e for e in self.events if type(e) is kind]

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            self._changed.clear()
            value = predicate()
            if value:
                return value
            if loop.time() >= deadline:
                raise TimeoutError(f"condition not met; published so far: {[type(e).__name__ for e in self.events]}")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), 0.1)


def telegram_config(fake: FakeTelegram, **overrides: Any) -> TelegramConfig:
    values: dict[str, Any] = {"token": fake.token, "base_url": fake.base_url, "poll_timeout_s": 1,
                              "moderators_chat_id": -100123}
    values.update(overrides)
    return TelegramConfig(**values)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN, bot_username=BOT_USERNAME) as server:
        yield server


@pytest.fixture
async def make_adapter(fake: FakeTelegram) -> AsyncIterator[Callable[..., TelegramAdapter]]:
    made: list[TelegramAdapter] = []

    def make(**overrides: Any) -> TelegramAdapter:
        options = {k: overrides.pop(k) for k in list(overrides)
                   if k in ("limiter", "max_retries", "retry_delay_s", "bot_username", "headroom", "private_burst")}
        options.setdefault("bot_username", BOT_USERNAME)  # as from_settings takes it from brand.bot_usernames
        adapter = TelegramAdapter(telegram_config(fake, **overrides), **options)
        made.append(adapter)
        return adapter

    yield make
    for adapter in made:
        await adapter.stop()
        await adapter.aclose()


@pytest.fixture
async def adapter(make_adapter: Callable[..., TelegramAdapter]) -> TelegramAdapter:
    return make_adapter()


@pytest.fixture
async def running(adapter: TelegramAdapter) -> AsyncIterator[tuple[TelegramAdapter, Published]]:
    """The adapter polling the fake, publishing into a ``Published``."""
    published = Published()
    task = asyncio.create_task(adapter.run(published))
    await adapter.ensure_ready()
    yield adapter, published
    await adapter.stop()
    await asyncio.wait_for(task, 10)  # run() returns once stopped, and re-raises anything it died of
