"""Telegram updates → Beacon events (pure: a PTB ``Update`` and the bot's identity in, events out)."""

from __future__ import annotations

from dataclasses import dataclass
from telegram import (
    CallbackQuery,
    Chat,
    ChatMember,
    ChatMemberUpdated,
    Message,
    MessageEntity,
    MessageOriginUser,
    Update,
    User,
)
from telegram.constants import ChatMemberStatus, ChatType

from beacon.events import (
    Attachment,
    BotMembershipChanged,
    BotStarted,
    ButtonPressed,
    ChatKind,
    ChatRef,
    EventBase,
    MemberJoined,
    MessageEdited,
    MessagePosted,
    UserRef,
)

PLATFORM = "telegram"

# The update types the adapter asks for (chat_member must be named explicitly, Telegram omits it by default).
ALLOWED_UPDATES = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "callback_query",
    "my_chat_member",
    "chat_member",
)

_PRESENT = {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}


@dataclass(frozen=True)
class BotIdentity:
    """Who the bot is (from getMe): mentions and replies are matched against it."""

    id: int
    username: str


def user_ref(user: User) -> UserRef:
    return UserRef(platform=PLATFORM, user_id=str(user.id), username=user.username, display_name=user.full_name,
                   language_code=user.language_code, is_bot=user.is_bot)


def sender_chat_ref(chat: Chat) -> UserRef:
    """A channel or an anonymous group admin posting "as the chat": the chat stands in for the author."""
    return UserRef(platform=PLATFORM, user_id=str(chat.id), username=chat.username, display_name=chat.title)


def chat_ref(chat: Chat, message: Message | None = None) -> ChatRef:
    if chat.type == ChatType.PRIVATE:
        return ChatRef(platform=PLATFORM, chat_id=str(chat.id), kind=ChatKind.private)
    if chat.type == ChatType.CHANNEL:
        return ChatRef(platform=PLATFORM, chat_id=str(chat.id), kind=ChatKind.channel, title=chat.title)
    if message is not None and message.is_topic_message and message.message_thread_id is not None:
        return ChatRef(platform=PLATFORM, chat_id=str(chat.id), kind=ChatKind.forum_thread,
                       thread_id=str(message.message_thread_id), title=chat.title)
    return ChatRef(platform=PLATFORM, chat_id=str(chat.id), kind=ChatKind.group, title=chat.title)


def translate(update: Update, me: BotIdentity) -> list[EventBase]:
    """The events one update stands for ([] for kinds Beacon does not use)."""
    if update.message is not None:
        return message_events(update.message, me, edited=False)
    if update.channel_post is not None:
        return message_events(update.channel_post, me, edited=False)
    if update.edited_message is not None:
        return message_events(update.edited_message, me, edited=True)
    if update.edited_channel_post is not None:
        return message_events(update.edited_channel_post, me, edited=True)
    if update.callback_query is not None:
        return button_events(update.callback_query)
    if update.my_chat_member is not None:
        return [membership_event(update.my_chat_member)]
    if update.chat_member is not None:
        return join_events(update.chat_member)
    return []


def message_events(message: Message, me: BotIdentity, *, edited: bool) -> list[EventBase]:
    chat = chat_ref(message.chat, message)
    if message.new_chat_members:
        return [MemberJoined(platform=PLATFORM, chat=chat, user=user_ref(u), occurred_at=message.date)
                for u in message.new_chat_members if u.id != me.id]
    text = message.text or message.caption or ""
    attachments = _attachments(message)
    if not text and not attachments:
        return []  # service messages (pins, title changes, topic creation…) carry nothing to act on
    author = sender_chat_ref(message.sender_chat) if message.sender_chat is not None else (
        user_ref(message.from_user) if message.from_user is not None else None)
    if author is None:
        return []
    if not edited and chat.kind == ChatKind.private and (payload := _start_payload(message, me)) is not None:
        return [BotStarted(platform=PLATFORM, chat=chat, message_id=str(message.message_id), user=author,
                           payload=payload or None, occurred_at=message.date)]
    replied = message.reply_to_message
    # In a forum topic every message "replies" to the topic's creation message: that is no reply.
    real_reply = replied if replied is not None and replied.forum_topic_created is None else None
    fields = dict(
        platform=PLATFORM,
        chat=chat,
        message_id=str(message.message_id),
        author=author,
        text=text,
        reply_to_message_id=str(real_reply.message_id) if real_reply is not None else None,
        reply_to_bot=bool(real_reply and real_reply.from_user and real_reply.from_user.id == me.id),
        mentions_bot=mentions_bot(message, me),
        attachments=attachments,
        forwarded_from=user_ref(message.forward_origin.sender_user)
        if isinstance(message.forward_origin, MessageOriginUser) else None,
    )
    if edited:
        edit_date = message.edit_date or message.date
        return [MessageEdited(**fields, edit_version=int(edit_date.timestamp()), occurred_at=edit_date)]
    return [MessagePosted(**fields, occurred_at=message.date)]


