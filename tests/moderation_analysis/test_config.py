"""The analysis config keys this package adds, and that nothing depends on one brand."""

from __future__ import annotations

from beacon.config import AnalysisConfig, BrandConfig, Settings, StaffMember
from moderation.analysis import build_flag_analysers
from tests.moderation_analysis.conftest import nimbus_settings, orbita_settings, run_flags


def test_brand_alias_in_another_script() -> None:
    plain = build_flag_analysers(nimbus_settings())
    aliased = build_flag_analysers(nimbus_settings(brand_aliases=["宁巴斯"]))
    author = {"name": "宁巴斯官方客服", "username": "nb_cn", "author_id": "9000"}
    assert "impersonation" not in run_flags(plain, "大家好", **author)[0]
    assert "impersonation" in run_flags(aliased, "大家好", **author)[0]


def test_official_handles_are_not_third_party_contacts() -> None:
    text = "for withdrawal help contact @nimbus_help_desk"
    assert "scam" in run_flags(build_flag_analysers(nimbus_settings()), text)[0]
    trusted = build_flag_analysers(nimbus_settings(official_handles=["nimbus_help_desk"]))
    assert "scam" not in run_flags(trusted, text)[0]


def test_extra_staff_title() -> None:
    author = {"name": "Nimbus Concierge", "username": "nimbus_concierge", "author_id": "9001"}
    assert not run_flags(build_flag_analysers(nimbus_settings()), "hi", **author)[0]
    titled = build_flag_analysers(nimbus_settings(staff_titles=["concierge"]))
    assert "impersonation" in run_flags(titled, "hi", **author)[0]


def test_extra_shortener() -> None:
    text = "Nimbus support portal: zz.run/abc"
    assert "phishing" not in run_flags(build_flag_analysers(nimbus_settings()), text)[0]
    extra = build_flag_analysers(nimbus_settings(shorteners=["zz.run"]))
    assert "phishing" in run_flags(extra, text)[0]


def test_allowed_domains_and_subdomains_never_phishing() -> None:
    analysers = build_flag_analysers(nimbus_settings())
    for text in ["see https://etherscan.io/address/0x1", "https://status.nimbus.help/", "NIMBUS.COM/promo"]:
        assert "phishing" not in run_flags(analysers, text)[0]


def test_multiword_brand_and_its_domain_label() -> None:
    analysers = build_flag_analysers(orbita_settings())
    assert "phishing" in run_flags(analysers, "new site: orbitaex-login.com")[0]
    assert "phishing" in run_flags(analysers, "Orbita Exchange airdrop at orbitaexchange-airdrop.net")[0]
    assert "phishing" not in run_flags(analysers, "docs at orbitaex.io/api")[0]
    author = {"name": "Orbita Helpdesk", "username": "orbita_desk", "author_id": "77"}
    assert not run_flags(analysers, "hello", **author)[0]
    author = {"name": "Orbita Helpdesk", "username": "orbita_desk_", "author_id": "78"}
    assert "impersonation" in run_flags(analysers, "hello", **author)[0]


def test_staff_member_matched_by_platform_and_id() -> None:
    settings = Settings(
        brand=BrandConfig(name="Nimbus", official_domains=["nimbus.com"]),
        staff=[StaffMember(platform="telegram", user_id="10", display_name="Nimbus Support", username="nimbus_support")],
        analysis=AnalysisConfig(),
    )
    analysers = build_flag_analysers(settings)
    same = {"name": "Nimbus Support", "username": "nimbus_support"}
    assert not run_flags(analysers, "hi", author_id="10", **same)[0]
    assert "impersonation" in run_flags(analysers, "hi", author_id="10", platform="discord", **same)[0]
    assert "impersonation" in run_flags(analysers, "hi", author_id="11", **same)[0]
