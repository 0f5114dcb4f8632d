"""Inbound events: what adapters publish, platform-neutral, typed and immutable."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Frozen(BaseModel):
    """Base for value objects: immutable, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class ChatKind(str, Enum):
    group = "group"  # groups, supergroups, guild text channels
    channel = "channel"  # broadcast channels
    forum_thread = "forum_thread"  # a topic of a forum / a thread
    private = "private"  # a DM with the bot
    # A thread only its members see (a member and staff): private like a DM, though it lives in a server.
    private_thread = "private_thread"
    public_feed = "public_feed"  # e.g. X mentions timeline


class ChatRef(Frozen):
    """A conversation on a platform. ``thread_id`` selects a forum topic or thread."""

    platform: str
    chat_id: str
    kind: ChatKind = ChatKind.group
    thread_id: str | None = None
    title: str | None = None

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.chat_id}"


class UserRef(Frozen):
    platform: str
    user_id: str
    username: str | None = None
    display_name: str | None = None
    language_code: str | None = None
    is_bot: bool = False

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.user_id}"


class MessageRef(Frozen):
    chat: ChatRef
    message_id: str


class Attachment(Frozen):
    kind: Literal["photo", "document", "video", "audio", "other"]
    file_id: str  # platform file handle to download later
    file_name: str | None = None
    mime_type: str | None = None
    size: int | None = None


class EventBase(Frozen):
    platform: str
    occurred_at: datetime = Field(default_factory=utcnow)

    @property
    def idempotency_key(self) -> str:  # pragma: no cover - every concrete event overrides
        raise NotImplementedError

    @property
    def ordering_key(self) -> str:
        """Events with the same ordering key are handled in order (per chat)."""
        chat = getattr(self, "chat", None)
        return chat.key if chat is not None else self.platform


class MessagePosted(EventBase):
    """A new message in a group, channel, thread or DM (attachments and mentions included)."""

    type: Literal["message_posted"] = "message_posted"
    chat: ChatRef
    message_id: str
    author: UserRef
    text: str = ""
    reply_to_message_id: str | None = None
    reply_to_bot: bool = False
    mentions_bot: bool = False
    attachments: tuple[Attachment, ...] = ()
    forwarded_from: UserRef | None = None
    edit_version: int = 0

    @property
    def idempotency_key(self) -> str:
        return f"msg:{self.platform}:{self.chat.chat_id}:{self.message_id}:{self.edit_version}"

    @property
    def ref(self) -> MessageRef:
        return MessageRef(chat=self.chat, message_id=self.message_id)


class MessageEdited(MessagePosted):
    """An edit of an earlier message; ``edit_version`` grows with each edit (edit date)."""

    type: Literal["message_edited"] = "message_edited"  # type: ignore[assignment]


class MessageDeleted(EventBase):
    type: Literal["message_deleted"] = "message_deleted"
    chat: ChatRef
    message_id: str

    @property
    def idempotency_key(self) -> str:
        return f"del:{self.platform}:{self.chat.chat_id}:{self.message_id}"


class MemberJoined(EventBase):
    type: Literal["member_joined"] = "member_joined"
    chat: ChatRef
    user: UserRef

    @property
    def idempotency_key(self) -> str:
        return f"join:{self.platform}:{self.chat.chat_id}:{self.user.user_id}:{int(self.occurred_at.timestamp())}"


class ButtonPressed(EventBase):
    type: Literal["button_pressed"] = "button_pressed"
    callback_id: str  # the platform's callback / interaction id
    chat: ChatRef
    message_id: str | None
    user: UserRef
    data: str
    # Whether the presser administers this chat, asked of the platform at the moment of the press
    # (None when the adapter could not tell). Rights are re-checked per press, never cached.
    presser_is_admin: bool | None = None

    @property
    def idempotency_key(self) -> str:
        return f"button:{self.platform}:{self.callback_id}"


class BotStarted(EventBase):
    """A member opened a DM with the bot, possibly through a deep link carrying ``payload``."""

    type: Literal["bot_started"] = "bot_started"
    chat: ChatRef
    message_id: str
    user: UserRef
    payload: str | None = None

    @property
    def idempotency_key(self) -> str:
        return f"msg:{self.platform}:{self.chat.chat_id}:{self.message_id}:0"


class BotMembershipChanged(EventBase):
    """The bot was added to, removed from, promoted or demoted in a chat."""

    type: Literal["bot_membership_changed"] = "bot_membership_changed"
    chat: ChatRef
    status: Literal["member", "administrator", "left", "kicked", "restricted"]
    can_delete: bool = False
    can_restrict: bool = False
    can_pin: bool = False
    by: UserRef | None = None

    @property
    def idempotency_key(self) -> str:
        return f"botmember:{self.platform}:{self.chat.chat_id}:{self.status}:{int(self.occurred_at.timestamp())}"


class ActionFailed(EventBase):
    """The outbox could not perform an action (e.g. a DM to a member who never started the bot).

    Published by the dispatcher so domain code can fall back (public button instead of a DM).
    """

    type: Literal["action_failed"] = "action_failed"
    action_key: str
    action_type: str
    state: Literal["failed", "in_doubt"]
    reason: str  # e.g. "never_started", "blocked", "no_rights", "not_found", "bad_request"
    error: str = ""
    chat: ChatRef | None = None
    user: UserRef | None = None

    @property
    def idempotency_key(self) -> str:
        return f"failed:{self.platform}:{self.action_key}"


class Tick(EventBase):
    """Time passing, published by every worker process once per period (SLA timers, schedules).

    All processes publish the same key for the same period, so a tick is handled once.
    """

    type: Literal["tick"] = "tick"
    platform: str = "beacon"
    period_s: int = 30

    @property
    def idempotency_key(self) -> str:
        return f"tick:{self.period_s}:{int(self.occurred_at.timestamp()) // self.period_s}"

    @property
    def ordering_key(self) -> str:
        return "tick"


Event = Annotated[
    Union[
        Tick,
        ActionFailed,
        MessagePosted,
        MessageEdited,
        MessageDeleted,
        MemberJoined,
        ButtonPressed,
        BotStarted,
        BotMembershipChanged,
    ],
    Field(discriminator="type"),
]

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def encode_event(event: EventBase) -> bytes:
    return event.model_dump_json().encode()


def decode_event(raw: bytes | str) -> EventBase:
    """Parse a serialised event; raises ``pydantic.ValidationError`` on unknown or bad data."""
    return EVENT_ADAPTER.validate_json(raw)
