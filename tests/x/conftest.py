"""Fixtures: the fake X API, adapters pointed at it (real tweepy over real HTTP) and a migrated SQLite database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from beacon.config import XConfig
from beacon.storage import db
from bots.x import XAdapter
from tests.fakes.x import FakeX, RateLimit
from tests.telegram.conftest import Published

CONSUMER_SECRET = "fake-consumer-secret-NeverLogged-0123456789abcdef"
ACCESS_SECRET = "fake-access-secret-NeverLogged-0123456789abcdef"

__all__ = ["Published", "x_config", "poll_until", "RateLimit"]


def x_config(fake: FakeX, **overrides: Any) -> XConfig:
    values: dict[str, Any] = {
        "user_id": fake.brand.id, "bearer_token": fake.bearer_token, "consumer_key": fake.consumer_key,
        "consumer_secret": CONSUMER_SECRET, "access_token": fake.access_token,
        "access_token_secret": ACCESS_SECRET, "api_url": fake.api_url, "poll_interval_s": 0.05,
        "dm_poll_interval_s": 0.05,
        "rate_window_s": 1.0,  # the budget floor (window / limit) far below the test interval
    }
    values.update(overrides)
    return XConfig(**values)


async def poll_until(adapter: XAdapter, polls: int, timeout: float = 10.0, *, counter: str = "polls") -> None:
    """Wait until the running adapter completed ``polls`` polls (``counter``: "polls" for mentions,
    "dm_polls" for DMs)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while getattr(adapter, counter) < polls:
        if loop.time() > deadline:
            raise TimeoutError(f"only {getattr(adapter, counter)} {counter} done")
        await asyncio.sleep(0.01)


@pytest.fixture
async def fake() -> AsyncIterator[FakeX]:
    async with FakeX() as server:
        yield server


@pytest.fixture
async def database_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'beacon.db'}"
    await db.ensure_schema(url)
    return url


@pytest.fixture
async def make_adapter(fake: FakeX, database_url: str) -> AsyncIterator[Callable[..., XAdapter]]:
    made: list[XAdapter] = []

    def make(**overrides: Any) -> XAdapter:
        options = {k: overrides.pop(k) for k in list(overrides) if k in ("metrics", "page_size")}
        adapter = XAdapter(x_config(fake, **overrides), database_url=database_url, **options)
        made.append(adapter)
        return adapter

    yield make
    for adapter in made:
        await adapter.aclose()
