"""Neither the bot token nor an interaction token reaches a log line, even with every logger at DEBUG."""

from __future__ import annotations

import asyncio
import logging

import pytest

from beacon.actions import AnswerButton, Button, Forbidden, SendDirect, SendMessage
from beacon.events import ButtonPressed, ChatRef, UserRef
from tests.discord.conftest import TOKEN, Community, Published, wait_ready
from tests.fakes.discord import FakeDiscord


def _rendered(record: logging.LogRecord) -> str:
    text = record.getMessage() + (record.exc_text or "")
    if record.exc_info and record.exc_info[1] is not None:
        text += logging.Formatter().formatException(record.exc_info)
    return text


async def test_no_log_line_contains_a_token(fake: FakeDiscord, community: Community, make_adapter,
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    adapter = make_adapter()
    published = Published()
    task = asyncio.create_task(adapter.run(published))
    try:
        await wait_ready(adapter)
        ann = fake.add_member(community.guild, fake.add_user("ann"))
        card = await adapter.perform(SendMessage(key="c", platform="discord", text="Helpful?",
                                                 chat=ChatRef(platform="discord", chat_id=str(community.general.id)),
                                                 buttons=((Button(text="Yes", data="fb:y"),),)))
        pressed = fake.press(ann, community.general, int(card.message_id))
        press = (await published.wait_for(lambda: published.of(ButtonPressed)))[0]
        await adapter.perform(AnswerButton(key="a", platform="discord", callback_id=press.callback_id, text="Thanks"))
        fake.close_dms(ann)
        with pytest.raises(Forbidden):
            await adapter.perform(SendDirect(key="d", platform="discord", text="hi",
                                             user=UserRef(platform="discord", user_id=str(ann.id))))
        fake.drop()
        await fake.wait_for(lambda: fake.stats.resumes == 1, timeout=10)
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 10)
    assert any(r.name.startswith("discord.http") for r in caplog.records)  # discord.py's DEBUG lines were captured
    assert any("/callback" in _rendered(r) for r in caplog.records)  # … including the interaction callback URL
    for record in caplog.records:
        text = _rendered(record)
        assert TOKEN not in text, f"bot token leaked by {record.name}: {text[:200]}"
        assert pressed.token not in text, f"interaction token leaked by {record.name}: {text[:200]}"
