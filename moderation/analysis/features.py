"""Per-message features shared by the flag analysers, computed lazily and once per message."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from beacon.verdict import AnalysisInput, Span
from moderation.analysis.lexicon import UNSPACED_RE, Hit, Hits, TokenOffsets, word_re

if TYPE_CHECKING:
    from moderation.analysis.lexicon import Lexicon
    from moderation.analysis.links import Link, LinkFinder

DIGIT_RE = re.compile(r"\d")
# Pictographs and dingbats, for "mass emoji" signals.
EMOJI_RE = re.compile(r"[\u2600-\u27bf\u2b50\u2b55\U0001f300-\U0001faff]")
MAX_CHARS = 32_768
# Bytes of ASCII text: word characters ([0-9A-Za-z_]) kept, every other byte a space.
_ASCII_NON_WORD_TO_SPACE = bytes(
    b if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122 or b == 95) else 32 for b in range(256)
)
CLAUSE_SPLIT_RE = re.compile(r"(?<!\d)[.!?](?!\w)|[;\n。！？；]|,\s*(?:but|however|но|但是|pero|mas|ama)\b")


class lazy:  # noqa: N801 - used like @property
    """Compute an attribute on first use and store it on the instance (functools.cached_property
    takes a lock on Python 3.11, which costs more than the work it saves here)."""

    def __init__(self, fn):  # type: ignore[no-untyped-def]
        self.fn = fn
        self.name = fn.__name__

    def __get__(self, obj, owner=None):  # type: ignore[no-untyped-def]
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value


class MessageFeatures:
    """Lowercased text, word tokens, lexicon hits and links of one message; each built on first use."""

    def __init__(self, message: AnalysisInput, lexicon: Lexicon, links: LinkFinder,
                 context: Lexicon | None = None) -> None:
        self.message = message
        self._context = context
        # Platforms cap messages at a few KB; longer input (a pasted file, an attack) is analysed
        # in its first MAX_CHARS so one message cannot stall the pipeline. Offsets stay valid.
        self.text = message.text[:MAX_CHARS]
        self._lexicon = lexicon
        self._links = links

    @lazy
    def lower(self) -> str:
        low = self.text.lower()
        if len(low) != len(self.text):
            # A few characters lowercase to two ('İ'); keep offsets aligned with the original.
            low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in self.text)
        return low

    @lazy
    def _word_re(self) -> re.Pattern[str]:
        low = self.lower
        return word_re(low, not low.isascii() and self.unspaced)

    @lazy
    def tokens(self) -> list[str]:
        low = self.lower
        if low.isascii():  # the same tokens as ASCII_WORD_RE.findall: other bytes become spaces, in C
            return low.encode().translate(_ASCII_NON_WORD_TO_SPACE).decode().split()
        return self._word_re.findall(low)

    @lazy
    def joined(self) -> str:
        """Tokens joined by single spaces: what word phrases are matched against."""
        return " ".join(self.tokens)

    def hit_text(self, hit: Hit) -> str:
        """The (lowercased) words a phrase hit covers, without computing character offsets."""
        if hit.by_token:
            return " ".join(self.tokens[hit.start:hit.end])
        return self.lower[hit.start:hit.end]

    @lazy
    def offsets(self) -> TokenOffsets:
        return TokenOffsets(self.lower, self._word_re)

    @lazy
    def unspaced(self) -> bool:
        return not self.text.isascii() and UNSPACED_RE.search(self.text) is not None

    @lazy
    def hits(self) -> Hits:
        source = (self.joined, self.lower, self.unspaced)
        return Hits(self._lexicon.match(*source), self._context, source)

    @lazy
    def links(self) -> list[Link]:
        return self._links.find(self.text)

    @lazy
    def digit_count(self) -> int:
        text = self.text
        if text.isascii():  # deleting the ASCII digits in C beats a regex scan
            return len(text) - len(text.encode().translate(None, b"0123456789"))
        if DIGIT_RE.search(text) is None:  # most chat has no digit at all: one C scan
            return 0
        return len(DIGIT_RE.findall(text))

    @lazy
    def emoji_count(self) -> int:
        if self.text.isascii():
            return 0
        return len(EMOJI_RE.findall(self.text))

    @lazy
    def clauses(self) -> list[tuple[int, int]]:
        """Offsets of sentence-like pieces; negation and warnings are judged per clause."""
        bounds: list[tuple[int, int]] = []
        start = 0
        for m in CLAUSE_SPLIT_RE.finditer(self.text):
            if m.start() > start:
                bounds.append((start, m.start()))
            start = m.end()
        if start < len(self.text):
            bounds.append((start, len(self.text)))
        return bounds

    @lazy
    def nfc(self) -> str:
        """NFC text for wordlist lookups (some users' keyboards produce decomposed accents)."""
        if self.text.isascii() or unicodedata.is_normalized("NFC", self.text):
            return self.text
        return unicodedata.normalize("NFC", self.text)


class FeatureCache:
    """Remembers the features of the last message, so analysers run in sequence share the work."""

    def __init__(self, lexicon: Lexicon, links: LinkFinder, context: Lexicon | None = None) -> None:
        self._lexicon = lexicon
        self._links = links
        self._context = context
        self._last: MessageFeatures | None = None

    def get(self, message: AnalysisInput) -> MessageFeatures:
        last = self._last
        if last is not None and last.message is message:
            return last
        features = MessageFeatures(message, self._lexicon, self._links, self._context)
        self._last = features
        return features


def clamp_span(start: int, end: int, length: int) -> Span:
    start = max(0, min(start, length))
    return Span.at(start, max(start, min(end, length)))
