"""The X adapter: tweepy's AsyncClient polling mentions and DMs (cursors kept in the database) and performing replies, DMs, hiding."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from typing import Any, TypeVar

import aiohttp
import tweepy
from tweepy.asynchronous import AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from beacon.actions import (
    ActionBase,
    ActionResult,
    AnswerButton,
    BadRequest,
    DeleteMessage,
    PlatformError,
    SendDirect,
    SendMessage,
)
from beacon.adapter import Adapter, Capabilities, Publish
from beacon.config import Settings, XConfig
from beacon.events import ChatKind, ChatRef, MessagePosted, UserRef
from beacon.logs import SecretMaskingFilter, attach_mask
from beacon.metrics import Metrics
from beacon.storage import db
from bots.x import cursor
from bots.x.errors import ERRORS, map_error, wait_for_reset
from bots.x.session import open_session
from bots.x.text import MAX_DM_CHARS, MAX_TWEET_WEIGHT, split_for_x, with_links

log = logging.getLogger(__name__)
T = TypeVar("T")

PLATFORM = "x"
# How domain texts name where a mention was posted ("your message in X"): a conversation id means nothing to members.
FEED_TITLE = "X"
TWEET_FIELDS = ["author_id", "conversation_id", "created_at", "in_reply_to_user_id", "referenced_tweets", "lang"]
DM_EVENT_FIELDS = ["id", "text", "sender_id", "dm_conversation_id", "created_at"]
# tweepy logs request headers (the bearer token, the OAuth header) at DEBUG: its loggers never go below INFO.
_TWEEPY_LOGGERS = ("tweepy", "tweepy.client", "tweepy.asynchronous.client")
_MASKED_LOGGER_PREFIXES = ("tweepy", "aiohttp", "bots.x")

CAPABILITIES = Capabilities(
    dm_first=True,  # a brand may DM a member who accepts DMs from anyone; 403 when they do not
    deep_link_dm=False,
    private_threads=False,
    delete=False,  # the brand cannot delete others' posts…
    hide_replies=True,  # …only hide replies in conversations it started
    ban=False,
    restrict=False,
    edit=False,
    pin=False,
    buttons=False,
    url_buttons=False,
    max_buttons_per_message=0,
    max_message_length=MAX_TWEET_WEIGHT,
    extra={
        "max_message_length": "weighted: CJK and emoji count 2, links 23; longer replies become a short thread",
        "moderation": "hide replies to the brand's own posts; flag the rest for staff",
        "dm_closed": "403 on POST /2/dm_conversations/with/:id/messages",
        "billing": "every API call is billed; mentions are polled on x.poll_interval_s, DMs on x.dm_poll_interval_s",
    },
)


def _parse_time(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime.now(timezone.utc)


class XAdapter(Adapter):
    """X through tweepy 4.17's AsyncClient.

    Inbound: ``GET /2/users/:id/mentions`` every ``poll_interval_s`` (never faster than the tier's budget
    allows) with ``since_id``; each poll reads every page newer than the cursor, publishes the mentions
    oldest first, and only then stores the newest id in the database, so nothing is re-read and a
    restart resumes where the last complete poll ended. The very first poll (no stored cursor) only
    sets the baseline: old mentions are not answered.

    DMs (with user context): ``GET /2/dm_events`` (MessageCreate) every ``dm_poll_interval_s``, read newest
    first down to the last seen event id, published oldest first as private messages (chat id = the member's
    id), then the cursor is stored under its own key; the bot's own DMs are skipped. Baseline as for mentions.

    Outbound: replies (``POST /2/tweets``, a long text becomes a short thread), DMs (403 →
    ``Forbidden(reason="dm_closed")``) and hiding replies to the brand's own posts (``DeleteMessage``).
    429s are never retried inside tweepy (its AsyncClient crashes retrying OAuth 1.0a requests): the poller
    sleeps until ``x-rate-limit-reset``; actions go back to the outbox with ``RateLimited``.
    """

    platform = PLATFORM
    capabilities = CAPABILITIES

    def __init__(
        self,
        config: XConfig,
        *,
        database_url: str,
        metrics: Metrics | None = None,
        page_size: int = 100,
    ) -> None:
        self.config = config
        self.database_url = database_url
        self.metrics = metrics
        self.page_size = page_size
        self.client: AsyncClient | None = None
        self.session: aiohttp.ClientSession | None = None
        self.brand_username: str | None = None
        self.polls = 0  # completed polls (tests and benchmarks wait on it)
        self.dm_polls = 0  # completed DM polls
        self.calls: Counter[str] = Counter()  # billed calls by method since start
        self._hour_started = time.monotonic()
        self._hour_calls = 0
        self._since_id: str | None = None
        self._baselined = False
        self._dm_since_id: str | None = None
        self._dm_baselined = False
        self._stop = asyncio.Event()
        self._engine: AsyncEngine | None = None
        self._sessions: async_sessionmaker[AsyncSession] | None = None
        secrets = [config.bearer_token, config.consumer_key, config.consumer_secret, config.access_token,
                   config.access_token_secret]
        self._mask = SecretMaskingFilter(s.get_secret_value() for s in secrets if s is not None)
        self._masked: list[logging.Filterer] = []
        self._install_log_masking()

    @classmethod
    def from_settings(cls, settings: Settings, **options: Any) -> "XAdapter":
        if settings.x is None:
            raise ValueError("no [x] section in the configuration")
        return cls(settings.x, database_url=settings.database.url, **options)

    @property
    def effective_interval_s(self) -> float:
        """The poll interval, never shorter than the mentions budget allows (limit requests per window)."""
        floor = self.config.rate_window_s / max(1, self.config.mentions_rate_limit)
        return max(self.config.poll_interval_s, floor)

    @property
    def effective_dm_interval_s(self) -> float:
        """The DM poll interval, never shorter than the DM lookup budget allows."""
        floor = self.config.rate_window_s / max(1, self.config.dm_rate_limit)
        return max(self.config.dm_poll_interval_s, floor)

    @property
    def dm_cursor_key(self) -> str:
        """The DM cursor's row in ``x_cursors`` (the mentions cursor is keyed by the bare account id)."""
        return f"{self.config.user_id}:dm"

    @property
    def has_user_context(self) -> bool:
        c = self.config
        return None not in (c.consumer_key, c.consumer_secret, c.access_token, c.access_token_secret)

    # ----- lifecycle -------------------------------------------------------------------------------

    async def ensure_client(self) -> AsyncClient:
        """The client and its session, made inside the running loop (aiohttp sessions belong to one loop)."""
        if self.client is None:
            c = self.config

            def secret(value: Any) -> str | None:
                return value.get_secret_value() if value is not None else None

            client = AsyncClient(
                bearer_token=secret(c.bearer_token), consumer_key=secret(c.consumer_key),
                consumer_secret=secret(c.consumer_secret), access_token=secret(c.access_token),
                access_token_secret=secret(c.access_token_secret), wait_on_rate_limit=False,
            )
            self.session = open_session(c.api_url)
            client.session = self.session  # one pooled session instead of a new one per request
            self.client = client
        if self._sessions is None:
            self._engine = db.make_engine(self.database_url)
            self._sessions = db.make_sessionmaker(self._engine)
        return self.client

    async def run(self, publish: Publish) -> None:
        """Poll mentions (and DMs, with user context) until ``stop``; each poller waits for its own window's
        reset after a 429 and backs off one interval after other failures."""
        self._stop.clear()
        await self.ensure_client()
        loops = [self._loop("mentions", self.poll_once, lambda: self.effective_interval_s, publish)]
        if self.has_user_context:
            loops.append(self._loop("DMs", self.poll_dms_once, lambda: self.effective_dm_interval_s, publish))
        else:
            log.warning("no user-context credentials in [x]: DMs to the brand are not read")
        await asyncio.gather(*loops)

    async def _loop(self, what: str, poll: Callable[[Publish], Awaitable[int]], interval: Callable[[], float],
                    publish: Publish) -> None:
        while not self._stop.is_set():
            delay = interval()
            try:
                await poll(publish)
            except tweepy.TooManyRequests as exc:
                delay = wait_for_reset(exc)
                log.warning("X %s rate limit reached; next poll in %.0fs (at the window's reset)", what, delay)
            except ERRORS as exc:
                log.warning("polling X %s failed, retrying in %.0fs: %s", what, delay,
                            self._mask.mask(str(map_error(exc))))
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stop.wait(), timeout=delay)

    async def stop(self) -> None:
        self._stop.set()

    async def aclose(self) -> None:
        """Stop, close the HTTP session and the database engine, remove the log filters."""
        await self.stop()
        if self.session is not None:
            await self.session.close()
        self.session = self.client = None
        if self._engine is not None:
            await self._engine.dispose()
        self._engine = self._sessions = None
        for target in self._masked:
            target.removeFilter(self._mask)
        self._masked.clear()

    def _install_log_masking(self) -> None:
        for name in _TWEEPY_LOGGERS:
            logger = logging.getLogger(name)
            if logger.getEffectiveLevel() < logging.INFO or logger.level == logging.NOTSET:
                logger.setLevel(logging.INFO)
        self._masked.extend(attach_mask(self._mask, _MASKED_LOGGER_PREFIXES))

    # ----- billing ---------------------------------------------------------------------------------

    async def _call(self, method: str, fn: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> T:
        """Every X API call goes through here: X bills per call, so each is counted (metrics, hourly log)."""
        self.calls[method] += 1
        if self.metrics is not None:
            self.metrics.platform_calls.labels(PLATFORM, method).inc()
        now = time.monotonic()
        if now - self._hour_started >= 3600:
            log.info("X API calls in the last hour: %d", self._hour_calls)
            self._hour_started, self._hour_calls = now, 0
        self._hour_calls += 1
        return await fn(*args, **kwargs)

    # ----- inbound ---------------------------------------------------------------------------------

    async def _load_cursor(self) -> None:
        assert self._sessions is not None
        async with self._sessions() as session:
            stored = await cursor.load_since_id(session, self.config.user_id)
        if stored is not None:
            self._since_id, self._baselined = stored, True

    async def _save_cursor(self, since_id: str) -> None:
        assert self._sessions is not None
        async with self._sessions() as session, session.begin():
            await cursor.save_since_id(session, self.config.user_id, since_id)
        self._since_id = since_id

    async def poll_once(self, publish: Publish) -> int:
        """One poll: read every mention newer than the cursor, publish them oldest first, then advance the
        cursor. Returns how many were published. Raises tweepy's errors (``run`` handles them)."""
        client = await self.ensure_client()
        if not self._baselined and self._since_id is None:
            await self._load_cursor()
        if self.brand_username is None:
            me = await self._call("get_user", client.get_user, id=self.config.user_id)
            self.brand_username = me.data.username if me.data is not None else None
        tweets: list[Any] = []
        users: dict[str, Any] = {}
        token: str | None = None
        for page in range(self.config.max_pages_per_poll):
            response = await self._call(
                "get_users_mentions", client.get_users_mentions, self.config.user_id, since_id=self._since_id,
                max_results=self.page_size, pagination_token=token, expansions=["author_id"],
                tweet_fields=TWEET_FIELDS, user_fields=["username", "name"],
            )
            tweets.extend(response.data or [])
            users.update({str(u.id): u for u in (response.includes or {}).get("users", [])})
            token = (response.meta or {}).get("next_token")
            if token is None or (not self._baselined and self._since_id is None):
                break  # the baseline needs only the newest id
            if page == self.config.max_pages_per_poll - 1:
                log.warning("more X mentions since the last poll than %d pages; the oldest are skipped",
                            self.config.max_pages_per_poll)
        tweets.sort(key=lambda t: int(t.id))
        if not self._baselined:
            self._baselined = True
            if tweets:
                await self._save_cursor(str(tweets[-1].id))
            self.polls += 1
            return 0
        for tweet in tweets:
            await publish(self._translate(tweet, users.get(str(tweet.author_id))))
        if tweets:
            await self._save_cursor(str(tweets[-1].id))
        self.polls += 1
        return len(tweets)

    async def _load_dm_cursor(self) -> None:
        assert self._sessions is not None
        async with self._sessions() as session:
            stored = await cursor.load_since_id(session, self.dm_cursor_key)
        if stored is not None:
            self._dm_since_id, self._dm_baselined = stored, True

    async def _save_dm_cursor(self, last_id: str) -> None:
        assert self._sessions is not None
        async with self._sessions() as session, session.begin():
            await cursor.save_since_id(session, self.dm_cursor_key, last_id)
        self._dm_since_id = last_id

    async def poll_dms_once(self, publish: Publish) -> int:
        """One DM poll: read ``GET /2/dm_events`` newest first down to the last seen event (the endpoint has no
        ``since_id``), publish the members' messages oldest first, then advance the cursor. Returns how many
        were published. Raises tweepy's errors (``run`` handles them)."""
        client = await self.ensure_client()
        if not self._dm_baselined and self._dm_since_id is None:
            await self._load_dm_cursor()
        since = int(self._dm_since_id) if self._dm_since_id is not None else None
        events: list[Any] = []
        users: dict[str, Any] = {}
        token: str | None = None
        for page in range(self.config.max_pages_per_poll):
            response = await self._call(
                "get_direct_message_events", client.get_direct_message_events, event_types="MessageCreate",
                dm_event_fields=DM_EVENT_FIELDS, expansions=["sender_id"], user_fields=["username", "name"],
                max_results=self.page_size, pagination_token=token, user_auth=True,
            )
            data = list(response.data or [])
            events.extend(e for e in data if since is None or int(e.id) > since)
            users.update({str(u.id): u for u in (response.includes or {}).get("users", [])})
            token = (response.meta or {}).get("next_token")
            reached = since is not None and any(int(e.id) <= since for e in data)
            if token is None or reached or not self._dm_baselined:
                break  # caught up with the cursor (the baseline needs only the newest id)
            if page == self.config.max_pages_per_poll - 1:
                log.warning("more X DM events since the last poll than %d pages; the oldest are skipped",
                            self.config.max_pages_per_poll)
        events.sort(key=lambda e: int(e.id))
        if not self._dm_baselined:
            self._dm_baselined = True
            if events:
                await self._save_dm_cursor(str(events[-1].id))
            self.dm_polls += 1
            return 0
        published = 0
        for event in events:
            if str(event.sender_id) == self.config.user_id:
                continue  # the bot's own DMs come back in the listing
            await publish(self._translate_dm(event, users.get(str(event.sender_id))))
            published += 1
        if events:
            await self._save_dm_cursor(str(events[-1].id))
        self.dm_polls += 1
        return published

    def _translate_dm(self, event: Any, sender: Any) -> MessagePosted:
        user_id = str(event.sender_id)
        return MessagePosted(
            platform=PLATFORM,
            occurred_at=_parse_time(event.created_at),
            # As on the other platforms, a DM chat is named by the member: SendDirect answers to the same id.
            chat=ChatRef(platform=PLATFORM, chat_id=user_id, kind=ChatKind.private),
            message_id=str(event.id),
            author=UserRef(platform=PLATFORM, user_id=user_id, username=getattr(sender, "username", None),
                           display_name=getattr(sender, "name", None)),
            text=event.text or "",
        )

    def _translate(self, tweet: Any, author: Any) -> MessagePosted:
        brand = self.config.user_id
        replied_to = next((r.id for r in (tweet.referenced_tweets or []) if r.type == "replied_to"), None)
        lang = tweet.lang if isinstance(tweet.lang, str) and re.fullmatch(r"[a-z]{2}", tweet.lang or "") else None
        return MessagePosted(
            platform=PLATFORM,
            occurred_at=_parse_time(tweet.created_at),
            chat=ChatRef(platform=PLATFORM, chat_id=str(tweet.conversation_id or brand), kind=ChatKind.public_feed,
                         title=FEED_TITLE),
            message_id=str(tweet.id),
            author=UserRef(platform=PLATFORM, user_id=str(tweet.author_id),
                           username=getattr(author, "username", None), display_name=getattr(author, "name", None),
                           language_code=lang),
            text=self._strip_brand_prefix(tweet.text),
            reply_to_message_id=str(replied_to) if replied_to is not None else None,
            reply_to_bot=str(tweet.in_reply_to_user_id or "") == brand,
            mentions_bot=True,
        )

    def _strip_brand_prefix(self, text: str) -> str:
        """``@Brand /faq fees`` → ``/faq fees``: X prefixes replies with the handles they answer."""
        if not self.brand_username:
            return text
        stripped = re.sub(rf"^(?:@{re.escape(self.brand_username)}\b\s*)+", "", text, flags=re.I)
        return stripped or text

    # ----- outbound --------------------------------------------------------------------------------

    async def perform(self, action: ActionBase) -> ActionResult:
        try:
            client = await self.ensure_client()
            if isinstance(action, SendMessage):
                return await self._reply(client, action)
            if isinstance(action, SendDirect):
                return await self._direct(client, action)
            if isinstance(action, DeleteMessage):
                await self._call("hide_reply", client.hide_reply, action.message_id, user_auth=True)
                return ActionResult()
            if isinstance(action, AnswerButton):
                return ActionResult()  # X has no buttons, so nothing waits for an answer
            raise BadRequest(f"{action.type} is not supported on X (see the adapter's capabilities)")
        except PlatformError:
            raise
        except ERRORS as exc:
            reason = {SendDirect: "dm_closed", DeleteMessage: "no_rights"}.get(type(action), "other")
            error = map_error(exc, on_forbidden=reason)
            error.args = (self._mask.mask(str(error)),)
            raise error from None

    async def _reply(self, client: AsyncClient, action: SendMessage) -> ActionResult:
        parts = split_for_x(with_links(action.text, action.buttons))
        if not parts:
            raise BadRequest("empty message")
        first: str | None = None
        parent = action.reply_to_message_id
        for part in parts:
            response = await self._call("create_tweet", client.create_tweet, text=part, in_reply_to_tweet_id=parent,
                                        user_auth=True)
            parent = str(response.data["id"])
            first = first or parent
        return ActionResult(message_id=first, chat_id=action.chat.chat_id)

    async def _direct(self, client: AsyncClient, action: SendDirect) -> ActionResult:
        text = with_links(action.text, action.buttons)
        first: str | None = None
        for start in range(0, max(1, len(text)), MAX_DM_CHARS):
            response = await self._call("create_direct_message", client.create_direct_message,
                                        participant_id=action.user.user_id, text=text[start:start + MAX_DM_CHARS],
                                        user_auth=True)
            first = first or str(response.data.get("dm_event_id", ""))
        return ActionResult(message_id=first, chat_id=action.user.user_id)
