"""Moderation journeys over Telegram: real python-telegram-bot over real HTTP against the fake Bot API."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beacon.app import Beacon
from beacon.config import Settings
from beacon.directory import track_directory
from bots.telegram import TelegramAdapter
from moderation.handlers import build_moderation_handlers
from moderation.records import make_ref
from tests.fakes.telegram import FakeTelegram, FakeUser, RateLimit, settle
from tests.moderation.conftest import all_rows_text

TOKEN = "7012345678:AAH3xq_ModerationTestToken-9f8e7d6c5b4a"
BOT = "OKXHelpDeskBot"
SEED = "abandon ability able about above absent absorb abstract absurd abuse access accident"
SEED_WORDS = ("abandon", "ability", "absurd", "accident")
# The acceptance names; they live in this test's config, never in code.
CONFIG = """
[brand]
name = "OKX"
official_domains = ["okx.com", "okx.help"]
bot_usernames = ["{bot}"]

[[staff]]
platform = "telegram"
user_id = "500"
display_name = "OKX Support"
username = "okx_support"

[[staff]]
platform = "telegram"
user_id = "501"
display_name = "Mia"
username = "mia_mod"
roles = ["moderator"]

[[staff]]
platform = "telegram"
user_id = "502"
display_name = "Leo"
username = "leo_mod"
roles = ["moderator"]

[database]
url = "sqlite:///{db}"

[bus]
url = "memory://"

[telegram]
token = "{token}"
base_url = "{base_url}"
moderators_chat_id = {mods}
poll_timeout_s = 1
"""


@dataclass
class World:
    fake: FakeTelegram
    beacon: Beacon
    settings: Settings
    config_path: Path
    general: object
    trading: object
    mods: object
    mia: FakeUser
    leo: FakeUser
    staff: FakeUser

    async def settle(self) -> None:
        await settle(self.fake, self.beacon)

    def bot_texts(self) -> str:
        """Every text the bot sent or edited, and every parameter of every API call it made."""
        # "deleted" actions keep the removed member message for inspection: that text is not the bot's.
        texts = [a.text or "" for a in self.fake.actions if a.kind in ("sent", "edited", "answered")]
        texts += [json.dumps(c.params, ensure_ascii=False, default=str) for c in self.fake.calls
                  if c.method.lower() != "getupdates"]
        return "\n".join(texts)

    def card_for(self, ref: str):
        cards = [a for a in self.fake.sent(self.mods) if any(ref in d for d in a.button_data)]
        return cards[-1] if cards else None

    async def cli(self, *args: str) -> tuple[int, str]:
        """Run a ``beacon`` command against this world's config (in a thread: it runs its own loop)."""
        from beacon.cli import app

        result = await asyncio.to_thread(CliRunner().invoke, app, [*args, "--config", str(self.config_path)])
        return result.exit_code, result.output

    async def flags_list_json(self) -> list[dict]:
        code, output = await self.cli("flags", "list", "--json")
        assert code == 0, output
        return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with FakeTelegram(token=TOKEN, bot_username=BOT, group_limit=RateLimit(60, 60.0)) as fake:
        owner = fake.add_user("Olga", username="olga_owner")
        staff = fake.add_user("OKX Support", username="okx_support", user_id=500)
        mia = fake.add_user("Mia", username="mia_mod", user_id=501, started=True)
        leo = fake.add_user("Leo", username="leo_mod", user_id=502, started=True)
        general = fake.create_group("OKX English", owner=owner)
        trading = fake.create_group("OKX Trading", owner=owner)
        mods = fake.create_group("OKX Moderators", owner=owner)
        for user in (mia, leo, staff):
            fake.set_member(mods, user)
        path = tmp_path / "beacon.toml"
        path.write_text(CONFIG.format(bot=BOT, db=tmp_path / "beacon.db", token=TOKEN, base_url=fake.base_url,
                                      mods=mods.id))
        from beacon.config import load_settings

        settings = load_settings(path)
        adapter = TelegramAdapter.from_settings(settings)
        beacon = await Beacon.build(settings, adapters=[adapter],
                                    handlers=[track_directory, *build_moderation_handlers(settings)])
        await beacon.start()
        fake.add_bot(general, admin=True)
        fake.add_bot(trading, admin=True)
        fake.add_bot(mods)
        w = World(fake=fake, beacon=beacon, settings=settings, config_path=path, general=general, trading=trading,
                  mods=mods, mia=mia, leo=leo, staff=staff)
        await w.settle()
        try:
            yield w
        finally:
            await beacon.stop()
            await adapter.aclose()


