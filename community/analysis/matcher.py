"""Finds lexicon terms in a text in one Aho-Corasick pass, with word boundaries where the script has them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple

import ahocorasick_rs

# Length-preserving normalisation, so offsets into the normalised text are offsets into the original.
# (A few str.replace calls: str.translate with a mapping goes through Python per character.)
_FOLD = (("\u2019", "'"), ("\u02bc", "'"), ("\u2018", "'"), ("\uff07", "'"), ("\n", " "), ("\r", " "),
         ("\t", " "), ("\u00a0", " "))


class Hit(NamedTuple):
    tags: frozenset[str]
    start: int
    end: int


@dataclass(frozen=True)
class _Entry:
    tags: frozenset[str]
    left: bool  # needs a word boundary before
    right: bool  # needs a word boundary after


def _is_word_char(ch: str) -> bool:
    if ch.isalnum() or ch == "_":
        return True
    # Combining marks (Devanagari, Thai, Arabic vowel signs) are inside words, not between them.
    return ch > "\u02ff" and unicodedata.category(ch) in ("Mn", "Mc")


def fold_case(text: str) -> str:
    """Lower-case without changing the length (str.lower turns 'İ' into two code points)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for old, new in _FOLD:
        if old in low:
            low = low.replace(old, new)
    return low


def parse_term(term: str, substring: bool) -> tuple[str, bool, bool]:
    """``stem*`` may continue, ``*suffix`` may start inside a word, ``=word`` is always whole."""
    if term.startswith("="):
        return term[1:], True, True
    left = right = not substring
    if term.endswith("*"):
        term, right = term[:-1], False
    if term.startswith("*"):
        term, left = term[1:], False
    return term, left, right


class TermMatcher:
    """One automaton over a set of tagged terms. ``find`` returns the tagged hits in text order."""

    def __init__(self, terms: Iterable[tuple[str, str, bool]], inherit: frozenset[str] = frozenset()) -> None:
        """``terms``: (term in the syntax above, tag, whether its language writes without spaces).
        ``inherit``: tags a longer term takes over from the terms inside it ("akaun saya" is about an
        account, because "akaun" is), since one hit hides the shorter ones it covers."""
        merged: dict[str, dict[tuple[bool, bool], set[str]]] = {}
        for raw, tag, substring in terms:
            surface, left, right = parse_term(raw.strip(), substring)
            surface = fold_case(surface)
            if not surface:
                continue
            # A boundary is only checked where the term itself starts/ends with a word character.
            left = left and _is_word_char(surface[0])
            right = right and _is_word_char(surface[-1])
            merged.setdefault(surface, {}).setdefault((left, right), set()).add(tag)
        if inherit:
            _inherit_tags(merged, inherit)
        self._surfaces = list(merged)
        self._entries = [
            tuple(_Entry(frozenset(tags), left, right) for (left, right), tags in merged[s].items())
            for s in self._surfaces
        ]
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._surfaces, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )

    def find(self, folded: str) -> list[Hit]:
        """Hits in ``folded`` (a text passed through :func:`fold_case`)."""
        hits: list[Hit] = []
        n = len(folded)
        try:
            matches = self._automaton.find_matches_as_indexes(folded)
        except UnicodeEncodeError:  # lone surrogates: same length once replaced
            matches = self._automaton.find_matches_as_indexes(folded.encode("utf-8", "replace").decode())
        for index, start, end in matches:
            entries = self._entries[index]
            if len(entries) == 1 and not entries[0].left and not entries[0].right:
                hits.append(Hit(entries[0].tags, start, end))
                continue
            before_ok = start == 0 or not _is_word_char(folded[start - 1])
            after_ok = end >= n or not _is_word_char(folded[end])
            tags: frozenset[str] | None = None
            for entry in entries:
                if (before_ok or not entry.left) and (after_ok or not entry.right):
                    tags = entry.tags if tags is None else tags | entry.tags
            if tags is not None:
                hits.append(Hit(tags, start, end))
        return hits


def _inherit_tags(merged: dict[str, dict[tuple[bool, bool], set[str]]], inherit: frozenset[str]) -> None:
    surfaces = list(merged)
    inner = ahocorasick_rs.AhoCorasick(surfaces, matchkind=ahocorasick_rs.MatchKind.Standard)
    for i, surface in enumerate(surfaces):
        gained: set[str] = set()
        for j, start, end in inner.find_matches_as_indexes(surface, overlapping=True):
            if j == i:
                continue
            before_ok = start == 0 or not _is_word_char(surface[start - 1])
            after_ok = end >= len(surface) or not _is_word_char(surface[end])
            for (left, right), tags in merged[surfaces[j]].items():
                if (before_ok or not left) and (after_ok or not right):
                    gained |= tags & inherit
        if gained:
            for tags in merged[surface].values():
                tags |= gained


def build_terms(
    lexicons: Mapping[str, Mapping[str, str]], substring_langs: frozenset[str], langs: Iterable[str]
) -> list[tuple[str, str, bool]]:
    """Flatten the lexicons of ``langs`` into (term, tag, substring) triples."""
    out: list[tuple[str, str, bool]] = []
    for lang in langs:
        substring = lang in substring_langs
        for tag, terms in lexicons[lang].items():
            out.extend((t, tag, substring) for t in terms.split("|") if t.strip())
    return out
