"""The desk end to end on the console adapter: the whole bot (default handlers, real analysis pipeline)."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

from sqlalchemy import select

from beacon.events import Tick
from beacon.runner import publisher
from beacon.storage.models import OutboxItem
from community.models import Feedback, KbVote, TicketEntry
from tests.desk.conftest import deep_link_payload, desk_settings, message_id, started

REQUEST = "I sent 300 USDT on TRC20 two hours ago and it never arrived, my UID is 55501234"


def bot_lines(output: str, where: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(f"bot → {where} ")]


async def test_group_request_to_ticket_to_agent_and_back(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path)) as c:
        public = await c.say(f"@ann: {REQUEST}")
        [reply] = bot_lines(public, "#general")
        assert "(reply to 1)" in reply and "55501234" not in reply and "300" not in reply
        assert "Continue privately → console://AcmeHelpBot?start=" in reply
        assert not bot_lines(public, "dm @ann") and not bot_lines(public, "#mods")  # never started: button only

        opened = await c.say(f"dm @ann: /start {deep_link_payload(reply)}")
        [ticket] = await c.tickets()
        assert (ticket.category, ticket.urgency, ticket.status) == ("deposit_withdrawal", "high", "open")
        assert ticket.first_response_due is not None and ticket.resolution_due is not None
        assert "55501234" not in ticket.summary
        card = message_id(opened, "#mods")
        assert "Ticket #1 · Deposits & withdrawals · High" in opened and "55501234" not in opened
        assert "dk:claim:1" in opened and "dk:urg:1:critical" in opened
        assert "coin and the network" in opened  # what to send next for deposits

        status = await c.say("dm @ann: /status")
        assert "#1 · Deposits & withdrawals · open · position 1 in the queue · expected first response: 20" in status

        answered = await c.say(f"#mods @sam > {card}: We found your deposit, it needs one more confirmation.")
        assert "bot → dm @ann" in answered and "— Sam, Acme Exchange support (staff no. 12)" in answered
        [ticket] = await c.tickets()
        assert ticket.status == "waiting_on_user" and ticket.first_response_at is not None and ticket.assignee == "sam"

        relayed = await c.say("dm @ann: thanks, the TxID is abc123")
        assert "bot → #mods" in relayed and "(reply to " in relayed and "thanks, the TxID is abc123" in relayed
        [ticket] = await c.tickets()
        assert ticket.status == "waiting_on_staff"

        status = await c.say("dm @ann: /status")
        assert "waiting for our team · an agent is handling it" in status

        transcript = await c.say("dm @ann: /transcript")
        assert "file ticket-1.txt" in transcript
        [path] = list((tmp_path / "files" / "transcripts").glob("ticket-1-*.txt"))
        text = path.read_text()
        assert "one more confirmation" in text and "55501234" not in text

        escalated = await c.say("dm @ann: /escalate")
        assert "escalated" in escalated and "⬆️ Ticket #1 escalated" in escalated

        resolved = await c.say(f"press @sam #mods {card} dk:res:1")
        assert "Ticket #1 is resolved" in resolved
        [ticket] = await c.tickets()
        assert ticket.status == "resolved" and ticket.resolution == "resolved"
        kinds = [e.kind for e in await c.rows(TicketEntry, TicketEntry.ticket_id == 1)]
        assert kinds[:1] == ["created"] and "agent_reply" in kinds and "status" in kinds


async def test_only_staff_buttons_and_replies_reach_members(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path)) as c:
        reply = await c.say(f"@ann: {REQUEST}")
        opened = await c.say(f"dm @ann: /start {deep_link_payload(reply)}")
        card = message_id(opened, "#mods")
        refused = await c.say(f"press @eve #mods {card} dk:res:1", f"#mods @eve > {card}: send me your password")
        assert "Only support staff" in refused and "bot → dm @ann" not in refused
        chatter = await c.say("#mods @sam: lunch?")
        assert chatter == ""
        [ticket] = await c.tickets()
        assert ticket.status == "open"


async def test_same_update_twice_makes_one_ticket(tmp_path: Path) -> None:
    from bots.console.adapter import parse_line

    async with started(desk_settings(tmp_path)) as c:
        await c.say("dm @ann: hi")
        [event] = parse_line(f"dm @ann: {REQUEST}", c.console.state, "AcmeHelpBot")
        publish = publisher(c.beacon.bus)
        await publish(event)
        await publish(event)
        assert await c.beacon.idle()
        assert len(await c.tickets()) == 1
        assert c.output.count("Ticket #1 is open") == 1


async def test_member_who_started_gets_a_dm_at_once_and_repeats_reuse_the_case(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path)) as c:
        await c.say("dm @bob: hello")
        first = await c.say(f"@bob: {REQUEST}")
        assert "I've sent you a private message" in first and "Ticket #1 is open" in first
        assert "Hi bob! I saw your message in general" in first
        repeat = await c.say("@bob: still nothing arrived, my withdrawal is stuck!!")
        assert not bot_lines(repeat, "#general")  # no second public reply
        assert "I added your new message to ticket #1" in repeat and "still nothing arrived" in repeat
        assert len(await c.tickets()) == 1


async def test_refused_dm_falls_back_to_the_public_button(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path)) as c:
        await c.say("dm @bob: hello", f"@bob: {REQUEST}")
        c.console.state.members["bob"].started_bot = False  # bob blocked the bot since
        repeat = await c.say("#vip @bob: my withdrawal is stuck, please help")
        # a new chat: a public reply; the DM fails and the desk learns DMs are closed
        assert bot_lines(repeat, "#vip")
        again = await c.say("#vip2 @bob: my deposit has not arrived, help")
        [reply] = bot_lines(again, "#vip2")
        assert "start=" in reply


async def test_compromised_account_is_critical_with_emergency_steps_and_a_page(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path, teams=True)) as c:
        public = await c.say("@carl: my account was hacked, someone is withdrawing my funds right now!")
        [reply] = bot_lines(public, "#general")
        assert "Freeze my account → https://acme.example/freeze" in public and "start=" in public
        assert "🚨 CRITICAL" in "".join(bot_lines(public, "#security")) and "@lea" in public
        opened = await c.say(f"dm @carl: /start {deep_link_payload(public)}")
        [ticket] = await c.tickets()
        assert (ticket.category, ticket.urgency, ticket.team) == ("account_security", "critical", "security")
        assert "Freeze your account: https://acme.example/freeze" in opened and "Revoke all API keys" in opened
        assert (ticket.first_response_due - ticket.created_at).total_seconds() == 15 * 60


async def test_chinese_and_russian_requests_are_answered_in_their_language(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path, teams=True)) as c:
        zh = await c.say("@li: 我的USDT提币三个小时还没到账，怎么办？")
        [reply] = bot_lines(zh, "#general")
        assert "转到私聊继续" in reply
        opened = await c.say(f"dm @li: /start {deep_link_payload(reply)}")
        assert "工单 #1 已创建" in opened and "充值与提币" in opened
        ru = await c.say("@ivan: Мой вывод USDT завис уже 5 часов, помогите")
        [reply] = bot_lines(ru, "#general")
        assert "Продолжить в личном чате" in reply
        opened = await c.say(f"dm @ivan: /start {deep_link_payload(reply)}")
        assert "Обращение №2 создано" in opened
        tickets = await c.tickets()
        assert [(t.language, t.team) for t in tickets] == [("zh", "payments-zh"), ("ru", "payments")]
        assert "bot → #payments-zh" in c.output and "bot → #payments " in c.output


async def test_full_team_config_routes_and_assigns_round_robin(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path, teams=True)) as c:
        for name in ("u1", "u2", "u3"):
            reply = bot_lines(await c.say(f"@{name}: my withdrawal is stuck for 3 hours, help"), "#general")[0]
            await c.say(f"dm @{name}: /start {deep_link_payload(reply)}")
        kyc = bot_lines(await c.say("@u4: my KYC verification was rejected again, why?"), "#general")[0]
        await c.say(f"dm @u4: /start {deep_link_payload(kyc)}")
        tickets = await c.tickets()
        assert [(t.team, t.assignee) for t in tickets] == [("payments", "sam"), ("payments", "kim"),
                                                            ("payments", "sam"), ("general", "sam")]
        status = await c.say("dm @u3: /status")
        assert "position 3 in the queue" in status


async def test_private_data_gets_one_public_notice_naming_its_kind(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path)) as c:
        await c.say("admin #general")
        out = await c.say("@dan: my withdrawal is stuck since yesterday, my email is dan.private@example.com")
        public = bot_lines(out, "#general")
        assert len(public) == 1, out
        assert "an e-mail address" in public[0] and "start=" in public[0]
        assert "dan.private@example.com" not in "\n".join(line for line in c.output.splitlines()
                                                           if line.startswith("bot"))
        async with c.beacon.sessions() as session:
            rows = (await session.scalars(select(OutboxItem.action))).all()
        assert not any("dan.private@example.com" in row for row in rows)


async def test_sla_reminder_then_breach_reach_the_team(tmp_path: Path) -> None:
    sla = {"high": {"first_response_minutes": 0.02, "resolution_minutes": 60, "remind_before_minutes": 0.01}}
    async with started(desk_settings(tmp_path, sla=sla)) as c:
        reply = bot_lines(await c.say(f"@ann: {REQUEST}"), "#general")[0]
        await c.say(f"dm @ann: /start {deep_link_payload(reply)}")
        publish = publisher(c.beacon.bus)
        await asyncio.sleep(0.7)
        await publish(Tick(period_s=1))
        assert await c.beacon.idle()
        await asyncio.sleep(0.6)
        await publish(Tick(period_s=2))
        assert await c.beacon.idle()
        [ticket] = await c.tickets()
        assert ticket.breached_first and ticket.reminded_first
        assert c.output.count("first-response target missed") == 1


async def test_faq_and_self_service(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path)) as c:
        found = await c.say("dm @fay: /faq 提币 没到账")
        assert "dk:kb:0:deposit-delays" in found
        article = await c.say("press @fay 1 dk:kb:0:deposit-delays")
        assert "Why is my deposit or withdrawal delayed?" in article and "https://help.acme.example/deposits" in article
        solved = await c.say("press @fay 1 dk:sv:0:deposit-delays")
        assert "Glad it helped" in solved
        [vote] = await c.rows(KbVote)
        assert vote.solved and vote.article == "deposit-delays"
        none = await c.say("dm @fay: /faq quantum gravity")
        assert "found no article" in none


async def test_feedback_and_lang(tmp_path: Path) -> None:
    async with started(desk_settings(tmp_path)) as c:
        thanks = await c.say("dm @gus: /feedback please add a dark mode, my mail is gus@example.com")
        assert "passed to the product team" in thanks
        [item] = await c.rows(Feedback)
        assert "gus@example.com" not in item.text and "dark mode" in item.text
        switched = await c.say("dm @gus: /lang es")
        assert "español" in switched
        assert "No tienes tickets abiertos" in await c.say("dm @gus: /ticket")


def test_cli_lists_replies_and_closes(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    # load_settings records the config's folder in the environment; keep that inside this test.
    monkeypatch.setenv("BEACON_CONFIG_DIR", str(tmp_path))

    from beacon.cli import app

    settings = desk_settings(tmp_path)

    async def prepare() -> None:
        async with started(settings) as c:
            reply = bot_lines(await c.say(f"@ann: {REQUEST}"), "#general")[0]
            await c.say(f"dm @ann: /start {deep_link_payload(reply)}", "dm @ann: /feedback more coins please")

    asyncio.run(prepare())
    config = tmp_path / "beacon.toml"
    import tomli_w

    config.write_text(tomli_w.dumps(json.loads(settings.model_dump_json(exclude_none=True, by_alias=True))))
    runner = CliRunner()
    listed = runner.invoke(app, ["tickets", "list", "--json", "--config", str(config)])
    assert listed.exit_code == 0, listed.output
    [row] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {"id", "status", "category", "urgency", "team", "assignee", "platform", "user_id", "created_at",
            "first_response_due", "resolution_due", "summary"} <= set(row)
    assert row["category"] == "deposit_withdrawal" and "55501234" not in row["summary"]
    refused = runner.invoke(app, ["tickets", "reply", "1", "hello", "--config", str(config)])
    assert refused.exit_code == 2 and "--as" in refused.output
    replied = runner.invoke(app, ["tickets", "reply", "1", "We are on it", "--as", "sam", "--config", str(config)])
    assert replied.exit_code == 0, replied.output
    closed = runner.invoke(app, ["tickets", "close", "1", "--as", "kim", "--config", str(config)])
    assert closed.exit_code == 0, closed.output
    shown = json.loads(runner.invoke(app, ["tickets", "show", "1", "--json", "--config", str(config)]).stdout)
    assert shown["status"] == "closed" and [h["actor"] for h in shown["history"]][-1] == "cli:kim"
    assert any(h["kind"] == "agent_reply" and h["actor"] == "cli:sam" for h in shown["history"])
    feedback = [json.loads(line) for line in runner.invoke(app, ["feedback", "list", "--json", "--config",
                                                                 str(config)]).stdout.splitlines()]
    assert feedback[0]["text"] == "more coins please" and "feedback" in feedback[0]["tags"]

    async def delivered() -> str:
        async with started(settings, members_started=["ann"]) as c:
            assert await c.beacon.idle()
            return c.output

    out = asyncio.run(delivered())
    assert "We are on it" in out and "Ticket #1 is closed" in out
    assert re.search(r"bot → dm @ann .*We are on it", out)