async def test_seed_phrase_deleted_within_a_second_warned_and_never_echoed(world: World, caplog) -> None:
    caplog.set_level(logging.INFO)
    fake = world.fake
    ann = fake.add_user("Ann", username="ann_trader")
    fake.post(world.general, ann, "gm, anyone knows when the next listing is?")
    await world.settle()
    posted_at = time.time()
    message = fake.post(world.general, ann, f"saving this here so I do not lose it: {SEED}")
    deleted = await fake.wait_for(lambda: [a for a in fake.actions_of("deleted", world.general)
                                           if a.message_id == message["message_id"]], timeout=5)
    # Measured from the post, before the bot even fetched the update: an upper bound on receipt → delete.
    assert deleted[0].at - posted_at < 1.0
    assert fake.message(world.general, message["message_id"]) is None
    await world.settle()

    notices = [a.text for a in fake.sent(world.general)]
    assert len(notices) == 1 and "@ann_trader" in notices[0] and "a seed phrase" in notices[0]
    assert "new wallet" in notices[0]

    cases = await world.flags_list_json()
    assert [c["flags"] for c in cases] == [["secret"]] and cases[0]["status"] == "auto"
    haystacks = {
        "bot messages and API calls": world.bot_texts(),
        "log lines": caplog.text + "\n".join(r.getMessage() for r in caplog.records),
        "database rows": await all_rows_text(world.beacon),
        "beacon flags list --json": json.dumps(cases, ensure_ascii=False),
    }
    for where, text in haystacks.items():
        for word in SEED_WORDS:
            assert word not in text, f"{word!r} found in {where}"


async def test_member_who_started_the_bot_is_warned_by_dm(world: World) -> None:
    fake = world.fake
    bob = fake.add_user("Bob", username="bob_b", started=True)
    fake.private(bob, "hi")
    await world.settle()  # the DM (another chat, handled in parallel) is seen before the group message
    message = fake.post(world.general, bob, f"backup: {SEED}")
    await fake.wait_for(lambda: fake.message(world.general, message["message_id"]) is None)
    await world.settle()
    assert fake.sent(world.general) == []
    assert any("a seed phrase" in (a.text or "") and "new wallet" in (a.text or "") for a in fake.sent(bob))


async def test_impersonator_flagged_naming_staff_refused_press_then_banned_by_one_press(world: World) -> None:
    fake = world.fake
    imp = fake.add_user("0KX Supp0rt", username="helpdesk_4471")
    eve = fake.add_user("Eve", username="eve_curious")
    fake.set_member(world.mods, eve)  # in the moderators' chat, but neither staff nor its administrator
    message = fake.post(world.general, imp, "Hello! Having issues with your withdrawal? DM me and I will fix it")
    await world.settle()
    ref = make_ref(f"msg:telegram:{world.general.id}:{message['message_id']}:0")
    card = world.card_for(ref)
    assert card is not None and "Imitates verified staff: okx_support" in card.text

    fake.press(eve, world.mods, card.message_id, f"mod:{ref}:ban")
    await world.settle()
    assert fake.member_status(world.general, imp) == "member"
    assert any(c["answer"] and "Only moderators" in (c["answer"].get("text") or "")
               for c in fake.callbacks.values() if c["user_id"] == eve.id)
    audit = await _audit(world)
    assert any(a["action"] == "refused" and a["actor"].startswith(f"telegram:{eve.id}") for a in audit)

    fake.press(world.mia, world.mods, card.message_id, f"mod:{ref}:ban")
    await world.settle()
    assert fake.member_status(world.general, imp) == "kicked"
    assert fake.member_status(world.trading, imp) == "kicked"  # ban everywhere the bot moderates
    edited = fake.actions_of("edited", world.mods)
    assert edited and "@mia_mod banned everywhere" in edited[-1].text and not edited[-1].buttons
    # A case is acted on once: a second decision (here from the CLI) is refused.
    bans = len(fake.actions_of("banned"))
    code, output = await world.cli("flags", "act", ref, "dismiss", "--as", "leo_mod")
    assert code != 0 and "already handled" in output
    await world.settle()
    assert len(fake.actions_of("banned")) == bans


async def test_admin_of_the_moderators_chat_may_press(world: World) -> None:
    fake = world.fake
    admin = fake.add_user("Mod Admin", username="mod_admin")
    fake.set_member(world.mods, admin, "administrator")
    spam = fake.add_user("Promo", username="promo_guy")
    message = fake.post(world.general, spam, "claim your free USDT airdrop at okx-rewards.xyz now")
    await world.settle()
    ref = make_ref(f"msg:telegram:{world.general.id}:{message['message_id']}:0")
    card = world.card_for(ref)
    assert card is not None
    fake.press(admin, world.mods, card.message_id, f"mod:{ref}:m1h")
    await world.settle()
    assert fake.member_status(world.general, spam) == "restricted"


