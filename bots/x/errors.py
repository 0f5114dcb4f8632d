"""tweepy exceptions → the typed errors of ``beacon.actions`` that domain code and the outbox handle."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import tweepy

from beacon.actions import BadRequest, Forbidden, NotFound, PlatformError, RateLimited, TransientError

ERRORS = (tweepy.TweepyException, aiohttp.ClientError, OSError, asyncio.TimeoutError)


def wait_for_reset(exc: tweepy.TooManyRequests, *, now: float | None = None, minimum_s: float = 1.0) -> float:
    """Seconds until X's ``x-rate-limit-reset`` (epoch seconds), at least ``minimum_s`` (a whole window when absent)."""
    if exc.reset_time is None:
        return 15 * 60.0
    return max(minimum_s, exc.reset_time - (time.time() if now is None else now))


def describe(exc: tweepy.HTTPException) -> str:
    details = "; ".join(str(m) for m in exc.api_messages) or getattr(exc.response, "reason", "") or ""
    return f"{exc.response.status} {details}".strip()


def map_error(exc: BaseException, *, on_forbidden: str = "other") -> PlatformError:
    """The ``beacon.actions`` error for an exception raised while calling X.

    ``on_forbidden`` names what a 403 means for this call (``dm_closed`` for DMs, ``no_rights`` for hiding).
    """
    if isinstance(exc, tweepy.TooManyRequests):
        wait = wait_for_reset(exc)
        return RateLimited(f"rate limited by X for {wait:.0f}s", retry_after=wait)
    if isinstance(exc, tweepy.HTTPException):
        text = describe(exc)
        if isinstance(exc, tweepy.TwitterServerError):
            return TransientError(f"X server error, outcome unknown: {text}", code=exc.response.status)
        if isinstance(exc, tweepy.Forbidden):
            if "deleted or not visible" in text:
                return NotFound(text, code=403)
            return Forbidden(text, reason=on_forbidden, code=403)  # type: ignore[arg-type]
        if isinstance(exc, tweepy.NotFound):
            return NotFound(text, code=404)
        if isinstance(exc, tweepy.Unauthorized):
            return PlatformError("X rejected the credentials (check the x section of the config)", code=401)
        return BadRequest(text, code=exc.response.status)
    if isinstance(exc, (aiohttp.ClientError, OSError, asyncio.TimeoutError)):
        return TransientError(f"network error talking to X, outcome unknown: {type(exc).__name__}: {exc}")
    return PlatformError(f"{type(exc).__name__}: {exc}")
