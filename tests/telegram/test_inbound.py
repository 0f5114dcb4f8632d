"""Updates from the fake Bot API become Beacon events (real PTB over real HTTP)."""

from __future__ import annotations

import asyncio

from beacon.actions import AnswerButton, Button, SendMessage
from beacon.events import (
    BotMembershipChanged,
    BotStarted,
    ButtonPressed,
    ChatKind,
    ChatRef,
    MemberJoined,
    MessageEdited,
    MessagePosted,
)
from tests.fakes.telegram import FakeTelegram, text_mention


async def test_group_message_becomes_message_posted(fake: FakeTelegram, running) -> None:
    adapter, published = running
    owner = fake.add_user("Olga")
    group = fake.create_group("Exchange EN", owner=owner)
    fake.add_bot(group, admin=True)
    ann = fake.add_user("Ann", last_name="Lee", username="ann", language_code="es")
    message = fake.post(group, ann, "my withdrawal is stuck for 6 hours")

    posted = await published.wait_for(lambda: published.of(MessagePosted))
    event = posted[0]
    assert event.chat.chat_id == str(group.id) and event.chat.kind == ChatKind.group
    assert event.chat.title == "Exchange EN"
    assert event.message_id == str(message["message_id"])
    assert event.author.user_id == str(ann.id) and event.author.username == "ann"
    assert event.author.display_name == "Ann Lee" and event.author.language_code == "es"
    assert event.text == "my withdrawal is stuck for 6 hours"
    assert not event.mentions_bot and not event.reply_to_bot and event.reply_to_message_id is None
    assert event.idempotency_key == f"msg:telegram:{group.id}:{message['message_id']}:0"
    await fake.wait_confirmed()


async def test_private_message_and_start_with_payload(fake: FakeTelegram, running) -> None:
    _, published = running
    ann = fake.add_user("Ann", username="ann")
    fake.start_bot(ann, "c_8fJ2-kq")
    fake.private(ann, "the deposit was 300 USDT")
    fake.start_bot(ann)

    await published.wait_for(lambda: len(published.events) == 3)
    started, posted, plain_start = published.events
    assert isinstance(started, BotStarted) and started.payload == "c_8fJ2-kq"
    assert started.chat.kind == ChatKind.private and started.chat.chat_id == str(ann.id)
    assert started.user.user_id == str(ann.id)
    assert isinstance(posted, MessagePosted) and posted.chat.kind == ChatKind.private
    assert posted.text == "the deposit was 300 USDT"
    assert isinstance(plain_start, BotStarted) and plain_start.payload is None


async def test_forum_topic_message_carries_thread(fake: FakeTelegram, running) -> None:
    _, published = running
    forum = fake.create_group("Community", forum=True, owner=fake.add_user("Olga"))
    fake.add_bot(forum, admin=True)
    topic = fake.create_topic(forum, "Deposits")
    ann = fake.add_user("Ann")
    fake.post(forum, ann, "where is my deposit", thread_id=topic)

    posted = await published.wait_for(lambda: published.of(MessagePosted))
    event = posted[0]
    assert event.chat.kind == ChatKind.forum_thread and event.chat.thread_id == str(topic)
    # Inside a topic every message points at the topic's first message: that is not a reply.
    assert event.reply_to_message_id is None and not event.reply_to_bot


