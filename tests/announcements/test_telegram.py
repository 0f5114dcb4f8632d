"""Announcements over Telegram: real python-telegram-bot over HTTP against the fake Bot API."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from announcements import plan, service
from tests.announcements.conftest import (
    VARIANTS,
    actor,
    build_community,
    in_tx,
    outbox_rows,
    running,
    settings_for,
    utcnow,
)
from tests.fakes.telegram import FakeTelegram


async def test_variants_reach_fifty_chats_each_in_its_language(fake: FakeTelegram, tmp_path: Path) -> None:
    community = build_community(fake, {"en": 20, "zh": 15, "ru": 15})
    settings = settings_for(fake, tmp_path, community)
    async with running(settings) as app:
        new = service.NewAnnouncement(kind="maintenance", texts=VARIANTS, default_lang="en", targets=["official"],
                                      pin=True)
        mia = actor(settings, "mia")

        async def create_and_send(session):  # noqa: ANN001, ANN202
            ann = await service.create(session, settings, new, mia, utcnow(), submit=False)
            return ann.id, await service.send_now(session, settings, {"telegram": app.adapters[0].capabilities},
                                                  ann.id, mia, utcnow())

        ann_id, result = await in_tx(app, create_and_send)
        assert (result.chats, result.dms) == (50, 0)
        await fake.wait_for(lambda: len(fake.sent()) >= 50, timeout=30)
        assert await app.idle(timeout_s=30)
        for chat in community.all_chats:
            sent = fake.sent(chat)
            assert len(sent) == 1, f"{chat.title} got {len(sent)} copies"
            lang = community.language_of(chat.id)
            assert sent[0].text == plan.render("maintenance", VARIANTS[lang])
            assert fake.actions_of("pinned", chat), f"{chat.title}: not pinned"
        rows = await outbox_rows(app, f"ann:{ann_id}:")
        assert Counter(r.state for r in rows) == {"sent": 50}
        assert all(r.result_message_id for r in rows)
        # The next ticks close the run: the announcement ends "sent".
        await fake.wait_for(lambda: True)
        for _ in range(100):
            ann = await in_tx(app, lambda s: service.get(s, ann_id))
            if ann.state == "sent":
                break
            import asyncio

            await asyncio.sleep(0.05)
        assert ann.state == "sent"
