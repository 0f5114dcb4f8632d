"""Members answering the bot by DM on X, end to end: X and Telegram in one Beacon (staff chat on Telegram), real
tweepy and python-telegram-bot over HTTP against the fakes, the default handlers. A DM reply reaches the ticket's
staff chat, and a /link code made on Telegram is redeemed from an X DM."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from beacon.app import Beacon
from beacon.config import Settings
from bots.telegram import TelegramAdapter
from bots.x import XAdapter
from tests.fakes.telegram import FakeChat, FakeTelegram, RateLimit, settle
from tests.fakes.x import FakeX
from tests.linking.conftest import CODE
from tests.x.conftest import poll_until, x_config
from tests.x.test_dms import wait_dm_polls

TG_TOKEN = "7012345678:AAH3xq_XDmTestTokenNeverLogged-9f8e7d6c5b4a"
TG_BOT = "AcmeHelpBot"
REQUEST = "my withdrawal of 300 USDT never arrived after 5 hours, please help"


@dataclass
class World:
    x: FakeX
    tg: FakeTelegram
    app: Beacon
    mods: FakeChat
    adapter: XAdapter

    async def settle(self) -> None:
        await settle(self.tg, self.app)

    def tg_texts(self, chat: Any) -> list[str]:
        return [a.text or "" for a in self.tg.sent(chat)]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with (FakeX() as x,
                FakeTelegram(token=TG_TOKEN, bot_username=TG_BOT, private_limit=RateLimit(30, 1.0)) as tg):
        owner = tg.add_user("Olga", username="olga")
        mods = tg.create_group("Acme moderators", owner=owner)
        settings = Settings(
            brand={"name": "Acme Exchange", "official_domains": ["acme.example"],
                   "bot_usernames": [TG_BOT, x.brand.username], "help_centre_url": "https://help.acme.example"},
            database={"url": f"sqlite:///{tmp_path / 'beacon.db'}"}, bus={"url": "memory://"},
            telegram={"token": tg.token, "base_url": tg.base_url, "moderators_chat_id": mods.id, "poll_timeout_s": 1},
            x=x_config(x).model_dump(mode="python"),
        )
        telegram = TelegramAdapter.from_settings(settings)
        adapter = XAdapter.from_settings(settings)
        app = await Beacon.build(settings, adapters=[telegram, adapter])
        await app.start()
        try:
            tg.add_bot(mods)
            await poll_until(adapter, 1)
            await wait_dm_polls(adapter, 1)  # both baselines set: from here on every DM is read
            world = World(x=x, tg=tg, app=app, mods=mods, adapter=adapter)
            await world.settle()
            yield world
        finally:
            await app.stop()
            await telegram.aclose()
            await adapter.aclose()


async def test_dm_reply_on_x_reaches_the_tickets_staff_chat(world: World) -> None:
    x = world.x
    ann = x.add_user("ann", name="Ann")
    mention = x.post_mention(ann, REQUEST)
    await x.wait_for(lambda: x.replies(mention), timeout=20)
    await x.wait_for(lambda: [d for d in x.dms_to(ann) if "Ticket #1" in d], timeout=20)
    await world.tg.wait_for(lambda: [t for t in world.tg_texts(world.mods) if "Ticket #1" in t], timeout=20)
    await world.settle()

    reply = x.send_dm(ann, "the TxID is abc123def")
    await world.tg.wait_for(lambda: [t for t in world.tg_texts(world.mods) if "abc123def" in t], timeout=20)
    await world.settle()
    assert sum("abc123def" in t for t in world.tg_texts(world.mods)) == 1  # relayed once
    # The bot's own DMs are in the listing too, and none came back as a member's message.
    assert not any(d.text in t for d in x.dms for t in world.tg_texts(world.mods))
    assert int(reply.id) <= int(world.adapter._dm_since_id or 0)  # the cursor moved past the reply


async def test_link_code_from_telegram_is_redeemed_from_an_x_dm(world: World) -> None:
    tg, x = world.tg, world.x
    ann_tg = tg.add_user("Ann", username="ann_k", started=True)
    ann_x = x.add_user("ann_x", name="Ann")
    tg.private(ann_tg, "/link")
    [issued] = await tg.wait_for(lambda: [t for t in world.tg_texts(ann_tg) if CODE.search(t)], timeout=20)
    code = CODE.search(issued)[1]  # type: ignore[index]

    x.send_dm(ann_x, f"/link {code}")
    done = await x.wait_for(lambda: [d for d in x.dms_to(ann_x) if "now linked" in d], timeout=20)
    assert "Telegram @ann_k" in done[0]
    other = await tg.wait_for(lambda: [t for t in world.tg_texts(ann_tg) if "now linked" in t], timeout=20)
    assert "X @ann_x" in other[0] and "/unlink" in other[0]
    await world.settle()
