"""beacon analyze's pydantic-free reading of brand/staff/analysis gives exactly what the full loader gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from beacon.analysis import quick_settings as qs
from beacon.analysis.sections import AnalysisConfig, BrandConfig, StaffMember
from beacon.config import load_settings

HERE = Path(__file__).parent
SHARED_DEV = HERE.parent.parent.parent / "shared" / "eval" / "dev-config.toml"

RICH = """
[brand]
name = "Orbita Exchange"
official_domains = [" Orbita.IO ", ".orbita.help", ""]
bot_usernames = ["OrbitaBot"]
help_centre_url = "https://orbita.help"

[[staff]]
platform = "telegram"
user_id = 77
display_name = "Orbita Helpdesk"
username = "orbita_desk"
roles = ["agent", "moderator"]
alias = "Nia"
staff_number = "A-7"

[[staff]]
platform = "discord"
user_id = "900000000000000001"

[analysis]
language_detector = "langdetect"
allowed_domains = ["etherscan.io"]
brand_aliases = ["オルビタ"]
official_handles = ["orbita_news"]
staff_titles = ["soporte oficial"]
shorteners = ["sho.rt"]
"""


@pytest.fixture(autouse=True)
def _no_overrides(monkeypatch):
    import os

    for name in list(os.environ):
        if name.lower().startswith("beacon_"):
            monkeypatch.delenv(name)


def _configs(tmp_path: Path) -> list[Path]:
    rich = tmp_path / "rich.toml"
    rich.write_text(RICH, encoding="utf-8")
    minimal = tmp_path / "minimal.toml"
    minimal.write_text('[brand]\nname = "Kite"\n', encoding="utf-8")
    paths = [HERE / "labelled-config.toml", rich, minimal]
    return paths + ([SHARED_DEV] if SHARED_DEV.exists() else [])


def test_same_values_as_the_full_loader(tmp_path):
    for path in _configs(tmp_path):
        quick = qs.quick_analysis_settings(path)
        full = load_settings(path)
        assert quick is not None, path
        assert quick.brand._asdict() == full.brand.model_dump(), path
        assert [s._asdict() for s in quick.staff] == [s.model_dump() for s in full.staff], path
        assert quick.analysis._asdict() == full.analysis.model_dump(), path


def test_fields_match_the_models():
    """A field added to a model must be added to its reading here too (defaults: the test above)."""
    for light, model in ((qs.Brand, BrandConfig), (qs.Staff, StaffMember), (qs.AnalysisOptions, AnalysisConfig)):
        assert light._fields == tuple(model.model_fields), light


@pytest.mark.parametrize("text", [
    '[brand]\nname = "X"\n[database]\nurl = "sqlite://"\n',  # another section: the full loader
    '[brand]\nnmae = "typo"\n',  # unknown key
    '[brand]\nname = 5\n',  # a type a model would reject or convert
    '[brand]\nname = "X"\n[[staff]]\nplatform = "telegram"\n',  # a required key missing
    '[brand]\nname = "X"\n[[staff]]\nplatform = "t"\nuser_id = 1\nroles = ["boss"]\n',
    '[brand]\nname = "X"\n[analysis]\nlanguage_detector = "cld"\n',
    '[brand]\nname = "X"\n[analysis]\nallowed_domains = "a.io"\n',
    'not toml at all [',
])
def test_anything_unusual_goes_to_the_full_loader(tmp_path, text):
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    assert qs.quick_analysis_settings(path) is None


def test_environment_overrides_go_to_the_full_loader(monkeypatch):
    path = HERE / "labelled-config.toml"
    assert qs.quick_analysis_settings(path) is not None
    monkeypatch.setenv("BEACON_ANALYSIS__LANGUAGE_DETECTOR", "langdetect")
    assert qs.quick_analysis_settings(path) is None


def test_config_from_environment_variable(monkeypatch):
    monkeypatch.setenv("BEACON_CONFIG", str(HERE / "labelled-config.toml"))
    quick = qs.quick_analysis_settings()
    assert quick is not None and quick.brand.name == "Kestrel"
    assert qs.quick_analysis_settings(HERE / "missing.toml") is None
