"""The tables shipped for start-up time are current, and a stale or broken one is never used."""

from __future__ import annotations

from beacon.analysis import prebuilt
from beacon.analysis.pipeline import prebuilt_tables


def test_shipped_tables_are_current():
    """If this fails, the code or the word lists changed: run `python -m beacon.analysis.prebuilt`."""
    for name, path, key, fresh in prebuilt_tables():
        assert prebuilt.load(path, key) == fresh, f"{name} ({path.name}) is stale"


def test_a_stale_or_broken_table_is_ignored(tmp_path):
    path = tmp_path / "t.marshal"
    prebuilt.save(path, b"key", {"a": 1})
    assert prebuilt.load(path, b"key") == {"a": 1}
    assert prebuilt.load(path, b"other key") is None
    path.write_bytes(b"\x00garbage")
    assert prebuilt.load(path, b"key") is None
    assert prebuilt.load(tmp_path / "missing.marshal", b"key") is None


def test_analysis_without_the_tables_gives_the_same_results(monkeypatch, tmp_path):
    from beacon.verdict import AnalysisInput
    from community.analysis import support
    import moderation.analysis as flag_analysis
    from moderation.analysis import bip39
    from tests.moderation_analysis.conftest import nimbus_settings

    from beacon.analysis.pipeline import build_pipeline

    texts = ["my withdrawal is stuck for 6 hours please help", "提币一直没到账", "Вывод завис, помогите",
             "abandon ability able about above absent absorb abstract absurd abuse access accident"]
    with_tables = [build_pipeline(nimbus_settings()).analyse(AnalysisInput(text=t)) for t in texts]
    monkeypatch.setattr(bip39, "_TABLE_FILE", tmp_path / "none.marshal")
    monkeypatch.setattr(support, "_TERMS_FILE", tmp_path / "none.marshal")
    monkeypatch.setattr(flag_analysis, "_TABLES_FILE", tmp_path / "none.marshal")
    without = [build_pipeline(nimbus_settings()).analyse(AnalysisInput(text=t)) for t in texts]
    assert with_tables == without
    assert with_tables[3].has(with_tables[3].flags[0]) and with_tables[0].support_request
