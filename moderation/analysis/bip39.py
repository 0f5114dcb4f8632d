"""Seed-phrase detection: long runs of words from one BIP-39 wordlist, checksum or not."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

MIN_WORDS = 12  # the shortest standard mnemonic
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# Scripts whose words are single characters or syllable blocks: no typo tolerance there.
_NO_TYPO_LANGS = frozenset({"chinese_simplified", "chinese_traditional", "japanese", "korean"})


def _all_forms(words: list[str], strip_accents: bool) -> set[str]:
    """Every word's lookup forms: lowercase NFC and NFKC, plus NFKD without accents (``strip_accents``).
    Computed on the whole list at once (a line break never composes with a neighbour, so normalising
    the joined list normalises each word): this is start-up time of every process that analyses."""
    joined = "\n".join(words)
    if joined.isascii():  # every form of an ASCII word is the word in lowercase
        return set(joined.lower().split("\n"))
    normalize = unicodedata.normalize
    forms = set(normalize("NFC", joined).lower().split("\n"))
    forms.update(normalize("NFKC", joined).lower().split("\n"))
    if strip_accents:
        decomposed = normalize("NFKD", joined)
        if not decomposed.isascii():
            combining = unicodedata.combining
            for mark in [c for c in set(decomposed) if combining(c)]:
                decomposed = decomposed.replace(mark, "")
        forms.update(decomposed.lower().split("\n"))
    return forms


class SeedRun(NamedTuple):
    """A run of wordlist words: language, word count, character offsets in the analysed text."""

    language: str
    words: int
    start: int
    end: int
    typos: int


def _wordlist_dir() -> Path:
    """The word lists ``mnemonic`` ships, found without importing it (its import is start-up time)."""
    spec = importlib.util.find_spec("mnemonic")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("mnemonic is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "wordlist"


def _compute_mask(languages: tuple[str, ...]) -> dict[str, int]:
    from mnemonic import Mnemonic

    mask: dict[str, int] = {}
    for bit, lang in enumerate(languages):
        # The package's Russian list has one corrupted entry.
        words = [w for w in Mnemonic(lang).wordlist if "\ufffd" not in w]
        forms = _all_forms(words, lang not in _NO_TYPO_LANGS)
        flag = 1 << bit
        # Set every form's bit at C speed; the few forms an earlier list has too get both bits.
        shared = [(form, mask[form]) for form in forms.intersection(mask)]
        mask.update(dict.fromkeys(sorted(forms), flag))  # sorted: the same table bytes on every run
        for form, earlier in shared:
            mask[form] = earlier | flag
    return mask


def bip39_table() -> tuple[Path, bytes, dict[str, int]]:
    """(file, key, freshly computed word → language-bits table), for ``beacon.analysis.prebuilt``."""
    key, languages = _table_key()
    return _TABLE_FILE, key, _compute_mask(languages)


def _table_key() -> tuple[bytes, tuple[str, ...]]:
    from beacon.analysis.prebuilt import digest

    lists = sorted(_wordlist_dir().glob("*.txt"))
    # The source, also when this module runs compiled (its __file__ is then the extension module).
    return digest([Path(__file__).with_name("bip39.py"), *lists]), tuple(path.name.split(".")[0] for path in lists)


_TABLE_FILE = Path(__file__).with_name("bip39_index.marshal")


def _checked_mask(table: object) -> dict[str, int]:
    if not isinstance(table, dict):
        raise TypeError("the BIP-39 index is a dict")
    return table


class Bip39Index:
    """Every wordlist ``mnemonic`` ships, as word → bitmask of languages, plus typo neighbourhoods.
    The table is read from ``bip39_index.marshal`` when it is current (see beacon.analysis.prebuilt)."""

    def __init__(self) -> None:
        from beacon.analysis.prebuilt import load_or_compute

        key, self.languages = _table_key()
        self._mask: dict[str, int] = load_or_compute(
            _TABLE_FILE, key, lambda: _compute_mask(self.languages), _checked_mask)
        self._words = frozenset(self._mask)
        # Per language: its words (typo-tolerant lists only) and their one-letter deletions, made on
        # the first typo check of that language.
        self._lists: list[frozenset[str] | None] = [None] * len(self.languages)
        self._near: list[frozenset[str] | None] = [None] * len(self.languages)

    def _list(self, bit: int) -> frozenset[str]:
        forms = self._lists[bit]
        if forms is None:
            if self.languages[bit] in _NO_TYPO_LANGS:
                forms = frozenset()
            else:
                flag = 1 << bit
                forms = frozenset(w for w, m in self._mask.items() if m & flag)
            self._lists[bit] = forms
        return forms

    def mask(self, token: str) -> int:
        return self._mask.get(token, 0)

    def near(self, token: str, bit: int) -> bool:
        """One edit away from a word of this list (typo tolerance), for words of 4+ letters."""
        if len(token) < 4 or not self._list(bit):
            return False
        near = self._near[bit]
        if near is None:
            built = set(self._list(bit))
            for form in self._list(bit):
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
