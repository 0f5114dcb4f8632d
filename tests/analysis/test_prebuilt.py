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


def test_load_or_compute_falls_back_on_a_table_of_another_shape(tmp_path):
    path = tmp_path / "t.marshal"

    def build(table):
        if not isinstance(table, dict):
            raise TypeError("wants a dict")
        return table

    assert prebuilt.load_or_compute(path, b"k", lambda: {"computed": 1}, build) == {"computed": 1}  # missing
    prebuilt.save(path, b"k", {"stored": 1})
    assert prebuilt.load_or_compute(path, b"k", lambda: {"computed": 1}, build) == {"stored": 1}
    assert prebuilt.load_or_compute(path, b"new", lambda: {"computed": 1}, build) == {"computed": 1}  # stale
    prebuilt.save(path, b"k", ["an", "older", "layout"])
    assert prebuilt.load_or_compute(path, b"k", lambda: {"computed": 1}, build) == {"computed": 1}


def test_every_shipped_table_of_another_shape_is_recomputed(monkeypatch, tmp_path):
    """A table file whose key is current but whose layout is not (a hand edit, an older writer) is
    never used: each part computes its table instead."""
    from beacon.verdict import AnalysisInput
    from community.analysis import support
    import moderation.analysis as flag_analysis
    from moderation.analysis import bip39
    from tests.moderation_analysis.conftest import nimbus_settings

    from beacon.analysis.pipeline import build_pipeline

    text = "abandon ability able about above absent absorb abstract absurd abuse access accident, withdrawal stuck"
    expected = build_pipeline(nimbus_settings()).analyse(AnalysisInput(text=text))
    for module, attr, key in [(bip39, "_TABLE_FILE", bip39._table_key()[0]),
                              (support, "_TERMS_FILE", support._terms_key()),
                              (flag_analysis, "_TABLES_FILE", flag_analysis._tables_key())]:
        broken = tmp_path / f"{attr}.marshal"
        prebuilt.save(broken, key, ("not", "the", "layout"))
        monkeypatch.setattr(module, attr, broken)
    assert build_pipeline(nimbus_settings()).analyse(AnalysisInput(text=text)) == expected
