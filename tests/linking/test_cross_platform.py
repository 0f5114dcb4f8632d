"""One person on Telegram and Discord: the code is issued in the Telegram DM and redeemed in the Discord DM;
then the ticket and a ban follow the person. Real python-telegram-bot and discord.py, over real HTTP and
WebSocket, against the fakes, in one Beacon with the default handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from beacon.app import Beacon
from beacon.config import Settings
from bots.discord import DiscordAdapter
from bots.telegram import TelegramAdapter
from moderation.records import make_ref
from tests.fakes.discord import FakeChannel, FakeDiscord, FakeGuild
from tests.fakes.discord import RateLimit as DiscordLimit
from tests.fakes.telegram import FakeChat, FakeTelegram, FakeUser, RateLimit, settle
from tests.linking.conftest import CODE

TG_TOKEN = "7012345678:AAH3xq_LinkTestTokenNeverLogged-9f8e7d6c5b4a"
DC_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZw.LinkTokenNeverLogged_0a1b2c3d4e5f"
BOT = "AcmeHelpBot"
REQUEST = "my withdrawal of 300 USDT has been stuck for 5 hours, please help"


@dataclass
class World:
    tg: FakeTelegram
    dc: FakeDiscord
    app: Beacon
    group: FakeChat
    mods: FakeChat
    mia: FakeUser
    guild: FakeGuild
    general: FakeChannel

    async def settle(self) -> None:
        await settle(self.tg, self.app)

    def tg_texts(self, chat: Any) -> list[str]:
        return [a.text or "" for a in self.tg.sent(chat)]

    def dc_texts(self, where: Any) -> list[str]:
        return [m["content"] for m in self.dc.sent(where)]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with (FakeTelegram(token=TG_TOKEN, bot_username=BOT, private_limit=RateLimit(30, 1.0)) as tg,
                FakeDiscord(token=DC_TOKEN, route_limit=DiscordLimit(50, 1.0)) as dc):
        owner = tg.add_user("Olga", username="olga")
        mia = tg.add_user("Mia", username="mia_mod", started=True)
        group = tg.create_group("Acme EN", owner=owner)
        mods = tg.create_group("Acme moderators", owner=owner)
        tg.set_member(mods, mia)
        guild = dc.create_guild("Acme", owner=dc.add_user("olga"))
        general = dc.create_channel(guild, "general", system=True)
        dc_mods = dc.create_channel(guild, "moderators")
        settings = Settings(
            brand={"name": "Acme Exchange", "official_domains": ["acme.example"], "bot_usernames": [BOT]},
            staff=[{"platform": "telegram", "user_id": str(mia.id), "display_name": "Mia", "username": "mia_mod"}],
            database={"url": f"sqlite:///{tmp_path / 'beacon.db'}"}, bus={"url": "memory://"},
            telegram={"token": tg.token, "base_url": tg.base_url, "moderators_chat_id": mods.id, "poll_timeout_s": 1},
            discord={"token": dc.token, "api_base": dc.api_base, "gateway_url": dc.gateway_url,
                     "moderators_channel_id": str(dc_mods.id)},
        )
        telegram = TelegramAdapter.from_settings(settings)
        discord = DiscordAdapter.from_settings(settings, guild_ready_timeout=0.05)
        app = await Beacon.build(settings, adapters=[telegram, discord])
        await app.start()
        try:
            tg.add_bot(group, admin=True)
            tg.add_bot(mods)
            await dc.wait_connected()
            world = World(tg=tg, dc=dc, app=app, group=group, mods=mods, mia=mia, guild=guild, general=general)
            await world.settle()
            yield world
        finally:
            await app.stop()
            await telegram.aclose()
            await discord.aclose()


async def test_code_from_telegram_redeemed_on_discord_then_ticket_and_ban_follow(world: World) -> None:
    tg, dc = world.tg, world.dc
    ann_tg = tg.add_user("Ann", username="ann_k", started=True)
    ann_dc = dc.add_member(world.guild, dc.add_user("ann"))

    tg.private(ann_tg, "/link")
    [issued] = await tg.wait_for(lambda: [t for t in world.tg_texts(ann_tg) if CODE.search(t)], timeout=20)
    code = CODE.search(issued)[1]  # type: ignore[index]
    assert len(world.tg_texts(ann_tg)) == 1  # one reply: the desk left /link alone

    dc.dm(ann_dc, f"/link {code}")
    done = await dc.wait_for(lambda: [t for t in world.dc_texts(ann_dc) if "now linked" in t], timeout=20)
    assert "Telegram @ann_k" in done[0]
    other = await tg.wait_for(lambda: [t for t in world.tg_texts(ann_tg) if "now linked" in t], timeout=20)
    assert "Discord @ann" in other[0] and "/unlink" in other[0]
    await world.settle()

    # A ticket opened on Telegram follows the person to Discord.
    tg.private(ann_tg, REQUEST)
    await tg.wait_for(lambda: [t for t in world.tg_texts(ann_tg) if "Ticket #1 is open" in t], timeout=20)
    await world.settle()
    dc.dm(ann_dc, "/status")
    await dc.wait_for(lambda: [t for t in world.dc_texts(ann_dc) if "#1 · Deposits & withdrawals" in t], timeout=20)
    dc.dm(ann_dc, "the TxID is abc123")
    await tg.wait_for(lambda: [t for t in world.tg_texts(world.mods) if "abc123" in t], timeout=20)
    await world.settle()

    # A ban decided on Telegram reaches the Discord account too.
    posted = tg.post(world.group, ann_tg, "claim your bonus at acme-rewards.xyz now")
    ref = make_ref(f"msg:telegram:{world.group.id}:{posted['message_id']}:0")
    cards = await tg.wait_for(lambda: [a for a in tg.sent(world.mods) if f"mod:{ref}:ban" in a.button_data],
                              timeout=20)
    await world.settle()
    tg.press(world.mia, world.mods, cards[0].message_id, f"mod:{ref}:ban")
    await tg.wait_for(lambda: tg.member_status(world.group, ann_tg) == "kicked", timeout=20)
    await dc.wait_for(lambda: dc.is_banned(world.guild, ann_dc), timeout=20)
