"""Rate limits for sending to platforms: token buckets in-process (aiolimiter) or shared in Redis.

A :class:`Bucket` is data — a name, ``rate`` tokens every ``per`` seconds, at most ``burst`` held —
and a :class:`LimitKey` names one bucket instance (the bucket plus e.g. a chat id). ``acquire``
waits until every named bucket has a token and takes one from each. Any window of ``T`` seconds
then sees at most ``burst + rate * T / per`` grants per bucket instance.

* :class:`InProcessRateLimiter` — the embedded default: one ``aiolimiter.AsyncLimiter`` per
  bucket instance (a leaky bucket with capacity ``burst``, which is the same token bucket).
* :class:`RedisRateLimiter` — with the Redis bus: every process shares the buckets in Redis, so N
  workers never send N times the limit. One Lua script per attempt checks and takes all of an
  ``acquire``'s buckets atomically on the server's clock, as GCRA (the token bucket kept as one
  "theoretical arrival time" per bucket instance, as in redis-cell). When a bucket is short it
  takes nothing and returns the wait; the caller sleeps that long and tries again. (Reserving a
  future slot instead would push a shared bucket's arrival time forward and idle it for every
  other chat until then.)
"""

from __future__ import annotations

import asyncio
import math
import random
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiolimiter import AsyncLimiter

if TYPE_CHECKING:
    import redis.asyncio as aioredis

    from beacon.config import TelegramConfig


@dataclass(frozen=True, slots=True)
class Bucket:
    """A token bucket: ``rate`` tokens every ``per`` seconds, holding at most ``burst`` tokens."""

    name: str
    rate: float
    per: float = 1.0
    burst: int = 1

    def __post_init__(self) -> None:
        if self.rate <= 0 or self.per <= 0:
            raise ValueError(f"bucket {self.name!r}: rate and per must be > 0")
        if self.burst < 1:
            raise ValueError(f"bucket {self.name!r}: burst must be >= 1")

    @classmethod
    def at_most(cls, name: str, limit: float, window_s: float, *, burst: int) -> "Bucket":
        """A bucket that never grants more than ``limit`` in any ``window_s`` seconds.

        A token bucket allows ``burst + rate · window`` per window, so the refill rate is what
        the limit leaves after the burst.
        """
        if not 1 <= burst < limit:
            raise ValueError(f"bucket {name!r}: need 1 <= burst < limit")
        return cls(name=name, rate=limit - burst, per=window_s, burst=burst)

    @property
    def per_second(self) -> float:
        return self.rate / self.per

    def max_in_window(self, window_s: float) -> float:
        """The most grants any window of ``window_s`` seconds can see."""
        return self.burst + self.per_second * window_s

    def key(self, key: str | int = "") -> "LimitKey":
        return LimitKey(self, str(key))


@dataclass(frozen=True, slots=True)
class LimitKey:
    """One instance of a bucket: ``key`` is a chat id, or empty for a bucket shared by all sends."""

    bucket: Bucket
    key: str = ""

    @property
    def name(self) -> str:
        return f"{self.bucket.name}:{self.key}" if self.key else self.bucket.name


class RateLimiter(ABC):
    """Waits until every bucket named has a token and takes one from each."""

    @abstractmethod
    async def acquire(self, *keys: LimitKey) -> None:
        """Return once a token was taken from every bucket in ``keys`` (which may mean waiting)."""

    @abstractmethod
    async def try_acquire(self, *keys: LimitKey) -> float:
        """Take the tokens and return 0.0 if every bucket has one now; else take none and return
        about how many seconds until they would (callers may requeue instead of waiting)."""

    async def close(self) -> None:
        """Release connections (the Redis limiter); nothing to do in-process."""


def _narrowest_first(keys: Iterable[LimitKey]) -> list[LimitKey]:
    # Holding a token of the tight bucket while waiting for the wide one wastes nothing; the other
    # way round would hold overall capacity hostage to one slow chat.
    return sorted(dict.fromkeys(keys), key=lambda k: k.bucket.per_second)


class InProcessRateLimiter(RateLimiter):
    """One ``aiolimiter.AsyncLimiter`` per bucket instance; for a single process (embedded default)."""

    def __init__(self, *, max_instances: int = 10_000) -> None:
        self._limiters: dict[LimitKey, AsyncLimiter] = {}
        self._max_instances = max_instances

    def _limiter(self, key: LimitKey) -> AsyncLimiter:
        limiter = self._limiters.get(key)
        if limiter is None:
            if len(self._limiters) >= self._max_instances:
                self._forget_idle()
            b = key.bucket
            # aiolimiter's leaky bucket holds max_rate and drains max_rate/time_period per second.
            limiter = self._limiters[key] = AsyncLimiter(b.burst, b.burst / b.per_second)
        return limiter

    def _forget_idle(self) -> None:
        """Drop limiters that are full again: they behave exactly like new ones (per-chat buckets pile up)."""
        for key, limiter in list(self._limiters.items()):
            if limiter.has_capacity(limiter.max_rate):
                del self._limiters[key]

    async def acquire(self, *keys: LimitKey) -> None:
        for key in _narrowest_first(keys):
            await self._limiter(key).acquire()

    async def try_acquire(self, *keys: LimitKey) -> float:
        ordered = _narrowest_first(keys)
        limiters = [self._limiter(k) for k in ordered]
        short = [k for k, lim in zip(ordered, limiters) if not lim.has_capacity()]
        if short:
            # aiolimiter does not expose its level; one token's drip time is the estimate.
            return max(1 / k.bucket.per_second for k in short)
        for limiter in limiters:  # each has capacity: none of these awaits actually waits
            await limiter.acquire()
        return 0.0


