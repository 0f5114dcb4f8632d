"""The analysis pipeline: language, flag analysers and the support assessor combined into one Verdict."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from beacon.analysis.base import SupportAssessor
from beacon.analysis.language import LanguageDetector, make_detector
from beacon.verdict import Analyser, AnalysisInput, Finding, Flag, Verdict

if TYPE_CHECKING:
    from beacon.config import Settings

log = logging.getLogger(__name__)

_FLAG_ORDER = {flag: i for i, flag in enumerate(Flag)}


class Pipeline:
    """Runs every analyser on a message. Pure: the same message always gets the same verdict.

    One failing analyser does not lose the others' findings: its failure becomes a finding."""

    def __init__(
        self,
        detector: LanguageDetector,
        flag_analysers: Sequence[Analyser],
        support: SupportAssessor,
    ) -> None:
        self.detector = detector
        self.flag_analysers = tuple(flag_analysers)
        self.support = support

    def analyse(self, message: AnalysisInput) -> Verdict:
        text = message.text
        language = self.detector.detect(text) if text else None
        findings: list[Finding] = []
        for analyser in self.flag_analysers:
            try:
                findings.extend(analyser.analyse(message))
            except Exception as exc:  # an analyser bug must not cost the message its verdict
                log.exception("analyser %s failed", analyser.name)
                findings.append(Finding(analyser=analyser.name, reason=f"analyser failed: {type(exc).__name__}"))
        flags = frozenset(f.flag for f in findings if f.flag is not None)
        assessment = self.support.assess(message, language, flags)
        return Verdict(
            language=language,
            support_request=assessment.support_request,
            category=assessment.category,
            urgency=assessment.urgency,
            flags=tuple(sorted(flags, key=_FLAG_ORDER.__getitem__)),
            findings=tuple(findings) + assessment.findings,
        )


def build_pipeline(settings: Settings, *, detector: LanguageDetector | None = None) -> Pipeline:
    """The pipeline a community's settings describe: its detector, the flag analysers (secret,
    pii, scam, phishing, impersonation, spam, from moderation/) and the support assessor (community/)."""
    from community.analysis.support import build_support_analyser
    from moderation.analysis import build_flag_analysers

    return Pipeline(
        detector=detector or make_detector(settings.analysis.language_detector),
        flag_analysers=build_flag_analysers(settings),
        support=build_support_analyser(settings),
    )
