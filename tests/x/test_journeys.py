"""The support desk on X end to end: Beacon.build with the real adapter, real tweepy over HTTP against the fake,
the real default handlers and analysis. Mentions get public replies without private details, then DMs."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from beacon.app import Beacon, configured_adapters
from beacon.config import Settings
from beacon.metrics import Metrics
from bots.x import XAdapter
from tests.fakes.x import FakeX
from tests.x.conftest import poll_until, x_config

REQUEST = "my withdrawal of 300 USDT never arrived, my UID is 55501234 and my email is ann.lee@mail.example"
PRIVATE = ("55501234", "ann.lee@mail.example")


@dataclass
class World:
    fake: FakeX
    app: Beacon
    adapter: XAdapter

    async def settle(self) -> None:
        assert await self.app.idle(timeout_s=20), "Beacon did not settle"


HELP_CENTRE = "https://help.acme.example"
# Where members continue privately when X cannot reach them: the bot on Telegram and Discord.
CONTACT_LINKS = ["https://t.me/AcmeHelpBot", "https://discord.gg/acme-help"]


def settings_for(fake: FakeX, tmp_path: Path, **support: object) -> Settings:
    return Settings(brand={"name": "Acme Exchange", "official_domains": ["acme.example"],
                           "bot_usernames": [fake.brand.username], "help_centre_url": HELP_CENTRE},
                    database={"url": f"sqlite:///{tmp_path / 'beacon.db'}"}, bus={"url": "memory://"},
                    x=x_config(fake).model_dump(mode="python"), support=support)


@pytest.fixture(params=[{}], ids=["help-centre"])
async def world(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[World]:
    async with FakeX() as fake:
        settings = settings_for(fake, tmp_path, **request.param)
        metrics = Metrics()
        adapter = XAdapter.from_settings(settings, metrics=metrics)
        app = await Beacon.build(settings, adapters=[adapter], metrics=metrics)
        await app.start()
        try:
            await poll_until(adapter, 1)  # the baseline poll
            yield World(fake=fake, app=app, adapter=adapter)
        finally:
            await app.stop()
            await adapter.aclose()


def test_configured_when_the_section_is_present(tmp_path: Path) -> None:
    settings = Settings(brand={"name": "Acme"}, x={"user_id": 1, "bearer_token": "t" * 20},
                        database={"url": f"sqlite:///{tmp_path / 'b.db'}"})
    adapters = configured_adapters(settings, None)
    assert [a.platform for a in adapters] == ["x"] and configured_adapters(settings, {"telegram"}) == []
    assert adapters[0].capabilities.hide_replies


async def test_mention_gets_a_public_reply_without_private_details_then_a_dm(world: World) -> None:
    fake = world.fake
    ann = fake.add_user("ann", name="Ann")
    mention = fake.post_mention(ann, REQUEST)
    [reply] = await fake.wait_for(lambda: fake.replies(mention), timeout=20)
    dms = await fake.wait_for(lambda: fake.dms_to(ann), timeout=20)
    await world.settle()
    public = " ".join(t.text for t in fake.thread_under(mention))
    for detail in PRIVATE:
        assert detail not in public
    assert len(fake.replies(mention)) == 1  # one public reply per message
    assert re.search(r"private", public, re.I)
    assert any("Ticket #" in d for d in dms)
    # X lets the bot hide replies, never delete a mention: the DM asks the member to delete it, truthfully.
    assert any("delete it there now" in d for d in dms) and not any("I removed" in d for d in dms)
    assert world.adapter.calls["create_tweet"] == 1


async def test_closed_dms_are_remembered_and_the_next_reply_points_to_a_private_channel(world: World) -> None:
    fake = world.fake
    bob = fake.add_user("bob", accepts_dms=False)
    mention = fake.post_mention(bob, "my deposit of 20 USDT is missing for 5 hours, please help")
    await fake.wait_for(lambda: fake.replies(mention), timeout=20)
    await world.settle()
    attempts = world.adapter.calls["create_direct_message"]
    assert fake.dms_to(bob) == [] and attempts >= 1  # tried, refused (403)
    # The refusal (ActionFailed dm_closed) is remembered: the next request gets a public note, no DM attempt:
    # a private channel waits, and where (no contact links configured: the help centre).
    again = fake.post_mention(bob, "still waiting for my deposit of 20 USDT, please help")
    [note] = await fake.wait_for(lambda: fake.replies(again), timeout=20)
    await world.settle()
    assert world.adapter.calls["create_direct_message"] == attempts
    assert "private channel is waiting" in note.text and "sent you" not in note.text
    assert note.text.endswith(HELP_CENTRE)


@pytest.mark.parametrize("world", [{"contact_links": CONTACT_LINKS}], ids=["contact-links"], indirect=True)
async def test_closed_dms_reply_links_to_the_bot_elsewhere_and_never_to_private_details(world: World) -> None:
    fake = world.fake
    bob = fake.add_user("bob", accepts_dms=False)
    mention = fake.post_mention(bob, REQUEST)
    await fake.wait_for(lambda: fake.replies(mention), timeout=20)
    await world.settle()
    # First contact: X cannot tell beforehand that DMs are closed. The reply does not claim a DM arrived and
    # says where to continue privately if it does not (the message carried an e-mail: the notice names the
    # kind, never the address).
    first = " ".join(t.text for t in fake.thread_under(mention))
    assert "e-mail address" in first and "sent you" not in first
    assert all(link in first for link in CONTACT_LINKS) and HELP_CENTRE not in first
    # Once the refusal is known: a private channel is waiting — on the bot elsewhere — and nothing else.
    again = fake.post_mention(bob, "still no deposit, please help")
    await fake.wait_for(lambda: fake.replies(again), timeout=20)
    await world.settle()
    note = " ".join(t.text for t in fake.thread_under(again))
    assert "private channel is waiting" in note
    assert note.split(":", 1)[1].split() == CONTACT_LINKS  # the links follow the sentence, nothing more
    everything_public = " ".join(t.text for t in fake.replies())
    for detail in PRIVATE:
        assert detail not in everything_public
    assert fake.dms_to(bob) == []


async def test_first_reply_to_a_member_with_closed_dms_does_not_claim_a_dm_was_sent(world: World) -> None:
    fake = world.fake
    bob = fake.add_user("bob", accepts_dms=False)
    mention = fake.post_mention(bob, "my deposit of 20 USDT is missing for 5 hours, please help")
    await fake.wait_for(lambda: fake.replies(mention), timeout=20)
    await world.settle()
    texts = [t.text for t in fake.replies(mention)]
    assert texts and all("private" in t and "sent you" not in t for t in texts)


async def test_seed_phrase_reply_under_the_brands_post_is_hidden_and_never_echoed(world: World) -> None:
    fake = world.fake
    seed = "abandon ability able about above absent absorb abstract absurd abuse access accident"
    root = fake.brand_post("Maintenance tonight from 22:00 UTC")
    ann = fake.add_user("ann")
    leaked = fake.post(ann, f"@{fake.brand.username} is my wallet safe? {seed}", reply_to=root)
    await fake.wait_for(lambda: leaked.id in fake.hidden, timeout=20)
    await world.settle()
    said = [t.text for t in fake.replies()] + [d.text for d in fake.dms]
    assert not any("absurd" in t or "accident" in t for t in said)
