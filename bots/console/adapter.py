"""A community played in a terminal: each input line is a member's act, each output line the bot's.

Input grammar (one act per line; ``#`` lines and blank lines are ignored)::

    @alice: gm everyone                 alice posts in the default group (#general)
    #vip @alice: hello                  alice posts in #vip
    #vip @alice > 3: thanks             alice replies to message 3 of #vip
    dm @alice: my deposit is missing    alice writes to the bot privately
    dm @alice: /start abc123            alice follows a deep link (payload abc123)
    press @alice #general 7 claim:42    alice presses the button "claim:42" under message 7
    join #general @bob "Bob Smith"      bob joins #general (optional display name)
    name @bob "OKX Support"             bob changes his display name
    admin #general                      the bot is made an administrator of #general

Output lines start with ``bot``: what the bot sent, edited, deleted, banned… so tests can
pipe a conversation in and read the replies.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TextIO

from beacon.actions import (
    ActionBase,
    ActionResult,
    AnswerButton,
    BanMember,
    DeleteMessage,
    EditMessage,
    Forbidden,
    LiftRestriction,
    NotFound,
    OpenPrivateThread,
    PinMessage,
    RestrictMember,
    SendDirect,
    SendFile,
    SendMessage,
    UnbanMember,
)
from beacon.adapter import Adapter, Capabilities, Publish
from beacon.events import (
    BotMembershipChanged,
    BotStarted,
    ButtonPressed,
    ChatKind,
    ChatRef,
    EventBase,
    MemberJoined,
    MessagePosted,
    UserRef,
)

PLATFORM = "console"
DEFAULT_CHAT = "general"


class ConsoleLineError(ValueError):
    """A line that does not follow the console grammar."""


@dataclass
class _Member:
    username: str
    display_name: str
    started_bot: bool = False


@dataclass
class _State:
    members: dict[str, _Member] = field(default_factory=dict)
    next_message_id: dict[str, itertools.count] = field(default_factory=dict)
    admin_chats: set[str] = field(default_factory=set)
    messages: dict[tuple[str, str], str] = field(default_factory=dict)  # (chat, id) -> author id
    callback_ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def member(self, username: str) -> _Member:
        return self.members.setdefault(username, _Member(username=username, display_name=username))

    def new_message_id(self, chat: str) -> str:
        return str(next(self.next_message_id.setdefault(chat, itertools.count(1))))


_POST = re.compile(r"^(?:#(?P<chat>[\w-]+)\s+)?@(?P<user>[\w.]+)(?:\s*>\s*(?P<reply>\d+))?\s*:\s?(?P<text>.*)$", re.S)
_DM = re.compile(r"^dm\s+@(?P<user>[\w.]+)\s*:\s?(?P<text>.*)$", re.S)


def parse_line(line: str, state: _State, bot_username: str, now: datetime | None = None) -> list[EventBase]:
    """Turn one input line into events (pure apart from the id counters in ``state``)."""
    now = now or datetime.now(timezone.utc)
    line = line.rstrip("\n")
    if not line.strip() or line.lstrip().startswith("#!") or line.strip().startswith("# "):
        return []
    if m := _DM.match(line):
        member = state.member(m["user"])
        author = _user(member)
        chat = ChatRef(platform=PLATFORM, chat_id=f"dm:{member.username}", kind=ChatKind.private)
        text = m["text"]
        message_id = state.new_message_id(chat.chat_id)
        member.started_bot = True
        if text.startswith("/start"):
            payload = text[len("/start"):].strip() or None
            return [BotStarted(platform=PLATFORM, chat=chat, message_id=message_id, user=author, payload=payload,
                               occurred_at=now)]
        return [_posted(chat, message_id, author, text, None, bot_username, state, now)]
    if m := _POST.match(line):
        member = state.member(m["user"])
        chat_id = m["chat"] or DEFAULT_CHAT
        chat = ChatRef(platform=PLATFORM, chat_id=chat_id, kind=ChatKind.group, title=chat_id)
        message_id = state.new_message_id(chat_id)
        return [_posted(chat, message_id, _user(member), m["text"], m["reply"], bot_username, state, now)]
    try:
        words = shlex.split(line)
    except ValueError as exc:
        raise ConsoleLineError(f"cannot parse {line!r}: {exc}") from None
    verb = words[0] if words else ""
    if verb == "press" and len(words) == 5 and words[1].startswith("@") and words[2].startswith("#"):
        member = state.member(words[1][1:])
        chat = ChatRef(platform=PLATFORM, chat_id=words[2][1:], kind=ChatKind.group)
        return [ButtonPressed(platform=PLATFORM, callback_id=str(next(state.callback_ids)), chat=chat,
                              message_id=words[3], user=_user(member), data=words[4], occurred_at=now)]
    if verb == "press" and len(words) == 4 and words[1].startswith("@"):
        member = state.member(words[1][1:])
        chat = ChatRef(platform=PLATFORM, chat_id=f"dm:{member.username}", kind=ChatKind.private)
        return [ButtonPressed(platform=PLATFORM, callback_id=str(next(state.callback_ids)), chat=chat,
                              message_id=words[2], user=_user(member), data=words[3], occurred_at=now)]
    if verb == "join" and len(words) in (3, 4) and words[1].startswith("#") and words[2].startswith("@"):
        member = state.member(words[2][1:])
        if len(words) == 4:
            member.display_name = words[3]
        chat = ChatRef(platform=PLATFORM, chat_id=words[1][1:], kind=ChatKind.group)
        return [MemberJoined(platform=PLATFORM, chat=chat, user=_user(member), occurred_at=now)]
    if verb == "name" and len(words) == 3 and words[1].startswith("@"):
        state.member(words[1][1:]).display_name = words[2]
        return []
    if verb == "admin" and len(words) == 2 and words[1].startswith("#"):
        chat_id = words[1][1:]
        state.admin_chats.add(chat_id)
        chat = ChatRef(platform=PLATFORM, chat_id=chat_id, kind=ChatKind.group)
        return [BotMembershipChanged(platform=PLATFORM, chat=chat, status="administrator", can_delete=True,
                                     can_restrict=True, can_pin=True, occurred_at=now)]
    raise ConsoleLineError(f"cannot parse {line!r}: see `beacon demo --help` for the console grammar")


def _user(member: _Member) -> UserRef:
    return UserRef(platform=PLATFORM, user_id=member.username, username=member.username,
                   display_name=member.display_name)


def _posted(chat: ChatRef, message_id: str, author: UserRef, text: str, reply: str | None, bot_username: str,
            state: _State, now: datetime) -> MessagePosted:
    state.messages[(chat.chat_id, message_id)] = author.user_id
    mentions = bool(bot_username) and f"@{bot_username.lower()}" in text.lower()
    reply_to_bot = reply is not None and state.messages.get((chat.chat_id, reply)) == "bot"
    return MessagePosted(platform=PLATFORM, chat=chat, message_id=message_id, author=author, text=text,
                         reply_to_message_id=reply, reply_to_bot=reply_to_bot, mentions_bot=mentions,
                         occurred_at=now)


class ConsoleAdapter(Adapter):
    """Reads acts from ``source`` and prints what the bot does to ``sink``."""

    platform = PLATFORM

    def __init__(self, *, bot_username: str = "beacon_bot", source: TextIO | None = None,
                 sink: TextIO | None = None, dm_first: bool = False,
                 on_error: Callable[[str], None] | None = None) -> None:
        self.bot_username = bot_username
        self.source = source
        self.sink = sink or sys.stdout
        self.capabilities = Capabilities(dm_first=dm_first, deep_link_dm=True, max_message_length=4096,
                                         max_buttons_per_message=8)
        self.state = _State()
        self.input_done = asyncio.Event()
        self._on_error = on_error or (lambda msg: print(f"error: {msg}", file=sys.stderr))
        self._stopped = False

    def deep_link(self, payload: str) -> str:
        return f"console://{self.bot_username}?start={payload}"

    async def feed(self, line: str, publish: Publish) -> None:
        """Publish the events of one line (tests call this directly)."""
        try:
            events = parse_line(line, self.state, self.bot_username)
        except ConsoleLineError as exc:
            self._on_error(str(exc))
            return
        for event in events:
            await publish(event)

    async def run(self, publish: Publish) -> None:
        if self.source is None:
            self.input_done.set()
            await asyncio.Event().wait()  # nothing to read; stay up until cancelled
        loop = asyncio.get_running_loop()
        try:
            while not self._stopped:
                line = await loop.run_in_executor(None, self.source.readline)
                if not line:
                    break
                await self.feed(line, publish)
        finally:
            self.input_done.set()

    async def stop(self) -> None:
        self._stopped = True

    def _say(self, text: str) -> None:
        print(text, file=self.sink, flush=True)

    async def perform(self, action: ActionBase) -> ActionResult:
        match action:
            case SendMessage(chat=chat, text=text, buttons=buttons, reply_to_message_id=reply):
                message_id = self.state.new_message_id(chat.chat_id)
                self.state.messages[(chat.chat_id, message_id)] = "bot"
                where = f"#{chat.chat_id}" if chat.kind != ChatKind.private else f"dm @{chat.chat_id[3:]}"
                suffix = f" (reply to {reply})" if reply else ""
                self._say(f"bot → {where} [{message_id}]{suffix}: {text}{_render_buttons(buttons)}")
                return ActionResult(message_id=message_id, chat_id=chat.chat_id)
            case SendDirect(user=user, text=text, buttons=buttons):
                member = self.state.members.get(user.user_id)
                if member is None or not member.started_bot:
                    raise Forbidden("bot can't initiate conversation with a user", reason="never_started")
                chat_id = f"dm:{user.user_id}"
                message_id = self.state.new_message_id(chat_id)
                self.state.messages[(chat_id, message_id)] = "bot"
                self._say(f"bot → dm @{user.user_id} [{message_id}]: {text}{_render_buttons(buttons)}")
                return ActionResult(message_id=message_id, chat_id=chat_id)
            case EditMessage(chat=chat, message_id=message_id, text=text, buttons=buttons):
                self._say(f"bot edited #{chat.chat_id} [{message_id}]: {text}{_render_buttons(buttons)}")
                return ActionResult(message_id=message_id, chat_id=chat.chat_id)
            case DeleteMessage(chat=chat, message_id=message_id):
                self._require_admin(chat)
                if self.state.messages.pop((chat.chat_id, message_id), None) is None:
                    raise NotFound("message to delete not found")
                self._say(f"bot deleted #{chat.chat_id} [{message_id}]")
                return ActionResult()
            case BanMember(chat=chat, user_id=user_id):
                self._require_admin(chat)
                self._say(f"bot banned @{user_id} in #{chat.chat_id}")
                return ActionResult()
            case UnbanMember(chat=chat, user_id=user_id):
                self._require_admin(chat)
                self._say(f"bot unbanned @{user_id} in #{chat.chat_id}")
                return ActionResult()
            case RestrictMember(chat=chat, user_id=user_id, until=until):
                self._require_admin(chat)
                self._say(f"bot muted @{user_id} in #{chat.chat_id} until {until.isoformat() if until else 'lifted'}")
                return ActionResult()
            case LiftRestriction(chat=chat, user_id=user_id):
                self._require_admin(chat)
                self._say(f"bot unmuted @{user_id} in #{chat.chat_id}")
                return ActionResult()
            case PinMessage(chat=chat, message_id=message_id):
                self._require_admin(chat)
                self._say(f"bot pinned #{chat.chat_id} [{message_id}]")
                return ActionResult()
            case AnswerButton(text=text):
                if text:
                    self._say(f"bot answered the button: {text}")
                return ActionResult()
            case SendFile(chat=chat, file_name=file_name, caption=caption):
                self._say(f"bot → {chat.chat_id}: file {file_name} {caption}".rstrip())
                return ActionResult()
            case OpenPrivateThread():
                raise Forbidden("the console has no private threads", reason="other")
        raise NotImplementedError(f"console cannot perform {type(action).__name__}")

    def _require_admin(self, chat: ChatRef) -> None:
        if chat.kind != ChatKind.private and chat.chat_id not in self.state.admin_chats:
            raise Forbidden("not enough rights: the bot is not an administrator here", reason="no_rights")


def _render_buttons(buttons: tuple[tuple, ...]) -> str:
    labels = [f"[{b.text} → {b.url}]" if b.url else f"[{b.text} | {b.data}]" for row in buttons for b in row]
    return ("  " + " ".join(labels)) if labels else ""
