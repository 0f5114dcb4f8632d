"""Pure decisions: language variants, target resolution, approval, schedules, fan-out plans, delivery keys."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from enum import Enum

from beacon.actions import ActionBase, DeleteMessage, EditMessage, SendDirect, SendFile, SendMessage
from beacon.adapter import Capabilities
from beacon.events import ChatKind, ChatRef, UserRef

from announcements.config import ALERT_KINDS, ALL_ADMIN_TARGET, KINDS, AnnouncementsConfig

_LANG = re.compile(r"^[a-z]{2,3}$")
# A mark per kind, so a reader tells a safety alert from a listing at a glance, in any language.
KIND_MARK = {"maintenance": "🛠", "listing": "🆕", "event": "📅", "market": "📈", "security": "🔐",
             "risk_warning": "⚠️", "general": "📢"}


class PlanError(ValueError):
    """Bad input from a manager, phrased for them (one line)."""


def normalise_lang(code: str | None) -> str | None:
    """``"zh-hans"`` → ``"zh"``, ``"pt_BR"`` → ``"pt"``; None or garbage → None."""
    if not code:
        return None
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return base if _LANG.match(base) else None


def variant_for(texts: Mapping[str, str], default_lang: str, language: str | None) -> tuple[str, str]:
    """The (language, text) a reader of ``language`` gets: their variant, else the default."""
    lang = normalise_lang(language)
    if lang is not None and lang in texts:
        return lang, texts[lang]
    return default_lang, texts[default_lang]


def render(kind: str, text: str) -> str:
    """The message as members see it: the kind's mark, then the manager's text."""
    return f"{KIND_MARK.get(kind, '📢')} {text.strip()}"


def check_texts(texts: Mapping[str, str], default_lang: str) -> dict[str, str]:
    """Validate language variants; returns them with normalised language codes."""
    clean: dict[str, str] = {}
    for raw, text in texts.items():
        lang = normalise_lang(raw)
        if lang is None:
            raise PlanError(f"{raw!r} is not a language code (use ISO 639-1, e.g. en, zh, ru)")
        if not text.strip():
            raise PlanError(f"the {lang} text is empty")
        if lang in clean:
            raise PlanError(f"two texts for language {lang}")
        clean[lang] = text.strip()
    if not clean:
        raise PlanError("an announcement needs at least one text")
    default = normalise_lang(default_lang)
    if default not in clean:
        raise PlanError(f"the default language {default_lang!r} has no text (given: {', '.join(sorted(clean))})")
    return clean


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise PlanError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    return kind


def check_targets(config: AnnouncementsConfig, names: Sequence[str]) -> list[str]:
    chosen = list(dict.fromkeys(n.strip() for n in names if n.strip())) or [config.default_target]
    unknown = [n for n in chosen if n not in config.target_names]
    if unknown:
        raise PlanError(f"unknown target {', '.join(unknown)}; configured: {', '.join(config.target_names)}")
    return chosen


def parse_when(text: str, now: datetime) -> datetime:
    """``2026-12-01T02:00Z``, ``2026-12-01 02:00+08:00``, ``now`` or ``+30m``/``+2h``/``+1d`` → aware UTC."""
    value = text.strip()
    if value.lower() == "now":
        return now
    m = re.fullmatch(r"\+(\d+)([mhd])", value)
    if m:
        unit = {"m": "minutes", "h": "hours", "d": "days"}[m[2]]
        return now + timedelta(**{unit: int(m[1])})
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        raise PlanError(f"cannot read the time {text!r}: use e.g. 2026-12-01T02:00Z or +2h") from None
    if parsed.tzinfo is None:
        raise PlanError(f"the time {text!r} has no time zone: add Z (UTC) or an offset like +08:00")
    return parsed.astimezone(timezone.utc)


def parse_every(text: str) -> int:
    """A repeat interval (``30m``, ``6h``, ``1d``) in minutes."""
    m = re.fullmatch(r"(\d+)\s*([mhd])", text.strip().lower())
    if not m or int(m[1]) == 0:
        raise PlanError(f"cannot read the interval {text!r}: use e.g. 30m, 6h or 1d")
    return int(m[1]) * {"m": 1, "h": 60, "d": 1440}[m[2]]


def next_run_after(run_at: datetime, repeat_minutes: int | None, repeat_until: datetime | None) -> datetime | None:
    """When a recurring reminder runs next after the run due at ``run_at`` (None: that was the last)."""
    if not repeat_minutes:
        return None
    following = run_at + timedelta(minutes=repeat_minutes)
    if repeat_until is not None and following > repeat_until:
        return None
    return following


# ----- who may do what -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """A manager acting: ``key`` is "platform:user_id" of their [[staff]] entry."""

    key: str
    label: str
    handles: frozenset[str] = frozenset()  # username, user id, platform:user_id (lower case)


def may_skip_approval(config: AnnouncementsConfig, kind: str, actor: Actor) -> bool:
    """Safety alerts by an author listed in ``alert_authors`` skip the two-person rule."""
    if kind not in ALERT_KINDS:
        return False
    allowed = {a.strip().lstrip("@").lower() for a in config.alert_authors}
    return bool(allowed & actor.handles)


def needs_approval(config: AnnouncementsConfig, kind: str, actor: Actor) -> bool:
    return config.require_approval and not may_skip_approval(config, kind, actor)


class Approval(str, Enum):
    approved = "approved"
    self_approval = "self_approval"  # the two-person rule refuses it
    not_awaiting = "not_awaiting"


def decide_approval(config: AnnouncementsConfig, state: str, author: str, approver: str) -> Approval:
    from announcements.models import AWAITING_APPROVAL, DRAFT

    if state not in (AWAITING_APPROVAL, DRAFT):
        return Approval.not_awaiting
    if config.require_approval and author == approver:
        return Approval.self_approval
    return Approval.approved


def priority_for(config: AnnouncementsConfig, kind: str) -> int:
    return config.alert_priority if kind in ALERT_KINDS else config.routine_priority


# ----- targets and fan-out ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spot:
    """One place a copy goes: a chat (with its language) or a subscriber's DM."""

    platform: str
    chat_id: str
    language: str
    thread_id: str | None = None
    audience: str = "chat"  # chat | dm
    kind: ChatKind = ChatKind.group


