"""The pipeline: built from settings, flags from moderation's analysers, failures contained."""

from __future__ import annotations

from beacon.analysis.language import make_detector
from beacon.analysis.pipeline import Pipeline, build_pipeline
from beacon.verdict import AnalysisInput, Finding, Flag, Span, Urgency
from community.analysis.support import build_support_analyser


class Boom:
    name = "boom"

    def analyse(self, message: AnalysisInput) -> list[Finding]:
        raise RuntimeError("bug")


class Shouts:
    name = "shouts"

    def analyse(self, message: AnalysisInput) -> list[Finding]:
        return [Finding(analyser=self.name, reason="all caps", flag=Flag.spam, spans=(Span(start=0, end=1),))]


def test_build_pipeline_uses_the_flag_analysers(pipeline):
    names = {a.name for a in pipeline.flag_analysers}
    assert {"secret", "pii", "scam", "phishing", "impersonation", "spam"} <= names


def test_verdict_combines_language_flags_and_support(pipeline):
    v = pipeline.analyse(AnalysisInput(text="someone hacked my account and withdrew everything, my email is "
                                            "ann.x@example.org", author_id="42"))
    assert v.language == "en"
    assert v.support_request and v.urgency is Urgency.critical
    assert Flag.pii in v.flags
    assert any(f.analyser == "support_request" for f in v.findings)


def test_a_failing_analyser_becomes_a_finding(settings):
    p = Pipeline(make_detector("fasttext"), [Boom(), Shouts()], build_support_analyser(settings))
    v = p.analyse(AnalysisInput(text="HELLO my deposit is missing, please check"))
    assert v.flags == (Flag.spam,)
    assert any(f.analyser == "boom" and "RuntimeError" in f.reason for f in v.findings)
    assert v.support_request is False  # flagged as promotion: not a request


def test_langdetect_detector_from_settings(settings):
    s = settings.model_copy(update={"analysis": settings.analysis.model_copy(update={"language_detector":
                                                                                        "langdetect"})})
    p = build_pipeline(s)
    assert p.detector.name == "langdetect"
    assert p.analyse(AnalysisInput(text="Meine Auszahlung hängt seit gestern")).language == "de"


def test_empty_text(pipeline):
    v = pipeline.analyse(AnalysisInput(text=""))
    assert v.language is None and not v.support_request and v.flags == ()
