"""Moderation end to end on the embedded default: console adapter, in-process bus, SQLite (and PostgreSQL)."""

from __future__ import annotations

import json

from bots.console.adapter import parse_line
from beacon.runner import publisher
from beacon.storage import db
from moderation.records import make_ref
from tests.moderation.conftest import SEED, make_settings

GENERAL = "msg:console:general:{}:0"


async def test_seed_phrase_is_deleted_and_named_never_quoted(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general", "@carl: gm", f"@ann: is this safe? {SEED}")
    assert "bot deleted #general [2]" in j.out
    assert "@ann, a message of yours was removed because it contained a seed phrase" in j.out
    assert "new wallet" in j.out
    [case] = await j.cases()
    assert case.status == "auto" and case.flags == "secret" and case.steps == "delete,notify"
    assert "[seed phrase removed]" in case.masked_text
    for word in ("abandon", "absurd", "accident"):
        assert word not in j.out
        assert word not in await j.all_rows_text()
    actions = [(a.actor, a.action) for a in await j.audit()]
    assert ("beacon", "delete") in actions and ("beacon", "notify") in actions


async def test_a_refused_delete_is_corrected_by_dm_and_escalated(journey_factory) -> None:
    """The bot is not an administrator of #general (its rights were never reported), so it tries the
    delete and is refused: the seed phrase is still up. The moderators are asked to remove it by hand,
    and the author, who started the bot, is told by DM to delete it after all (the first DM said it was
    removed). Nothing is posted in #general."""
    j = await journey_factory()
    await j.say("dm @ann: hi", "@carl: gm")
    await j.say(f"@ann: is this safe? {SEED}")
    assert "bot deleted" not in j.out and "bot → #general" not in j.out
    assert "Correction: your message in general (console) could not be removed automatically." in j.out
    ref = make_ref(GENERAL.format(2))
    assert "bot → #mods" in j.out and f"Case {ref}: the message in general" in j.out and "no_rights" in j.out
    assert j.out.count("bot → dm @ann") == 2 and j.out.count("new wallet") == 2
    for word in ("abandon", "absurd", "accident"):
        assert word not in j.out
    actions = [(a.action, a.reason) for a in await j.audit()]
    assert any(action == "delete failed" and "no_rights" in reason for action, reason in actions)


async def test_a_refused_delete_never_adds_a_public_reply(journey_factory) -> None:
    """An author who never started the bot got the public notice; the correction may only go by DM,
    which is refused: still one reply in #general, and the moderators know."""
    j = await journey_factory()
    await j.say(f"@ann: {SEED}")
    assert j.out.count("bot → #general") == 1
    assert f"Case {make_ref(GENERAL.format(1))}: the message in general" in j.out
    assert any(a.action == "still-up failed" for a in await j.audit())


async def test_a_refused_scam_delete_only_escalates(journey_factory) -> None:
    """The author of a scam is not told anything more: only the moderators hear the message is up."""
    j = await journey_factory()
    await j.say("@eve: claim your bonus at nimbus-rewards.xyz now")
    ref = make_ref(GENERAL.format(1))
    assert f"Case {ref}: the message in general" in j.out
    assert "correction" not in j.out


async def test_member_who_started_the_bot_is_told_by_dm_only(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general", "dm @ann: hi")  # seen before the group message (another chat, in parallel)
    await j.say(f"@ann: {SEED}")
    assert "bot deleted #general [1]" in j.out
    assert "bot → dm @ann" in j.out and "new wallet" in j.out
    assert "bot → #general" not in j.out


async def test_refused_dm_falls_back_to_one_public_notice(journey_factory) -> None:
    j = await journey_factory(dm_first=True)  # the platform may DM first; this member never allowed it
    await j.say("admin #general", "@bob: write me at bob.smith@example.org please")
    assert "bot deleted #general [1]" in j.out
    assert j.out.count("bot → #general") == 1 and "an e-mail address" in j.out
    assert "bob.smith" not in j.out
    assert any(a.action == "dm failed" and "never_started" in a.reason for a in await j.audit())


async def test_phishing_card_refused_press_then_ban_everywhere_once(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general", "admin #trading", "@bob: hi all", "@eve: claim your bonus at nimbus-rewards.xyz now")
    ref = make_ref(GENERAL.format(2))
    assert "bot deleted #general [2]" in j.out
    assert f"Case {ref}" in j.out and "nimbus-rewards.xyz" in j.out and "bob: hi all" in j.out  # context shown
    await j.say(f"press @carl #mods 1 mod:{ref}:ban")  # not a moderator
    assert "Only moderators may act on cases." in j.out and "banned" not in j.out
    await j.say(f"press @ada #mods 1 mod:{ref}:ban")  # staff, but an agent only
    assert "banned" not in j.out
    await j.say(f"press @mia #mods 1 mod:{ref}:ban")
    assert "bot banned @eve in #general" in j.out and "bot banned @eve in #trading" in j.out
    assert "✅ console:mia @mia banned everywhere" in j.out
    await j.say(f"press @nimbus_support #mods 1 mod:{ref}:dis")
    assert "already handled" in j.out
    assert j.out.count("bot banned @eve in #general") == 1
    audit = await j.audit()
    refused = [a for a in audit if a.action == "refused"]
    assert {a.actor for a in refused} == {"console:carl @carl", "console:ada @ada", "console:nimbus_support @nimbus_support"}
    assert any(a.action == "banned everywhere" and a.actor == "console:mia @mia" for a in audit)
    [case] = await j.cases()
    assert case.status == "actioned" and case.decided_by == "console:mia @mia"


async def test_administrator_of_the_moderators_chat_may_press(journey_factory) -> None:
    from beacon.events import ButtonPressed, ChatRef, UserRef

    j = await journey_factory()
    await j.say("admin #general", "@eve: claim your bonus at nimbus-rewards.xyz now")
    ref = make_ref(GENERAL.format(1))
    publish = publisher(j.beacon.bus)
    chat = ChatRef(platform="console", chat_id="mods")
    owner = UserRef(platform="console", user_id="owner", username="owner")
    await publish(ButtonPressed(platform="console", callback_id="x1", chat=chat, message_id="1", user=owner,
                                data=f"mod:{ref}:m1h", presser_is_admin=True))
    assert await j.beacon.idle()
    assert "bot muted @eve in #general" in j.out
    # The same admin right in another chat does not count: only the moderators' chat's administrators.
    other = ChatRef(platform="console", chat_id="general")
    await publish(ButtonPressed(platform="console", callback_id="x2", chat=other, message_id="1", user=owner,
                                data=f"mod:{ref}:ban", presser_is_admin=True))
    assert await j.beacon.idle()
    assert "banned" not in j.out


async def test_impersonator_flagged_at_join_and_banned_by_one_press(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general", 'join #general @fake "Nimbus Supp0rt"')
    [case] = await j.cases()
    assert case.kind == "join" and case.imitates == "nimbus_support"
    assert "Imitates verified staff: nimbus_support" in j.out
    await j.say(f"press @mia #mods 1 mod:{case.ref}:ban")
    assert "bot banned @fake in #general" in j.out


async def test_appeal_goes_to_another_moderator_and_the_outcome_to_the_member(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general", "@eve: claim your bonus at nimbus-rewards.xyz now")
    ref = make_ref(GENERAL.format(1))
    await j.say(f"press @mia #mods 1 mod:{ref}:ban")
    await j.say("dm @eve: /appeal it was a real partner site, write me at eve@example.org")
    assert f"📨 Appeal on case {ref}" in j.out and "other than console:mia @mia" in j.out
    assert "eve@example.org" not in j.out  # the appeal text is masked on the card
    assert "was sent to a moderator" in j.out
    await j.say(f"press @mia #mods 2 mod:{ref}:ov")
    assert "a different moderator must review this appeal" in j.out and "unbanned" not in j.out
    await j.say(f"press @nimbus_support #mods 2 mod:{ref}:ov")
    assert "bot unbanned @eve in #general" in j.out
    assert "bot → dm @eve" in j.out and "was accepted" in j.out
    [case] = await j.cases()
    assert case.status == "overturned" and case.appeal_decided_by == "console:nimbus_support @nimbus_support"
    await j.say("dm @eve: /appeal again")
    assert "cannot be appealed" in j.out or "no moderation decision" in j.out


async def test_same_update_twice_gives_one_case(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general")
    [event] = parse_line(f"@ann: {SEED}", j.console.state, "NimbusHelpBot")
    publish = publisher(j.beacon.bus)
    await publish(event)
    await publish(event)
    assert await j.beacon.idle()
    assert len(await j.cases()) == 1
    assert j.out.count("bot deleted") == 1 and j.out.count("a seed phrase") == 1


async def test_false_positive_allows_the_domain_from_then_on(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general", "@eve: our partner nimbus-pay.io has the new card offer, sign up there")
    cases = await j.cases()
    assert cases and "phishing" in cases[0].flags
    await j.say(f"press @mia #mods 1 mod:{cases[0].ref}:fp")
    assert "allowed from now on: nimbus-pay.io" in j.out
    await j.say("@zoe: is nimbus-pay.io legit? I saw it on nimbus-pay.io/cards")
    assert len([c for c in await j.cases() if "phishing" in c.flags]) == 1


async def test_safety_alert_after_three_chats(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #a", "admin #b", "admin #c")
    await j.say("#a @s1: claim your bonus at nimbus-rewards.xyz now", "#b @s2: claim your bonus at nimbus-rewards.xyz now")
    assert "Safety alert" not in j.out
    await j.say("#c @s3: claim your bonus at nimbus-rewards.xyz now", "#a @s4: free bonus at nimbus-rewards.xyz")
    assert j.out.count("🚨 Safety alert: the scam/phishing domain nimbus-rewards.xyz was seen in 3 chats") == 1


async def test_verify_tells_staff_from_lookalikes(journey_factory) -> None:
    j = await journey_factory()
    await j.say("dm @ann: /verify @nimbus_support", "dm @ann: /verify @nimbus_supp0rt", "@bob: /verify @Nimbus_Support")
    lines = {line.split("]", 1)[0]: line.split(": ", 1)[1] for line in j.out.splitlines()
             if "verified Nimbus staff" in line}
    staff = next(v for v in lines.values() if "@nimbus_support" in v)
    fake = next(v for v in lines.values() if "@nimbus_supp0rt" in v)
    group = next(v for k, v in lines.items() if k.startswith("bot → #general"))
    assert staff.startswith("✅") and "exact username" in staff
    assert fake.startswith("❌") and "imitates verified staff member nimbus_support" in fake
    assert group.startswith("✅")
    # One reply per command: the desk does not add its help text to a /verify DM.
    assert sum(1 for line in j.out.splitlines() if line.startswith("bot → dm @ann")) == 2


async def test_support_request_with_pii_is_deleted_silently(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general", "@ann: my withdrawal is stuck for 6 hours, please help, my email is ann@example.org")
    [case] = await j.cases()
    assert case.support_request and "pii" in case.flags
    assert "bot deleted #general [1]" in j.out
    assert "bot →" not in j.out  # the desk's hand-off carries the notice


async def test_staff_messages_are_never_deleted(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general", "@nimbus_support: claim your bonus at nimbus-rewards.xyz now")
    assert "deleted" not in j.out and "Case" not in j.out
    [case] = await j.cases()
    assert case.status == "auto" and "delete" not in case.steps


async def test_spam_twice_mutes(journey_factory) -> None:
    j = await journey_factory()
    spam = "🚀🚀 BEST PUMP SIGNALS 500% PROFIT GUARANTEED join t.me/pumpking_signals now 🚀🚀"
    await j.say("admin #general", f"@sp: {spam}")
    assert any("spam" in c.flags for c in await j.cases())
    await j.say(f"@sp: {spam} again")
    assert "bot muted @sp in #general" in j.out


async def test_on_postgresql(journey_factory, postgres_url: str, unique_name: str) -> None:
    url = f"{postgres_url}?schema={unique_name}"
    await db.upgrade(url)
    try:
        j = await journey_factory(url=url)
        await j.say("admin #general", "@eve: claim your bonus at nimbus-rewards.xyz now", f"@ann: {SEED}")
        ref = make_ref(GENERAL.format(1))
        await j.say(f"press @mia #mods 1 mod:{ref}:ban", f"press @mia #mods 1 mod:{ref}:ban")
        assert j.out.count("bot banned @eve") == 1
        assert {c.status for c in await j.cases()} == {"actioned", "auto"}
        assert "abandon" not in await j.all_rows_text()
        await j.beacon.stop()
    finally:
        await db.drop_schema(postgres_url, unique_name)


def test_settings_with_contract_keys_only_give_default_policies(tmp_path) -> None:
    settings = make_settings(f"sqlite:///{tmp_path / 'x.db'}")
    assert settings.moderation.policy_for(__import__("beacon.verdict").verdict.Flag.secret, "telegram", "-1").steps
    assert json.loads(json.dumps(settings.moderation.model_dump(mode="json")))["alerts"] == {"chats": 3,
                                                                                         "window_minutes": 30}


async def test_ban_everywhere_follows_linked_identities(journey_factory) -> None:
    from beacon.storage import directory

    j = await journey_factory()
    await j.say("admin #general", "admin #trading", "@eve2: hello")
    async with j.beacon.sessions() as session, session.begin():
        await directory.link_accounts(session, ("console", "eve"), ("console", "eve2"), method="test")
    await j.say("@eve: claim your bonus at nimbus-rewards.xyz now")
    ref = make_ref(GENERAL.format(2))
    await j.say(f"press @mia #mods 1 mod:{ref}:ban")
    for who in ("eve", "eve2"):
        for chat in ("general", "trading"):
            assert f"bot banned @{who} in #{chat}" in j.out


async def test_old_sightings_are_forgotten_on_tick(journey_factory) -> None:
    from datetime import datetime, timedelta, timezone

    from sqlalchemy import func, select

    from beacon.events import Tick
    from moderation.models import Sighting

    j = await journey_factory()
    await j.say("admin #general", "@eve: claim your bonus at nimbus-rewards.xyz now")
    async with j.beacon.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Sighting)) == 1
    async with j.beacon.sessions() as session, session.begin():  # seen three hours ago: past any window
        await session.execute(Sighting.__table__.update().values(at=datetime.now(timezone.utc) - timedelta(hours=3)))
    await publisher(j.beacon.bus)(Tick(period_s=30))
    assert await j.beacon.idle()
    async with j.beacon.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Sighting)) == 0


async def test_cli_lists_acts_and_audits(journey_factory, tmp_path) -> None:
    import asyncio

    from typer.testing import CliRunner

    from beacon.cli import app

    db_url = f"sqlite:///{tmp_path / 'beacon.db'}"
    config = tmp_path / "beacon.toml"
    config.write_text(f"""
[brand]
name = "Nimbus"
official_domains = ["nimbus.example"]

[[staff]]
platform = "console"
user_id = "mia"
username = "mia"
roles = ["moderator"]

[[staff]]
platform = "console"
user_id = "ada"
username = "ada"
roles = ["agent"]

[database]
url = "{db_url}"
""")
    j = await journey_factory()
    await j.say("admin #general", f"@ann: {SEED}", "@eve: claim your bonus at nimbus-rewards.xyz now")

    async def cli(*args: str) -> tuple[int, str]:
        result = await asyncio.to_thread(CliRunner().invoke, app, [*args, "--config", str(config)])
        return result.exit_code, result.output

    code, out = await cli("flags", "list", "--json", "--status", "open")
    assert code == 0, out
    [row] = [json.loads(line) for line in out.splitlines()]
    assert set(row) >= {"id", "status", "flags", "platform", "chat_id", "message_id", "author_id", "created_at",
                        "reasons"}
    assert row["flags"] == ["scam", "phishing"] and row["status"] == "open"
    code, out = await cli("flags", "list", "--json")
    assert "abandon" not in out and len(out.splitlines()) == 2

    assert (await cli("flags", "act", row["id"], "ban", "--as", "ada"))[0] == 2  # not a moderator
    code, out = await cli("flags", "act", row["id"], "ban", "--as", "mia")
    assert code == 0 and "banned everywhere" in out, out
    assert await j.beacon.idle()
    for _ in range(40):  # the running bot's dispatcher picks the queued ban up on its next poll
        if "bot banned @eve in #general" in j.out:
            break
        await asyncio.sleep(0.1)
    assert "bot banned @eve in #general" in j.out
    code, out = await cli("flags", "act", row["id"], "dismiss", "--as", "mia")
    assert code == 1 and "already handled" in out

    code, out = await cli("audit", "--json")
    entries = [json.loads(line) for line in out.splitlines()]
    assert all(set(e) >= {"id", "at", "actor", "action", "target", "reason"} for e in entries)
    assert any(e["actor"] == "console:mia @mia" and e["action"] == "banned everywhere" and e["rule"] == "cli"
               for e in entries)
    assert (await cli("flags", "list", "--status", "bogus"))[0] == 2


async def test_one_open_card_per_impersonator(journey_factory) -> None:
    j = await journey_factory()
    await j.say("admin #general", 'join #general @fake "Nimbus Supp0rt"', "@fake: hello everyone",
                "@fake: nice weather today")
    assert j.out.count("🚩 Case") == 1
    cases = await j.cases()
    assert len(cases) == 3 and [c.status for c in cases] == ["open", "auto", "auto"]
    assert any("already open" in a.reason for a in await j.audit() if a.action == "skipped")
    await j.say(f"press @mia #mods 1 mod:{cases[0].ref}:warn")
    assert "a moderator warned you: your name imitates our staff" in j.out
