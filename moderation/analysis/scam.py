"""The `scam` flag: fake support, requests for secrets or remote access, giveaways, recovery agents."""

from __future__ import annotations

import re
from collections.abc import Callable

from beacon.verdict import AnalysisInput, Finding, Flag, Span
from moderation.analysis.brand import BrandProfile
from moderation.analysis.features import FeatureCache, MessageFeatures
from moderation.analysis.lexicon import Hit
from moderation.analysis.phishing import PhishingAnalyser

_HANDLE_RE = re.compile(r"(?<![\w@.])@([A-Za-z][\w.]{3,31}[A-Za-z0-9_])")

_SECRET_CATS = ("scam.seed", "scam.secret")
_NEAR_CHARS = 25  # "send me your UID and the code" — the request and its object are this close
# An amount: "$500", "0.5 ETH", "1000 USDT", "2 BTC", "300$".
_AMOUNT_RE = re.compile(r"[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:k\b)?\s?(?:[$€£¥]|[A-Z]{2,6}\b|usd\w*|btc|eth|bnb|sol|trx)")

# Every category a scam rule starts from; a message with none of them costs one set test.
_TRIGGERS = (
    "scam.private", "scam.ask", "scam.remote", "scam.send", "scam.free", "scam.drain", "scam.guarantee",
    "scam.recovery", "scam.threat", "scam.selfclaim", "scam.pitch",
)
# A rule: features and "the message warns about scams" → (reason, spans) or None.
Rule = Callable[[MessageFeatures, bool], "tuple[str, list[Span]] | None"]


