"""Phishing links and impersonating names, one table each, for the invented brand of conftest."""

from __future__ import annotations

import pytest

from tests.moderation_analysis.conftest import run_flags

PHISHING = [
    (True, "go to nimbus-login.net"), (True, "nimbus.io has better fees"), (True, "nimbuss.com is the new one"),
    (True, "https://nimbus.com-login.info/verify"), (True, "Nimbus airdrop: https://bit.ly/nbdrop"),
    (True, "https://nimbus.help.secure-auth.co/login"), (True, "http://nimbus.com@evil-site.com/login"),
    (True, "https://ｎｉｍｂｕｓ.com/login"), (True, "nimbuswallet.app"), (True, "my-nimbus.com"),
    (True, "https://nimbus.pages.dev/claim"), (True, "nimbvs.com/login"), (True, "https://nlmbus.org"),
    (True, "nirnbus.com"), (True, "https://xn--nmbus-2ya.com"),
    (False, "support@nimbus.com answered me"), (False, "https://www.nimbus.com/join?ref=123"),
    (False, "NIMBUS.COM/fees"), (False, "https://web3.nimbus.com/portfolio"), (False, "books.com"),
    (False, "https://x.com/nimbus/status/1"), (False, "https://t.me/NimbusHelpBot"),
    (False, "https://www.youtube.com/watch?v=nimbus123"), (False, "https://coinmarketcap.com/exchanges/nimbus/"),
    (False, "cumulonimbus.org has cloud photos"), (False, "nimble.com"),
]

NAMES = [
    (True, "Nimbus Support ✅", "nimbussupport_official"), (True, "✅ Nimbus | Support", "nimbus__support"),
    (True, "Nimbus Support (Official)", "support_nimbus"), (True, "N1mbus Support", "nimbus_supp"),
    (True, "Nimbus Help Desk", "nimbushelpdesk"), (True, "Nimbus_Care", "Nimbus_Carе"),
    (True, "Nimbus Customer Service", "nimbus_cs"), (True, "Leo | Nimbus Admin", "leo_nimbus_admin"),
    (True, "Leo Nimbus", "leo__nimbus"), (True, "Nimbus Admin", "nimbus_admin_2024"),
    (True, "Nimbus 官方", "nimbusguanfang"), (True, "Nimbus Поддержка", "nimbus_support_ru"),
    (True, "Nimbus Destek", "nimbusdestek"), (True, "Nimbus Hỗ Trợ", "nimbus_hotro"),
    (True, "Nimbus 고객센터", "nimbus_kr_cs"), (True, "Nimbus サポート", "nimbus_jp"),
    (False, "Mike", "mike_trader"), (False, "Nimbus Whale", "nimbuswhale"), (False, "nimbus lover", "nimbus_fan_2021"),
    (False, "Support Hero", "supporthero"), (False, "Cumulonimbus Fan", "cumulonimbus"), (False, "Leo Wallace", "leo_w"),
    (False, "Team Rocket", "team_rocket"), (False, "Limbus", "limbus_k"),
]


@pytest.mark.parametrize(("expected", "text"), PHISHING)
def test_phishing_links(analysers, expected: bool, text: str) -> None:
    got, findings = run_flags(analysers, text)
    assert ("phishing" in got) == expected, [f.reason for f in findings]


@pytest.mark.parametrize(("expected", "name", "username"), NAMES)
def test_impersonating_names(analysers, expected: bool, name: str, username: str) -> None:
    got, findings = run_flags(analysers, "hello", name=name, username=username, author_id="99999")
    assert ("impersonation" in got) == expected, [f.reason for f in findings]