async def test_mentions_replies_forwards_and_attachments(fake: FakeTelegram, running) -> None:
    adapter, published = running
    group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
    fake.add_bot(group, admin=True)
    ann, bob = fake.add_user("Ann", username="ann"), fake.add_user("Bob", username="bob")
    await adapter.perform(_send(group.id, "Welcome!"))
    bot_message_id = fake.sent(group)[0].message_id

    fake.post(group, ann, "hey @beaconhelpbot can you help?")           # username mention, any case
    fake.post(group, ann, "hey @bob can you help?")                     # someone else
    fake.post(group, bob, "thanks", reply_to=bot_message_id)            # reply to the bot
    text = "ask Beacon please"
    bot_account = fake.users[fake.bot_id]
    fake.post(group, bob, text, entities=text_mention(text, "Beacon", bot_account))
    fake.post(group, ann, "look at this", forward_from=bob)
    fake.post(group, ann, photo=b"\xff\xd8\xff screenshot", caption="the error @BeaconHelpBot")
    fake.post(group, ann, document=(b"%PDF-1.7", "statement.pdf", "application/pdf"))

    events = await published.wait_for(lambda: len(published.of(MessagePosted)) == 7 and published.of(MessagePosted))
    mention, other, reply, text_mentioned, forwarded, photo, document = events
    assert mention.mentions_bot and not other.mentions_bot
    assert reply.reply_to_bot and reply.reply_to_message_id == str(bot_message_id)
    assert text_mentioned.mentions_bot
    assert forwarded.forwarded_from is not None and forwarded.forwarded_from.user_id == str(bob.id)
    assert photo.text == "the error @BeaconHelpBot" and photo.mentions_bot
    assert [a.kind for a in photo.attachments] == ["photo"]
    assert document.attachments[0].kind == "document" and document.attachments[0].file_name == "statement.pdf"
    assert document.attachments[0].mime_type == "application/pdf"
    # The file ids are usable later: the adapter downloads through base_file_url from the same server.
    assert await adapter.download(document.attachments[0].file_id) == b"%PDF-1.7"
    assert await adapter.download(photo.attachments[0].file_id) == b"\xff\xd8\xff screenshot"


async def test_edits_become_message_edited_with_growing_versions(fake: FakeTelegram, running) -> None:
    _, published = running
    group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
    fake.add_bot(group, admin=True)
    ann = fake.add_user("Ann")
    message = fake.post(group, ann, "hello")
    fake.edit(group, message["message_id"], "hello, my seed is ...")
    fake.edit(group, message["message_id"], "hello again")

    edits = await published.wait_for(lambda: len(published.of(MessageEdited)) == 2 and published.of(MessageEdited))
    assert [e.text for e in edits] == ["hello, my seed is ...", "hello again"]
    assert 0 < edits[0].edit_version < edits[1].edit_version
    assert edits[0].idempotency_key != edits[1].idempotency_key
    assert edits[0].message_id == str(message["message_id"])


async def test_channel_posts(fake: FakeTelegram, running) -> None:
    _, published = running
    channel = fake.create_channel("Announcements", username="exchange_news")
    fake.add_bot(channel, admin=True)
    fake.channel_post(channel, "Maintenance tonight")
    posted = await published.wait_for(lambda: published.of(MessagePosted))
    assert posted[0].chat.kind == ChatKind.channel
    assert posted[0].author.user_id == str(channel.id) and posted[0].author.username == "exchange_news"


async def test_bot_rights_tracked_from_my_chat_member(fake: FakeTelegram, running) -> None:
    adapter, published = running
    owner = fake.add_user("Olga")
    group = fake.create_group("Exchange", owner=owner)
    fake.add_bot(group, by=owner)
    fake.set_bot_status(group, "administrator", by=owner, can_delete_messages=True, can_restrict_members=False,
                        can_pin_messages=True)
    await published.wait_for(lambda: len(published.of(BotMembershipChanged)) == 2)
    added, promoted = published.of(BotMembershipChanged)
    assert added.status == "member" and not added.can_delete
    assert added.by is not None and added.by.user_id == str(owner.id)
    assert promoted.status == "administrator" and promoted.can_delete and not promoted.can_restrict
    rights = adapter.bot_rights(group.id)
    assert rights is not None and rights.status == "administrator" and rights.can_delete and not rights.can_restrict

    fake.remove_bot(group, by=owner)
    await published.wait_for(lambda: len(published.of(BotMembershipChanged)) == 3)
    assert adapter.bot_rights(group.id).status == "kicked"  # type: ignore[union-attr]


