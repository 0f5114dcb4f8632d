"""429s: the poller waits for x-rate-limit-reset itself (no tweepy retry), actions go back to the outbox."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from beacon.actions import RateLimited, SendMessage
from beacon.events import ChatKind, ChatRef, MessagePosted
from beacon.metrics import Metrics
from bots.x import XAdapter
from tests.fakes.x import FakeX, RateLimit
from tests.x.conftest import Published


async def test_poller_waits_for_the_reset_then_resumes(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    fake.limits[("mentions", "app")] = RateLimit(3, window_s=2.0)
    metrics = Metrics()
    adapter = make_adapter(metrics=metrics)
    published = Published()
    task = asyncio.create_task(adapter.run(published))
    try:
        await fake.wait_for(lambda: fake.stats.rate_limited >= 1, timeout=10)
        limited_at = fake.stats.calls["mentions"]
        mention = fake.post_mention(fake.add_user("ann"), "hello")
        await asyncio.sleep(0.3)
        assert fake.stats.calls["mentions"] == limited_at  # no hammering while the window is spent
        await published.wait_for(lambda: published.of(MessagePosted), timeout=10)  # read after the reset
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 5)
    assert task.exception() is None
    assert [e.message_id for e in published.of(MessagePosted)] == [mention.id]
    assert fake.stats.rate_limited == 1
    billed = metrics.registry.get_sample_value("beacon_platform_calls_total",
                                               {"platform": "x", "method": "get_users_mentions"})
    assert billed == fake.stats.calls["mentions"]


async def test_rate_limited_action_is_requeued_with_the_reset(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    fake.limits[("write", "user")] = RateLimit(1, window_s=30.0)
    adapter = make_adapter()
    mention = fake.post_mention(fake.add_user("ann"), "help")
    chat = ChatRef(platform="x", chat_id=mention.id, kind=ChatKind.public_feed)
    await adapter.perform(SendMessage(key="a", platform="x", chat=chat, text="one", reply_to_message_id=mention.id))
    with pytest.raises(RateLimited) as limited:
        await adapter.perform(SendMessage(key="b", platform="x", chat=chat, text="two", reply_to_message_id=mention.id))
    assert 1 <= limited.value.retry_after <= 31
    assert len(fake.replies(mention)) == 1
