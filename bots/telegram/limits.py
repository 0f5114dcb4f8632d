"""Send-rate limits for the Telegram bot: overall, per group and per private chat, with 429 retries.

Two PTB rate limiters behind one seam (``ExtBot(rate_limiter=…)``):

* ``TelegramRateLimiter`` (the embedded default): PTB's ``AIORateLimiter`` for the overall and
  per-group limits, plus a per-private-chat bucket that AIORateLimiter does not have.
* ``SharedLimiterBridge``: the same scopes, counted by a ``beacon.ratelimit.RateLimiter`` — with
  the Redis bus, the one limiter every sending process shares (DESIGN.md, rate limits).

Only message-producing methods are throttled: Telegram's flood limits are about messages, and
throttling deletes or getChatMember at 20/min per group would slow moderation for nothing. Every
method still retries a 429 after its ``retry_after``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter, BaseRateLimiter

from beacon.ratelimit import RateLimiter, TelegramBuckets

log = logging.getLogger(__name__)

SEND_ENDPOINTS = frozenset({
    "sendMessage", "sendPhoto", "sendDocument", "sendVideo", "sendAudio", "sendVoice", "sendAnimation",
    "sendSticker", "sendMediaGroup", "sendPoll", "sendLocation", "sendContact", "sendVenue", "sendDice",
    "copyMessage", "copyMessages", "forwardMessage", "forwardMessages",
})


@dataclass(frozen=True)
class SendLimits:
    """Telegram's documented limits; tests and benchmarks may use others."""

    overall_per_s: float = 30.0
    group_per_min: float = 20.0
    private_per_s: float = 1.0
    private_burst: int = 3  # short bursts to one member are fine, a steady stream is not


def retry_after_seconds(exc: RetryAfter) -> float:
    value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _chat_id(data: dict[str, Any] | None) -> int | str | None:
    raw = (data or {}).get("chat_id")
    if raw is None:
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        return str(raw)  # @channelusername


async def _with_retries(callback: Any, args: Any, kwargs: Any, max_retries: int) -> Any:
    for attempt in range(max_retries + 1):
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            if attempt == max_retries:
                raise
            delay = retry_after_seconds(exc) + 0.1
            log.info("Telegram asked to wait %.1fs (429); retrying", delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover


class TelegramRateLimiter(AIORateLimiter):
    """AIORateLimiter (overall + per group) plus a leaky bucket per private chat."""

    def __init__(self, limits: SendLimits = SendLimits(), *, max_retries: int = 3) -> None:
        if max_retries < 1:
            raise ValueError("max_retries must be at least 1, or 429s are not retried")
        super().__init__(overall_max_rate=limits.overall_per_s, overall_time_period=1,
                         group_max_rate=limits.group_per_min, group_time_period=60, max_retries=max_retries)
        self.limits = limits
        self.retries = max_retries
        self._private: dict[int, AsyncLimiter] = {}

    def _private_limiter(self, chat_id: int) -> AsyncLimiter:
        limiter = self._private.get(chat_id)
        if limiter is None:
            if len(self._private) > 1024:  # forget idle buckets (full capacity = nothing to remember)
                for key, old in list(self._private.items()):
                    if old.has_capacity(old.max_rate):
                        del self._private[key]
            burst = self.limits.private_burst
            limiter = self._private[chat_id] = AsyncLimiter(burst, burst / self.limits.private_per_s)
        return limiter

    async def process_request(  # type: ignore[override]
        self,
        callback: Any,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Coroutine[Any, Any, Any] | Any:
        if endpoint not in SEND_ENDPOINTS:
            return await _with_retries(callback, args, kwargs, rate_limit_args or self.retries)
        chat_id = _chat_id(data)
        if isinstance(chat_id, int) and chat_id > 0:
            private = self._private_limiter(chat_id)

            # Taken after the overall slot, right before the request: a private slot taken earlier and
            # then held up by the overall limiter would make the sends bunch up at Telegram's end.
            async def throttled(*call_args: Any, **call_kwargs: Any) -> Any:
                async with private:
                    return await callback(*call_args, **call_kwargs)

            return await super().process_request(throttled, args, kwargs, endpoint, data, rate_limit_args)
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)


class SharedLimiterBridge(BaseRateLimiter[int]):
    """The same scopes as ``TelegramRateLimiter``, counted by ``beacon.ratelimit`` (e.g. shared in Redis)."""

    def __init__(self, shared: RateLimiter, buckets: TelegramBuckets, *, max_retries: int = 3) -> None:
        self.shared = shared
        self.buckets = buckets
        self.retries = max_retries

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(  # type: ignore[override]
        self,
        callback: Any,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        chat_id = _chat_id(data) if endpoint in SEND_ENDPOINTS else None
        if chat_id is None:
            return await _with_retries(callback, args, kwargs, rate_limit_args or self.retries)
        keys = self.buckets.keys_for(chat_id, is_group=not (isinstance(chat_id, int) and chat_id > 0))

        async def throttled(*call_args: Any, **call_kwargs: Any) -> Any:
            await self.shared.acquire(*keys)  # per attempt: a retried send is another message to Telegram
            return await callback(*call_args, **call_kwargs)

        return await _with_retries(throttled, args, kwargs, rate_limit_args or self.retries)
