"""A local fake of Discord (REST API v10 and the gateway over WebSocket) that the real discord.py talks to.

Start it, point discord.py at it (``fake.api_base`` for ``discord.http.Route.BASE``, ``fake.gateway_url``
for ``DiscordWebSocket.DEFAULT_GATEWAY``), drive the community with the control methods and inspect
what the bot did::

    async with FakeDiscord(token=TOKEN) as fake:
        owner = fake.add_user("olga")
        guild = fake.create_guild("Exchange", owner=owner)
        general = fake.create_channel(guild, "general")
        forum = fake.create_channel(guild, "help", kind="forum")
        ann = fake.add_member(guild, fake.add_user("ann"))      # GUILD_MEMBER_ADD
        fake.post(general, ann, "my withdrawal is stuck")        # MESSAGE_CREATE
        thread, starter = fake.forum_post(forum, ann, "Deposit missing", "sent 300 USDT")
        await fake.wait_for(lambda: fake.sent(general))          # the bot answered
        fake.drop()                                              # cut the gateway: discord.py RESUMEs

What it does like Discord:

* Gateway: HELLO, IDENTIFY → READY (with ``resume_gateway_url``) then one GUILD_CREATE per guild,
  heartbeats answered with HEARTBEAT_ACK, dispatches with sequence numbers, RESUME replaying every
  event after the client's sequence then RESUMED, RECONNECT (op 7), INVALID_SESSION (op 9). Frames
  are compressed as ``zlib-stream`` (one zlib context per connection, each payload ending in a
  ``Z_SYNC_FLUSH``) when the client asks for it, as discord.py does; plain text frames otherwise.
  Intents are honoured: events are only sent for the intents identified with, message ``content``
  is blank without the message-content intent (except DMs, mentions of the bot and its own
  messages), and privileged intents not enabled for the application close the socket with 4014.
  A session stays resumable while disconnected: events meanwhile are kept and replayed.
* REST: the endpoints a moderation/support bot uses (see ``_routes``), answering with Discord's JSON
  error bodies and codes — 401, 403/50007 "Cannot send messages to this user" for closed DMs,
  403/50013 "Missing Permissions", 404/10008 "Unknown Message", 10062 "Unknown interaction",
  40060 "Interaction has already been acknowledged". Every response has ``Content-Type:
  application/json`` exactly. Per-route buckets and the global limit are enforced with the
  ``X-RateLimit-*`` headers on every answer, and a 429 carries ``Via``, ``Retry-After``,
  ``X-RateLimit-Scope`` and a JSON body with ``retry_after`` and ``global`` (limits are
  constructor arguments: tests shrink them, benchmarks keep Discord's).
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import itertools
import json
import math
import re
import secrets
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from aiohttp import WSMsgType, web

from tests.fakes._server import LocalServer

DISCORD_EPOCH_MS = 1420070400000
API_PREFIX = "/api/v10"
MAX_CONTENT = 2000
MAX_CUSTOM_ID = 100
EPHEMERAL = 1 << 6
CROSSPOSTED = 1 << 0

# Gateway opcodes.
OP_DISPATCH, OP_HEARTBEAT, OP_IDENTIFY, OP_PRESENCE, OP_RESUME, OP_RECONNECT = 0, 1, 2, 3, 6, 7
OP_REQUEST_MEMBERS, OP_INVALID_SESSION, OP_HELLO, OP_HEARTBEAT_ACK = 8, 9, 10, 11

# Intents.
GUILDS, GUILD_MEMBERS, GUILD_MODERATION = 1 << 0, 1 << 1, 1 << 2
GUILD_PRESENCES, GUILD_MESSAGES, DIRECT_MESSAGES, MESSAGE_CONTENT = 1 << 8, 1 << 9, 1 << 12, 1 << 15
PRIVILEGED = {"members": GUILD_MEMBERS, "presences": GUILD_PRESENCES, "message_content": MESSAGE_CONTENT}


class Perm:
    """Discord permission bits used by the fake."""

    KICK_MEMBERS = 1 << 1
    BAN_MEMBERS = 1 << 2
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    MANAGE_THREADS = 1 << 34
    CREATE_PUBLIC_THREADS = 1 << 35
    CREATE_PRIVATE_THREADS = 1 << 36
    SEND_MESSAGES_IN_THREADS = 1 << 38
    MODERATE_MEMBERS = 1 << 40
    PIN_MESSAGES = 1 << 51

    EVERYONE = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS
    # What the install link of a moderation/support bot asks for (docs/discord.md).
    MODERATOR_BOT = (EVERYONE | MANAGE_MESSAGES | PIN_MESSAGES | MODERATE_MEMBERS | BAN_MEMBERS | MANAGE_THREADS
                     | CREATE_PRIVATE_THREADS)
    ALL = (1 << 52) - 1


ChannelKind = Literal["text", "announcement", "forum", "category"]
CHANNEL_TYPES: dict[str, int] = {"text": 0, "dm": 1, "category": 4, "announcement": 5, "announcement_thread": 10,
                                 "public_thread": 11, "private_thread": 12, "forum": 15}
THREAD_TYPES = {10, 11, 12}


class ApiError(Exception):
    """An error answer: HTTP ``status`` with Discord's body ``{"message", "code"}``."""

    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors:
            body["errors"] = self.errors
        return body


def missing_permissions() -> ApiError:
    return ApiError(403, 50013, "Missing Permissions")


def unknown(what: str, code: int) -> ApiError:
    return ApiError(404, code, f"Unknown {what}")


def invalid_form(field_name: str, message: str, code: str = "BASE_TYPE_INVALID") -> ApiError:
    return ApiError(400, 50035, "Invalid Form Body",
                    {field_name: {"_errors": [{"code": code, "message": message}]}})


