"""Policy evaluation is pure: flags + situation → decision, table by table."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from beacon.adapter import Capabilities
from beacon.verdict import Flag
from moderation.config import FlagPolicy, ModerationConfig, Step, default_policies
from moderation.policy import Channel, Situation, decide

NOW = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)
TELEGRAM = Capabilities(dm_first=False, deep_link_dm=True)
DISCORD = Capabilities(dm_first=True, private_threads=True)
X = Capabilities(dm_first=False, delete=False, ban=False, restrict=False, hide_replies=False)


def situation(*flags: Flag, **kw) -> Situation:
    policies = kw.pop("policies", None) or {f: default_policies()[f] for f in flags}
    return Situation(flags=frozenset(flags), policies=policies, now=NOW, **kw)


# (name, situation, expected fields of the decision)
CASES = [
    ("nothing flagged does nothing", situation(), dict(record=False, delete=False, speak=Channel.none)),
    ("seed phrase, DM closed: delete + one public notice advising a new wallet",
     situation(Flag.secret, capabilities=TELEGRAM, dm_open=None),
     dict(delete=True, speak=Channel.public, notice_flags=frozenset({Flag.secret}), advise_new_wallet=True,
          review=False, warn=False)),
    ("seed phrase, member started the bot: delete + DM",
     situation(Flag.secret, capabilities=TELEGRAM, dm_open=True),
     dict(delete=True, speak=Channel.dm, advise_new_wallet=True)),
    ("seed phrase, member blocked the bot: public notice",
     situation(Flag.secret, capabilities=DISCORD, dm_open=False), dict(delete=True, speak=Channel.public)),
    ("seed phrase on a platform that may DM first: DM, public if refused",
     situation(Flag.secret, capabilities=DISCORD, dm_open=None), dict(delete=True, speak=Channel.dm_or_public)),
    ("seed phrase in a support request: delete, say nothing (the desk's hand-off speaks)",
     situation(Flag.secret, support_request=True, dm_open=True),
     dict(delete=True, speak=Channel.none, advise_new_wallet=False)),
    ("e-mail in a support request: delete, say nothing",
     situation(Flag.pii, support_request=True), dict(delete=True, speak=Channel.none)),
    ("e-mail, not a request: delete + notice naming it",
     situation(Flag.pii), dict(delete=True, speak=Channel.public, notice_flags=frozenset({Flag.pii}),
                               advise_new_wallet=False)),
    ("phishing: delete + review card", situation(Flag.phishing), dict(delete=True, review=True, speak=Channel.none)),
    ("scam and phishing together: one delete, one review", situation(Flag.scam, Flag.phishing),
     dict(delete=True, review=True)),
    ("impersonation: review only, nothing deleted", situation(Flag.impersonation),
     dict(delete=False, review=True, ban=False, speak=Channel.none)),
    ("impersonator joining: review before the first message", situation(Flag.impersonation, is_join=True),
     dict(review=True, delete=False)),
    ("spam first time: delete + warn, no mute", situation(Flag.spam),
     dict(delete=True, warn=True, speak=Channel.public, warn_flags=frozenset({Flag.spam}), mute_minutes=None)),
    ("spam again within the window: mute too",
     situation(Flag.spam, previous={Flag.spam: NOW - timedelta(hours=2)}),
     dict(delete=True, warn=True, mute_minutes=60)),
    ("spam again after the window: no mute",
     situation(Flag.spam, previous={Flag.spam: NOW - timedelta(hours=30)}), dict(mute_minutes=None)),
    ("staff are never auto-deleted, warned or reviewed",
     situation(Flag.phishing, Flag.spam, author_is_staff=True),
     dict(delete=False, review=False, warn=False, speak=Channel.none, record=True)),
    ("staff posting an e-mail: kept, but told privately", situation(Flag.pii, author_is_staff=True, dm_open=True),
     dict(delete=False, speak=Channel.dm)),
    ("no delete right: not deleted, notice still posted", situation(Flag.secret, bot_can_delete=False),
     dict(delete=False, speak=Channel.public)),
    ("rights unknown: try to delete", situation(Flag.secret, bot_can_delete=None), dict(delete=True)),
    ("a platform that cannot delete", situation(Flag.phishing, capabilities=X), dict(delete=False, review=True)),
]


@pytest.mark.parametrize(("situation_", "expected"), [(s, e) for _, s, e in CASES], ids=[n for n, _, _ in CASES])
def test_decision_table(situation_: Situation, expected: dict) -> None:
    decision = decide(situation_)
    for field, value in expected.items():
        assert getattr(decision, field) == value, field


MUTE_BAN = {Flag.spam: FlagPolicy(steps=[Step.delete, Step.mute], mute_minutes=15),
            Flag.scam: FlagPolicy(steps=[Step.ban])}


@pytest.mark.parametrize(
    ("flags", "caps", "can_restrict", "expected"),
    [
        ((Flag.spam,), TELEGRAM, None, dict(mute_minutes=15, ban=False)),
        ((Flag.scam,), TELEGRAM, None, dict(ban=True, mute_minutes=None)),
        ((Flag.spam, Flag.scam), TELEGRAM, None, dict(ban=True, mute_minutes=None)),  # a ban makes a mute moot
        ((Flag.scam,), X, None, dict(ban=False)),
        ((Flag.spam,), TELEGRAM, False, dict(mute_minutes=None)),
    ],
)
def test_mute_and_ban_by_capability_and_rights(flags, caps, can_restrict, expected) -> None:
    decision = decide(situation(*flags, policies={f: MUTE_BAN[f] for f in flags}, capabilities=caps,
                                bot_can_restrict=can_restrict))
    for field, value in expected.items():
        assert getattr(decision, field) == value, field


def test_rules_and_skips_explain_the_decision() -> None:
    decision = decide(situation(Flag.phishing, author_is_staff=True))
    assert decision.rules == ("policy:phishing:delete", "policy:phishing:review")
    assert any("verified staff" in s for s in decision.skipped)


def test_policy_resolution_chat_over_community_over_global_over_default() -> None:
    config = ModerationConfig.model_validate({
        "policies": {"spam": {"steps": ["flag"]}},
        "communities": [{"name": "en", "chats": ["telegram:-1", "telegram:-2"],
                         "policies": {"spam": {"steps": ["review"]}}}],
        "chats": {"telegram:-2": {"policies": {"spam": {"steps": ["ban"]}}}},
    })
    assert config.policy_for(Flag.spam, "telegram", "-9").steps == [Step.flag]
    assert config.policy_for(Flag.spam, "telegram", "-1").steps == [Step.review]
    assert config.policy_for(Flag.spam, "telegram", "-2").steps == [Step.ban]
    assert config.policy_for(Flag.secret, "telegram", "-2").steps == [Step.delete, Step.notify]
    assert config.community_of("telegram", "-1") == "en"
    assert config.community_of("discord", "5") == "default"


def test_a_chat_in_two_communities_is_a_config_error() -> None:
    with pytest.raises(ValueError, match="two communities"):
        ModerationConfig.model_validate({"communities": [{"name": "a", "chats": ["telegram:1"]},
                                                         {"name": "b", "chats": ["telegram:1"]}]})