@dataclass(frozen=True)
class KnownChat:
    """A chat from the directory the bot administers."""

    platform: str
    chat_id: str
    kind: str = "group"


def resolve_targets(config: AnnouncementsConfig, names: Iterable[str], admin_chats: Iterable[KnownChat]) -> list[Spot]:
    """Target names → chats with their language, one spot per (platform, chat, thread)."""
    configured_lang: dict[tuple[str, str], str] = {}
    for target in config.targets:
        for chat in target.chats:
            lang = normalise_lang(chat.language or target.language)
            if lang:
                configured_lang.setdefault((chat.platform, chat.chat_id), lang)
    default = normalise_lang(config.default_language) or "en"
    spots: dict[tuple[str, str, str | None], Spot] = {}
    for name in names:
        if name == ALL_ADMIN_TARGET:
            for chat in admin_chats:
                if chat.kind == ChatKind.private.value:
                    continue
                lang = configured_lang.get((chat.platform, chat.chat_id), default)
                kind = ChatKind.channel if chat.kind == ChatKind.channel.value else ChatKind.group
                spots.setdefault((chat.platform, chat.chat_id, None),
                                 Spot(chat.platform, chat.chat_id, lang, kind=kind))
            continue
        target = config.target(name)
        if target is None:
            raise PlanError(f"unknown target {name!r}")
        for chat in target.chats:
            lang = normalise_lang(chat.language or target.language) or default
            spots.setdefault((chat.platform, chat.chat_id, chat.thread_id),
                             Spot(chat.platform, chat.chat_id, lang, thread_id=chat.thread_id))
    return list(spots.values())


