"""Console grammar: each line becomes the events a platform would send."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from beacon.events import BotMembershipChanged, BotStarted, ButtonPressed, ChatKind, MemberJoined, MessagePosted
from bots.console.adapter import ConsoleLineError, _State, parse_line


def parse(line: str, state: _State | None = None):
    return parse_line(line, state or _State(), "AcmeHelpBot")


def test_group_post_and_reply() -> None:
    state = _State()
    [first] = parse("@alice: hello @AcmeHelpBot", state)
    assert isinstance(first, MessagePosted) and first.chat.chat_id == "general" and first.mentions_bot
    [second] = parse("#vip @bob > 1: hi", state)
    assert second.chat.chat_id == "vip" and second.reply_to_message_id == "1" and second.message_id == "1"


def test_dm_and_start_payload() -> None:
    [started] = parse("dm @alice: /start abc-123")
    assert isinstance(started, BotStarted) and started.payload == "abc-123"
    assert started.chat.kind is ChatKind.private
    [dm] = parse("dm @alice: my deposit is missing")
    assert isinstance(dm, MessagePosted) and dm.chat.kind is ChatKind.private


def test_press_join_admin() -> None:
    state = _State()
    [press] = parse("press @alice #general 7 claim:42", state)
    assert isinstance(press, ButtonPressed) and press.data == "claim:42" and press.message_id == "7"
    [join] = parse('join #general @eve "Acme Support"', state)
    assert isinstance(join, MemberJoined) and join.user.display_name == "Acme Support"
    [admin] = parse("admin #general", state)
    assert isinstance(admin, BotMembershipChanged) and admin.can_delete


def test_comments_and_blank_lines() -> None:
    assert parse("") == [] and parse("# a comment") == []


def test_bad_line_is_a_clear_error() -> None:
    with pytest.raises(ConsoleLineError, match="cannot parse"):
        parse("what is this")


@given(st.text(max_size=300))
def test_any_text_parses_or_fails_cleanly(line: str) -> None:
    try:
        parse(line)
    except ConsoleLineError:
        pass


def test_idempotency_keys_differ_per_kind() -> None:
    state = _State()
    [post] = parse("@alice: x", state)
    [press] = parse("press @alice #general 1 ok", state)
    assert post.idempotency_key == "msg:console:general:1:0"
    assert press.idempotency_key.startswith("button:console:")