def snowflake_time(snowflake: int) -> datetime:
    return datetime.fromtimestamp(((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000, timezone.utc)


def iso(moment: datetime) -> str:
    return moment.isoformat()


# ---------------------------------------------------------------------------------------------
# Rate limits


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` requests per ``window_s`` seconds (a fixed window from its first request, like Discord's)."""

    limit: int
    window_s: float


class _Window:
    def __init__(self, limit: RateLimit, clock: Callable[[], float]) -> None:
        self.limit = limit
        self.clock = clock
        self.reset_at = 0.0
        self.used = 0

    def _roll(self) -> None:
        now = self.clock()
        if now >= self.reset_at:
            self.reset_at = now + self.limit.window_s
            self.used = 0

    def try_take(self) -> float:
        """0.0 when a request fits (and counts it); else the seconds until the window resets."""
        self._roll()
        if self.used >= self.limit.limit:
            return max(self.reset_at - self.clock(), 0.001)
        self.used += 1
        return 0.0

    @property
    def remaining(self) -> int:
        self._roll()
        return max(self.limit.limit - self.used, 0)

    @property
    def reset_after(self) -> float:
        return max(self.reset_at - self.clock(), 0.0)


@dataclass
class _Injected:
    """A failure to answer instead of handling the next matching request (``fail_next``)."""

    method: str
    pattern: re.Pattern[str]
    status: int
    retry_after: float
    is_global: bool
    code: int
    message: str
    times: int


# ---------------------------------------------------------------------------------------------
# State


@dataclass
class FakeUser:
    """A Discord account. ``dms_open=False``: the member closed DMs from server members (50007)."""

    id: int
    username: str
    global_name: str | None = None
    bot: bool = False
    dms_open: bool = True
    locale: str = "en-US"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": str(self.id), "username": self.username, "discriminator": "0",
                                "global_name": self.global_name, "avatar": None, "public_flags": 0, "flags": 0}
        if self.bot:
            data["bot"] = True
        return data


@dataclass
class FakeRole:
    id: int
    name: str
    permissions: int
    position: int = 1
    managed: bool = False
    bot_id: int | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": str(self.id), "name": self.name, "color": 0, "colors": {"primary_color": 0},
                                "hoist": False, "position": self.position, "permissions": str(self.permissions),
                                "managed": self.managed, "mentionable": False, "flags": 0, "icon": None,
                                "unicode_emoji": None}
        if self.bot_id is not None:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data


@dataclass
class FakeMember:
    user: FakeUser
    joined_at: datetime
    roles: list[int] = field(default_factory=list)
    nick: str | None = None
    communication_disabled_until: datetime | None = None

    def as_json(self, *, with_user: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "roles": [str(r) for r in self.roles], "joined_at": iso(self.joined_at), "nick": self.nick,
            "deaf": False, "mute": False, "flags": 0, "pending": False, "avatar": None, "premium_since": None,
            "communication_disabled_until": iso(self.communication_disabled_until)
            if self.communication_disabled_until else None,
        }
        if with_user:
            data["user"] = self.user.as_json()
        return data

    def timed_out(self, now: datetime) -> bool:
        return self.communication_disabled_until is not None and self.communication_disabled_until > now


@dataclass
class FakeChannel:
    """A guild channel, a thread (``parent_id`` set) or a DM (``recipient`` set)."""

    id: int
    type: int
    name: str | None = None
    guild_id: int | None = None
    parent_id: int | None = None
    owner_id: int | None = None
    recipient: FakeUser | None = None
    position: int = 0
    invitable: bool = True
    archived: bool = False
    thread_members: set[int] = field(default_factory=set)
    deny: int = 0  # permissions denied to the bot here (a channel overwrite)
    last_message_id: int | None = None
    message_count: int = 0

    @property
    def is_thread(self) -> bool:
        return self.type in THREAD_TYPES

    def as_json(self) -> dict[str, Any]:
        if self.type == 1:
            assert self.recipient is not None
            return {"id": str(self.id), "type": 1, "last_message_id": _opt_str(self.last_message_id),
                    "recipients": [self.recipient.as_json()], "flags": 0}
        data: dict[str, Any] = {
            "id": str(self.id), "type": self.type, "guild_id": str(self.guild_id), "name": self.name,
            "parent_id": _opt_str(self.parent_id), "last_message_id": _opt_str(self.last_message_id),
            "rate_limit_per_user": 0, "flags": 0, "nsfw": False,
        }
        if self.is_thread:
            created = snowflake_time(self.id)
            data.update(owner_id=str(self.owner_id), message_count=self.message_count,
                        member_count=len(self.thread_members), total_message_sent=self.message_count,
                        applied_tags=[], thread_metadata={
                            "archived": self.archived, "auto_archive_duration": 10080, "locked": False,
                            "archive_timestamp": iso(created), "create_timestamp": iso(created),
                            **({"invitable": self.invitable} if self.type == 12 else {})})
        else:
            data.update(position=self.position, permission_overwrites=[], topic=None)
            if self.type == 15:
                data.update(available_tags=[], default_reaction_emoji=None, default_sort_order=None,
                            default_forum_layout=0, default_thread_rate_limit_per_user=0)
        return data


@dataclass
class FakeGuild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, FakeRole] = field(default_factory=dict)
    members: dict[int, FakeMember] = field(default_factory=dict)
    channels: dict[int, FakeChannel] = field(default_factory=dict)  # guild channels and threads
    bans: dict[int, dict[str, Any]] = field(default_factory=dict)
    system_channel_id: int | None = None

    @property
    def everyone(self) -> FakeRole:
        return self.roles[self.id]

    def as_json(self) -> dict[str, Any]:
        top = [c for c in self.channels.values() if not c.is_thread]
        threads = [c for c in self.channels.values() if c.is_thread and not c.archived]
        return {
            "id": str(self.id), "name": self.name, "icon": None, "splash": None, "discovery_splash": None,
            "owner_id": str(self.owner_id), "afk_channel_id": None, "afk_timeout": 300, "verification_level": 0,
            "default_message_notifications": 1, "explicit_content_filter": 2, "mfa_level": 0,
            "system_channel_id": _opt_str(self.system_channel_id), "system_channel_flags": 0,
            "rules_channel_id": None, "public_updates_channel_id": None, "safety_alerts_channel_id": None,
            "vanity_url_code": None, "description": None, "banner": None, "premium_tier": 0,
            "premium_subscription_count": 0, "preferred_locale": "en-US", "nsfw_level": 0,
            "premium_progress_bar_enabled": False, "features": ["COMMUNITY", "NEWS"],
            "roles": [r.as_json() for r in self.roles.values()], "emojis": [], "stickers": [],
            "joined_at": iso(snowflake_time(self.id)), "large": False, "unavailable": False,
            "member_count": len(self.members), "members": [m.as_json() for m in self.members.values()], "channels": [c.as_json() for c in top],
            "threads": [c.as_json() for c in threads], "presences": [], "voice_states": [],
            "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [], "lazy": True,
            "application_id": None, "max_members": 500000, "max_video_channel_users": 25,
        }


@dataclass
class ApiCall:
    """One REST request the bot made, as the fake answered it."""

    method: str
    path: str
    route: str  # the route template, e.g. "POST /channels/{channel_id}/messages"
    status: int
    body: Any
    query: dict[str, str]
    at: float
    code: int | None = None


@dataclass
class _Event:
    seq: int
    name: str
    data: dict[str, Any]

    def frame(self) -> dict[str, Any]:
        return {"op": OP_DISPATCH, "t": self.name, "s": self.seq, "d": self.data}


@dataclass
class Interaction:
    """A button press and what the bot answered to it."""

    id: int
    token: str
    user: FakeUser
    channel: FakeChannel
    message_id: int
    custom_id: str
    created: float
    responses: list[dict[str, Any]] = field(default_factory=list)  # callback bodies
    followups: list[dict[str, Any]] = field(default_factory=list)  # messages sent through the webhook

    @property
    def acknowledged(self) -> bool:
        return bool(self.responses)

    @property
    def texts(self) -> list[str]:
        """What the presser was told (callback messages and follow-ups)."""
        found = [r.get("data", {}).get("content") or "" for r in self.responses if r.get("type") in (4, 7)]
        found += [f.get("content") or "" for f in self.followups]
        return [t for t in found if t]


class _Connection:
    """One gateway WebSocket: a writer task sends queued frames in order."""

    def __init__(self, ws: web.WebSocketResponse, request: web.Request, compress: bool) -> None:
        self.ws = ws
        self.request = request
        self.compressor = zlib.compressobj() if compress else None
        self.outgoing: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
        self.session: _Session | None = None
        self.intents = 0
        self.closed = False
        self.writer: asyncio.Task[None] | None = None

    def queue(self, frame: dict[str, Any]) -> None:
        if not self.closed:
            self.outgoing.put_nowait(frame)

    async def write_loop(self) -> None:
        while True:
            frame = await self.outgoing.get()
            if frame is None or self.closed:
                return
            raw = json.dumps(frame, separators=(",", ":"))
            try:
                if self.compressor is not None:
                    data = self.compressor.compress(raw.encode()) + self.compressor.flush(zlib.Z_SYNC_FLUSH)
                    await self.ws.send_bytes(data)
                else:
                    await self.ws.send_str(raw)
            except (ConnectionError, RuntimeError):
                self.closed = True
                return


@dataclass
class _Session:
    id: str
    intents: int
    events: deque[_Event]
    seq: int = 0
    connection: _Connection | None = None
    valid: bool = True


@dataclass
class GatewayStats:
    identifies: int = 0
    resumes: int = 0  # successful RESUMEs
    failed_resumes: int = 0
    heartbeats: int = 0
    connections: int = 0
    replayed: int = 0  # events sent again on RESUME
    drops: list[float] = field(default_factory=list)  # monotonic times the fake cut connections
    resumed_at: list[float] = field(default_factory=list)  # monotonic times of RESUMED
    ready_at: list[float] = field(default_factory=list)


UserLike = FakeUser | int
ChannelLike = FakeChannel | int
GuildLike = FakeGuild | int


class FakeDiscord(LocalServer):
    """The fake Discord (REST + gateway) and the community it hosts. See the module docstring."""

    _recheck_s = 0.1  # re-check predicates more often than the Telegram fake, as before

    def __init__(
        self,
        token: str = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GfAkE1.fake-discord-token-for-beacon-tests_0123",
        *,
        bot_name: str = "Beacon",
        application_name: str = "Beacon",
        privileged_intents: Iterable[str] = ("members", "message_content"),
        heartbeat_interval_ms: int = 41250,
        route_limit: RateLimit = RateLimit(5, 5.0),
        global_limit: RateLimit = RateLimit(50, 1.0),
        interaction_ack_s: float = 3.0,
        interaction_token_s: float = 900.0,
        replay_buffer: int = 10_000,
        replay_overlap: int = 0,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.privileged_intents = {PRIVILEGED[name] for name in privileged_intents}
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.route_limit = route_limit
        self.global_limit = global_limit
        self.interaction_ack_s = interaction_ack_s
        self.interaction_token_s = interaction_token_s
        self.replay_buffer = replay_buffer
        # Replay this many events the client already had on RESUME (at-least-once delivery: duplicates).
        self.replay_overlap = replay_overlap
        self.host = host
        self._port = port
        self.clock = clock

        self._counter = itertools.count(1)
        self.bot = FakeUser(id=self.snowflake(), username=bot_name.lower(), global_name=bot_name, bot=True)
        self.application_id = self.bot.id
        self.application_name = application_name
        self.users: dict[int, FakeUser] = {self.bot.id: self.bot}
        self.guilds: dict[int, FakeGuild] = {}
        self.channels: dict[int, FakeChannel] = {}
        self.dm_channels: dict[int, FakeChannel] = {}  # user id -> DM channel with the bot
        # channel id -> message id -> the message as Discord returns it (current state)
        self.messages: dict[int, dict[int, dict[str, Any]]] = {}
        self.deleted: dict[int, dict[int, dict[str, Any]]] = {}
        self.pins: dict[int, list[int]] = {}
        self.attachments: dict[str, bytes] = {}  # url path -> bytes
        self.interactions: dict[int, Interaction] = {}
        self.calls: list[ApiCall] = []
        self.rate_limited = 0
        self.rate_limited_global = 0
        self.stats = GatewayStats()

        self._sessions: dict[str, _Session] = {}
        self._connections: list[_Connection] = []
        self._route_windows: dict[str, _Window] = {}
        self._global_window = _Window(global_limit, clock)
        self._injected: list[_Injected] = []
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None

    # ----- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> "FakeDiscord":
        app = web.Application(client_max_size=30 * 1024 * 1024)
        app.router.add_get("/gateway", self._handle_gateway)
        app.router.add_get("/gateway/resume", self._handle_gateway)
        app.router.add_get("/attachments/{path:.+}", self._handle_attachment)
        for method, path, handler in self._routes():
            app.router.add_route(method, API_PREFIX + path, self._wrap(method, path, handler))
        await self._serve(app)
        return self

    async def stop(self) -> None:
        for conn in list(self._connections):
            await self._close_connection(conn, code=1001)
        await self._unserve()

    @property
    def api_base(self) -> str:
        """What ``discord.http.Route.BASE`` must be (the ``api_base`` config key)."""
        return self.url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """What ``DiscordWebSocket.DEFAULT_GATEWAY`` must be (the ``gateway_url`` config key)."""
        return f"ws://{self.host}:{self._port}/gateway"

    @property
    def resume_gateway_url(self) -> str:
        # A different path than the first connection's, so tests see discord.py resume where told.
        return f"ws://{self.host}:{self._port}/gateway/resume"

    # ----- community: control methods --------------------------------------------------------

    def snowflake(self) -> int:
        """A new id whose timestamp is now, as Discord's (discord.py derives created_at from it)."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)

    def add_user(self, username: str, *, global_name: str | None = None, bot: bool = False,
                 dms_open: bool = True, locale: str = "en-US") -> FakeUser:
        user = FakeUser(id=self.snowflake(), username=username, global_name=global_name, bot=bot,
                        dms_open=dms_open, locale=locale)
        self.users[user.id] = user
        return user

    def create_guild(self, name: str, *, owner: UserLike, bot_permissions: int = Perm.MODERATOR_BOT,
                     everyone_permissions: int = Perm.EVERYONE) -> FakeGuild:
        """A guild the bot is in (with its managed role); sends GUILD_CREATE to connected sessions."""
        owner_user = self._user(owner)
        guild = FakeGuild(id=self.snowflake(), name=name, owner_id=owner_user.id)
        guild.roles[guild.id] = FakeRole(id=guild.id, name="@everyone", permissions=everyone_permissions, position=0)
        bot_role = FakeRole(id=self.snowflake(), name=self.bot.global_name or self.bot.username,
                            permissions=bot_permissions, managed=True, bot_id=self.bot.id)
        guild.roles[bot_role.id] = bot_role
        now = datetime.now(timezone.utc)
        guild.members[owner_user.id] = FakeMember(user=owner_user, joined_at=now)
        guild.members[self.bot.id] = FakeMember(user=self.bot, joined_at=now, roles=[bot_role.id])
        self.guilds[guild.id] = guild
        self._dispatch_guild("GUILD_CREATE", guild.as_json(), GUILDS)
        return guild

    def bot_role(self, guild: GuildLike) -> FakeRole:
        g = self._guild(guild)
        return next(r for r in g.roles.values() if r.bot_id == self.bot.id)

    def set_bot_permissions(self, guild: GuildLike, permissions: int) -> None:
        """Change the bot's role permissions (GUILD_ROLE_UPDATE)."""
        g = self._guild(guild)
        role = self.bot_role(g)
        role.permissions = permissions
        self._dispatch_guild("GUILD_ROLE_UPDATE", {"guild_id": str(g.id), "role": role.as_json()}, GUILDS)

    def create_role(self, guild: GuildLike, name: str, permissions: int) -> FakeRole:
        g = self._guild(guild)
        role = FakeRole(id=self.snowflake(), name=name, permissions=permissions, position=len(g.roles))
        g.roles[role.id] = role
        self._dispatch_guild("GUILD_ROLE_CREATE", {"guild_id": str(g.id), "role": role.as_json()}, GUILDS)
        return role

    def deny(self, channel: ChannelLike, permissions: int) -> None:
        """Deny the bot ``permissions`` in one channel (a permission overwrite)."""
        self._channel(channel).deny |= permissions

    def create_channel(self, guild: GuildLike, name: str, kind: ChannelKind = "text", *,
                       system: bool = False) -> FakeChannel:
        g = self._guild(guild)
        channel = FakeChannel(id=self.snowflake(), type=CHANNEL_TYPES[kind], name=name, guild_id=g.id,
                              position=len(g.channels))
        g.channels[channel.id] = channel
        self.channels[channel.id] = channel
        if system:
            g.system_channel_id = channel.id
        self._dispatch_guild("CHANNEL_CREATE", channel.as_json(), GUILDS)
        return channel

    def add_member(self, guild: GuildLike, user: UserLike, *, roles: Iterable[FakeRole] = (),
                   nick: str | None = None) -> FakeUser:
        """``user`` joins the guild (GUILD_MEMBER_ADD, members intent)."""
        g = self._guild(guild)
        u = self._user(user)
        member = FakeMember(user=u, joined_at=datetime.now(timezone.utc), roles=[r.id for r in roles], nick=nick)
        g.members[u.id] = member
        self._dispatch_guild("GUILD_MEMBER_ADD", {**member.as_json(), "guild_id": str(g.id)}, GUILD_MEMBERS)
        return u

    def close_dms(self, user: UserLike) -> None:
        self._user(user).dms_open = False

    def post(self, channel: ChannelLike, author: UserLike, content: str = "", *,
             reply_to: int | None = None, attachments: Iterable[tuple[str, bytes, str]] = ()) -> dict[str, Any]:
        """``author`` posts in a guild channel or thread (MESSAGE_CREATE)."""
        ch = self._channel(channel)
        if ch.type == 15:
            raise ValueError("a forum takes posts (forum_post), not messages")
        return self._create_message(ch, self._user(author), content, reply_to=reply_to, attachments=attachments)

    def forum_post(self, forum: ChannelLike, author: UserLike, title: str, content: str,
                   *, attachments: Iterable[tuple[str, bytes, str]] = ()) -> tuple[FakeChannel, dict[str, Any]]:
        """A new forum post: THREAD_CREATE (a public thread) and its starter message (same id)."""
        parent = self._channel(forum)
        if parent.type != 15:
            raise ValueError("forum_post needs a forum channel")
        user = self._user(author)
        thread = self._new_thread(parent, user, title, private=False)
        message = self._create_message(thread, user, content, message_id=thread.id, attachments=attachments)
        return thread, message

    def start_thread(self, channel: ChannelLike, author: UserLike, name: str) -> FakeChannel:
        """A member opens a public thread in a text channel (THREAD_CREATE)."""
        return self._new_thread(self._channel(channel), self._user(author), name, private=False)

    def dm(self, author: UserLike, content: str = "", *,
           attachments: Iterable[tuple[str, bytes, str]] = ()) -> dict[str, Any]:
        """``author`` writes to the bot in DMs (MESSAGE_CREATE without guild_id)."""
        user = self._user(author)
        return self._create_message(self._dm_channel(user), user, content, attachments=attachments)

    def edit(self, channel: ChannelLike, message_id: int, content: str) -> dict[str, Any]:
        """The author edits a message (MESSAGE_UPDATE with a new edited_timestamp)."""
        ch = self._channel(channel)
        message = self._message(ch, message_id)
        message["content"] = content
        message["edited_timestamp"] = iso(datetime.now(timezone.utc))
        message["mentions"] = self._mentions(content)
        self._dispatch_message("MESSAGE_UPDATE", ch, message)
        return message

    def delete(self, channel: ChannelLike, message_id: int) -> None:
        """The author (or a moderator) deletes a message (MESSAGE_DELETE)."""
        ch = self._channel(channel)
        self._remove_message(ch, message_id)

    def press(self, user: UserLike, channel: ChannelLike, message_id: int, custom_id: str | None = None) -> Interaction:
        """``user`` presses a button (INTERACTION_CREATE, type 3); ``custom_id`` defaults to the only one."""
        u = self._user(user)
        ch = self._channel(channel) if not isinstance(channel, FakeUser) else self._dm_channel(u)
        message = self._message(ch, message_id)
        ids = [c["custom_id"] for row in message.get("components", []) for c in row.get("components", [])
               if "custom_id" in c]
        if custom_id is None:
            if len(ids) != 1:
                raise ValueError(f"message {message_id} has buttons {ids}: say which")
            custom_id = ids[0]
        elif custom_id not in ids:
            raise ValueError(f"message {message_id} has no button {custom_id!r} (has {ids})")
        interaction = Interaction(id=self.snowflake(), token="aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48), user=u,
                                  channel=ch, message_id=message_id, custom_id=custom_id, created=self.clock())
        self.interactions[interaction.id] = interaction
        data: dict[str, Any] = {
            "id": str(interaction.id), "application_id": str(self.application_id), "type": 3,
            "token": interaction.token, "version": 1, "channel_id": str(ch.id), "channel": ch.as_json(),
            "message": message, "data": {"custom_id": custom_id, "component_type": 2},
            "locale": u.locale, "entitlements": [], "attachment_size_limit": 10 * 1024 * 1024,
        }
        guild = self.guilds.get(ch.guild_id) if ch.guild_id else None
        if guild is not None:
            member = guild.members.get(u.id)
            if member is None:
                raise ValueError("only members of the guild can press its buttons")
            data.update(guild_id=str(guild.id), guild_locale="en-US", context=0,
                        authorizing_integration_owners={"0": str(guild.id)},
                        member={**member.as_json(), "permissions": str(self.permissions_of(u, ch))},
                        app_permissions=str(self.permissions_of(self.bot, ch)))
        else:
            data.update(user=u.as_json(), context=1, authorizing_integration_owners={"1": str(u.id)},
                        app_permissions=str(Perm.EVERYONE))
        self._dispatch_for(ch, "INTERACTION_CREATE", data, 0)
        return interaction

    # ----- gateway control -------------------------------------------------------------------

    def drop(self, *, code: int | None = None) -> None:
        """Cut every gateway connection: abruptly (like a network failure) or with a close ``code``.

        Sessions stay resumable: events dispatched meanwhile are replayed on RESUME.
        """
        self.stats.drops.append(time.monotonic())
        for conn in list(self._connections):
            if code is None:
                conn.closed = True
                conn.outgoing.put_nowait(None)
                if conn.request.transport is not None:
                    conn.request.transport.abort()  # no close frame: the client sees the connection die
            else:
                asyncio.ensure_future(self._close_connection(conn, code=code))
            self._detach(conn)

    def request_reconnect(self) -> None:
        """Send RECONNECT (op 7): clients close and resume at ``resume_gateway_url``."""
        self.stats.drops.append(time.monotonic())
        for conn in list(self._connections):
            conn.queue({"op": OP_RECONNECT, "d": None})

    def invalidate_sessions(self, *, resumable: bool = False) -> None:
        """Send INVALID_SESSION (op 9); with ``resumable=False`` the sessions are gone (clients re-IDENTIFY)."""
        for conn in list(self._connections):
            if not resumable and conn.session is not None:
                conn.session.valid = False
                self._sessions.pop(conn.session.id, None)
            conn.queue({"op": OP_INVALID_SESSION, "d": resumable})

    def forget_sessions(self) -> None:
        """Discard every session (as Discord does after a while): the next RESUME gets INVALID_SESSION,
        and events dispatched until the client identifies again reach no session — they are lost to
        the gateway, as on Discord."""
        for session in self._sessions.values():
            session.valid = False
        self._sessions.clear()

    @property
    def connected(self) -> bool:
        return any(c.session is not None and not c.closed for c in self._connections)

    async def wait_connected(self, timeout: float = 10.0) -> None:
        await self.wait_for(lambda: self.connected, timeout)

    # ----- inspection ------------------------------------------------------------------------

    def sent(self, channel: ChannelLike | FakeUser | None = None) -> list[dict[str, Any]]:
        """Messages the bot created (still present), oldest first; ``channel`` may be a user (their DM)."""
        found: list[dict[str, Any]] = []
        channels = [self._target(channel)] if channel is not None else list(self.channels.values())
        for ch in channels:
            if ch is None:
                continue
            found += [m for m in self.messages.get(ch.id, {}).values() if m["author"]["id"] == str(self.bot.id)]
        return sorted(found, key=lambda m: int(m["id"]))

    def message(self, channel: ChannelLike, message_id: int) -> dict[str, Any] | None:
        return self.messages.get(self._channel(channel).id, {}).get(int(message_id))

    def was_deleted(self, channel: ChannelLike, message_id: int) -> bool:
        return int(message_id) in self.deleted.get(self._channel(channel).id, {})

    def threads(self, parent: ChannelLike) -> list[FakeChannel]:
        pid = self._channel(parent).id
        return [c for c in self.channels.values() if c.parent_id == pid]

    def member(self, guild: GuildLike, user: UserLike) -> FakeMember | None:
        return self._guild(guild).members.get(self._user(user).id)

    def is_banned(self, guild: GuildLike, user: UserLike) -> bool:
        return self._user(user).id in self._guild(guild).bans

    def calls_to(self, method: str, route: str) -> list[ApiCall]:
        """Calls by route template, e.g. ``calls_to("POST", "/channels/{channel_id}/messages")``."""
        return [c for c in self.calls if c.route == f"{method} {route}"]

    def texts_seen(self) -> list[str]:
        """Every text the bot sent anywhere (messages, edits, interaction answers): for privacy checks."""
        found = [json.dumps(c.body) for c in self.calls if c.body is not None]
        return found

    def fail_next(self, method: str, route: str, *, status: int = 429, retry_after: float = 0.05,
                  is_global: bool = False, code: int = 0, message: str = "You are being rate limited.",
                  times: int = 1) -> None:
        """Answer the next ``times`` requests matching ``method`` and ``route`` (a regex on the path
        after the API prefix) with ``status`` instead of handling them."""
        self._injected.append(_Injected(method=method.upper(), pattern=re.compile(route), status=status,
                                        retry_after=retry_after, is_global=is_global, code=code, message=message,
                                        times=times))

    def _notify(self) -> None:
        self._changed.set()

    # ----- permissions -------------------------------------------------------------------------

    def permissions_of(self, user: FakeUser, channel: FakeChannel) -> int:
        """Effective permissions of ``user`` in a guild channel or thread (owner and ADMINISTRATOR: all)."""
        if channel.guild_id is None:
            return Perm.EVERYONE
        guild = self.guilds[channel.guild_id]
        if user.id == guild.owner_id:
            return Perm.ALL
        member = guild.members.get(user.id)
        if member is None:
            return 0
        perms = guild.everyone.permissions
        for role_id in member.roles:
            perms |= guild.roles[role_id].permissions
        if perms & Perm.ADMINISTRATOR:
            return Perm.ALL
        base = self.channels.get(channel.parent_id) if channel.is_thread and channel.parent_id else channel
        if user.id == self.bot.id and base is not None:
            perms &= ~base.deny
            perms &= ~channel.deny
        if member.timed_out(datetime.now(timezone.utc)):
            perms &= Perm.VIEW_CHANNEL | Perm.READ_MESSAGE_HISTORY
        return perms

    def _require(self, channel: FakeChannel, *needed: int) -> None:
        perms = self.permissions_of(self.bot, channel)
        if channel.guild_id is not None and not perms & Perm.VIEW_CHANNEL:
            raise ApiError(403, 50001, "Missing Access")
        for bit in needed:
            if not perms & bit:
                raise missing_permissions()

    def _guild_perms(self, guild: FakeGuild, user: FakeUser) -> int:
        if user.id == guild.owner_id:
            return Perm.ALL
        member = guild.members.get(user.id)
        perms = guild.everyone.permissions
        for role_id in member.roles if member else ():
            perms |= guild.roles[role_id].permissions
        return Perm.ALL if perms & Perm.ADMINISTRATOR else perms

    def _top_position(self, guild: FakeGuild, user_id: int) -> int:
        member = guild.members.get(user_id)
        if member is None:
            return 0
        return max((guild.roles[r].position for r in member.roles), default=0)

    def _require_above(self, guild: FakeGuild, target_id: int) -> None:
        """Moderating the owner, or a member whose top role is not below the bot's, is refused like Discord."""
        if target_id == guild.owner_id or self._top_position(guild, target_id) >= self._top_position(
                guild, self.bot.id):
            raise missing_permissions()

    # ----- internals: community ---------------------------------------------------------------

    def _user(self, user: UserLike) -> FakeUser:
        uid = user.id if isinstance(user, FakeUser) else int(user)
        try:
            return self.users[uid]
        except KeyError:
            raise ValueError(f"no user {uid}") from None

    def _guild(self, guild: GuildLike) -> FakeGuild:
        gid = guild.id if isinstance(guild, FakeGuild) else int(guild)
        try:
            return self.guilds[gid]
        except KeyError:
            raise ValueError(f"no guild {gid}") from None

    def _channel(self, channel: ChannelLike) -> FakeChannel:
        cid = channel.id if isinstance(channel, FakeChannel) else int(channel)
        try:
            return self.channels[cid]
        except KeyError:
            raise ValueError(f"no channel {cid}") from None

    def _target(self, target: ChannelLike | FakeUser) -> FakeChannel | None:
        if isinstance(target, FakeUser):
            return self.dm_channels.get(target.id)
        return self._channel(target)

    def _dm_channel(self, user: FakeUser) -> FakeChannel:
        channel = self.dm_channels.get(user.id)
        if channel is None:
            channel = FakeChannel(id=self.snowflake(), type=1, recipient=user)
            self.dm_channels[user.id] = channel
            self.channels[channel.id] = channel
        return channel

    def _new_thread(self, parent: FakeChannel, owner: FakeUser, name: str, *, private: bool) -> FakeChannel:
        kind = 12 if private else (10 if parent.type == 5 else 11)
        thread = FakeChannel(id=self.snowflake(), type=kind, name=name[:100], guild_id=parent.guild_id,
                             parent_id=parent.id, owner_id=owner.id, invitable=not private,
                             thread_members={owner.id})
        self.guilds[parent.guild_id].channels[thread.id] = thread  # type: ignore[index]
        self.channels[thread.id] = thread
        self._dispatch_for(thread, "THREAD_CREATE", {**thread.as_json(), "newly_created": True}, GUILDS)
        return thread

    def _mentions(self, content: str) -> list[dict[str, Any]]:
        ids = {int(m) for m in re.findall(r"<@!?(\d+)>", content)}
        return [self.users[i].as_json() for i in sorted(ids) if i in self.users]

    def _create_message(self, channel: FakeChannel, author: FakeUser, content: str, *, message_id: int | None = None,
                        reply_to: int | None = None, attachments: Iterable[tuple[str, bytes, str]] = (),
                        components: list[dict[str, Any]] | None = None, flags: int = 0) -> dict[str, Any]:
        mid = message_id or self.snowflake()
        message: dict[str, Any] = {
            "id": str(mid), "channel_id": str(channel.id), "type": 0, "content": content,
            "author": author.as_json(), "timestamp": iso(snowflake_time(mid)), "edited_timestamp": None,
            "tts": False, "mention_everyone": False, "mentions": self._mentions(content), "mention_roles": [],
            "mention_channels": [], "attachments": [], "embeds": [], "reactions": [], "pinned": False,
            "flags": flags, "components": components or [],
        }
        if channel.guild_id is not None:
            message["guild_id"] = str(channel.guild_id)
            member = self.guilds[channel.guild_id].members.get(author.id)
            if member is not None:
                message["member"] = member.as_json(with_user=False)
            message["mention_roles"] = [r for r in re.findall(r"<@&(\d+)>", content)]
        if channel.is_thread:
            message["position"] = channel.message_count
        for filename, data, content_type in attachments:
            aid = self.snowflake()
            path = f"{channel.id}/{aid}/{filename}"
            self.attachments[path] = data
            message["attachments"].append({
                "id": str(aid), "filename": filename, "size": len(data), "content_type": content_type,
                "url": f"{self.url}/attachments/{path}?ex=1&is=1&hm=fake",
                "proxy_url": f"{self.url}/attachments/{path}", "ephemeral": False, "flags": 0})
        if reply_to is not None:
            replied = self._message(channel, reply_to)
            message["type"] = 19
            message["message_reference"] = {"type": 0, "message_id": str(reply_to), "channel_id": str(channel.id),
                                            **({"guild_id": str(channel.guild_id)} if channel.guild_id else {})}
            message["referenced_message"] = replied
        self.messages.setdefault(channel.id, {})[mid] = message
        channel.last_message_id = mid
        if channel.is_thread:
            channel.message_count += 1
        self._dispatch_message("MESSAGE_CREATE", channel, message)
        self._notify()
        return message

    def _message(self, channel: FakeChannel, message_id: int) -> dict[str, Any]:
        try:
            return self.messages[channel.id][int(message_id)]
        except KeyError:
            raise unknown("Message", 10008) from None

    def _remove_message(self, channel: FakeChannel, message_id: int) -> None:
        message = self._message(channel, message_id)
        del self.messages[channel.id][int(message_id)]
        self.deleted.setdefault(channel.id, {})[int(message_id)] = message
        if int(message_id) in self.pins.get(channel.id, []):
            self.pins[channel.id].remove(int(message_id))
        data = {"id": str(message_id), "channel_id": str(channel.id)}
        if channel.guild_id is not None:
            data["guild_id"] = str(channel.guild_id)
        self._dispatch_for(channel, "MESSAGE_DELETE", data,
                           GUILD_MESSAGES if channel.guild_id is not None else DIRECT_MESSAGES)
        self._notify()

    # ----- internals: gateway -----------------------------------------------------------------

    def _dispatch_message(self, name: str, channel: FakeChannel, message: dict[str, Any]) -> None:
        intent = GUILD_MESSAGES if channel.guild_id is not None else DIRECT_MESSAGES
        self._dispatch_for(channel, name, message, intent, message=True)

    def _dispatch_guild(self, name: str, data: dict[str, Any], intent: int) -> None:
        for session in list(self._sessions.values()):
            if intent == 0 or session.intents & intent:
                self._emit(session, name, data)

    def _dispatch_for(self, channel: FakeChannel, name: str, data: dict[str, Any], intent: int,
                      *, message: bool = False) -> None:
        if channel.type == 12 and self.bot.id not in channel.thread_members:
            return  # a private thread the bot is not in: it sees nothing of it
        for session in list(self._sessions.values()):
            if intent and not session.intents & intent:
                continue
            payload = data
            if message and not session.intents & MESSAGE_CONTENT and channel.guild_id is not None:
                mentioned = any(m["id"] == str(self.bot.id) for m in data.get("mentions", []))
                if data["author"]["id"] != str(self.bot.id) and not mentioned:
                    payload = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
            self._emit(session, name, payload)

    def _emit(self, session: _Session, name: str, data: dict[str, Any]) -> None:
        session.seq += 1
        # A snapshot: later edits of the same message must not change what this event said.
        event = _Event(seq=session.seq, name=name, data=copy.deepcopy(data))
        session.events.append(event)
        if session.connection is not None:
            session.connection.queue(event.frame())

    async def _handle_gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        compress = request.query.get("compress")
        if compress not in (None, "zlib-stream"):
            await ws.close(code=4000, message=f"compression {compress} not supported by the fake".encode())
            return ws
        conn = _Connection(ws, request, compress == "zlib-stream")
        self._connections.append(conn)
        self.stats.connections += 1
        conn.writer = asyncio.create_task(conn.write_loop(), name="fake-discord-ws-writer")
        conn.queue({"op": OP_HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms,
                                          "_trace": ["fake-discord-gateway"]}, "s": None, "t": None})
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                try:
                    frame = json.loads(msg.data)
                except ValueError:
                    await self._close_connection(conn, code=4002, reason="Error while decoding payload.")
                    break
                await self._on_frame(conn, frame)
                self._notify()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            conn.closed = True
            conn.outgoing.put_nowait(None)
            self._detach(conn)
            if conn in self._connections:
                self._connections.remove(conn)
            self._notify()
        return ws

    async def _on_frame(self, conn: _Connection, frame: dict[str, Any]) -> None:
        op, data = frame.get("op"), frame.get("d")
        if op == OP_HEARTBEAT:
            self.stats.heartbeats += 1
            conn.queue({"op": OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == OP_IDENTIFY:
            await self._identify(conn, data or {})
        elif op == OP_RESUME:
            await self._resume(conn, data or {})
        elif op in (OP_PRESENCE, OP_REQUEST_MEMBERS):
            pass  # accepted, nothing to model
        else:
            await self._close_connection(conn, code=4001, reason="Unknown opcode.")

    async def _identify(self, conn: _Connection, data: dict[str, Any]) -> None:
        if data.get("token") != self.token:
            await self._close_connection(conn, code=4004, reason="Authentication failed.")
            return
        intents = int(data.get("intents", 0))
        privileged = intents & sum(PRIVILEGED.values())
        if privileged & ~sum(self.privileged_intents):
            await self._close_connection(conn, code=4014, reason="Disallowed intent(s).")
            return
        self.stats.identifies += 1
        session = _Session(id=secrets.token_hex(16), intents=intents, events=deque(maxlen=self.replay_buffer))
        self._sessions[session.id] = session
        conn.session, conn.intents = session, intents
        session.connection = conn
        ready = {
            "v": 10, "user": {**self.bot.as_json(), "verified": True, "mfa_enabled": False, "email": None},
            "guilds": [{"id": str(g), "unavailable": True} for g in self.guilds],
            "session_id": session.id, "session_type": "normal", "resume_gateway_url": self.resume_gateway_url,
            "application": {"id": str(self.application_id), "flags": 1 << 19 | 1 << 23},
            "private_channels": [], "presences": [], "relationships": [], "guild_join_requests": [],
            "geo_ordered_rtc_regions": [], "auth_session_id_hash": "", "_trace": ["fake-discord-gateway"],
        }
        self._emit(session, "READY", ready)
        self.stats.ready_at.append(time.monotonic())
        if intents & GUILDS:
            for guild in self.guilds.values():
                self._emit(session, "GUILD_CREATE", guild.as_json())

    async def _resume(self, conn: _Connection, data: dict[str, Any]) -> None:
        session = self._sessions.get(str(data.get("session_id")))
        seq = data.get("seq")
        oldest = session.events[0].seq if session is not None and session.events else 1
        if data.get("token") != self.token:
            await self._close_connection(conn, code=4004, reason="Authentication failed.")
            return
        if session is None or not session.valid or seq is None or int(seq) + 1 < oldest:
            self.stats.failed_resumes += 1
            conn.queue({"op": OP_INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        if session.connection is not None and session.connection is not conn:
            old = session.connection
            self._detach(old)
            asyncio.ensure_future(self._close_connection(old, code=4000))
        conn.session, conn.intents = session, session.intents
        replay = [e for e in session.events if e.seq > int(seq)
                  or (e.seq > int(seq) - self.replay_overlap and e.name.startswith("MESSAGE_"))]
        for event in replay:
            conn.queue(event.frame())
        self.stats.replayed += len(replay)
        session.connection = conn
        self.stats.resumes += 1
        self._emit(session, "RESUMED", {"_trace": ["fake-discord-gateway"]})
        self.stats.resumed_at.append(time.monotonic())

    def _detach(self, conn: _Connection) -> None:
        if conn.session is not None and conn.session.connection is conn:
            conn.session.connection = None

    async def _close_connection(self, conn: _Connection, *, code: int, reason: str = "") -> None:
        conn.closed = True
        conn.outgoing.put_nowait(None)
        self._detach(conn)
        if not conn.ws.closed:
            try:
                await conn.ws.close(code=code, message=reason.encode())
            except (ConnectionError, RuntimeError):
                pass

    # ----- internals: REST ----------------------------------------------------------------------

    def _routes(self) -> list[tuple[str, str, Callable[..., Any]]]:
        return [
            ("GET", "/users/@me", self._get_me),
            ("GET", "/oauth2/applications/@me", self._get_application),
            ("GET", "/applications/@me", self._get_application),
            ("GET", "/gateway", self._get_gateway),
            ("GET", "/gateway/bot", self._get_gateway),
            ("GET", "/users/{user_id}", self._get_user),
            ("POST", "/users/@me/channels", self._create_dm),
            ("GET", "/channels/{channel_id}", self._get_channel),
            ("GET", "/channels/{channel_id}/messages", self._get_messages),
            ("POST", "/channels/{channel_id}/messages", self._send_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self._get_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self._edit_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self._delete_message),
            ("POST", "/channels/{channel_id}/messages/{message_id}/crosspost", self._crosspost),
            ("PUT", "/channels/{channel_id}/messages/pins/{message_id}", self._pin),
            ("PUT", "/channels/{channel_id}/pins/{message_id}", self._pin),
            ("POST", "/channels/{channel_id}/threads", self._create_thread),
            ("PUT", "/channels/{channel_id}/thread-members/{user_id}", self._add_thread_member),
            ("GET", "/guilds/{guild_id}", self._get_guild),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self._get_member),
            ("PATCH", "/guilds/{guild_id}/members/{user_id}", self._edit_member),
            ("PUT", "/guilds/{guild_id}/bans/{user_id}", self._ban),
            ("DELETE", "/guilds/{guild_id}/bans/{user_id}", self._unban),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self._interaction_callback),
            ("POST", "/webhooks/{application_id}/{token}", self._followup),
            ("PATCH", "/webhooks/{application_id}/{token}/messages/{message_id}", self._edit_followup),
        ]

    def _wrap(self, method: str, path: str, handler: Callable[..., Any]) -> Callable[[web.Request], Any]:
        route = f"{method} {path}"
        bucket_hash = hashlib.sha1(route.encode()).hexdigest()[:16]
        webhook = path.startswith(("/interactions", "/webhooks"))

        async def handle(request: web.Request) -> web.Response:
            body: Any = None
            params = request.match_info
            major = next((params[k] for k in ("channel_id", "guild_id", "interaction_id", "application_id")
                          if k in params), "")
            window = self._route_windows.setdefault(f"{bucket_hash}:{major}", _Window(self.route_limit, self.clock))
            try:
                body = await _read_body(request)
                if not webhook and request.headers.get("Authorization") != f"Bot {self.token}":
                    raise ApiError(401, 0, "401: Unauthorized")
                injected = self._take_injected(method, request.path[len(API_PREFIX):])
                if injected is not None:
                    if injected.status == 429:
                        return self._too_many(route, bucket_hash, window, body, request, injected.retry_after,
                                              injected.is_global)
                    raise ApiError(injected.status, injected.code, injected.message)
                if not webhook:
                    wait = self._global_window.try_take()
                    if wait:
                        return self._too_many(route, bucket_hash, window, body, request, wait, True)
                wait = window.try_take()
                if wait:
                    return self._too_many(route, bucket_hash, window, body, request, wait, False)
                result = await handler(request, body, **{k: v for k, v in params.items()})
            except ApiError as err:
                self._record(method, request, route, err.status, body, err.code)
                return _json(err.body(), err.status, _limit_headers(window, bucket_hash))
            self._record(method, request, route, 200 if result is not None else 204, body)
            if result is None:
                return web.Response(status=204, headers=_limit_headers(window, bucket_hash))
            return _json(result, 200, _limit_headers(window, bucket_hash))

        return handle

    def _take_injected(self, method: str, path: str) -> _Injected | None:
        for injected in self._injected:
            if injected.method == method and injected.pattern.fullmatch(path):
                injected.times -= 1
                if injected.times <= 0:
                    self._injected.remove(injected)
                return injected
        return None

    def _too_many(self, route: str, bucket_hash: str, window: _Window, body: Any, request: web.Request,
                  retry_after: float, is_global: bool) -> web.Response:
        self.rate_limited += 1
        if is_global:
            self.rate_limited_global += 1
        self._record(request.method, request, route, 429, body)
        headers = {
            "Retry-After": str(math.ceil(retry_after)), "Via": "1.1 google",
            "X-RateLimit-Scope": "global" if is_global else "user",
        }
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        else:
            headers.update(_limit_headers(window, bucket_hash, remaining=0, reset_after=retry_after))
        return _json({"message": "You are being rate limited.", "retry_after": round(retry_after, 3),
                      "global": is_global, "code": 0}, 429, headers)

    def _record(self, method: str, request: web.Request, route: str, status: int, body: Any,
                code: int | None = None) -> None:
        self.calls.append(ApiCall(method=method, path=request.path[len(API_PREFIX):], route=route, status=status,
                                  body=body, query=dict(request.query), at=time.time(), code=code))
        self._notify()

    async def _handle_attachment(self, request: web.Request) -> web.Response:
        data = self.attachments.get(request.match_info["path"])
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data, content_type="application/octet-stream")

    # Each handler takes (request, body, **route params) and returns the JSON result (None: 204).

    async def _get_me(self, request: web.Request, body: Any) -> dict[str, Any]:
        return {**self.bot.as_json(), "verified": True, "mfa_enabled": False, "email": None, "bio": "",
                "locale": "en-US", "banner": None, "accent_color": None}

    async def _get_application(self, request: web.Request, body: Any) -> dict[str, Any]:
        owner = next((u for u in self.users.values() if not u.bot), self.bot)
        return {"id": str(self.application_id), "name": self.application_name, "icon": None, "description": "",
                "bot_public": False, "bot_require_code_grant": False, "owner": owner.as_json(),
                "verify_key": "0" * 64, "flags": 1 << 19 | 1 << 23, "summary": "", "team": None,
                "bot": self.bot.as_json(), "redirect_uris": [], "interactions_endpoint_url": None,
                "approximate_guild_count": len(self.guilds)}

    async def _get_gateway(self, request: web.Request, body: Any) -> dict[str, Any]:
        return {"url": self.gateway_url, "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}

    async def _get_user(self, request: web.Request, body: Any, user_id: str) -> dict[str, Any]:
        user = self.users.get(_int(user_id))
        if user is None:
            raise unknown("User", 10013)
        return user.as_json()

    async def _create_dm(self, request: web.Request, body: Any) -> dict[str, Any]:
        user = self.users.get(_int((body or {}).get("recipient_id")))
        if user is None:
            raise unknown("User", 10013)
        return self._dm_channel(user).as_json()

    async def _get_channel(self, request: web.Request, body: Any, channel_id: str) -> dict[str, Any]:
        return self._channel_or_404(channel_id).as_json()

    def _channel_or_404(self, channel_id: str) -> FakeChannel:
        channel = self.channels.get(_int(channel_id))
        if channel is None:
            raise unknown("Channel", 10003)
        return channel

    async def _get_messages(self, request: web.Request, body: Any, channel_id: str) -> list[dict[str, Any]]:
        channel = self._channel_or_404(channel_id)
        self._require(channel, Perm.READ_MESSAGE_HISTORY)
        limit = min(int(request.query.get("limit", 50)), 100)
        ids = sorted(self.messages.get(channel.id, {}))
        if "after" in request.query:
            after = int(request.query["after"])
            ids = [i for i in ids if i > after][:limit]
        else:
            if "before" in request.query:
                ids = [i for i in ids if i < int(request.query["before"])]
            ids = ids[-limit:]
        return [self.messages[channel.id][i] for i in sorted(ids, reverse=True)]

    async def _get_message(self, request: web.Request, body: Any, channel_id: str, message_id: str) -> dict[str, Any]:
        channel = self._channel_or_404(channel_id)
        self._require(channel, Perm.READ_MESSAGE_HISTORY)
        return self._message(channel, _int(message_id))

    def _check_send(self, channel: FakeChannel) -> None:
        if channel.type == 1:
            assert channel.recipient is not None
            if not channel.recipient.dms_open or channel.recipient.bot:
                raise ApiError(403, 50007, "Cannot send messages to this user")
            return
        if channel.type in (4, 15):
            raise ApiError(400, 50008, "Cannot send messages in a non-text channel")
        self._require(channel, Perm.SEND_MESSAGES_IN_THREADS if channel.is_thread else Perm.SEND_MESSAGES)

    def _check_content(self, payload: dict[str, Any], *, required: bool = True) -> list[dict[str, Any]]:
        content = payload.get("content")
        components = payload.get("components") or []
        if content is not None and len(content) > MAX_CONTENT:
            raise invalid_form("content", f"Must be {MAX_CONTENT} or fewer in length.", "BASE_TYPE_MAX_LENGTH")
        if required and not content and not components and not payload.get("embeds"):
            raise ApiError(400, 50006, "Cannot send an empty message")
        if len(components) > 5:
            raise invalid_form("components", "Must be 5 or fewer in length.", "BASE_TYPE_MAX_LENGTH")
        for row in components:
            buttons = row.get("components") or []
            if row.get("type") != 1 or not 1 <= len(buttons) <= 5:
                raise invalid_form("components", "An action row holds 1 to 5 buttons.")
            for button in buttons:
                if button.get("type") != 2:
                    raise invalid_form("components", "Only buttons are modelled by the fake.")
                if button.get("style") == 5:
                    if not button.get("url") or "custom_id" in button:
                        raise invalid_form("components", "A link button has a url and no custom_id.")
                elif not button.get("custom_id") or len(button["custom_id"]) > MAX_CUSTOM_ID:
                    raise invalid_form("components", "custom_id is required, at most 100 characters.")
                if len(button.get("label") or "") > 80:
                    raise invalid_form("components", "A label is at most 80 characters.")
        ids = [b["custom_id"] for row in components for b in row.get("components", []) if "custom_id" in b]
        if len(ids) != len(set(ids)):
            raise invalid_form("components", "Component custom id cannot be duplicated", "COMPONENT_CUSTOM_ID_DUPLICATED")
        return components

    async def _send_message(self, request: web.Request, body: Any, channel_id: str) -> dict[str, Any]:
        channel = self._channel_or_404(channel_id)
        self._check_send(channel)
        payload = body or {}
        components = self._check_content(payload)
        reference = payload.get("message_reference") or {}
        reply_to = _int(reference.get("message_id")) if reference.get("message_id") else None
        if reply_to is not None and reply_to not in self.messages.get(channel.id, {}):
            if reference.get("fail_if_not_exists", True):
                raise invalid_form("message_reference", "Unknown message", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE")
            reply_to = None
        return self._create_message(channel, self.bot, payload.get("content") or "", reply_to=reply_to,
                                    components=components, flags=int(payload.get("flags") or 0) & ~EPHEMERAL)

    async def _edit_message(self, request: web.Request, body: Any, channel_id: str, message_id: str) -> dict[str, Any]:
        channel = self._channel_or_404(channel_id)
        self._require(channel)
        message = self._message(channel, _int(message_id))
        if message["author"]["id"] != str(self.bot.id):
            raise ApiError(403, 50005, "Cannot edit a message authored by another user")
        payload = body or {}
        self._check_content(payload, required=False)
        if "content" in payload:
            message["content"] = payload["content"] or ""
            message["mentions"] = self._mentions(message["content"])
        if "components" in payload:
            message["components"] = payload["components"] or []
        message["edited_timestamp"] = iso(datetime.now(timezone.utc))
        self._dispatch_message("MESSAGE_UPDATE", channel, message)
        return message

    async def _delete_message(self, request: web.Request, body: Any, channel_id: str, message_id: str) -> None:
        channel = self._channel_or_404(channel_id)
        message = self._message(channel, _int(message_id))
        if message["author"]["id"] != str(self.bot.id) and channel.type != 1:
            self._require(channel, Perm.MANAGE_MESSAGES)
        elif channel.type == 1 and message["author"]["id"] != str(self.bot.id):
            raise ApiError(403, 50003, "Cannot execute action on a DM channel")
        self._remove_message(channel, _int(message_id))
        return None

    async def _crosspost(self, request: web.Request, body: Any, channel_id: str, message_id: str) -> dict[str, Any]:
        channel = self._channel_or_404(channel_id)
        if channel.type != 5:
            raise ApiError(400, 50068, "Invalid message type: only messages in announcement channels crosspost")
        message = self._message(channel, _int(message_id))
        if message["flags"] & CROSSPOSTED:
            raise ApiError(400, 40033, "This message has already been crossposted.")
        self._require(channel, Perm.SEND_MESSAGES if message["author"]["id"] == str(self.bot.id)
                      else Perm.MANAGE_MESSAGES)
        message["flags"] |= CROSSPOSTED
        self._dispatch_message("MESSAGE_UPDATE", channel, message)
        return message

    async def _pin(self, request: web.Request, body: Any, channel_id: str, message_id: str) -> None:
        channel = self._channel_or_404(channel_id)
        if channel.type != 1:
            perms = self.permissions_of(self.bot, channel)
            if not perms & (Perm.MANAGE_MESSAGES | Perm.PIN_MESSAGES):
                raise missing_permissions()
        message = self._message(channel, _int(message_id))
        pins = self.pins.setdefault(channel.id, [])
        if int(message["id"]) not in pins:
            if len(pins) >= 250:
                raise ApiError(400, 30003, "Maximum number of pins reached (250)")
            pins.append(int(message["id"]))
            message["pinned"] = True
        return None

    async def _create_thread(self, request: web.Request, body: Any, channel_id: str) -> dict[str, Any]:
        parent = self._channel_or_404(channel_id)
        payload = body or {}
        kind = int(payload.get("type") or 11)
        if parent.type not in (0, 5) or parent.is_thread:
            raise ApiError(400, 50024, "Cannot execute action on this channel type")
        if kind == 12:
            if parent.type != 0:
                raise ApiError(400, 50024, "Cannot execute action on this channel type")
            self._require(parent, Perm.CREATE_PRIVATE_THREADS)
        else:
            self._require(parent, Perm.CREATE_PUBLIC_THREADS)
        name = str(payload.get("name") or "")
        if not 1 <= len(name) <= 100:
            raise invalid_form("name", "Must be between 1 and 100 in length.", "BASE_TYPE_BAD_LENGTH")
        thread = self._new_thread(parent, self.bot, name, private=kind == 12)
        if kind == 12:
            thread.invitable = bool(payload.get("invitable", True))
        return thread.as_json()

    async def _add_thread_member(self, request: web.Request, body: Any, channel_id: str, user_id: str) -> None:
        thread = self._channel_or_404(channel_id)
        if not thread.is_thread:
            raise ApiError(400, 50024, "Cannot execute action on this channel type")
        user = self.users.get(_int(user_id))
        guild = self.guilds[thread.guild_id]  # type: ignore[index]
        if user is None or user.id not in guild.members:
            raise unknown("Member", 10007)
        if thread.type == 12 and not thread.invitable and not self.permissions_of(self.bot, thread) & Perm.MANAGE_THREADS:
            if self.bot.id != thread.owner_id:
                raise missing_permissions()
        self._require(thread, Perm.SEND_MESSAGES_IN_THREADS)
        thread.thread_members.add(user.id)
        return None

    async def _get_guild(self, request: web.Request, body: Any, guild_id: str) -> dict[str, Any]:
        data = self._guild_or_404(guild_id).as_json()
        for gateway_only in ("channels", "threads", "members", "presences", "voice_states", "joined_at", "large"):
            data.pop(gateway_only, None)
        return data

    async def _get_member(self, request: web.Request, body: Any, guild_id: str, user_id: str) -> dict[str, Any]:
        guild = self._guild_or_404(guild_id)
        member = guild.members.get(_int(user_id))
        if member is None:
            raise unknown("Member", 10007)
        return member.as_json()

    def _guild_or_404(self, guild_id: str) -> FakeGuild:
        guild = self.guilds.get(_int(guild_id))
        if guild is None:
            raise unknown("Guild", 10004)
        return guild

    async def _edit_member(self, request: web.Request, body: Any, guild_id: str, user_id: str) -> dict[str, Any]:
        guild = self._guild_or_404(guild_id)
        member = guild.members.get(_int(user_id))
        if member is None:
            raise unknown("Member", 10007)
        payload = body or {}
        if "communication_disabled_until" in payload:
            if not self._guild_perms(guild, self.bot) & Perm.MODERATE_MEMBERS:
                raise missing_permissions()
            self._require_above(guild, member.user.id)
            if self._guild_perms(guild, member.user) & Perm.ADMINISTRATOR:
                raise missing_permissions()
            until = payload["communication_disabled_until"]
            if until is None:
                member.communication_disabled_until = None
            else:
                moment = datetime.fromisoformat(until)
                if moment - datetime.now(timezone.utc) > timedelta(days=28, seconds=5):
                    raise invalid_form("communication_disabled_until",
                                       "Timeout cannot be longer than 28 days.", "BASE_TYPE_BAD_TIMEOUT")
                member.communication_disabled_until = moment
        if "nick" in payload:
            member.nick = payload["nick"]
        self._dispatch_guild("GUILD_MEMBER_UPDATE", {**member.as_json(), "guild_id": str(guild.id)}, GUILD_MEMBERS)
        return member.as_json()

    async def _ban(self, request: web.Request, body: Any, guild_id: str, user_id: str) -> None:
        guild = self._guild_or_404(guild_id)
        user = self.users.get(_int(user_id))
        if user is None:
            raise unknown("User", 10013)
        if not self._guild_perms(guild, self.bot) & Perm.BAN_MEMBERS:
            raise missing_permissions()
        if user.id in guild.members:
            self._require_above(guild, user.id)
        seconds = int(request.query.get("delete_message_seconds", (body or {}).get("delete_message_seconds", 0)))
        guild.bans[user.id] = {"user": user.as_json(), "reason": request.headers.get("X-Audit-Log-Reason"),
                               "delete_message_seconds": seconds}
        if guild.members.pop(user.id, None) is not None:
            self._dispatch_guild("GUILD_MEMBER_REMOVE", {"guild_id": str(guild.id), "user": user.as_json()},
                                 GUILD_MEMBERS)
        self._dispatch_guild("GUILD_BAN_ADD", {"guild_id": str(guild.id), "user": user.as_json()}, GUILD_MODERATION)
        return None

    async def _unban(self, request: web.Request, body: Any, guild_id: str, user_id: str) -> None:
        guild = self._guild_or_404(guild_id)
        if not self._guild_perms(guild, self.bot) & Perm.BAN_MEMBERS:
            raise missing_permissions()
        if guild.bans.pop(_int(user_id), None) is None:
            raise unknown("Ban", 10026)
        return None

    def _interaction(self, interaction_id: str, token: str) -> Interaction:
        interaction = self.interactions.get(_int(interaction_id))
        if interaction is None or not secrets.compare_digest(interaction.token, token):
            raise unknown("interaction", 10062)
        return interaction

    async def _interaction_callback(self, request: web.Request, body: Any, interaction_id: str,
                                    token: str) -> dict[str, Any] | None:
        interaction = self._interaction(interaction_id, token)
        if interaction.acknowledged:
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        if self.clock() - interaction.created > self.interaction_ack_s:
            raise unknown("interaction", 10062)
        payload = body or {}
        kind = int(payload.get("type", 0))
        data = payload.get("data") or {}
        if kind not in (4, 5, 6, 7):
            raise invalid_form("type", "Value must be one of {4, 5, 6, 7} here.")
        message: dict[str, Any] | None = None
        if kind == 4:
            components = self._check_content(data)
            if int(data.get("flags") or 0) & EPHEMERAL:
                message = self._ephemeral(interaction, data, components)
            else:
                message = self._create_message(interaction.channel, self.bot, data.get("content") or "",
                                               components=components)
        elif kind == 7:
            self._check_content(data, required=False)
            message = self._message(interaction.channel, interaction.message_id)
            if "content" in data:
                message["content"] = data["content"] or ""
            if "components" in data:
                message["components"] = data["components"] or []
            message["edited_timestamp"] = iso(datetime.now(timezone.utc))
            self._dispatch_message("MESSAGE_UPDATE", interaction.channel, message)
        interaction.responses.append(payload)
        self._notify()
        if request.query.get("with_response") not in ("1", "true", "True"):
            return None
        response: dict[str, Any] = {"interaction": {
            "id": str(interaction.id), "type": 3, "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL),
            **({"response_message_id": message["id"]} if message is not None else {})}}
        if message is not None:
            response["resource"] = {"type": kind, "message": message}
        return response

    def _ephemeral(self, interaction: Interaction, data: dict[str, Any],
                   components: list[dict[str, Any]]) -> dict[str, Any]:
        """A message only the presser sees: not stored in the channel, not dispatched."""
        mid = self.snowflake()
        return {"id": str(mid), "channel_id": str(interaction.channel.id), "type": 19,
                "content": data.get("content") or "", "author": self.bot.as_json(),
                "timestamp": iso(snowflake_time(mid)), "edited_timestamp": None, "tts": False,
                "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
                "pinned": False, "flags": EPHEMERAL, "components": components,
                "webhook_id": str(self.application_id), "application_id": str(self.application_id)}

    def _followup_interaction(self, application_id: str, token: str) -> Interaction:
        if _int(application_id) != self.application_id:
            raise unknown("Webhook", 10015)
        interaction = next((i for i in self.interactions.values() if secrets.compare_digest(i.token, token)), None)
        if interaction is None or self.clock() - interaction.created > self.interaction_token_s:
            raise unknown("Webhook", 10015)
        if not interaction.acknowledged:
            raise unknown("Webhook", 10015)  # Discord's answer before the interaction was acknowledged
        return interaction

    async def _followup(self, request: web.Request, body: Any, application_id: str, token: str) -> dict[str, Any]:
        interaction = self._followup_interaction(application_id, token)
        payload = body or {}
        components = self._check_content(payload)
        interaction.followups.append(payload)
        if int(payload.get("flags") or 0) & EPHEMERAL:
            return self._ephemeral(interaction, payload, components)
        return self._create_message(interaction.channel, self.bot, payload.get("content") or "", components=components)

    async def _edit_followup(self, request: web.Request, body: Any, application_id: str, token: str,
                             message_id: str) -> dict[str, Any]:
        interaction = self._followup_interaction(application_id, token)
        payload = body or {}
        interaction.followups.append(payload)
        target = interaction.message_id if message_id == "@original" else _int(message_id)
        message = self._message(interaction.channel, target)
        if "content" in payload:
            message["content"] = payload["content"] or ""
        if "components" in payload:
            message["components"] = payload["components"] or []
        return message


def _opt_str(value: int | None) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise invalid_form("snowflake", "Value is not snowflake.", "NUMBER_TYPE_COERCE") from None


def _json(data: Any, status: int, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses a body as JSON only when Content-Type is exactly "application/json" (no charset).
    return web.Response(body=json.dumps(data).encode(), status=status,
                        headers={**(headers or {}), "Content-Type": "application/json"})


def _limit_headers(window: _Window, bucket_hash: str, *, remaining: int | None = None,
                   reset_after: float | None = None) -> dict[str, str]:
    after = window.reset_after if reset_after is None else reset_after
    return {
        "X-RateLimit-Limit": str(window.limit.limit),
        "X-RateLimit-Remaining": str(window.remaining if remaining is None else remaining),
        "X-RateLimit-Reset": f"{time.time() + after:.3f}",
        "X-RateLimit-Reset-After": f"{after:.3f}",
        "X-RateLimit-Bucket": bucket_hash,
    }


async def _read_body(request: web.Request) -> Any:
    """JSON bodies, and multipart bodies (files) whose JSON is in ``payload_json``."""
    if not request.can_read_body:
        return None
    if request.content_type == "multipart/form-data":
        form = await request.post()
        raw = form.get("payload_json")
        payload = json.loads(raw) if isinstance(raw, str) else {}
        payload["_files"] = [f.filename for k, f in form.items() if isinstance(f, web.FileField)]
        return payload
    text = await request.text()
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        raise ApiError(400, 50109, "The request body contains invalid JSON.") from None


__all__ = [
    "ApiCall",
    "ApiError",
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeMember",
    "FakeRole",
    "FakeUser",
    "GatewayStats",
    "Interaction",
    "Perm",
    "RateLimit",
]
