"""DMs to the brand → private MessagePosted over real tweepy and HTTP: cursor kept in the database, the bot's own
DMs skipped, 429s waited out without losing a message."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from beacon.actions import SendDirect
from beacon.events import ChatKind, MessagePosted, UserRef
from beacon.metrics import Metrics
from bots.x import XAdapter
from tests.fakes.x import FakeX, RateLimit
from tests.x.conftest import Published, poll_until


async def wait_dm_polls(adapter: XAdapter, polls: int, timeout: float = 10.0) -> None:
    await poll_until(adapter, polls, timeout, counter="dm_polls")


async def test_dms_become_private_messages_and_the_bots_own_are_skipped(
        fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    ann = fake.add_user("ann", name="Ann Lee")
    fake.send_dm(ann, "written before the bot ever ran")
    adapter = make_adapter(page_size=2)
    published = Published()
    assert await adapter.poll_dms_once(published) == 0  # the first poll only sets the baseline
    await adapter.perform(SendDirect(key="d1", platform="x", user=UserRef(platform="x", user_id=ann.id),
                                     text="Ticket #1: please send the TxID"))
    bob = fake.add_user("bob")
    first = fake.send_dm(ann, "the TxID is abc123")
    await adapter.perform(SendDirect(key="d2", platform="x", user=UserRef(platform="x", user_id=ann.id),
                                     text="thanks, an agent will look at it"))
    second = fake.send_dm(bob, "hello?")
    assert await adapter.poll_dms_once(published) == 2  # three pages of two events, down to the cursor
    events = published.of(MessagePosted)
    assert [e.message_id for e in events] == [first.id, second.id]  # oldest first, the bot's own DMs skipped
    one = events[0]
    assert one.chat.kind == ChatKind.private and one.chat.chat_id == ann.id and not one.mentions_bot
    assert (one.author.user_id, one.author.username, one.author.display_name) == (ann.id, "ann", "Ann Lee")
    assert one.text == "the TxID is abc123"
    assert await adapter.poll_dms_once(published) == 0
    _, _, query = [r for r in fake.requests_log if r[1] == "/2/dm_events"][-1]
    assert query["event_types"] == "MessageCreate" and "sender_id" in query["expansions"]
    assert set(query["dm_event.fields"].split(",")) == {"id", "text", "sender_id", "dm_conversation_id",
                                                        "created_at"}
    # The last poll read one page: the newest event is the cursor, nothing older is fetched.
    assert fake.stats.calls["dm_events"] == 1 + 3 + 1
    assert adapter.calls["get_direct_message_events"] == fake.stats.calls["dm_events"]


async def test_dm_poller_waits_for_the_reset_without_losing_dms(
        fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    fake.limits[("dm_read", "user")] = RateLimit(3, window_s=2.0)
    metrics = Metrics()
    adapter = make_adapter(metrics=metrics)
    published = Published()
    ann = fake.add_user("ann")
    task = asyncio.create_task(adapter.run(published))
    try:
        await wait_dm_polls(adapter, 1)
        early = fake.send_dm(ann, "before the limit")
        await fake.wait_for(lambda: fake.stats.rate_limited >= 1, timeout=10)
        limited_at = fake.stats.calls["dm_events"]
        late = fake.send_dm(ann, "during the limit")
        await asyncio.sleep(0.3)
        assert fake.stats.calls["dm_events"] == limited_at  # no hammering while the window is spent
        await published.wait_for(lambda: len(published.of(MessagePosted)) == 2, timeout=10)  # after the reset
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 5)
    assert task.exception() is None
    assert [e.message_id for e in published.of(MessagePosted)] == [early.id, late.id]
    assert fake.stats.rate_limited == 1
    billed = metrics.registry.get_sample_value("beacon_platform_calls_total",
                                               {"platform": "x", "method": "get_direct_message_events"})
    assert billed == fake.stats.calls["dm_events"]


async def test_without_user_context_dms_are_not_polled(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    adapter = make_adapter(consumer_key=None, consumer_secret=None, access_token=None, access_token_secret=None)
    published = Published()
    task = asyncio.create_task(adapter.run(published))
    try:
        await fake.wait_for(lambda: adapter.polls >= 2)
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 5)
    assert fake.stats.calls["dm_events"] == 0 and adapter.dm_polls == 0
