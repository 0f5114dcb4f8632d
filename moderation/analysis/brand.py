"""What 'the brand' looks like, derived from configuration only: names, domains, handles, staff."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from moderation.analysis import vocabulary
from moderation.analysis.links import LinkFinder
from moderation.analysis.skeleton import compact, skeleton, typo_budget, within

_SPLIT_RE = re.compile(r"[\W_]+")
_DIGITS_RE = re.compile(r"\d+")
_REPEATS_RE = re.compile(r"(.)\1+")

if TYPE_CHECKING:  # the full Settings or beacon.analysis.sections.AnalysisSettings
    from beacon.config import Settings


def _squeeze(text: str) -> str:
    return _REPEATS_RE.sub(r"\1", text)


class StaffLook(NamedTuple):
    """The names a verified staff member is known by, as skeletons."""

    platform: str
    user_id: str
    username: str  # lowercase as configured
    display: str  # compact skeleton of the display name ("" when too generic to compare)
    handle: str  # compact skeleton of the username
    label: str  # what moderators see: the staff username or display name


class BrandProfile:
    """Brand tokens, official domains and handles, staff looks; built once from Settings."""

    def __init__(self, settings: Settings, links: LinkFinder) -> None:
        brand = settings.brand
        analysis = settings.analysis
        self.official_domains = frozenset(d.lower().strip(".") for d in brand.official_domains if d.strip())
        self.allowed_domains = frozenset(
            d.lower().strip(".") for d in analysis.allowed_domains if d.strip()
        )
        self._trusted = tuple(self.official_domains | self.allowed_domains)
        tokens: set[str] = set()
        for name in [brand.name, *analysis.brand_aliases]:
            token = compact(name)
            if len(token) >= 2:
                tokens.add(token)
        for domain in self.official_domains:
            label = links.domain_label(domain)
            token = compact(label)
            if len(token) >= 3:
                tokens.add(token)
        self.tokens: tuple[str, ...] = tuple(sorted(tokens, key=lambda t: (-len(t), t)))  # longest first, stable
        self.display_name = brand.name
        self._extra_titles = tuple(analysis.staff_titles)
        self._titles: tuple[frozenset[str], tuple[str, ...], frozenset[str]] | None = None

        handles = {h.lower().lstrip("@") for h in [*brand.bot_usernames, *analysis.official_handles] if h}
        handles |= {m.username.lower().lstrip("@") for m in settings.staff if m.username}
        self.handles = frozenset(handles)
        self.bot_handles = tuple(
            (h.lower().lstrip("@"), compact(h)) for h in brand.bot_usernames if compact(h)
        )
        self.staff_ids = frozenset((m.platform, m.user_id) for m in settings.staff)
        looks = []
        for m in settings.staff:
            display = compact(m.display_name) if m.display_name else ""
            # A bare first name ("Mia") is not distinctive enough to call every Mia an impersonator.
            if display and len(display) < 6 and not self.mentions_brand(m.display_name):
                display = ""
            looks.append(
                StaffLook(
                    platform=m.platform,
                    user_id=m.user_id,
                    username=m.username.lower().lstrip("@"),
                    display=display,
                    handle=compact(m.username) if m.username else "",
                    label=m.username or m.display_name or m.user_id,
                )
            )
        self.staff = tuple(looks)

    def _title_sets(self) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
        """Staff titles (and domain affixes) as skeletons, made on first use: titles in other scripts
        need the whole confusables table, which most messages never do (start-up time)."""
        if self._titles is None:
            titles = frozenset(c for c in (compact(t) for t in [*vocabulary.STAFF_TITLES, *self._extra_titles]) if c)
            long_titles = tuple(t for t in titles if len(t) >= 4 or not t.isascii())
            affixes = frozenset(compact(w) for w in vocabulary.DOMAIN_AFFIXES) | titles
            self._titles = (titles, long_titles, affixes)
        return self._titles

    @property
    def titles(self) -> frozenset[str]:
        return self._title_sets()[0]

    @property
    def _long_titles(self) -> tuple[str, ...]:
        return self._title_sets()[1]

    @property
    def affixes(self) -> frozenset[str]:
        return self._title_sets()[2]

    # --- domains -------------------------------------------------------------------------
    def is_trusted_host(self, host: str) -> bool:
        """Official or allowed domain, or a subdomain of one."""
        for domain in self._trusted:
            if host == domain or host.endswith("." + domain):
                return True
        return False

    def label_poses(self, label: str) -> str | None:
        """How a domain label imitates the brand ('brand', 'brand+words', 'look-alike'), or None."""
        if not label or not self.tokens:
            return None
        skel = skeleton(label)
        parts = [p for p in _SPLIT_RE.split(skel) if p]
        whole = "".join(parts)
        for token in self.tokens:
            if whole == token:
                return "brand" if label.isascii() and skel == label.lower() else "look-alike"
            if _squeeze(whole) == _squeeze(token):
                return "look-alike"  # a doubled or dropped repeated letter: "okxx", "biinance"
            budget = typo_budget(token)
            for part in parts:
                if part == token:
                    return "brand+words"
                if budget and within(part, token, budget):
                    return "look-alike"
                if self._affixed(part, token):
                    return "brand+words"
            if budget and within(whole, token, budget):
                return "look-alike"
        return None

    def _affixed(self, part: str, token: str) -> bool:
        """'okxwallet', 'myokx', 'binancesupport': the brand glued to a word phishers use."""
        if token not in part:
            return False
        if len(token) >= 8:
            return True  # long names are distinctive anywhere ("mycoinbaseprofile")
        head, _, tail = part.partition(token)
        rest = [_DIGITS_RE.sub("", x) for x in (head, tail)]
        return all(not r or r in self.affixes for r in rest)

    # --- names ---------------------------------------------------------------------------
    def mentions_brand(self, text: str) -> bool:
        """The brand appears as a word (or glued to a staff title) in a name or handle."""
        return self.brand_word(text) is not None

    def brand_word(self, text: str) -> str | None:
        for word in (w for w in _SPLIT_RE.split(skeleton(text)) if w):
            for token in self.tokens:
                if word == token:
                    return word
                if token in word:
                    head, _, tail = word.partition(token)
                    rest = [_DIGITS_RE.sub("", x) for x in (head, tail)]
                    if all(not r or self.is_title(r) for r in rest) or len(token) >= 8:
                        return word
        return None

    def is_title(self, fragment: str) -> bool:
        if fragment in self.titles:
            return True
        return any(t in fragment for t in self._long_titles)

    def has_title(self, text: str) -> bool:
        skel = skeleton(text)
        words = [w for w in _SPLIT_RE.split(skel) if w]
        if any(w in self.titles for w in words):
            return True
        joined = "".join(words)
        return any(t in joined for t in self._long_titles)

    def is_staff(self, platform: str, user_id: str | None) -> bool:
        return user_id is not None and (platform, str(user_id)) in self.staff_ids

    def imitated_staff(self, name: str | None, username: str | None) -> StaffLook | None:
        """The staff member whose display name or username this author's names copy."""
        candidates = [compact(x) for x in (name, username) if x]
        candidates = [c for c in candidates if len(c) >= 4]
        if not candidates:
            return None
        for look in self.staff:
            for target in (look.display, look.handle):
                if not target:
                    continue
                for cand in candidates:
                    if cand == target or within(cand, target, typo_budget(target)):
                        return look
                    if cand.startswith(target) or cand.endswith(target):
                        rest = cand.replace(target, "", 1)
                        rest = _DIGITS_RE.sub("", rest)
                        if not rest or len(rest) <= 2 or self.is_title(rest):
                            return look
        return None

    def imitated_bot(self, username: str | None, name: str | None) -> str | None:
        """A bot handle that this author's names are confusable with (but not equal to)."""
        for handle, skel in self.bot_handles:
            for value in (username, name):
                if not value:
                    continue
                if value.lower().lstrip("@") == handle and value is username:
                    continue  # the bot itself: usernames are unique on the platform
                cand = compact(value)
                if cand == skel or within(cand, skel, typo_budget(skel)):
                    return handle
        return None
