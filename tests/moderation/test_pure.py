"""Pure helpers: masking, callback data, /verify parsing and answers, allow list, sightings."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given
from hypothesis import strategies as st

from beacon.config import Settings
from beacon.verdict import Finding, Flag, Span, Verdict
from moderation import alerts, allowlist, verify
from moderation.records import make_ref
from moderation.redact import mask
from moderation.texts import CARD_BUTTONS, callback_data, data_kinds, keyboard, member_message, parse_callback
from moderation.config import ModerationConfig

SEED = "abandon ability able about above absent absorb abstract absurd abuse access accident"


def settings() -> Settings:
    return Settings(brand={"name": "Nimbus", "official_domains": ["nimbus.example"]},
                    staff=[{"platform": "telegram", "user_id": "10", "display_name": "Nimbus Support",
                            "username": "nimbus_support"}])


def test_mask_replaces_spans_with_the_kind_and_catches_what_analysis_missed() -> None:
    text = f"my seed {SEED} mail me at ann@example.org uid 55501234 tx 0x{'ab' * 32}"
    start = text.index(SEED)
    finding = Finding(analyser="secret", reason="seed", flag=Flag.secret,
                      spans=(Span(start=start, end=start + len(SEED)),), detail={"kind": "seed_phrase"})
    out = mask(text, [finding])
    assert "abandon" not in out and "ann@example.org" not in out and "55501234" not in out and "abab" not in out
    assert "[seed phrase removed]" in out and "[e-mail removed]" in out


@given(st.text(max_size=300), st.lists(st.tuples(st.integers(-5, 320), st.integers(-5, 320)), max_size=5))
def test_mask_never_crashes_and_removes_every_span(text: str, raw_spans: list[tuple[int, int]]) -> None:
    spans = tuple(Span(start=min(a, b), end=max(a, b)) for a, b in raw_spans)
    out = mask(text, [Finding(analyser="x", reason="r", flag=Flag.secret, spans=spans)])
    assert isinstance(out, str)


def test_callback_data_round_trips_and_fits_64_bytes() -> None:
    ref = make_ref("msg:telegram:-1001234567890:123456:0")
    for row in keyboard(ref):
        for button in row:
            assert button.data is not None and len(button.data.encode()) <= 64
            press = parse_callback(button.data)
            assert press is not None and press.ref == ref
    assert {code for row in CARD_BUTTONS for code, _ in row} == {"dis", "del", "warn", "m1h", "m24h", "ban", "fp"}
    assert parse_callback(callback_data(ref, "ban")).code == "ban"  # type: ignore[union-attr]


@given(st.text(max_size=80))
def test_parse_callback_accepts_only_our_buttons(data: str) -> None:
    press = parse_callback(data)
    if press is not None:
        assert data == callback_data(press.ref, press.code)


def test_refs_are_stable_and_distinct() -> None:
    assert make_ref("a") == make_ref("a")
    assert len({make_ref(f"msg:telegram:-1:{i}:0") for i in range(5000)}) == 5000


def test_member_message_names_the_kind_never_the_data() -> None:
    findings = [Finding(analyser="s", reason="r", flag=Flag.secret, detail={"kind": "seed_phrase"}),
                Finding(analyser="p", reason="r", flag=Flag.pii, detail={"kind": "email"})]
    kinds = data_kinds(findings)
    assert kinds == ["a seed phrase", "an e-mail address"]
    text = member_message(ModerationConfig(), public=True, who_="@ann", chat="Nimbus EN", kinds=kinds,
                          warn_flags=(), advise_new_wallet=True)
    assert "@ann" in text and "a seed phrase and an e-mail address" in text and "new wallet" in text


def test_verify_by_id_by_username_and_lookalike() -> None:
    s = settings()
    assert verify.parse_command("/verify @nimbus_support") == verify.Target(username="nimbus_support")
    assert verify.parse_command("/verify@NimbusBot 10") == verify.Target(user_id="10")
    assert verify.parse_command("/verify") is None
    yes = verify.answer(s, "telegram", verify.Target(user_id="10"), None)
    assert yes.startswith("✅") and "user id 10" in yes
    by_name = verify.answer(s, "telegram", verify.Target(username="NIMBUS_SUPPORT"), None)
    assert by_name.startswith("✅") and "exact username" in by_name
    fake = verify.answer(s, "telegram", verify.Target(user_id="66", display_name="Nimbus Supp0rt"), "nimbus_support")
    assert fake.startswith("❌") and "imitates verified staff member nimbus_support" in fake and "user id 66" in fake
    other_platform = verify.answer(s, "discord", verify.Target(username="nimbus_support"), None)
    assert other_platform.startswith("❌")


@given(st.text(max_size=100))
def test_verify_parser_never_crashes(text: str) -> None:
    verify.parse_command("/verify " + text)


def test_allow_list_drops_covered_findings_and_recomputes_flags() -> None:
    verdict = Verdict(flags=(Flag.phishing, Flag.impersonation), findings=(
        Finding(analyser="phishing", reason="r", flag=Flag.phishing, detail={"domain": "partner-nimbus.io"}),
        Finding(analyser="impersonation", reason="r", flag=Flag.impersonation, detail={"imitates": "x"}),
    ))
    allow = allowlist.AllowList.of([("domain", "partner-nimbus.io")])
    kept = allowlist.respect(verdict, allow, "telegram", "5")
    assert kept.flags == (Flag.impersonation,)
    both = allowlist.respect(verdict, allowlist.AllowList.of([("domain", "partner-nimbus.io"),
                                                              ("account", "telegram:5")]), "telegram", "5")
    assert both.flags == () and both.findings == ()
    assert allowlist.respect(verdict, allowlist.AllowList(), "telegram", "5") is verdict


def test_sightings_group_domains_wallets_and_impersonators() -> None:
    wallet = "0x" + "1f" * 20
    verdict = Verdict(flags=(Flag.scam, Flag.phishing), findings=(
        Finding(analyser="phishing", reason="r", flag=Flag.phishing, detail={"domain": "nimbus-gift.xyz"}),))
    seen = alerts.sightings(verdict, f"send to {wallet} via nimbus-gift.xyz", "telegram", "5", "@x")
    assert {s.kind for s in seen} == {"domain", "wallet"}
    assert any(s.display == "0x1f1f…1f1f" for s in seen)
    chats = ["telegram:1", "telegram:2", "telegram:2"]
    assert not alerts.should_alert(chats, 3, False)
    assert alerts.should_alert([*chats, "discord:9"], 3, False)
    assert not alerts.should_alert([*chats, "discord:9"], 3, True)
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert alerts.bucket(now, 30) == int(now.timestamp() // 60) // 30
