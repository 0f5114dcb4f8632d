"""The analysis pipeline: language, flag analysers and the support assessor combined into one Verdict."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from beacon.analysis.base import SupportAssessor
from beacon.analysis.language import LanguageDetector, make_detector
from beacon.verdict import Analyser, AnalysisInput, Finding, Flag, Verdict

if TYPE_CHECKING:
    from pathlib import Path

    from beacon.config import Settings

_FLAG_ORDER = {flag: i for i, flag in enumerate(Flag)}
_NO_FLAGS: frozenset[Flag] = frozenset()


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
        return self._finish(message, self.detector.detect(text) if text else None, self._flags(message))

    def analyse_many(self, messages: Sequence[AnalysisInput]) -> list[Verdict]:
        """The verdicts of several messages, the same as ``analyse`` gives one by one, computed stage
        by stage (every language first): each stage's tables and model stay in the CPU's caches, which
        makes a batch of a few hundred messages markedly faster than the same messages one at a time."""
        detect = self.detector.detect
        languages = [detect(m.text) if m.text else None for m in messages]
        found = [self._flags(m) for m in messages]
        return [self._finish(m, lang, f) for m, lang, f in zip(messages, languages, found)]

    def _flags(self, message: AnalysisInput) -> list[Finding]:
        findings: list[Finding] = []
        try:  # one handler for the whole loop (the usual case); a failure reruns it analyser by analyser
            for analyser in self.flag_analysers:
                found = analyser.analyse(message)
                if found:
                    findings += found
            return findings
        except Exception:  # noqa: BLE001 - an analyser bug must not cost the message its verdict
            return self._flags_guarded(message)

    def _flags_guarded(self, message: AnalysisInput) -> list[Finding]:
        findings: list[Finding] = []
        for analyser in self.flag_analysers:
            try:
                findings.extend(analyser.analyse(message))
            except Exception as exc:  # noqa: BLE001
                import logging  # here: only a failure needs it (start-up time)

                logging.getLogger(__name__).exception("analyser %s failed", analyser.name)
                findings.append(Finding.of(analyser=analyser.name, reason=f"analyser failed: {type(exc).__name__}"))
        return findings

    def _finish(self, message: AnalysisInput, language: str | None, findings: list[Finding]) -> Verdict:
        flags = frozenset(f.flag for f in findings if f.flag is not None) if findings else _NO_FLAGS
        assessment = self.support.assess(message, language, flags)
        return Verdict.of(
            language=language,
            support_request=assessment.support_request,
            category=assessment.category,
            urgency=assessment.urgency,
            flags=tuple(sorted(flags, key=_FLAG_ORDER.__getitem__)) if flags else (),
            findings=tuple(findings) + assessment.findings,
        )


def build_pipeline(settings: Settings, *, detector: LanguageDetector | None = None) -> Pipeline:
    """The pipeline a community's settings describe: its detector, the flag analysers (secret,
    pii, scam, phishing, impersonation, spam, from moderation/) and the support assessor (community/)."""
    from beacon.analysis.compiled import stale
    from community.analysis.support import build_support_analyser
    from moderation.analysis import build_flag_analysers

    outdated = stale()
    if outdated:  # an edit after the last build would otherwise be silently ignored
        import logging  # here: only this warning needs it (start-up time)

        logging.getLogger(__name__).warning(
            "compiled module(s) %s are older than their source and run the old code: rebuild them "
            "(`make`, or `python setup.py build_ext --inplace`)", ", ".join(outdated))
    return Pipeline(
        detector=detector or make_detector(settings.analysis.language_detector),
        flag_analysers=build_flag_analysers(settings),
        support=build_support_analyser(settings),
    )


def prebuilt_tables() -> list[tuple[str, Path, bytes, Any]]:
    """(name, file, key, freshly computed table) of every table shipped for start-up time
    (``python -m beacon.analysis.prebuilt`` writes them)."""
    from community.analysis.support import support_terms_table
    from moderation.analysis import lexicon_tables
    from moderation.analysis.bip39 import bip39_table

    return [("BIP-39 index", *bip39_table()), ("support lexicon", *support_terms_table()),
            ("flag lexicons", *lexicon_tables())]
