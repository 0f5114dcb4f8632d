"""Fixtures: brand settings of invented brands (nothing here is the dev corpus' brand)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from beacon.config import AnalysisConfig, BrandConfig, Settings, StaffMember
from beacon.verdict import AnalysisInput, Analyser
from moderation.analysis import build_flag_analysers


def nimbus_settings(**analysis: object) -> Settings:
    return Settings(
        brand=BrandConfig(name="Nimbus", official_domains=["nimbus.com", "nimbus.help"],
                          bot_usernames=["NimbusHelpBot", "Nimbus_Care"]),
        staff=[
            StaffMember(platform="telegram", user_id="10", display_name="Nimbus Support", username="nimbus_support"),
            StaffMember(platform="telegram", user_id="11", display_name="Leo | Nimbus Admin", username="leo_nimbus"),
            StaffMember(platform="discord", user_id="900", display_name="Nimbus Team", username="nimbus_team"),
        ],
        analysis=AnalysisConfig(allowed_domains=["etherscan.io", "coingecko.com"], **analysis),
    )


def orbita_settings() -> Settings:
    return Settings(
        brand=BrandConfig(name="Orbita Exchange", official_domains=["orbitaex.io"], bot_usernames=["OrbitaBot"]),
        staff=[StaffMember(platform="telegram", user_id="77", display_name="Orbita Helpdesk", username="orbita_desk")],
    )


@pytest.fixture(scope="session")
def analysers() -> list[Analyser]:
    return build_flag_analysers(nimbus_settings())


def run_flags(analysers: list[Analyser], text: str, *, author_id: str = "5000", name: str = "Sam",
              username: str = "sam_t", platform: str = "telegram") -> tuple[set[str], list]:
    msg = AnalysisInput(text=text, platform=platform, author_id=author_id, author_name=name,
                        author_username=username)
    findings = [f for a in analysers for f in a.analyse(msg)]
    return {f.flag.value for f in findings if f.flag}, findings


@pytest.fixture(scope="session")
def flags_of(analysers: list[Analyser]) -> Callable[..., set[str]]:
    def _flags(text: str, **author: str) -> set[str]:
        return run_flags(analysers, text, **author)[0]

    return _flags
