"""Text for X: the weighted 280 limit (CJK and emoji count double, links 23), splitting into a thread, buttons as links."""

from __future__ import annotations

import re

from beacon.actions import Keyboard

MAX_TWEET_WEIGHT = 280
MAX_DM_CHARS = 10_000
URL_WEIGHT = 23  # X shortens every link to t.co, 23 characters whatever its length
_URL = re.compile(r"https?://\S+")


def _char_weight(c: str) -> int:
    # twitter-text v3's ranges of weight 1 (Latin, Greek, Cyrillic… and common punctuation); all else counts 2.
    code = ord(c)
    return 1 if code <= 4351 or 8192 <= code <= 8303 else 2


def _tokens(text: str) -> list[tuple[str, int]]:
    """Characters with their weights, a link being one token so a cut never breaks it."""
    out: list[tuple[str, int]] = []
    pos = 0
    for m in _URL.finditer(text):
        out.extend((c, _char_weight(c)) for c in text[pos:m.start()])
        out.append((m.group(), URL_WEIGHT))
        pos = m.end()
    out.extend((c, _char_weight(c)) for c in text[pos:])
    return out


def weighted_length(text: str) -> int:
    """How X counts ``text`` against the 280 limit."""
    return sum(w for _, w in _tokens(text))


def split_for_x(text: str, limit: int = MAX_TWEET_WEIGHT, max_parts: int = 4, ellipsis: str = "…") -> list[str]:
    """Posts of at most ``limit`` weight, cut after a newline or space (else anywhere); the last part is
    truncated with ``ellipsis`` when more than ``max_parts`` would be needed (a reply thread stays short)."""
    tokens = _tokens(text.strip())
    parts: list[str] = []
    while tokens:
        total, end = 0, 0
        while end < len(tokens) and total + tokens[end][1] <= limit:
            total += tokens[end][1]
            end += 1
        if end == len(tokens):
            parts.append("".join(t for t, _ in tokens).strip())
            break
        if len(parts) == max_parts - 1:
            room = limit - weighted_length(ellipsis)
            total, cut = 0, 0
            while total + tokens[cut][1] <= room:
                total += tokens[cut][1]
                cut += 1
            parts.append("".join(t for t, _ in tokens[:cut]).rstrip() + ellipsis)
            break
        window = [t for t, _ in tokens[:end]]
        breaks = [i + 1 for i, t in enumerate(window) if t in ("\n", " ")]
        cut = breaks[-1] if breaks and breaks[-1] > end // 2 else end
        parts.append("".join(window[:cut]).strip())
        tokens = tokens[cut:]
    return [p for p in parts if p]


def with_links(text: str, buttons: Keyboard) -> str:
    """X has no buttons: URL buttons become ``label: url`` lines; callback buttons cannot be offered."""
    lines = [f"{b.text}: {b.url}" for row in buttons for b in row if b.url is not None and b.url not in text]
    return "\n".join([text, *lines]) if lines else text
