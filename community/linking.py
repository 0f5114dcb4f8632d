"""One person across platforms: ``/link`` trades a one-time code between two DMs, ``/unlink`` undoes it.

In a DM on platform A, ``/link`` answers with a short code; in a DM on platform B, ``/link CODE`` links
both accounts (persons + person_links in the kernel's directory), and both sides hear of it by DM. From
then on tickets (``accounts_of``), bans (moderation bans every linked account) and announcement
subscriptions (one DM per person) follow the person. See docs/linking.md.

Codes are 8 symbols of Crockford's base32 (40 bits, from ``secrets``), stored only as a SHA-256 digest,
single use, void after ``linking.code_ttl_minutes``; an account that sends ``linking.max_failures`` wrong
codes within ``linking.failure_window_minutes`` is refused until the window passes.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Index, String, and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from beacon.actions import SendDirect, SendMessage
from beacon.config import Settings
from beacon.domain import Context, Effect, Handler, Reader, Record
from beacon.events import ChatKind, EventBase, MessageEdited, MessagePosted, Tick, UserRef
from beacon.storage import directory
from beacon.storage.models import IdType, Person, PersonLink, PlatformUser
from beacon.storage.types import UTCDateTime, utcnow
from community.desk import first_supported
from community.i18n import Texts, default_texts
from community.models import DeskMember

# Commands this module answers; it claims them so the desk (which answers unknown commands with its
# help text, or adds a DM to the member's ticket) and moderation leave them alone: one reply per message.
COMMANDS = frozenset({"link", "unlink"})
OWNER = "linking"

# Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives (O→0, I/L→1 on input).
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8  # 40 bits
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")
_COMMAND = re.compile(r"^/(link|unlink)(?:@[A-Za-z0-9_]+)?(?:\s+(.*))?$", re.S | re.I)
_STATUS_WORDS = frozenset({"status", "list", "info", "?"})
REVOKED, PUBLIC = "revoked", "public"  # ``used_by`` of a code voided by a newer one / by being posted in public


# ----- codes (pure) ---------------------------------------------------------------------------------------


def new_code() -> str:
    """A fresh code: 8 symbols drawn with ``secrets`` (unguessable, unlike ``random``)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """``ABCD2345`` → ``ABCD-2345`` (how the bot shows it)."""
    return f"{code[:4]}-{code[4:]}"


def parse_code(text: str) -> str | None:
    """What a member typed → the canonical code, or None when it cannot be one.

    Case, spaces, hyphens, dots and underscores do not matter; O reads as 0 and I/L as 1. Never raises.
    """
    if not isinstance(text, str) or len(text) > 64:
        return None
    compact = _SEPARATORS.sub("", text).upper().translate(_CONFUSABLE)
    if len(compact) != CODE_LENGTH or any(c not in ALPHABET for c in compact):
        return None
    return compact


def code_digest(code: str) -> str:
    """What the code table stores: the SHA-256 of the canonical code. The code is never logged; it does pass
    through the outbox row of the DM that shows it and the bus entry of the ``/link CODE`` message, both
    short-lived next to its single use and 10-minute life."""
    return hashlib.sha256(f"beacon-link:{code}".encode()).hexdigest()


def parse_command(text: str) -> tuple[str, str] | None:
    """``/link ABCD-2345`` → ("link", "ABCD-2345"); ``/unlink`` → ("unlink", ""); anything else → None."""
    m = _COMMAND.match(text.strip())
    if m is None:
        return None
    return m[1].lower(), (m[2] or "").strip()


def platform_name(platform: str) -> str:
    return platform[:1].upper() + platform[1:]


def account_label(platform: str, user_id: str, username: str | None = None, display_name: str | None = None) -> str:
    """``Telegram @ann`` / ``Discord Ann`` / ``X 1234`` — how an account is named to its owner."""
    who = f"@{username}" if username else (display_name or user_id)
    return f"{platform_name(platform)} {who}"


# ----- tables ---------------------------------------------------------------------------------------------


class LinkCode(SQLModel, table=True):
    """A code handed out by ``/link``, by digest; used once, void after its expiry."""

    __tablename__ = "link_codes"
    __table_args__ = (Index("ix_link_codes_account", "platform", "user_id"),)

    digest: str = Field(sa_type=String(64), primary_key=True)
    platform: str = Field(sa_type=String(32))
    user_id: str = Field(sa_type=String(64))
    language: str = Field(default="en", sa_type=String(16))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # "platform:user id" of the account that redeemed it, or "revoked" / "public" when voided.
    used_by: str | None = Field(default=None, sa_type=String(100))


