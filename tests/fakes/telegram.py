"""A local fake of the Telegram Bot API that python-telegram-bot talks to over real HTTP.

Start it, point the bot's ``base_url`` at ``fake.base_url``, drive the community with the
control methods and inspect what the bot did::

    async with FakeTelegram(token=TOKEN) as fake:
        group = fake.create_group("Support", owner=fake.add_user("Olga"))
        fake.add_bot(group, admin=True)                     # emits my_chat_member
        ann = fake.add_user("Ann", username="ann")
        fake.post(group, ann, "my withdrawal is stuck")     # emits a message update
        await fake.wait_for(lambda: fake.sent(group))       # the bot answered
        fake.sent(group)[0].text

It answers with Telegram's codes and texts (401 Unauthorized, 403 "Forbidden: bot can't
initiate conversation with a user", 400 "Bad Request: message to delete not found", 429 with
``retry_after``…), keeps getUpdates offsets like Telegram (an update stays until a later
offset confirms it), pushes to a webhook with the secret header, and enforces the send limits
with leaky buckets whose rates and windows are constructor arguments (tests shrink them,
benchmarks keep Telegram's). Other processes can drive it over HTTP under ``/_control``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import re
import secrets
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import ClientSession, ClientTimeout, web

from tests.fakes._server import LocalServer

# Update types Telegram delivers when allowed_updates was never set (or set to []).
DEFAULT_ALLOWED = frozenset(
    {"message", "edited_message", "channel_post", "edited_channel_post", "callback_query", "my_chat_member",
     "inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query", "poll", "poll_answer",
     "chat_join_request", "business_connection", "business_message", "edited_business_message",
     "deleted_business_messages", "removed_chat_boost", "chat_boost"}
)  # i.e. everything but chat_member, message_reaction and message_reaction_count
# Methods that produce a message and so count against the flood limits.
SEND_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument", "copymessage", "forwardmessage"})
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64

_USERNAME_MENTION = re.compile(r"(?<![\w@])@([A-Za-z][A-Za-z0-9_]{3,31})\b")
_BOT_COMMAND = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z][A-Za-z0-9_]{3,31})?")
_URL = re.compile(r"\b(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s]*)?", re.I)
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def utf16_len(text: str) -> int:
    """Telegram counts lengths and entity offsets in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


