"""A multilingual phrase matcher: word phrases by token lookup, unspaced scripts by substring."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import ahocorasick_rs

from beacon.verdict import Span

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# Word tokens; a CJK run is its own token, so "VIP带单群" gives "vip" and "带单群".
WORD_RE = re.compile(rf"[^\W{_CJK}]+|[{_CJK}]+")
_WORD_RE = WORD_RE
# The same tokens, cheaper: ASCII text needs no Unicode look-ups, and text without CJK characters
# needs no CJK ranges (every word character is a word).
ASCII_WORD_RE = re.compile(r"[0-9A-Za-z_]+")
_PLAIN_WORD_RE = re.compile(r"\w+")


def word_re(text: str, unspaced: bool = True) -> re.Pattern[str]:
    """The word-token pattern for ``text`` (WORD_RE's tokens): the ASCII one for ASCII text, a plain
    ``\w+`` when ``unspaced`` is False (no character of UNSPACED_RE's scripts, so no CJK either)."""
    if text.isascii():
        return ASCII_WORD_RE
    return WORD_RE if unspaced else _PLAIN_WORD_RE
UNSPACED_RE = re.compile(
    r"[\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_BOUNDED_SCRIPT_RE = re.compile(r"[\u0600-\u06ff\u0900-\u097f]")
_new_tuple = tuple.__new__
_STEM_KEY = 3  # stems are indexed by their first three characters
_MEMO_SIZE = 50_000


class Hit(NamedTuple):
    """Where a phrase matched: token indices (``by_token``) or character offsets."""

    start: int
    end: int
    by_token: bool


class Hits:
    """Category → matches, for one message. Context categories (negation, pronouns…) are matched
    only when a rule first asks for one: most messages never need them."""

    __slots__ = ("found", "_context", "_load", "_source")

    def __init__(self, found: dict[str, list[Hit]], context: Lexicon | None = None,
                 source: tuple[str, str, bool] = ("", "", False)) -> None:
        self.found = found
        # The context lexicon and the (joined, lower, unspaced) text it needs; no reference back
        # to the message's features, so nothing here forms a reference cycle.
        self._context = context.categories if context is not None else frozenset()
        self._load = context
        self._source = source

    def _load_context(self) -> None:
        context, self._load = self._load, None
        if context is not None:
            for category, hits in context.match(*self._source).items():
                self.found.setdefault(category, []).extend(hits)

    def __contains__(self, category: str) -> bool:
        if category in self.found:
            return True
        if self._load is None or category not in self._context:
            return False
        self._load_context()
        return category in self.found

    def any(self, *categories: str) -> bool:
        if not self.found.keys().isdisjoint(categories):
            return True
        if self._load is None or self._context.isdisjoint(categories):
            return False
        self._load_context()
        return not self.found.keys().isdisjoint(categories)

    def get(self, category: str) -> list[Hit]:
        if category not in self.found and self._load is not None and category in self._context:
            self._load_context()
        return self.found.get(category, [])

    def all(self) -> dict[str, list[Hit]]:
        self._load_context()
        return self.found


# What ``Lexicon.parse`` computes, in plain data: word phrases (phrase, open right, categories),
# inner-stem regexes (regex, categories), unspaced substrings (phrase, categories, open right), and
# every category name.
LexiconTable = tuple[list[tuple[str, bool, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]],
                     list[tuple[str, tuple[str, ...], bool]], list[str]]


class Lexicon:
    """Phrases grouped by category. ``word*`` matches any word starting with ``word``.

    Word phrases are matched with one Aho-Corasick automaton (ahocorasick-rs, native code) over
    the message's tokens joined by single spaces, so "dm me", "DM, me" and "dm\nme" are one
    phrase and the cost is one pass whatever the number of phrases (a regex alternation of
    hundreds of phrases costs tens of microseconds). Phrases in scripts written without spaces
    (CJK, Thai, Devanagari, Arabic, Hangul) are matched in the lowercased text itself.
    """

    def __init__(self, categories: Mapping[str, Iterable[str]]) -> None:
        self._build(self.parse(categories))

    @staticmethod
    def parse(categories: Mapping[str, Iterable[str]]) -> LexiconTable:
        """The phrases sorted by how they are matched, in plain data (``from_table`` builds on it)."""
        words: dict[tuple[str, bool], set[str]] = defaultdict(set)  # (phrase, open right) → categories
        inner_stems: dict[str, set[str]] = defaultdict(set)  # regex → categories ("приватн* ключ*")
        substrings: dict[str, set[str]] = defaultdict(set)
        open_right: set[str] = set()  # "word*": inflections may follow
        for category, phrases in categories.items():
            for raw in phrases:
                phrase = raw.strip().lower()
                if not phrase:
                    continue
                if UNSPACED_RE.search(phrase):
                    substrings[phrase.rstrip("*")].add(category)
                    if phrase.endswith("*"):
                        open_right.add(phrase.rstrip("*"))
                    continue
                pieces: list[tuple[str, bool]] = []
                for part in phrase.split():
                    stem = part.endswith("*")
                    tokens = _WORD_RE.findall(part)
                    for i, tok in enumerate(tokens):
                        pieces.append((tok, stem and i == len(tokens) - 1))
                if not pieces:
                    continue
                if any(stem for _, stem in pieces[:-1]):
                    regex = " ".join(re.escape(t) + ("[^ ]*" if st else "") for t, st in pieces)
                    inner_stems[regex].add(category)
                else:
                    words[(" ".join(t for t, _ in pieces), pieces[-1][1])].add(category)
        return (
            [(phrase, open_, tuple(sorted(cats))) for (phrase, open_), cats in words.items()],
            [(regex, tuple(sorted(cats))) for regex, cats in inner_stems.items()],
            [(phrase, tuple(sorted(cats)), phrase in open_right) for phrase, cats in substrings.items()],
            sorted(categories),
        )

    @classmethod
    def from_table(cls, table: LexiconTable) -> Lexicon:
        """The lexicon ``parse`` described, without parsing the phrases again (start-up time)."""
        obj = cls.__new__(cls)
        obj._build(table)
        return obj

    def _build(self, table: LexiconTable) -> None:
        words, inner_stems, substrings, categories = table
        self._word_keys = [(phrase, open_) for phrase, open_, _ in words]
        self._word_cats = [cats for _, _, cats in words]
        self._word_spaces = [phrase.count(" ") for phrase, _, _ in words]
        # Patterns carry their word boundaries: " dm me " only matches whole words of the
        # space-padded token string, " scam" (a stem) any word starting so. No match inside a word
        # ever reaches Python.
        self._word_ac = (
            ahocorasick_rs.AhoCorasick([" " + phrase + ("" if open_ else " ") for phrase, open_ in self._word_keys],
                                       matchkind=ahocorasick_rs.MatchKind.Standard)
            if words else None
        )
        # Few phrases have a stem before their last word; each is a regex with a literal prefix.
        self._inner = [(re.compile(r), cats) for r, cats in inner_stems]
        regexes = [r for r, _ in inner_stems]
        self._inner_any = re.compile("|".join(regexes)) if regexes else None
        self._inner_ascii = any(r.isascii() for r in regexes)
        # Each of those regexes starts with a literal letter: one scan for any of those letters rules
        # most texts out (the alternation itself is tried at every position).
        initials = {r[0] for r in regexes}
        self._inner_gate = (re.compile("[" + "".join(re.escape(c) for c in sorted(initials)) + "]")
                            if regexes and all(c.isalnum() for c in initials) else None)
        self._phrase_cats = [cats for _, cats, _ in substrings]
        # Arabic-script and Devanagari text is written with spaces: a phrase there must be a whole
        # word (or words), or "لا" would match inside "سلام". CJK, Thai and Hangul (particles glue
        # on) match anywhere.
        self._bounded = [
            (2 if not open_ else 1) if _BOUNDED_SCRIPT_RE.search(phrase) else 0 for phrase, _, open_ in substrings
        ]
        self._automaton = (
            ahocorasick_rs.AhoCorasick([phrase for phrase, _, _ in substrings],
                                       matchkind=ahocorasick_rs.MatchKind.Standard)
            if substrings else None
        )
        self.categories = frozenset(categories)

    def _match_inner(self, joined: str, found: dict[str, list[Hit]]) -> None:
        for regex, categories in self._inner:
            for m in regex.finditer(joined):
                if m.start() and joined[m.start() - 1] != " ":
                    continue
                first = joined.count(" ", 0, m.start())
                hit = Hit(first, first + m.group().count(" ") + 1, True)
                for category in categories:
                    found.setdefault(category, []).append(hit)

    def match(self, joined: str, lower: str, unspaced: bool) -> dict[str, list[Hit]]:
        """Hits in a message given as its space-joined tokens and its lowercased text."""
        found: dict[str, list[Hit]] = {}
        if self._word_ac is not None and joined:
            padded = f" {joined} "
            cats, spaces = self._word_cats, self._word_spaces
            for index, start, _ in self._word_ac.find_matches_as_indexes(padded, overlapping=True):
                first = padded.count(" ", 0, start)
                hit = _new_tuple(Hit, (first, first + spaces[index] + 1, True))  # Hit(...), minus its __new__
                for category in cats[index]:
                    found.setdefault(category, []).append(hit)
        inner = self._inner_any
        if inner is not None and (self._inner_ascii or not joined.isascii()) and (
            self._inner_gate is None or self._inner_gate.search(joined) is not None
        ) and inner.search(joined):
            self._match_inner(joined, found)
        if self._automaton is not None and unspaced:
            phrase_cats, bounded = self._phrase_cats, self._bounded
            low = lower
            for index, start, end in self._automaton.find_matches_as_indexes(low, overlapping=True):
                if bounded[index] and not _whole_word(low, start, end, bounded[index] == 2):
                    continue
                hit = _new_tuple(Hit, (start, end, False))
                for category in phrase_cats[index]:
                    found.setdefault(category, []).append(hit)
        return found


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _whole_word(text: str, start: int, end: int, right: bool) -> bool:
    return (start == 0 or not _is_word_char(text[start - 1])) and (
        not right or end >= len(text) or not _is_word_char(text[end])
    )


class TokenOffsets:
    """Character offsets of word tokens, computed only when a finding needs a span."""

    def __init__(self, lower: str, pattern: re.Pattern[str] | None = None) -> None:
        """``pattern``: the one the tokens were found with (``word_re``); WORD_RE's tokens either way."""
        self._lower = lower
        self._offsets = [(m.start(), m.end()) for m in (pattern or word_re(lower)).finditer(lower)]

    def text_of(self, hit: Hit) -> str:
        span = self.span(hit)
        return self._lower[span.start:span.end]

    def span(self, hit: Hit) -> Span:
        if not hit.by_token:
            return Span.at(hit.start, hit.end)
        if not self._offsets:
            return Span.at(0, 0)
        first = self._offsets[min(hit.start, len(self._offsets) - 1)]
        last = self._offsets[min(hit.end, len(self._offsets)) - 1]
        return Span.at(first[0], max(first[0], last[1]))

    def char_start(self, hit: Hit) -> int:
        return self.span(hit).start