async def test_phishing_link_deleted_and_audited(world: World) -> None:
    fake = world.fake
    phisher = fake.add_user("Rewards", username="rewards_team")
    message = fake.post(world.general, phisher, "Claim your 500 USDT bonus before it expires: https://okx-bonus.xyz/claim")
    await fake.wait_for(lambda: fake.message(world.general, message["message_id"]) is None)
    await world.settle()
    ref = make_ref(f"msg:telegram:{world.general.id}:{message['message_id']}:0")
    assert world.card_for(ref) is not None
    audit = await _audit(world)
    deletes = [a for a in audit if a["action"] == "delete" and a["case"] == ref]
    assert deletes and deletes[0]["actor"] == "beacon" and "policy:phishing:delete" in deletes[0]["rule"]
    assert "okx-bonus.xyz" in deletes[0]["reason"]


async def test_appeal_reaches_a_second_moderator_and_the_outcome_the_member(world: World) -> None:
    fake = world.fake
    sam = fake.add_user("Sam", username="sam_s")
    message = fake.post(world.general, sam, "Claim your 500 USDT bonus before it expires: https://okx-bonus.xyz/claim")
    await world.settle()
    ref = make_ref(f"msg:telegram:{world.general.id}:{message['message_id']}:0")
    fake.press(world.mia, world.mods, world.card_for(ref).message_id, f"mod:{ref}:ban")
    await world.settle()
    assert fake.member_status(world.general, sam) == "kicked"

    fake.private(sam, "/appeal that was my own referral page, not a scam")
    await world.settle()
    appeal = world.card_for(ref)
    assert appeal is not None and "📨 Appeal" in appeal.text and "other than telegram:501 @mia_mod" in appeal.text
    assert any("sent to a moderator" in (a.text or "") for a in fake.sent(sam))

    fake.press(world.mia, world.mods, appeal.message_id, f"mod:{ref}:up")  # the same moderator: refused
    await world.settle()
    assert not any("reviewed by a moderator" in (a.text or "") for a in fake.sent(sam))
    fake.press(world.leo, world.mods, appeal.message_id, f"mod:{ref}:up")
    await world.settle()
    assert any("the decision stands" in (a.text or "") for a in fake.sent(sam))
    [case] = [c for c in await world.flags_list_json() if c["id"] == ref]
    assert case["status"] == "upheld"


async def test_same_update_twice_gives_one_case(world: World) -> None:
    fake = world.fake
    ann = fake.add_user("Ann", username="ann_again")
    message = fake.post(world.general, ann, f"{SEED}")
    await world.settle()
    # Telegram delivers the same message again (a redelivery after an unconfirmed offset).
    fake._enqueue("message", dict(message))  # noqa: SLF001 - the fake's own redelivery path
    await world.settle()
    cases = await world.flags_list_json()
    assert len(cases) == 1
    assert len(fake.sent(world.general)) == 1 and len(fake.actions_of("deleted", world.general)) == 1


async def test_verify_tells_staff_from_lookalikes(world: World) -> None:
    fake = world.fake
    kim = fake.add_user("Kim", username="kim_k", started=True)
    imp = fake.add_user("0KX Supp0rt", username="okx_supp0rt")
    fake.private(kim, "/verify @okx_support")
    fake.private(kim, "/verify @okx_supp0rt")
    fake.post(kim, kim, "look", forward_from=imp)
    fake.post(kim, kim, "and this one", forward_from=world.staff)
    await world.settle()
    replies = [a.text or "" for a in fake.sent(kim)]
    assert any(r.startswith("✅ @okx_support") and "exact username" in r for r in replies)
    assert any(r.startswith("❌ @okx_supp0rt") and "exact username" in r for r in replies)
    assert any(r.startswith("❌") and f"user id {imp.id}" in r and "imitates verified staff member okx_support" in r
               for r in replies)
    assert any(r.startswith("✅") and "user id 500" in r for r in replies)
    fake.post(world.general, kim, "/verify @okx_supp0rt")
    await world.settle()
    assert any((a.text or "").startswith("❌ @okx_supp0rt") for a in fake.sent(world.general))


async def test_lookalike_joining_is_flagged_before_posting(world: World) -> None:
    fake = world.fake
    imp = fake.add_user("OKX Suppport", username="support_desk_99")
    fake.join(world.general, imp)
    await world.settle()
    cards = [a for a in fake.sent(world.mods) if "new member" in (a.text or "")]
    assert len(cards) == 1 and "okx_support" in cards[0].text


async def _audit(world: World) -> list[dict]:
    code, output = await world.cli("audit", "--json")
    assert code == 0, output
    return [json.loads(line) for line in output.splitlines() if line.strip()]