class ApiError(Exception):
    """An error answer: HTTP status = ``error_code``, body ``{"ok": false, …}`` like Telegram's."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(text: str) -> ApiError:
    return ApiError(400, f"Bad Request: {text}")


def forbidden(text: str) -> ApiError:
    return ApiError(403, f"Forbidden: {text}")


@dataclass(frozen=True)
class RateLimit:
    """At most ``max_rate`` sends per ``period_s`` (a leaky bucket: bursts up to ``max_rate``)."""

    max_rate: float
    period_s: float


class _Bucket:
    """Leaky bucket with the same arithmetic as aiolimiter (what PTB's AIORateLimiter uses)."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float]) -> None:
        self.capacity = limit.max_rate
        self.rate = limit.max_rate / limit.period_s
        self.level = 0.0
        self.clock = clock
        self.last = clock()

    def _drain(self) -> None:
        now = self.clock()
        self.level = max(0.0, self.level - (now - self.last) * self.rate)
        self.last = now

    def wait_needed(self) -> float:
        """Seconds until one more send fits (0 when it fits now)."""
        self._drain()
        over = self.level + 1 - self.capacity
        return 0.0 if over <= 1e-9 else over / self.rate

    def take(self) -> None:
        self.level += 1


# ---------------------------------------------------------------------------------------------
# State


@dataclass
class FakeUser:
    """A Telegram account. ``started``: pressed Start in the bot's DM; ``blocked``: blocked the bot."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "en"
    is_bot: bool = False
    started: bool = False
    blocked: bool = False

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code and not self.is_bot:
            data["language_code"] = self.language_code
        return data

    def private_chat_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        return data


ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
    "can_delete_stories", "can_post_messages", "can_edit_messages", "can_pin_messages", "can_manage_topics",
)
PERMISSIONS = (
    "can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos", "can_send_videos",
    "can_send_video_notes", "can_send_voice_notes", "can_send_polls", "can_send_other_messages",
    "can_add_web_page_previews", "can_change_info", "can_invite_users", "can_pin_messages", "can_manage_topics",
)


@dataclass
class Membership:
    """One account's standing in a chat (Telegram's ChatMember)."""

    status: Literal["creator", "administrator", "member", "restricted", "left", "kicked"] = "member"
    rights: dict[str, bool] = field(default_factory=dict)  # administrator rights
    permissions: dict[str, bool] = field(default_factory=dict)  # restricted permissions
    until_date: int = 0

    def as_json(self, user: FakeUser) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status, "user": user.as_json()}
        if self.status == "creator":
            data["is_anonymous"] = False
        elif self.status == "administrator":
            data.update({"can_be_edited": False, "is_anonymous": False})
            data.update({right: bool(self.rights.get(right, False)) for right in ADMIN_RIGHTS})
        elif self.status == "restricted":
            data.update({"is_member": True, "until_date": self.until_date, "can_edit_tag": False})
            data.update({p: bool(self.permissions.get(p, False)) for p in PERMISSIONS})
        elif self.status == "kicked":
            data["until_date"] = self.until_date
        return data

    @property
    def is_present(self) -> bool:
        return self.status in ("creator", "administrator", "member", "restricted")

    def can(self, right: str) -> bool:
        return self.status == "creator" or (self.status == "administrator" and self.rights.get(right, False))


@dataclass
class FakeChat:
    """A group, supergroup (optionally a forum) or channel."""

    id: int
    type: Literal["group", "supergroup", "channel"]
    title: str
    username: str | None = None
    is_forum: bool = False
    members: dict[int, Membership] = field(default_factory=dict)
    topics: dict[int, str] = field(default_factory=dict)  # thread id -> name
    migrated_to: int | None = None  # a basic group upgraded to this supergroup

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type, "title": self.title}
        if self.username:
            data["username"] = self.username
        if self.is_forum:
            data["is_forum"] = True
        return data

    @property
    def kind_words(self) -> str:
        return {"group": "group chat", "supergroup": "supergroup chat", "channel": "channel chat"}[self.type]


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None


@dataclass(frozen=True)
class ApiCall:
    """One request the bot made, with the answer it got."""

    method: str
    params: dict[str, Any]
    status: int
    description: str | None
    at: float


@dataclass
class BotAction:
    """Something the bot did to a chat, in order: sent, edited, deleted, banned, unbanned,
    restricted, pinned (and ``answered`` for callback answers, with ``chat_id`` None)."""

    kind: Literal["sent", "edited", "deleted", "banned", "unbanned", "restricted", "pinned", "answered"]
    chat_id: int | None
    message_id: int | None = None
    user_id: int | None = None
    text: str | None = None
    buttons: list[list[dict[str, Any]]] = field(default_factory=list)
    thread_id: int | None = None
    reply_to: int | None = None
    media: Literal["photo", "document"] | None = None
    file_id: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.time)

    @property
    def button_data(self) -> list[str]:
        return [b["callback_data"] for row in self.buttons for b in row if "callback_data" in b]

    @property
    def button_urls(self) -> list[str]:
        return [b["url"] for row in self.buttons for b in row if "url" in b]


@dataclass
class _Update:
    update_id: int
    kind: str
    payload: dict[str, Any]
    deliveries: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"update_id": self.update_id, self.kind: self.payload}


ChatLike = FakeChat | FakeUser | int
UserLike = FakeUser | int


class FakeTelegram(LocalServer):
    """The fake Bot API server plus the community it hosts. See the module docstring."""

    def __init__(
        self,
        token: str = "123456789:AAFakeTokenForBeaconTests-0123456789ab",
        *,
        bot_username: str = "BeaconTestBot",
        bot_name: str = "Beacon",
        privacy_mode: bool = True,
        overall_limit: RateLimit | None = RateLimit(30, 1.0),
        group_limit: RateLimit | None = RateLimit(20, 60.0),
        private_limit: RateLimit | None = RateLimit(3, 3.0),
        callback_ttl_s: float = 60.0,
        webhook_retry_s: float = 0.5,
        max_poll_timeout_s: float = 50.0,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot = FakeUser(id=self.bot_id, first_name=bot_name, username=bot_username, is_bot=True,
                            language_code=None)
        self.privacy_mode = privacy_mode
        self.limits = {"overall": overall_limit, "group": group_limit, "private": private_limit}
        self.callback_ttl_s = callback_ttl_s
        self.webhook_retry_s = webhook_retry_s
        self.max_poll_timeout_s = max_poll_timeout_s
        self.host = host
        self._port = port
        self.clock = clock

        self.users: dict[int, FakeUser] = {self.bot_id: self.bot}
        self.chats: dict[int, FakeChat] = {}
        # (chat id, message id) -> the message as Telegram would return it (current state).
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.files: dict[str, StoredFile] = {}
        self.calls: list[ApiCall] = []
        self.actions: list[BotAction] = []
        self.rate_limited = 0  # 429 answers given
        self.rate_limited_by_scope: Counter[str] = Counter()
        self.callbacks: dict[str, dict[str, Any]] = {}  # id -> {user_id, at, answered, answer}
        self.webhook: dict[str, Any] | None = None  # url, secret_token, ...
        self.webhook_errors: list[str] = []
        self.allowed_updates: frozenset[str] = DEFAULT_ALLOWED

        self._updates: list[_Update] = []
        self._update_ids = itertools.count(1)
        self._last_update_id = 0
        self._delivery_counts: dict[int, int] = {}  # update id -> times handed out
        self.confirmed_offset = 0  # updates below this id were confirmed and dropped
        self._user_ids = itertools.count(1001)
        self._group_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count] = {}
        self._file_seq = itertools.count(1)
        self._buckets: dict[str, _Bucket] = {}
        self._poll_waiter: asyncio.Future[str] | None = None  # the pending long poll
        self._changed = asyncio.Event()
        self._update_waiters: set[asyncio.Future[None]] = set()
        self._runner: web.AppRunner | None = None
        self._push_task: asyncio.Task[None] | None = None
        self._client: ClientSession | None = None

    # ----- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> "FakeTelegram":
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_route("*", "/_control/{op}", self._handle_control)
        await self._serve(app)
        self._client = ClientSession(timeout=ClientTimeout(total=10))
        self._push_task = asyncio.create_task(self._push_webhook_loop(), name="fake-telegram-webhook")
        return self

    async def stop(self) -> None:
        if self._push_task is not None:
            self._push_task.cancel()
            await asyncio.gather(self._push_task, return_exceptions=True)
        if self._poll_waiter is not None and not self._poll_waiter.done():
            self._poll_waiter.set_result("stop")
        if self._client is not None:
            await self._client.close()
        await self._unserve()

    @property
    def base_url(self) -> str:
        """What to give PTB as ``base_url`` (PTB appends the token)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    # ----- control: the community --------------------------------------------------------------

    def add_user(
        self,
        first_name: str = "Member",
        *,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "en",
        started: bool = False,
        blocked: bool = False,
        is_bot: bool = False,
        user_id: int | None = None,
    ) -> FakeUser:
        """An account; ``started=True`` means it pressed Start in the bot's DM earlier."""
        user = FakeUser(id=user_id or next(self._user_ids), first_name=first_name, last_name=last_name,
                        username=username, language_code=language_code, started=started, blocked=blocked,
                        is_bot=is_bot)
        self.users[user.id] = user
        return user

    def create_group(
        self,
        title: str,
        *,
        kind: Literal["group", "supergroup"] = "supergroup",
        forum: bool = False,
        username: str | None = None,
        owner: FakeUser | None = None,
        chat_id: int | None = None,
    ) -> FakeChat:
        n = next(self._group_ids)
        if chat_id is None:
            chat_id = -(1_000_000_000_000 + 7_000 + n) if kind == "supergroup" else -(4_000_000 + n)
        chat = FakeChat(id=chat_id, type=kind, title=title, username=username, is_forum=forum and kind == "supergroup")
        if owner is not None:
            chat.members[owner.id] = Membership(status="creator")
        self.chats[chat.id] = chat
        return chat

    def migrate(self, group: ChatLike, supergroup: ChatLike) -> None:
        """The basic group was upgraded: calls naming its old id get 400 with ``migrate_to_chat_id``."""
        self._group(group).migrated_to = self._group(supergroup).id

    def create_channel(self, title: str, *, username: str | None = None) -> FakeChat:
        chat = FakeChat(id=-(1_000_000_000_000 + 9_000 + next(self._group_ids)), type="channel", title=title,
                        username=username)
        self.chats[chat.id] = chat
        return chat

    def create_topic(self, chat: ChatLike, name: str, *, by: FakeUser | None = None) -> int:
        """A forum topic; returns its ``message_thread_id`` (the id of its creation message)."""
        group = self._group(chat)
        if not group.is_forum:
            raise ValueError(f"{group.title} is not a forum")
        author = by or self._any_member(group)
        message = self._new_message(group, author, text=None)
        message["forum_topic_created"] = {"name": name, "icon_color": 7322096}
        message["message_thread_id"] = message["message_id"]
        message["is_topic_message"] = True
        group.topics[message["message_id"]] = name
        self._store(group.id, message)
        self._emit_group_message(group, message, service=True)
        return message["message_id"]

    def add_bot(
        self,
        chat: ChatLike,
        *,
        admin: bool = False,
        by: FakeUser | None = None,
        can_delete_messages: bool = True,
        can_restrict_members: bool = True,
        can_pin_messages: bool = True,
        **rights: bool,
    ) -> int | None:
        """Add the bot as member or admin (emits my_chat_member; returns the update id)."""
        if admin:
            return self.set_bot_status(chat, "administrator", by=by, can_delete_messages=can_delete_messages,
                                       can_restrict_members=can_restrict_members, can_pin_messages=can_pin_messages,
                                       **rights)
        return self.set_bot_status(chat, "member", by=by)

    def set_bot_status(
        self,
        chat: ChatLike,
        status: Literal["member", "administrator", "left", "kicked", "restricted"],
        *,
        by: FakeUser | None = None,
        **rights: bool,
    ) -> int | None:
        """Change the bot's standing in a group or channel (promote, demote, remove)."""
        group = self._group(chat)
        old = group.members.get(self.bot_id, Membership(status="left"))
        if status == "administrator":
            full = {"can_manage_chat": True, "can_invite_users": True, "can_manage_topics": group.is_forum,
                    "can_post_messages": group.type == "channel", "can_edit_messages": group.type == "channel"}
            full.update(rights)
            new = Membership(status="administrator", rights=full)
        elif status == "restricted":
            new = Membership(status="restricted", permissions=dict(rights))
        else:
            new = Membership(status=status)
        group.members[self.bot_id] = new
        actor = by or self._any_member(group)
        return self._enqueue("my_chat_member", {
            "chat": group.as_json(), "from": actor.as_json(), "date": int(time.time()),
            "old_chat_member": old.as_json(self.bot), "new_chat_member": new.as_json(self.bot),
        })

    def remove_bot(self, chat: ChatLike, *, kicked: bool = True, by: FakeUser | None = None) -> int | None:
        return self.set_bot_status(chat, "kicked" if kicked else "left", by=by)

    def set_member(
        self,
        chat: ChatLike,
        user: UserLike,
        status: Literal["creator", "administrator", "member", "restricted", "left", "kicked"] = "member",
        **rights: bool,
    ) -> None:
        """Set someone's standing without any update (set-up: the group's existing admins and members)."""
        group, member = self._group(chat), self._user(user)
        group.members[member.id] = Membership(status=status, rights=dict(rights) if status == "administrator" else {},
                                              permissions=dict(rights) if status == "restricted" else {})

    def join(self, chat: ChatLike, user: UserLike, *, service_message: bool = True) -> list[int]:
        """A member joins: a chat_member update (sent to admin bots) and the service message."""
        group, member = self._group(chat), self._user(user)
        old = group.members.get(member.id, Membership(status="left"))
        new = Membership(status="member")
        group.members[member.id] = new
        now = int(time.time())
        ids = []
        if self._bot_is_admin(group):
            uid = self._enqueue("chat_member", {
                "chat": group.as_json(), "from": member.as_json(), "date": now,
                "old_chat_member": old.as_json(member), "new_chat_member": new.as_json(member),
            })
            if uid is not None:
                ids.append(uid)
        if service_message and group.type != "channel":
            message = self._new_message(group, member, text=None, date=now)
            message["new_chat_members"] = [member.as_json()]
            message["new_chat_member"] = member.as_json()
            message["new_chat_participant"] = member.as_json()
            self._store(group.id, message)
            uid = self._emit_group_message(group, message, service=True)
            if uid is not None:
                ids.append(uid)
        return ids

    def post(
        self,
        chat: ChatLike,
        user: UserLike,
        text: str | None = None,
        *,
        reply_to: int | None = None,
        thread_id: int | None = None,
        entities: list[dict[str, Any]] | None = None,
        forward_from: FakeUser | str | None = None,
        photo: bytes | None = None,
        document: tuple[bytes, str, str] | None = None,
        caption: str | None = None,
    ) -> dict[str, Any]:
        """A member posts in a group (or, for a user's private chat, in the bot's DM).

        ``document`` is ``(data, file_name, mime_type)``; ``forward_from`` a user, or a name for a
        user who hides their account. Entities (mentions, commands, URLs) are computed like
        Telegram's unless given. Returns the message as the bot would receive it.
        """
        author = self._user(user)
        if isinstance(chat, FakeUser) or (isinstance(chat, int) and chat > 0):
            return self.private(author, text or "", photo=photo, document=document, caption=caption,
                                forward_from=forward_from)
        group = self._group(chat)
        state = group.members.get(author.id)
        if state is None or not state.is_present:
            group.members[author.id] = Membership(status="member")  # joined earlier, quietly
        elif state.status == "restricted" and not state.permissions.get("can_send_messages", False):
            raise ValueError(f"user {author.id} is restricted in {group.title} and cannot post")
        message = self._new_message(group, author, text=text, entities=entities, photo=photo, document=document,
                                    caption=caption, forward_from=forward_from)
        self._thread_and_reply(group, message, thread_id, reply_to)
        self._store(group.id, message)
        self._emit_group_message(group, message)
        return message

    def private(
        self,
        user: UserLike,
        text: str = "",
        *,
        photo: bytes | None = None,
        document: tuple[bytes, str, str] | None = None,
        caption: str | None = None,
        forward_from: FakeUser | str | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        """The member writes to the bot in its DM (they have started it: a DM begins with Start)."""
        author = self._user(user)
        if not author.started or author.blocked:
            was_blocked = author.blocked
            author.started, author.blocked = True, False
            if was_blocked:
                self._emit_private_membership(author, "kicked", "member")
        message = self._new_message(author, author, text=text or None, photo=photo, document=document, caption=caption,
                                    forward_from=forward_from)
        if reply_to is not None:
            replied = self.messages.get((author.id, reply_to))
            if replied is None:
                raise ValueError(f"no message {reply_to} in the DM of {author.id}")
            message["reply_to_message"] = _shallow(replied)
        self._store(author.id, message)
        self._enqueue("message", message)
        return message

    def start_bot(self, user: UserLike, payload: str | None = None) -> dict[str, Any]:
        """The member presses Start (optionally through ``t.me/<bot>?start=<payload>``)."""
        author = self._user(user)
        if payload is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", payload):
            raise ValueError("a deep-link payload is 1-64 characters of A-Z a-z 0-9 _ -")
        return self.private(author, "/start" if payload is None else f"/start {payload}")

    def block_bot(self, user: UserLike) -> None:
        """The member blocks the bot (the bot gets my_chat_member: member -> kicked, in private)."""
        author = self._user(user)
        author.blocked = True
        if author.started:
            self._emit_private_membership(author, "member", "kicked")

    def edit(self, chat: ChatLike, message_id: int, text: str) -> dict[str, Any]:
        """The author edits their message (the bot gets edited_message / edited_channel_post)."""
        chat_id = self._chat_id(chat)
        message = self.messages.get((chat_id, message_id))
        if message is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        key = "caption" if "caption" in message else "text"
        message[key] = text
        message[f"{'caption_' if key == 'caption' else ''}entities"] = _entities(text)
        if not message[f"{'caption_' if key == 'caption' else ''}entities"]:
            message.pop(f"{'caption_' if key == 'caption' else ''}entities")
        # Telegram's edit_date is in seconds; keep versions distinct for quick successive edits.
        message["edit_date"] = max(int(time.time()), message.get("edit_date", 0) + 1)
        group = self.chats.get(chat_id)
        if group is not None and group.type == "channel":
            self._enqueue("edited_channel_post", dict(message))
        elif group is None or self._bot_receives(group, message):
            self._enqueue("edited_message", dict(message))
        return message

    def channel_post(self, chat: ChatLike, text: str) -> dict[str, Any]:
        """A post in a channel (the bot receives it when it is a member of the channel)."""
        channel = self._group(chat)
        message = {"message_id": self._next_message_id(channel.id), "date": int(time.time()),
                   "chat": channel.as_json(), "sender_chat": channel.as_json(), "text": text}
        if ents := _entities(text):
            message["entities"] = ents
        self._store(channel.id, message)
        if self._bot_present(channel):
            self._enqueue("channel_post", message)
        return message

    def press(self, user: UserLike, chat: ChatLike, message_id: int, data: str | None = None,
              *, text: str | None = None) -> str:
        """The member presses an inline button of a bot message (chosen by callback data or label).

        Returns the callback query id (see ``callbacks`` for the bot's answer)."""
        presser = self._user(user)
        chat_id = self._chat_id(chat)
        message = self.messages.get((chat_id, message_id))
        if message is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        buttons = [b for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row]
        chosen = [b for b in buttons if "callback_data" in b and (data is None or b["callback_data"] == data)
                  and (text is None or b["text"] == text)]
        if not chosen:
            raise ValueError(f"message {message_id} has no callback button matching data={data!r} text={text!r}")
        callback_id = str(secrets.randbits(63))
        self.callbacks[callback_id] = {"user_id": presser.id, "at": self.clock(), "answered": False, "answer": None}
        self._enqueue("callback_query", {
            "id": callback_id, "from": presser.as_json(), "message": dict(message),
            "chat_instance": str(abs(chat_id) * 7 + 3), "data": chosen[0]["callback_data"],
        })
        return callback_id

    # ----- inspection ---------------------------------------------------------------------------

    def sent(self, chat: ChatLike | None = None) -> list[BotAction]:
        """Messages the bot sent (to one chat, or everywhere), in order."""
        return self.actions_of("sent", chat)

    def actions_of(self, kind: str, chat: ChatLike | None = None) -> list[BotAction]:
        chat_id = None if chat is None else self._chat_id(chat)
        return [a for a in self.actions if a.kind == kind and (chat_id is None or a.chat_id == chat_id)]

    def log(self, chat: ChatLike) -> list[BotAction]:
        """Everything the bot did in one chat, in order."""
        chat_id = self._chat_id(chat)
        return [a for a in self.actions if a.chat_id == chat_id]

    def message(self, chat: ChatLike, message_id: int) -> dict[str, Any] | None:
        """A message's current state (None once deleted)."""
        return self.messages.get((self._chat_id(chat), message_id))

    def calls_to(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    def member_status(self, chat: ChatLike, user: UserLike) -> str:
        state = self._group(chat).members.get(self._user(user).id)
        return state.status if state else "left"

    def file_bytes(self, file_id: str) -> bytes:
        return self.files[file_id].data

    @property
    def pending_updates(self) -> int:
        """Updates not yet confirmed by the bot."""
        return len(self._updates)

    def deliveries(self) -> dict[int, int]:
        """How many times each still-pending or confirmed update was handed out (by update id)."""
        return dict(self._delivery_counts)

    @property
    def last_update_id(self) -> int:
        return self._last_update_id

    async def wait_confirmed(self, update_id: int | None = None, timeout: float = 5.0) -> None:
        """Wait until the bot confirmed ``update_id`` (default: every update emitted so far)."""
        target = self._last_update_id if update_id is None else update_id
        await self.wait_for(lambda: self.confirmed_offset > target, timeout)

    # ----- internals: building messages and updates ----------------------------------------

    def _enqueue(self, kind: str, payload: dict[str, Any]) -> int | None:
        update = _Update(update_id=next(self._update_ids), kind=kind, payload=payload)
        self._last_update_id = update.update_id
        self._updates.append(update)
        self._notify()
        for waiter in list(self._update_waiters):
            if not waiter.done():
                waiter.set_result(None)
        return update.update_id

    def _notify(self) -> None:
        self._changed.set()

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _new_message(
        self,
        chat: FakeChat | FakeUser,
        author: FakeUser,
        *,
        text: str | None,
        entities: list[dict[str, Any]] | None = None,
        photo: bytes | None = None,
        document: tuple[bytes, str, str] | None = None,
        caption: str | None = None,
        forward_from: FakeUser | str | None = None,
        date: int | None = None,
    ) -> dict[str, Any]:
        chat_json = chat.private_chat_json() if isinstance(chat, FakeUser) else chat.as_json()
        message: dict[str, Any] = {"message_id": self._next_message_id(chat_json["id"]), "from": author.as_json(),
                                   "chat": chat_json, "date": date or int(time.time())}
        if photo is not None:
            message["photo"] = self._photo_sizes(self._store_file(photo, "photos", "jpg", None, "image/jpeg"))
        if document is not None:
            data, name, mime = document
            stored = self._store_file(data, "documents", name.rsplit(".", 1)[-1] if "." in name else "bin", name, mime)
            message["document"] = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                                   "file_name": name, "mime_type": mime, "file_size": len(data)}
        if photo is not None or document is not None:
            if caption:
                message["caption"] = caption
                message["caption_entities"] = entities if entities is not None else _entities(caption)
                if not message["caption_entities"]:
                    del message["caption_entities"]
        elif text is not None:
            message["text"] = text
            ents = entities if entities is not None else _entities(text)
            if ents:
                message["entities"] = ents
        if isinstance(forward_from, FakeUser):
            message["forward_origin"] = {"type": "user", "date": message["date"] - 60,
                                         "sender_user": forward_from.as_json()}
        elif isinstance(forward_from, str):
            message["forward_origin"] = {"type": "hidden_user", "date": message["date"] - 60,
                                         "sender_user_name": forward_from}
        return message

    def _thread_and_reply(self, group: FakeChat, message: dict[str, Any], thread_id: int | None,
                          reply_to: int | None) -> None:
        if thread_id is not None:
            if thread_id not in group.topics:
                raise ValueError(f"no topic {thread_id} in {group.title}")
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        if reply_to is not None:
            replied = self.messages.get((group.id, reply_to))
            if replied is None:
                raise ValueError(f"no message {reply_to} in {group.title}")
            message["reply_to_message"] = _shallow(replied)
            if thread_id is None and replied.get("is_topic_message"):
                message["message_thread_id"] = replied["message_thread_id"]
                message["is_topic_message"] = True
        elif thread_id is not None:
            # In a topic, a message that replies to nothing "replies" to the topic's creation message.
            message["reply_to_message"] = _shallow(self.messages[(group.id, thread_id)])

    def _store(self, chat_id: int, message: dict[str, Any]) -> None:
        self.messages[(chat_id, message["message_id"])] = message

    def _emit_group_message(self, group: FakeChat, message: dict[str, Any], *, service: bool = False) -> int | None:
        if not self._bot_present(group):
            return None
        if not service and not self._bot_receives(group, message):
            return None
        return self._enqueue("message", message)

    def _bot_present(self, group: FakeChat) -> bool:
        state = group.members.get(self.bot_id)
        return state is not None and state.is_present

    def _bot_is_admin(self, group: FakeChat) -> bool:
        state = group.members.get(self.bot_id)
        return state is not None and state.status == "administrator"

    def _bot_receives(self, group: FakeChat, message: dict[str, Any]) -> bool:
        """Privacy mode: a non-admin bot sees commands, mentions of it and replies to it only."""
        if not self._bot_present(group):
            return False
        if not self.privacy_mode or self._bot_is_admin(group):
            return True
        text = message.get("text") or message.get("caption") or ""
        if text.startswith("/"):
            return True
        if f"@{self.bot.username}".lower() in text.lower():
            return True
        replied = message.get("reply_to_message") or {}
        return replied.get("from", {}).get("id") == self.bot_id and "forum_topic_created" not in replied

    def _emit_private_membership(self, user: FakeUser, old: str, new: str) -> None:
        self._enqueue("my_chat_member", {
            "chat": user.private_chat_json(), "from": user.as_json(), "date": int(time.time()),
            "old_chat_member": Membership(status=old).as_json(self.bot),  # type: ignore[arg-type]
            "new_chat_member": Membership(status=new).as_json(self.bot),  # type: ignore[arg-type]
        })

    def _store_file(self, data: bytes, folder: str, ext: str, name: str | None, mime: str | None) -> StoredFile:
        n = next(self._file_seq)
        stored = StoredFile(file_id=f"F{n}{secrets.token_hex(8)}", file_unique_id=f"U{n}{secrets.token_hex(4)}",
                            data=data, file_path=f"{folder}/file_{n}.{ext}", file_name=name, mime_type=mime)
        self.files[stored.file_id] = stored
        return stored

    def _photo_sizes(self, stored: StoredFile) -> list[dict[str, Any]]:
        return [
            {"file_id": stored.file_id + "s", "file_unique_id": stored.file_unique_id + "s", "width": 90,
             "height": 90, "file_size": min(len(stored.data), 2048)},
            {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "width": 800, "height": 600,
             "file_size": len(stored.data)},
        ]

    def _lookup_file(self, file_id: str) -> StoredFile | None:
        # A photo's thumbnail id is the full size's id plus "s" (both point at the same bytes here).
        return self.files.get(file_id) or (self.files.get(file_id[:-1]) if file_id.endswith("s") else None)

    def _user(self, user: UserLike) -> FakeUser:
        if isinstance(user, FakeUser):
            return user
        try:
            return self.users[int(user)]
        except KeyError:
            raise ValueError(f"no user {user}") from None

    def _group(self, chat: ChatLike) -> FakeChat:
        if isinstance(chat, FakeChat):
            return chat
        try:
            return self.chats[int(chat)]  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"no group {chat}") from None

    def _chat_id(self, chat: ChatLike) -> int:
        return chat.id if isinstance(chat, (FakeChat, FakeUser)) else int(chat)

    def _any_member(self, group: FakeChat) -> FakeUser:
        for user_id, state in group.members.items():
            if user_id != self.bot_id and state.status == "creator":
                return self.users[user_id]
        owner = self.add_user("Owner")
        group.members[owner.id] = Membership(status="creator")
        return owner

    # ----- the Bot API over HTTP --------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = {}
        try:
            try:
                params = await _read_params(request)
            except ConnectionResetError:  # the client went away mid-request (a cancelled call): nothing to do
                return web.Response(status=400)
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            handler = getattr(self, f"_api_{method.lower()}", None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(params)
        except ApiError as err:
            if err.code == 429:
                self.rate_limited += 1
            self._record(method, params, err.code, err.description)
            return web.json_response(err.body(), status=err.code)
        self._record(method, params, 200, None)
        return web.json_response({"ok": True, "result": result})

    def _record(self, method: str, params: dict[str, Any], status: int, description: str | None) -> None:
        shown = {k: ("<file>" if isinstance(v, web.FileField) else v) for k, v in params.items()}
        self.calls.append(ApiCall(method=method, params=shown, status=status, description=description,
                                  at=time.time()))
        self._notify()

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").body(), status=401)
        path = request.match_info["path"]
        for stored in self.files.values():
            if stored.file_path == path:
                return web.Response(body=stored.data, content_type=stored.mime_type or "application/octet-stream")
        return web.json_response(ApiError(404, "Not Found").body(), status=404)

    # Each _api_<method> takes the request parameters and returns the ``result`` or raises ApiError.

    async def _api_getme(self, params: dict[str, Any]) -> dict[str, Any]:
        return {**self.bot.as_json(), "can_join_groups": True, "can_read_all_group_messages": not self.privacy_mode,
                "supports_inline_queries": False, "can_connect_to_business": False, "has_main_web_app": False}

    async def _api_logout(self, params: dict[str, Any]) -> bool:
        return True

    async def _api_close(self, params: dict[str, Any]) -> bool:
        return True

    async def _api_setmycommands(self, params: dict[str, Any]) -> bool:
        return True

    async def _api_sendchataction(self, params: dict[str, Any]) -> bool:
        self._target_chat(params)
        return True

    async def _api_getupdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset = _opt_int(params, "offset")
        limit = max(1, min(100, _opt_int(params, "limit") or 100))
        timeout = min(float(_opt_int(params, "timeout") or 0), self.max_poll_timeout_s)
        if "allowed_updates" in params:
            allowed = _json_param(params, "allowed_updates") or []
            self.allowed_updates = frozenset(allowed) if allowed else DEFAULT_ALLOWED
        if offset is not None:
            self._confirm(offset)
        # A newer getUpdates ends the pending one, like Telegram does (409 to the older caller).
        if self._poll_waiter is not None and not self._poll_waiter.done():
            self._poll_waiter.set_result("conflict")
        ready = self._deliverable(limit)
        if not ready and timeout > 0:
            loop = asyncio.get_running_loop()
            me: asyncio.Future[str] = loop.create_future()
            self._poll_waiter = me
            new_update: asyncio.Future[None] = loop.create_future()
            self._update_waiters.add(new_update)
            try:
                done, _ = await asyncio.wait({me, new_update}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            finally:
                self._update_waiters.discard(new_update)
                new_update.cancel()
                if self._poll_waiter is me:
                    self._poll_waiter = None
            if me.done() and me.result() == "conflict":
                raise ApiError(409, "Conflict: terminated by other getUpdates request; "
                                    "make sure that only one bot instance is running")
            if self.webhook is not None:
                return []
            ready = self._deliverable(limit)
        for update in ready:
            update.deliveries += 1
            self._delivery_counts[update.update_id] = update.deliveries
        return [u.as_json() for u in ready]

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            keep = -offset
            dropped = self._updates[:-keep] if keep < len(self._updates) else []
            self._updates = self._updates[len(dropped):]
            if dropped:
                self.confirmed_offset = max(self.confirmed_offset, dropped[-1].update_id + 1)
        else:
            self._updates = [u for u in self._updates if u.update_id >= offset]
            self.confirmed_offset = max(self.confirmed_offset, offset)
        self._notify()

    def _deliverable(self, limit: int) -> list[_Update]:
        # Updates of types the bot did not ask for are dropped, as Telegram does.
        self._updates = [u for u in self._updates if u.kind in self.allowed_updates]
        return self._updates[:limit]

    async def _api_setwebhook(self, params: dict[str, Any]) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return await self._api_deletewebhook(params)
        if not url.startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret_token = params.get("secret_token")
        if secret_token is not None and not _SECRET_TOKEN.match(str(secret_token)):
            raise bad_request("secret token contains unallowed characters")
        if "allowed_updates" in params:
            allowed = _json_param(params, "allowed_updates") or []
            self.allowed_updates = frozenset(allowed) if allowed else DEFAULT_ALLOWED
        if _bool(params.get("drop_pending_updates")):
            self._confirm(self._last_update_id + 1)
        self.webhook = {"url": url, "secret_token": secret_token,
                        "max_connections": _opt_int(params, "max_connections") or 40}
        if self._poll_waiter is not None and not self._poll_waiter.done():
            self._poll_waiter.set_result("webhook")
        self._wake_pusher()
        return True

    async def _api_deletewebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = None
        if _bool(params.get("drop_pending_updates")):
            self._confirm(self._last_update_id + 1)
        return True

    async def _api_getwebhookinfo(self, params: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {"url": self.webhook["url"] if self.webhook else "", "has_custom_certificate": False,
                                "pending_update_count": len(self._updates)}
        if self.webhook_errors:
            info["last_error_message"] = self.webhook_errors[-1]
            info["last_error_date"] = int(time.time())
        return info

    def _wake_pusher(self) -> None:
        for waiter in list(self._update_waiters):
            if not waiter.done():
                waiter.set_result(None)

    async def _push_webhook_loop(self) -> None:
        """Deliver pending updates to the webhook one at a time; a non-2xx answer means retry later."""
        loop = asyncio.get_running_loop()
        while True:
            if self.webhook is None or not self._deliverable(1):
                waiter: asyncio.Future[None] = loop.create_future()
                self._update_waiters.add(waiter)
                try:
                    await asyncio.wait_for(waiter, timeout=0.5)
                except asyncio.TimeoutError:
                    pass
                finally:
                    self._update_waiters.discard(waiter)
                continue
            update = self._deliverable(1)[0]
            hook = self.webhook
            headers = {"Content-Type": "application/json"}
            if hook.get("secret_token"):
                headers["X-Telegram-Bot-Api-Secret-Token"] = hook["secret_token"]
            update.deliveries += 1
            self._delivery_counts[update.update_id] = update.deliveries
            try:
                assert self._client is not None
                async with self._client.post(hook["url"], data=json.dumps(update.as_json()), headers=headers) as resp:
                    ok = 200 <= resp.status < 300
                    error = f"Wrong response from the webhook: {resp.status} {resp.reason}"
            except Exception as exc:  # noqa: BLE001 - any failure is a failed delivery, retried later
                ok, error = False, f"Connection failed: {type(exc).__name__}"
            if ok:
                self._confirm(update.update_id + 1)
            else:
                self.webhook_errors.append(error)
                self._notify()
                await asyncio.sleep(self.webhook_retry_s)

    # --- sending

    def _target_chat(self, params: dict[str, Any]) -> FakeChat | FakeUser:
        """Resolve ``chat_id`` and check the bot may write there (403/400 as Telegram answers)."""
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        chat: FakeChat | FakeUser | None = None
        if isinstance(raw, str) and raw.startswith("@"):
            name = raw[1:].lower()
            chat = next((c for c in self.chats.values() if (c.username or "").lower() == name), None)
        else:
            try:
                chat_id = int(raw)
            except (TypeError, ValueError):
                raise bad_request("chat not found") from None
            chat = self.chats.get(chat_id) or (self.users.get(chat_id) if chat_id > 0 else None)
        if chat is None:
            raise bad_request("chat not found")
        if isinstance(chat, FakeChat) and chat.migrated_to is not None:
            raise ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                           {"migrate_to_chat_id": chat.migrated_to})
        return chat

    def _check_can_send(self, chat: FakeChat | FakeUser) -> None:
        if isinstance(chat, FakeUser):
            if chat.is_bot:
                raise forbidden("bot can't send messages to bots")
            if chat.blocked:
                raise forbidden("bot was blocked by the user")
            if not chat.started:
                raise forbidden("bot can't initiate conversation with a user")
            return
        state = chat.members.get(self.bot_id)
        if state is None or state.status == "left":
            raise forbidden(f"bot is not a member of the {chat.kind_words}")
        if state.status == "kicked":
            raise forbidden(f"bot was kicked from the {chat.kind_words}")
        if chat.type == "channel" and not state.can("can_post_messages"):
            raise bad_request("need administrator rights in the channel chat")
        if state.status == "restricted" and not state.permissions.get("can_send_messages", False):
            raise bad_request("not enough rights to send text messages to the chat")

    def _check_rate(self, chat: FakeChat | FakeUser) -> None:
        """Telegram's flood limits; raises 429 with the wait before the send would fit."""
        scopes = [("overall", "overall")]
        if isinstance(chat, FakeUser):
            scopes.append(("private", f"private:{chat.id}"))
        else:
            scopes.append(("group", f"group:{chat.id}"))
        buckets = []
        wait = 0.0
        for scope, key in scopes:
            limit = self.limits[scope]
            if limit is None:
                continue
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(limit, self.clock)
            buckets.append((scope, bucket))
            wait = max(wait, bucket.wait_needed())
        if wait > 0:
            worst = max(buckets, key=lambda sb: sb[1].wait_needed())[0]
            self.rate_limited_by_scope[worst] += 1
            retry_after = max(1, math.ceil(wait))
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
        for _, bucket in buckets:
            bucket.take()

    def _thread_param(self, chat: FakeChat | FakeUser, params: dict[str, Any]) -> int | None:
        thread_id = _opt_int(params, "message_thread_id")
        if thread_id is None:
            return None
        if isinstance(chat, FakeUser) or not chat.is_forum or thread_id not in chat.topics:
            raise bad_request("message thread not found")
        return thread_id

    def _reply_param(self, chat: FakeChat | FakeUser, params: dict[str, Any]) -> dict[str, Any] | None:
        reply = _json_param(params, "reply_parameters") or {}
        message_id = reply.get("message_id") or _opt_int(params, "reply_to_message_id")
        if message_id is None:
            return None
        replied = self.messages.get((chat.id, int(message_id)))
        if replied is None:
            if reply.get("allow_sending_without_reply") or _bool(params.get("allow_sending_without_reply")):
                return None
            raise bad_request("message to be replied not found")
        return replied

    def _check_markup(self, params: dict[str, Any]) -> dict[str, Any] | None:
        markup = _json_param(params, "reply_markup")
        if markup is None:
            return None
        if "inline_keyboard" not in markup:
            return markup  # reply keyboards, force_reply…: accepted, not modelled
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request("field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays")
        for row in rows:
            for button in row:
                if not button.get("text"):
                    raise bad_request("text buttons are unallowed in the inline keyboard")
                if "callback_data" in button:
                    data = button["callback_data"]
                    if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                        raise bad_request("BUTTON_DATA_INVALID")
                elif "url" in button:
                    if not re.match(r"^(https?|tg)://\S+$", str(button["url"])):
                        raise bad_request(f"inline keyboard button URL '{button['url']}' is invalid: Wrong HTTP URL")
                elif not any(k in button for k in ("login_url", "switch_inline_query", "web_app", "copy_text",
                                                   "switch_inline_query_current_chat", "callback_game", "pay")):
                    raise bad_request("can't parse inline keyboard button: InlineKeyboardButton must have exactly "
                                      "one optional field")
        return markup

    def _bot_message(self, chat: FakeChat | FakeUser, thread_id: int | None,
                     replied: dict[str, Any] | None, markup: dict[str, Any] | None) -> dict[str, Any]:
        chat_json = chat.private_chat_json() if isinstance(chat, FakeUser) else chat.as_json()
        message: dict[str, Any] = {"message_id": self._next_message_id(chat.id), "date": int(time.time()),
                                   "chat": chat_json}
        if isinstance(chat, FakeChat) and chat.type == "channel":
            message["sender_chat"] = chat_json
        else:
            message["from"] = self.bot.as_json()
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        if replied is not None:
            message["reply_to_message"] = _shallow(replied)
        if markup is not None and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        return message

    async def _api_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._target_chat(params)
        self._check_can_send(chat)
        text = str(params.get("text") or "").strip()
        if not text:
            raise bad_request("message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise bad_request("message is too long")
        thread_id = self._thread_param(chat, params)
        replied = self._reply_param(chat, params)
        markup = self._check_markup(params)
        self._check_rate(chat)
        message = self._bot_message(chat, thread_id, replied, markup)
        message["text"] = text
        if ents := _entities(text):
            message["entities"] = ents
        self._store(chat.id, message)
        self.actions.append(BotAction(kind="sent", chat_id=chat.id, message_id=message["message_id"], text=text,
                                      buttons=(markup or {}).get("inline_keyboard", []), thread_id=thread_id,
                                      reply_to=replied["message_id"] if replied else None, params=_plain(params)))
        return message

    async def _send_media(self, params: dict[str, Any], kind: Literal["photo", "document"]) -> dict[str, Any]:
        chat = self._target_chat(params)
        self._check_can_send(chat)
        caption = str(params.get("caption") or "").strip()
        if utf16_len(caption) > MAX_CAPTION:
            raise bad_request("message caption is too long")
        media = params.get(kind)
        if isinstance(media, web.FileField):
            data = media.file.read()
            name = media.filename or (f"{kind}.jpg" if kind == "photo" else "document")
            mime = media.content_type if media.content_type != "application/octet-stream" else None
            if not data:
                raise bad_request("file must be non-empty")
            ext = "jpg" if kind == "photo" else (name.rsplit(".", 1)[-1] if "." in name else "bin")
            stored = self._store_file(data, "photos" if kind == "photo" else "documents", ext,
                                      None if kind == "photo" else name, "image/jpeg" if kind == "photo" else mime)
        elif isinstance(media, str) and self._lookup_file(media) is not None:
            stored = self._lookup_file(media)  # type: ignore[assignment]
        else:
            raise bad_request("wrong file identifier/HTTP URL specified")
        thread_id = self._thread_param(chat, params)
        replied = self._reply_param(chat, params)
        markup = self._check_markup(params)
        self._check_rate(chat)
        message = self._bot_message(chat, thread_id, replied, markup)
        if kind == "photo":
            message["photo"] = self._photo_sizes(stored)
        else:
            message["document"] = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                                   "file_name": stored.file_name or "document", "file_size": len(stored.data)}
            if stored.mime_type:
                message["document"]["mime_type"] = stored.mime_type
        if caption:
            message["caption"] = caption
        self._store(chat.id, message)
        self.actions.append(BotAction(kind="sent", chat_id=chat.id, message_id=message["message_id"],
                                      text=caption or None, buttons=(markup or {}).get("inline_keyboard", []),
                                      thread_id=thread_id, reply_to=replied["message_id"] if replied else None,
                                      media=kind, file_id=stored.file_id, params=_plain(params)))
        return message

    async def _api_sendphoto(self, params: dict[str, Any]) -> dict[str, Any]:
        return await self._send_media(params, "photo")

    async def _api_senddocument(self, params: dict[str, Any]) -> dict[str, Any]:
        return await self._send_media(params, "document")

    async def _api_editmessagetext(self, params: dict[str, Any]) -> dict[str, Any]:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not modelled by the fake")
        chat = self._target_chat(params)
        message_id = _req_int(params, "message_id")
        message = self.messages.get((chat.id, message_id))
        if message is None:
            raise bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id and "sender_chat" not in message:
            raise bad_request("message can't be edited")
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        text = str(params.get("text") or "").strip()
        if not text:
            raise bad_request("message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise bad_request("MESSAGE_TOO_LONG")
        markup = self._check_markup(params)
        new_markup = markup if markup is not None and "inline_keyboard" in markup else None
        if text == message["text"] and new_markup == message.get("reply_markup"):
            raise bad_request("message is not modified: specified new message content and reply markup are "
                              "exactly the same as a current content and reply markup of the message")
        message["text"] = text
        message["edit_date"] = int(time.time())
        if new_markup is not None:
            message["reply_markup"] = new_markup
        else:
            message.pop("reply_markup", None)
        self.actions.append(BotAction(kind="edited", chat_id=chat.id, message_id=message_id, text=text,
                                      buttons=(new_markup or {}).get("inline_keyboard", []), params=_plain(params)))
        return message

    async def _api_deletemessage(self, params: dict[str, Any]) -> bool:
        chat = self._target_chat(params)
        message_id = _req_int(params, "message_id")
        message = self.messages.get((chat.id, message_id))
        if message is None:
            raise bad_request("message to delete not found")
        own = message.get("from", {}).get("id") == self.bot_id
        if isinstance(chat, FakeChat) and chat.members.get(self.bot_id, Membership(status="left")).status in (
                "left", "kicked"):
            # A bot no longer in the chat cannot touch it, its own messages included.
            status = chat.members.get(self.bot_id, Membership(status="left")).status
            raise forbidden(f"bot {'was kicked from' if status == 'kicked' else 'is not a member of'} the "
                            f"{chat.kind_words}")
        if isinstance(chat, FakeChat) and not own:
            state = chat.members.get(self.bot_id)
            if state is None or not state.can("can_delete_messages"):
                raise bad_request("message can't be deleted")
        del self.messages[(chat.id, message_id)]
        self.actions.append(BotAction(kind="deleted", chat_id=chat.id, message_id=message_id,
                                      user_id=message.get("from", {}).get("id"), text=message.get("text"),
                                      params=_plain(params)))
        return True

    def _admin_target(self, params: dict[str, Any], right: str, error: str) -> tuple[FakeChat, FakeUser]:
        chat = self._target_chat(params)
        if isinstance(chat, FakeUser):
            raise bad_request("method is available for supergroup and channel chats only")
        state = chat.members.get(self.bot_id)
        if state is None or not state.is_present:
            raise forbidden(f"bot is not a member of the {chat.kind_words}")
        if not state.can(right):
            raise bad_request(error)
        user_id = _req_int(params, "user_id")
        user = self.users.get(user_id)
        if user is None:
            raise bad_request("PARTICIPANT_ID_INVALID")
        return chat, user

    async def _api_banchatmember(self, params: dict[str, Any]) -> bool:
        chat, user = self._admin_target(params, "can_restrict_members",
                                        "not enough rights to restrict/unrestrict chat member")
        current = chat.members.get(user.id)
        if current is not None and current.status == "creator":
            raise bad_request("can't remove chat owner")
        if current is not None and current.status == "administrator":
            raise bad_request("user is an administrator of the chat")
        until = _opt_int(params, "until_date") or 0
        self._change_member(chat, user, Membership(status="kicked", until_date=until))
        self.actions.append(BotAction(kind="banned", chat_id=chat.id, user_id=user.id, params=_plain(params)))
        return True

    async def _api_unbanchatmember(self, params: dict[str, Any]) -> bool:
        chat, user = self._admin_target(params, "can_restrict_members",
                                        "not enough rights to restrict/unrestrict chat member")
        current = chat.members.get(user.id)
        if current is not None and current.status in ("creator", "administrator"):
            raise bad_request("user is an administrator of the chat")
        if current is not None and current.status == "kicked":
            self._change_member(chat, user, Membership(status="left"))
        elif not _bool(params.get("only_if_banned")) and current is not None and current.is_present:
            self._change_member(chat, user, Membership(status="left"))  # Telegram's unban also removes members
        self.actions.append(BotAction(kind="unbanned", chat_id=chat.id, user_id=user.id, params=_plain(params)))
        return True

    async def _api_restrictchatmember(self, params: dict[str, Any]) -> bool:
        chat, user = self._admin_target(params, "can_restrict_members",
                                        "not enough rights to restrict/unrestrict chat member")
        if chat.type != "supergroup":
            raise bad_request("method is available only for supergroups")
        current = chat.members.get(user.id)
        if current is not None and current.status in ("creator", "administrator"):
            raise bad_request("user is an administrator of the chat")
        permissions = _json_param(params, "permissions")
        if not isinstance(permissions, dict):
            raise bad_request("field \"permissions\" must be of type Object")
        until = _opt_int(params, "until_date") or 0
        allowed_all = all(permissions.get(p, False) for p in PERMISSIONS if p not in
                          ("can_change_info", "can_pin_messages", "can_invite_users", "can_manage_topics"))
        new = Membership(status="member") if allowed_all else Membership(status="restricted", permissions=permissions,
                                                                          until_date=until)
        self._change_member(chat, user, new)
        self.actions.append(BotAction(kind="restricted", chat_id=chat.id, user_id=user.id, params=_plain(params)))
        return True

    def _change_member(self, chat: FakeChat, user: FakeUser, new: Membership) -> None:
        old = chat.members.get(user.id, Membership(status="left"))
        chat.members[user.id] = new
        if self._bot_is_admin(chat):
            self._enqueue("chat_member", {
                "chat": chat.as_json(), "from": self.bot.as_json(), "date": int(time.time()),
                "old_chat_member": old.as_json(user), "new_chat_member": new.as_json(user),
            })

    async def _api_pinchatmessage(self, params: dict[str, Any]) -> bool:
        chat = self._target_chat(params)
        if isinstance(chat, FakeChat):
            state = chat.members.get(self.bot_id)
            if state is None or not state.is_present:
                raise forbidden(f"bot is not a member of the {chat.kind_words}")
            if not (state.can("can_pin_messages") or (chat.type == "channel" and state.can("can_edit_messages"))):
                raise bad_request("not enough rights to manage pinned messages in the chat")
        message_id = _req_int(params, "message_id")
        if (chat.id, message_id) not in self.messages:
            raise bad_request("message to pin not found")
        self.actions.append(BotAction(kind="pinned", chat_id=chat.id, message_id=message_id, params=_plain(params)))
        return True

    async def _api_unpinchatmessage(self, params: dict[str, Any]) -> bool:
        self._target_chat(params)
        return True

    async def _api_answercallbackquery(self, params: dict[str, Any]) -> bool:
        callback_id = str(params.get("callback_query_id") or "")
        entry = self.callbacks.get(callback_id)
        if entry is None or entry["answered"] or self.clock() - entry["at"] > self.callback_ttl_s:
            raise bad_request("query is too old and response timeout expired or query id is invalid")
        text = params.get("text")
        if text is not None and utf16_len(str(text)) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        entry["answered"] = True
        entry["answer"] = {"text": text, "show_alert": _bool(params.get("show_alert"))}
        self.actions.append(BotAction(kind="answered", chat_id=None, user_id=entry["user_id"],
                                      text=str(text) if text is not None else None, params=_plain(params)))
        return True

    async def _api_getchat(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._target_chat(params)
        if isinstance(chat, FakeUser) and not chat.started:
            raise bad_request("chat not found")
        base = chat.private_chat_json() if isinstance(chat, FakeUser) else chat.as_json()
        return {**base, "accent_color_id": 0, "max_reaction_count": 11,
                "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                                        "premium_subscription": False, "gifts_from_channels": False}}

    async def _api_getchatmember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._target_chat(params)
        user_id = _req_int(params, "user_id")
        user = self.users.get(user_id)
        if user is None:
            raise bad_request("PARTICIPANT_ID_INVALID")
        if isinstance(chat, FakeUser):
            return Membership(status="member").as_json(user)
        return chat.members.get(user.id, Membership(status="left")).as_json(user)

    async def _api_getchatadministrators(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        chat = self._target_chat(params)
        if isinstance(chat, FakeUser):
            raise bad_request("there are no administrators in the private chat")
        return [state.as_json(self.users[uid]) for uid, state in chat.members.items()
                if state.status in ("creator", "administrator")]

    async def _api_getchatmembercount(self, params: dict[str, Any]) -> int:
        chat = self._target_chat(params)
        if isinstance(chat, FakeUser):
            return 2
        return sum(1 for s in chat.members.values() if s.is_present)

    async def _api_getfile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params.get("file_id") or "")
        stored = self._lookup_file(file_id)
        if stored is None:
            raise bad_request("invalid file_id")
        return {"file_id": file_id, "file_unique_id": stored.file_unique_id, "file_size": len(stored.data),
                "file_path": stored.file_path}

    # ----- control over HTTP (for other processes: demos, benchmarks) --------------------------

    async def _handle_control(self, request: web.Request) -> web.Response:
        """``POST /_control/<op>`` with a JSON body naming users and chats by id; ``GET`` to inspect."""
        op = request.match_info["op"]
        body = await request.json() if request.can_read_body else {}
        try:
            result = self._control(op, body)
        except (ValueError, KeyError, TypeError) as exc:
            return web.json_response({"ok": False, "error": str(exc)}, status=400)
        return web.json_response({"ok": True, "result": result})

    def _control(self, op: str, body: dict[str, Any]) -> Any:
        if op == "user":
            return self.add_user(**body).as_json()
        if op == "group":
            owner = body.pop("owner_id", None)
            return self.create_group(**body, owner=self._user(owner) if owner else None).as_json()
        if op == "topic":
            return self.create_topic(body["chat_id"], body["name"])
        if op == "bot_status":
            return self.set_bot_status(body.pop("chat_id"), body.pop("status"), **body)
        if op == "join":
            return self.join(body["chat_id"], body["user_id"])
        if op == "post":
            return self.post(body.pop("chat_id"), body.pop("user_id"), body.pop("text", None), **body)
        if op == "posts":  # many messages at once (benchmarks): round-robin over chat_ids
            chat_ids, user_id = body["chat_ids"], body["user_id"]
            for i in range(int(body["count"])):
                self.post(chat_ids[i % len(chat_ids)], user_id, f"{body.get('text', 'message')} {i}")
            return self._last_update_id
        if op == "start":
            return self.start_bot(body["user_id"], body.get("payload"))
        if op == "block":
            self.block_bot(body["user_id"])
            return True
        if op == "edit":
            return self.edit(body["chat_id"], body["message_id"], body["text"])
        if op == "press":
            return self.press(body["user_id"], body["chat_id"], body["message_id"], body.get("data"))
        if op == "actions":
            chat_id = body.get("chat_id")
            return [{k: v for k, v in vars(a).items() if k != "params"} for a in self.actions
                    if chat_id is None or a.chat_id == chat_id]
        if op == "state":
            return {"pending_updates": self.pending_updates, "confirmed_offset": self.confirmed_offset,
                    "rate_limited": self.rate_limited, "rate_limited_by_scope": dict(self.rate_limited_by_scope),
                    "calls": len(self.calls), "webhook": bool(self.webhook), "last_update_id": self._last_update_id,
                    "sent": len(self.actions_of("sent"))}
        raise ValueError(f"unknown control operation {op!r}")


# ---------------------------------------------------------------------------------------------
# helpers


def _shallow(message: dict[str, Any]) -> dict[str, Any]:
    """A replied-to message as Telegram nests it: without its own reply."""
    return {k: v for k, v in message.items() if k != "reply_to_message"}


def _entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram's server detects in plain text: commands, @mentions, URLs (UTF-16 offsets)."""
    found: list[tuple[int, int, str]] = []
    if m := _BOT_COMMAND.match(text):
        found.append((m.start(), m.end(), "bot_command"))
    for m in _USERNAME_MENTION.finditer(text):
        found.append((m.start(), m.end(), "mention"))
    for m in _URL.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), "url"))
    return [{"type": kind, "offset": utf16_len(text[:s]), "length": utf16_len(text[s:e])}
            for s, e, kind in sorted(found)]


def text_mention(text: str, name: str, user: FakeUser) -> list[dict[str, Any]]:
    """Entities for ``text`` where ``name`` links to ``user`` (how clients mention users without a username)."""
    start = text.index(name)
    return [{"type": "text_mention", "offset": utf16_len(text[:start]), "length": utf16_len(name),
             "user": user.as_json()}]


async def _read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                params.update(body)
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            params.update(form.items())
    return params


def _json_param(params: dict[str, Any], name: str) -> Any:
    value = params.get(name)
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None
    return value


def _opt_int(params: dict[str, Any], name: str) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request(f"invalid {name} specified") from None


def _req_int(params: dict[str, Any], name: str) -> int:
    value = _opt_int(params, name)
    if value is None:
        raise bad_request(f"{name} is empty")
    return value


def _bool(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() in ("true", "1"))


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters as sent, JSON-decoded where PTB encoded them, files replaced by a marker."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, web.FileField):
            out[key] = "<file>"
        elif value in ("true", "false"):
            out[key] = value == "true"
        elif isinstance(value, str) and value[:1] in "[{":
            try:
                out[key] = json.loads(value)
            except ValueError:
                out[key] = value
        else:
            out[key] = value
    return out



async def settle(fake: FakeTelegram, app: Any, *, timeout_s: float = 30) -> None:
    """Wait until the Beacon ``app`` is idle and the bot confirmed every update the fake holds (a handled
    update can make the fake queue another, so up to three rounds)."""
    await asyncio.sleep(0.05)
    for _ in range(3):
        assert await app.idle(settle_s=0.3, timeout_s=timeout_s), "Beacon did not settle"
        if fake.pending_updates == 0:
            break
        await asyncio.sleep(0.1)


class FakeTelegramProcess:
    """The fake Bot API in a child process, driven over ``/_control``: benchmarks keep it off the bot's
    event loop (and core), so the fake's own work does not count as the bot's."""

    def __init__(self, *, token: str, bot_username: str, group_per_min: float = 20.0) -> None:
        self.token = token
        self.bot_username = bot_username
        self.group_per_min = group_per_min
        self.process: asyncio.subprocess.Process | None = None
        self.url = ""
        self._http: Any = None

    async def __aenter__(self) -> FakeTelegramProcess:
        import sys
        from pathlib import Path

        import aiohttp

        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.fakes.telegram", self.token, self.bot_username, str(self.group_per_min),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, cwd=Path(__file__).resolve().parents[2])
        assert self.process.stdout is not None
        self.url = (await asyncio.wait_for(self.process.stdout.readline(), 60)).decode().strip()
        if not self.url:
            raise RuntimeError("the fake Bot API process did not start")
        self._http = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._http is not None:
            await self._http.close()
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.close()  # the child serves until its stdin closes
            await self.process.wait()

    async def control(self, op: str, **body: Any) -> Any:
        async with self._http.post(f"{self.url}/_control/{op}", json=body) as response:
            payload = await response.json()
        if not payload["ok"]:
            raise RuntimeError(f"control {op} failed: {payload}")
        return payload["result"]

    async def actions(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        return await self.control("actions", **({"chat_id": chat_id} if chat_id is not None else {}))


async def _serve_in_process(token: str, bot_username: str, group_per_min: float) -> None:
    """FakeTelegramProcess's child: Telegram's real limits (the per-group one as given), until stdin closes."""
    import sys

    async with FakeTelegram(token=token, bot_username=bot_username, max_poll_timeout_s=5,
                            group_limit=RateLimit(group_per_min, 60.0)) as fake:
        print(fake.url, flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


if __name__ == "__main__":
    import sys

    asyncio.run(_serve_in_process(sys.argv[1], sys.argv[2], float(sys.argv[3])))
