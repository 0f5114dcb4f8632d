"""Pure decisions of the support desk: hand-off plans, commands, button data, evidence checks, queue maths."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from pathlib import PurePath

from beacon.adapter import Capabilities
from beacon.events import Attachment, MessagePosted, UserRef
from beacon.verdict import AnalysisInput, Category, Flag, Urgency, Verdict
from community.config import EvidenceConfig
from community.models import QUEUED_STATUSES, HandoffCase, Ticket
from community.routing import URGENCY_RANK

CALLBACK_PREFIX = "dk"
# Flags meaning the author offers "help" or promotion: moderation alone speaks to those messages.
OFFERING = frozenset({Flag.scam, Flag.phishing, Flag.impersonation, Flag.spam})


def analysis_input(event: MessagePosted) -> AnalysisInput:
    """The message as analysis sees it; built the same way by every handler that asks for the verdict."""
    return AnalysisInput(text=event.text, platform=event.platform, chat=event.chat.chat_id,
                         author_id=event.author.user_id, author_name=event.author.display_name,
                         author_username=event.author.username, mentions_bot=event.mentions_bot)


# ----- hand-off ---------------------------------------------------------------------------------


class PublicReply(str, Enum):
    """Which public reply a hand-off posts (the only public reply to the message)."""

    none = "none"
    link = "link"  # deep-link button to continue privately
    dm_sent = "dm_sent"  # "I've messaged you privately" (+ the button where links exist)
    # The platform lets bots write first but the member's DMs may be closed: don't claim success.
    dm_trying = "dm_trying"
    ask_dm = "ask_dm"  # no deep links, no DM: ask the member to write privately
    thread = "thread"  # DMs closed, the platform has private threads: one is being opened with the member
    removed = "removed"  # the message was deleted for private data: notice of the kind + button
    exposed = "exposed"  # private data the bot could not delete: notice + button


@dataclass(frozen=True)
class HandoffPlan:
    public: PublicReply
    with_link: bool
    dm_now: bool
    open_ticket_now: bool
    thread_now: bool  # open a private thread with the member at once (their DMs are known to be closed)
    page_security: bool
    kinds: tuple[str, ...]


def is_handoff_trigger(event: MessagePosted, verdict: Verdict) -> bool:
    """A support request, an @mention of the bot or a reply to it — unless the author offers "help"."""
    if event.author.is_bot or set(verdict.flags) & OFFERING:
        return False
    return verdict.support_request or event.mentions_bot or event.reply_to_bot


def plan_handoff(
    *,
    caps: Capabilities,
    dm_open: bool | None,
    kinds: Sequence[str],
    can_delete: bool,
    reuse: HandoffCase | None,
    same_chat: bool,
    critical: bool,
) -> HandoffPlan:
    """What to do with a public support request. One public reply at most; private data is named by kind.

    - DM at once when the member opened DMs with the bot (or the platform lets bots write first and
      the member has not refused); then the ticket opens at once too.
    - A member known to refuse DMs, on a platform with private threads and no deep links, gets a private
      thread at once (and the ticket). Had the DM been tried and refused, the thread opens then.
    - A repeat within the reuse window in the same chat posts nothing public, unless its message
      carried private data (the member must learn why it vanished).
    """
    dm_now = dm_open is True or (caps.dm_first and dm_open is not False)
    with_link = caps.deep_link_dm
    thread_now = not dm_now and not with_link and caps.private_threads
    if kinds:
        public = PublicReply.removed if can_delete else PublicReply.exposed
    elif reuse is not None and same_chat:
        public = PublicReply.none
    elif dm_now:
        public = PublicReply.dm_sent if dm_open is True else PublicReply.dm_trying
    elif with_link:
        public = PublicReply.link
    elif thread_now:
        public = PublicReply.thread
    else:
        public = PublicReply.ask_dm
    open_now = (dm_now or thread_now) and (reuse is None or reuse.ticket_id is None)
    page = critical and reuse is None
    return HandoffPlan(public=public, with_link=with_link, dm_now=dm_now, open_ticket_now=open_now,
                       thread_now=thread_now and open_now, page_security=page, kinds=tuple(kinds))


def case_usable(case: HandoffCase | None, user_id: str, now: datetime) -> str:
    """Whether a deep-link case may be opened by ``user_id`` now: ok, missing, other_member or expired."""
    if case is None:
        return "missing"
    if case.user_id != user_id:
        return "other_member"
    if case.expires_at <= now:
        return "expired"
    return "ok"


def reuse_since(now: datetime, window_minutes: float) -> datetime:
    return now - timedelta(minutes=window_minutes)


# ----- commands and buttons -------------------------------------------------------------------

COMMANDS = frozenset({"start", "help", "faq", "ticket", "status", "lang", "escalate", "transcript", "feedback",
                      "cancel"})
_COMMAND = re.compile(r"^/([A-Za-z_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+(.*))?$", re.S)


@dataclass(frozen=True)
class Command:
    name: str
    arg: str


def parse_command(text: str) -> Command | None:
    """``/faq withdrawal pending`` → Command("faq", "withdrawal pending"); not a command → None.

    ``/faq@SomeBot words`` works too (group-style addressing). Unknown names come back as ``help``.
    """
    m = _COMMAND.match(text.strip())
    if m is None:
        return None
    name = m[1].lower()
    return Command(name if name in COMMANDS else "help", (m[2] or "").strip())


class Verb(str, Enum):
    """What a desk button does. Member buttons: category, urgency, confirm, article, solved, human,
    new ticket, language; staff buttons: claim, resolve, escalate."""

    category = "cat"
    urgency = "urg"
    confirm = "ok"
    article = "kb"
    solved = "sv"
    human = "hu"
    new = "new"
    language = "lang"
    claim = "claim"
    resolve = "res"
    escalate = "esc"


STAFF_VERBS = frozenset({Verb.claim, Verb.resolve, Verb.escalate})


@dataclass(frozen=True)
class ButtonData:
    verb: Verb
    ticket_id: int  # 0: no ticket (an FAQ search outside a ticket)
    arg: str = ""

    def encode(self) -> str:
        data = f"{CALLBACK_PREFIX}:{self.verb.value}:{self.ticket_id}" + (f":{self.arg}" if self.arg else "")
        if len(data.encode()) > 64:
            raise ValueError("button data over 64 bytes")
        return data


def parse_button(data: str) -> ButtonData | None:
    """Decode a desk button's data; anything else (another feature's button, garbage) → None."""
    parts = data.split(":", 3)
    if len(parts) < 3 or parts[0] != CALLBACK_PREFIX:
        return None
    try:
        verb = Verb(parts[1])
        ticket_id = int(parts[2])
    except ValueError:
        return None
    if ticket_id < 0:
        return None
    arg = parts[3] if len(parts) == 4 else ""
    if verb is Verb.category and arg not in {c.value for c in Category}:
        return None
    if verb is Verb.urgency and arg not in {u.value for u in Urgency}:
        return None
    return ButtonData(verb, ticket_id, arg)


def fits_button(verb: Verb, ticket_id: int, arg: str) -> bool:
    try:
        ButtonData(verb, ticket_id, arg).encode()
    except ValueError:
        return False
    return True


# ----- evidence ---------------------------------------------------------------------------------

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_DEFAULT_NAMES = {"photo": "photo.jpg", "video": "video.mp4", "audio": "audio.ogg"}


def evidence_problem(attachment: Attachment, config: EvidenceConfig) -> tuple[str, str] | None:
    """Why a file is refused (("type", mime) or ("size", "")), or None when it is accepted."""
    if attachment.size is not None and attachment.size > config.max_bytes:
        return ("size", "")
    if attachment.kind == "photo" and config.accept_photos:
        return None
    mime = (attachment.mime_type or "").lower()
    if mime not in {t.lower() for t in config.content_types}:
        return ("type", mime or attachment.kind)
    return None


def evidence_path(config: EvidenceConfig, platform: str, ticket_id: int, cause_key: str,
                  attachment: Attachment, index: int) -> str:
    """Where a file is stored: ``<store>/<platform>/<ticket>/<hash>-<safe name>`` (no member-chosen paths)."""
    name = attachment.file_name or _DEFAULT_NAMES.get(attachment.kind, "file.bin")
    safe = _SAFE_NAME.sub("_", PurePath(name).name).strip("._") or "file"
    digest = hashlib.sha256(f"{cause_key}#{index}".encode()).hexdigest()[:12]
    return str(config.store_path / _SAFE_NAME.sub("_", platform) / str(ticket_id) / f"{digest}-{safe[:80]}")


def human_size(size: int | None) -> str:
    if size is None:
        return "size unknown"
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


# ----- queue ------------------------------------------------------------------------------------


def queue_position(ticket: Ticket, queue: Sequence[Ticket]) -> int | None:
    """1-based place of ``ticket`` among its team's tickets waiting for staff: by urgency, then age."""
    if ticket.status not in QUEUED_STATUSES:
        return None

    def order(t: Ticket) -> tuple[int, datetime, int]:
        return (URGENCY_RANK.get(t.urgency, 9), t.created_at, t.id)

    mine = order(ticket)
    return 1 + sum(1 for t in queue if t.id != ticket.id and t.status in QUEUED_STATUSES and order(t) < mine)


# ----- member naming ------------------------------------------------------------------------------


def member_name(user: UserRef) -> str:
    if user.username:
        return f"@{user.username}"
    return user.display_name or user.user_id


def format_due(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else "—"


def first_supported(supported: Sequence[str], *candidates: str | None) -> str:
    """The first candidate language we have texts for (the member's choice, the message's language,
    their app's language, the desk default…), else English."""
    for lang in candidates:
        if lang:
            lang = lang.lower().split("-")[0]
            if lang in supported:
                return lang
    return "en"
