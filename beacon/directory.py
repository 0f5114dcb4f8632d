"""Kernel bookkeeping handler: remembers members, chats and the bot's rights from every event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from beacon.domain import Context, Effect, Record
from beacon.events import (
    ActionFailed,
    BotMembershipChanged,
    BotStarted,
    ButtonPressed,
    ChatRef,
    EventBase,
    MemberJoined,
    MessagePosted,
    UserRef,
)
from beacon.storage import directory, dm_state


@dataclass(frozen=True)
class SeeUser(Record):
    user: UserRef

    async def apply(self, session: AsyncSession) -> None:
        await directory.upsert_user(
            session, self.user.platform, self.user.user_id, username=self.user.username,
            display_name=self.user.display_name, language_code=self.user.language_code, is_bot=self.user.is_bot,
        )


@dataclass(frozen=True)
class SeeChat(Record):
    chat: ChatRef

    async def apply(self, session: AsyncSession) -> None:
        await directory.upsert_chat(session, self.chat.platform, self.chat.chat_id, kind=self.chat.kind.value,
                                    title=self.chat.title)


@dataclass(frozen=True)
class SetBotRights(Record):
    event: BotMembershipChanged

    async def apply(self, session: AsyncSession) -> None:
        e = self.event
        await directory.set_bot_rights(session, e.platform, e.chat.chat_id, status=e.status, can_delete=e.can_delete,
                                       can_restrict=e.can_restrict, can_pin=e.can_pin, now=e.occurred_at)


@dataclass(frozen=True)
class SetDirectMessages(Record):
    """Whether the bot may DM this member: they started it, or the platform refused a DM."""

    user: UserRef
    open: bool
    reason: str = ""

    async def apply(self, session: AsyncSession) -> None:
        await dm_state.set_dm_state(session, self.user.platform, self.user.user_id, open=self.open,
                                     reason=self.reason)


async def track_directory(event: EventBase, ctx: Context) -> Sequence[Effect]:
    """Records who and where, so domain handlers can ask "has this member started the bot?"."""
    match event:
        case BotStarted(user=user, chat=chat):
            return [SeeUser(user), SeeChat(chat), SetDirectMessages(user, open=True)]
        case MessagePosted(author=author, chat=chat):
            effects: list[Effect] = [SeeUser(author), SeeChat(chat)]
            if chat.kind.value == "private":
                effects.append(SetDirectMessages(author, open=True))
            return effects
        case MemberJoined(user=user, chat=chat):
            return [SeeUser(user), SeeChat(chat)]
        case ButtonPressed(user=user):
            return [SeeUser(user)]
        case BotMembershipChanged(chat=chat):
            return [SeeChat(chat), SetBotRights(event)]
        case ActionFailed(user=user, reason=reason) if user is not None and reason in ("never_started", "blocked",
                                                                                          "dm_closed"):
            return [SetDirectMessages(user, open=False, reason=reason)]
    return []
