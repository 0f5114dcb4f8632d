"""Replies (threads past 280), DMs (403 → dm_closed), hiding replies, and what X cannot do, over real tweepy."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from beacon.actions import (
    BanMember, BadRequest, Button, DeleteMessage, Forbidden, NotFound, SendDirect, SendMessage,
)
from beacon.events import ChatKind, ChatRef, UserRef
from bots.x import XAdapter
from bots.x.text import weighted_length
from tests.fakes.x import FakeX, tweet_weight


def feed(chat_id: str) -> ChatRef:
    return ChatRef(platform="x", chat_id=chat_id, kind=ChatKind.public_feed)


async def test_reply_goes_under_the_mention(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    adapter = make_adapter()
    mention = fake.post_mention(fake.add_user("ann"), "help")
    result = await adapter.perform(SendMessage(key="r", platform="x", chat=feed(mention.id), text="We are on it.",
                                               reply_to_message_id=mention.id))
    [reply] = fake.replies(mention)
    assert reply.text == "We are on it." and result.message_id == reply.id and result.chat_id == mention.id


async def test_long_reply_becomes_a_short_thread_and_links_replace_buttons(
        fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    adapter = make_adapter()
    mention = fake.post_mention(fake.add_user("ann"), "help")
    text = " ".join(["Withdrawals wait for network confirmations before they are credited."] * 6)
    await adapter.perform(SendMessage(key="r", platform="x", chat=feed(mention.id), text=text,
                                      reply_to_message_id=mention.id,
                                      buttons=((Button(text="Help centre", url="https://help.example/w"),),)))
    thread = fake.thread_under(mention)
    assert len(thread) == 2 and all(tweet_weight(t.text) <= 280 for t in thread)
    assert thread[-1].text.endswith("Help centre: https://help.example/w")
    assert " ".join(t.text for t in thread).replace("\nHelp", " Help").startswith(text)


async def test_overlong_text_is_cut_to_four_posts(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    adapter = make_adapter()
    mention = fake.post_mention(fake.add_user("ann"), "help")
    await adapter.perform(SendMessage(key="r", platform="x", chat=feed(mention.id), text="提币 " * 600,
                                      reply_to_message_id=mention.id))
    thread = fake.thread_under(mention)
    assert len(thread) == 4 and thread[-1].text.endswith("…")
    assert all(weighted_length(t.text) <= 280 for t in thread)


async def test_dm_when_open_and_dm_closed_when_refused(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    adapter = make_adapter()
    ann, bob = fake.add_user("ann"), fake.add_user("bob", accepts_dms=False)
    await adapter.perform(SendDirect(key="d1", platform="x", user=UserRef(platform="x", user_id=ann.id),
                                     text="Ticket #1 is open"))
    assert fake.dms_to(ann) == ["Ticket #1 is open"]
    with pytest.raises(Forbidden) as refused:
        await adapter.perform(SendDirect(key="d2", platform="x", user=UserRef(platform="x", user_id=bob.id),
                                         text="Ticket #2 is open"))
    assert refused.value.reason == "dm_closed" and fake.dms_to(bob) == []


async def test_delete_hides_replies_to_the_brands_posts_only(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    adapter = make_adapter()
    ann = fake.add_user("ann")
    root = fake.brand_post("Maintenance tonight")
    scam = fake.post(ann, "DM me for a refund, send your seed", reply_to=root)
    elsewhere = fake.post(ann, "@AcmeHelp look at this")
    await adapter.perform(DeleteMessage(key="h", platform="x", chat=feed(root.id), message_id=scam.id))
    assert fake.hidden == {scam.id}
    with pytest.raises(Forbidden) as refused:
        await adapter.perform(DeleteMessage(key="h2", platform="x", chat=feed(elsewhere.id), message_id=elsewhere.id))
    assert refused.value.reason == "no_rights"


async def test_errors_are_typed(fake: FakeX, make_adapter: Callable[..., XAdapter]) -> None:
    adapter = make_adapter()
    with pytest.raises(NotFound):
        await adapter.perform(SendMessage(key="r", platform="x", chat=feed("1"), text="hi", reply_to_message_id="42"))
    with pytest.raises(BadRequest):
        await adapter.perform(BanMember(key="b", platform="x", chat=feed("1"), user_id="1000"))
    assert adapter.capabilities.hide_replies and not adapter.capabilities.delete and not adapter.capabilities.ban
    assert adapter.capabilities.dm_first and not adapter.capabilities.url_buttons
    assert adapter.capabilities.max_message_length == 280


async def test_session_reroutes_only_when_the_api_url_differs() -> None:
    from bots.x.session import X_API_URL, open_session

    production, rerouted = open_session(X_API_URL), open_session("http://127.0.0.1:1")
    try:
        assert production._middlewares == () and len(rerouted._middlewares) == 1
    finally:
        await production.close()
        await rerouted.close()
