"""Support requests, their category and urgency, from multilingual lexicon evidence (see lexicon.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from beacon.analysis.base import NOT_A_REQUEST, SupportAssessment
from beacon.verdict import AnalysisInput, Category, Finding, Flag, Span, Urgency
from community.analysis import lexicon as lx
from community.analysis.matcher import UNIVERSAL_LANG, Hit, TermMatcher, build_terms, fold_case

# Support evidence sits at the start of a message; a 1 MB paste needs no more than its head read.
MAX_CHARS = 4000
# "not … arrived", "someone … changed": how far apart the two halves of a pair may be.
PAIR_WINDOW = 24
_QUESTION_MARK = re.compile("[?？¿؟]")
# Flags that mean the author offers "help" or promotion rather than asking for it.
_OFFERING = frozenset({Flag.scam, Flag.spam, Flag.impersonation, Flag.phishing})
_FUNDS_CATEGORIES = frozenset({Category.deposit_withdrawal, Category.trading, Category.account_security})
_CATEGORY_NAMES = {
    Category.deposit_withdrawal: "deposits and withdrawals",
    Category.kyc: "identity verification",
    Category.account_security: "account access and security",
    Category.trading: "trading",
    Category.api: "the API",
    Category.other: "the platform",
}


# An Enum's .value is a property lookup: the strings, once.
_VALUE = {m: m.value for enum in (Category, Urgency) for m in enum}
# What goes wrong in a request: whoever is named before it is whose trouble it is.
_TROUBLE_TAGS = frozenset({lx.PROBLEM, lx.BLOCKED, lx.LOCK, lx.COMPROMISE, lx.ACTED, lx.ARRIVE, lx.NEG, lx.STILL})
# The evidence a request's finding points at.
_SPAN_TAGS = frozenset({lx.PROBLEM, lx.BLOCKED, lx.LOCK, lx.COMPROMISE, lx.HOWTO, lx.ARRIVE, lx.ACTED})
_SEEN_MAX = 4096
_SEEN_CHARS = 1000
# Languages so close that a detector mistakes one for the other on short chat (Malay and Indonesian
# share most of their words): each also reads the other's lexicon.
_SIBLINGS = {"id": ("ms",), "ms": ("id",)}
# The lexicons to match for each language (a missing key: all of them).
_LANGUAGE_SETS = {lang: frozenset({lang, "en", UNIVERSAL_LANG, *_SIBLINGS.get(lang, ())}) for lang in lx.LEXICONS}


class Evidence:
    """What the lexicon found in one message: tags and where they matched."""

    __slots__ = ("tags", "hits", "question")

    def __init__(self, tags: set[str], hits: list[Hit], question: bool) -> None:
        self.tags = tags
        self.hits = hits
        self.question = question

    def spans(self, wanted: frozenset[str]) -> tuple[Span, ...]:
        at = Span.at
        return tuple([at(h.start, h.end) for h in self.hits if not h.tags.isdisjoint(wanted)])


def _about_others(ev: Evidence) -> bool:
    """Someone else ("my friend", "у знакомого") is named before the trouble is: the story's subject
    is them ("my friend's account got hacked"), not the author ("bonus never came, my friend traded")."""
    for hit in ev.hits:
        if lx.OTHERS in hit.tags:
            return True
        if not hit.tags.isdisjoint(_TROUBLE_TAGS):
            return False
    return False


def _paired(hits: list[Hit], first: str, second: str) -> list[Hit]:
    """Hits of ``second`` that follow a hit of ``first`` closely ("not … credited")."""
    out: list[Hit] = []
    last_end = -(10**9)
    for hit in hits:
        if second in hit.tags and first not in hit.tags and 0 <= hit.start - last_end <= PAIR_WINDOW:
            out.append(hit)
        if first in hit.tags:
            last_end = hit.end
    return out


class SupportAnalyser:
    """Decides whether the author asks for help with their own account, funds, trades or API use.

    A request needs a problem with something the platform handles (or a takeover, or a how-to
    question about it); warnings and advice to others, jokes, resolved stories, announcements,
    questions to the group, staff and authors flagged as offering "help" are not requests.
    """

    name = "support_request"

    def __init__(self, staff: Iterable[tuple[str, str]] = (), bot_usernames: Iterable[str] = ()) -> None:
        self._staff = frozenset((p, str(i)) for p, i in staff)
        self._bots = frozenset(b.lstrip("@").lower() for b in bot_usernames if b)
        self._bot_mentions = tuple("@" + b for b in self._bots)
        self._matcher: TermMatcher | None = None
        # The assessment of a text depends on nothing else but the language, the flags and whether
        # the bot is addressed (staff aside): chats repeat texts (spam waves, copied questions), so the
        # last few thousand are remembered (bounded; cleared when full).
        self._seen: dict[tuple[str, str | None, frozenset[Flag], bool], SupportAssessment] = {}

    @property
    def _terms(self) -> TermMatcher:
        if self._matcher is None:  # built on first use: importing this module stays cheap
            from beacon.analysis.prebuilt import load_or_compute

            self._matcher = load_or_compute(_TERMS_FILE, _terms_key(), lambda: _build_matcher().table(),
                                            TermMatcher.from_table)
        return self._matcher

    @staticmethod
    def _languages(language: str | None) -> frozenset[str] | None:
        """The message's language plus English (crypto chat borrows it everywhere); every language
        when it is unknown or has no lexicon."""
        return _LANGUAGE_SETS.get(language)  # type: ignore[arg-type]

    def evidence(self, text: str, language: str | None) -> Evidence:
        head = text[:MAX_CHARS]
        folded = fold_case(head)
        hits = self._terms.find(folded, self._languages(language))
        tags: set[str] = set().union(*[hit.tags for hit in hits])
        if lx.ARRIVE in tags and lx.NEG in tags and _paired(hits, lx.NEG, lx.ARRIVE):
            tags.add(lx.BLOCKED)
        if lx.ACTED in tags and lx.SOMEONE in tags and _paired(hits, lx.SOMEONE, lx.ACTED):
            tags.add(lx.COMPROMISE)
        if lx.LOCK in tags:
            tags.add(lx.BLOCKED)
        if lx.APPFAIL in tags:
            tags.update((lx.PROBLEM, lx.APP))
        question = "?" in head or (not head.isascii() and _QUESTION_MARK.search(head) is not None)
        return Evidence(tags, hits, question)

    def _from_staff(self, message: AnalysisInput) -> bool:
        if message.author_id is not None and (message.platform, message.author_id) in self._staff:
            return True
        return bool(message.author_username) and message.author_username.lstrip("@").lower() in self._bots

    def _mentions_bot(self, message: AnalysisInput) -> bool:
        if message.mentions_bot:
            return True
        if not self._bot_mentions or "@" not in message.text:
            return False
        low = message.text[:MAX_CHARS].lower()
        return any(m in low for m in self._bot_mentions)

    def assess(self, message: AnalysisInput, language: str | None, flags: frozenset[Flag]) -> SupportAssessment:
        if not message.text or self._from_staff(message):
            return NOT_A_REQUEST
        text = message.text
        mentions_bot = self._mentions_bot(message)
        if len(text) > _SEEN_CHARS:  # long texts rarely repeat: not worth their memory
            return self._assess(text[:MAX_CHARS], language, flags, mentions_bot)
        key = (text, language, flags, mentions_bot)
        seen = self._seen.get(key)
        if seen is None:
            seen = self._assess(text, language, flags, mentions_bot)
            if len(self._seen) >= _SEEN_MAX:
                self._seen.clear()
            self._seen[key] = seen
        return seen

    def _assess(self, text: str, language: str | None, flags: frozenset[Flag], mentions_bot: bool) -> SupportAssessment:
        ev = self.evidence(text, language)
        if not self._is_request(ev, flags, mentions_bot):
            return NOT_A_REQUEST
        category = self._category(ev)
        urgency = self._urgency(ev, category)
        reason = f"asks for help with {_CATEGORY_NAMES[category]}"
        if urgency is Urgency.critical:
            reason += ": account taken over or funds being taken"
        finding = Finding.of(
            analyser=self.name,
            reason=reason,
            spans=ev.spans(_SPAN_TAGS),
            detail={"category": _VALUE[category], "urgency": _VALUE[urgency], "language": language or ""},
        )
        return SupportAssessment(support_request=True, category=category, urgency=urgency, findings=(finding,))

    @staticmethod
    def _is_request(ev: Evidence, flags: frozenset[Flag], mentions_bot: bool) -> bool:
        t = ev.tags
        takeover = lx.COMPROMISE in t
        problem = lx.PROBLEM in t or lx.BLOCKED in t or (lx.STILL in t and lx.DW in t)
        domain = not t.isdisjoint(lx.DOMAIN_TAGS)
        me = lx.ME in t
        asks = lx.HELP in t or lx.REQ in t
        question = ev.question or lx.Q in t
        if flags and not flags.isdisjoint(_OFFERING) and not (takeover and me):
            return False
        if lx.LAUGH in t and not (asks or takeover):
            return False
        if (lx.ADVICE in t or lx.SCAMTALK in t) and not (me and (problem or takeover)):
            return False
        if lx.RESOLVED in t and not (takeover or lx.STILL in t):
            return False
        if lx.INFO in t and not me:
            return False
        if lx.OTHERS in t and not me and _about_others(ev):
            return False  # someone else's account ("my friend's account got hacked"): not the author's
        if lx.YOU in t and not me and not takeover:
            return False  # about the reader's account, not the author's: advice or an offer
        if takeover and (domain or me):
            return True
        if problem and domain:
            return True
        if lx.COMMUNITY in t:
            return False
        if lx.HOWTO in t and domain:
            return True
        pressing = lx.STAFF in t or lx.URGENT in t
        if domain and (asks or (me and (question or pressing)) or (pressing and question)):
            return True
        return mentions_bot and (domain or asks or question)

    @staticmethod
    def _category(ev: Evidence) -> Category:
        t = ev.tags
        if lx.COMPROMISE in t:
            return Category.account_security
        if lx.API in t:
            return Category.api
        if lx.KYC in t:
            return Category.kyc
        if lx.APPFAIL in t:
            return Category.other
        if lx.SEC in t or (lx.LOCK in t and lx.ACCOUNT in t):
            return Category.account_security
        if lx.TRADE in t:
            return Category.trading
        if lx.DW in t:
            return Category.deposit_withdrawal
        if lx.SECW in t or lx.ACCOUNT in t:
            return Category.account_security
        return Category.other

    @staticmethod
    def _urgency(ev: Evidence, category: Category) -> Urgency:
        t = ev.tags
        if lx.COMPROMISE in t:
            return Urgency.critical
        blocked = lx.BLOCKED in t
        if lx.HOWTO in t and not blocked:
            return Urgency.low
        if blocked and (category in _FUNDS_CATEGORIES or lx.FUNDS in t):
            return Urgency.high
        if lx.PROBLEM in t and category in (Category.deposit_withdrawal, Category.trading):
            return Urgency.high
        if lx.STILL in t and category is Category.deposit_withdrawal:
            return Urgency.high
        return Urgency.normal


def _build_matcher() -> TermMatcher:
    terms = build_terms(lx.LEXICONS, lx.SUBSTRING_LANGS) + build_terms({UNIVERSAL_LANG: lx.UNIVERSAL}, frozenset())
    return TermMatcher(terms, inherit=lx.DOMAIN_TAGS)


# The matcher's merged entries, computed ahead of time (start-up time; see beacon.analysis.prebuilt).
_TERMS_FILE = Path(__file__).with_name("support_terms.marshal")


def _terms_key() -> bytes:
    from beacon.analysis.prebuilt import digest

    here = Path(__file__).with_name("support.py")  # the source, also when this module runs compiled
    return digest([here.with_name("lexicon.py"), here.with_name("matcher.py"), here])


def support_terms_table() -> tuple[Path, bytes, object]:
    """(file, key, freshly computed matcher table), for ``beacon.analysis.prebuilt``."""
    return _TERMS_FILE, _terms_key(), _build_matcher().table()


def build_support_analyser(settings) -> SupportAnalyser:  # noqa: ANN001 - beacon.config.Settings
    """The support analyser for a community: staff and bot handles come from the config."""
    return SupportAnalyser(
        staff=[(m.platform, m.user_id) for m in settings.staff],
        bot_usernames=settings.brand.bot_usernames,
    )