def _start_payload(message: Message, me: BotIdentity) -> str | None:
    """``/start`` (or ``/start@me``) opening a DM: the payload ('' when none); None for other text."""
    text = message.text or ""
    command, _, rest = text.partition(" ")
    if command == "/start" or command.lower() == f"/start@{me.username.lower()}":
        return rest.strip()
    return None


def mentions_bot(message: Message, me: BotIdentity) -> bool:
    """@username mentions, text mentions of the bot's account, and commands addressed to it."""
    entities = message.parse_entities() if message.text else message.parse_caption_entities()
    handle = f"@{me.username.lower()}"
    for entity, text in entities.items():
        if entity.type == MessageEntity.MENTION and text.lower() == handle:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == me.id:
            return True
        if entity.type == MessageEntity.BOT_COMMAND and text.lower().endswith(handle):
            return True
    return False


def _attachments(message: Message) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    if message.photo:
        largest = message.photo[-1]
        found.append(Attachment(kind="photo", file_id=largest.file_id, mime_type="image/jpeg", size=largest.file_size))
    if message.animation is not None:  # Telegram also sends an animation as a document: count it once
        a = message.animation
        found.append(Attachment(kind="video", file_id=a.file_id, file_name=a.file_name, mime_type=a.mime_type,
                                size=a.file_size))
    elif message.document is not None:
        d = message.document
        found.append(Attachment(kind="document", file_id=d.file_id, file_name=d.file_name, mime_type=d.mime_type,
                                size=d.file_size))
    if message.video is not None:
        v = message.video
        found.append(Attachment(kind="video", file_id=v.file_id, file_name=v.file_name, mime_type=v.mime_type,
                                size=v.file_size))
    if message.audio is not None:
        au = message.audio
        found.append(Attachment(kind="audio", file_id=au.file_id, file_name=au.file_name, mime_type=au.mime_type,
                                size=au.file_size))
    if message.voice is not None:
        vo = message.voice
        found.append(Attachment(kind="audio", file_id=vo.file_id, mime_type=vo.mime_type, size=vo.file_size))
    if message.sticker is not None:
        found.append(Attachment(kind="other", file_id=message.sticker.file_id, size=message.sticker.file_size))
    return tuple(found)


def button_events(query: CallbackQuery) -> list[EventBase]:
    if query.message is None or query.data is None:
        return []  # presses on inline-mode messages and game buttons: not used by Beacon
    message = query.message if isinstance(query.message, Message) else None
    return [ButtonPressed(platform=PLATFORM, callback_id=query.id, chat=chat_ref(query.message.chat, message),
                          message_id=str(query.message.message_id), user=user_ref(query.from_user), data=query.data)]


def _status(member: ChatMember) -> str:
    status = member.status
    if status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR):
        return "administrator"
    if status == ChatMemberStatus.RESTRICTED:
        return "restricted" if getattr(member, "is_member", True) else "left"
    if status == ChatMemberStatus.BANNED:
        return "kicked"
    if status == ChatMemberStatus.LEFT:
        return "left"
    return "member"


def membership_event(change: ChatMemberUpdated) -> BotMembershipChanged:
    """my_chat_member: the bot added, promoted, demoted, removed (or blocked, in a private chat)."""
    new = change.new_chat_member
    owner = new.status == ChatMemberStatus.OWNER
    return BotMembershipChanged(
        platform=PLATFORM,
        chat=chat_ref(change.chat),
        status=_status(new),  # type: ignore[arg-type]
        can_delete=owner or bool(getattr(new, "can_delete_messages", False)),
        can_restrict=owner or bool(getattr(new, "can_restrict_members", False)),
        can_pin=owner or bool(getattr(new, "can_pin_messages", False)),
        by=user_ref(change.from_user),
        occurred_at=change.date,
    )


def _is_member(member: ChatMember) -> bool:
    if member.status == ChatMemberStatus.RESTRICTED:
        return bool(getattr(member, "is_member", False))
    return member.status in _PRESENT


def join_events(change: ChatMemberUpdated) -> list[EventBase]:
    """chat_member: only joins become events (same key as the join's service message: same date)."""
    if _is_member(change.old_chat_member) or not _is_member(change.new_chat_member):
        return []
    return [MemberJoined(platform=PLATFORM, chat=chat_ref(change.chat), user=user_ref(change.new_chat_member.user),
                         occurred_at=change.date)]

