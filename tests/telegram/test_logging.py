"""The bot token never reaches a log line, even with every logger at DEBUG."""

from __future__ import annotations

import asyncio
import logging

import pytest

from beacon.actions import Forbidden, SendDirect, SendMessage
from beacon.config import TelegramConfig
from beacon.events import ChatRef, UserRef
from bots.telegram import TelegramAdapter
from tests.fakes.telegram import FakeTelegram
from tests.telegram.conftest import TOKEN, Published


def _assert_no_token(caplog: pytest.LogCaptureFixture) -> None:
    for record in caplog.records:
        rendered = record.getMessage() + (record.exc_text or "")
        if record.exc_info and record.exc_info[1] is not None:
            rendered += logging.Formatter().formatException(record.exc_info)
        assert TOKEN not in rendered, f"token leaked by {record.name}: {rendered[:200]}"
        assert TOKEN.split(":", 1)[1] not in rendered, f"token secret part leaked by {record.name}"


async def test_no_log_line_contains_the_token(fake: FakeTelegram, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    adapter = TelegramAdapter(TelegramConfig(token=TOKEN, base_url=fake.base_url, poll_timeout_s=1))
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING  # first line of defence
    # Second line: even if someone turns httpx back up, the masking filter catches the URLs.
    logging.getLogger("httpx").setLevel(logging.DEBUG)
    try:
        published = Published()
        task = asyncio.create_task(adapter.run(published))
        group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
        fake.add_bot(group, admin=True)
        fake.post(group, fake.add_user("Ann"), "hello")
        await published.wait_for(lambda: len(published.events) == 2)
        await adapter.perform(SendMessage(key="k", platform="telegram",
                                          chat=ChatRef(platform="telegram", chat_id=str(group.id)), text="hi"))
        with pytest.raises(Forbidden):
            await adapter.perform(SendDirect(key="k", platform="telegram",
                                             user=UserRef(platform="telegram", user_id=str(fake.add_user("B").id)),
                                             text="hi"))
        await adapter.stop()
        await asyncio.wait_for(task, 10)
    finally:
        logging.getLogger("httpx").setLevel(logging.WARNING)
        adapter.release_log_masking()
    httpx_lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any("/bot***/" in line for line in httpx_lines), "the test did not exercise httpx's URL logging"
    assert any(r.name.startswith("telegram") for r in caplog.records)  # PTB's DEBUG lines were captured too
    _assert_no_token(caplog)


async def test_rejected_token_is_reported_without_the_token(fake: FakeTelegram,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "7012345678:AAH3xq_SomeOtherTokenNeverLogged-1a2b3c"
    adapter = TelegramAdapter(TelegramConfig(token=wrong, base_url=fake.base_url, poll_timeout_s=1))
    try:
        with pytest.raises(RuntimeError, match="rejected the bot token") as caught:
            await adapter.run(Published())
        assert wrong not in str(caught.value)
        assert fake.calls[-1].status == 401
    finally:
        adapter.release_log_masking()
    for record in caplog.records:
        assert wrong not in record.getMessage()
