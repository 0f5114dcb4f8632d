"""discord.py exceptions → the typed errors of ``beacon.actions`` that domain code and the outbox handle."""

from __future__ import annotations

import asyncio

import aiohttp
import discord

from beacon.actions import BadRequest, Forbidden, NotFound, PlatformError, RateLimited, TransientError

# Discord's JSON error codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
CANNOT_DM = 50007  # "Cannot send messages to this user": DMs closed, no shared guild, or blocked
MISSING_ACCESS = 50001
MISSING_PERMISSIONS = 50013
NOT_FOUND_CODES = frozenset({
    10003,  # Unknown Channel
    10004,  # Unknown Guild
    10007,  # Unknown Member
    10008,  # Unknown Message
    10013,  # Unknown User
    10015,  # Unknown Webhook (an interaction token past its 15 minutes)
    10026,  # Unknown Ban
    10062,  # Unknown interaction (not answered within 3 s)
})
ALREADY_ACKNOWLEDGED = 40060


def map_error(exc: BaseException) -> PlatformError:
    """The ``beacon.actions`` error for an exception raised while calling Discord."""
    if isinstance(exc, discord.RateLimited):
        # Only raised when a wait is longer than the client's max_ratelimit_timeout: requeue instead.
        return RateLimited(f"rate limited by Discord for {exc.retry_after:.1f}s", retry_after=exc.retry_after)
    if isinstance(exc, discord.HTTPException):
        text = f"{exc.status} {exc.text or exc.response.reason}".strip()
        if exc.code:
            text += f" (code {exc.code})"
        if isinstance(exc, discord.DiscordServerError):
            # A 5xx after discord.py's own retries: the request may or may not have been applied.
            return TransientError(f"Discord server error, outcome unknown: {text}", code=exc.status)
        if exc.status == 429:
            return RateLimited(f"rate limited by Discord: {text}", retry_after=1.0)
        if isinstance(exc, discord.Forbidden):
            if exc.code == CANNOT_DM:
                return Forbidden(text, reason="dm_closed", code=exc.code)
            if exc.code in (MISSING_PERMISSIONS, MISSING_ACCESS):
                return Forbidden(text, reason="no_rights", code=exc.code)
            return Forbidden(text, reason="other", code=exc.code)
        if isinstance(exc, discord.NotFound) or exc.code in NOT_FOUND_CODES:
            return NotFound(text, code=exc.code or exc.status)
        if exc.status == 401:
            return PlatformError("Discord rejected the bot token (check discord.token)", code=401)
        return BadRequest(text, code=exc.code or exc.status)
    if isinstance(exc, (aiohttp.ClientError, OSError, asyncio.TimeoutError)):
        return TransientError(f"network error talking to Discord, outcome unknown: {type(exc).__name__}: {exc}")
    return PlatformError(f"{type(exc).__name__}: {exc}")


ERRORS = (discord.DiscordException, aiohttp.ClientError, OSError, asyncio.TimeoutError)
