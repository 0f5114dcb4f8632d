"""Seed-phrase detection: long runs of words from one BIP-39 wordlist, checksum or not."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mnemonic import Mnemonic

MIN_WORDS = 12  # the shortest standard mnemonic
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# Scripts whose words are single characters or syllable blocks: no typo tolerance there.
_NO_TYPO_LANGS = frozenset({"chinese_simplified", "chinese_traditional", "japanese", "korean"})


def _forms(word: str, strip_accents: bool) -> set[str]:
    forms = {unicodedata.normalize(f, word).lower() for f in ("NFC", "NFKC")}
    if strip_accents:
        decomposed = unicodedata.normalize("NFKD", word)
        forms.add("".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower())
    return forms


@dataclass(frozen=True, slots=True)
class SeedRun:
    """A run of wordlist words: language, word count, character offsets in the analysed text."""

    language: str
    words: int
    start: int
    end: int
    typos: int


class Bip39Index:
    """Every wordlist ``mnemonic`` ships, as word → bitmask of languages, plus typo neighbourhoods."""

    def __init__(self) -> None:
        self.languages: tuple[str, ...] = tuple(sorted(Mnemonic.list_languages()))
        self._mask: dict[str, int] = {}
        self._lists: list[tuple[str, ...]] = []
        for bit, lang in enumerate(self.languages):
            strip = lang not in _NO_TYPO_LANGS
            forms: set[str] = set()
            for word in Mnemonic(lang).wordlist:
                if "\ufffd" in word:
                    continue  # the package's Russian list has one corrupted entry
                for form in _forms(word, strip):
                    self._mask[form] = self._mask.get(form, 0) | (1 << bit)
                    forms.add(form)
            self._lists.append(tuple(sorted(forms)) if strip else ())
        self._words = frozenset(self._mask)
        # Per language: words and their one-letter deletions, built on the first typo check.
        self._near: list[frozenset[str] | None] = [None] * len(self.languages)

    def mask(self, token: str) -> int:
        return self._mask.get(token, 0)

    def near(self, token: str, bit: int) -> bool:
        """One edit away from a word of this list (typo tolerance), for words of 4+ letters."""
        if len(token) < 4 or not self._lists[bit]:
            return False
        near = self._near[bit]
        if near is None:
            built = set(self._lists[bit])
            for form in self._lists[bit]:
                built.update(form[:i] + form[i + 1:] for i in range(len(form)))
            near = self._near[bit] = frozenset(built)
        if token in near:
            return True
        return any(token[:i] + token[i + 1:] in near for i in range(len(token)))

    def count_members(self, tokens: list[str]) -> int:
        """Distinct tokens that are wordlist words (a set intersection, done in C)."""
        return len(self._words.intersection(tokens))

    def may_hold_run(self, tokens: list[str]) -> bool:
        """Cheap pre-check on lowercased word tokens: some stretch of >= 11 wordlist words, with
        numbers ("1. meat 2. stay") skipped and one other word (a typo) allowed."""
        words = self._words
        run = after = best = 0  # run: words in the stretch (one gap included); after: since the gap
        gap = False
        for tok in tokens:
            if tok in words:
                run += 1
                after += 1
                if run > best:
                    best = run
                    if best >= MIN_WORDS - 1:
                        return True
            elif tok.isdigit():
                continue
            elif not gap:
                gap, run, after = True, run + 1, 0
            else:
                run, after = after + 1, 0  # restart just after the previous gap
        return best >= MIN_WORDS - 1

    def longest_run(self, text: str) -> SeedRun | None:
        """The longest run of >= 12 letter-words of one list (numbers and punctuation between are fine)."""
        spans = [(m.start(), m.end(), m.group().lower()) for m in _LETTERS_RE.finditer(text)]
        if len(spans) < MIN_WORDS:
            return None
        masks = [self._mask.get(tok, 0) for _, _, tok in spans]
        present = 0
        for m in masks:
            present |= m
        best: SeedRun | None = None
        for bit, lang in enumerate(self.languages):
            flag = 1 << bit
            if not present & flag or sum(1 for m in masks if m & flag) < MIN_WORDS - 1:
                continue
            allow_typo = lang not in _NO_TYPO_LANGS
            start = 0
            typo_at = -1
            for i, m in enumerate(masks + [0]):
                is_member = i < len(masks) and bool(m & flag)
                if not is_member:
                    is_typo = i < len(masks) and allow_typo and self.near(spans[i][2], bit)
                    if i >= start + 1 or i == len(masks):
                        run_len = i - start
                        typos = 1 if typo_at >= start else 0
                        if run_len >= MIN_WORDS and (best is None or run_len > best.words) and (
                            len({t for _, _, t in spans[start:i]}) >= run_len * 0.8
                        ):
                            # Generated phrases rarely repeat a word; tables of "true false" do.
                            best = SeedRun(lang, run_len, spans[start][0], spans[i - 1][1], typos)
                    if is_typo:
                        # Keep the run going through one typo; a second one restarts after the first.
                        if typo_at >= start:
                            start = typo_at + 1
                        typo_at = i
                    else:
                        start = i + 1
        return best
