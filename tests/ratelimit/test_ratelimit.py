"""Shared token buckets never grant more than burst + rate·T in any window, in-process or in Redis."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from beacon.config import TelegramConfig
from beacon.ratelimit import (
    DISCORD_GLOBAL,
    Bucket,
    InProcessRateLimiter,
    RateLimiter,
    RedisRateLimiter,
    TelegramBuckets,
    open_rate_limiter,
)
from tests.bus_redis.support import delete_prefix

REPO = Path(__file__).resolve().parents[2]


def max_in_any_window(times: list[float], window_s: float) -> int:
    times = sorted(times)
    best, j = 0, 0
    for i, start in enumerate(times):
        while j < len(times) and times[j] < start + window_s:
            j += 1
        best = max(best, j - i)
    return best


@pytest.fixture(params=["memory", "redis"])
async def limiter(request, unique_name) -> RateLimiter:
    if request.param == "memory":
        lim: RateLimiter = InProcessRateLimiter()
        yield lim
        return
    url = request.getfixturevalue("redis_url")
    lim = RedisRateLimiter.from_url(url, prefix=unique_name)
    yield lim
    await lim.close()
    await delete_prefix(url, unique_name)


def max_surely_in_window(grants: list[tuple[float, float]], window_s: float) -> int:
    """Most grants certainly made inside one window: each grant happened somewhere between its
    ``acquire`` call and its return, so only grants whose whole interval fits count. A busy machine
    that resumes tasks late widens the intervals (fewer count), never bunches them into a false excess."""
    best = 0
    for start, _ in grants:
        best = max(best, sum(1 for s, e in grants if s >= start and e < start + window_s))
    return best


async def grant_times(limiter: RateLimiter, keys, *, tasks: int, duration_s: float) -> list[tuple[float, float]]:
    """(called, returned) of every grant ``tasks`` tasks took in ``duration_s``."""
    loop = asyncio.get_running_loop()
    end = loop.time() + duration_s
    grants: list[tuple[float, float]] = []

    async def run() -> None:
        while loop.time() < end:
            called = loop.time()
            await limiter.acquire(*keys)
            grants.append((called, loop.time()))

    await asyncio.gather(*(run() for _ in range(tasks)))
    return [g for g in grants if g[1] < end]


async def test_tasks_sharing_a_bucket_stay_within_it(limiter):
    bucket = Bucket("test:shared", rate=20, per=1.0, burst=3)
    grants = await grant_times(limiter, [bucket.key()], tasks=8, duration_s=0.6)
    # Any 0.25 s window: at most burst + 5.
    assert max_surely_in_window(grants, 0.25) <= bucket.max_in_window(0.25)
    assert len(grants) <= bucket.max_in_window(0.6) + 2
    assert len(grants) >= 0.5 * bucket.per_second * 0.6  # and it does not starve


async def test_one_acquire_takes_every_bucket_named(limiter):
    overall = Bucket("test:overall", rate=30, per=1.0, burst=2)
    chat = Bucket("test:chat", rate=8, per=1.0, burst=1)
    per_chat: dict[str, list[tuple[float, float]]] = {}

    async def chat_sender(chat_id: str) -> None:
        per_chat[chat_id] = await grant_times(limiter, [overall.key(), chat.key(chat_id)], tasks=2, duration_s=0.6)

    await asyncio.gather(*(chat_sender(f"c{i}") for i in range(6)))
    every = [t for times in per_chat.values() for t in times]
    for times in per_chat.values():
        assert max_surely_in_window(times, 0.5) <= chat.max_in_window(0.5)
    assert max_surely_in_window(every, 0.25) <= overall.max_in_window(0.25)
    # 6 chats could take 48/s; the overall bucket holds them to about 30.
    assert len(every) <= overall.max_in_window(0.6) + 2
    assert len(every) >= 0.5 * 30 * 0.6


async def test_try_acquire_takes_nothing_when_short(limiter):
    a = Bucket("test:a", rate=1, per=10.0, burst=1)
    b = Bucket("test:b", rate=100, per=1.0, burst=5)
    assert await limiter.try_acquire(a.key("x"), b.key()) == 0.0
    wait = await limiter.try_acquire(a.key("x"), b.key())
    assert wait > 1.0  # about 10 s until a's next token
    # The refused attempt took nothing from b: its remaining burst of four is all there.
    for _ in range(4):
        assert await limiter.try_acquire(b.key()) == 0.0


async def test_processes_sharing_the_redis_limiter_never_exceed_it(redis_url, unique_name):
    bucket = Bucket("test:procs", rate=15, per=1.0, burst=2)
    seconds = 1.5
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.ratelimit.acquire_proc", "--url", redis_url, "--prefix", unique_name,
            "--bucket", json.dumps(asdict(bucket)), "--seconds", str(seconds),
            cwd=str(REPO), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(3)
    ]
    client = aioredis.Redis.from_url(redis_url)
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert (await asyncio.wait_for(proc.stdout.readline(), timeout=60)).strip() == b"ready"
        start_at = time.time() + 0.2
        await client.rpush(f"{unique_name}:go", *[str(start_at)] * len(procs))
        outputs = [await asyncio.wait_for(p.communicate(), timeout=60) for p in procs]
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
        await client.aclose()
        await delete_prefix(redis_url, unique_name)
    per_process = []
    for (out, err), proc in zip(outputs, procs):
        assert proc.returncode == 0, err.decode()[-2000:]
        per_process.append(json.loads(out))
    grants = [t for times in per_process for t in times]
    print(f"grants per process {[len(t) for t in per_process]}, total {len(grants)}, "
          f"max in 0.5 s {max_in_any_window(grants, 0.5)}")
    # Three processes with three tasks each, one bucket: together, never more than the bucket.
    assert max_in_any_window(grants, 0.5) <= bucket.max_in_window(0.5) + 2
    assert len(grants) <= bucket.max_in_window(seconds) + 2
    assert len(grants) >= 0.5 * bucket.per_second * seconds
    assert sum(1 for times in per_process if times) >= 2  # it really was shared


def test_bucket_definitions():
    tg = TelegramBuckets.from_config(TelegramConfig(token="x"))
    # No window of the documented length exceeds the documented limit.
    assert tg.overall.max_in_window(1.0) == pytest.approx(30)
    assert tg.group.max_in_window(60.0) == pytest.approx(20)
    assert tg.private.per_second == pytest.approx(1.0)
    # Discord's 50/s, aimed at 90% so bunched requests stay clear of the global 429.
    assert DISCORD_GLOBAL.max_in_window(1.0) == pytest.approx(45)
    overall, chat = tg.keys_for(-100123, is_group=True)
    assert overall.name == "telegram:overall" and chat.name == "telegram:group:-100123"
    assert tg.keys_for(42, is_group=False)[1].name == "telegram:chat:42"
    slow = TelegramBuckets.from_config(TelegramConfig(token="x", rate_group_per_min=2, rate_overall_per_s=1))
    assert slow.group.max_in_window(60.0) <= 2 + 1e-9 and slow.overall.per_second == pytest.approx(1.0)
    with pytest.raises(ValueError):
        Bucket("bad", rate=0)


def test_open_rate_limiter_follows_the_bus_url():
    assert isinstance(open_rate_limiter("memory://"), InProcessRateLimiter)
    assert isinstance(open_rate_limiter("redis://127.0.0.1:6379/15"), RedisRateLimiter)
