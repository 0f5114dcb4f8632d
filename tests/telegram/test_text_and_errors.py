"""Pure parts: splitting long texts (property-tested) and reading Telegram's error descriptions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import error as tg

from beacon.actions import BadRequest, Forbidden, NotFound, PlatformError, RateLimited, TransientError
from bots.telegram.errors import map_error
from bots.telegram.text import split_text, truncate, utf16_len

texts = st.text(alphabet=st.sampled_from(list("ab \n") + ["é", "中", "🚀", "\u200b"]), max_size=400)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=2, max_value=60))
def test_split_fits_and_keeps_every_visible_character(text: str, limit: int) -> None:
    chunks = split_text(text, limit)
    assert all(0 < utf16_len(c) <= limit for c in chunks)
    assert all(c.strip() for c in chunks)
    assert re.sub(r"\s", "", "".join(chunks)) == re.sub(r"\s", "", text)
    if text.strip() and utf16_len(text) <= limit:
        assert chunks == [text]


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=2, max_value=60))
def test_truncate_fits(text: str, limit: int) -> None:
    cut = truncate(text, limit)
    assert utf16_len(cut) <= limit
    assert cut == text or cut.endswith("…")


def test_split_prefers_line_then_word_boundaries() -> None:
    text = "first line here\nsecond line is here"
    assert split_text(text, 20) == ["first line here\n", "second line is here"]
    assert split_text("alpha beta gamma delta", 12) == ["alpha beta ", "gamma delta"]


@pytest.mark.parametrize(
    ("exc", "kind", "reason"),
    [
        (tg.Forbidden("Forbidden: bot can't initiate conversation with a user"), Forbidden, "never_started"),
        (tg.Forbidden("Forbidden: bot was blocked by the user"), Forbidden, "blocked"),
        (tg.Forbidden("Forbidden: bot was kicked from the supergroup chat"), Forbidden, "kicked"),
        (tg.Forbidden("Forbidden: bot is not a member of the channel chat"), Forbidden, "kicked"),
        (tg.Forbidden("Forbidden: user is deactivated"), Forbidden, "other"),
        (tg.BadRequest("Bad Request: not enough rights to restrict/unrestrict chat member"), Forbidden, "no_rights"),
        (tg.BadRequest("Bad Request: need administrator rights in the channel chat"), Forbidden, "no_rights"),
        (tg.BadRequest("Bad Request: message can't be deleted"), Forbidden, "no_rights"),
        (tg.BadRequest("Bad Request: message to delete not found"), NotFound, None),
        (tg.BadRequest("Bad Request: chat not found"), NotFound, None),
        (tg.BadRequest("Bad Request: query is too old and response timeout expired or query id is invalid"),
         NotFound, None),
        (tg.BadRequest("Bad Request: BUTTON_DATA_INVALID"), BadRequest, None),
        (tg.BadRequest("Bad Request: message is too long"), BadRequest, None),
        (tg.RetryAfter(7), RateLimited, None),
        (tg.TimedOut("Timed out"), TransientError, None),
        (tg.NetworkError("httpx.ConnectError: boom"), TransientError, None),
        (tg.InvalidToken("Unauthorized"), PlatformError, None),
    ],
)
def test_error_mapping(exc: tg.TelegramError, kind: type, reason: str | None) -> None:
    mapped = map_error(exc)
    assert type(mapped) is kind
    if reason is not None:
        assert mapped.reason == reason  # type: ignore[attr-defined]
    if isinstance(mapped, RateLimited):
        assert mapped.retry_after == 7 and mapped.retryable


def test_timeout_says_the_outcome_is_unknown() -> None:
    assert "outcome unknown" in str(map_error(tg.TimedOut()))


def test_error_text_never_repeats_the_token() -> None:
    token = "7012345678:AAH3xq_TestTokenNeverLogged-9f8e7d6c5b4a"
    mapped = map_error(tg.NetworkError(f"could not reach https://api.telegram.org/bot{token}/sendMessage"), mask=token)
    assert token not in str(mapped)