def delivery_key(announcement_id: int, run: int, spot: Spot) -> str:
    """The outbox key of one copy: deterministic, so a repeated fan-out never queues a second copy."""
    where = f"dm:{spot.platform}:{spot.chat_id}" if spot.audience == "dm" else f"{spot.platform}:{spot.chat_id}"
    if spot.thread_id:
        where += f":{spot.thread_id}"
    return f"ann:{announcement_id}:{run}:{where}"


def parse_delivery_key(key: str) -> tuple[int, str] | None:
    """``ann:<id>:<run>:…[/role]`` → (announcement id, role) with role "" for the copy itself."""
    if not key.startswith("ann:"):
        return None
    base, _, role = key.partition("/")
    parts = base.split(":")
    if len(parts) < 4 or not parts[1].isdigit():
        return None
    return int(parts[1]), role


@dataclass(frozen=True)
class Copy:
    """What one spot gets: the actions in order (an attachment first, then the text)."""

    spot: Spot
    key: str
    language: str
    actions: tuple[ActionBase, ...]
    has_file: bool = False


@dataclass(frozen=True)
class Content:
    """An announcement's content as the fan-out needs it."""

    id: int
    kind: str
    texts: Mapping[str, str]
    default_lang: str
    priority: int
    pin: bool = False
    attachment_path: str | None = None
    attachment_name: str | None = None


def plan_copies(content: Content, run: int, spots: Sequence[Spot],
                capabilities: Mapping[str, Capabilities]) -> list[Copy]:
    """One copy per spot, in the spot's language, with pin and attachment where the platform allows."""
    copies: list[Copy] = []
    for spot in spots:
        caps = capabilities.get(spot.platform, Capabilities())
        lang, text = variant_for(content.texts, content.default_lang, spot.language)
        body = render(content.kind, text)
        key = delivery_key(content.id, run, spot)
        actions: list[ActionBase] = []
        if spot.audience == "dm":
            actions.append(SendDirect(key=key, platform=spot.platform, priority=content.priority,
                                      user=UserRef(platform=spot.platform, user_id=spot.chat_id), text=body))
        else:
            chat = ChatRef(platform=spot.platform, chat_id=spot.chat_id, kind=spot.kind, thread_id=spot.thread_id)
            if content.attachment_path:
                actions.append(SendFile(key=f"{key}/file", platform=spot.platform, priority=content.priority,
                                        chat=chat, path=content.attachment_path,
                                        file_name=content.attachment_name or "attachment"))
            actions.append(SendMessage(key=key, platform=spot.platform, priority=content.priority, chat=chat,
                                       text=body, pin=content.pin and caps.pin))
        copies.append(Copy(spot=spot, key=key, language=lang, actions=tuple(actions),
                           has_file=bool(content.attachment_path) and spot.audience != "dm"))
    return copies


def subscriber_spots(subscribers: Iterable[tuple[str, str, str]]) -> list[Spot]:
    """(platform, user id, language) of subscribers → DM spots."""
    return [Spot(platform, user_id, language, audience="dm", kind=ChatKind.private)
            for platform, user_id, language in subscribers]


# ----- edit and retract ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeliveredCopy:
    """A copy the platform accepted (message id known) or whose fate is unknown."""

    key: str
    platform: str
    chat_id: str | None  # where the platform put it (result_chat_id)
    message_id: str | None
    language: str
    audience: str
    state: str  # outbox state of the copy
    thread_id: str | None = None
    file_chat_id: str | None = None  # the attachment's copy, if any, was sent
    file_message_id: str | None = None


@dataclass
class EditPlan:
    actions: list[ActionBase] = field(default_factory=list)
    skipped: list[tuple[DeliveredCopy, str]] = field(default_factory=list)  # copy, why not edited


