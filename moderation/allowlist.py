"""The per-community allow list fed by "false positive": domains and accounts analysis must not flag again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from beacon.verdict import Finding, Flag, Verdict

DOMAIN, ACCOUNT = "domain", "account"
# The flags whose findings an allow list can lift.
ALLOWABLE = frozenset({Flag.phishing, Flag.impersonation})


@dataclass(frozen=True)
class AllowList:
    """What one community trusts: registrable domains and accounts ("platform:user_id")."""

    domains: frozenset[str] = frozenset()
    accounts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, entries: Iterable[tuple[str, str]]) -> "AllowList":
        domains, accounts = set(), set()
        for kind, value in entries:
            (domains if kind == DOMAIN else accounts).add(value.lower() if kind == DOMAIN else value)
        return cls(frozenset(domains), frozenset(accounts))

    def allows_domain(self, domain: str) -> bool:
        domain = domain.lower().strip(".")
        return any(domain == d or domain.endswith("." + d) for d in self.domains)

    def allows(self, finding: Finding, account: str) -> bool:
        if finding.flag is Flag.phishing and finding.detail.get("domain"):
            return self.allows_domain(finding.detail["domain"])
        if finding.flag is Flag.impersonation:
            return account in self.accounts
        return False


_FLAG_ORDER = {flag: i for i, flag in enumerate(Flag)}


def respect(verdict: Verdict, allow: AllowList, platform: str, author_id: str | None) -> Verdict:
    """The verdict without findings the allow list covers; flags recomputed from what is left."""
    if not allow.domains and not allow.accounts:
        return verdict
    account = f"{platform}:{author_id}"
    kept = tuple(f for f in verdict.findings if not allow.allows(f, account))
    if len(kept) == len(verdict.findings):
        return verdict
    # A flag stays only while some finding still raises it (an analyser may raise it twice).
    flags = {f.flag for f in kept if f.flag is not None}
    return verdict.model_copy(update={
        "findings": kept,
        "flags": tuple(sorted((f for f in verdict.flags if f in flags), key=_FLAG_ORDER.__getitem__)),
    })


def entries_from_case(facts: dict, platform: str, author_id: str, flags: Iterable[str]) -> list[tuple[str, str]]:
    """What "false positive" on a case adds: its phishing domains, and the author when flagged as impersonator."""
    entries = [(DOMAIN, d) for d in facts.get("domains", [])]
    if Flag.impersonation.value in flags:
        entries.append((ACCOUNT, f"{platform}:{author_id}"))
    return entries
