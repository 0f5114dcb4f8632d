"""The Discord adapter: discord.py's Client over the gateway (events → bus, published before the handler returns) and REST (actions)."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import aiohttp
import discord
from discord.errors import ConnectionClosed

from beacon.actions import (
    ActionBase,
    ActionResult,
    AnswerButton,
    BadRequest,
    BanMember,
    DeleteMessage,
    EditMessage,
    FetchFile,
    Keyboard,
    LiftRestriction,
    NotFound,
    OpenPrivateThread,
    PinMessage,
    PlatformError,
    RestrictMember,
    SendDirect,
    SendFile,
    SendMessage,
    UnbanMember,
)
from beacon.adapter import Adapter, Capabilities, Publish
from beacon.config import DiscordConfig, Settings
from beacon.events import ChatKind, ChatRef, EventBase, MessageDeleted
from beacon.logs import SecretMaskingFilter, attach_mask
from beacon.ratelimit import DISCORD_GLOBAL, RateLimiter, open_rate_limiter
from bots.discord import translate as tr
from bots.discord.endpoints import release_endpoints, use_endpoints
from bots.discord.errors import ALREADY_ACKNOWLEDGED, ERRORS, map_error
from bots.telegram.text import split_text

log = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 2000
BUTTONS_PER_ROW = 5
MAX_ROWS = 5
MAX_LABEL = 80
MAX_TIMEOUT = timedelta(days=28)
INTERACTION_TOKEN_TTL_S = 15 * 60
# Loggers that may see request URLs (interaction tokens are in callback URLs); each gets the masking filter.
_MASKED_LOGGER_PREFIXES = ("discord", "aiohttp", "bots.discord")

INTENTS = discord.Intents(guilds=True, guild_messages=True, dm_messages=True, message_content=True, members=True)

CAPABILITIES = Capabilities(
    dm_first=True,  # a bot may DM anyone it shares a guild with, unless they closed DMs (403, code 50007)
    deep_link_dm=False,
    private_threads=True,
    delete=True,
    ban=True,
    restrict=True,
    edit=True,
    pin=True,
    buttons=True,
    url_buttons=True,
    max_buttons_per_message=BUTTONS_PER_ROW * MAX_ROWS,
    max_message_length=MAX_MESSAGE_LENGTH,
    extra={
        "buttons_per_row": str(BUTTONS_PER_ROW),
        "button_data_max_chars": "100",
        "restrict": "timeout: guild-wide, at most 28 days",
        "ban": "guild-wide and permanent (a ban's until is not supported)",
        "dm_closed": "403 with code 50007",
        "private_thread_parent": "discord.support_channel_id, else the text channel of the request",
        "announcements": "messages to announcement channels are crossposted",
    },
)

_TOKENISH_URL = re.compile(r"(/(?:interactions/\d+|webhooks/\d+)/)[A-Za-z0-9_.\-]{20,}")
# discord.py logs every gateway event at DEBUG; an INTERACTION_CREATE carries its token.
_TOKEN_FIELD = re.compile(r"""(['"]token['"]\s*:\s*['"])[^'"]+""")


class _MaskingFilter(SecretMaskingFilter):
    """The bot token, plus interaction/webhook tokens in URLs and payloads (each valid for 15 minutes)."""

    def mask(self, text: str) -> str:
        return _TOKEN_FIELD.sub(r"\1***", _TOKENISH_URL.sub(r"\1***", super().mask(text)))


@dataclass
class _PendingInteraction:
    """A press not yet answered; Discord voids it if nothing acknowledges it within 3 seconds."""

    interaction: discord.Interaction
    received: float
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    timer: asyncio.TimerHandle | None = None


@dataclass(frozen=True)
class _Place:
    """What a chat id names: where messages to it go, its channel type and its guild."""

    send_to: int | None
    type: discord.ChannelType | None
    guild_id: int | None
    is_guild: bool = False

    @classmethod
    def of(cls, channel: Any) -> "_Place":
        guild = getattr(channel, "guild", None)
        return cls(send_to=channel.id, type=getattr(channel, "type", None), guild_id=guild.id if guild else None)


class _Client(discord.Client):
    """discord.py's Client with its gateway events routed to the adapter."""

    def __init__(self, adapter: "DiscordAdapter", **options: Any) -> None:
        super().__init__(**options)
        self._adapter = adapter

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        delay = self._adapter.reidentify_delay_s
        if delay is None or initial:
            await super().before_identify_hook(shard_id, initial=initial)
        else:
            await asyncio.sleep(delay)

    async def on_ready(self) -> None:
        await self._adapter._on_ready()

    async def on_message(self, message: discord.Message) -> None:
        await self._adapter._on_message(message)

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        await self._adapter._on_edit(payload)

    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        await self._adapter._on_delete(payload)

    async def on_member_join(self, member: discord.Member) -> None:
        await self._adapter._on_join(member)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        await self._adapter._on_interaction(interaction)

    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self._adapter._refresh_rights(guild)

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self._adapter._refresh_rights(guild)

    async def on_guild_role_update(self, before: discord.Role, after: discord.Role) -> None:
        await self._adapter._refresh_rights(after.guild)

    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        if self.user is not None and after.id == self.user.id:
            await self._adapter._refresh_rights(after.guild)

    async def on_guild_channel_create(self, channel: discord.abc.GuildChannel) -> None:
        await self._adapter._refresh_rights(channel.guild)

    async def on_guild_channel_update(self, before: discord.abc.GuildChannel, after: discord.abc.GuildChannel) -> None:
        await self._adapter._refresh_rights(after.guild)

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        await self._adapter._forget_channels([channel.id])

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await self._adapter._forget_channels([c.id for c in guild.channels])


class DiscordAdapter(Adapter):
    """Discord through discord.py: a gateway session for events, REST for actions.

    Inbound: every gateway event Beacon uses is translated and published to the bus before its
    handler returns, in gateway order per chat (each handler queues its event before its first
    ``await``). When the connection drops, discord.py RESUMEs the session and Discord replays what
    was missed; when a session cannot be resumed (INVALID_SESSION), the adapter reads each channel's
    history after the last message it saw and publishes the gap. Duplicates are absorbed by the
    events' idempotency keys. Discord has no acknowledgement: events received but not yet on the bus
    when the process dies are not redelivered (see docs/discord.md).

    Outbound: ``perform(action)`` maps actions to REST calls; discord.py follows the
    ``X-RateLimit-*`` headers and retries 429s itself. With the Redis bus every request also takes a
    token of the shared 50/s global bucket (an aiohttp trace hook), so processes never add up past it.
    """

    platform = tr.PLATFORM
    capabilities = CAPABILITIES

    def __init__(
        self,
        config: DiscordConfig,
        *,
        limiter: RateLimiter | None = None,
        owns_limiter: bool = False,
        guild_ready_timeout: float = 2.0,
        interaction_ack_s: float = 2.0,
        publish_retry_s: float = 0.5,
        retry_delay_s: float = 1.0,
        max_ratelimit_timeout: float = 60.0,
        backfill_limit: int = 100,
        reidentify_delay_s: float | None = None,
    ) -> None:
        self.config = config
        self._token = config.token.get_secret_value()
        self._mask = _MaskingFilter([self._token])
        self._masked_loggers: list[logging.Filterer] = []
        self._install_log_masking()
        self.shared_limiter = limiter
        self._owns_limiter = owns_limiter
        self.guild_ready_timeout = guild_ready_timeout
        self.interaction_ack_s = interaction_ack_s
        self.publish_retry_s = publish_retry_s
        self.retry_delay_s = retry_delay_s
        self.max_ratelimit_timeout = max_ratelimit_timeout
        self.backfill_limit = backfill_limit
        # discord.py waits 5 s before identifying again (Discord's identify rate); tests shorten it.
        self.reidentify_delay_s = reidentify_delay_s

        self._client: _Client | None = None
        self._ready_lock: asyncio.Lock | None = None
        self._endpoints_held = False
        self._publish: Publish | None = None
        self._stopping = asyncio.Event()
        self._running: asyncio.Task[Any] | None = None
        self._lanes: dict[str, asyncio.Future[None]] = {}
        self._inflight: set[asyncio.Future[None]] = set()
        self._interactions: dict[str, _PendingInteraction] = {}
        self._rights: dict[int, tr.RightsSnapshot] = {}
        self._places: OrderedDict[int, _Place] = OrderedDict()  # fetched over REST (not in the gateway's cache)
        # channel id → the newest message id seen there, to read a gap after a lost session.
        self._last_seen: OrderedDict[int, int] = OrderedDict()
        self._sessions = 0  # READYs seen by this adapter (a fresh IDENTIFY each)
        # Counters for benchmarks and health checks.
        self.events_published = 0
        self.backfilled = 0
        self.resumes = 0

    @classmethod
    def from_settings(cls, settings: Settings, **options: Any) -> "DiscordAdapter":
        if settings.discord is None:
            raise ValueError("no [discord] section in the configuration")
        if "limiter" not in options and not settings.bus.url.startswith("memory:"):
            # With the Redis bus, every process sending for this bot shares Discord's global bucket in Redis.
            options.update(limiter=open_rate_limiter(settings.bus.url, prefix=settings.bus.prefix), owns_limiter=True)
        return cls(settings.discord, **options)

    # ----- the client ----------------------------------------------------------------------------

    @property
    def client(self) -> discord.Client | None:
        return self._client

    @property
    def user(self) -> discord.ClientUser | None:
        return self._client.user if self._client is not None else None

    async def ensure_ready(self) -> discord.Client:
        """Log in once (``GET /users/@me`` then ``GET /oauth2/applications/@me``); reopens after ``stop``."""
        client = self._client
        if client is not None and not client.is_closed() and client.user is not None:
            return client
        if self._ready_lock is None:
            self._ready_lock = asyncio.Lock()
        async with self._ready_lock:
            client = self._client
            if client is None or client.is_closed() or client.user is None:
                if not self._endpoints_held:
                    use_endpoints(self.config.api_base, self.config.gateway_url)
                    self._endpoints_held = True
                client = self._new_client()
                try:
                    await client.login(self._token)
                except discord.LoginFailure:
                    await client.close()
                    raise RuntimeError("Discord rejected the bot token (check discord.token)") from None
                except BaseException:
                    await client.close()
                    raise
                self._client = client
        return client

    def _new_client(self) -> _Client:
        # discord.py warns at every Client() that voice support is missing; Beacon never uses voice.
        discord.VoiceClient.warn_nacl = False
        discord.VoiceClient.warn_dave = False
        return _Client(
            self,
            intents=INTENTS,
            chunk_guilds_at_startup=False,  # members arrive with their events; no waiting for member chunks
            guild_ready_timeout=self.guild_ready_timeout,
            max_ratelimit_timeout=max(self.max_ratelimit_timeout, 30.0),  # discord.py's floor is 30 s
            http_trace=self._shared_limit_trace() if self.shared_limiter is not None else None,
            allowed_mentions=discord.AllowedMentions(everyone=False, roles=False, users=True, replied_user=True),
            enable_debug_events=False,
        )

    def _shared_limit_trace(self) -> aiohttp.TraceConfig:
        """Every REST request takes a token of the shared global bucket before it leaves (Redis bus)."""
        trace = aiohttp.TraceConfig()
        limiter = self.shared_limiter
        assert limiter is not None

        async def before_request(session: Any, context: Any, params: aiohttp.TraceRequestStartParams) -> None:
            if params.url.scheme in ("http", "https") and "/api/" in params.url.path:
                await limiter.acquire(DISCORD_GLOBAL.key())

        trace.on_request_start.append(before_request)
        return trace

    # ----- inbound ---------------------------------------------------------------------------------

    async def run(self, publish: Publish) -> None:
        self._publish = publish
        self._stopping.clear()
        self._running = asyncio.current_task()
        try:
            while not self._stopping.is_set():
                client = await self._retrying_ready()
                if client is None:
                    break
                try:
                    await client.connect(reconnect=True)
                except discord.PrivilegedIntentsRequired:
                    raise RuntimeError(
                        "Discord refused the privileged intents: enable 'Server Members Intent' and "
                        "'Message Content Intent' on the Bot page of the developer portal") from None
                except ConnectionClosed as exc:
                    if exc.code == 4004:
                        raise RuntimeError("Discord rejected the bot token (check discord.token)") from None
                    raise RuntimeError(f"Discord closed the gateway with code {exc.code}; not retrying") from None
                if not self._stopping.is_set():
                    log.warning("the Discord client closed unexpectedly; reconnecting")
                    await self._sleep_unless_stopping(self.retry_delay_s)
        finally:
            await self._drain_inflight()
            self._running = None

    async def _retrying_ready(self) -> discord.Client | None:
        while not self._stopping.is_set():
            try:
                return await self.ensure_ready()
            except (aiohttp.ClientError, OSError, asyncio.TimeoutError, discord.HTTPException) as exc:
                log.warning("Discord unreachable at start (%s); retrying", self._mask.mask(str(exc)))
                await self._sleep_unless_stopping(self.retry_delay_s)
        return None

    async def _sleep_unless_stopping(self, seconds: float) -> None:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    def _submit(self, event: EventBase) -> asyncio.Future[None]:
        """Queue ``event`` for publishing behind the earlier events of its chat (call before any await)."""
        key = event.ordering_key
        previous = self._lanes.get(key)
        future = asyncio.ensure_future(self._publish_after(previous, event))
        self._lanes[key] = future
        self._inflight.add(future)

        def done(f: asyncio.Future[None]) -> None:
            self._inflight.discard(f)
            if self._lanes.get(key) is f:
                del self._lanes[key]

        future.add_done_callback(done)
        return future

    async def _publish_after(self, previous: asyncio.Future[None] | None, event: EventBase) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        delay = self.publish_retry_s
        while True:
            publish = self._publish
            if publish is None:
                raise RuntimeError("the adapter is not running (no publish)")
            try:
                await publish(event)
                self.events_published += 1
                return
            except Exception as exc:  # noqa: BLE001 - the bus is down: keep the event and retry
                log.warning("could not publish %s (%s); retrying in %.1fs", event.idempotency_key,
                            type(exc).__name__, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _drain_inflight(self, timeout: float = 10.0) -> None:
        pending = [f for f in self._inflight if not f.done()]
        if not pending:
            return
        _, still = await asyncio.wait(pending, timeout=timeout)
        for future in still:
            future.cancel()
        if still:
            log.error("%d Discord event(s) could not be published before stopping", len(still))

    async def _deliver(self, event: EventBase | None) -> None:
        if event is not None:
            await self._submit(event)

    def _translated(self, what: str, make: Any) -> EventBase | None:
        try:
            return make()
        except Exception:  # noqa: BLE001 - one odd payload must not stop the others
            log.exception("could not translate a Discord %s", what)
            return None

    async def _on_ready(self) -> None:
        self._sessions += 1
        client = self._client
        if client is None or client.user is None:
            return
        log.info("connected to Discord as %s (id %s) in %d guild(s)", client.user.name, client.user.id,
                 len(client.guilds))
        if self._sessions > 1 and self._last_seen:
            # A new session after one was lost (INVALID_SESSION): Discord replays nothing, read the gap.
            await self._backfill(client)

    async def _on_message(self, message: discord.Message) -> None:
        me = self.user
        if me is None:
            return
        self._note_seen(message.channel.id, message.id)
        await self._deliver(self._translated("message", lambda: tr.message_event(message, me)))

    async def _on_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        me = self.user
        message = payload.message
        if me is None or message.edited_at is None:
            return  # no edited_timestamp: Discord filled in an embed, the author changed nothing
        await self._deliver(self._translated("edit", lambda: tr.message_event(message, me, edited=True)))

    async def _on_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        def make() -> EventBase:
            return MessageDeleted(platform=tr.PLATFORM, chat=self._chat_of_channel_id(payload.channel_id,
                                                                                       payload.guild_id),
                                  message_id=str(payload.message_id))

        await self._deliver(self._translated("delete", make))

    def _chat_of_channel_id(self, channel_id: int, guild_id: int | None) -> ChatRef:
        client = self._client
        channel = client.get_channel(channel_id) if client is not None else None
        if channel is not None:
            return tr.channel_ref(channel)  # a cached DM channel knows its member: the chat is named by them
        # Not cached: the id is the right chat for a guild text channel; for a DM the member is unknown,
        # so the DM channel's id stands in (a deleted DM rarely matters to the domain).
        return ChatRef(platform=tr.PLATFORM, chat_id=str(channel_id),
                       kind=ChatKind.group if guild_id is not None else ChatKind.private)

    async def _on_join(self, member: discord.Member) -> None:
        if self.user is not None and member.id == self.user.id:
            return
        await self._deliver(self._translated("join", lambda: tr.join_event(member)))

    async def _on_interaction(self, interaction: discord.Interaction) -> None:
        event = self._translated("interaction", lambda: tr.button_event(interaction))
        if event is None:
            return
        loop = asyncio.get_running_loop()
        pending = _PendingInteraction(interaction=interaction, received=loop.time())
        key = str(interaction.id)
        self._interactions[key] = pending
        # If Beacon has not answered in time, acknowledge silently so the member does not see
        # "This interaction failed"; a later AnswerButton then goes out as an ephemeral follow-up.
        pending.timer = loop.call_later(self.interaction_ack_s,
                                        lambda: asyncio.ensure_future(self._acknowledge_in_time(key)))
        self._forget_old_interactions(loop.time())
        await self._submit(event)

    async def _acknowledge_in_time(self, key: str) -> None:
        pending = self._interactions.get(key)
        if pending is None:
            return
        async with pending.lock:
            if pending.interaction.response.is_done():
                return
            try:
                await pending.interaction.response.defer()
            except ERRORS as exc:
                log.warning("could not acknowledge interaction %s: %s", key, self._mask.mask(str(exc)))

    def _forget_old_interactions(self, now: float) -> None:
        for key in [k for k, p in self._interactions.items() if now - p.received > INTERACTION_TOKEN_TTL_S]:
            pending = self._interactions.pop(key)
            if pending.timer is not None:
                pending.timer.cancel()

    def _note_seen(self, channel_id: int, message_id: int) -> None:
        if self._last_seen.get(channel_id, 0) < message_id:
            self._last_seen[channel_id] = message_id
            self._last_seen.move_to_end(channel_id)
            while len(self._last_seen) > 5000:
                self._last_seen.popitem(last=False)

    async def _backfill(self, client: discord.Client) -> None:
        me = client.user
        assert me is not None
        for channel_id, last_id in list(self._last_seen.items()):
            channel = client.get_channel(channel_id)
            if channel is None or not hasattr(channel, "history"):
                continue
            try:
                async for message in channel.history(after=discord.Object(last_id), oldest_first=True,  # type: ignore[union-attr]
                                                      limit=self.backfill_limit):
                    self._note_seen(channel_id, message.id)
                    event = self._translated("message", lambda m=message: tr.message_event(m, me))
                    if event is not None:
                        self.backfilled += 1
                        await self._submit(event)
            except ERRORS as exc:
                log.warning("could not read the gap in channel %s: %s", channel_id, self._mask.mask(str(exc)))

    async def _refresh_rights(self, guild: discord.Guild) -> None:
        me = guild.me
        if me is None:
            return
        now = datetime.now(timezone.utc)
        futures = []
        for channel in tr.watched_channels(guild):
            rights = tr.rights_in(channel, me)
            if self._rights.get(channel.id) == rights:
                continue
            self._rights[channel.id] = rights
            log.info("bot is %s in #%s %s of %r (delete=%s, timeout=%s, pin=%s)", rights.status, channel.name,
                     channel.id, guild.name, rights.can_delete, rights.can_restrict, rights.can_pin)
            futures.append(self._submit(tr.rights_event(channel, rights, now)))
        if futures:
            await asyncio.gather(*futures)

    async def _forget_channels(self, channel_ids: list[int]) -> None:
        now = datetime.now(timezone.utc)
        futures = [self._submit(tr.left_event(cid, now)) for cid in channel_ids if self._rights.pop(cid, None)]
        if futures:
            await asyncio.gather(*futures)

    async def stop(self) -> None:
        """Close the gateway session (published events are on the bus) and the HTTP session."""
        self._stopping.set()
        client = self._client
        if client is not None:
            with contextlib.suppress(Exception):
                await client.close()
        running = self._running
        if running is not None and running is not asyncio.current_task():
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError, Exception):
                await asyncio.wait_for(asyncio.shield(running), 10)
        else:
            await self._drain_inflight()
        for pending in self._interactions.values():
            if pending.timer is not None:
                pending.timer.cancel()

    async def aclose(self) -> None:
        """Final clean-up: the client, the endpoints, a limiter this adapter opened, the log filters."""
        await self.stop()
        if self._endpoints_held:
            release_endpoints()
            self._endpoints_held = False
        if self._owns_limiter and self.shared_limiter is not None:
            with contextlib.suppress(Exception):
                await self.shared_limiter.close()
        self.release_log_masking()

    def release_log_masking(self) -> None:
        for target in self._masked_loggers:
            target.removeFilter(self._mask)
        self._masked_loggers.clear()

    def _install_log_masking(self) -> None:
        """Mask the bot token (and interaction tokens in URLs) in every log record that could carry them."""
        import discord.gateway  # noqa: F401 - make sure discord.py's loggers exist before we filter them
        import discord.http  # noqa: F401

        self._masked_loggers.extend(attach_mask(self._mask, _MASKED_LOGGER_PREFIXES))

    # ----- outbound --------------------------------------------------------------------------------

    async def perform(self, action: ActionBase) -> ActionResult:
        try:
            client = await self.ensure_ready()
            return await self._perform(client, action)
        except PlatformError:
            raise
        except ERRORS as exc:
            error = map_error(exc)
            error.args = (self._mask.mask(str(error)),)
            raise error from None

    async def _perform(self, client: discord.Client, action: ActionBase) -> ActionResult:
        if isinstance(action, SendMessage):
            return await self._send(client, action.chat, action.text, action.buttons, action.reply_to_message_id,
                                    pin=action.pin)
        if isinstance(action, SendDirect):
            private = ChatRef(platform=tr.PLATFORM, chat_id=action.user.user_id, kind=ChatKind.private)
            return await self._send(client, private, action.text, action.buttons, None)
        if isinstance(action, EditMessage):
            target, _ = await self._target(client, action.chat, None)
            view = _view(action.buttons)
            await target.get_partial_message(int(action.message_id)).edit(content=action.text, view=view)
            return ActionResult(chat_id=action.chat.chat_id, message_id=action.message_id)
        if isinstance(action, DeleteMessage):
            target, _ = await self._target(client, action.chat, None)
            await target.get_partial_message(int(action.message_id)).delete()
            return ActionResult(chat_id=action.chat.chat_id, message_id=action.message_id)
        if isinstance(action, PinMessage):
            target, _ = await self._target(client, action.chat, None)
            await target.get_partial_message(int(action.message_id)).pin()
            return ActionResult(chat_id=action.chat.chat_id, message_id=action.message_id)
        if isinstance(action, OpenPrivateThread):
            return await self._open_private_thread(client, action)
        if isinstance(action, RestrictMember):
            guild_id = await self._guild_id(client, action.chat)
            now = datetime.now(timezone.utc)
            until = min(action.until, now + MAX_TIMEOUT) if action.until is not None else now + MAX_TIMEOUT
            await client.http.edit_member(guild_id, int(action.user_id),
                                          communication_disabled_until=until.isoformat() if until > now else None)
            return ActionResult(chat_id=action.chat.chat_id)
        if isinstance(action, LiftRestriction):
            guild_id = await self._guild_id(client, action.chat)
            await client.http.edit_member(guild_id, int(action.user_id), communication_disabled_until=None)
            return ActionResult(chat_id=action.chat.chat_id)
        if isinstance(action, BanMember):
            guild_id = await self._guild_id(client, action.chat)
            await client.http.ban(int(action.user_id), guild_id, delete_message_seconds=0)
            return ActionResult(chat_id=action.chat.chat_id)
        if isinstance(action, UnbanMember):
            guild_id = await self._guild_id(client, action.chat)
            try:
                await client.http.unban(int(action.user_id), guild_id)
            except discord.NotFound:
                pass  # not banned (any more): the wanted state already holds
            return ActionResult(chat_id=action.chat.chat_id)
        if isinstance(action, AnswerButton):
            return await self._answer(action)
        if isinstance(action, SendFile):
            return await self._send_file(client, action)
        if isinstance(action, FetchFile):
            return await self._fetch_file(client, action)
        raise BadRequest(f"{type(action).__name__} is not supported on Discord (see the adapter's capabilities)")

    async def _channel(self, client: discord.Client, channel_id: int) -> Any:
        """A channel object: from the gateway's cache, else fetched (the gateway may not be connected)."""
        channel = client.get_channel(channel_id)
        if channel is None:
            channel = await client.fetch_channel(channel_id)
        return channel

    async def _place(self, client: discord.Client, chat_id: int) -> _Place:
        """What a chat id names — a channel (its type and guild) or a guild — from the cache, else from REST."""
        guild = client.get_guild(chat_id)
        if guild is not None:
            system = guild.system_channel
            return _Place(send_to=system.id if system else None, type=None, guild_id=guild.id, is_guild=True)
        channel = client.get_channel(chat_id)
        if channel is not None:
            return _Place.of(channel)
        known = self._places.get(chat_id)
        if known is not None:
            return known
        try:
            place = _Place.of(await client.fetch_channel(chat_id))
        except discord.NotFound:
            # Not a channel: a guild id (joins are reported per guild). Snowflakes never collide across kinds.
            data = await client.http.get_guild(chat_id)
            system_id = data.get("system_channel_id")
            place = _Place(send_to=int(system_id) if system_id else None, type=None, guild_id=chat_id, is_guild=True)
        self._places[chat_id] = place
        while len(self._places) > 10_000:
            self._places.popitem(last=False)
        return place

    async def _guild_id(self, client: discord.Client, chat: ChatRef) -> int:
        """The guild a chat belongs to (a channel's guild, or the chat is a guild itself)."""
        if chat.kind == ChatKind.private:
            raise BadRequest("a DM belongs to no guild: moderation actions need a guild channel")
        place = await self._place(client, int(chat.chat_id))
        if place.guild_id is None:
            raise BadRequest(f"channel {chat.chat_id} belongs to no guild")
        return place.guild_id

    async def _target(self, client: discord.Client, chat: ChatRef, reply_to: str | None) -> tuple[Any, _Place | None]:
        """Where to send for ``chat`` — a DM, a thread, a channel, or a guild's system channel — and what it is."""
        if chat.kind == ChatKind.private:
            return await client.create_dm(discord.Object(int(chat.chat_id))), None
        if chat.thread_id:
            thread_id = int(chat.thread_id)
            return client.get_channel(thread_id) or client.get_partial_messageable(thread_id), None
        chat_id = int(chat.chat_id)
        place = await self._place(client, chat_id)
        if place.is_guild:
            if place.send_to is None:
                raise BadRequest(f"guild {chat_id} has no system channel to post in")
            return client.get_channel(place.send_to) or client.get_partial_messageable(place.send_to), place
        if place.type in tr.FORUM_TYPES:
            # A forum takes posts, not messages. A reply to a post's starter message goes into the post:
            # the starter message has the thread's id.
            if not reply_to:
                raise BadRequest(f"channel {chat_id} is a forum: send into one of its posts (a thread)")
            try:
                thread = await self._channel(client, int(reply_to))
            except discord.NotFound:
                raise BadRequest(f"channel {chat_id} is a forum and {reply_to} is none of its posts") from None
            return thread, None
        return client.get_channel(chat_id) or client.get_partial_messageable(chat_id), place

    async def _send(self, client: discord.Client, chat: ChatRef, text: str, buttons: Keyboard, reply_to: str | None,
                    *, pin: bool = False) -> ActionResult:
        """Send ``text`` (split at 2000), replying with the first part, buttons under the last; crosspost in
        announcement channels. Returns the last part's id (the message later edits and presses target)."""
        target, place = await self._target(client, chat, reply_to)
        view = _view(buttons)
        chunks = split_text(text, MAX_MESSAGE_LENGTH) or [text]
        sent: list[discord.Message] = []
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            # A reply to a forum post's starter message is the post itself: no reference needed.
            reference = (discord.MessageReference(message_id=int(reply_to), channel_id=target.id,
                                                  fail_if_not_exists=False)
                         if reply_to and i == 0 and int(reply_to) != target.id else None)
            kwargs: dict[str, Any] = {"reference": reference} if reference is not None else {}
            if last and view is not None:
                kwargs["view"] = view
            sent.append(await target.send(chunk, **kwargs))
        if place is not None and place.type == discord.ChannelType.news:
            for message in sent:
                try:
                    await message.publish()
                except ERRORS as exc:
                    # The message is out; failing the action now would make the outbox send it again.
                    log.warning("sent to announcement channel %s but could not crosspost: %s", target.id,
                                self._mask.mask(str(exc)))
        if pin:
            try:
                await sent[0].pin()
            except ERRORS as exc:
                log.warning("sent to %s but could not pin it: %s", target.id, self._mask.mask(str(exc)))
        result_chat = chat.chat_id if chat.kind == ChatKind.private else str(target.id)
        return ActionResult(message_id=str(sent[-1].id), chat_id=result_chat)

    async def _open_private_thread(self, client: discord.Client, action: OpenPrivateThread) -> ActionResult:
        parent_id = int(self.config.support_channel_id or action.parent.chat_id)
        parent = await self._channel(client, parent_id)
        if not isinstance(parent, discord.TextChannel) or parent.type != discord.ChannelType.text:
            raise BadRequest("private threads need a text channel: set discord.support_channel_id")
        view = _view(action.buttons)  # refused (too many rows) before anything is created
        thread = await parent.create_thread(name=action.name[:100] or "support", type=discord.ChannelType.private_thread,
                                            invitable=False, auto_archive_duration=10080)
        await thread.add_user(discord.Object(int(action.user.user_id)))
        for user_id in dict.fromkeys(action.add_user_ids):
            if user_id == action.user.user_id:
                continue
            try:
                await thread.add_user(discord.Object(int(user_id)))
            except ERRORS as exc:
                # Staff who left the server (or never joined it) must not cost the member their thread.
                log.warning("opened private thread %s but could not add staff member %s: %s", thread.id, user_id,
                            self._mask.mask(str(exc)))
        # The mention in the first message makes Discord show the member their new thread.
        chunks = split_text(f"<@{action.user.user_id}> {action.text}", MAX_MESSAGE_LENGTH)
        message = None
        for i, chunk in enumerate(chunks):
            extra: dict[str, Any] = {"view": view} if view is not None and i == len(chunks) - 1 else {}
            message = await thread.send(chunk, **extra)
        return ActionResult(chat_id=str(thread.id), message_id=str(message.id) if message is not None else None)

    async def _answer(self, action: AnswerButton) -> ActionResult:
        pending = self._interactions.get(action.callback_id)
        if pending is None:
            raise NotFound("unknown or expired interaction (answers must come from the process that received it)")
        async with pending.lock:
            if pending.timer is not None:
                pending.timer.cancel()
            interaction = pending.interaction
            if not interaction.response.is_done():
                try:
                    if action.text:
                        await interaction.response.send_message(action.text, ephemeral=True)
                    else:
                        await interaction.response.defer()
                    return ActionResult()
                except discord.HTTPException as exc:
                    if exc.code != ALREADY_ACKNOWLEDGED:
                        raise
            if action.text:
                # Acknowledged already (in time, silently): the answer follows, visible to the presser only.
                message = await interaction.followup.send(action.text, ephemeral=True, wait=True)
                return ActionResult(message_id=str(message.id))
            return ActionResult()

    async def _send_file(self, client: discord.Client, action: SendFile) -> ActionResult:
        path = Path(action.path)
        try:
            data = path.read_bytes()
        except OSError:
            raise BadRequest(f"cannot read the file to send ({action.file_name})") from None
        target, _ = await self._target(client, action.chat, None)
        caption = action.caption[:MAX_MESSAGE_LENGTH] or None
        message = await target.send(caption, file=discord.File(io.BytesIO(data), filename=action.file_name))
        return ActionResult(message_id=str(message.id), chat_id=str(target.id))

    async def _fetch_file(self, client: discord.Client, action: FetchFile) -> ActionResult:
        """A member's attachment into the desk's file store; over ``max_bytes`` is refused before downloading."""
        try:
            channel_id, message_id, attachment_id = (int(p) for p in action.file_id.split(":"))
        except ValueError:
            raise BadRequest("not a Discord attachment handle") from None
        channel = client.get_channel(channel_id) or client.get_partial_messageable(channel_id)
        message = await channel.fetch_message(message_id)  # fresh, signed attachment URLs
        attachment = next((a for a in message.attachments if a.id == attachment_id), None)
        if attachment is None:
            raise NotFound("the attachment is gone (message edited or deleted)")
        if action.max_bytes is not None and attachment.size > action.max_bytes:
            raise BadRequest("the file is larger than the configured limit")
        data = await attachment.read()
        if action.max_bytes is not None and len(data) > action.max_bytes:
            raise BadRequest("the file is larger than the configured limit")
        target = Path(action.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return ActionResult(chat_id=action.chat.chat_id)


def _view(buttons: Keyboard) -> discord.ui.View | None:
    """Rows of buttons as a View: rows wider than 5 wrap, more than 5 rows is refused (Discord's limits).

    The view is stopped before it is sent, so discord.py does not keep it in memory to dispatch
    presses: presses arrive as interactions and the custom id carries everything, so they keep
    working across restarts.
    """
    if not buttons:
        return None
    rows: list[tuple[Any, ...]] = []
    for row in buttons:
        rows += [row[i:i + BUTTONS_PER_ROW] for i in range(0, len(row), BUTTONS_PER_ROW)]
    if len(rows) > MAX_ROWS:
        raise BadRequest(f"Discord shows at most {MAX_ROWS} rows of {BUTTONS_PER_ROW} buttons")
    view = discord.ui.View(timeout=None)
    for index, row in enumerate(rows):
        for button in row:
            label = button.text[:MAX_LABEL]
            if button.url is not None:
                view.add_item(discord.ui.Button(label=label, url=button.url, row=index))
            else:
                view.add_item(discord.ui.Button(label=label, custom_id=button.data, row=index,
                                                style=discord.ButtonStyle.secondary))
    view.stop()
    return view


__all__ = ["CAPABILITIES", "INTENTS", "DiscordAdapter"]
