"""The support desk's and moderation's journeys on Discord, end to end: Beacon.build with the real adapter,
real discord.py over real HTTP and WebSocket against the fake, the real domain handlers and analysis."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from beacon.app import Beacon
from beacon.config import Settings
from beacon.events import Tick
from beacon.runner import publisher
from bots.discord import DiscordAdapter
from community.models import Ticket
from tests.fakes.discord import FakeChannel, FakeDiscord, FakeGuild, FakeUser, RateLimit
from tests.moderation.conftest import Journey

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZw.JourneyTokenNeverLogged_0a1b2c3d4e5f"
REQUEST = "I sent 300 USDT on TRC20 two hours ago and it never arrived, my UID is 55501234"
SEED = "abandon ability able about above absent absorb abstract absurd abuse access accident"
SEED_WORDS = ("abandon", "ability", "absurd", "accident")


@dataclass
class World:
    fake: FakeDiscord
    app: Beacon
    guild: FakeGuild
    general: FakeChannel
    forum: FakeChannel
    support: FakeChannel
    mods: FakeChannel
    agent: FakeUser

    async def settle(self) -> None:
        assert await self.app.idle(timeout_s=20), "Beacon did not settle"

    async def wait(self, predicate: Any, timeout: float = 20.0) -> Any:
        return await self.fake.wait_for(predicate, timeout=timeout)

    def member(self, name: str, **options: Any) -> FakeUser:
        return self.fake.add_member(self.guild, self.fake.add_user(name, **options))

    def texts(self, where: FakeChannel | FakeUser) -> list[str]:
        return [m["content"] for m in self.fake.sent(where)]

    async def tickets(self) -> list[Ticket]:
        async with self.app.sessions() as session:
            return list((await session.scalars(select(Ticket).order_by(Ticket.id))).all())


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with FakeDiscord(token=TOKEN, route_limit=RateLimit(50, 1.0)) as fake:
        owner = fake.add_user("olga")
        guild = fake.create_guild("Acme", owner=owner)
        general = fake.create_channel(guild, "general", system=True)
        forum = fake.create_channel(guild, "help", kind="forum")
        support = fake.create_channel(guild, "support")
        mods = fake.create_channel(guild, "moderators")
        agent = fake.add_member(guild, fake.add_user("sam", global_name="Sam"))
        # DESIGN.md's contract keys for Discord (plus the support channel that hosts private threads).
        settings = Settings(
            brand={"name": "Acme Exchange", "official_domains": ["acme.example"], "bot_usernames": ["AcmeHelp"]},
            staff=[{"platform": "discord", "user_id": str(agent.id), "display_name": "Sam", "username": "sam",
                    "alias": "Sam", "staff_number": "12"}],
            database={"url": f"sqlite:///{tmp_path / 'beacon.db'}"}, bus={"url": "memory://"},
            support={"evidence": {"store_path": str(tmp_path / "files")}},
            discord={"token": fake.token, "api_base": fake.api_base, "gateway_url": fake.gateway_url,
                     "moderators_channel_id": str(mods.id), "support_channel_id": str(support.id)},
        )
        adapter = DiscordAdapter.from_settings(settings, guild_ready_timeout=0.05)
        app = await Beacon.build(settings, adapters=[adapter])
        await app.start()
        try:
            await fake.wait_connected()
            world = World(fake=fake, app=app, guild=guild, general=general, forum=forum, support=support, mods=mods,
                          agent=agent)
            await world.settle()
            yield world
        finally:
            await app.stop()
            await adapter.aclose()


async def test_forum_post_help_dm_ticket_and_agent_reply_relayed(world: World) -> None:
    fake = world.fake
    ann = world.member("ann")
    thread, starter = fake.forum_post(world.forum, ann, "Withdrawal missing", REQUEST)

    # A public answer inside the post, and the conversation moves to a DM at once (Discord lets bots write first).
    [public] = await world.wait(lambda: fake.sent(thread))
    assert "55501234" not in public["content"] and "300" not in public["content"]
    welcome = await world.wait(lambda: [t for t in world.texts(ann) if "Ticket #1 is open" in t])
    assert "Withdrawal missing" in welcome[0]  # where the request came from, named by the post's title
    card = (await world.wait(lambda: [m for m in fake.sent(world.mods) if "Ticket #1" in m["content"]]))[0]
    assert "55501234" not in card["content"]
    [ticket] = await world.tickets()
    assert (ticket.category, ticket.urgency, ticket.platform) == ("deposit_withdrawal", "high", "discord")
    await world.settle()

    # The agent answers by replying to the card in the moderators' channel: relayed to the member's DM.
    fake.post(world.mods, world.agent, "We see the transfer, one more confirmation is needed.",
              reply_to=int(card["id"]))
    relayed = await world.wait(lambda: [t for t in world.texts(ann) if "one more confirmation" in t])
    assert "— Sam" in relayed[0] and "12" in relayed[0]

    # The member answers in the DM: it reaches the ticket and the staff side.
    fake.dm(ann, "the transfer was at 10:00 from my main wallet")
    await world.wait(lambda: [m for m in fake.sent(world.mods) if "10:00 from my main wallet" in m["content"]])

    # A button in the DM (the category check) is a persistent custom id: pressing it works.
    dm_card = next(m for m in fake.sent(ann) if "Ticket #1 is open" in m["content"])
    pressed = fake.press(ann, ann, int(dm_card["id"]), "dk:ok:1")
    await world.wait(lambda: pressed.acknowledged, timeout=10)
    await world.settle()
    assert len(fake.sent(thread)) == 1  # one public reply, nothing private in public
    assert not any("55501234" in m["content"] for m in fake.sent(thread) + fake.sent(world.general))


async def test_closed_dms_fall_back_to_a_private_thread(world: World) -> None:
    fake = world.fake
    bob = world.member("bob", dms_open=False)
    thread, _ = fake.forum_post(world.forum, bob, "Withdrawal missing", REQUEST)
    [public] = await world.wait(lambda: fake.sent(thread))
    await world.settle()
    # The one public reply is true whichever way the conversation goes: a DM, or a private thread instead.
    assert "private thread" in public["content"] and "sent you" not in public["content"]
    assert "55501234" not in public["content"] and "300" not in public["content"]

    # The DM is refused (403, 50007): a private thread (type 12, not invitable) in the support channel, with
    # the member and the staff who answer tickets (no teams configured: every agent).
    [private] = await world.wait(lambda: [t for t in fake.threads(world.support) if t.type == 12], timeout=4)
    assert {bob.id, world.agent.id} <= private.thread_members and not private.invitable
    # Its first message is the ticket's welcome: where it came from, the ticket, what to send, the buttons.
    [opener] = await world.wait(lambda: fake.sent(private))
    assert f"<@{bob.id}>" in opener["content"] and "Ticket #1 is open" in opener["content"]
    assert "Withdrawal missing" in opener["content"] and "TxID" in opener["content"]
    assert "55501234" not in opener["content"]
    card = (await world.wait(lambda: [m for m in fake.sent(world.mods) if "Ticket #1" in m["content"]]))[0]
    await world.settle()

    # An agent's reply to the card is relayed into the thread, signed.
    fake.post(world.mods, world.agent, "We see the transfer, one more confirmation is needed.",
              reply_to=int(card["id"]))
    relayed = await world.wait(lambda: [m for m in fake.sent(private) if "one more confirmation" in m["content"]])
    assert "— Sam" in relayed[0]["content"]

    # The member's messages in the thread are the ticket's conversation, as DMs would be: text and files.
    fake.post(private, bob, "the transfer was at 10:00 from my main wallet")
    await world.wait(lambda: [m for m in fake.sent(world.mods) if "10:00 from my main wallet" in m["content"]])
    # /link needs a private chat with the bot: staff read this thread, so the member is told here (not by DM).
    fake.post(private, bob, "/link ABCD-2345")
    await world.wait(lambda: [m for m in fake.sent(private) if "Staff can read this thread" in m["content"]])

    # Private details belong here (moderation's public-chat policy does not apply), but a leaked secret
    # still goes: staff can read the thread.
    with_email = fake.post(private, bob, "my account e-mail is bob.owner@example.org")
    await world.wait(lambda: [m for m in fake.sent(world.mods) if "my account e-mail" in m["content"]])
    leaked = fake.post(private, bob, f"my words are {SEED}")
    await world.wait(lambda: fake.was_deleted(private, int(leaked["id"])))
    assert not fake.was_deleted(private, int(with_email["id"]))
    assert all("abandon ability" not in m["content"] for m in fake.sent(world.mods) + fake.sent(private))
    fake.post(private, bob, "", attachments=[("receipt.png", b"\x89PNG fake receipt", "image/png")])
    await world.wait(lambda: [m for m in fake.sent(private) if "File received" in m["content"]])
    await world.settle()
    await publisher(world.app.bus)(Tick(period_s=1))  # the evidence sweep posts fetched files under the card
    await world.wait(lambda: [m for m in fake.sent(world.mods) if "sent receipt.png" in m["content"]])

    # Buttons in the thread work, and their answers stay there.
    pressed = fake.press(bob, private, int(opener["id"]), "dk:ok:1")
    await world.wait(lambda: pressed.acknowledged, timeout=10)
    await world.wait(lambda: [m for m in fake.sent(private) if "Category of ticket #1" in m["content"]])

    # Status notifications go there too: the agent resolves the ticket from the card.
    resolved = fake.press(world.agent, world.mods, int(card["id"]), "dk:res:1")
    await world.wait(lambda: resolved.acknowledged, timeout=10)
    await world.wait(lambda: [m for m in fake.sent(private) if "Ticket #1 is resolved" in m["content"]])
    await world.settle()
    [ticket] = await world.tickets()
    assert ticket.member_chat_id == str(private.id) and ticket.status == "resolved"
    assert fake.sent(bob) == []  # nothing ever reached (or was claimed to reach) the closed DMs
    assert len(fake.sent(thread)) == 1  # one public reply

    # Next time the desk knows the DMs are closed: the thread opens at once, without trying a DM first.
    refused = lambda: [c for c in fake.calls if c.code == 50007]  # noqa: E731 - DMs the fake refused
    dm_attempts = len(refused())
    assert dm_attempts >= 1
    again, _ = fake.forum_post(world.forum, bob, "Deposit missing", "my deposit of 40 USDT never arrived, please help")
    [second_public] = await world.wait(lambda: fake.sent(again))
    assert "opening a private thread" in second_public["content"]
    await world.wait(lambda: [t for t in fake.threads(world.support) if t.type == 12 and t.id != private.id])
    await world.settle()
    assert len(refused()) == dm_attempts
    assert [t.status for t in await world.tickets()] == ["resolved", "open"]


async def test_seed_phrase_is_deleted_author_warned_never_echoed(world: World, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    fake = world.fake
    ann = world.member("ann")
    bob = world.member("bob", dms_open=False)
    fake.post(world.general, ann, "gm, anyone knows when the next listing is?")
    await world.settle()
    leaked = fake.post(world.general, ann, f"saving this here so I do not lose it: {SEED}")
    await world.wait(lambda: fake.was_deleted(world.general, int(leaked["id"])))
    # DMs open: the warning goes privately (Discord lets the bot write first).
    warning = await world.wait(lambda: [t for t in world.texts(ann) if "seed phrase" in t])
    assert "new wallet" in warning[0]
    # DMs closed: the DM is refused (403, 50007) and the warning is posted in the channel instead.
    leaked_too = fake.post(world.general, bob, f"backup: {SEED}")
    await world.wait(lambda: fake.was_deleted(world.general, int(leaked_too["id"])))
    notice = await world.wait(lambda: [t for t in world.texts(world.general) if "seed phrase" in t])
    assert "@bob" in notice[0]
    # In a forum post the starter message itself goes.
    thread, starter = fake.forum_post(world.forum, ann, "is my wallet safe", f"my words: {SEED}")
    await world.wait(lambda: fake.was_deleted(thread, int(starter["id"])))
    await world.settle()

    haystacks = {
        "every request the bot made": "\n".join(fake.texts_seen()),
        "log lines": caplog.text + "\n".join(r.getMessage() for r in caplog.records),
        "database rows": await Journey(world.app, None, None).all_rows_text(),  # type: ignore[arg-type]
    }
    for where, text in haystacks.items():
        for word in SEED_WORDS:
            assert word not in text, f"{word!r} found in {where}"
    assert TOKEN not in caplog.text


async def test_a_dropped_gateway_loses_and_duplicates_nothing_end_to_end(world: World) -> None:
    fake = world.fake
    fake.replay_overlap = 5  # Discord replays a few events the client already had
    members = [world.member(f"m{i}") for i in range(3)]
    for member in members:
        fake.post(world.general, member, f"@here hello from {member.username}, where is the listing schedule?")
    fake.drop()
    for member in members:
        fake.post(world.general, member, f"my withdrawal of 50 USDT is stuck for 5 hours, {member.username}")
    await world.wait(lambda: fake.stats.resumes == 1)
    await world.settle()
    # Each request was handled exactly once: one DM hand-off per member, one ticket each.
    for member in members:
        assert sum("Ticket #" in t and "is open" in t for t in world.texts(member)) == 1
    assert len(await world.tickets()) == 3
    assert fake.stats.replayed > 3  # the copies did arrive, and were absorbed by the idempotency keys


async def test_member_text_cannot_make_the_bot_ping_everyone(world: World) -> None:
    """Cards quote members' text: the bot's messages never ping @everyone or roles, whatever the text says."""
    fake = world.fake
    eve = world.member("eve")
    fake.post(world.general, eve, "my deposit of 20 USDT never arrived @everyone <@&1> please help")
    card = (await world.wait(lambda: [m for m in fake.sent(world.mods) if "Ticket #1" in m["content"]]))[0]
    body = next(c.body for c in fake.calls if c.body and c.body.get("content") == card["content"])
    # discord.py sends our allowed_mentions with every message: no @everyone or role pings from member text.
    assert body["allowed_mentions"]["parse"] == ["users"]
