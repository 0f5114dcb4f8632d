"""Events and actions: immutable, round-trip through JSON, idempotency keys per kind."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from beacon.actions import Button, SendMessage, decode_action, encode_action
from beacon.events import (
    ActionFailed,
    BotMembershipChanged,
    BotStarted,
    ButtonPressed,
    ChatKind,
    ChatRef,
    MemberJoined,
    MessageDeleted,
    MessageEdited,
    MessagePosted,
    UserRef,
    decode_event,
    encode_event,
)

AT = datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)
CHAT = ChatRef(platform="telegram", chat_id="-100500", kind=ChatKind.group)
USER = UserRef(platform="telegram", user_id="42", username="ann")

EVENTS = [
    MessagePosted(platform="telegram", chat=CHAT, message_id="5", author=USER, text="hi", occurred_at=AT),
    MessageEdited(platform="telegram", chat=CHAT, message_id="5", author=USER, text="hi!", edit_version=1700000000,
                  occurred_at=AT),
    MessageDeleted(platform="telegram", chat=CHAT, message_id="5", occurred_at=AT),
    MemberJoined(platform="telegram", chat=CHAT, user=USER, occurred_at=AT),
    ButtonPressed(platform="telegram", callback_id="cb1", chat=CHAT, message_id="9", user=USER, data="x",
                  occurred_at=AT),
    BotStarted(platform="telegram", chat=CHAT.model_copy(update={"kind": ChatKind.private, "chat_id": "42"}),
               message_id="1", user=USER, payload="p", occurred_at=AT),
    BotMembershipChanged(platform="telegram", chat=CHAT, status="administrator", can_delete=True, occurred_at=AT),
    ActionFailed(platform="telegram", action_key="k", action_type="send_direct", state="failed",
                 reason="never_started", user=USER, occurred_at=AT),
]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.type)
def test_round_trip(event) -> None:
    assert decode_event(encode_event(event)) == event


def test_keys_are_per_kind_and_never_the_update_id() -> None:
    keys = [e.idempotency_key for e in EVENTS]
    assert len(set(keys)) == len(keys)
    assert EVENTS[0].idempotency_key == "msg:telegram:-100500:5:0"
    assert EVENTS[1].idempotency_key == "msg:telegram:-100500:5:1700000000"
    assert EVENTS[3].idempotency_key == f"join:telegram:-100500:42:{int(AT.timestamp())}"
    assert EVENTS[4].idempotency_key == "button:telegram:cb1"


def test_events_are_immutable() -> None:
    with pytest.raises(ValidationError):
        EVENTS[0].text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("raw", [b"{}", b'{"type": "nope"}', b"not json", b'{"type": "message_posted"}'])
def test_unknown_or_bad_events_raise(raw: bytes) -> None:
    with pytest.raises(ValidationError):
        decode_event(raw)


def test_actions_round_trip_and_button_rules() -> None:
    action = SendMessage(key="k", platform="telegram", chat=CHAT, text="t",
                         buttons=((Button(text="Go", url="https://t.me/x?start=y"),),))
    assert decode_action(encode_action(action)) == action
    with pytest.raises(ValidationError):
        Button(text="x", data="d" * 65)
    with pytest.raises(ValidationError):
        Button(text="x")
