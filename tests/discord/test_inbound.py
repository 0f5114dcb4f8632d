"""Gateway events from the fake Discord become Beacon events (real discord.py over real WebSocket)."""

from __future__ import annotations

import asyncio

import pytest

from beacon.actions import Button, SendMessage
from beacon.events import (
    BotMembershipChanged,
    ButtonPressed,
    ChatKind,
    ChatRef,
    MemberJoined,
    MessageDeleted,
    MessageEdited,
    MessagePosted,
)
from bots.discord import DiscordAdapter
from tests.discord.conftest import Community, Published
from tests.fakes.discord import FakeDiscord, Perm


async def test_channel_message_becomes_message_posted(fake: FakeDiscord, community: Community, running) -> None:
    _, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann", global_name="Ann Lee"))
    message = fake.post(community.general, ann, "my withdrawal is stuck for 6 hours")

    event = (await published.wait_for(lambda: published.of(MessagePosted)))[0]
    assert event.chat == ChatRef(platform="discord", chat_id=str(community.general.id), kind=ChatKind.group,
                                 title="general")
    assert event.message_id == message["id"]
    assert event.author.user_id == str(ann.id) and event.author.username == "ann"
    assert event.author.display_name == "Ann Lee" and not event.author.is_bot
    assert event.text == "my withdrawal is stuck for 6 hours"
    assert not event.mentions_bot and not event.reply_to_bot and event.reply_to_message_id is None
    assert event.idempotency_key == f"msg:discord:{community.general.id}:{message['id']}:0"


async def test_forum_post_is_a_thread_whose_starter_carries_the_title(fake: FakeDiscord, community: Community,
                                                                      running) -> None:
    _, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    thread, starter = fake.forum_post(community.forum, ann, "Deposit missing", "I sent 300 USDT yesterday")
    fake.post(thread, ann, "any news?")

    posts = await published.wait_for(lambda: len(published.of(MessagePosted)) == 2 and published.of(MessagePosted))
    first, follow_up = posts
    assert first.chat.kind == ChatKind.forum_thread
    assert first.chat.chat_id == str(community.forum.id) and first.chat.thread_id == str(thread.id)
    assert first.chat.title == "Deposit missing"
    assert first.message_id == starter["id"] == str(thread.id)
    assert first.text == "Deposit missing\nI sent 300 USDT yesterday"
    assert follow_up.chat == first.chat and follow_up.text == "any news?"


async def test_thread_in_a_text_channel_and_dm(fake: FakeDiscord, community: Community, running) -> None:
    _, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    thread = fake.start_thread(community.general, ann, "side chat")
    fake.post(thread, ann, "in the thread")
    dm = fake.dm(ann, "hello bot, it's me")

    events = await published.wait_for(lambda: len(published.of(MessagePosted)) == 2 and published.of(MessagePosted))
    in_thread, private = events
    assert in_thread.chat.kind == ChatKind.forum_thread and in_thread.chat.chat_id == str(community.general.id)
    assert in_thread.chat.thread_id == str(thread.id)
    # A DM is named by the member, as on Telegram, whatever Discord's DM channel id is.
    assert private.chat == ChatRef(platform="discord", chat_id=str(ann.id), kind=ChatKind.private)
    assert private.message_id == dm["id"] and private.text == "hello bot, it's me"


async def test_mentions_replies_attachments_and_own_messages(fake: FakeDiscord, community: Community,
                                                             running) -> None:
    adapter, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    result = await adapter.perform(SendMessage(key="k1", platform="discord", text="Welcome!",
                                               chat=ChatRef(platform="discord", chat_id=str(community.general.id))))
    fake.post(community.general, ann, f"hey <@{fake.bot.id}> can you help?")
    fake.post(community.general, ann, f"<@&{fake.bot_role(community.guild).id}> help")
    fake.post(community.general, ann, "thanks", reply_to=int(result.message_id))
    fake.post(community.general, ann, "look", attachments=[("proof.png", b"\x89PNG...", "image/png"),
                                                           ("statement.pdf", b"%PDF-1.7", "application/pdf")])

    events = await published.wait_for(lambda: len(published.of(MessagePosted)) == 4 and published.of(MessagePosted))
    mention, role_mention, reply, files = events
    assert mention.mentions_bot and role_mention.mentions_bot and not reply.mentions_bot
    assert reply.reply_to_bot and reply.reply_to_message_id == result.message_id
    assert [a.kind for a in files.attachments] == ["photo", "document"]
    assert files.attachments[1].file_name == "statement.pdf" and files.attachments[1].size == 8
    # The bot's own "Welcome!" came back over the gateway too, and was not published.
    assert all(e.author.user_id != str(fake.bot.id) for e in published.of(MessagePosted))


