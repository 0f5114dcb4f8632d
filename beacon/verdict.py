"""The analysis verdict: findings with reasons and offsets (never matched secret text), combined."""

from __future__ import annotations

from enum import Enum
from typing import Protocol

from pydantic import Field

from beacon.events import Frozen


class Flag(str, Enum):
    secret = "secret"
    pii = "pii"
    scam = "scam"
    phishing = "phishing"
    impersonation = "impersonation"
    spam = "spam"


class Category(str, Enum):
    deposit_withdrawal = "deposit_withdrawal"
    kyc = "kyc"
    account_security = "account_security"
    trading = "trading"
    api = "api"
    other = "other"


class Urgency(str, Enum):
    critical = "critical"
    high = "high"
    normal = "normal"
    low = "low"


class Span(Frozen):
    start: int
    end: int


class Finding(Frozen):
    """One analyser's observation: why, and where (offsets into the text)."""

    analyser: str
    reason: str  # human-readable, never quotes a secret or PII
    flag: Flag | None = None
    spans: tuple[Span, ...] = ()
    score: float = 1.0
    # Non-sensitive facts for moderators, e.g. {"imitates": "okx_support"}.
    detail: dict[str, str] = Field(default_factory=dict)


class AnalysisInput(Frozen):
    """A message as analysis sees it: text plus who wrote it where."""

    text: str
    platform: str = "telegram"
    chat: str | None = None
    author_id: str | None = None
    author_name: str | None = None
    author_username: str | None = None
    mentions_bot: bool = False


class Verdict(Frozen):
    language: str | None = None
    support_request: bool = False
    category: Category | None = None
    urgency: Urgency | None = None
    flags: tuple[Flag, ...] = ()
    findings: tuple[Finding, ...] = ()

    def has(self, flag: Flag) -> bool:
        return flag in self.flags


class Analyser(Protocol):
    """One independent check. Pure: same input, same findings."""

    name: str

    def analyse(self, message: AnalysisInput) -> list[Finding]: ...
