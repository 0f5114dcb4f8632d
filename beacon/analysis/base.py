"""Types the pipeline shares with the analysers that decide support requests, category and urgency."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from beacon.verdict import AnalysisInput, Category, Finding, Flag, Urgency


class SupportAssessment(NamedTuple):  # built once per message: a tuple is the cheapest immutable record
    """Whether a message asks for help with the author's own account, funds, trades or API use."""

    support_request: bool = False
    category: Category | None = None
    urgency: Urgency | None = None
    findings: tuple[Finding, ...] = ()


NOT_A_REQUEST = SupportAssessment()


class SupportAssessor(Protocol):
    """Decides support request, category and urgency; sees the language and the flags already raised
    (a message flagged as a scam offer is an offer of "help", not a request for it)."""

    name: str

    def assess(self, message: AnalysisInput, language: str | None, flags: frozenset[Flag]) -> SupportAssessment: ...
