"""What moderation says: notices to members, review cards and their buttons (pure formatting)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from beacon.actions import Button, Keyboard
from beacon.verdict import Finding, Flag
from moderation.config import ModerationConfig
from moderation.models import ModerationCase
from moderation.redact import shorten

CALLBACK_PREFIX = "mod"

# Card buttons: code in the callback data → (label, what it does). Codes stay short: data ≤ 64 bytes.
CARD_BUTTONS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("dis", "Dismiss"), ("del", "Delete"), ("warn", "Warn")),
    (("m1h", "Mute 1 h"), ("m24h", "Mute 24 h"), ("ban", "Ban everywhere")),
    (("fp", "False positive"),),
)
APPEAL_BUTTONS: tuple[tuple[tuple[str, str], ...], ...] = ((("up", "Uphold"), ("ov", "Overturn")),)
ACTION_NAMES = {
    "dis": "dismissed", "del": "deleted the message", "warn": "warned the author", "m1h": "muted for 1 h",
    "m24h": "muted for 24 h", "ban": "banned everywhere", "fp": "marked a false positive",
    "up": "upheld the decision", "ov": "overturned the decision",
}
MUTE_CODES = {"m1h": 60, "m24h": 24 * 60}

_SECRET_KINDS = {"seed_phrase": "a seed phrase", "api_secret": "an API secret", "password": "a password"}
_PII_KINDS = {"email": "an e-mail address", "phone": "a phone number"}
_WARN_REASONS = {
    Flag.spam: "unsolicited promotion is not allowed here",
    Flag.scam: "scam messages are not allowed here",
    Flag.phishing: "links to sites posing as the official one are not allowed here",
    Flag.impersonation: "your name imitates our staff",
    Flag.secret: "never post private keys, seed phrases or passwords",
    Flag.pii: "never post personal data in public",
}


def callback_data(ref: str, code: str) -> str:
    return f"{CALLBACK_PREFIX}:{ref}:{code}"


@dataclass(frozen=True)
class Press:
    ref: str
    code: str


def parse_callback(data: str) -> Press | None:
    """``mod:<ref>:<code>`` → Press; anything else (another feature's button) → None."""
    parts = data.split(":")
    if len(parts) != 3 or parts[0] != CALLBACK_PREFIX or not parts[1] or parts[2] not in ACTION_NAMES:
        return None
    return Press(ref=parts[1], code=parts[2])


def keyboard(ref: str, layout: tuple[tuple[tuple[str, str], ...], ...] = CARD_BUTTONS) -> Keyboard:
    return tuple(tuple(Button(text=label, data=callback_data(ref, code)) for code, label in row) for row in layout)


def data_kinds(findings: Iterable[Finding]) -> list[str]:
    """Names of the kinds of data found ("a seed phrase", "an e-mail address"), never the data."""
    kinds: list[str] = []
    for f in findings:
        if f.flag is Flag.secret:
            name = _SECRET_KINDS.get(f.detail.get("kind", ""), "a private key")
        elif f.flag is Flag.pii:
            name = _PII_KINDS.get(f.detail.get("kind", ""), "personal data")
        else:
            continue
        if name not in kinds:
            kinds.append(name)
    return kinds


def join_words(items: Sequence[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def who(username: str | None, name: str | None, user_id: str) -> str:
    if username:
        return f"@{username}"
    return name or f"member {user_id}"


def member_message(config: ModerationConfig, *, public: bool, who_: str, chat: str, kinds: Sequence[str],
                   warn_flags: Iterable[Flag], advise_new_wallet: bool) -> str:
    """One message to the author: names the kinds of data removed (never the data) and/or the warning."""
    parts: list[str] = []
    if kinds:
        template = config.notice_public if public else config.notice_private
        parts.append(template.format(who=who_, kinds=join_words(kinds), chat=chat))
        if advise_new_wallet:
            parts.append(config.advice_secret)
    reasons = [_WARN_REASONS[f] for f in sorted(set(warn_flags), key=list(Flag).index) if f not in (Flag.secret, Flag.pii)]
    if reasons:
        template = config.warning_public if public else config.warning_private
        parts.append(template.format(who=who_, reasons="; ".join(reasons), chat=chat))
    return " ".join(parts)


def warning_text(config: ModerationConfig, *, public: bool, who_: str, chat: str, flags: Iterable[Flag]) -> str:
    """A moderator's "warn": the reasons of the case's flags."""
    reasons = [_WARN_REASONS[f] for f in sorted(set(flags), key=list(Flag).index)] or ["please follow the chat's rules"]
    template = config.moderator_warning_public if public else config.moderator_warning_private
    return template.format(who=who_, reasons="; ".join(reasons), chat=chat)


@dataclass(frozen=True)
class History:
    """The author as moderators see them on a card."""

    first_seen: datetime | None = None
    previous: tuple[tuple[str, str, str], ...] = ()  # (ref, flags, status) of earlier cases


def chat_label(case: ModerationCase) -> str:
    return f"{case.chat_title or case.chat_id} ({case.platform})"


def card_text(case: ModerationCase, history: History, *, automatic: Sequence[str], skipped: Sequence[str],
              limit: int = 4096) -> str:
    """The review card: the case with masked text, what came before, the author's record and the reasons."""
    flags = case.flags.replace(",", ", ")
    lines = [f"🚩 Case {case.ref} · {flags}" + (" · new member" if case.kind == "join" else "")]
    lines.append(f"Chat: {chat_label(case)} · community {case.community}")
    author = who(case.author_username, case.author_name, case.author_id)
    name = f" “{case.author_name}”" if case.author_name and case.author_username else ""
    lines.append(f"Author: {author}{name} (id {case.author_id})")
    if case.imitates:
        lines.append(f"⚠️ Imitates verified staff: {case.imitates}")
    seen = history.first_seen.strftime("%Y-%m-%d") if history.first_seen else "unknown"
    earlier = "; ".join(f"{ref} {fl.replace(',', '+')} {st}" for ref, fl, st in history.previous) or "none"
    lines.append(f"History: first seen {seen}; earlier cases: {earlier}")
    if automatic:
        lines.append("Done automatically: " + ", ".join(automatic))
    if skipped:
        lines.append("Not done: " + "; ".join(skipped))
    reasons = json.loads(case.reasons or "[]")
    if reasons:
        lines.append("Why:")
        lines.extend(f" • {r}" for r in reasons[:8])
    head = "\n".join(lines)
    body: list[str] = []
    if case.kind == "message":
        body.append("Message:\n" + shorten(case.masked_text, 1200))
    context = json.loads(case.context or "[]")
    if context:
        body.append("Before it:\n" + "\n".join(f" {c['who']}: {shorten(c['text'], 300)}" for c in context))
    text = head + ("\n\n" + "\n\n".join(body) if body else "")
    return shorten(text, limit)


def decided_footer(actor: str, action: str, at: datetime, note: str = "") -> str:
    line = f"\n\n✅ {actor} {ACTION_NAMES.get(action, action)} · {at.strftime('%Y-%m-%d %H:%M UTC')}"
    return line + (f"\n{note}" if note else "")


def appeal_card_text(case: ModerationCase, appeal_text: str, limit: int = 4096) -> str:
    lines = [
        f"📨 Appeal on case {case.ref} · {case.flags.replace(',', ', ')}",
        f"Chat: {chat_label(case)}",
        f"Member: {who(case.author_username, case.author_name, case.author_id)} (id {case.author_id})",
        f"Decision appealed: {ACTION_NAMES.get(case.decided_action or '', case.decided_action or case.steps)}"
        f" by {case.decided_by or 'beacon (policy)'}",
        f"To be reviewed by a moderator other than {case.decided_by}" if case.decided_by and
        case.decided_by != "beacon" else "Any moderator may review it",
        "",
        "Member says:\n" + (shorten(appeal_text, 1000) or "(nothing)"),
        "",
        "Message:\n" + shorten(case.masked_text, 1000),
    ]
    return shorten("\n".join(lines), limit)


def appeal_outcome_text(case: ModerationCase, upheld: bool) -> str:
    if upheld:
        return (f"Your appeal on case {case.ref} was reviewed by a moderator: the decision stands. "
                "Thank you for explaining.")
    return (f"Your appeal on case {case.ref} was accepted: the decision was overturned and any ban or mute lifted. "
            "Sorry for the trouble.")
