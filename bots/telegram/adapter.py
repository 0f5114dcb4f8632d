"""The Telegram adapter: python-telegram-bot's ExtBot, our own update loop (publish, then confirm), actions → Bot API."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from telegram import ChatPermissions, InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ChatMemberStatus
from telegram.error import ChatMigrated, Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter, ExtBot
from telegram.request import HTTPXRequest

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
    PinMessage,
    LiftRestriction,
    RestrictMember,
    SendDirect,
    SendFile,
    SendMessage,
    UnbanMember,
)
from beacon.adapter import Adapter, Capabilities, Publish
from beacon.config import Settings, TelegramConfig
from beacon.events import BotMembershipChanged, ButtonPressed, ChatKind, ChatRef, EventBase
from beacon.logs import SecretMaskingFilter, attach_mask
from beacon.ratelimit import RateLimiter, TelegramBuckets, open_rate_limiter
from bots.telegram.errors import map_error
from bots.telegram.limits import SendLimits, SharedLimiterBridge, TelegramRateLimiter, retry_after_seconds
from bots.telegram.text import split_text, truncate, utf16_len
from bots.telegram.translate import ALLOWED_UPDATES, PLATFORM, BotIdentity, translate

log = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# Loggers that see request URLs or parameters; each gets the token-masking filter.
_MASKED_LOGGER_PREFIXES = ("telegram", "httpx", "httpcore", "aiohttp", "bots.telegram")

CAPABILITIES = Capabilities(
    dm_first=False,  # a bot cannot write to a member who never pressed Start
    deep_link_dm=True,
    private_threads=False,
    delete=True,
    ban=True,
    restrict=True,
    edit=True,
    pin=True,
    buttons=True,
    url_buttons=True,
    max_buttons_per_message=100,
    max_message_length=MAX_MESSAGE_LENGTH,
    extra={"button_data_max_bytes": "64", "deep_link_payload": "[A-Za-z0-9_-]{1,64}",
           "delete_needs": "admin with can_delete_messages", "ban_needs": "admin with can_restrict_members"},
)


@dataclass(frozen=True)
class BotRights:
    """The bot's standing in a chat, as the last my_chat_member update told it."""

    status: str
    can_delete: bool
    can_restrict: bool
    can_pin: bool


class _Stopped(Exception):
    """Internal: stop() was called while waiting for updates."""


