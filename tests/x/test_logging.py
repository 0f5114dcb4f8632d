"""No token or secret reaches a log line, even with the root logger at DEBUG; tweepy never logs at DEBUG."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pytest

from beacon.actions import Forbidden, SendDirect
from beacon.events import UserRef
from bots.x import XAdapter
from tests.fakes.x import FakeX, RateLimit
from tests.x.conftest import ACCESS_SECRET, CONSUMER_SECRET, Published


def _rendered(record: logging.LogRecord) -> str:
    text = record.getMessage() + (record.exc_text or "")
    if record.exc_info and record.exc_info[1] is not None:
        text += logging.Formatter().formatException(record.exc_info)
    return text


async def test_no_log_line_contains_a_token(fake: FakeX, make_adapter: Callable[..., XAdapter],
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    fake.limits[("mentions", "app")] = RateLimit(2, window_s=1.0)
    adapter = make_adapter()
    published = Published()
    task = asyncio.create_task(adapter.run(published))
    try:
        fake.post_mention(fake.add_user("ann"), "hello")
        await fake.wait_for(lambda: fake.stats.rate_limited >= 1, timeout=10)
        with pytest.raises(Forbidden):
            await adapter.perform(SendDirect(key="d", platform="x", text="hi",
                                             user=UserRef(platform="x", user_id=fake.add_user("bob", accepts_dms=False).id)))
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 5)
    assert logging.getLogger("tweepy.client").getEffectiveLevel() >= logging.INFO
    assert any("rate limit" in _rendered(r) for r in caplog.records)
    for record in caplog.records:
        text = _rendered(record)
        for secret in (fake.bearer_token, fake.access_token, fake.consumer_key, CONSUMER_SECRET, ACCESS_SECRET):
            assert secret not in text, f"secret leaked by {record.name}: {text[:200]}"
