"""Safety alerts: what a flagged message exposes (domains, wallets, impersonators), and when to raise one."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from beacon.verdict import Flag, Verdict

# Why hand-written: three address shapes cover the chains scammers use in these chats (EVM, TRON,
# Bitcoin); the patterns only group sightings, they decide nothing on their own.
_WALLET = re.compile(
    r"(?<![0-9A-Za-z])(?:0x[0-9a-fA-F]{40}|T[1-9A-HJ-NP-Za-km-z]{33}|bc1[02-9ac-hj-np-z]{25,59}"
    r"|[13][1-9A-HJ-NP-Za-km-z]{25,34})(?![0-9A-Za-z])"
)


@dataclass(frozen=True)
class Seen:
    """One thing worth correlating across chats; ``display`` is what moderators read."""

    kind: str  # domain | wallet | impersonator
    value_hash: str
    display: str


def _hash(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()[:40]


def short_wallet(address: str) -> str:
    return f"{address[:6]}…{address[-4:]}"


def sightings(verdict: Verdict, text: str, platform: str, author_id: str, author_label: str) -> list[Seen]:
    """Domains of phishing findings, wallets in scam/phishing messages, and the author if an impersonator."""
    found: dict[str, Seen] = {}
    flags = set(verdict.flags)
    for finding in verdict.findings:
        if finding.flag is Flag.phishing and finding.detail.get("domain"):
            domain = finding.detail["domain"].lower()
            found.setdefault(f"d:{domain}", Seen("domain", _hash("domain", domain), domain))
        if finding.flag is Flag.impersonation:
            imitates = finding.detail.get("imitates")
            label = author_label + (f" (imitates {imitates})" if imitates else "")
            key = f"{platform}:{author_id}"
            found.setdefault(f"i:{key}", Seen("impersonator", _hash("impersonator", key), label))
    if flags & {Flag.scam, Flag.phishing}:
        for m in _WALLET.finditer(text):
            address = m.group()
            norm = address.lower() if address.startswith(("0x", "bc1")) else address
            found.setdefault(f"w:{norm}", Seen("wallet", _hash("wallet", norm), short_wallet(address)))
    return list(found.values())


def bucket(now: datetime, window_minutes: int) -> int:
    return int(now.timestamp() // 60) // window_minutes


def should_alert(chats_in_window: Iterable[str], threshold: int, already_alerted: bool) -> bool:
    return not already_alerted and len(set(chats_in_window)) >= threshold


def alert_text(seen: Seen, chats: Iterable[str], window_minutes: int, brand: str) -> str:
    what = {"domain": f"the scam/phishing domain {seen.display}", "wallet": f"the wallet address {seen.display}",
            "impersonator": f"the impersonator {seen.display}"}[seen.kind]
    listed = sorted(set(chats))
    return (f"🚨 Safety alert: {what} was seen in {len(listed)} chats within {window_minutes} minutes:\n"
            + "\n".join(f" • {c}" for c in listed)
            + f"\nConsider a safety-alert announcement to {brand}'s members.")
