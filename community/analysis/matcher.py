"""Finds lexicon terms in a text in one Aho-Corasick pass, with word boundaries where the script has them."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable, Mapping, NamedTuple

import ahocorasick_rs

# Length-preserving normalisation, so offsets into the normalised text are offsets into the original.
# (A few str.replace calls: str.translate with a mapping goes through Python per character.)
_FOLD = (("\u2019", "'"), ("\u02bc", "'"), ("\u2018", "'"), ("\uff07", "'"), ("\n", " "), ("\r", " "),
         ("\t", " "), ("\u00a0", " "))


_new_tuple = tuple.__new__
# The ASCII word characters (isalnum or "_"): a set look-up instead of two method calls.
_ASCII_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_FOLD_ANY = re.compile("[" + "".join(old for old, _ in _FOLD) + "]")


class Hit(NamedTuple):
    tags: frozenset[str]
    start: int
    end: int


class Term(NamedTuple):
    """One lexicon entry: a term in the syntax below, its tag, its language, and whether the language
    writes without spaces between words."""

    term: str
    tag: str
    lang: str
    substring: bool


def _is_word_char(ch: str) -> bool:
    if ch.isalnum() or ch == "_":
        return True
    # Combining marks (Devanagari, Thai, Arabic vowel signs) are inside words, not between them.
    return ch > "\u02ff" and unicodedata.category(ch) in ("Mn", "Mc")


def _unspaced(ch: str) -> bool:
    """A letter of a script written without spaces between words: Thai, kana, Han, Hangul (whose
    particles glue on). Next to a term of a spaced script it is a word boundary ("我的usdt提现", "usdt가")."""
    return ("\u0e00" <= ch <= "\u0e7f" or "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff"
            or "\uac00" <= ch <= "\ud7af" or "\uf900" <= ch <= "\ufaff" or "\uff66" <= ch <= "\uff9d")


def _joins_word(ch: str, edge: str) -> bool:
    """Whether a non-ASCII neighbour ``ch`` continues the word of a term whose outer letter is ``edge``
    (no boundary there): a Hangul syllable after "나" does, one after "usdt" does not."""
    if ch < "\u0e00":  # Latin, Cyrillic, Greek, Arabic, Devanagari…: below every unspaced script
        return _is_word_char(ch)
    return _is_word_char(ch) and (not _unspaced(ch) or _unspaced(edge))


def fold_case(text: str) -> str:
    """Lower-case without changing the length (str.lower turns 'İ' into two code points)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if low.isascii():  # of the characters folded, only three are ASCII: three fast scans
        if "\n" not in low and "\r" not in low and "\t" not in low:
            return low
    elif _FOLD_ANY.search(low) is None:  # one scan for all of them; most texts have none
        return low
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
    """One automaton over the tagged terms of every language; ``find`` keeps the hits of the languages
    asked for. (One automaton, built once, instead of one per language: startup stays short.)"""

    def __init__(self, terms: Iterable[Term], inherit: frozenset[str] = frozenset()) -> None:
        """``inherit``: tags a longer term takes over from the terms of its language inside it ("akaun
        saya" is about an account because "akaun" is), since one hit hides the shorter ones it covers."""
        terms = list(terms)
        parsed = [parse_term(t.term.strip(), t.substring) for t in terms]
        merged: dict[str, dict[tuple[str, bool, bool], set[str]]] = {}
        for t, (_, left, right), surface in zip(terms, parsed, _fold_all([p[0] for p in parsed])):
            if not surface:
                continue
            # A boundary is only checked where the term itself starts/ends with a word character.
            left = left and _is_word_char(surface[0])
            right = right and _is_word_char(surface[-1])
            merged.setdefault(surface, {}).setdefault((t.lang, left, right), set()).add(t.tag)
        self._surfaces = list(merged)
        # Inheriting tags changes no surface: one automaton serves both.
        self._automaton = ahocorasick_rs.AhoCorasick(self._surfaces, matchkind=ahocorasick_rs.MatchKind.Standard)
        if inherit:
            _inherit_tags(merged, inherit, self._automaton)
        # Per language: (surface index, (tags, left, right)) of its entries; views are put together
        # from these, so a new language set costs a few hundred steps, not one per surface.
        self._by_lang: dict[str, list[tuple[int, tuple[frozenset[str], bool, bool]]]] = {}
        for i, surface in enumerate(self._surfaces):
            for (lang, left, right), tags in merged[surface].items():
                self._by_lang.setdefault(lang, []).append((i, (frozenset(tags), left, right)))
        self._views: dict[frozenset[str] | None, list[Any]] = {}

    def table(self) -> tuple[list[str], dict[str, list[tuple[int, tuple[frozenset[str], bool, bool]]]]]:
        """What construction computed, in plain data (``from_table`` takes it back): surfaces, and per
        language its (surface index, (tags, left, right)) entries."""
        return self._surfaces, self._by_lang

    @classmethod
    def from_table(cls, table: tuple[list[str], dict[str, list[tuple[int, tuple[frozenset[str], bool, bool]]]]]
                   ) -> TermMatcher:
        """The matcher ``table()`` came from, without merging terms and inheriting tags again."""
        surfaces, by_lang = table
        if not isinstance(surfaces, list) or not isinstance(by_lang, dict):
            raise TypeError("a matcher table is (surfaces list, entries dict)")
        obj = cls.__new__(cls)
        obj._surfaces = list(surfaces)
        obj._automaton = ahocorasick_rs.AhoCorasick(obj._surfaces, matchkind=ahocorasick_rs.MatchKind.Standard)
        obj._by_lang = by_lang
        obj._views = {}
        return obj

    def _view(self, langs: frozenset[str] | None) -> list[Any]:
        """Per surface, the (tags, left, right) of the entries of ``langs``: filtered once per language
        set, so the per-match loop never looks at other languages' entries."""
        view = self._views.get(langs)
        if view is None:
            entries: list[list[tuple[frozenset[str], bool, bool]] | None] = [None] * len(self._surfaces)
            for lang in (self._by_lang if langs is None else langs):
                for i, entry in self._by_lang.get(lang, ()):
                    if entries[i] is None:
                        entries[i] = [entry]
                    else:
                        entries[i].append(entry)  # type: ignore[union-attr]
            # None: no entry of these languages; a (tags, left, right) tuple: exactly one (the usual
            # case); a list: several.
            view = self._views[langs] = [e[0] if e is not None and len(e) == 1 else e for e in entries]
        return view

    def find(self, folded: str, langs: frozenset[str] | None = None) -> list[Hit]:
        """Hits in ``folded`` (a text passed through :func:`fold_case`) of the terms of ``langs``
        (every language when None): at each place the longest term that is valid there (language and
        word boundaries), without overlaps."""
        n = len(folded)
        try:
            matches = self._automaton.find_matches_as_indexes(folded, overlapping=True)
        except UnicodeEncodeError:  # lone surrogates: same length once replaced
            folded = folded.encode("utf-8", "replace").decode()
            matches = self._automaton.find_matches_as_indexes(folded, overlapping=True)
        view = self._view(langs)
        valid: list[tuple[int, int, frozenset[str]]] = []
        append = valid.append
        ascii_word = _ASCII_WORD
        for index, start, end in matches:
            entries = view[index]
            if entries is None:
                continue
            if type(entries) is tuple:  # the usual case: one language's entry for this surface
                entry_tags, left, right = entries
                if left and start:
                    c = folded[start - 1]
                    if c in ascii_word or (c > "\x7f" and _joins_word(c, folded[start])):
                        continue
                if right and end < n:
                    c = folded[end]
                    if c in ascii_word or (c > "\x7f" and _joins_word(c, folded[end - 1])):
                        continue
                append((start, -end, entry_tags))
                continue
            before_ok = after_ok = None
            tags: frozenset[str] | None = None
            for entry_tags, left, right in entries:
                if left:
                    if before_ok is None:
                        c = folded[start - 1] if start else " "
                        before_ok = not (c in ascii_word or (c > "\x7f" and _joins_word(c, folded[start])))
                    if not before_ok:
                        continue
                if right:
                    if after_ok is None:
                        c = folded[end] if end < n else " "
                        after_ok = not (c in ascii_word or (c > "\x7f" and _joins_word(c, folded[end - 1])))
                    if not after_ok:
                        continue
                tags = entry_tags if tags is None else tags | entry_tags
            if tags is not None:
                append((start, -end, tags))
        # Leftmost-longest among the valid ones: a longer term that fails its boundary ("invalid
        # sign" in "invalid signature") must not hide a shorter one that holds ("invalid").
        valid.sort()  # by start, longest first (frozensets compare only on exact ties, harmlessly)
        hits: list[Hit] = []
        last_end = -1
        for start, neg_end, tags in valid:
            if start >= last_end:
                last_end = -neg_end
                hits.append(_new_tuple(Hit, (tags, start, last_end)))  # Hit(...) without its Python __new__
        return hits


