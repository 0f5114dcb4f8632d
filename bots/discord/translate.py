"""discord.py models → Beacon events (pure: a message, interaction or member and the bot's identity in, events out).

Conversation references on Discord:

* a guild text channel is ``ChatRef(kind=group, chat_id=<channel id>)``; an announcement channel is
  ``kind=channel``;
* a thread — including a forum post, which is a thread whose starter message has the thread's id —
  is ``ChatRef(kind=forum_thread, chat_id=<parent channel id>, thread_id=<thread id>)``, as a forum
  topic is on Telegram: the parent is where rights and policies live;
* a DM is ``ChatRef(kind=private, chat_id=<the member's user id>)``, as on Telegram, so a private
  chat names the person, not Discord's DM channel id;
* a guild itself (for joins) is ``ChatRef(kind=group, chat_id=<guild id>)``; sending to it goes to
  the guild's system channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import discord

from beacon.events import (
    Attachment,
    BotMembershipChanged,
    ButtonPressed,
    ChatKind,
    ChatRef,
    EventBase,
    MemberJoined,
    MessageEdited,
    MessagePosted,
    UserRef,
)

PLATFORM = "discord"
FORUM_TYPES = (discord.ChannelType.forum, discord.ChannelType.media)


@dataclass(frozen=True)
class RightsSnapshot:
    """What the bot may do in one channel, as last published (to publish only changes)."""

    status: str
    can_delete: bool
    can_restrict: bool
    can_pin: bool


def user_ref(user: discord.abc.User, *, locale: str | None = None) -> UserRef:
    return UserRef(platform=PLATFORM, user_id=str(user.id), username=user.name, display_name=user.display_name,
                   language_code=locale.split("-")[0].lower() if locale else None, is_bot=user.bot)


def channel_ref(channel: object, *, dm_user: discord.abc.User | None = None) -> ChatRef:
    """The ChatRef of a channel, thread or DM (``dm_user``: the member on the other side of a DM)."""
    if isinstance(channel, (discord.DMChannel, discord.GroupChannel)) or getattr(channel, "type", None) in (
            discord.ChannelType.private, discord.ChannelType.group):
        recipient = dm_user or getattr(channel, "recipient", None)
        if recipient is None:
            raise ValueError("a DM without a known member")
        return ChatRef(platform=PLATFORM, chat_id=str(recipient.id), kind=ChatKind.private)
    if isinstance(channel, discord.Thread):
        kind = ChatKind.private_thread if channel.type == discord.ChannelType.private_thread else \
            ChatKind.forum_thread
        return ChatRef(platform=PLATFORM, chat_id=str(channel.parent_id), kind=kind,
                       thread_id=str(channel.id), title=channel.name)
    kind = ChatKind.channel if getattr(channel, "type", None) == discord.ChannelType.news else ChatKind.group
    return ChatRef(platform=PLATFORM, chat_id=str(channel.id), kind=kind,  # type: ignore[attr-defined]
                   title=getattr(channel, "name", None))


def guild_ref(guild: discord.Guild) -> ChatRef:
    return ChatRef(platform=PLATFORM, chat_id=str(guild.id), kind=ChatKind.group, title=guild.name)


def is_forum_starter(message: discord.Message) -> bool:
    """The first message of a forum post: it carries the thread's id, and the post's title is the thread's name."""
    channel = message.channel
    if not isinstance(channel, discord.Thread) or message.id != channel.id:
        return False
    parent = channel.parent
    return parent is not None and parent.type in FORUM_TYPES


def mentions_bot(message: discord.Message, me: discord.ClientUser) -> bool:
    """A user mention of the bot, or a mention of its managed role."""
    if any(user.id == me.id for user in message.mentions):
        return True
    return any(role.tags is not None and role.tags.bot_id == me.id for role in message.role_mentions)


def attachments_of(message: discord.Message) -> tuple[Attachment, ...]:
    found = []
    for a in message.attachments:
        mime = a.content_type
        major = (mime or "").split("/", 1)[0]
        kind = {"image": "photo", "video": "video", "audio": "audio"}.get(major, "document")
        # A handle, not the CDN URL: signed URLs expire, so the download re-reads the message for a fresh one.
        found.append(Attachment(kind=kind, file_id=f"{message.channel.id}:{message.id}:{a.id}",  # type: ignore[arg-type]
                                file_name=a.filename, mime_type=mime, size=a.size))
    return tuple(found)


