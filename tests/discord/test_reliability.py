"""Nothing lost, nothing duplicated: 429s, a tight bucket, dropped gateway connections, lost sessions, a failing bus."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from beacon.actions import SendMessage
from beacon.events import ChatRef, EventBase, MessagePosted
from bots.discord import DiscordAdapter
from tests.discord.conftest import TOKEN, Community, Published, discord_config, wait_ready
from tests.fakes.discord import FakeDiscord, RateLimit

MESSAGES = "/channels/{channel_id}/messages"


def send(channel_id: int, text: str, key: str | None = None) -> SendMessage:
    return SendMessage(key=key or text, platform="discord", chat=ChatRef(platform="discord", chat_id=str(channel_id)),
                       text=text)


def texts(published: Published) -> list[str]:
    return [e.text for e in published.of(MessagePosted)]


async def test_a_429_is_waited_out_and_sent_once(fake: FakeDiscord, community: Community,
                                                 adapter: DiscordAdapter) -> None:
    fake.fail_next("POST", r"/channels/\d+/messages", retry_after=0.05)
    fake.fail_next("POST", r"/channels/\d+/messages", retry_after=0.05, is_global=True)
    await adapter.perform(send(community.general.id, "first"))
    await adapter.perform(send(community.general.id, "second"))
    assert [m["content"] for m in fake.sent(community.general)] == ["first", "second"]
    assert fake.rate_limited == 2 and fake.rate_limited_global == 1
    statuses = [c.status for c in fake.calls_to("POST", MESSAGES)]
    assert statuses == [429, 429, 200, 200]  # both 429s hit the first send; it went out once


async def test_a_tight_bucket_is_followed_without_loss_or_duplicates(community: Community) -> None:
    async with FakeDiscord(token=TOKEN, route_limit=RateLimit(3, 0.3)) as fake:
        owner = fake.add_user("olga")
        guild = fake.create_guild("G", owner=owner)
        channel = fake.create_channel(guild, "general")
        adapter = DiscordAdapter(discord_config(fake))
        try:
            await asyncio.gather(*(adapter.perform(send(channel.id, f"m{i}")) for i in range(12)))
        finally:
            await adapter.aclose()
        contents = Counter(m["content"] for m in fake.sent(channel))
        assert contents == Counter(f"m{i}" for i in range(12))
        # discord.py learns the bucket from X-RateLimit-* and waits: at most the first burst overshoots.
        assert fake.rate_limited <= 3


async def test_dropped_connection_resumes_and_replays_what_was_missed(fake: FakeDiscord, community: Community,
                                                                      running) -> None:
    adapter, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    for i in range(5):
        fake.post(community.general, ann, f"before {i}")
    fake.drop()  # frames still queued for the old connection never leave: the client's sequence lags
    for i in range(5):
        fake.post(community.general, ann, f"during {i}")
    await published.wait_for(lambda: len(texts(published)) >= 10, timeout=10)
    fake.post(community.general, ann, "after")
    await published.wait_for(lambda: "after" in texts(published))
    expected = [f"before {i}" for i in range(5)] + [f"during {i}" for i in range(5)] + ["after"]
    assert texts(published) == expected  # all of them, once each, in order
    assert fake.stats.identifies == 1 and fake.stats.resumes == 1 and fake.stats.replayed >= 5


async def test_close_frame_and_reconnect_request_resume_too(fake: FakeDiscord, community: Community,
                                                            running) -> None:
    _, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    fake.drop(code=4000)  # "unknown error": resumable
    fake.post(community.general, ann, "one")
    await published.wait_for(lambda: "one" in texts(published), timeout=10)
    fake.request_reconnect()  # op 7
    await fake.wait_for(lambda: fake.stats.resumes == 2, timeout=10)
    fake.post(community.general, ann, "two")
    fake.invalidate_sessions(resumable=True)  # op 9, d=true: resume again
    fake.post(community.general, ann, "three")
    await published.wait_for(lambda: "three" in texts(published), timeout=10)
    assert texts(published) == ["one", "two", "three"]
    assert fake.stats.identifies == 1 and fake.stats.resumes == 3


async def test_a_lost_session_is_reidentified_and_the_gap_read_from_history(fake: FakeDiscord, community: Community,
                                                                            make_adapter) -> None:
    adapter = make_adapter(reidentify_delay_s=0.05)
    published = Published()
    task = asyncio.create_task(adapter.run(published))
    await wait_ready(adapter)
    try:
        await _lost_session(fake, community, adapter, published)
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 10)


async def _lost_session(fake: FakeDiscord, community: Community, adapter: DiscordAdapter,
                        published: Published) -> None:
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    thread, _ = fake.forum_post(community.forum, ann, "Help", "my deposit")
    fake.post(community.general, ann, "seen 1")
    await published.wait_for(lambda: len(texts(published)) == 2)
    fake.drop()
    fake.forget_sessions()  # Discord let the session expire: RESUME → INVALID_SESSION, no replay
    fake.post(community.general, ann, "gap 1")
    fake.post(thread, ann, "gap in the post")
    fake.post(community.general, ann, "gap 2")
    await published.wait_for(lambda: len(texts(published)) == 5, timeout=10)
    fake.post(community.general, ann, "live again")
    await published.wait_for(lambda: "live again" in texts(published), timeout=10)
    assert Counter(texts(published)) == Counter(["Help\nmy deposit", "seen 1", "gap 1", "gap in the post", "gap 2",
                                                "live again"])
    assert adapter.backfilled == 3 and fake.stats.identifies == 2 and fake.stats.failed_resumes == 1


async def test_duplicated_replays_keep_their_idempotency_keys(community: Community) -> None:
    """Discord may replay events the client already had: the copies carry the same keys, so the bus drops them."""
    async with FakeDiscord(token=TOKEN, replay_overlap=3, route_limit=RateLimit(50, 1.0)) as fake:
        owner = fake.add_user("olga")
        guild = fake.create_guild("G", owner=owner)
        channel = fake.create_channel(guild, "general")
        adapter = DiscordAdapter(discord_config(fake), guild_ready_timeout=0.05)
        published = Published()
        task = asyncio.create_task(adapter.run(published))
        try:
            await wait_ready(adapter)
            ann = fake.add_member(guild, fake.add_user("ann"))
            for i in range(4):
                fake.post(channel, ann, f"m{i}")
            await published.wait_for(lambda: len(texts(published)) == 4)
            fake.drop()
            fake.post(channel, ann, "m4")
            await published.wait_for(lambda: "m4" in texts(published), timeout=10)
        finally:
            await adapter.stop()
            await asyncio.wait_for(task, 10)
            await adapter.aclose()
        keys = [e.idempotency_key for e in published.of(MessagePosted)]
        assert len(keys) > 5  # duplicates did arrive …
        assert len(set(keys)) == 5  # … as the same five events


async def test_a_failing_bus_holds_the_handler_until_the_event_is_published(fake: FakeDiscord, community: Community,
                                                                            make_adapter) -> None:
    adapter = make_adapter(publish_retry_s=0.02)
    published: list[EventBase] = []
    failures = 3

    async def flaky_publish(event: EventBase) -> None:
        nonlocal failures
        if isinstance(event, MessagePosted) and failures:
            failures -= 1
            raise ConnectionError("bus unavailable")
        published.append(event)

    task = asyncio.create_task(adapter.run(flaky_publish))
    try:
        await wait_ready(adapter)
        ann = fake.add_member(community.guild, fake.add_user("ann"))
        fake.post(community.general, ann, "first")
        fake.post(community.general, ann, "second")
        await fake.wait_for(lambda: len([e for e in published if isinstance(e, MessagePosted)]) == 2)
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 10)
    assert [e.text for e in published if isinstance(e, MessagePosted)] == ["first", "second"]


async def test_bad_token_is_a_clear_error(fake: FakeDiscord, community: Community) -> None:
    wrong = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZw.SomeOtherTokenNeverLogged_9z8y7x"
    adapter = DiscordAdapter(discord_config(fake, token=wrong))
    try:
        with pytest.raises(RuntimeError, match="rejected the bot token") as caught:
            await adapter.run(Published())
        assert wrong not in str(caught.value)
        assert fake.calls[-1].status == 401
    finally:
        await adapter.aclose()
