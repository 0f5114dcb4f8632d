"""Pure decisions, table-style: languages, variants, times, targets, approval, keys, copies, edits, retractions."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from announcements import plan
from announcements import texts as tx
from announcements.config import AnnouncementsConfig
from beacon.actions import DeleteMessage, EditMessage, SendDirect, SendFile, SendMessage
from beacon.adapter import Capabilities

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
CONFIG = AnnouncementsConfig(targets=[
    {"name": "official", "language": "en", "chats": [
        {"platform": "telegram", "chat_id": "-1", "language": "zh"}, {"platform": "telegram", "chat_id": "-2"}]},
    {"name": "regional", "chats": [{"platform": "telegram", "chat_id": "-2"},
                                   {"platform": "discord", "chat_id": "55", "language": "ru"}]},
], default_language="en", alert_authors=["@Noah", "telegram:9"])


@pytest.mark.parametrize("code,expected", [
    ("en", "en"), ("zh-hans", "zh"), ("pt_BR", "pt"), ("RU", "ru"), ("", None), (None, None), ("123", None),
    ("english", None), ("fil", "fil"),
])
def test_normalise_lang(code: str | None, expected: str | None) -> None:
    assert plan.normalise_lang(code) == expected


@pytest.mark.parametrize("language,expected", [("zh", "zh"), ("zh-TW", "zh"), ("de", "en"), (None, "en")])
def test_variant_for_falls_back_to_the_default(language: str | None, expected: str) -> None:
    lang, text = plan.variant_for({"en": "hello", "zh": "你好"}, "en", language)
    assert lang == expected and text == {"en": "hello", "zh": "你好"}[expected]


@pytest.mark.parametrize("texts,default,message", [
    ({}, "en", "at least one text"), ({"en": "  "}, "en", "en text is empty"),
    ({"xx1": "a"}, "xx1", "not a language code"), ({"zh": "a"}, "en", "default language"),
    ({"en": "a", "EN": "b"}, "en", "two texts"),
])
def test_check_texts_refuses_with_one_clear_line(texts: dict[str, str], default: str, message: str) -> None:
    with pytest.raises(plan.PlanError, match=message):
        plan.check_texts(texts, default)


@pytest.mark.parametrize("text,expected", [
    ("2026-12-01T02:00Z", datetime(2026, 12, 1, 2, 0, tzinfo=timezone.utc)),
    ("2026-12-01 10:00+08:00", datetime(2026, 12, 1, 2, 0, tzinfo=timezone.utc)),
    ("now", NOW), ("+30m", NOW + timedelta(minutes=30)), ("+2h", NOW + timedelta(hours=2)),
    ("+1d", NOW + timedelta(days=1)),
])
def test_parse_when(text: str, expected: datetime) -> None:
    assert plan.parse_when(text, NOW) == expected


@pytest.mark.parametrize("text", ["2026-12-01T02:00", "tomorrow", "", "+5y", "2026-13-01T00:00Z"])
def test_parse_when_refuses(text: str) -> None:
    with pytest.raises(plan.PlanError):
        plan.parse_when(text, NOW)


@given(st.text(max_size=40))
def test_parse_when_never_crashes_otherwise(text: str) -> None:
    try:
        value = plan.parse_when(text, NOW)
    except plan.PlanError:
        return
    assert value.tzinfo is not None and value.utcoffset() == timedelta(0)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)))
def test_parse_when_reads_what_isoformat_writes(when: datetime) -> None:
    assert plan.parse_when(when.isoformat(), NOW) == when


@pytest.mark.parametrize("text,minutes", [("30m", 30), ("6h", 360), ("1d", 1440), (" 2 H ", 120)])
def test_parse_every(text: str, minutes: int) -> None:
    assert plan.parse_every(text) == minutes


@pytest.mark.parametrize("text", ["0m", "5", "weekly", "-1h"])
def test_parse_every_refuses(text: str) -> None:
    with pytest.raises(plan.PlanError):
        plan.parse_every(text)


def test_next_run_after_stops_at_the_end() -> None:
    until = NOW + timedelta(minutes=90)
    assert plan.next_run_after(NOW, None, None) is None
    assert plan.next_run_after(NOW, 60, until) == NOW + timedelta(minutes=60)
    assert plan.next_run_after(NOW + timedelta(minutes=60), 60, until) is None


def test_resolve_targets_dedupes_and_takes_languages_from_config() -> None:
    admin = [plan.KnownChat("telegram", "-1"), plan.KnownChat("telegram", "-3"),
             plan.KnownChat("telegram", "42", kind="private"), plan.KnownChat("telegram", "-4", kind="channel")]
    spots = plan.resolve_targets(CONFIG, ["official", "regional", "all"], admin)
    by_chat = {(s.platform, s.chat_id): s.language for s in spots}
    assert by_chat == {("telegram", "-1"): "zh", ("telegram", "-2"): "en", ("discord", "55"): "ru",
                       ("telegram", "-3"): "en", ("telegram", "-4"): "en"}
    assert len(spots) == 5  # -2 is in two targets, 42 is a DM: neither counts twice


@pytest.mark.parametrize("rule,state,author,approver,expected", [
    (True, "awaiting_approval", "t:1", "t:1", plan.Approval.self_approval),
    (True, "awaiting_approval", "t:1", "t:2", plan.Approval.approved),
    (False, "awaiting_approval", "t:1", "t:1", plan.Approval.approved),
    (True, "draft", "t:1", "t:2", plan.Approval.approved),
    (True, "sent", "t:1", "t:2", plan.Approval.not_awaiting),
    (True, "scheduled", "t:1", "t:1", plan.Approval.not_awaiting),
])
def test_two_person_rule(rule: bool, state: str, author: str, approver: str, expected: plan.Approval) -> None:
    config = AnnouncementsConfig(require_approval=rule)
    assert plan.decide_approval(config, state, author, approver) is expected


@pytest.mark.parametrize("kind,handles,skips", [
    ("security", {"noah"}, True), ("risk_warning", {"telegram:9"}, True), ("maintenance", {"noah"}, False),
    ("security", {"mia"}, False),
])
def test_only_listed_authors_skip_approval_and_only_for_alerts(kind: str, handles: set[str], skips: bool) -> None:
    author = plan.Actor(key="telegram:x", label="x", handles=frozenset(handles))
    assert plan.may_skip_approval(CONFIG, kind, author) is skips
    assert plan.priority_for(CONFIG, kind) == (CONFIG.alert_priority if kind in ("security", "risk_warning")
                                               else CONFIG.routine_priority)


@given(st.integers(1, 10**9), st.integers(1, 1000), st.sampled_from(["chat", "dm"]),
       st.from_regex(r"-?[0-9]{1,15}", fullmatch=True))
def test_delivery_keys_parse_back(ann_id: int, run: int, audience: str, chat_id: str) -> None:
    spot = plan.Spot("telegram", chat_id, "en", audience=audience)
    key = plan.delivery_key(ann_id, run, spot)
    assert plan.parse_delivery_key(key) == (ann_id, "")
    assert plan.parse_delivery_key(f"{key}/file/del") == (ann_id, "file/del")
    assert len(key) <= 255


@pytest.mark.parametrize("key", ["msg:telegram:1:2:0/handoff", "ann:x:1:telegram:1", "ann:1", "annx:1:1:t:1"])
def test_other_keys_are_not_ours(key: str) -> None:
    assert plan.parse_delivery_key(key) is None


CONTENT = plan.Content(id=7, kind="security", texts={"en": "Beware.", "zh": "注意。"}, default_lang="en", priority=50,
                       pin=True, attachment_path="/tmp/poster.png", attachment_name="poster.png")


def test_plan_copies_languages_pin_attachment_and_dms() -> None:
    spots = [plan.Spot("telegram", "-1", "zh"), plan.Spot("x", "feed", "en"),
             plan.Spot("telegram", "9", "zh", audience="dm")]
    caps = {"telegram": Capabilities(pin=True), "x": Capabilities(pin=False)}
    copies = plan.plan_copies(CONTENT, 2, spots, caps)
    first, second, dm = copies
    assert [type(a) for a in first.actions] == [SendFile, SendMessage]  # the attachment goes first
    assert first.actions[1].text == "🔐 注意。" and first.actions[1].pin and first.has_file
    assert not second.actions[1].pin  # the platform cannot pin
    assert [type(a) for a in dm.actions] == [SendDirect] and not dm.has_file
    assert all(a.priority == 50 for c in copies for a in c.actions)
    assert first.key == "ann:7:2:telegram:-1" and dm.key == "ann:7:2:dm:telegram:9"


def _copy(key: str, state: str, platform: str = "telegram", file: bool = False) -> plan.DeliveredCopy:
    return plan.DeliveredCopy(key=key, platform=platform, chat_id="-1" if state == "sent" else None,
                              message_id="5" if state == "sent" else None, language="zh", audience="chat",
                              state=state, file_chat_id="-1" if file else None, file_message_id="4" if file else None)


def test_plan_edit_and_retract_say_what_they_leave_out() -> None:
    copies = [_copy("a", "sent", file=True), _copy("b", "in_doubt"), _copy("c", "failed"),
              _copy("d", "sent", platform="x")]
    caps = {"x": Capabilities(edit=False, delete=False)}
    edits = plan.plan_edit(CONTENT, 3, copies, caps)
    assert [(a.key, a.text) for a in edits.actions] == [("a/edit3", "🔐 注意。")]
    assert all(isinstance(a, EditMessage) for a in edits.actions)
    assert [why for _, why in edits.skipped] == ["in_doubt", "not delivered (failed)", "platform cannot edit"]
    removal = plan.plan_retract(copies, caps, 50)
    assert [a.key for a in removal.actions] == ["a/del", "a/file/del"]
    assert all(isinstance(a, DeleteMessage) for a in removal.actions)
    assert [(c.key, why) for c, why in removal.skipped] == [
        ("b", "in_doubt: not known whether it was delivered"), ("d", "platform cannot delete")]


def test_alert_texts_defang_domains() -> None:
    texts = plan.alert_texts("domain", "okx-verify.com", ["zh", "de"])
    assert set(texts) == {"en", "zh"}  # no template for de: the default variant covers it
    assert "okx-verify[.]com" in texts["en"] and "okx-verify.com" not in texts["en"]


@pytest.mark.parametrize("words,kinds,unknown", [
    ("security listings", ["security", "listing"], []), ("Безопасность", ["security"], []),
    ("all", ["maintenance", "listing", "event", "market", "security", "risk_warning", "general"], []),
    ("risk_warning, nonsense", ["risk_warning"], ["nonsense"]), ("安全", ["security"], []),
])
def test_parse_kinds(words: str, kinds: list[str], unknown: list[str]) -> None:
    allowed = list(AnnouncementsConfig().subscribable_kinds)
    assert tx.parse_kinds(words, allowed) == (kinds, unknown)


@given(st.text(max_size=80))
def test_parse_kinds_never_crashes(words: str) -> None:
    kinds, _ = tx.parse_kinds(words, ["security", "listing"])
    assert set(kinds) <= {"security", "listing"}


def test_config_refuses_bad_targets() -> None:
    with pytest.raises(ValueError, match="unique"):
        AnnouncementsConfig(targets=[{"name": "a"}, {"name": "a"}])
    with pytest.raises(ValueError, match="default_target"):
        AnnouncementsConfig(default_target="nowhere")
    with pytest.raises(ValueError, match="built in"):
        AnnouncementsConfig(targets=[{"name": "all"}])
    with pytest.raises(ValueError, match="unknown kinds"):
        AnnouncementsConfig(subscribable_kinds=["weather"])