async def test_joins_become_member_joined_once_per_key(fake: FakeTelegram, running) -> None:
    _, published = running
    group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
    fake.add_bot(group, admin=True)
    eve = fake.add_user("OKX Supp0rt", username="okx_supp0rt")
    fake.join(group, eve)  # a chat_member update and a service message, like Telegram sends

    joins = await published.wait_for(lambda: len(published.of(MemberJoined)) == 2 and published.of(MemberJoined))
    assert {j.user.user_id for j in joins} == {str(eve.id)}
    assert joins[0].user.display_name == "OKX Supp0rt"
    # Both report the same join: the same idempotency key, so handlers see it once.
    assert joins[0].idempotency_key == joins[1].idempotency_key


async def test_button_press_round_trip(fake: FakeTelegram, running) -> None:
    adapter, published = running
    moderator = fake.add_user("Mod", username="mod")
    member = fake.add_user("Ann")
    group = fake.create_group("Moderators", owner=fake.add_user("Olga"))
    fake.add_bot(group, admin=True)
    fake.set_member(group, moderator, "administrator", can_delete_messages=True)
    fake.set_member(group, member, "member")
    chat = ChatRef(platform="telegram", chat_id=str(group.id))
    result = await adapter.perform(SendMessage(key="k1", platform="telegram", chat=chat, text="Case 7: phishing link",
                                               buttons=((Button(text="Delete", data="case:7:delete"),
                                                         Button(text="Dismiss", data="case:7:dismiss")),)))
    fake.press(moderator, group, int(result.message_id), "case:7:delete")
    fake.press(member, group, int(result.message_id), text="Dismiss")

    presses = await published.wait_for(lambda: len(published.of(ButtonPressed)) == 2 and published.of(ButtonPressed))
    by_mod, by_member = presses
    assert by_mod.data == "case:7:delete" and by_mod.message_id == result.message_id
    assert by_mod.chat.chat_id == str(group.id) and by_mod.user.user_id == str(moderator.id)
    assert by_mod.presser_is_admin is True and by_member.presser_is_admin is False
    await adapter.perform(AnswerButton(key="k2", platform="telegram", callback_id=by_mod.callback_id, text="Deleted"))
    assert fake.callbacks[by_mod.callback_id]["answer"] == {"text": "Deleted", "show_alert": False}


async def test_blocking_the_bot_is_reported(fake: FakeTelegram, running) -> None:
    _, published = running
    ann = fake.add_user("Ann", started=True)
    fake.block_bot(ann)
    change = await published.wait_for(lambda: published.of(BotMembershipChanged))
    assert change[0].chat.kind == ChatKind.private and change[0].status == "kicked"


async def test_privacy_mode_non_admin_bot_sees_only_what_concerns_it(fake: FakeTelegram, running) -> None:
    _, published = running
    group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
    fake.add_bot(group)  # a plain member: Telegram's privacy mode applies
    ann = fake.add_user("Ann")
    fake.post(group, ann, "chatting about the market")
    fake.post(group, ann, "@BeaconHelpBot help me")
    await published.wait_for(lambda: published.of(MessagePosted))
    await fake.wait_confirmed()
    assert [p.text for p in published.of(MessagePosted)] == ["@BeaconHelpBot help me"]


def _send(chat_id: int, text: str) -> SendMessage:
    return SendMessage(key=f"send:{text}", platform="telegram", chat=ChatRef(platform="telegram", chat_id=str(chat_id)),
                       text=text)


async def test_published_before_confirmed(fake: FakeTelegram, adapter) -> None:
    """The offset moves past an update only after its events were published."""
    group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
    fake.add_bot(group, admin=True)
    ann = fake.add_user("Ann")
    gate = asyncio.Event()
    seen: list[str] = []

    async def slow_publish(event) -> None:
        seen.append(type(event).__name__)
        await gate.wait()

    fake.post(group, ann, "first")
    task = asyncio.create_task(adapter.run(slow_publish))
    await fake.wait_for(lambda: seen)
    await asyncio.sleep(0.3)
    assert fake.confirmed_offset == 0 and fake.pending_updates == 2  # nothing confirmed while publishing
    gate.set()
    await fake.wait_confirmed()
    assert seen == ["BotMembershipChanged", "MessagePosted"]
    await adapter.stop()
    await asyncio.wait_for(task, 10)