class TelegramAdapter(Adapter):
    """Telegram through python-telegram-bot, long polling (default) or webhook.

    Inbound: ``run(publish)`` fetches updates itself and confirms them to Telegram (the next
    getUpdates offset, or the webhook's 200) only after ``publish`` returned, i.e. after the events
    are durably on the bus. A crash at any point loses nothing: Telegram redelivers what was not
    confirmed and the events' idempotency keys absorb the duplicates.

    Outbound: ``perform(action)`` maps each action to Bot API calls and PTB's exceptions to
    ``beacon.actions`` errors. Sends are throttled by ``TelegramRateLimiter`` (or, when a limiter
    shared between processes is given, by ``SharedLimiterBridge``) and 429s are retried.
    """

    platform = PLATFORM
    capabilities = CAPABILITIES

    def __init__(
        self,
        config: TelegramConfig,
        *,
        bot_username: str | None = None,
        limiter: RateLimiter | None = None,
        owns_limiter: bool = False,
        max_retries: int = 3,
        private_burst: int = 3,
        headroom: float = 0.9,
        connection_pool_size: int = 64,
        request_timeout_s: float = 15.0,
        retry_delay_s: float = 1.0,
    ) -> None:
        if config.mode == "webhook" and not config.webhook_url:
            raise ValueError("telegram.webhook_url is required when telegram.mode is 'webhook'")
        self.config = config
        self._token = config.token.get_secret_value()
        self._mask = SecretMaskingFilter([self._token])
        self._masked_loggers: list[logging.Filterer] = []
        self._install_log_masking()
        if not 0 < headroom <= 1:
            raise ValueError("headroom is a fraction of Telegram's limits, in (0, 1]")
        # Aiming exactly at the limits invites 429s from timing jitter, and PTB's limiter answers a
        # 429 by pausing every send: aim a little below (``headroom``) instead.
        self.limits = SendLimits(overall_per_s=config.rate_overall_per_s * headroom,
                                 group_per_min=config.rate_group_per_min * headroom,
                                 private_per_s=config.rate_private_per_s * headroom, private_burst=private_burst)
        self.claim_rate_per_s = self.limits.overall_per_s  # the dispatcher claims no faster than we may send
        # A limiter shared between processes (Redis) when given; PTB's AIORateLimiter plus ours otherwise.
        self.shared_limiter = limiter
        self._owns_limiter = owns_limiter
        rate_limiter: BaseRateLimiter[Any] = (
            SharedLimiterBridge(limiter, TelegramBuckets.from_config(config), max_retries=max_retries)
            if limiter is not None else TelegramRateLimiter(self.limits, max_retries=max_retries)
        )
        request = HTTPXRequest(connection_pool_size=connection_pool_size, read_timeout=request_timeout_s,
                               write_timeout=request_timeout_s, connect_timeout=5.0, pool_timeout=request_timeout_s)
        # A separate connection for the long poll, so sends never queue behind it.
        updates_request = HTTPXRequest(connection_pool_size=1, read_timeout=5.0, connect_timeout=5.0)
        self.bot: ExtBot[Any] = ExtBot(self._token, base_url=config.base_url, base_file_url=config.base_file_url,
                                       request=request, get_updates_request=updates_request,
                                       rate_limiter=rate_limiter)
        self._configured_username = bot_username
        self._me: BotIdentity | None = None
        self._initialized = False
        self._ready_lock: asyncio.Lock | None = None
        self._stopping = asyncio.Event()
        self._poll: asyncio.Task[Any] | None = None
        self._running: asyncio.Task[Any] | None = None
        self._rights: dict[str, BotRights] = {}
        self.retry_delay_s = retry_delay_s
        self.webhook_port: int | None = None  # the port actually bound, in webhook mode
        self._webhook_secret = (config.webhook_secret.get_secret_value() if config.webhook_secret
                                else secrets.token_urlsafe(32))
        self._mask.add(self._webhook_secret)
        # Counters for benchmarks and health checks.
        self.updates_received = 0
        self.events_published = 0

    @classmethod
    def from_settings(cls, settings: Settings, **options: Any) -> "TelegramAdapter":
        if settings.telegram is None:
            raise ValueError("no [telegram] section in the configuration")
        # Telegram requires bot usernames to end in "bot": that tells our handle among the brand's.
        handles = settings.brand.bot_usernames
        username = next((h for h in handles if h.lower().endswith("bot")), handles[0] if handles else None)
        if "limiter" not in options and not settings.bus.url.startswith("memory:"):
            # With the Redis bus, every process sending for this bot shares one limiter in Redis.
            options.update(limiter=open_rate_limiter(settings.bus.url, prefix=settings.bus.prefix), owns_limiter=True)
        return cls(settings.telegram, bot_username=options.pop("bot_username", username), **options)

    # ----- identity, deep links, rights ---------------------------------------------------------

    @property
    def me(self) -> BotIdentity | None:
        return self._me

    @property
    def username(self) -> str | None:
        return self._me.username if self._me else (self._configured_username or "").lstrip("@") or None

    def deep_link(self, payload: str) -> str | None:
        """``https://t.me/<bot>?start=<payload>``: opens the bot's DM; the bot then receives ``/start <payload>``."""
        if not _PAYLOAD.match(payload):
            raise ValueError("a deep-link payload is 1-64 characters of A-Z a-z 0-9 _ -")
        return f"https://t.me/{self.username}?start={payload}" if self.username else None

    def bot_rights(self, chat_id: str | int) -> BotRights | None:
        """The bot's rights in a chat as last reported by my_chat_member (None if never reported)."""
        return self._rights.get(str(chat_id))

    async def ensure_ready(self) -> BotIdentity:
        """Initialise the bot once (getMe): learns its id and username."""
        if self._me is not None and self._initialized:
            return self._me
        if self._ready_lock is None:
            self._ready_lock = asyncio.Lock()
        async with self._ready_lock:
            if self._me is None or not self._initialized:
                try:
                    await self.bot.initialize()
                except InvalidToken:
                    raise RuntimeError("Telegram rejected the bot token (check telegram.token)") from None
                self._me = BotIdentity(id=self.bot.id, username=self.bot.username)
                self._initialized = True
        return self._me

    # ----- inbound ------------------------------------------------------------------------------

    async def run(self, publish: Publish) -> None:
        self._stopping.clear()
        self._running = asyncio.current_task()
        try:
            await self._retrying_ready()
            if self.config.mode == "webhook":
                await self._run_webhook(publish)
            else:
                await self._run_polling(publish)
        finally:
            self._running = None

    async def _retrying_ready(self) -> None:
        while True:
            try:
                await self.ensure_ready()
                return
            except NetworkError as exc:
                log.warning("Telegram unreachable at start (%s); retrying", self._mask.mask(exc.message))
                await self._sleep_unless_stopping(self.retry_delay_s)

    async def _run_polling(self, publish: Publish) -> None:
        with contextlib.suppress(TelegramError):
            await self.bot.delete_webhook(drop_pending_updates=False)  # polling and a webhook exclude each other
        offset: int | None = None
        confirmed: int | None = None
        try:
            while not self._stopping.is_set():
                try:
                    updates = await self._fetch(offset)
                except _Stopped:
                    break
                except RetryAfter as exc:
                    await self._sleep_unless_stopping(retry_after_seconds(exc))
                    continue
                except Conflict as exc:
                    log.warning("another getUpdates or a webhook is active (%s); retrying", exc.message)
                    await self._sleep_unless_stopping(self.retry_delay_s)
                    continue
                except InvalidToken:
                    raise RuntimeError("Telegram rejected the bot token (check telegram.token)") from None
                except NetworkError as exc:
                    log.warning("getUpdates failed (%s); retrying", self._mask.mask(exc.message))
                    await self._sleep_unless_stopping(self.retry_delay_s)
                    continue
                except Exception:  # noqa: BLE001 - e.g. an update PTB cannot parse: keep the loop alive
                    log.exception("getUpdates failed; retrying")
                    await self._sleep_unless_stopping(self.retry_delay_s)
                    continue
                confirmed = offset
                if updates:
                    # The next getUpdates, with this offset, confirms to Telegram what is on the bus.
                    offset = await self._publish_batch(updates, publish)
                    if offset <= updates[-1].update_id:
                        await self._sleep_unless_stopping(self.retry_delay_s)  # a publish failed: back off
        finally:
            if offset is not None and offset != confirmed:
                # Confirm what was published, so a clean restart does not redeliver it.
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(self.bot.get_updates(offset=offset, timeout=0, limit=1), 5)

    async def _fetch(self, offset: int | None) -> tuple[Update, ...]:
        self._poll = asyncio.ensure_future(self.bot.get_updates(
            offset=offset, timeout=self.config.poll_timeout_s, allowed_updates=list(ALLOWED_UPDATES)))
        stop = asyncio.ensure_future(self._stopping.wait())
        try:
            await asyncio.wait({self._poll, stop}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
        if not self._poll.done():
            self._poll.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._poll
            raise _Stopped
        return self._poll.result()

    async def _sleep_unless_stopping(self, seconds: float) -> None:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    async def _publish_batch(self, updates: tuple[Update, ...], publish: Publish) -> int:
        """Publish one getUpdates batch; returns the offset that confirms exactly what is on the bus.

        Chats are published concurrently (a durable bus commits them together), each chat's events
        in update order. When a publish fails, that chat stops there and the offset stops at the
        first failed update: everything before it is on the bus; what follows is fetched again
        (the copies already published are absorbed by their idempotency keys).
        """
        me = await self.ensure_ready()
        lanes: dict[str, list[tuple[int, EventBase]]] = {}
        for update in updates:
            for event in self._translate(update, me):
                lanes.setdefault(event.ordering_key, []).append((update.update_id, event))
        failed: list[int] = []

        async def publish_lane(items: list[tuple[int, EventBase]]) -> None:
            for update_id, event in items:
                try:
                    await self._publish_event(event, publish)
                except Exception:
                    log.exception("publishing update %s failed; it will be fetched again", update_id)
                    failed.append(update_id)
                    return

        await asyncio.gather(*(publish_lane(items) for items in lanes.values()))
        return min(failed) if failed else updates[-1].update_id + 1

    async def _publish_update(self, update: Update, publish: Publish) -> None:
        """Translate one update and publish its events in order; raises when one could not be published."""
        me = await self.ensure_ready()
        for event in self._translate(update, me):
            await self._publish_event(event, publish)

    def _translate(self, update: Update, me: BotIdentity) -> list[EventBase]:
        self.updates_received += 1
        try:
            return translate(update, me)
        except Exception:
            # A bug or an update shape we do not know: report it (no content) and move on.
            log.exception("could not translate update %s (%s)", update.update_id,
                          ",".join(k for k, v in update.to_dict().items() if k != "update_id" and v))
            return []

    async def _publish_event(self, event: EventBase, publish: Publish) -> None:
        if isinstance(event, ButtonPressed):
            event = await self._with_presser_rights(event)
        await publish(event)
        self.events_published += 1
        if isinstance(event, BotMembershipChanged):
            self._rights[event.chat.chat_id] = BotRights(status=event.status, can_delete=event.can_delete,
                                                         can_restrict=event.can_restrict, can_pin=event.can_pin)
            if event.chat.kind != ChatKind.private:  # operators learn group ids from this line
                log.info("bot is now %s in %s %s %r (delete=%s, ban=%s, pin=%s)", event.status, event.chat.kind.value,
                         event.chat.chat_id, event.chat.title, event.can_delete, event.can_restrict, event.can_pin)

    async def _with_presser_rights(self, event: ButtonPressed) -> ButtonPressed:
        """Ask Telegram, at the moment of the press, whether the presser administers the chat."""
        if event.chat.kind == ChatKind.private:
            return event
        try:
            member = await self.bot.get_chat_member(int(event.chat.chat_id), int(event.user.user_id))
        except TelegramError as exc:
            log.warning("could not check the presser's rights in %s: %s", event.chat.chat_id,
                        self._mask.mask(exc.message))
            return event
        is_admin = member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)
        return event.model_copy(update={"presser_is_admin": is_admin})

    async def _run_webhook(self, publish: Publish) -> None:
        assert self.config.webhook_url is not None
        path = urlparse(self.config.webhook_url).path or "/"
        app = web.Application()
        app.router.add_post(path, lambda request: self._handle_webhook(request, publish))
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.config.webhook_listen, self.config.webhook_port)
        try:
            await site.start()
            self.webhook_port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]  # noqa: SLF001
            while not self._stopping.is_set():
                try:
                    await self.bot.set_webhook(url=self.config.webhook_url, secret_token=self._webhook_secret,
                                               allowed_updates=list(ALLOWED_UPDATES))
                    break
                except (NetworkError, RetryAfter) as exc:
                    log.warning("setWebhook failed (%s); retrying", self._mask.mask(exc.message))
                    await self._sleep_unless_stopping(self.retry_delay_s)
            await self._stopping.wait()
        finally:
            # The webhook stays registered: Telegram keeps what arrives meanwhile and retries later.
            await runner.cleanup()

    async def _handle_webhook(self, request: web.Request, publish: Publish) -> web.Response:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not hmac.compare_digest(given.encode(), self._webhook_secret.encode()):
            log.warning("webhook call with a wrong secret token from %s refused", request.remote)
            return web.Response(status=403, text="forbidden")
        try:
            await self.ensure_ready()
            update = Update.de_json(await request.json(), self.bot)
        except TelegramError:
            return web.Response(status=503, text="not ready")  # Telegram retries later
        except Exception:  # noqa: BLE001 - malformed body: nothing to process
            log.warning("webhook body is not a Telegram update; ignored")
            return web.Response(status=400, text="bad update")
        try:
            await self._publish_update(update, publish)
        except Exception:
            log.exception("publishing update %s failed; Telegram will redeliver it", update.update_id)
            return web.Response(status=500, text="retry later")
        return web.Response(status=200)

    async def stop(self) -> None:
        """Stop receiving (published updates are confirmed); release the HTTP client when idle."""
        self._stopping.set()
        running = self._running
        if running is not None and running is not asyncio.current_task():
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError, Exception):
                await asyncio.wait_for(asyncio.shield(running), 10)
        await self.close()

    async def close(self) -> None:
        """Close the bot's HTTP connections (a later ``perform`` reopens them)."""
        if self._initialized:
            self._initialized = False
            with contextlib.suppress(Exception):
                await self.bot.shutdown()


    async def aclose(self) -> None:
        """Final clean-up: HTTP connections, a limiter this adapter opened, the log filters."""
        await self.close()
        if self._owns_limiter and self.shared_limiter is not None:
            with contextlib.suppress(Exception):
                await self.shared_limiter.close()
        self.release_log_masking()

    def release_log_masking(self) -> None:
        for target in self._masked_loggers:
            target.removeFilter(self._mask)
        self._masked_loggers.clear()

    def _install_log_masking(self) -> None:
        """httpx logs request URLs (token included) at INFO: silence it, and mask the token everywhere."""
        httpx_logger = logging.getLogger("httpx")
        if httpx_logger.level < logging.WARNING:
            httpx_logger.setLevel(logging.WARNING)
        import telegram.ext  # noqa: F401 - make sure PTB's loggers exist before we filter them

        self._masked_loggers.extend(attach_mask(self._mask, _MASKED_LOGGER_PREFIXES))

    # ----- outbound -----------------------------------------------------------------------------

    async def perform(self, action: ActionBase) -> ActionResult:
        await self.ensure_ready()
        try:
            return await self._perform(action)
        except ChatMigrated as moved:
            # The group became a supergroup: the request did not land; redo it once at the new id.
            chat: ChatRef | None = getattr(action, "chat", None)
            if chat is None:
                raise map_error(moved, mask=self._token) from None
            new_chat = chat.model_copy(update={"chat_id": str(moved.new_chat_id)})
            try:
                result = await self._perform(action.model_copy(update={"chat": new_chat}))
            except TelegramError as exc:
                raise map_error(exc, mask=self._token) from None
            return result.model_copy(update={"chat_id": str(moved.new_chat_id)})
        except TelegramError as exc:
            raise map_error(exc, mask=self._token) from None

    async def _perform(self, action: ActionBase) -> ActionResult:
        if isinstance(action, SendMessage):
            return await self._send_text(action.chat, action.text, action.buttons, action.reply_to_message_id,
                                         pin=action.pin)
        if isinstance(action, SendDirect):
            private = ChatRef(platform=PLATFORM, chat_id=action.user.user_id, kind=ChatKind.private)
            return await self._send_text(private, action.text, action.buttons, None)
        if isinstance(action, EditMessage):
            return await self._edit(action)
        if isinstance(action, DeleteMessage):
            await self.bot.delete_message(_chat_id(action.chat), int(action.message_id))
            return ActionResult(chat_id=action.chat.chat_id, message_id=action.message_id)
        if isinstance(action, SendFile):
            return await self._send_file(action)
        if isinstance(action, FetchFile):
            return await self._fetch_file(action)
        if isinstance(action, BanMember):
            await self.bot.ban_chat_member(_chat_id(action.chat), int(action.user_id), until_date=action.until)
            return ActionResult(chat_id=action.chat.chat_id)
        if isinstance(action, UnbanMember):
            await self.bot.unban_chat_member(_chat_id(action.chat), int(action.user_id), only_if_banned=True)
            return ActionResult(chat_id=action.chat.chat_id)
        if isinstance(action, RestrictMember):
            await self.bot.restrict_chat_member(_chat_id(action.chat), int(action.user_id),
                                                permissions=ChatPermissions.no_permissions(), until_date=action.until,
                                                use_independent_chat_permissions=True)
            return ActionResult(chat_id=action.chat.chat_id)
        if isinstance(action, LiftRestriction):
            await self.bot.restrict_chat_member(_chat_id(action.chat), int(action.user_id),
                                                permissions=ChatPermissions.all_permissions(),
                                                use_independent_chat_permissions=True)
            return ActionResult(chat_id=action.chat.chat_id)
        if isinstance(action, PinMessage):
            await self.bot.pin_chat_message(_chat_id(action.chat), int(action.message_id), disable_notification=True)
            return ActionResult(chat_id=action.chat.chat_id, message_id=action.message_id)
        if isinstance(action, AnswerButton):
            await self.bot.answer_callback_query(action.callback_id, text=action.text or None,
                                                 show_alert=action.show_alert)
            return ActionResult()
        raise BadRequest(f"{type(action).__name__} is not supported on Telegram (see the adapter's capabilities)")

    async def _send_text(self, chat: ChatRef, text: str, buttons: Keyboard, reply_to: str | None,
                         *, pin: bool = False) -> ActionResult:
        """Send ``text`` (split at 4096), replying with the first part, buttons under the last.

        Returns the last part's id: that is the message carrying the buttons, the one later edits target.
        """
        chunks = split_text(text, self.capabilities.max_message_length) or [text]
        thread = int(chat.thread_id) if chat.thread_id else None
        markup = _keyboard(buttons)
        sent: list[Message] = []
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            sent.append(await self.bot.send_message(
                _chat_id(chat), chunk, message_thread_id=thread,
                reply_parameters=ReplyParameters(int(reply_to), allow_sending_without_reply=True)
                if reply_to and i == 0 else None,
                reply_markup=markup if last else None,
            ))
        if pin:
            try:
                await self.bot.pin_chat_message(_chat_id(chat), sent[0].message_id, disable_notification=True)
            except TelegramError as exc:
                # The message is out; failing the action now would make the outbox resend it.
                log.warning("sent to %s but could not pin it: %s", chat.chat_id, self._mask.mask(exc.message))
        return ActionResult(message_id=str(sent[-1].message_id), chat_id=str(sent[-1].chat_id))

    async def _edit(self, action: EditMessage) -> ActionResult:
        text = action.text
        if utf16_len(text) > self.capabilities.max_message_length:
            raise BadRequest("edited text is longer than Telegram's 4096 characters")
        try:
            await self.bot.edit_message_text(text, chat_id=_chat_id(action.chat), message_id=int(action.message_id),
                                             reply_markup=_keyboard(action.buttons))
        except TelegramError as exc:
            if "message is not modified" not in exc.message.lower():
                raise
            # Already showing this text and keyboard: an edit retried after a timeout, say. Done.
        return ActionResult(chat_id=action.chat.chat_id, message_id=action.message_id)

    async def _send_file(self, action: SendFile) -> ActionResult:
        path = Path(action.path)
        try:
            data = path.read_bytes()
        except OSError:
            raise BadRequest(f"cannot read the file to send ({action.file_name})") from None
        caption = truncate(action.caption, MAX_CAPTION_LENGTH)
        message = await self.bot.send_document(
            _chat_id(action.chat), document=data, filename=action.file_name, caption=caption or None,
            message_thread_id=int(action.chat.thread_id) if action.chat.thread_id else None,
        )
        return ActionResult(message_id=str(message.message_id), chat_id=str(message.chat_id))

    async def _fetch_file(self, action: FetchFile) -> ActionResult:
        """A member's file into the desk's file store; over ``max_bytes`` is refused before downloading."""
        file = await self.bot.get_file(action.file_id)
        if action.max_bytes is not None and (file.file_size or 0) > action.max_bytes:
            raise BadRequest("the file is larger than the configured limit")
        data = bytes(await file.download_as_bytearray())
        if action.max_bytes is not None and len(data) > action.max_bytes:
            raise BadRequest("the file is larger than the configured limit")
        target = Path(action.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return ActionResult(chat_id=action.chat.chat_id)

    async def download(self, file_id: str) -> bytes:
        """The bytes of a file members sent (an ``Attachment.file_id``), from ``base_file_url``."""
        await self.ensure_ready()
        try:
            file = await self.bot.get_file(file_id)
            return bytes(await file.download_as_bytearray())
        except TelegramError as exc:
            raise map_error(exc, mask=self._token) from None

    async def download_to(self, file_id: str, destination: str | Path) -> Path:
        """Save a member's file to ``destination``; returns the path written."""
        data = await self.download(file_id)
        target = Path(destination)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target


def _chat_id(chat: ChatRef) -> int | str:
    try:
        return int(chat.chat_id)
    except ValueError:
        return chat.chat_id  # "@channelusername"


def _keyboard(buttons: Keyboard) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(b.text, url=b.url) if b.url is not None else InlineKeyboardButton(b.text, callback_data=b.data)
         for b in row]
        for row in buttons
    ])


__all__ = ["CAPABILITIES", "BotRights", "TelegramAdapter"]