def plan_edit(content: Content, version: int, copies: Sequence[DeliveredCopy],
              capabilities: Mapping[str, Capabilities]) -> EditPlan:
    plan = EditPlan()
    for copy in copies:
        caps = capabilities.get(copy.platform, Capabilities())
        if copy.state != "sent" or copy.message_id is None or copy.chat_id is None:
            plan.skipped.append((copy, "in_doubt" if copy.state == "in_doubt" else f"not delivered ({copy.state})"))
            continue
        if not caps.edit:
            plan.skipped.append((copy, "platform cannot edit"))
            continue
        _, text = variant_for(content.texts, content.default_lang, copy.language)
        kind = ChatKind.private if copy.audience == "dm" else ChatKind.group
        chat = ChatRef(platform=copy.platform, chat_id=copy.chat_id, kind=kind, thread_id=copy.thread_id)
        plan.actions.append(EditMessage(key=f"{copy.key}/edit{version}", platform=copy.platform,
                                        priority=content.priority, chat=chat, message_id=copy.message_id,
                                        text=render(content.kind, text)))
    return plan


def plan_retract(copies: Sequence[DeliveredCopy], capabilities: Mapping[str, Capabilities],
                 priority: int) -> EditPlan:
    """Delete every delivered copy (and its attachment); say why the others cannot be removed."""
    plan = EditPlan()
    for copy in copies:
        caps = capabilities.get(copy.platform, Capabilities())
        if copy.state == "in_doubt":
            plan.skipped.append((copy, "in_doubt: not known whether it was delivered"))
            continue
        if copy.state != "sent" or copy.message_id is None or copy.chat_id is None:
            continue  # never delivered: nothing to remove
        if not caps.delete:
            plan.skipped.append((copy, "platform cannot delete"))
            continue
        kind = ChatKind.private if copy.audience == "dm" else ChatKind.group
        chat = ChatRef(platform=copy.platform, chat_id=copy.chat_id, kind=kind, thread_id=copy.thread_id)
        plan.actions.append(DeleteMessage(key=f"{copy.key}/del", platform=copy.platform, priority=priority,
                                          chat=chat, message_id=copy.message_id))
        if copy.file_message_id and copy.file_chat_id:
            file_chat = chat.model_copy(update={"chat_id": copy.file_chat_id})
            plan.actions.append(DeleteMessage(key=f"{copy.key}/file/del", platform=copy.platform,
                                              priority=priority, chat=file_chat, message_id=copy.file_message_id))
    return plan


# ----- safety alerts from moderation ---------------------------------------------------------------------


def defang(domain: str) -> str:
    """``scam.example`` → ``scam[.]example``: named in a warning, never a clickable link."""
    return domain.replace(".", "[.]")


ALERT_TEMPLATES = {
    "en": "Safety alert: {what} is being used to target members. Official staff never ask for your password, "
          "seed phrase, 2FA codes or funds, and never write first. Report it, do not reply.",
    "zh": "安全提醒：{what} 正被用来针对社区成员。官方工作人员绝不会索要您的密码、助记词、两步验证码或资金，"
          "也不会主动私信您。请举报，不要回复。",
    "ru": "Предупреждение о безопасности: {what} используется против участников. Официальные сотрудники никогда "
          "не просят пароль, сид-фразу, коды 2FA или средства и никогда не пишут первыми. Сообщите, не отвечайте.",
}
ALERT_WHAT = {
    "en": {"domain": "the site {v}", "wallet": "the wallet address {v}", "impersonator": "the account {v}"},
    "zh": {"domain": "网站 {v}", "wallet": "钱包地址 {v}", "impersonator": "账号 {v}"},
    "ru": {"domain": "сайт {v}", "wallet": "адрес кошелька {v}", "impersonator": "аккаунт {v}"},
}


def alert_texts(kind: str, display: str, languages: Iterable[str]) -> dict[str, str]:
    """Safety-alert variants for a moderation alert (a domain is defanged, an impersonator shown as labelled)."""
    value = defang(display) if kind == "domain" else display
    out: dict[str, str] = {}
    for lang in dict.fromkeys(["en", *languages]):
        if lang in ALERT_TEMPLATES:
            what = ALERT_WHAT[lang].get(kind, "{v}").format(v=value)
            out[lang] = ALERT_TEMPLATES[lang].format(what=what)
    return out
