"""Announcements over Telegram: real python-telegram-bot over HTTP against the fake Bot API."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from announcements import plan, service
from announcements.models import AnnouncementLog, Subscription
from tests.announcements.conftest import (
    BOT,
    TOKEN,
    VARIANTS,
    actor,
    build_community,
    cli,
    in_tx,
    outbox_rows,
    running,
    settings_for,
    settings_values,
    utcnow,
    wait_until,
    write_config,
)
from tests.fakes.telegram import FakeTelegram, RateLimit

NEW_TEXTS = {"en": "UPDATED: maintenance moved to 03:00-05:00 UTC.", "zh": "更新：维护改为03:00-05:00（UTC）。"}


async def state_of(app, ann_id: int) -> str:  # noqa: ANN001
    return (await in_tx(app, lambda s: service.get(s, ann_id))).state


async def send(app, settings, ann: service.NewAnnouncement, who: str = "mia") -> int:  # noqa: ANN001
    caps = {a.platform: a.capabilities for a in app.adapters}

    async def work(session):  # noqa: ANN001, ANN202
        created = await service.create(session, settings, ann, actor(settings, who), utcnow(), submit=False)
        await service.send_now(session, settings, caps, created.id, actor(settings, who), utcnow())
        return created.id

    return await in_tx(app, work)


async def test_variants_reach_fifty_chats_each_in_its_language(fake: FakeTelegram, tmp_path: Path) -> None:
    community = build_community(fake, {"en": 20, "zh": 15, "ru": 15})
    settings = settings_for(fake, tmp_path, community)
    async with running(settings) as app:
        ann_id = await send(app, settings, service.NewAnnouncement(
            kind="maintenance", texts=VARIANTS, default_lang="en", targets=["official"], pin=True))
        await fake.wait_for(lambda: len(fake.sent()) >= 50, timeout=30)
        assert await app.idle(timeout_s=30)
        for chat in community.all_chats:
            sent = fake.sent(chat)
            assert len(sent) == 1, f"{chat.title} got {len(sent)} copies"
            assert sent[0].text == plan.render("maintenance", VARIANTS[community.language_of(chat.id)])
            assert fake.actions_of("pinned", chat), f"{chat.title}: not pinned"
        rows = await outbox_rows(app, f"ann:{ann_id}:")
        assert Counter(r.state for r in rows) == {"sent": 50}
        assert all(r.result_message_id for r in rows)
        assert await wait_until(lambda: _is(state_of(app, ann_id), "sent"), timeout=10)


async def _is(value, expected) -> bool:  # noqa: ANN001
    return (await value) == expected


async def test_edit_and_retract_reach_every_copy_subscribers_and_blocked_members(fake: FakeTelegram,
                                                                                tmp_path: Path) -> None:
    community = build_community(fake, {"en": 4, "zh": 4, "ru": 4})
    gone = community.chats["en"][3]
    settings = settings_for(fake, tmp_path, community)
    ann_en = fake.add_user("Ann", language_code="en")
    li = fake.add_user("Li", language_code="zh-hans")
    blocker = fake.add_user("Bo", language_code="ru")
    silent = fake.add_user("Sid", language_code="en")
    async with running(settings) as app:
        for member in (ann_en, li, blocker, silent):
            fake.private(member, "/subscribe maintenance security")
        await fake.wait_for(lambda: all(fake.sent(m) for m in (ann_en, li, blocker, silent)), timeout=20)
        assert "订阅" in fake.sent(li)[-1].text  # answered in the member's language
        assert len(fake.sent(ann_en)) == 1  # one reply: the desk left /subscribe alone
        fake.block_bot(blocker)  # the bot hears of it (my_chat_member: kicked)
        silent.blocked = True  # the bot does not: the DM will be refused
        fake.remove_bot(gone)
        assert await app.idle(timeout_s=20)

        ann_id = await send(app, settings, service.NewAnnouncement(
            kind="maintenance", texts=VARIANTS, default_lang="en", targets=["official"]))
        await fake.wait_for(lambda: len(fake.sent(li)) == 2 and len(fake.sent(ann_en)) == 2, timeout=30)
        assert await app.idle(timeout_s=30)
        assert fake.sent(li)[-1].text == plan.render("maintenance", VARIANTS["zh"])
        assert fake.sent(ann_en)[-1].text == plan.render("maintenance", VARIANTS["en"])
        assert len(fake.sent(blocker)) == 1  # skipped: marked blocked before the fan-out
        async with app.sessions() as session:
            reasons = {(d.audience, d.chat_id): d.reason for d in await service.deliveries_of(session, ann_id)}
            subs = {s.user_id: s for s in (await session.scalars(select(Subscription))).all()}
        assert reasons[("chat", str(gone.id))] == "kicked"  # failure per chat, with the reason
        assert reasons[("dm", str(silent.id))] == "blocked"
        assert subs[str(blocker.id)].blocked and subs[str(silent.id)].blocked  # both marked, both skipped next time
        assert ("dm", str(blocker.id)) not in reasons

        async def do_edit(session):  # noqa: ANN001, ANN202
            return await service.edit(session, settings, {"telegram": app.adapters[0].capabilities}, ann_id,
                                      NEW_TEXTS, actor(settings, "noah"), utcnow())

        outcome = await in_tx(app, do_edit)
        assert outcome.queued == 11 + 2  # 11 chats the bot is in + 2 subscribers; the kicked chat is skipped
        assert await app.idle(timeout_s=30)
        for lang in ("en", "zh"):
            for chat in community.chats[lang]:
                if chat is gone:
                    continue
                [copy] = fake.sent(chat)
                assert fake.message(chat, copy.message_id)["text"] == plan.render("maintenance", NEW_TEXTS[lang])
        for chat in community.chats["ru"]:  # no new ru text: the copy stays as it was
            [copy] = fake.sent(chat)
            assert fake.message(chat, copy.message_id)["text"] == plan.render("maintenance", VARIANTS["ru"])
        assert fake.message(li, fake.sent(li)[-1].message_id)["text"] == plan.render("maintenance", NEW_TEXTS["zh"])

        lost = community.chats["zh"][0]
        fake.remove_bot(lost)  # removed after delivery: its copy cannot be deleted any more
        assert await app.idle(timeout_s=20)

        async def do_retract(session):  # noqa: ANN001, ANN202
            return await service.retract(session, settings, {"telegram": app.adapters[0].capabilities}, ann_id,
                                         actor(settings, "mia"), utcnow())

        outcome = await in_tx(app, do_retract)
        assert outcome.queued == 13
        assert await app.idle(timeout_s=30)
        for chat in [c for c in community.all_chats if c not in (gone, lost)] + [ann_en, li]:
            copy = fake.sent(chat)[-1]
            assert fake.message(chat, copy.message_id) is None, f"{chat} still shows the announcement"
        assert fake.message(lost, fake.sent(lost)[0].message_id) is not None
        async with app.sessions() as session:
            removal = {d.chat_id: d.removal for d in await service.deliveries_of(session, ann_id)}
            log = [e.action for e in (await session.scalars(select(AnnouncementLog)
                                                            .where(AnnouncementLog.announcement_id == ann_id))).all()]
        assert removal[str(lost.id)] == "not removed: kicked"  # recorded with why
        assert {k for k, v in removal.items() if v} == {str(lost.id)}
        assert "retracted" in log and "not removed" in log
        assert await state_of(app, ann_id) == "retracted"


async def test_safety_alert_overtakes_a_running_routine_announcement(tmp_path: Path) -> None:
    rate = 20
    async with FakeTelegram(token=TOKEN, bot_username=BOT, overall_limit=RateLimit(rate, 1.0)) as fake:
        community = build_community(fake, {"en": 60})
        settings = settings_for(fake, tmp_path, community, telegram={"rate_overall_per_s": rate})
        async with running(settings) as app:
            routine = await send(app, settings, service.NewAnnouncement(
                kind="listing", texts={"en": "New listing: ABC/USDT trading opens at 10:00 UTC."},
                default_lang="en", targets=["official"]))
            await fake.wait_for(lambda: len(fake.sent()) >= 10, timeout=30)
            alert = await send(app, settings, service.NewAnnouncement(
                kind="security", texts={"en": "Fake support accounts are DMing members. We never DM first."},
                default_lang="en", targets=["official"]), who="noah")
            await fake.wait_for(lambda: len(fake.sent()) >= 120, timeout=60)
            assert await app.idle(timeout_s=30)
        order = ["alert" if a.text.startswith(plan.KIND_MARK["security"]) else "routine" for a in fake.sent()]
        first, last = order.index("alert"), len(order) - 1 - order[::-1].index("alert")
        routine_during_alert = order[first:last + 1].count("routine")
        routine_after_alert = order[last + 1:].count("routine")
        assert routine_during_alert <= 3, f"{routine_during_alert} routine sends went out amid the alert"
        assert routine_after_alert >= 20, "the routine announcement was nearly done: nothing was overtaken"
        assert Counter(a.chat_id for a in fake.sent()) == {c.id: 2 for c in community.all_chats}
        assert routine != alert


async def test_announce_in_dm_two_person_rule_and_alert_authors(fake: FakeTelegram, tmp_path: Path) -> None:
    community = build_community(fake, {"en": 3, "zh": 3})
    mia, noah = community.managers
    values = settings_values(fake, tmp_path, community, require_approval=True, alert_authors=["noah"])
    config = write_config(values, tmp_path / "beacon.toml")
    settings = settings_for(fake, tmp_path, community, require_approval=True, alert_authors=["noah"])
    member = fake.add_user("Stranger", started=True)
    async with running(settings) as app:
        fake.private(member, "/announce")
        await fake.wait_for(lambda: fake.sent(member), timeout=20)
        assert "Only community managers" in fake.sent(member)[-1].text

        fake.private(mia, "/announce")
        kinds = await fake.wait_for(lambda: fake.sent(mia), timeout=20)
        assert len(kinds) == 1 and "an:k:maintenance" in kinds[0].button_data  # the desk stayed silent
        fake.press(mia, mia, kinds[0].message_id, "an:k:maintenance")
        await fake.wait_for(lambda: fake.actions_of("edited", mia), timeout=20)
        fake.private(mia, "Maintenance tonight 02:00-03:00 UTC.")
        await fake.wait_for(lambda: len(fake.sent(mia)) == 2, timeout=20)
        fake.private(mia, "zh: 今晚02:00-03:00（UTC）维护。")
        pick = (await fake.wait_for(lambda: len(fake.sent(mia)) == 3 and fake.sent(mia), timeout=20))[-1]
        assert "en, zh" in pick.text
        targets = settings.announcements.target_names
        fake.press(mia, mia, pick.message_id, f"an:t:{targets.index('official')}")
        await fake.wait_for(lambda: len(fake.actions_of("edited", mia)) == 2, timeout=20)
        fake.press(mia, mia, pick.message_id, "an:pv")
        preview = (await fake.wait_for(lambda: len(fake.sent(mia)) == 4 and fake.sent(mia), timeout=20))[-1]
        assert "6 chats" in preview.text and "needs approval" in preview.text
        fake.press(mia, mia, preview.message_id, "an:go")
        ask = (await fake.wait_for(lambda: fake.sent(noah), timeout=20))[-1]
        await fake.wait_for(lambda: "awaits approval" in fake.sent(mia)[-1].text, timeout=20)
        ann_id = int(ask.button_data[0].split(":")[2])
        assert await state_of(app, ann_id) == "awaiting_approval"
        assert not any(fake.sent(c) for c in community.all_chats)

        refused = await cli(config, "announce", "approve", str(ann_id), "--as", "mia")
        assert refused.exit_code == 3 and "self-approval refused" in refused.output
        assert await state_of(app, ann_id) == "awaiting_approval"

        fake.press(noah, noah, ask.message_id, ask.button_data[0])
        await fake.wait_for(lambda: all(fake.sent(c) for c in community.all_chats), timeout=30)
        for chat in community.all_chats:
            [copy] = fake.sent(chat)
            lang = community.language_of(chat.id)
            expected = "Maintenance tonight 02:00-03:00 UTC." if lang == "en" else "今晚02:00-03:00（UTC）维护。"
            assert copy.text == plan.render("maintenance", expected)
        shown = json.loads((await cli(config, "announce", "show", str(ann_id), "--json")).stdout)
        actions = [(e["actor"], e["action"]) for e in shown["log"]]
        assert (f"telegram:{mia.id}", "self-approval refused") in actions
        assert (f"telegram:{noah.id}", "approved") in actions
        assert shown["approved_by"] == f"telegram:{noah.id}"

        # An alert author's safety alert skips approval; a routine one by the same author does not.
        for path, text in (("alert.md", "Beware of fake support accounts."), ("news.md", "Weekly news.")):
            (tmp_path / path).write_text(text, encoding="utf-8")
        alert = await cli(config, "announce", "create", "--kind", "security", "--text", f"en={tmp_path / 'alert.md'}",
                          "--target", "official-en", "--submit", "--as", "noah", "--json")
        news = await cli(config, "announce", "create", "--kind", "general", "--text", f"en={tmp_path / 'news.md'}",
                         "--target", "official-en", "--submit", "--as", "noah", "--json")
        assert json.loads(alert.stdout)["state"] == "scheduled"
        assert json.loads(news.stdout)["state"] == "awaiting_approval"
        await fake.wait_for(lambda: all(len(fake.sent(c)) == 2 for c in community.chats["en"]), timeout=20)
        assert all(fake.sent(c)[-1].text == plan.render("security", "Beware of fake support accounts.")
                   for c in community.chats["en"])


async def test_subscribe_buttons_and_members_language(fake: FakeTelegram, tmp_path: Path) -> None:
    community = build_community(fake, {"en": 1})
    settings = settings_for(fake, tmp_path, community)
    olga = fake.add_user("Olga", language_code="ru")
    async with running(settings) as app:
        fake.private(olga, "/subscribe")
        menu = (await fake.wait_for(lambda: fake.sent(olga), timeout=20))[-1]
        assert "an:s:security" in menu.button_data and "Безопасность" in str(menu.buttons)
        fake.press(olga, olga, menu.message_id, "an:s:security")
        await fake.wait_for(lambda: fake.actions_of("edited", olga), timeout=20)
        assert "✅ Безопасность" in str(fake.message(olga, menu.message_id)["reply_markup"])
        fake.press(olga, olga, menu.message_id, "an:sd")
        await fake.wait_for(lambda: len(fake.actions_of("edited", olga)) == 2, timeout=20)
        assert "Безопасность" in fake.message(olga, menu.message_id)["text"]
        await send(app, settings, service.NewAnnouncement(kind="security", texts={
            "en": "Never share your seed phrase.", "ru": "Никому не сообщайте сид-фразу."}, default_lang="en",
            targets=["official"]))
        await send(app, settings, service.NewAnnouncement(kind="listing", texts={"en": "New listing."},
                                                          default_lang="en", targets=["official"]))
        assert await app.idle(timeout_s=30)
        dms = [a.text for a in fake.sent(olga)][1:]
        assert dms == [plan.render("security", "Никому не сообщайте сид-фразу.")]  # not the listing
        fake.private(olga, "/unsubscribe")
        assert await app.idle(timeout_s=20)
        async with app.sessions() as session:
            sub = await session.get(Subscription, ("telegram", str(olga.id)))
        assert sub is not None and sub.kinds == ""
