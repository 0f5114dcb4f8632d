"""Confusable skeletons: fold look-alike characters so 'ОKX Suppоrt', '0kx' and 'okx' compare equal."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import confusable_homoglyphs

# Digits and ASCII letters that users swap for one another (0/o, 1/l/i, 5/s…). UTS #39 folds
# '1', 'I' and 'l' together; lowercase 'i' is added because names are compared case-insensitively.
_ASCII_FOLD = {
    "0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "3": "e", "4": "a", "@": "a",
    "5": "s", "$": "s", "7": "t", "8": "b", "9": "g", "6": "b",
}
# Multi-letter look-alikes (UTS #39 lists these too); applied after single characters.
_SEQUENCE_FOLD = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_SEPARATORS = re.compile(r"[\W_]+")


def _load_confusable_table() -> dict[int, str]:
    """Map every character that the Unicode confusables data equates with an ASCII letter or digit."""
    path = Path(confusable_homoglyphs.__file__).with_name("confusables.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    table: dict[int, str] = {}
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        for glyph in glyphs:
            target = glyph["c"].strip("\u200e")
            if len(target) == 1 and target.isascii() and target.isalnum():
                table[ord(char)] = target.lower()
                break
    for src, dst in _ASCII_FOLD.items():
        table[ord(src)] = dst
    # Fold the ASCII targets of the table too, so '0' and 'O' and 'о' all end as 'o'.
    for key, value in list(table.items()):
        table[key] = _ASCII_FOLD.get(value, value)
    return table


# The table's entries for ASCII characters are exactly the folds above (the confusables data is read
# for other characters only): ASCII names and hosts, the usual case, never need the full table.
_ASCII_TABLE = {ord(k): _ASCII_FOLD.get(v, v) for k, v in _ASCII_FOLD.items()}
_TABLE: dict[int, str] | None = None


def _table() -> dict[int, str]:
    """The full table, read on first use (reading the confusables data is a tenth of a second)."""
    global _TABLE
    if _TABLE is None:
        _TABLE = _load_confusable_table()
    return _TABLE


def skeleton(text: str) -> str:
    """Lowercase, fold compatibility forms, confusables and accents; keep separators."""
    table = _ASCII_TABLE if text.isascii() else _table()  # ASCII stays ASCII through every step
    folded = unicodedata.normalize("NFKC", text).lower().translate(table)
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = decomposed
    if not decomposed.isascii():
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Stripping may leave an accented base that the table did not cover ('é' → 'e').
    stripped = stripped.translate(table)
    for seq, repl in _SEQUENCE_FOLD:
        stripped = stripped.replace(seq, repl)
    return stripped


def compact(text: str) -> str:
    """Skeleton with every separator removed: 'OKX | Support' → 'okxsupport'."""
    return _SEPARATORS.sub("", skeleton(text))


def words(text: str) -> list[str]:
    """Skeleton split on separators and camelCase: 'OKXHelp_desk' → ['okxhelp', 'desk']."""
    return [w for w in _SEPARATORS.split(skeleton(text)) if w]


def within(a: str, b: str, limit: int) -> bool:
    """Optimal-string-alignment distance (adjacent swaps count once) is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    from rapidfuzz.distance import OSA  # here: most names differ in length first (start-up time)

    return OSA.distance(a, b, score_cutoff=limit) <= limit


def typo_budget(token: str) -> int:
    """How many edits still count as a look-alike of a name this long (short names: none)."""
    n = len(token)
    if n <= 3:
        return 0
    if n <= 7:
        return 1
    return 2