# KEYS: one state key per bucket instance; ARGV, per key: the emission interval T and the
# tolerance (burst - 1) * T, in ms. Each key holds its theoretical arrival time (TAT); a token is
# there when now >= TAT - tolerance. Returns "0" after taking one from every key, else the wait
# in ms (taking nothing). String replies: Lua numbers would be truncated to integers.
_GCRA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local wait = 0
local tats = {}
for i = 1, #KEYS do
  local tat = tonumber(redis.call('GET', KEYS[i]) or now)
  if tat < now then tat = now end
  tats[i] = tat
  local short = tat - tonumber(ARGV[2 * i]) - now
  if short > wait then wait = short end
end
if wait > 0 then return string.format('%.3f', wait) end
for i = 1, #KEYS do
  local tat = tats[i] + tonumber(ARGV[2 * i - 1])
  redis.call('SET', KEYS[i], string.format('%.3f', tat), 'PX', math.ceil(tat - now) + 1000)
end
return '0'
"""


class RedisRateLimiter(RateLimiter):
    """Buckets shared by every process through Redis (keys ``{prefix}:rl:{bucket}[:{key}]``)."""

    def __init__(self, client: "aioredis.Redis", *, prefix: str = "beacon", owns_client: bool = False) -> None:
        self.redis = client
        self.prefix = prefix
        self._owns_client = owns_client
        self._script = client.register_script(_GCRA)

    @classmethod
    def from_url(cls, url: str, *, prefix: str = "beacon") -> "RedisRateLimiter":
        import redis.asyncio as aioredis
        from redis.asyncio.retry import Retry
        from redis.backoff import ExponentialWithJitterBackoff
        from redis.exceptions import BusyLoadingError, ConnectionError, TimeoutError

        client = aioredis.Redis.from_url(
            url, retry=Retry(ExponentialWithJitterBackoff(cap=1.0, base=0.05), 40),
            retry_on_error=[ConnectionError, TimeoutError, BusyLoadingError, OSError], socket_connect_timeout=2.0,
        )
        return cls(client, prefix=prefix, owns_client=True)

    async def try_acquire(self, *keys: LimitKey) -> float:
        if not keys:
            return 0.0
        unique = list(dict.fromkeys(keys))
        args: list[float] = []
        for k in unique:
            interval_ms = 1000.0 / k.bucket.per_second
            args += [interval_ms, (k.bucket.burst - 1) * interval_ms]
        wait_ms = await self._script(keys=[f"{self.prefix}:rl:{k.name}" for k in unique], args=args)
        return float(wait_ms) / 1000

    async def acquire(self, *keys: LimitKey) -> None:
        while (wait := await self.try_acquire(*keys)) > 0:
            # A little jitter so that waiters of one bucket do not all come back at the same instant.
            await asyncio.sleep(wait * random.uniform(1.0, 1.1))

    async def close(self) -> None:
        if self._owns_client:
            await self.redis.aclose()


def open_rate_limiter(bus_url: str, *, prefix: str = "beacon") -> RateLimiter:
    """The limiter that matches the bus: shared in Redis with the Redis bus, in-process otherwise."""
    if bus_url.startswith(("redis://", "rediss://", "unix://")):
        return RedisRateLimiter.from_url(bus_url, prefix=prefix)
    return InProcessRateLimiter()


@dataclass(frozen=True, slots=True)
class TelegramBuckets:
    """Telegram's limits: about 30 messages/s overall, 20/min per group, about 1/s per chat."""

    overall: Bucket
    group: Bucket
    private: Bucket

    @classmethod
    def from_config(cls, config: "TelegramConfig | None" = None) -> "TelegramBuckets":
        overall = config.rate_overall_per_s if config else 30.0
        group = config.rate_group_per_min if config else 20.0
        private = config.rate_private_per_s if config else 1.0
        return cls(
            # Bursts kept small so that no window exceeds the documented figure.
            overall=_window_bucket("telegram:overall", overall, 1.0, burst=5),
            group=_window_bucket("telegram:group", group, 60.0, burst=3),
            # "About one per second" in a chat is a sustained rate; one message may follow at once.
            private=Bucket("telegram:chat", rate=private, per=1.0, burst=1),
        )

    def keys_for(self, chat_id: str | int, *, is_group: bool) -> tuple[LimitKey, ...]:
        """What one message to ``chat_id`` takes: the overall token plus the chat's own."""
        chat = self.group if is_group else self.private
        return (self.overall.key(), chat.key(chat_id))


def _window_bucket(name: str, limit: float, window_s: float, *, burst: int) -> Bucket:
    burst = max(1, min(burst, math.ceil(limit) - 1))
    if limit <= burst:  # a limit too small to split: plain rate, burst of one
        return Bucket(name, rate=limit, per=window_s, burst=1)
    return Bucket.at_most(name, limit, window_s, burst=burst)


# Discord: 50 requests/s per bot, globally (per-route buckets are followed by discord.py itself).
# Aim at 90% of it, as the Telegram adapter does: requests released in a bunch by the shared
# limiter otherwise brush the limit and draw the odd global 429.
DISCORD_GLOBAL = _window_bucket("discord:global", 45.0, 1.0, burst=10)