async def test_edits_deletes_and_joins(fake: FakeDiscord, community: Community, running) -> None:
    _, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    message = fake.post(community.general, ann, "hello")
    fake.edit(community.general, int(message["id"]), "hello, my seed is ...")
    fake.edit(community.general, int(message["id"]), "hello again")
    fake.delete(community.general, int(message["id"]))

    edits = await published.wait_for(lambda: len(published.of(MessageEdited)) == 2 and published.of(MessageEdited))
    assert [e.text for e in edits] == ["hello, my seed is ...", "hello again"]
    assert 0 < edits[0].edit_version < edits[1].edit_version
    assert edits[0].idempotency_key != edits[1].idempotency_key
    deleted = (await published.wait_for(lambda: published.of(MessageDeleted)))[0]
    assert deleted.chat.chat_id == str(community.general.id) and deleted.message_id == message["id"]
    joined = published.of(MemberJoined)
    assert [j.user.user_id for j in joined] == [str(ann.id)]
    assert joined[0].chat == ChatRef(platform="discord", chat_id=str(community.guild.id), title="Exchange")


async def test_button_press_carries_rights_at_the_moment(fake: FakeDiscord, community: Community, running) -> None:
    adapter, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann", locale="es-ES"))
    mod_role = fake.create_role(community.guild, "Moderators", Perm.EVERYONE | Perm.MANAGE_GUILD)
    mod = fake.add_member(community.guild, fake.add_user("mod"), roles=[mod_role])
    result = await adapter.perform(SendMessage(
        key="card", platform="discord", chat=ChatRef(platform="discord", chat_id=str(community.mods.id)),
        text="Flagged message", buttons=((Button(text="Delete", data="mod:7:del"),
                                          Button(text="Dismiss", data="mod:7:dis")),)))
    fake.press(ann, community.mods, int(result.message_id), "mod:7:del")
    fake.press(mod, community.mods, int(result.message_id), "mod:7:dis")

    presses = await published.wait_for(lambda: len(published.of(ButtonPressed)) == 2 and published.of(ButtonPressed))
    by_ann, by_mod = presses
    assert by_ann.data == "mod:7:del" and by_ann.presser_is_admin is False
    assert by_ann.user.language_code == "es" and by_ann.message_id == result.message_id
    assert by_ann.chat.chat_id == str(community.mods.id)
    assert by_mod.data == "mod:7:dis" and by_mod.presser_is_admin is True
    assert by_ann.idempotency_key == f"button:discord:{by_ann.callback_id}"


async def test_rights_are_published_per_channel_and_when_they_change(fake: FakeDiscord, community: Community,
                                                                     running) -> None:
    _, published = running
    rights = await published.wait_for(lambda: len(published.of(BotMembershipChanged)) >= 5
                                      and published.of(BotMembershipChanged))
    by_chat = {r.chat.chat_id: r for r in rights}
    assert set(by_chat) == {str(c.id) for c in (community.general, community.forum, community.news,
                                                 community.support, community.mods)}
    general = by_chat[str(community.general.id)]
    assert general.status == "administrator" and general.can_delete and general.can_restrict and general.can_pin

    count = len(published.of(BotMembershipChanged))
    fake.set_bot_permissions(community.guild, Perm.EVERYONE)  # an admin took the bot's moderation rights
    changed = await published.wait_for(lambda: published.of(BotMembershipChanged)[count:])
    assert {c.status for c in changed} == {"member"} and not any(c.can_delete for c in changed)


async def test_events_of_one_chat_are_published_in_gateway_order(fake: FakeDiscord, community: Community,
                                                                  running) -> None:
    _, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    for i in range(30):
        fake.post(community.general, ann, f"message {i}")
    events = await published.wait_for(lambda: len(published.of(MessagePosted)) == 30 and published.of(MessagePosted))
    assert [e.text for e in events] == [f"message {i}" for i in range(30)]


async def test_privileged_intents_switched_off_is_a_clear_error(fake: FakeDiscord, community: Community,
                                                                 adapter: DiscordAdapter) -> None:
    """The developer portal's intent switches are off: Discord closes with 4014, the operator reads what to do."""
    fake.privileged_intents = set()  # the developer portal's switches are off
    with pytest.raises(RuntimeError, match="Message Content Intent"):
        await asyncio.wait_for(adapter.run(Published()), 10)
