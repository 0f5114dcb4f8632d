"""Redaction for stored and listed text: secrets always, and in summaries also e-mails, phones, UIDs, tx ids."""

from __future__ import annotations

import re
from collections.abc import Iterable

from beacon.verdict import Flag, Span, Verdict

MASK = "[redacted]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w])\+?\d[\d\s().-]{7,}\d(?![\w])")
# Long digit runs: UIDs, order ids, card-like numbers.
_LONG_NUMBER = re.compile(r"(?<![\w])\d{5,}(?![\w])")
# Hashes, addresses, keys: long runs of hex/base58/base64-ish characters.
_LONG_TOKEN = re.compile(r"(?<![\w])(?:0x)?[A-Za-z0-9+/=_-]{24,}(?![\w])")
# "secret: …", "api_key=…", "passphrase …", "OK-ACCESS-SIGN: …", "Authorization: Bearer …" and the like.
_CREDENTIAL = re.compile(
    r"(?i)(?P<name>\b(?:api[ _-]?(?:key|secret)|secret(?:[ _-]?key)?|pass(?:word|phrase)|passwd|pwd|"
    r"private[ _-]?key|signature|sign|token|authorization|access[ _-]?key|[a-z]+-access-(?:key|sign|passphrase)"
    r"|x-api-key|2fa|otp|code)\b[\"']?\s*[:=]\s*(?:bearer\s+)?[\"']?)(?P<value>[^\s\"',;&}]{4,})"
)
_SPACES = re.compile(r"\s+")


def _mask_spans(text: str, spans: Iterable[Span]) -> str:
    ordered = sorted(((max(0, s.start), min(len(text), s.end)) for s in spans), reverse=True)
    last_start = len(text) + 1
    for start, end in ordered:
        if start >= end or end > last_start:
            continue
        text = text[:start] + MASK + text[end:]
        last_start = start
    return text


def secret_spans(verdict: Verdict | None) -> list[Span]:
    if verdict is None:
        return []
    return [s for f in verdict.findings if f.flag is Flag.secret for s in f.spans]


def private_spans(verdict: Verdict | None) -> list[Span]:
    if verdict is None:
        return []
    return [s for f in verdict.findings if f.flag in (Flag.secret, Flag.pii) for s in f.spans]


def mask_secrets(text: str, verdict: Verdict | None = None) -> str:
    """Secrets masked (analysis spans, then credential-looking ``name: value`` pairs).

    Used for what members tell agents privately: UIDs and tx ids stay, agents need them.
    """
    text = _mask_spans(text, secret_spans(verdict))
    return _CREDENTIAL.sub(lambda m: m["name"] + MASK, text)


def redact(text: str, verdict: Verdict | None = None, *, limit: int | None = None) -> str:
    """Everything private masked: secrets, e-mails, phone numbers, UIDs and order ids, hashes and addresses.

    For summaries, cards and listings. ``limit`` shortens the result (on a word boundary).
    """
    text = _mask_spans(text, private_spans(verdict))
    text = _CREDENTIAL.sub(lambda m: m["name"] + MASK, text)
    text = _EMAIL.sub(MASK, text)
    text = _LONG_TOKEN.sub(lambda m: m.group() if m.group() == MASK else MASK, text)
    text = _PHONE.sub(MASK, text)
    text = _LONG_NUMBER.sub(MASK, text)
    text = _SPACES.sub(" ", text).strip()
    if limit is not None and len(text) > limit:
        cut = text[: limit - 1]
        space = cut.rfind(" ")
        text = (cut[:space] if space > limit // 2 else cut) + "…"
    return text


def removed_kinds(verdict: Verdict) -> list[str]:
    """The kinds of private data a message carried (``seed_phrase``, ``email``…), never the data."""
    kinds: list[str] = []
    for finding in verdict.findings:
        if finding.flag not in (Flag.secret, Flag.pii):
            continue
        kind = finding.detail.get("kind") or finding.flag.value
        if kind in ("xprv", "wif", "base58_key", "hex_key"):
            kind = "private_key"
        if kind not in kinds:
            kinds.append(kind)
    for flag in (Flag.secret, Flag.pii):
        if verdict.has(flag) and not any(f.flag is flag for f in verdict.findings):
            kinds.append(flag.value)
    return kinds