def _fold_all(texts: list[str]) -> list[str]:
    """``fold_case`` of each text, done on them joined (one call instead of thousands at start-up)."""
    joined = "\x00".join(texts)
    folded = fold_case(joined)
    if len(folded) != len(joined) or folded.count("\x00") != len(texts) - 1:  # pragma: no cover - defensive
        return [fold_case(t) for t in texts]
    return folded.split("\x00")


def _inherit_tags(merged: dict[str, dict[tuple[str, bool, bool], set[str]]], inherit: frozenset[str],
                  inner: ahocorasick_rs.AhoCorasick) -> None:
    """``inner``: an automaton over ``list(merged)``, overlapping matches."""
    surfaces = list(merged)
    for i, surface in enumerate(surfaces):
        if " " not in surface and len(surface) < 4:
            continue  # too short to contain another term worth inheriting from
        if all(tags & inherit for tags in merged[surface].values()):
            continue  # every entry has a topic of its own: nothing to take over
        gained: dict[str, set[str]] = {}
        for j, start, end in inner.find_matches_as_indexes(surface, overlapping=True):
            if j == i:
                continue
            before_ok = start == 0 or not _is_word_char(surface[start - 1])
            after_ok = end >= len(surface) or not _is_word_char(surface[end])
            for (lang, left, right), tags in merged[surfaces[j]].items():
                if (before_ok or not left) and (after_ok or not right) and tags & inherit:
                    gained.setdefault(lang, set()).update(tags & inherit)
        for (lang, _left, _right), tags in merged[surface].items():
            if not tags & inherit:  # a term with a topic of its own keeps it ("二段階認証" is not KYC)
                tags |= gained.get(lang, set()) | gained.get(UNIVERSAL_LANG, set())


UNIVERSAL_LANG = "*"


def build_terms(lexicons: Mapping[str, Mapping[str, str]], substring_langs: frozenset[str]) -> list[Term]:
    """Flatten ``{lang: {tag: "a|b*|c d"}}`` into terms."""
    out: list[Term] = []
    for lang, tags in lexicons.items():
        substring = lang in substring_langs
        for tag, terms in tags.items():
            out.extend(Term(t, tag, lang, substring) for t in terms.split("|") if t.strip())
    return out
