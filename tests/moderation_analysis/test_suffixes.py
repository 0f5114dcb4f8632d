"""moderation.analysis.suffixes splits hosts exactly as tldextract does with the same bundled list."""

from __future__ import annotations

import random

import pytest
import tldextract

from moderation.analysis.suffixes import PublicSuffixList, snapshot_path
from moderation.analysis.suffixes import _RULE_RE as RULE_RE


@pytest.fixture(scope="module")
def ours() -> PublicSuffixList:
    return PublicSuffixList()


@pytest.fixture(scope="module")
def reference() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def _hosts() -> list[str]:
    rules = RULE_RE.findall(snapshot_path().read_text(encoding="utf-8"))
    rng = random.Random(7)
    hosts = []
    for rule in rules:  # every rule of the list, bare and under one or two labels
        base = rule.lstrip("!").replace("*", rng.choice(["x", "www", "a1"]))
        hosts += [base, f"brand.{base}", f"a.b-c.{base}", base.upper()]
    hosts += [
        "okx.com", "www.okx.com", "okx.com.account-secure.io", "bit.ly", "t.me", "github.io", "user.github.io",
        "192.168.0.1", "256.1.1.1", "1.2.3", "10.0.0.1.5", "[::1]", "[2001:db8::1]", "[nope]", "localhost",
        "xn--80ak6aa92e.com", "xn--bcher-kva.example", "xn--zz", "пример.рф", "例子.中国", "a。b．c｡com",
        "okx.com.", "", ".", "..", "a..com", "www.city.kawasaki.jp", "city.kawasaki.jp", "x.kawasaki.jp",
        "www.ck", "a.www.ck", "foo.ck", "https://user:pw@www.okx.com:443/path?q#f", "//okx.com/x",
        "okx.com@evil.io", "0kx-cn.com", "ＯＫＸ.com", "a.b.c.d.e.f.co.uk", "co.uk", "uk", "*.ck",
    ]
    return hosts


def test_same_split_as_tldextract(ours, reference) -> None:
    hosts = _hosts()
    assert len(hosts) > 35_000
    mismatches = []
    for host in hosts:
        ref = reference(host)
        got = ours.split(host)
        if (got.subdomain, got.domain, got.suffix) != (ref.subdomain, ref.domain, ref.suffix):
            mismatches.append((host, got, (ref.subdomain, ref.domain, ref.suffix)))
    assert not mismatches, mismatches[:10]
