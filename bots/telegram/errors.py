"""PTB exceptions → the typed errors of ``beacon.actions`` that domain code and the outbox handle."""

from __future__ import annotations

from telegram import error as tg

from beacon.actions import BadRequest, Forbidden, NotFound, PlatformError, RateLimited, TransientError
from bots.telegram.limits import retry_after_seconds

# Lower-case fragments of Telegram's descriptions, checked in order.
_FORBIDDEN_REASONS = (
    ("can't initiate conversation", "never_started"),
    ("blocked by the user", "blocked"),
    ("kicked from", "kicked"),
    ("not a member of", "kicked"),
    ("user is deactivated", "other"),
)
_NO_RIGHTS = (
    "not enough rights",
    "need administrator rights",
    "chat_admin_required",
    "have no rights",
    "message can't be deleted",  # no delete right (or older than 48 h, which Telegram words the same)
)
_NOT_FOUND = ("not found", "participant_id_invalid", "query is too old", "query id is invalid", "chat_id is empty")


def map_error(exc: tg.TelegramError, *, mask: str = "") -> PlatformError:
    """The ``beacon.actions`` error for a PTB exception (``mask``: a secret never to repeat)."""
    text = exc.message
    if mask:
        text = text.replace(mask, "***")
    lower = text.lower()
    if isinstance(exc, tg.RetryAfter):
        return RateLimited(f"rate limited by Telegram: {text}", retry_after=retry_after_seconds(exc))
    if isinstance(exc, tg.TimedOut):
        # The request may have reached Telegram: a send that timed out may or may not have landed.
        return TransientError(f"timed out, outcome unknown: {text}")
    if isinstance(exc, tg.Forbidden):
        reason = next((r for fragment, r in _FORBIDDEN_REASONS if fragment in lower), "other")
        return Forbidden(text, reason=reason)  # type: ignore[arg-type]
    if isinstance(exc, tg.BadRequest):
        if any(fragment in lower for fragment in _NO_RIGHTS):
            return Forbidden(text, reason="no_rights", code=400)
        if any(fragment in lower for fragment in _NOT_FOUND):
            return NotFound(text, code=400)
        return BadRequest(text, code=400)
    if isinstance(exc, tg.InvalidToken):
        return PlatformError("Telegram rejected the bot token (check telegram.token)", code=401)
    if isinstance(exc, (tg.NetworkError, tg.Conflict)):
        return TransientError(text)
    return PlatformError(text)