class ScamAnalyser:
    """Rules that each need two or more agreeing signals, vetoed by warnings and negation."""

    name = "scam"

    def __init__(self, cache: FeatureCache, brand: BrandProfile, phishing: PhishingAnalyser) -> None:
        self._cache = cache
        self._brand = brand
        self._phishing = phishing
        # (alternative sets of categories that must all be present, rule)
        self._rules: tuple[tuple[tuple[frozenset[str], ...], Rule], ...] = tuple(
            (tuple(frozenset(n) for n in needed), rule) for needed, rule in (
                ((("scam.selfclaim",), ("scam.private",)), self._fake_support),
                ((("scam.ask", "scam.seed"), ("scam.ask", "scam.secret")), self._secret_request),
                ((("scam.remote",),), self._remote_access),
                ((("scam.send", "scam.back"),), self._doubling),
                ((("scam.drain",), ("scam.free",)), self._free_claim),
                ((("scam.guarantee",),), self._guaranteed),
                ((("scam.recovery",),), self._recovery),
                ((("scam.pitch",),), self._pitchman),
                ((("scam.threat",),), self._threat_link),
            )
        )
        # With every category a rule may start from, so most rules are ruled out by one set test.
        self._rule_index = tuple((frozenset().union(*alternatives), alternatives, rule)
                                 for alternatives, rule in self._rules)

    def analyse(self, message: AnalysisInput) -> list[Finding]:
        f = self._cache.get(message)
        hits = f.hits
        keys = hits.found.keys()  # trigger categories only: context is matched on demand
        if keys.isdisjoint(_TRIGGERS) and "@" not in f.text:
            return []
        # Only the rules whose own signals are all present run, in their declared order (so the
        # reason given is the same on every run); the handle rule needs a handle.
        rules = [rule for cats, alternatives, rule in self._rule_index
                 if not keys.isdisjoint(cats) and any(keys >= needed for needed in alternatives)]
        handles = "@" in f.text or "t.me" in f.lower
        if handles and self._handle_contact not in rules:
            rules.append(self._handle_contact)
        elif not handles and self._handle_contact in rules:
            rules.remove(self._handle_contact)
        if not rules or self._brand.is_staff(message.platform, message.author_id):
            return []
        warned = genuine_warning(f)
        for rule in rules:
            found = rule(f, warned)
            if found is not None:
                reason, spans = found
                return [Finding.of(analyser=self.name, reason=reason, flag=Flag.scam, spans=tuple(spans),
                                detail={"rule": rule.__name__.lstrip("_")})]
        return []

    # ---- helpers ------------------------------------------------------------------------------
    def _spans(self, f: MessageFeatures, *categories: str) -> list[Span]:
        spans = []
        for c in categories:
            for hit in f.hits.get(c)[:1]:
                spans.append(f.offsets.span(hit))
        return spans

    def _clause_of(self, f: MessageFeatures, hit: Hit) -> tuple[int, int]:
        pos = f.offsets.char_start(hit)
        for start, end in f.clauses:
            if start <= pos < end:
                return start, end
        return 0, len(f.text)

    def _in_clause(self, f: MessageFeatures, clause: tuple[int, int], *categories: str) -> bool:
        start, end = clause
        for c in categories:
            for hit in f.hits.get(c):
                if start <= f.offsets.char_start(hit) < end:
                    return True
        return False

    def _negated(self, f: MessageFeatures, clause: tuple[int, int]) -> bool:
        """A negation in the clause that is not part of another phrase ("no privado", "not even")."""
        start, end = clause
        phrases = [h for c, hs in f.hits.all().items() if c != "neg" for h in hs if h.end - h.start > 1]
        for hit in f.hits.get("neg"):
            if start <= f.offsets.char_start(hit) < end and not _within_any(hit, phrases):
                return True
        return False

    def _near(self, f: MessageFeatures, hit: Hit, categories: tuple[str, ...]) -> bool:
        """A hit of one of ``categories`` within a few words of ``hit`` (before or after: verbs
        come last in Korean, Japanese, Turkish, Persian, Hindi)."""
        a = f.offsets.span(hit)
        for c in categories:
            for other in f.hits.get(c):
                b = f.offsets.span(other)
                if max(a.start, b.start) - min(a.end, b.end) <= _NEAR_CHARS:
                    return True
        return False

    def _clean_hit(self, f: MessageFeatures, category: str, *needed: str, inside: tuple[str, ...] = (),
                   near: tuple[str, ...] = ()) -> Hit | None:
        """A hit of ``category`` whose clause also holds each of ``needed`` and no negation.
        Hits lying within a hit of an ``inside`` category are part of that phrase and skipped;
        with ``near``, a hit of those categories must be close by."""
        for hit in f.hits.get(category):
            if inside and _within_any(hit, [h for c in inside for h in f.hits.get(c)]):
                continue
            if near and not self._near(f, hit, near):
                continue
            clause = self._clause_of(f, hit)
            if self._negated(f, clause):
                continue
            if all(self._in_clause(f, clause, n) for n in needed):
                return hit
        return None

    def _untrusted_links(self, f: MessageFeatures) -> list[Span]:
        brand = self._brand
        return [Span.at(link.start, link.end) for link in f.links
                if not (brand.is_trusted_host(link.host) or brand.is_trusted_host(link.ascii_host))]

    def _foreign_handles(self, f: MessageFeatures) -> list[tuple[str, Span]]:
        """@handles and t.me/handles that are not the brand's own accounts."""
        found = []
        official = self._brand.handles
        if "@" in f.text:
            for m in _HANDLE_RE.finditer(f.text):
                if m.group(1).lower() not in official:
                    found.append((m.group(1), Span.at(m.start(), m.end())))
        for link in f.links:
            if link.registrable in ("t.me", "telegram.me") and link.path:
                handle = link.path.strip("/").split("/")[0].split("?")[0]
                if handle and handle.lower() not in official:
                    found.append((handle, Span.at(link.start, link.end)))
        return found

    # ---- rules (each returns a reason and spans, or None) --------------------------------------
    def _fake_support(self, f: MessageFeatures, warned: bool):
        hits = f.hits
        if warned:
            return None
        if "scam.selfclaim" in hits and hits.any("scam.ask", "scam.help", "scam.private"):
            claim = self._clean_hit(f, "scam.selfclaim")
            if claim is not None:
                return ("claims to be staff and asks the user for details or a private chat (fake support)",
                        [f.offsets.span(claim), *self._spans(f, "scam.ask", "scam.private")])
        if "scam.private" not in hits:
            return None
        hit = self._clean_hit(f, "scam.private")
        if hit is None:
            return None
        m = f.message
        poses = any(self._brand.mentions_brand(n) and self._brand.has_title(n)
                    for n in (m.author_name, m.author_username) if n)
        # A bare "official" or "admin" is not a claim ("DM me the official link"): it needs an
        # offer of help or an account topic next to it, as the offer of help needs a topic.
        helps = "scam.help" in hits
        if poses or (hits.any("scam.staff", "scam.help") and "scam.topic" in hits) or (
            "scam.staff" in hits and helps
        ):
            return ("offers support or help in private messages (fake support)",
                    [f.offsets.span(hit), *self._spans(f, "scam.staff", "scam.help")])
        return None

    def _secret_request(self, f: MessageFeatures, warned: bool):
        hits = f.hits
        if warned or "scam.ask" not in hits or not hits.any("scam.seed", "scam.secret"):
            return None
        if "scam.seed" in hits:
            hit = self._clean_hit(f, "scam.ask", "scam.seed", "scam.your", inside=_SECRET_CATS, near=("scam.seed",))
            if hit is not None:
                return "asks for a seed phrase or private key", [f.offsets.span(hit), *self._spans(f, "scam.seed")]
        hit = self._clean_hit(f, "scam.ask", "scam.secret", "scam.me", inside=_SECRET_CATS, near=_SECRET_CATS)
        if hit is None and (self._untrusted_links(f) or hits.any("scam.private", "scam.selfclaim")):
            hit = self._clean_hit(f, "scam.ask", "scam.secret", "scam.your", inside=_SECRET_CATS, near=_SECRET_CATS)
        if hit is None and "scam.selfclaim" in hits:
            # Japanese, Korean, Chinese… drop pronouns: "support here, send the key by DM" names no "your".
            hit = self._clean_hit(f, "scam.ask", "scam.secret", inside=_SECRET_CATS, near=_SECRET_CATS)
        if hit is not None:
            return ("asks for a password, verification code or key",
                    [f.offsets.span(hit), *self._spans(f, "scam.secret")])
        return None

    def _remote_access(self, f: MessageFeatures, warned: bool):
        if warned or "scam.remote" not in f.hits:
            return None
        # Asked of the reader ("install AnyDesk and send me the ID"), not told ("I use AnyDesk").
        for needed in ("scam.your", "scam.me"):
            hit = self._clean_hit(f, "scam.remote", needed)
            if hit is not None:
                return "asks for remote access to the user's device", [f.offsets.span(hit)]
        return None

    def _doubling(self, f: MessageFeatures, warned: bool):
        hits = f.hits
        if warned or not hits.any("scam.send") or "scam.back" not in hits:
            return None
        # "Don't send to anyone promising to double it" is advice, not an offer.
        if self._clean_hit(f, "scam.send") is None:
            return None
        send_at = min(f.offsets.char_start(h) for h in hits.get("scam.send"))
        back_at = max(f.offsets.char_start(h) for h in hits.get("scam.back"))
        # "double check" / "double-check" is care, not a multiplier.
        doubling = [t for i, t in enumerate(f.tokens) if t in ("double", "doubled", "2x", "x2")
                    and not (t == "double" and i + 1 < len(f.tokens) and f.tokens[i + 1].startswith("check"))]
        if back_at > send_at and (len(_AMOUNT_RE.findall(f.text)) >= 2 or doubling):
            return ("promises to send back more than is sent (giveaway / doubling)",
                    self._spans(f, "scam.send", "scam.back"))
        return None

    def _free_claim(self, f: MessageFeatures, warned: bool):
        hits = f.hits
        if warned:
            return None
        links = self._untrusted_links(f)
        if "scam.drain" in hits and links:
            return "asks to connect or verify a wallet on an unofficial site", [*self._spans(f, "scam.drain"), *links[:1]]
        if "scam.free" in hits and hits.any("scam.claim", "scam.send", "scam.drain") and (
            links or "scam.private" in hits or self._foreign_handles(f)
        ):
            return ("free tokens / airdrop to claim through a link or contact",
                    [*self._spans(f, "scam.free", "scam.claim"), *links[:1]])
        return None

    def _guaranteed(self, f: MessageFeatures, warned: bool):
        if warned or "scam.guarantee" not in f.hits:
            return None
        hit = self._clean_hit(f, "scam.guarantee")
        if hit is not None:
            return "promises guaranteed or risk-free returns", [f.offsets.span(hit)]
        return None

    def _recovery(self, f: MessageFeatures, warned: bool):
        hits = f.hits
        if warned or "scam.recovery" not in hits:
            return None
        handles = self._foreign_handles(f)
        if handles or hits.any("scam.private", "scam.fee"):
            return ("advertises a fund-recovery service or contact",
                    [*self._spans(f, "scam.recovery"), *[s for _, s in handles[:1]]])
        return None

    def _pitchman(self, f: MessageFeatures, warned: bool):
        hits = f.hits
        if warned or "scam.pitch" not in hits:
            return None
        # "Contact Mrs. X, my account manager, she is legit": an investment "manager" or a testimonial
        # that sends the reader to a private contact.
        handles = self._foreign_handles(f)
        if handles or hits.any("scam.private", "spam.cta") or "whatsapp" in f.lower:
            hit = self._clean_hit(f, "scam.pitch")
            if hit is not None:
                return ("promotes an investment manager or testimonial contact",
                        [f.offsets.span(hit), *[s for _, s in handles[:1]]])
        return None

    def _threat_link(self, f: MessageFeatures, warned: bool):
        hits = f.hits
        if warned or "scam.threat" not in hits or "scam.your" not in hits:
            return None
        links = [link for link in f.links if not self._brand.is_trusted_host(link.host)]
        lure = hits.any("scam.claim", "scam.drain") or any(self._phishing.judge(link) for link in links)
        if (links and lure) or "scam.private" in hits or self._foreign_handles(f):
            spans = [Span.at(link.start, link.end) for link in links[:1]]
            return ("threatens the account and sends the user to an unofficial link or contact",
                    [*self._spans(f, "scam.threat"), *spans])
        return None

    def _handle_contact(self, f: MessageFeatures, warned: bool):
        if warned:
            return None
        handles = self._foreign_handles(f)
        if not handles:
            return None
        hits = f.hits
        brand = self._brand
        for handle, span in handles:
            poses = brand.mentions_brand(handle) and (brand.has_title(handle) or _affixed(brand, handle))
            if poses and hits.any("scam.contact", "scam.help", "scam.recovery", "scam.staff", "scam.private"):
                return "points users to an unofficial account posing as the brand", [span]
            if hits.any("scam.contact") and hits.any("scam.help", "scam.recovery", "scam.staff"):
                return "points users to a third-party account for support or recovery", [span]
        return None


def _within_any(hit: Hit, others: list[Hit]) -> bool:
    return any(o.by_token == hit.by_token and o.start <= hit.start and hit.end <= o.end and o != hit
               for o in others)


def _affixed(brand: BrandProfile, handle: str) -> bool:
    return brand.label_poses(handle.replace("_", "-").replace(".", "-")) in ("brand+words", "look-alike")


def genuine_warning(f: MessageFeatures) -> bool:
    """A warning word that is not part of a longer phrase of another kind ("legit" in "she is legit",
    "scam" in "no scam" are sales talk, not warnings)."""
    found = f.hits.found
    warns = found.get("warn")
    if not warns:
        return False
    others = [h for c, hs in found.items() if c != "warn" for h in hs]
    return any(not any(o.by_token == w.by_token and o.start <= w.start and w.end <= o.end
                       and o.end - o.start > w.end - w.start for o in others) for w in warns)
