"""Outbound actions: what domain code asks adapters to do, platform-neutral, typed and immutable."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, Union

from pydantic import Field, TypeAdapter, model_validator

from beacon.events import ChatRef, Frozen, UserRef


class Button(Frozen):
    """A URL button or a callback button (``data`` ≤ 64 bytes, Telegram's limit)."""

    text: str
    url: str | None = None
    data: str | None = None

    @model_validator(mode="after")
    def _one_target(self) -> "Button":
        if (self.url is None) == (self.data is None):
            raise ValueError("a button has exactly one of url or data")
        if self.data is not None and len(self.data.encode()) > 64:
            raise ValueError("button data is limited to 64 bytes")
        return self


Keyboard = tuple[tuple[Button, ...], ...]  # rows of buttons


class ActionBase(Frozen):
    # Outbox idempotency key: the cause's key plus a role, e.g. "msg:telegram:-100:5:0/handoff".
    key: str
    platform: str
    # Safety alerts and moderation outrank routine announcements in the outbox.
    priority: int = 0


class SendMessage(ActionBase):
    type: Literal["send_message"] = "send_message"
    chat: ChatRef
    text: str
    buttons: Keyboard = ()
    reply_to_message_id: str | None = None
    pin: bool = False


class EditMessage(ActionBase):
    type: Literal["edit_message"] = "edit_message"
    chat: ChatRef
    message_id: str
    text: str
    buttons: Keyboard = ()


class DeleteMessage(ActionBase):
    type: Literal["delete_message"] = "delete_message"
    chat: ChatRef
    message_id: str


class SendDirect(ActionBase):
    """A DM to a member; fails with ``Forbidden`` when the platform does not allow it."""

    type: Literal["send_direct"] = "send_direct"
    user: UserRef
    text: str
    buttons: Keyboard = ()


class SendFile(ActionBase):
    type: Literal["send_file"] = "send_file"
    chat: ChatRef
    path: str
    file_name: str
    caption: str = ""


class FetchFile(ActionBase):
    """Download a member's file (an ``Attachment.file_id``) to ``path``; refused when over ``max_bytes``."""

    type: Literal["fetch_file"] = "fetch_file"
    chat: ChatRef  # where the file was posted
    file_id: str
    path: str
    max_bytes: int | None = None


class OpenPrivateThread(ActionBase):
    """A private thread under ``parent`` with the member (and staff) added; ``text`` (with ``buttons``
    under it) is its first message. The result's ``chat_id`` is the thread's id."""

    type: Literal["open_private_thread"] = "open_private_thread"
    parent: ChatRef
    user: UserRef
    name: str
    text: str
    buttons: Keyboard = ()
    add_user_ids: tuple[str, ...] = ()


class RestrictMember(ActionBase):
    type: Literal["restrict_member"] = "restrict_member"
    chat: ChatRef
    user_id: str
    until: datetime | None = None  # None = until lifted


class BanMember(ActionBase):
    type: Literal["ban_member"] = "ban_member"
    chat: ChatRef
    user_id: str
    until: datetime | None = None


class UnbanMember(ActionBase):
    type: Literal["unban_member"] = "unban_member"
    chat: ChatRef
    user_id: str


class LiftRestriction(ActionBase):
    """Give a muted member their rights back (Telegram: full permissions; Discord: end the timeout)."""

    type: Literal["lift_restriction"] = "lift_restriction"
    chat: ChatRef
    user_id: str


class PinMessage(ActionBase):
    type: Literal["pin_message"] = "pin_message"
    chat: ChatRef
    message_id: str


class AnswerButton(ActionBase):
    type: Literal["answer_button"] = "answer_button"
    callback_id: str
    text: str = ""
    show_alert: bool = False


Action = Annotated[
    Union[
        SendMessage,
        EditMessage,
        DeleteMessage,
        SendDirect,
        SendFile,
        FetchFile,
        OpenPrivateThread,
        RestrictMember,
        BanMember,
        UnbanMember,
        LiftRestriction,
        PinMessage,
        AnswerButton,
    ],
    Field(discriminator="type"),
]

ACTION_ADAPTER: TypeAdapter[Action] = TypeAdapter(Action)


def encode_action(action: ActionBase) -> str:
    return action.model_dump_json()


def decode_action(raw: bytes | str) -> ActionBase:
    return ACTION_ADAPTER.validate_json(raw)


class ActionResult(Frozen):
    """What the platform answered: the id of a message it created, if any."""

    message_id: str | None = None
    chat_id: str | None = None


class PlatformError(Exception):
    """A platform refused an action. Subclasses are the cases domain code handles."""

    retryable = False

    def __init__(self, message: str, *, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class Forbidden(PlatformError):
    """403: the member never started the bot, blocked it, or closed DMs; or the bot lacks rights."""

    def __init__(
        self,
        message: str,
        *,
        reason: Literal["never_started", "blocked", "dm_closed", "no_rights", "kicked", "other"] = "other",
        code: int | None = 403,
    ) -> None:
        super().__init__(message, code=code)
        self.reason = reason


class NotFound(PlatformError):
    """The chat or message no longer exists (e.g. "message to delete not found")."""


class BadRequest(PlatformError):
    """The platform rejected the request as malformed (too long, bad button data…)."""


class RateLimited(PlatformError):
    retryable = True

    def __init__(self, message: str, *, retry_after: float, code: int | None = 429) -> None:
        super().__init__(message, code=code)
        self.retry_after = retry_after


class TransientError(PlatformError):
    """Network failures and 5xx: safe to retry only when the request surely did not land."""

    retryable = True
