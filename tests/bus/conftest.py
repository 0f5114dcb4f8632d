"""The bus behaviour suite runs against every implementation through one ``bus_factory`` fixture."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Protocol

import pytest

from beacon.bus import Bus
from beacon.bus.memory import InProcessBus
from beacon.storage import db

# Short windows keep the suite fast: handlers time out / are reclaimed after 1 s, 3 deliveries max.
VISIBILITY_TIMEOUT_S = 1.0
MAX_ATTEMPTS = 3
CLOSE_TIMEOUT_S = 20.0


class BusFactory(Protocol):
    kind: str
    spec: dict[str, Any]

    async def __call__(self, *, reopen: bool = False, **overrides: Any) -> Bus: ...


class _Factory:
    """Builds started buses over one durable store (an SQLite inbox, or one Redis key prefix).

    ``factory()`` is a first instance; ``factory(reopen=True)`` is a fresh instance over the same
    store, as after a restart (for the in-process bus, every earlier instance must be closed: one
    process owns an inbox). ``spec`` is what a subprocess needs to build the same bus.
    """

    def __init__(self, kind: str, spec: dict[str, Any]) -> None:
        self.kind = kind
        self.spec = spec
        self.opened: list[Bus] = []

    async def __call__(self, *, reopen: bool = False, **overrides: Any) -> Bus:
        if reopen and not self.opened:
            raise AssertionError("reopen=True needs an earlier instance")
        if self.kind == "memory" and any(not b._closed for b in self.opened):  # type: ignore[attr-defined]
            raise AssertionError("close the previous in-process bus first: one process owns an inbox")
        bus = build_bus(self.spec, **overrides)
        await bus.start()
        self.opened.append(bus)
        return bus


def build_bus(spec: dict[str, Any], **overrides: Any) -> Bus:
    """Build (not start) a bus from a JSON-able spec; shared with the crash-test subprocess."""
    options = {"visibility_timeout_s": VISIBILITY_TIMEOUT_S, "max_attempts": MAX_ATTEMPTS, **overrides}
    if spec["kind"] == "memory":
        options.setdefault("retry_delay_s", 0.01)
        return InProcessBus.from_url("memory://", database_url=spec["database_url"], **options)
    from beacon.bus.redis import RedisStreamsBus

    return RedisStreamsBus.from_url(spec["url"], prefix=spec["prefix"], **options)


@pytest.fixture(params=["memory", "redis"])
async def bus_factory(request: pytest.FixtureRequest, tmp_path: Path, unique_name: str) -> AsyncIterator[_Factory]:
    """Started buses of one implementation over one durable store; all closed at teardown."""
    if request.param == "memory":
        url = f"sqlite:///{tmp_path / 'bus.db'}"
        await db.upgrade(url)
        factory = _Factory("memory", {"kind": "memory", "database_url": url})
    else:
        try:
            import beacon.bus.redis  # noqa: F401
        except ImportError as exc:
            pytest.skip(f"beacon.bus.redis does not import yet ({exc}); the Redis bus lands with issue 4")
        redis_url = request.getfixturevalue("redis_url")
        factory = _Factory("redis", {"kind": "redis", "url": redis_url, "prefix": unique_name})
    hung: list[str] = []
    try:
        yield factory
    finally:
        for bus in reversed(factory.opened):
            try:
                await asyncio.wait_for(bus.close(), CLOSE_TIMEOUT_S)
            except asyncio.TimeoutError:
                hung.append(f"{type(bus).__name__} (tasks still running: {_running_tasks()})")
            except Exception:  # noqa: BLE001 - a bus the test already closed may refuse a second close
                pass
        if factory.kind == "redis":
            await _drop_redis_keys(factory.spec["url"], factory.spec["prefix"])
    # Shutdown is part of the contract: "the one in hand finishes", it must not hang.
    assert not hung, f"{', '.join(hung)}.close() did not return within {CLOSE_TIMEOUT_S:g} s"


def _running_tasks() -> str:
    """Where each live task stands, to tell which part of a shutdown hangs."""
    current = asyncio.current_task()
    where = []
    for task in asyncio.all_tasks():
        if task is current:
            continue
        frames = task.get_stack(limit=1)
        place = f"{frames[0].f_code.co_name}:{frames[0].f_lineno}" if frames else "?"
        where.append(f"{task.get_name()} at {place}")
    return "; ".join(sorted(where)) or "none"


async def _drop_redis_keys(url: str, prefix: str) -> None:
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(url)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}:*", count=500)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()
