"""Public-suffix splitting of host names, offline: tldextract's bundled list and rules, without its imports.

tldextract (a dependency) ships a snapshot of the Public Suffix List and splits hosts with it; importing
it also imports ``requests`` and a file-lock library for its downloader, a fifth of ``beacon analyze``'s
start-up. This module reads the same snapshot file from the installed package and applies the same
algorithm (tldextract 5's ``_extract_netloc`` and ``suffix_index``, private domains included), so the
split is the one tldextract gives (tests/moderation_analysis/test_suffixes.py compares them on every
rule of the list). It never fetches anything and never writes a cache.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import NamedTuple


# tldextract's own parsing of the list: a rule is the first word of a line that starts with a word
# character (after wildcard / exception marks); the private section starts at this marker.
_RULE_RE = re.compile(r"^(?P<suffix>[.*!]*\w[\S]*)", re.UNICODE | re.MULTILINE)
_PRIVATE_MARKER = "// ===BEGIN PRIVATE DOMAINS==="
_IPV4_RE = re.compile(
    r"^(?:(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\.)"
    r"{3}(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$",
    re.ASCII,
)
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.")


class Split(NamedTuple):
    """A host split as tldextract splits it (``suffix`` includes the list's private suffixes)."""

    subdomain: str
    domain: str
    suffix: str


def snapshot_path() -> Path:
    """tldextract's bundled copy of the Public Suffix List, found without importing tldextract."""
    spec = importlib.util.find_spec("tldextract")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("tldextract is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / ".tld_set_snapshot"
    if not path.is_file():
        raise RuntimeError(f"tldextract's public suffix snapshot is missing: {path}")
    return path


def _decode_punycode(label: str) -> str:
    lowered = label.lower()
    if lowered.startswith("xn--"):
        import idna  # here: few hosts are punycode, and its import is start-up time

        try:
            return idna.decode(lowered)
        except (UnicodeError, IndexError):
            pass
    return lowered


def _schemeless(url: str) -> str:
    double_slashes = url.find("//")
    if double_slashes == 0:
        return url[2:]
    if double_slashes < 2 or url[double_slashes - 1] != ":" or not _SCHEME_CHARS.issuperset(url[:double_slashes - 1]):
        return url
    return url[double_slashes + 2:]


def _netloc(url: str) -> str:
    authority = _schemeless(url).partition("/")[0].partition("?")[0].partition("#")[0]
    after_userinfo = authority.rpartition("@")[-1]
    if after_userinfo and after_userinfo[0] == "[":
        before, bracket, _ = after_userinfo.partition("]")
        if bracket:
            return f"{before}]"
    return after_userinfo.partition(":")[0].strip().rstrip(".\u3002\uff0e\uff61")


def _looks_like_ipv6(text: str) -> bool:
    from ipaddress import AddressValueError, IPv6Address

    try:
        IPv6Address(text)
    except AddressValueError:
        return False
    return True


class PublicSuffixList:
    """Splits host names into subdomain, registrable label and public suffix."""

    def __init__(self, text: str | None = None) -> None:
        if text is None:
            text = snapshot_path().read_text(encoding="utf-8")
        public_text, _, private_text = text.partition(_PRIVATE_MARKER)
        # tldextract's trie of labels, flattened: every right-hand part of a rule ("uk", "co.uk", "*.ck",
        # "!www.ck") is a node, keyed by that text, True where a rule ends. Building a dict of strings is
        # a few times faster than building ten thousand node objects.
        nodes: dict[str, bool] = {}
        for rule in _RULE_RE.findall(public_text) + _RULE_RE.findall(private_text):
            dot = rule.find(".")
            while dot != -1:
                nodes.setdefault(rule[dot + 1:], False)
                dot = rule.find(".", dot + 1)
            nodes[rule] = True
        self._nodes = nodes

    def _suffix_index(self, labels: list[str]) -> int | None:
        """Index of the first label of the public suffix, or None when no rule matches."""
        nodes = self._nodes
        suffix_idx = label_idx = len(labels)
        path = ""  # the node reached so far: the labels matched, joined
        for label in reversed(labels):
            decoded = _decode_punycode(label)
            child = f"{decoded}.{path}" if path else decoded
            end = nodes.get(child) if "." not in decoded else None  # a label never holds a dot
            if end is not None:
                label_idx -= 1
                path = child
                if end:
                    suffix_idx = label_idx
                continue
            if (f"*.{path}" if path else "*") in nodes:
                return label_idx if (f"!{child}") in nodes else label_idx - 1
            break
        return None if suffix_idx == len(labels) else suffix_idx

    def split(self, url: str) -> Split:
        """tldextract's ``TLDExtract(include_psl_private_domains=True)(url)``, as (subdomain, domain, suffix)."""
        netloc = _netloc(url).replace("\u3002", ".").replace("\uff0e", ".").replace("\uff61", ".")
        if len(netloc) >= 4 and netloc[0] == "[" and netloc[-1] == "]" and _looks_like_ipv6(netloc[1:-1]):
            return Split("", netloc, "")
        labels = netloc.split(".")
        index = self._suffix_index(labels)
        if index is None:
            if len(labels) == 4 and netloc[:1].isdecimal() and _IPV4_RE.fullmatch(netloc):
                return Split("", netloc, "")
            return Split(".".join(labels[:-1]), labels[-1], "")
        return Split(
            ".".join(labels[:index - 1]) if index >= 2 else "",
            labels[index - 1] if index > 0 else "",
            ".".join(labels[index:]),
        )