class LinkFailure(SQLModel, table=True):
    """A wrong code sent by an account (counted per window, so codes cannot be brute-forced)."""

    __tablename__ = "link_failures"
    __table_args__ = (Index("ix_link_failures_account", "platform", "user_id", "at"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    platform: str = Field(sa_type=String(32))
    user_id: str = Field(sa_type=String(64))
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


# ----- reads other features use ---------------------------------------------------------------------------


async def accounts_of(read: Reader, platform: str, user_id: str) -> list[tuple[str, str]]:
    """Every account of the person behind this one, itself first; just itself when it is not linked."""
    person = await read.scalar(select(PersonLink.person_id).where(PersonLink.platform == platform,
                                                                  PersonLink.user_id == str(user_id)))
    accounts = [(platform, str(user_id))]
    if person is not None:
        rows = await read.scalars(select(PersonLink).where(PersonLink.person_id == person)
                                  .order_by(PersonLink.platform, PersonLink.user_id))
        accounts += [(r.platform, r.user_id) for r in rows if (r.platform, r.user_id) != accounts[0]]
    return accounts


def any_account(platform_column, user_column, accounts: Sequence[tuple[str, str]]):  # noqa: ANN001, ANN201
    """A WHERE clause: the row belongs to one of ``accounts`` (e.g. ``Ticket.platform, Ticket.user_id``)."""
    if len(accounts) == 1:
        (platform, user_id), = accounts
        return and_(platform_column == platform, user_column == user_id)
    return or_(*(and_(platform_column == p, user_column == u) for p, u in accounts))


# ----- records --------------------------------------------------------------------------------------------


class CodeAlreadyUsed(RuntimeError):
    """Two redemptions of one code raced: this transaction rolls back; its redelivery answers "used"."""


@dataclass(frozen=True)
class IssueCode(Record):
    digest: str
    platform: str
    user_id: str
    language: str
    now: datetime
    expires_at: datetime

    async def apply(self, session: AsyncSession) -> None:
        table = LinkCode.__table__
        # One live code per account: a new /link voids the previous one.
        await session.execute(update(table).where(table.c.platform == self.platform, table.c.user_id == self.user_id,
                                                  table.c.used_at.is_(None))
                              .values(used_at=self.now, used_by=REVOKED))
        await session.execute(table.insert().values(
            digest=self.digest, platform=self.platform, user_id=self.user_id, language=self.language,
            created_at=self.now, expires_at=self.expires_at))


@dataclass(frozen=True)
class UseCode(Record):
    """Mark a code used, once: a second use in a racing transaction raises (and rolls that one back)."""

    digest: str
    by: str
    now: datetime

    async def apply(self, session: AsyncSession) -> None:
        table = LinkCode.__table__
        result = await session.execute(update(table).where(table.c.digest == self.digest, table.c.used_at.is_(None))
                                       .values(used_at=self.now, used_by=self.by[:100]))
        if not result.rowcount:
            raise CodeAlreadyUsed("link code used by a concurrent redemption")


@dataclass(frozen=True)
class LinkAccounts(Record):
    first: tuple[str, str]
    second: tuple[str, str]

    async def apply(self, session: AsyncSession) -> None:
        await directory.link_accounts(session, self.first, self.second, method="code")


@dataclass(frozen=True)
class UnlinkAccount(Record):
    """Detach one account; a person left with a single account is dissolved (a link needs two)."""

    platform: str
    user_id: str

    async def apply(self, session: AsyncSession) -> None:
        person = await directory.person_of(session, self.platform, self.user_id)
        await directory.unlink_account(session, self.platform, self.user_id)
        if person is None:
            return
        links = PersonLink.__table__
        left = await session.scalar(select(func.count()).select_from(links).where(links.c.person_id == person))
        if (left or 0) <= 1:
            await session.execute(delete(links).where(links.c.person_id == person))
            await session.execute(delete(Person.__table__).where(Person.__table__.c.id == person))


@dataclass(frozen=True)
class CountFailure(Record):
    platform: str
    user_id: str
    at: datetime

    async def apply(self, session: AsyncSession) -> None:
        await session.execute(LinkFailure.__table__.insert().values(platform=self.platform, user_id=self.user_id,
                                                                    at=self.at))


@dataclass(frozen=True)
class Sweep(Record):
    """Forget codes a day after they expired and failures older than the window (every tick)."""

    codes_before: datetime
    failures_before: datetime

    async def apply(self, session: AsyncSession) -> None:
        codes, failures = LinkCode.__table__, LinkFailure.__table__
        await session.execute(delete(codes).where(codes.c.expires_at < self.codes_before))
        await session.execute(delete(failures).where(failures.c.at < self.failures_before))


# ----- the handler ----------------------------------------------------------------------------------------


class Linking:
    """Answers /link and /unlink in DMs (claiming them); voids a code posted in public."""

    def __init__(self, settings: Settings, texts: Texts | None = None) -> None:
        self.settings = settings
        self.config = settings.linking
        self.texts = texts or default_texts()

    async def __call__(self, event: EventBase, ctx: Context) -> Sequence[Effect]:
        match event:
            case Tick():
                return [Sweep(codes_before=ctx.now - timedelta(days=1),
                              failures_before=ctx.now - timedelta(minutes=self.config.failure_window_minutes))]
            case MessageEdited():
                return []  # an edited command is not a new one
            case MessagePosted(author=author) if not author.is_bot:
                command = parse_command(event.text)
                if command is None:
                    return []
                if event.chat.kind is ChatKind.private:
                    ctx.claim(event.idempotency_key, OWNER)
                    return await self.on_command(event, *command, ctx)
                if event.chat.kind is ChatKind.private_thread:
                    # A member whose DMs are closed talks to staff in a private thread, which staff can read:
                    # a code there is voided like a public one, and the member is told here (not by DM).
                    ctx.claim(event.idempotency_key, OWNER)
                    lang = await self._lang(ctx, event.author)
                    return [*await self.on_public(event, command[1], ctx),
                            SendMessage(key=f"{event.idempotency_key}/link/thread", platform=event.platform,
                                        chat=event.chat, text=self.t(lang, "link.thread"),
                                        reply_to_message_id=event.message_id)]
                return await self.on_public(event, command[1], ctx)
        return []

    # ----- helpers ----------------------------------------------------------------------------------------

    async def _lang(self, ctx: Context, user: UserRef) -> str:
        member = await ctx.read.get(DeskMember, (user.platform, user.user_id))
        return first_supported(self.texts.languages, member.language if member else None, user.language_code,
                               self.settings.support.default_language)

    def t(self, lang: str, key: str, **values: object) -> str:
        return self.texts.get(lang, key, brand=self.settings.brand.name, **values)

    @staticmethod
    def _dm(key: str, platform: str, user_id: str, text: str, user: UserRef | None = None) -> SendDirect:
        target = user if user is not None else UserRef(platform=platform, user_id=user_id)
        return SendDirect(key=key, platform=target.platform, user=target, text=text)

    async def _label(self, ctx: Context, platform: str, user_id: str) -> str:
        row = await ctx.read.scalar(select(PlatformUser).where(PlatformUser.platform == platform,
                                                               PlatformUser.user_id == user_id))
        return account_label(platform, user_id, row.username if row else None, row.display_name if row else None)

    # ----- commands ---------------------------------------------------------------------------------------

    async def on_command(self, event: MessagePosted, name: str, arg: str, ctx: Context) -> list[Effect]:
        user = event.author
        lang = await self._lang(ctx, user)
        key = f"{event.idempotency_key}/link"

        def reply(text: str) -> list[Effect]:
            return [self._dm(f"{key}/reply", user.platform, user.user_id, text, user)]

        if not self.config.enabled:
            return reply(self.t(lang, "link.disabled"))
        if name == "unlink":
            return await self.unlink(event, lang, key, ctx)
        if not arg:
            return self.issue(event, lang, key, ctx)
        if arg.lower() in _STATUS_WORDS:
            return reply(await self.status_text(ctx, user, lang))
        return await self.redeem(event, arg, lang, key, ctx)

    def issue(self, event: MessagePosted, lang: str, key: str, ctx: Context) -> list[Effect]:
        user = event.author
        code = new_code()
        minutes = self.config.code_ttl_minutes
        return [
            IssueCode(digest=code_digest(code), platform=user.platform, user_id=user.user_id, language=lang,
                      now=ctx.now, expires_at=ctx.now + timedelta(minutes=minutes)),
            self._dm(f"{key}/code", user.platform, user.user_id,
                     self.t(lang, "link.code", code=format_code(code), minutes=minutes), user),
        ]

    async def redeem(self, event: MessagePosted, arg: str, lang: str, key: str, ctx: Context) -> list[Effect]:
        user = event.author

        def reply(text: str) -> Effect:
            return self._dm(f"{key}/reply", user.platform, user.user_id, text, user)

        window = timedelta(minutes=self.config.failure_window_minutes)
        failures = await ctx.read.scalars(
            select(LinkFailure.at).where(LinkFailure.platform == user.platform, LinkFailure.user_id == user.user_id,
                                         LinkFailure.at > ctx.now - window).order_by(LinkFailure.at))
        if len(failures) >= self.config.max_failures:
            # Refused without looking at the code: a locked account learns nothing from guessing.
            wait = max(1, int((failures[0] + window - ctx.now).total_seconds() // 60) + 1)
            return [reply(self.t(lang, "link.locked", minutes=wait))]
        code = parse_code(arg)
        if code is None:
            return [reply(self.t(lang, "link.format"))]  # cannot match any code: not a guess, not counted
        row = await ctx.read.get(LinkCode, code_digest(code))
        if row is None:
            left = self.config.max_failures - len(failures) - 1
            return [CountFailure(user.platform, user.user_id, ctx.now),
                    reply(self.t(lang, "link.wrong", left=left))]
        issuer = (row.platform, row.user_id)
        if issuer == (user.platform, user.user_id):
            return [reply(self.t(lang, "link.own"))]
        if row.used_at is not None and row.used_by not in (REVOKED, PUBLIC):
            return [reply(self.t(lang, "link.used"))]
        if row.used_at is not None or row.expires_at <= ctx.now:  # voided (a newer code, posted in public) or old
            return [reply(self.t(lang, "link.expired"))]
        used = UseCode(digest=row.digest, by=f"{user.platform}:{user.user_id}", now=ctx.now)
        mine = await accounts_of(ctx.read, user.platform, user.user_id)
        if issuer in mine:
            return [used, reply(self.t(lang, "link.already"))]
        theirs = await accounts_of(ctx.read, *issuer)
        here = account_label(user.platform, user.user_id, user.username, user.display_name)
        there = await self._label(ctx, *issuer)
        effects: list[Effect] = [
            used, LinkAccounts(issuer, (user.platform, user.user_id)),
            reply(self.t(lang, "link.linked", account=there)),
            self._dm(f"{key}/issuer", issuer[0], issuer[1], self.t(row.language, "link.linked_other", account=here)),
        ]
        # Accounts already linked on either side join too: tell each of them once.
        for platform, user_id in [*mine[1:], *theirs[1:]]:
            effects.append(self._dm(f"{key}/to/{platform}:{user_id}", platform, user_id,
                                    self.t(row.language, "link.linked_other", account=here)))
        return effects

    async def unlink(self, event: MessagePosted, lang: str, key: str, ctx: Context) -> list[Effect]:
        user = event.author
        accounts = await accounts_of(ctx.read, user.platform, user.user_id)
        if len(accounts) == 1:
            return [self._dm(f"{key}/reply", user.platform, user.user_id, self.t(lang, "link.not_linked"), user)]
        others = [await self._label(ctx, p, u) for p, u in accounts[1:]]
        here = account_label(user.platform, user.user_id, user.username, user.display_name)
        effects: list[Effect] = [
            UnlinkAccount(user.platform, user.user_id),
            self._dm(f"{key}/reply", user.platform, user.user_id,
                     self.t(lang, "link.unlinked", accounts=", ".join(others)), user),
        ]
        for platform, user_id in accounts[1:]:
            member = await ctx.read.get(DeskMember, (platform, user_id))
            their_lang = first_supported(self.texts.languages, member.language if member else None, lang)
            effects.append(self._dm(f"{key}/to/{platform}:{user_id}", platform, user_id,
                                    self.t(their_lang, "link.unlinked_other", account=here)))
        return effects

    async def status_text(self, ctx: Context, user: UserRef, lang: str) -> str:
        accounts = await accounts_of(ctx.read, user.platform, user.user_id)
        if len(accounts) == 1:
            return self.t(lang, "link.none")
        lines = [f"• {await self._label(ctx, p, u)}" for p, u in accounts]
        return self.t(lang, "link.status", accounts="\n".join(lines))

    # ----- a code in public -------------------------------------------------------------------------------

    async def on_public(self, event: MessagePosted, arg: str, ctx: Context) -> list[Effect]:
        """``/link CODE`` in a group: everyone saw the code, so it is voided and its owner told (no public
        reply: moderation and the desk own those)."""
        code = parse_code(arg) if arg else None
        if code is None:
            return []
        row = await ctx.read.get(LinkCode, code_digest(code))
        if row is None or row.used_at is not None or row.expires_at <= ctx.now:
            return []
        return [UseCode(digest=row.digest, by=PUBLIC, now=ctx.now),
                self._dm(f"{event.idempotency_key}/link/public", row.platform, row.user_id,
                         self.t(row.language, "link.public"))]


def build_linking_handlers(settings: Settings) -> list[Handler]:
    """/link and /unlink (before the features that answer DMs, so they can leave these alone)."""
    return [Linking(settings)]


__all__ = ["COMMANDS", "LinkCode", "LinkFailure", "Linking", "accounts_of", "any_account", "build_linking_handlers",
           "format_code", "new_code", "parse_code"]