def message_event(message: discord.Message, me: discord.ClientUser, *, edited: bool = False) -> EventBase | None:
    """The event one created or edited message stands for (None for the bot's own and for system messages)."""
    if message.author.id == me.id:
        return None
    if message.type not in (discord.MessageType.default, discord.MessageType.reply):
        return None  # joins, pins, thread-created notices…: nothing to act on
    text = message.content
    if is_forum_starter(message):
        title = getattr(message.channel, "name", "") or ""
        text = f"{title}\n{text}" if text else title
    attachments = attachments_of(message)
    if not text and not attachments:
        return None
    dm = message.guild is None
    chat = channel_ref(message.channel, dm_user=message.author if dm else None)
    reference = message.reference
    replied = reference.resolved if reference is not None else None
    is_reply = message.type == discord.MessageType.reply and reference is not None and reference.message_id
    fields = dict(
        platform=PLATFORM,
        chat=chat,
        message_id=str(message.id),
        author=user_ref(message.author),
        text=text,
        reply_to_message_id=str(reference.message_id) if is_reply and reference is not None else None,
        reply_to_bot=bool(is_reply and isinstance(replied, discord.Message) and replied.author.id == me.id),
        mentions_bot=mentions_bot(message, me),
        attachments=attachments,
    )
    if edited:
        edited_at = message.edited_at or message.created_at
        # Microseconds, as Discord stamps edits: two quick edits are two versions, one edit is one version.
        version = int(edited_at.timestamp()) * 1_000_000 + edited_at.microsecond
        return MessageEdited(**fields, edit_version=version, occurred_at=edited_at)
    return MessagePosted(**fields, occurred_at=message.created_at)


def join_event(member: discord.Member) -> MemberJoined:
    return MemberJoined(platform=PLATFORM, chat=guild_ref(member.guild), user=user_ref(member),
                        occurred_at=member.joined_at or discord.utils.utcnow())


def button_event(interaction: discord.Interaction) -> ButtonPressed | None:
    """A button press (a component interaction); None for other interactions."""
    if interaction.type != discord.InteractionType.component or not interaction.data:
        return None
    if interaction.data.get("component_type") != discord.ComponentType.button.value:
        return None
    custom_id = interaction.data.get("custom_id")
    if not custom_id or interaction.channel is None:
        return None
    dm = interaction.guild_id is None
    chat = channel_ref(interaction.channel, dm_user=interaction.user if dm else None)
    # Rights at the moment of the press: Discord resolves the presser's permissions in that channel.
    perms = interaction.permissions
    is_admin = None if dm else bool(perms.administrator or perms.manage_guild)
    return ButtonPressed(platform=PLATFORM, callback_id=str(interaction.id), chat=chat,
                         message_id=str(interaction.message.id) if interaction.message is not None else None,
                         user=user_ref(interaction.user, locale=str(interaction.locale)), data=custom_id,
                         presser_is_admin=is_admin, occurred_at=interaction.created_at)


def rights_in(channel: discord.abc.GuildChannel, me: discord.Member) -> RightsSnapshot:
    perms = channel.permissions_for(me)
    can_delete = perms.manage_messages
    can_restrict = perms.moderate_members
    # "administrator" is what the domain reads as "may moderate here" (Telegram's admin status).
    status = "administrator" if perms.administrator or can_delete or can_restrict or perms.ban_members else "member"
    return RightsSnapshot(status=status, can_delete=can_delete, can_restrict=can_restrict,
                          can_pin=perms.manage_messages or perms.pin_messages)


def rights_event(channel: discord.abc.GuildChannel, rights: RightsSnapshot, at: datetime) -> BotMembershipChanged:
    return BotMembershipChanged(platform=PLATFORM, chat=channel_ref(channel), status=rights.status,  # type: ignore[arg-type]
                                can_delete=rights.can_delete, can_restrict=rights.can_restrict,
                                can_pin=rights.can_pin, occurred_at=at)


def left_event(channel_id: int, at: datetime) -> BotMembershipChanged:
    return BotMembershipChanged(platform=PLATFORM, chat=ChatRef(platform=PLATFORM, chat_id=str(channel_id)),
                                status="left", occurred_at=at)


def watched_channels(guild: discord.Guild) -> list[discord.abc.GuildChannel]:
    """The channels members post in: text, announcement and forum channels."""
    kinds = (discord.ChannelType.text, discord.ChannelType.news, *FORUM_TYPES)
    return [c for c in guild.channels if c.type in kinds]
