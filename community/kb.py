"""Knowledge base: Markdown articles with front matter, searched with BM25 over words, CJK segments and typos.

Why hand-written ranking: the corpus is a few hundred short articles in many languages, so a small
in-memory BM25 is enough and avoids a search server; the hard parts use libraries — jieba segments
Chinese, rapidfuzz finds typo'd words, python-frontmatter reads the articles.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import frontmatter
from rapidfuzz import fuzz, process

log = logging.getLogger(__name__)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u30ff\u31f0-\u31ff"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_CJK_RUN = re.compile(f"[{_HAN}{_KANA}{_HANGUL}]+")
_HAN_ONLY = re.compile(f"^[{_HAN}]+$")
_WORD = re.compile(r"[^\W_]+")
_LATIN_FOLD = str.maketrans({"đ": "d", "ı": "i", "ø": "o", "ß": "ss", "ł": "l", "æ": "ae", "œ": "oe"})
# Word prefixes stand in for stems (вывод/вывода/выводом, çekim/çekimi): cheap, language-agnostic.
PREFIX_LEN = 5
TITLE_WEIGHT = 3
TAG_WEIGHT = 3
K1, B = 1.2, 0.75
TYPO_CUTOFF = 80.0
TYPO_MIN_LEN = 4


def fold_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.translate(_LATIN_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _jieba_tokenizer():  # noqa: ANN202 - jieba.Tokenizer
    """jieba's dictionary takes a second to load: one read-only instance per process, built on first use
    (a private instance, not jieba's module-level default, which other code may reconfigure)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


class Tokenizer:
    """Words for Latin/Cyrillic scripts (plus accent-folded forms and prefixes), jieba words and
    character bigrams for Chinese, character bigrams for Japanese and Korean (two-character words
    such as 提币, 充值, 출금 match)."""

    def _segment(self, run: str) -> list[str]:
        return [w for w in _jieba_tokenizer().cut_for_search(run) if len(w) >= 2]

    def tokens(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFKC", text).lower()
        out: list[str] = []
        pos = 0
        for m in _CJK_RUN.finditer(text):
            out.extend(self._words(text[pos:m.start()]))
            run = m.group()
            if len(run) == 1:
                out.append(run)
            else:
                out.extend(run[i:i + 2] for i in range(len(run) - 1))
                if _HAN_ONLY.match(run) and len(run) > 2:
                    out.extend(w for w in self._segment(run) if len(w) > 2)
            pos = m.end()
        out.extend(self._words(text[pos:]))
        return out

    @staticmethod
    def _words(chunk: str) -> list[str]:
        out: list[str] = []
        for word in _WORD.findall(chunk):
            out.append(word)
            folded = fold_accents(word)
            if folded != word:
                out.append(folded)
            if len(folded) > PREFIX_LEN and not folded.isdigit():
                out.append(folded[:PREFIX_LEN] + "~")
        return out


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Article:
    """One language version of an article; versions share ``id``."""

    id: str
    language: str
    title: str
    body: str
    category: str | None = None
    tags: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    path: str = ""


class KbError(ValueError):
    """An article that cannot be read: names the file and the problem."""


def read_article(path: Path) -> Article:
    try:
        post = frontmatter.load(str(path))
    except Exception as exc:  # noqa: BLE001 - YAML errors come in many types; one line for the operator
        raise KbError(f"{path}: cannot read front matter: {exc}") from None
    meta = post.metadata
    lang = str(meta.get("language") or meta.get("lang") or "").strip().lower()
    article_id = str(meta.get("id") or path.stem.split(".")[0]).strip()
    title = str(meta.get("title") or "").strip()
    if not lang or not title:
        raise KbError(f"{path}: front matter needs 'title' and 'language'")
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    links = []
    for item in meta.get("links") or []:
        if isinstance(item, dict) and item.get("url"):
            links.append(Link(title=str(item.get("title") or item["url"]), url=str(item["url"])))
    return Article(id=article_id, language=lang, title=title, body=post.content.strip(),
                   category=str(meta["category"]) if meta.get("category") else None,
                   tags=tuple(str(t) for t in tags if str(t).strip()), links=tuple(links), path=str(path))


@dataclass(frozen=True)
class Match:
    article_id: str
    score: float


@dataclass
class _Doc:
    article: Article
    tf: Counter
    length: int


@dataclass
class KnowledgeBase:
    """Articles in memory with an inverted index; ``search`` returns article ids best first."""

    articles: list[Article] = field(default_factory=list)
    tokenizer: Tokenizer = field(default_factory=Tokenizer)

    def __post_init__(self) -> None:
        self._docs: list[_Doc] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        for article in self.articles:
            bag: Counter = Counter()
            for _ in range(TITLE_WEIGHT):
                bag.update(self.tokenizer.tokens(article.title))
            for _ in range(TAG_WEIGHT):
                bag.update(self.tokenizer.tokens(" ".join(article.tags)))
            bag.update(self.tokenizer.tokens(article.body))
            index = len(self._docs)
            self._docs.append(_Doc(article, bag, sum(bag.values())))
            for token in bag:
                self._postings[token].append(index)
        self._avg_len = (sum(d.length for d in self._docs) / len(self._docs)) if self._docs else 1.0
        self._vocab = [t for t in self._postings if not t.endswith("~") and not _CJK_RUN.match(t)]
        self._by_id: dict[str, dict[str, Article]] = defaultdict(dict)
        for article in self.articles:
            self._by_id[article.id][article.language] = article

    @classmethod
    def load(cls, folder: Path | None) -> "KnowledgeBase":
        """Every ``*.md`` under ``folder`` (recursively); a broken file is reported and skipped."""
        if folder is None:
            return cls([])
        if not folder.is_dir():
            log.warning("knowledge base folder %s does not exist: no articles", folder)
            return cls([])
        articles = []
        for path in sorted(folder.rglob("*.md")):
            if path.name.lower() == "readme.md":
                continue
            try:
                articles.append(read_article(path))
            except KbError as exc:
                log.warning("skipped a knowledge-base article: %s", exc)
        return cls(articles)

    def __len__(self) -> int:
        return len(self._by_id)

    def _idf(self, token: str) -> float:
        n = len(self._postings.get(token, ()))
        return math.log(1 + (len(self._docs) - n + 0.5) / (n + 0.5))

    def _expand(self, tokens: Iterable[str]) -> Counter:
        """Query tokens with weights; unknown words bring their close spellings (typos)."""
        weights: Counter = Counter()
        for token in tokens:
            if token in self._postings:
                weights[token] += 1.0
                continue
            if len(token) < TYPO_MIN_LEN or token.endswith("~") or _CJK_RUN.match(token) or token.isdigit():
                continue
            for candidate, score, _ in process.extract(token, self._vocab, scorer=fuzz.ratio,
                                                       score_cutoff=TYPO_CUTOFF, limit=2):
                weights[candidate] += (score / 100.0) ** 2
        return weights

    def search(self, query: str, *, limit: int = 3, min_score: float = 0.0) -> list[Match]:
        if not self._docs or not query.strip():
            return []
        weights = self._expand(self.tokenizer.tokens(query))
        scores: dict[int, float] = defaultdict(float)
        for token, weight in weights.items():
            idf = self._idf(token)
            for index in self._postings.get(token, ()):
                doc = self._docs[index]
                tf = doc.tf[token]
                norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.length / self._avg_len))
                scores[index] += weight * idf * norm
        best: dict[str, float] = {}
        for index, score in scores.items():
            article_id = self._docs[index].article.id
            best[article_id] = max(best.get(article_id, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        return [Match(a, s) for a, s in ranked if s >= min_score][:limit]

    def version(self, article_id: str, language: str | None, fallback: str = "en") -> Article | None:
        """The article in ``language``, else in ``fallback``, else in any language."""
        versions = self._by_id.get(article_id)
        if not versions:
            return None
        return versions.get(language or "") or versions.get(fallback) or next(iter(versions.values()))

    def ids(self) -> Sequence[str]:
        return sorted(self._by_id)
