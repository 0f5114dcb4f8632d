"""The `phishing` flag: links whose registrable domain is not official but poses as the brand."""

from __future__ import annotations

from beacon.verdict import AnalysisInput, Finding, Flag, Span
from moderation.analysis.brand import BrandProfile
from moderation.analysis.features import FeatureCache
from moderation.analysis.links import Link
from moderation.analysis.skeleton import skeleton

_REASONS = {
    "brand": "links to {domain}: the brand's name on a domain that is not official",
    "brand+words": "links to {domain}: the brand's name plus other words, not an official domain",
    "look-alike": "links to {domain}: a look-alike of the brand's name (typo, swapped or look-alike letters)",
    "subdomain": "links to {domain}: the brand's name as a subdomain of an unrelated domain",
    "shortener": "a shortened link ({domain}) in a message that presents itself as the brand",
    "ip": "a link to a bare IP address in a message that presents itself as the brand",
    "userinfo": "links to {domain} behind the brand's name written before an '@' in the address",
}


class PhishingAnalyser:
    """Judges each link's host against the brand profile; official and allowed domains never flag."""

    name = "phishing"

    def __init__(self, cache: FeatureCache, brand: BrandProfile, shorteners: frozenset[str],
                 messengers: frozenset[str]) -> None:
        self._cache = cache
        self._brand = brand
        self._shorteners = shorteners
        self._messengers = messengers

    def analyse(self, message: AnalysisInput) -> list[Finding]:
        f = self._cache.get(message)
        links = f.links
        if not links:
            return []
        findings: list[Finding] = []
        brand_context: bool | None = None
        for link in links:
            kind = self.judge(link)
            if kind is None and (link.registrable in self._shorteners or (link.has_scheme and not link.suffix)):
                if brand_context is None:
                    brand_context = self._brand_context(message)
                if brand_context:
                    kind = "shortener" if link.suffix else "ip"
            if kind is None:
                continue
            shown = link.registrable if link.suffix else "an IP address"
            findings.append(Finding.of(
                analyser=self.name, reason=_REASONS[kind].format(domain=shown), flag=Flag.phishing,
                spans=(Span.at(link.start, link.end),),
                detail={"domain": link.registrable, "kind": kind},
            ))
        return findings

    def judge(self, link: Link) -> str | None:
        """How this link's host poses as the brand, or None when it does not (or is official)."""
        brand = self._brand
        if brand.is_trusted_host(link.host) or brand.is_trusted_host(link.ascii_host):
            return None
        if link.registrable in self._messengers or link.registrable in self._shorteners:
            return None
        if not link.suffix:
            return None
        kind = brand.label_poses(link.domain)
        if kind is not None:
            return kind
        if link.userinfo and any(brand.label_poses(label) for label in link.userinfo.replace(":", ".").split(".")):
            return "userinfo"
        if link.subdomain:
            for label in link.subdomain.split("."):
                if label and brand.label_poses(label) is not None:
                    return "subdomain"
        if link.punycode or not link.host.isascii():
            # An internationalised name whose skeleton is the brand's plus a suffix trick.
            if brand.label_poses(skeleton(link.host).split(".")[0]) is not None:
                return "look-alike"
        return None

    def _brand_context(self, message: AnalysisInput) -> bool:
        """The message or its author presents as the brand (so a hidden link may pose as it)."""
        brand = self._brand
        if brand.mentions_brand(message.text[:2000]):
            return True
        return any(brand.mentions_brand(n) for n in (message.author_name, message.author_username) if n)
