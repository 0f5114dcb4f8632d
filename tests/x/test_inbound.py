"""Mentions → MessagePosted over real tweepy and HTTP; since_id persisted so a restarted poller re-reads nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from beacon.events import ChatKind, MessagePosted
from bots.x import XAdapter
from tests.fakes.x import FakeX
from tests.x.conftest import Published, poll_until


async def test_mentions_become_events_oldest_first(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    adapter = make_adapter()
    published = Published()
    assert await adapter.poll_once(published) == 0  # the first poll only sets the baseline
    ann = fake.add_user("ann", name="Ann Lee")
    root = fake.brand_post("Fees are going down next week")
    first = fake.post_mention(ann, "my withdrawal is stuck")
    second = fake.post(ann, "any news?", reply_to=root)  # a reply to the brand's post is a mention too
    assert await adapter.poll_once(published) == 2
    events = published.of(MessagePosted)
    assert [e.message_id for e in events] == [first.id, second.id]
    one, two = events
    assert one.chat.kind == ChatKind.public_feed and one.chat.chat_id == first.id and one.mentions_bot
    assert one.text == "my withdrawal is stuck"  # the "@brand" prefix is dropped
    assert (one.author.user_id, one.author.username, one.author.display_name) == (ann.id, "ann", "Ann Lee")
    assert two.chat.chat_id == root.id and two.reply_to_message_id == root.id and two.reply_to_bot
    assert await adapter.poll_once(published) == 0
    since = [q.get("since_id") for m, p, q in fake.requests_log if p.endswith("/mentions")]
    assert since[-1] == second.id


async def test_every_page_is_read_before_the_cursor_moves(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    adapter = make_adapter(page_size=5)
    published = Published()
    await adapter.poll_once(published)
    ann = fake.add_user("ann")
    posted = [fake.post_mention(ann, f"question {i}") for i in range(12)]
    assert await adapter.poll_once(published) == 12
    assert [e.message_id for e in published.of(MessagePosted)] == [t.id for t in posted]
    assert fake.stats.calls["mentions"] == 1 + 3  # baseline + three pages of five


@pytest.mark.parametrize("source", ["mentions", "dms"])
async def test_restarted_poller_rereads_nothing(fake: FakeX, make_adapter: Callable[..., XAdapter],
                                                source: str) -> None:
    ann = fake.add_user("ann")
    # Mentions and DMs each have their own poller and persisted cursor.
    arrive = (lambda text: fake.post_mention(ann, text)) if source == "mentions" else \
        (lambda text: fake.send_dm(ann, text))
    counter = "polls" if source == "mentions" else "dm_polls"
    old = arrive("before the bot ever ran")
    first = make_adapter()
    published = Published()
    task = asyncio.create_task(first.run(published))
    await poll_until(first, 1, counter=counter)
    seen = arrive("hello")
    await published.wait_for(lambda: published.of(MessagePosted))
    await first.stop()
    await asyncio.wait_for(task, 5)
    await first.aclose()

    fresh = arrive("while the bot was down")
    again = make_adapter()  # a new process: only the database remembers
    task = asyncio.create_task(again.run(published))
    await published.wait_for(lambda: len(published.of(MessagePosted)) == 2)
    await poll_until(again, getattr(again, counter) + 3, counter=counter)
    await again.stop()
    await asyncio.wait_for(task, 5)
    ids = [e.message_id for e in published.of(MessagePosted)]
    assert ids == [seen.id, fresh.id]  # nothing from before the baseline, nothing twice
    assert old.id not in ids
