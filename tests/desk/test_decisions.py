"""Pure decision logic of the desk, table-style: hand-off plans, parsing, routing, SLA, evidence, redaction."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beacon.adapter import Capabilities
from beacon.config import Settings
from beacon.events import Attachment
from beacon.verdict import Finding, Flag, Span, Verdict
from community.config import BusinessHours, EvidenceConfig, SlaTarget, TeamConfig
from community.desk import (
    ButtonData,
    PublicReply,
    Verb,
    case_usable,
    evidence_path,
    evidence_problem,
    first_supported,
    parse_button,
    parse_command,
    plan_handoff,
    queue_position,
)
from community.i18n import default_texts
from community.links import PAYLOAD_RE, payload_for
from community.models import HandoffCase, Ticket
from community.redact import mask_secrets, redact, removed_kinds
from community.routing import choose_team, fallback_chats, next_assignee, route
from community.sla import add_working_time, due_dates

UTC = timezone.utc
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # a Friday
TELEGRAM = Capabilities(dm_first=False, deep_link_dm=True)
DISCORD = Capabilities(dm_first=True, deep_link_dm=False, private_threads=True)
X = Capabilities(dm_first=False, deep_link_dm=False, url_buttons=False)


def case(chat: str = "g1", ticket_id: int | None = None) -> HandoffCase:
    return HandoffCase(payload="cX", event_key="k", platform="telegram", user_id="42", chat_id=chat, message_id="1",
                       created_at=NOW, expires_at=NOW + timedelta(hours=1), ticket_id=ticket_id)


@pytest.mark.parametrize(
    "caps, dm_open, kinds, can_delete, reuse, same_chat, public, dm_now, open_now",
    [
        # never started the bot on Telegram: only the public button
        (TELEGRAM, None, [], False, None, False, PublicReply.link, False, False),
        (TELEGRAM, False, [], False, None, False, PublicReply.link, False, False),
        # started it: public reply says a DM is waiting, the DM goes out and the ticket opens now
        (TELEGRAM, True, [], False, None, False, PublicReply.dm_sent, True, True),
        # a repeat in the same chat within the window: nothing public
        (TELEGRAM, None, [], False, case(), True, PublicReply.none, False, False),
        # a repeat in another chat: a public reply with the same case
        (TELEGRAM, None, [], False, case(), False, PublicReply.link, False, False),
        # private data: the notice names the kind, even on a repeat (the message vanished)
        (TELEGRAM, None, ["email"], True, None, False, PublicReply.removed, False, False),
        (TELEGRAM, None, ["seed_phrase"], True, case(), True, PublicReply.removed, False, False),
        (TELEGRAM, None, ["email"], False, None, False, PublicReply.exposed, False, False),
        # a repeat whose case already has a ticket does not open another
        (TELEGRAM, True, [], False, case(ticket_id=3), False, PublicReply.dm_sent, True, False),
        # Discord-like: bots may write first unless the member refused; not known to be open yet,
        # so the public reply does not claim the DM arrived
        (DISCORD, None, [], False, None, False, PublicReply.dm_trying, True, True),
        (DISCORD, True, [], False, None, False, PublicReply.dm_sent, True, True),
        # known to refuse DMs, private threads exist: a thread (and the ticket) at once, no DM attempt
        (DISCORD, False, [], False, None, False, PublicReply.thread, False, True),
        (DISCORD, False, ["email"], True, None, False, PublicReply.removed, False, True),
        (DISCORD, False, [], False, case(ticket_id=3), True, PublicReply.none, False, False),
        # X-like: no deep links, DMs closed until the member opens them
        (X, None, [], False, None, False, PublicReply.ask_dm, False, False),
    ],
)
def test_handoff_plan(caps, dm_open, kinds, can_delete, reuse, same_chat, public, dm_now, open_now) -> None:
    plan = plan_handoff(caps=caps, dm_open=dm_open, kinds=kinds, can_delete=can_delete, reuse=reuse,
                        same_chat=same_chat, critical=False)
    assert (plan.public, plan.dm_now, plan.open_ticket_now) == (public, dm_now, open_now)
    assert plan.with_link == caps.deep_link_dm
    assert plan.thread_now == (open_now and not dm_now)  # a thread only where no DM goes out


@pytest.mark.parametrize("reuse, page", [(None, True), (case(), False)])
def test_critical_pages_once_per_case(reuse, page) -> None:
    plan = plan_handoff(caps=TELEGRAM, dm_open=None, kinds=[], can_delete=False, reuse=reuse, same_chat=True,
                        critical=True)
    assert plan.page_security is page


@pytest.mark.parametrize(
    "text, name, arg",
    [("/faq withdrawal pending", "faq", "withdrawal pending"), ("/FAQ@AcmeHelpBot  提币 ", "faq", "提币"),
     ("/status", "status", ""), ("/feedback add dark mode\nplease", "feedback", "add dark mode\nplease"),
     ("/whatever", "help", ""), ("/lang ru", "lang", "ru"), ("/cancel", "cancel", "")],
)
def test_parse_command(text, name, arg) -> None:
    command = parse_command(text)
    assert command is not None and (command.name, command.arg) == (name, arg)


@pytest.mark.parametrize("text", ["hello", "", "/ ", "//x", "/" + "a" * 40])
def test_not_commands(text) -> None:
    assert parse_command(text) is None


@pytest.mark.parametrize(
    "data, expected",
    [("dk:cat:12:kyc", ButtonData(Verb.category, 12, "kyc")), ("dk:urg:3:critical", ButtonData(Verb.urgency, 3,
                                                                                                "critical")),
     ("dk:claim:9", ButtonData(Verb.claim, 9)), ("dk:kb:0:deposit-delays", ButtonData(Verb.article, 0,
                                                                                      "deposit-delays")),
     ("dk:cat:12:nonsense", None), ("dk:urg:1:panic", None), ("dk:zap:1", None), ("dk:cat:x:kyc", None),
     ("mod:ban:1", None), ("dk", None), ("dk:res:-1", None)],
)
def test_parse_button(data, expected) -> None:
    assert parse_button(data) == expected


@given(st.text(max_size=80))
def test_parse_button_never_raises(data: str) -> None:
    parse_button(data)


@given(st.builds(ButtonData, st.sampled_from(list(Verb)), st.integers(0, 10**12),
                 st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_", max_size=20)))
def test_button_data_round_trips(button: ButtonData) -> None:
    if button.verb in (Verb.category, Verb.urgency):
        return
    assert len(button.encode().encode()) <= 64
    assert parse_button(button.encode()) == button


@given(st.text(min_size=1, max_size=200), st.text(min_size=8, max_size=64))
def test_payload_is_telegram_safe_and_deterministic(cause: str, secret: str) -> None:
    payload = payload_for(secret, cause)
    assert PAYLOAD_RE.match(payload) and len(payload) <= 64
    assert payload == payload_for(secret, cause)
    assert payload != payload_for(secret + "x", cause)


def test_case_usable() -> None:
    assert case_usable(None, "42", NOW) == "missing"
    assert case_usable(case(), "43", NOW) == "other_member"
    assert case_usable(case(), "42", NOW + timedelta(hours=2)) == "expired"
    assert case_usable(case(), "42", NOW) == "ok"


@pytest.mark.parametrize(
    "attachment, problem",
    [(Attachment(kind="photo", file_id="f", size=1000), None),
     (Attachment(kind="document", file_id="f", mime_type="application/pdf", size=1000), None),
     (Attachment(kind="document", file_id="f", mime_type="application/x-msdownload", size=10), ("type",
                                                                                                 "application/x-msdownload")),
     (Attachment(kind="photo", file_id="f", size=11 * 1024 * 1024), ("size", "")),
     (Attachment(kind="video", file_id="f", mime_type="video/mp4"), None)],
)
def test_evidence_limits(attachment, problem) -> None:
    assert evidence_problem(attachment, EvidenceConfig(max_file_mb=10)) == problem


def test_evidence_path_ignores_member_chosen_directories(tmp_path: Path) -> None:
    config = EvidenceConfig(store_path=tmp_path)
    path = evidence_path(config, "telegram", 7, "msg:1", Attachment(kind="document", file_id="f",
                                                                     file_name="../../etc/passwd"), 0)
    assert Path(path).parent == tmp_path / "telegram" / "7" and Path(path).name.endswith("-passwd")


def ticket(id: int, urgency: str, minutes: int, status: str = "open") -> Ticket:
    return Ticket(id=id, created_key=f"k{id}", platform="t", user_id="u", urgency=urgency, status=status,
                  created_at=NOW + timedelta(minutes=minutes))


def test_queue_position_orders_by_urgency_then_age() -> None:
    queue = [ticket(1, "normal", 0), ticket(2, "high", 5), ticket(3, "normal", 10), ticket(4, "critical", 20),
             ticket(5, "low", 1, status="waiting_on_user")]
    assert [queue_position(t, queue) for t in queue[:4]] == [3, 2, 4, 1]
    assert queue_position(queue[4], queue) is None


TEAMS = [TeamConfig(name="payments", categories=["deposit_withdrawal"]),
         TeamConfig(name="payments-zh", categories=["deposit_withdrawal"], languages=["zh"]),
         TeamConfig(name="security", categories=["account_security"], security=True),
         TeamConfig(name="catchall")]


@pytest.mark.parametrize("category, language, team",
                         [("deposit_withdrawal", "en", "payments"), ("deposit_withdrawal", "zh", "payments-zh"),
                          ("deposit_withdrawal", None, "payments"), ("account_security", "ru", "security"),
                          ("kyc", "en", "catchall"), ("api", None, "catchall")])
def test_routing_by_category_then_language(category, language, team) -> None:
    assert choose_team(TEAMS, category, language).name == team


def test_no_teams_routes_to_the_moderators_chat() -> None:
    settings = Settings(brand={"name": "Acme"}, telegram={"token": "1:x", "moderators_chat_id": -100123})
    chosen = route(settings, "kyc", "en", "telegram")
    assert chosen.team is None and chosen.chat is not None and chosen.chat.chat_id == "-100123"
    assert [c.chat_id for c in fallback_chats(settings)] == ["-100123"]


def test_round_robin() -> None:
    settings = Settings(brand={"name": "Acme"}, staff=[
        {"platform": "t", "user_id": str(i), "username": name} for i, name in enumerate(["a", "b", "c"])])
    agents = settings.staff
    assert [next_assignee(agents, last).username for last in (None, "a", "b", "c", "gone")] == ["a", "b", "c", "a",
                                                                                                  "a"]
    assert next_assignee([], None) is None


OFFICE = BusinessHours(timezone="Europe/Berlin", hours="09:00-17:00", days=["mon", "tue", "wed", "thu", "fri"])


@pytest.mark.parametrize(
    "start, minutes, hours, due",
    [
        # 24/7: wall clock
        (NOW, 60, BusinessHours(), NOW + timedelta(hours=1)),
        # Friday 13:00 Berlin + 60 min = 14:00 Berlin (13:00 UTC)
        (NOW, 60, OFFICE, datetime(2026, 11, 20, 13, 0, tzinfo=UTC)),
        # Friday 16:30 Berlin + 60 min → Monday 09:30 Berlin
        (datetime(2026, 11, 20, 15, 30, tzinfo=UTC), 60, OFFICE, datetime(2026, 11, 23, 8, 30, tzinfo=UTC)),
        # Saturday → Monday 09:00 + 15 min
        (datetime(2026, 11, 21, 10, 0, tzinfo=UTC), 15, OFFICE, datetime(2026, 11, 23, 8, 15, tzinfo=UTC)),
        # two full working days
        (datetime(2026, 11, 23, 8, 0, tzinfo=UTC), 16 * 60, OFFICE, datetime(2026, 11, 24, 16, 0, tzinfo=UTC)),
    ],
)
def test_working_time(start, minutes, hours, due) -> None:
    assert add_working_time(start, minutes, hours) == due


def test_critical_runs_on_the_wall_clock() -> None:
    target = SlaTarget(first_response_minutes=15, resolution_minutes=240, business_hours=False)
    saturday = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
    assert due_dates(saturday, target, OFFICE) == (saturday + timedelta(minutes=15), saturday + timedelta(hours=4))


@pytest.mark.parametrize("candidates, lang", [(("ru", "en"), "ru"), ((None, "zh-hans"), "zh"), (("xx", None), "en"),
                                             (("pt-BR",), "pt")])
def test_language_choice(candidates, lang) -> None:
    assert first_supported(default_texts().languages, *candidates) == lang


def test_every_language_has_every_member_text() -> None:
    texts = default_texts()
    assert set(texts.languages) >= {"en", "zh", "ru", "es", "pt", "tr", "vi", "ko", "ja", "fr", "de", "id"}
    for lang in texts.languages:
        assert [k for k in texts.missing(lang) if not k.startswith("staff.")] == [], lang


PRIVATE = "UID 55501234, mail ann@example.com, tx 0x" + "ab" * 32 + ", call +44 20 7946 0958"


def test_redact_masks_everything_private() -> None:
    out = redact(PRIVATE)
    for secret in ("55501234", "ann@example.com", "ab" * 32, "7946"):
        assert secret not in out


def test_mask_secrets_keeps_ids_but_not_credentials() -> None:
    sample = 'curl -H "OK-ACCESS-KEY: 1f2e3d4c5b6a" -d secret=Zx9yW8vU7t uid 55501234'
    out = mask_secrets(sample)
    assert "1f2e3d4c5b6a" not in out and "Zx9yW8vU7t" not in out and "55501234" in out


def test_removed_kinds_come_from_findings_never_text() -> None:
    verdict = Verdict(flags=(Flag.secret, Flag.pii), findings=(
        Finding(analyser="secret", reason="r", flag=Flag.secret, spans=(Span(start=0, end=3),),
                detail={"kind": "wif"}),
        Finding(analyser="pii", reason="r", flag=Flag.pii, detail={"kind": "email"})))
    assert removed_kinds(verdict) == ["private_key", "email"]
    assert removed_kinds(Verdict(flags=(Flag.pii,))) == ["pii"]


@given(st.from_regex(r"[0-9]{6,12}", fullmatch=True), st.text(alphabet="abcdefgh ,.", max_size=30))
def test_redact_never_leaks_uids(uid: str, around: str) -> None:
    assert uid not in redact(f"{around} my uid is {uid} {around}")
