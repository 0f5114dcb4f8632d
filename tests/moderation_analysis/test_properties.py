"""Property tests: any text, any names, huge inputs — no crash, spans in bounds, no secret or PII echoed."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mnemonic import Mnemonic

from beacon.verdict import AnalysisInput

_SECRETS = st.sampled_from([
    "my password is Tr0ub4dor&3",
    "email me: someone.private@example.org",
    "call +7 916 123-45-67 please",
    "secretKey: 9F2A6B1C0D3E4F5A6B7C8D9E0F1A2B3C",
    "private key a3f1c9e07b2d4c5e8f9a0b1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f6",
])
_SENSITIVE = ("Tr0ub4dor&3", "someone.private@example.org", "916 123-45-67", "9F2A6B1C0D3E4F5A6B7C8D9E0F1A2B3C",
              "a3f1c9e07b2d4c5e8f9a0b1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f6")
_NAMES = st.one_of(st.none(), st.text(max_size=40))


def _check(analysers, msg: AnalysisInput) -> list:
    findings = [f for a in analysers for f in a.analyse(msg)]
    for f in findings:
        for span in f.spans:
            assert 0 <= span.start <= span.end <= len(msg.text)
    return findings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400), name=_NAMES, username=_NAMES, author_id=st.one_of(st.none(), st.text(max_size=12)),
       platform=st.sampled_from(["telegram", "discord", "x", ""]))
def test_arbitrary_unicode_never_crashes(analysers, text, name, username, author_id, platform) -> None:
    _check(analysers, AnalysisInput(text=text, author_name=name, author_username=username, author_id=author_id,
                                    platform=platform))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.text(max_size=60), secret=_SECRETS, suffix=st.text(max_size=60))
def test_findings_never_contain_the_secret(analysers, prefix, secret, suffix) -> None:
    findings = _check(analysers, AnalysisInput(text=f"{prefix} {secret} {suffix}"))
    dumped = json.dumps([f.model_dump(mode="json", exclude={"spans"}) for f in findings], ensure_ascii=False)
    for sensitive in _SENSITIVE:
        assert sensitive not in dumped


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_seed_phrase_never_echoed(analysers, data) -> None:
    lang = data.draw(st.sampled_from(sorted(Mnemonic.list_languages())))
    phrase = Mnemonic(lang).generate(128)
    prefix = data.draw(st.text(max_size=30))
    findings = _check(analysers, AnalysisInput(text=f"{prefix} {phrase}"))
    dumped = json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False)
    words = phrase.replace("\u3000", " ").split()
    # No three consecutive words of the phrase (single words may coincide with reason wording).
    for i in range(len(words) - 2):
        assert " ".join(words[i:i + 3]) not in dumped


def test_one_megabyte_texts(analysers) -> None:
    words = Mnemonic("english").wordlist
    samples = [
        "a" * 1_000_000,
        ("abc.def " * 130_000)[:1_000_000],
        ("x" * 63 + ".") * 15_000,
        " ".join(words[i % 2048] for i in range(140_000))[:1_000_000],
        ("0123456789" * 100_000),
        ("+1 (415) 555-2671 " * 60_000)[:1_000_000],
        ("@" + "a" * 30 + " ") * 30_000,
        ("🔥" * 500_000),
        ("https://nimbus-login.xyz/" + "a" * 50 + " ") * 12_000,
        ("私钥 " + "ab" * 32 + " ") * 14_000,
    ]
    for text in samples:
        _check(analysers, AnalysisInput(text=text, author_name="Nimbus Support", author_username="x" * 64))


def test_empty_and_whitespace(analysers) -> None:
    for text in ["", " ", "\n\n", "\u200b", "\x00"]:
        assert _check(analysers, AnalysisInput(text=text)) == []
