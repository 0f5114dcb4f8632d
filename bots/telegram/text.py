"""Splitting long texts into Telegram-sized messages (lengths counted in UTF-16 code units, as Telegram does)."""

from __future__ import annotations


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> int:
    """The longest prefix (in code points) of ``text`` that is at most ``limit`` UTF-16 units."""
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return i
    return len(text)


def split_text(text: str, limit: int = 4096) -> list[str]:
    """Chunks of at most ``limit`` UTF-16 units, cut after a newline, else after a space, else anywhere.

    Chunks that are only whitespace are dropped (Telegram trims messages and refuses empty ones),
    so joining the chunks gives back the text minus whitespace at the cuts.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2 UTF-16 units")
    chunks: list[str] = []
    rest = text
    while utf16_len(rest) > limit:
        end = _fit(rest, limit)
        window = rest[:end]
        newline, space = window.rfind("\n") + 1, window.rfind(" ") + 1
        # A boundary in the first half would leave a tiny chunk: then cut hard instead.
        cut = newline if newline > end // 2 else space if space > end // 2 else end
        chunks.append(rest[:cut])
        rest = rest[cut:]
    chunks.append(rest)
    return [c for c in chunks if c.strip()]


def truncate(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` cut to at most ``limit`` UTF-16 units, marked with ``ellipsis`` when cut."""
    if utf16_len(text) <= limit:
        return text
    return text[: _fit(text, limit - utf16_len(ellipsis))] + ellipsis
