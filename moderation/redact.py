"""Masking text before it is stored or shown: analysis spans first, then patterns as a safety net."""

from __future__ import annotations

import re
from collections.abc import Iterable

from beacon.verdict import Finding, Flag, Span

# Why hand-written: the analysers find secrets (seed phrases need word lists), these patterns only
# catch what must never be stored even when no analyser flagged it (a missed e-mail, a UID, a tx id).
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ()\-.]{7,}\d(?!\w)")
_LONG_DIGITS = re.compile(r"(?<!\w)\d{6,}(?!\w)")  # UIDs, order ids, codes
_LONG_TOKEN = re.compile(r"(?<![\w])(?=[A-Za-z0-9_\-]*\d)[A-Za-z0-9_\-]{24,}(?![\w])")  # keys, tx ids, addresses

_KIND_TAG = {
    "seed_phrase": "[seed phrase removed]",
    "api_secret": "[API secret removed]",
    "password": "[password removed]",
    "email": "[e-mail removed]",
    "phone": "[phone removed]",
}


def _tag(finding: Finding) -> str:
    kind = finding.detail.get("kind", "")
    if kind in _KIND_TAG:
        return _KIND_TAG[kind]
    return "[private key removed]" if finding.flag is Flag.secret else "[removed]"


def mask(text: str, findings: Iterable[Finding] = ()) -> str:
    """``text`` with every secret/PII span replaced by a tag naming its kind, then the safety-net patterns."""
    spans: list[tuple[Span, str]] = []
    for finding in findings:
        if finding.flag in (Flag.secret, Flag.pii):
            spans.extend((span, _tag(finding)) for span in finding.spans)
    out = text
    # Replace from the end so earlier offsets stay valid; overlapping spans collapse into the outer one.
    last_start = len(text) + 1
    for span, tag in sorted(spans, key=lambda s: (s[0].start, -s[0].end), reverse=True):
        start, end = max(0, span.start), min(len(text), span.end)
        if start >= end:
            continue
        if end > last_start:
            end = last_start
            if start >= end:
                continue
        out = out[:start] + tag + out[end:]
        last_start = start
    return mask_patterns(out)


def mask_patterns(text: str) -> str:
    """The safety net alone: e-mails, phone numbers, long numbers and long key-like tokens."""
    text = _EMAIL.sub("[e-mail removed]", text)
    text = _LONG_TOKEN.sub("[id removed]", text)
    text = _PHONE.sub(_phone_or_number, text)
    return _LONG_DIGITS.sub("[number removed]", text)


def _phone_or_number(m: re.Match[str]) -> str:
    return "[phone removed]" if sum(c.isdigit() for c in m.group()) >= 8 else m.group()


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"
