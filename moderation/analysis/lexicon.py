"""A multilingual phrase matcher: word phrases by token lookup, unspaced scripts by substring."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick_rs

from beacon.verdict import Span

if TYPE_CHECKING:
    from moderation.analysis.features import MessageFeatures

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# Word tokens; a CJK run is its own token, so "VIP带单群" gives "vip" and "带单群".
WORD_RE = re.compile(rf"[^\W{_CJK}]+|[{_CJK}]+")
_WORD_RE = WORD_RE
UNSPACED_RE = re.compile(
    r"[\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_BOUNDED_SCRIPT_RE = re.compile(r"[\u0600-\u06ff\u0900-\u097f]")
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

    __slots__ = ("found", "_context", "_load")

    def __init__(self, found: dict[str, list[Hit]], context: frozenset[str] = frozenset(),
                 load: Callable[[], dict[str, list[Hit]]] | None = None) -> None:
        self.found = found
        self._context = context
        self._load = load

    def _load_context(self) -> None:
        load, self._load = self._load, None
        if load is not None:
            for category, hits in load().items():
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


@dataclass(frozen=True, slots=True)
class _Pattern:
    category: str
    rest: tuple[tuple[str, bool], ...]  # following tokens: (text, is_stem)


@dataclass(frozen=True, slots=True)
class _Entry:
    """What one token can start: one-word categories, and longer phrases keyed by the next token."""

    singles: tuple[str, ...]
    by_next: dict[str, tuple[_Pattern, ...]]
    stem_next: tuple[_Pattern, ...]


class Lexicon:
    """Phrases grouped by category. ``word*`` matches any word starting with ``word``.

    Written by hand rather than one big regex alternation: a token lookup costs a few
    microseconds per message where an alternation of hundreds of phrases costs tens.
    """

    def __init__(self, categories: Mapping[str, Iterable[str]]) -> None:
        self._exact: dict[str, list[_Pattern]] = defaultdict(list)
        self._stems: dict[str, list[tuple[str, _Pattern]]] = defaultdict(list)
        self._short_stems: dict[str, list[_Pattern]] = defaultdict(list)
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
                parts = phrase.split()
                pieces: list[tuple[str, bool]] = []
                for part in parts:
                    stem = part.endswith("*")
                    tokens = _WORD_RE.findall(part)
                    for i, tok in enumerate(tokens):
                        pieces.append((tok, stem and i == len(tokens) - 1))
                if not pieces:
                    continue
                (first, first_stem), rest = pieces[0], tuple(pieces[1:])
                pattern = _Pattern(category, rest)
                if not first_stem:
                    self._exact[first].append(pattern)
                elif len(first) >= _STEM_KEY:
                    self._stems[first[:_STEM_KEY]].append((first, pattern))
                else:
                    self._short_stems[first].append(pattern)
        # Substring phrases go into one Aho-Corasick automaton (ahocorasick-rs, native code): one
        # pass over the text whatever the number of phrases, where a regex alternation tries each.
        self._phrase_cats = [tuple(sorted(cats)) for cats in substrings.values()]
        # Arabic-script and Devanagari text is written with spaces: a phrase there must be a whole
        # word (or words), or "لا" would match inside "سلام". CJK, Thai and Hangul (particles glue
        # on) match anywhere.
        self._bounded = [
            (2 if p not in open_right else 1) if _BOUNDED_SCRIPT_RE.search(p) else 0 for p in substrings
        ]
        self._automaton = (
            ahocorasick_rs.AhoCorasick(list(substrings), matchkind=ahocorasick_rs.MatchKind.Standard)
            if substrings else None
        )
        self.categories = frozenset(categories)
        # Token → patterns it starts. Chat vocabulary repeats, so most lookups are one dict hit.
        self._memo: dict[str, _Entry | None] = {}

    def _entry_for(self, tok: str) -> _Entry | None:
        found = list(self._exact.get(tok, ()))
        if len(tok) >= _STEM_KEY:
            for stem, p in self._stems.get(tok[:_STEM_KEY], ()):
                if tok.startswith(stem):
                    found.append(p)
        for stem, patterns in self._short_stems.items():
            if tok.startswith(stem):
                found.extend(patterns)
        if not found:
            return None
        singles = tuple(dict.fromkeys(p.category for p in found if not p.rest))
        by_next: dict[str, list[_Pattern]] = defaultdict(list)
        stem_next: list[_Pattern] = []
        for p in found:
            if p.rest:
                text, stem = p.rest[0]
                (stem_next.append(p) if stem else by_next[text].append(p))
        return _Entry(singles, {k: tuple(v) for k, v in by_next.items()}, tuple(stem_next))

    def match(self, features: MessageFeatures) -> dict[str, list[Hit]]:
        found: dict[str, list[Hit]] = {}
        tokens = features.tokens
        n = len(tokens)
        memo = self._memo
        for i, tok in enumerate(tokens):
            try:
                entry = memo[tok]
            except KeyError:
                entry = self._entry_for(tok)
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                memo[tok] = entry
            if entry is None:
                continue
            for category in entry.singles:
                found.setdefault(category, []).append(Hit(i, i + 1, True))
            if i + 1 < n:
                candidates = entry.by_next.get(tokens[i + 1], ())
                if entry.stem_next:
                    candidates = candidates + entry.stem_next
                for p in candidates:
                    end = _match_rest(tokens, i + 1, p.rest)
                    if end:
                        found.setdefault(p.category, []).append(Hit(i, end, True))
        if self._automaton is not None and features.unspaced:
            phrase_cats, bounded = self._phrase_cats, self._bounded
            low = features.lower
            for index, start, end in self._automaton.find_matches_as_indexes(low, overlapping=True):
                if bounded[index] and not _whole_word(low, start, end, bounded[index] == 2):
                    continue
                hit = Hit(start, end, False)
                for category in phrase_cats[index]:
                    found.setdefault(category, []).append(hit)
        return found


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _whole_word(text: str, start: int, end: int, right: bool) -> bool:
    return (start == 0 or not _is_word_char(text[start - 1])) and (
        not right or end >= len(text) or not _is_word_char(text[end])
    )


def _match_rest(tokens: list[str], start: int, rest: tuple[tuple[str, bool], ...]) -> int:
    """Index after the phrase if ``rest`` follows at ``start``, else 0."""
    if not rest:
        return start
    if start + len(rest) > len(tokens):
        return 0
    for offset, (text, stem) in enumerate(rest):
        tok = tokens[start + offset]
        if not (tok.startswith(text) if stem else tok == text):
            return 0
    return start + len(rest)


class TokenOffsets:
    """Character offsets of word tokens, computed only when a finding needs a span."""

    def __init__(self, lower: str) -> None:
        self._lower = lower
        self._offsets = [(m.start(), m.end()) for m in _WORD_RE.finditer(lower)]

    def text_of(self, hit: Hit) -> str:
        span = self.span(hit)
        return self._lower[span.start:span.end]

    def span(self, hit: Hit) -> Span:
        if not hit.by_token:
            return Span(start=hit.start, end=hit.end)
        if not self._offsets:
            return Span(start=0, end=0)
        first = self._offsets[min(hit.start, len(self._offsets) - 1)]
        last = self._offsets[min(hit.end, len(self._offsets)) - 1]
        return Span(start=first[0], end=max(first[0], last[1]))

    def char_start(self, hit: Hit) -> int:
        return self.span(hit).start
