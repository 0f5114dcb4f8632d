"""Links in a message: URLs with or without a scheme, split public-suffix aware, offline."""

from __future__ import annotations

import re
from typing import NamedTuple


from moderation.analysis.suffixes import PublicSuffixList

# Scheme URLs, www. URLs, and bare host names followed by a public suffix ("okx-rewards.xyz/x").
_URL_RE = re.compile(
    r"(?:\b(?:https?|hxxps?)://|\bwww\.)[^\s<>\"'`]+"
    r"|(?<![\w@.\-/])(?:[^\W_][\w\-]{0,62}\.){1,6}[^\W\d_]{2,24}(?![\w@])(?:[/?#:][^\s<>\"'`]*)?"
)
_TRAILING = ".,;:!?)]}>'\"»。，、！？）"
# Bare "name.ext" that is much more often a file than a site (these suffixes are real ccTLDs).
_FILE_LIKE_SUFFIXES = frozenset({"py", "sh", "md", "rs", "pl", "ts", "so", "zip", "mov", "exe", "txt"})
_MAX_HOST_CACHE = 4096


def _may_hold_link(text: str) -> bool:
    """A dot between a word character and a letter ("x.com", "t.me"); sentence ends do not count.
    Checked with str.find because most messages hold a dot or two and no link at all."""
    i = text.find(".")
    last = len(text) - 1
    while i != -1:
        if 0 < i < last and text[i + 1].isalpha() and (text[i - 1].isalnum() or text[i - 1] in "-_"):
            return True
        i = text.find(".", i + 1)
    return False


class Link(NamedTuple):
    """One link: offsets into the text and its host split into subdomain / domain / suffix."""

    start: int
    end: int
    host: str  # lowercase, Unicode (punycode decoded)
    ascii_host: str  # as written, lowercase (punycode kept)
    subdomain: str
    domain: str  # the registrable label: "okx-rewards" in okx-rewards.xyz
    suffix: str
    path: str
    has_scheme: bool
    punycode: bool
    userinfo: str = ""  # "brand.com" in http://brand.com@evil.io/: shown to the eye, not visited

    @property
    def registrable(self) -> str:
        return f"{self.domain}.{self.suffix}" if self.suffix else self.domain

    def under(self, domain: str) -> bool:
        """This link's host is ``domain`` or one of its subdomains."""
        return self.host == domain or self.host.endswith("." + domain) or (
            self.ascii_host == domain or self.ascii_host.endswith("." + domain)
        )


class LinkFinder:
    """Finds links; the public suffix list is the snapshot bundled with tldextract, split by
    ``suffixes.PublicSuffixList`` (tldextract's algorithm, no network, no disk cache)."""

    def __init__(self, suffixes: PublicSuffixList | None = None) -> None:
        self._extract = (suffixes or PublicSuffixList()).split
        self._hosts: dict[str, tuple[str, str, str, str, bool] | None] = {}

    def domain_label(self, domain: str) -> str:
        """The registrable label of a domain: "okx" for www.okx.com."""
        return self._extract(domain).domain

    def find(self, text: str) -> list[Link]:
        if not _may_hold_link(text):
            return []
        links: list[Link] = []
        for m in _URL_RE.finditer(text):
            raw = m.group()
            stripped = raw.rstrip(_TRAILING)
            end = m.start() + len(stripped)
            link = self._parse(stripped, m.start(), end)
            if link is not None:
                links.append(link)
        return links

    def _parse(self, raw: str, start: int, end: int) -> Link | None:
        rest = raw
        has_scheme = "://" in raw[:10]
        if has_scheme:
            rest = raw.split("://", 1)[1]
        host_end = len(rest)
        for sep in "/?#":
            i = rest.find(sep)
            if i != -1:
                host_end = min(host_end, i)
        host, path = rest[:host_end], rest[host_end:]
        userinfo = host.rsplit("@", 1)[0].lower() if "@" in host else ""
        host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".").lower()
        if not host:
            return None
        parts = self._split(host)
        if parts is None:
            return None
        uhost, sub, dom, suffix, puny = parts
        if not suffix and not has_scheme:
            return None
        if not has_scheme and not path and suffix in _FILE_LIKE_SUFFIXES:
            return None
        return Link(start, end, uhost, host, sub, dom, suffix, path, has_scheme, puny, userinfo)

    def _split(self, host: str) -> tuple[str, str, str, str, bool] | None:
        if host in self._hosts:
            return self._hosts[host]
        puny = "xn--" in host
        uhost = host
        if puny:
            import idna  # here: few hosts are punycode, and its import is start-up time

            labels = []
            for label in host.split("."):
                if label.startswith("xn--"):
                    try:
                        label = idna.decode(label)
                    except (idna.IDNAError, UnicodeError, ValueError):
                        pass
                labels.append(label)
            uhost = ".".join(labels)
        try:
            ext = self._extract(uhost)
        except (ValueError, UnicodeError):
            result = None
        else:
            result = (uhost, ext.subdomain, ext.domain, ext.suffix, puny)
        if len(self._hosts) >= _MAX_HOST_CACHE:
            self._hosts.clear()
        self._hosts[host] = result
        return result
