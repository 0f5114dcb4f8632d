"""Actions become the right Discord REST calls (real discord.py over real HTTP against the fake)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from beacon.actions import (
    AnswerButton,
    BadRequest,
    BanMember,
    Button,
    DeleteMessage,
    EditMessage,
    FetchFile,
    Forbidden,
    LiftRestriction,
    NotFound,
    OpenPrivateThread,
    PinMessage,
    RestrictMember,
    SendDirect,
    SendMessage,
    UnbanMember,
)
from beacon.events import ButtonPressed, ChatKind, ChatRef, MessagePosted, UserRef
from bots.discord import DiscordAdapter
from tests.discord.conftest import Community
from tests.fakes.discord import FakeDiscord, Perm


def chat(channel_id: int, **extra: object) -> ChatRef:
    return ChatRef(platform="discord", chat_id=str(channel_id), **extra)  # type: ignore[arg-type]


def user(user_id: int) -> UserRef:
    return UserRef(platform="discord", user_id=str(user_id))


def rows(message: dict) -> list[list[tuple[str, str | None, str | None]]]:
    return [[(b.get("label"), b.get("custom_id"), b.get("url")) for b in row["components"]]
            for row in message["components"]]


async def test_send_with_buttons_reply_and_split(fake: FakeDiscord, community: Community,
                                                 adapter: DiscordAdapter) -> None:
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    asked = fake.post(community.general, ann, "how do I reset 2FA?")
    result = await adapter.perform(SendMessage(
        key="k", platform="discord", chat=chat(community.general.id), text="See our guide.",
        reply_to_message_id=asked["id"],
        buttons=((Button(text="Guide", url="https://help.example.com/2fa"), Button(text="Ticket", data="t:open")),)))
    sent = fake.message(community.general, int(result.message_id))
    assert sent is not None and sent["content"] == "See our guide."
    assert sent["message_reference"]["message_id"] == asked["id"]
    assert rows(sent) == [[("Guide", None, "https://help.example.com/2fa"), ("Ticket", "t:open", None)]]
    assert result.chat_id == str(community.general.id)

    long = "word " * 900  # 4500 characters: three messages, buttons under the last
    eight = tuple(Button(text=f"b{i}", data=f"d{i}") for i in range(8))
    result = await adapter.perform(SendMessage(key="k2", platform="discord", chat=chat(community.general.id),
                                               text=long, buttons=(eight,)))
    parts = fake.sent(community.general)[1:]
    assert len(parts) == 3 and all(len(p["content"]) <= 2000 for p in parts)
    assert parts[-1]["id"] == result.message_id and not parts[0]["components"]
    assert [len(r) for r in rows(parts[-1])] == [5, 3]  # a row of 8 wraps at Discord's 5 per row

    too_many = tuple((Button(text="x", data=f"r{r}"),) for r in range(6))
    with pytest.raises(BadRequest, match="at most 5 rows"):
        await adapter.perform(SendMessage(key="k3", platform="discord", chat=chat(community.general.id),
                                          text="too many", buttons=too_many))


async def test_edit_delete_pin(fake: FakeDiscord, community: Community, adapter: DiscordAdapter) -> None:
    result = await adapter.perform(SendMessage(key="k", platform="discord", chat=chat(community.mods.id),
                                               text="Case 7", buttons=((Button(text="Ban", data="c:7:ban"),),)))
    mid = int(result.message_id)
    await adapter.perform(EditMessage(key="e", platform="discord", chat=chat(community.mods.id),
                                      message_id=result.message_id, text="Case 7 — banned by mod"))
    edited = fake.message(community.mods, mid)
    assert edited is not None and edited["content"] == "Case 7 — banned by mod" and edited["components"] == []
    await adapter.perform(PinMessage(key="p", platform="discord", chat=chat(community.mods.id),
                                     message_id=result.message_id))
    assert fake.pins[community.mods.id] == [mid]

    ann = fake.add_member(community.guild, fake.add_user("ann"))
    leak = fake.post(community.general, ann, "my seed phrase is …")
    await adapter.perform(DeleteMessage(key="d", platform="discord", chat=chat(community.general.id),
                                        message_id=leak["id"]))
    assert fake.was_deleted(community.general, int(leak["id"]))
    with pytest.raises(NotFound):
        await adapter.perform(DeleteMessage(key="d2", platform="discord", chat=chat(community.general.id),
                                            message_id=leak["id"]))


async def test_send_into_a_forum_post_and_to_a_guild(fake: FakeDiscord, community: Community,
                                                     adapter: DiscordAdapter) -> None:
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    thread, starter = fake.forum_post(community.forum, ann, "Deposit missing", "300 USDT")
    # Addressed like the event (parent + thread) …
    await adapter.perform(SendMessage(key="a", platform="discord", text="Looking into it",
                                      chat=chat(community.forum.id, kind=ChatKind.forum_thread,
                                                thread_id=str(thread.id))))
    # … or like a plain reply to the post's starter message in the forum: it lands in the post too.
    await adapter.perform(SendMessage(key="b", platform="discord", text="Moved to DM", chat=chat(community.forum.id),
                                      reply_to_message_id=starter["id"]))
    assert [m["content"] for m in fake.sent(thread)] == ["Looking into it", "Moved to DM"]
    with pytest.raises(BadRequest, match="forum"):
        await adapter.perform(SendMessage(key="c", platform="discord", text="?", chat=chat(community.forum.id)))
    # A guild itself (joins are reported per guild) means its system channel.
    await adapter.perform(SendMessage(key="w", platform="discord", text="Welcome Ann", chat=chat(community.guild.id)))
    assert fake.sent(community.general)[-1]["content"] == "Welcome Ann"


async def test_announcements_are_crossposted(fake: FakeDiscord, community: Community,
                                             adapter: DiscordAdapter) -> None:
    result = await adapter.perform(SendMessage(key="a", platform="discord", chat=chat(community.news.id),
                                               text="Maintenance tonight", pin=True))
    message = fake.message(community.news, int(result.message_id))
    assert message is not None and message["flags"] & 1  # CROSSPOSTED
    assert fake.pins[community.news.id] == [int(result.message_id)]
    assert len(fake.calls_to("POST", "/channels/{channel_id}/messages/{message_id}/crosspost")) == 1


async def test_direct_messages_and_closed_dms(fake: FakeDiscord, community: Community,
                                              adapter: DiscordAdapter) -> None:
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    result = await adapter.perform(SendDirect(key="dm", platform="discord", user=user(ann.id), text="Your ticket #4",
                                              buttons=((Button(text="Close", data="t:4:close"),),)))
    dm = fake.sent(ann)
    assert [m["content"] for m in dm] == ["Your ticket #4"] and dm[0]["id"] == result.message_id
    assert result.chat_id == str(ann.id)  # the private chat is named by the member

    bob = fake.add_member(community.guild, fake.add_user("bob", dms_open=False))
    with pytest.raises(Forbidden) as refused:
        await adapter.perform(SendDirect(key="dm2", platform="discord", user=user(bob.id), text="hi"))
    assert refused.value.reason == "dm_closed" and refused.value.code == 50007
    assert fake.calls[-1].code == 50007 and fake.calls[-1].status == 403


async def test_missing_permissions_are_no_rights(fake: FakeDiscord, community: Community,
                                                 adapter: DiscordAdapter) -> None:
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    message = fake.post(community.general, ann, "spam spam")
    fake.deny(community.general, Perm.MANAGE_MESSAGES)
    with pytest.raises(Forbidden) as refused:
        await adapter.perform(DeleteMessage(key="d", platform="discord", chat=chat(community.general.id),
                                            message_id=message["id"]))
    assert refused.value.reason == "no_rights" and refused.value.code == 50013
    # The owner is above the bot: Discord refuses to time them out.
    with pytest.raises(Forbidden) as owner:
        await adapter.perform(RestrictMember(key="r", platform="discord", chat=chat(community.general.id),
                                             user_id=str(community.owner.id)))
    assert owner.value.reason == "no_rights"


async def test_timeout_ban_unban(fake: FakeDiscord, community: Community, adapter: DiscordAdapter) -> None:
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    until = datetime.now(timezone.utc) + timedelta(hours=1)
    await adapter.perform(RestrictMember(key="r", platform="discord", chat=chat(community.general.id),
                                         user_id=str(ann.id), until=until))
    member = fake.member(community.guild, ann)
    assert member is not None and member.communication_disabled_until is not None
    assert abs((member.communication_disabled_until - until).total_seconds()) < 1
    # "Until lifted" becomes Discord's longest timeout, 28 days.
    await adapter.perform(RestrictMember(key="r2", platform="discord", chat=chat(community.general.id),
                                         user_id=str(ann.id)))
    left = member.communication_disabled_until - datetime.now(timezone.utc)
    assert timedelta(days=27, hours=23) < left <= timedelta(days=28)
    await adapter.perform(LiftRestriction(key="l", platform="discord", chat=chat(community.general.id),
                                          user_id=str(ann.id)))
    assert member.communication_disabled_until is None

    spammer = fake.add_member(community.guild, fake.add_user("spammer"))
    # Several channels of one guild ask for the same ban: one guild ban, asked again harmlessly.
    for channel in (community.general, community.support):
        await adapter.perform(BanMember(key=f"b{channel.id}", platform="discord", chat=chat(channel.id),
                                        user_id=str(spammer.id)))
    assert fake.is_banned(community.guild, spammer) and fake.member(community.guild, spammer) is None
    await adapter.perform(UnbanMember(key="u", platform="discord", chat=chat(community.guild.id),
                                      user_id=str(spammer.id)))
    assert not fake.is_banned(community.guild, spammer)
    await adapter.perform(UnbanMember(key="u2", platform="discord", chat=chat(community.guild.id),
                                      user_id=str(spammer.id)))  # already unbanned: done


async def test_private_thread_with_member_and_staff(fake: FakeDiscord, community: Community,
                                                    adapter: DiscordAdapter) -> None:
    ann = fake.add_member(community.guild, fake.add_user("ann", dms_open=False))
    agent = fake.add_member(community.guild, fake.add_user("agent"))
    # The request came from a forum post: private threads live in text channels, so the support channel hosts it.
    result = await adapter.perform(OpenPrivateThread(
        key="t", platform="discord", parent=chat(community.forum.id), user=user(ann.id), name="Support: Ann",
        text="Let's continue here, privately.", add_user_ids=(str(agent.id),)))
    thread = fake.channels[int(result.chat_id)]
    assert thread.type == 12 and thread.parent_id == community.support.id and not thread.invitable
    assert thread.thread_members == {fake.bot.id, ann.id, agent.id}
    assert [m["content"] for m in fake.sent(thread)] == [f"<@{ann.id}> Let's continue here, privately."]
    assert fake.calls_to("POST", "/channels/{channel_id}/threads")[0].body["type"] == 12


async def test_private_thread_opens_with_buttons_even_if_a_staff_member_cannot_be_added(
        fake: FakeDiscord, community: Community, adapter: DiscordAdapter) -> None:
    ann = fake.add_member(community.guild, fake.add_user("ann", dms_open=False))
    gone = fake.add_user("left-the-server")  # staff configured but not (any more) in the guild
    buttons = ((Button(text="✓ Category is right", data="dk:ok:1"),),)
    result = await adapter.perform(OpenPrivateThread(
        key="t", platform="discord", parent=chat(community.general.id), user=user(ann.id), name="Support · ticket #1",
        text="Ticket #1 is open.", buttons=buttons, add_user_ids=(str(gone.id),)))
    thread = fake.channels[int(result.chat_id)]
    assert thread.thread_members == {fake.bot.id, ann.id}
    [opener] = fake.sent(thread)
    assert opener["id"] == result.message_id
    assert [c["custom_id"] for row in opener["components"] for c in row["components"]] == ["dk:ok:1"]


async def test_private_thread_without_a_support_channel_needs_a_text_parent(fake: FakeDiscord, community: Community,
                                                                            make_adapter) -> None:
    adapter = make_adapter(support_channel_id=None)
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    result = await adapter.perform(OpenPrivateThread(key="t", platform="discord", parent=chat(community.general.id),
                                                     user=user(ann.id), name="help", text="here"))
    assert fake.channels[int(result.chat_id)].parent_id == community.general.id
    with pytest.raises(BadRequest, match="support_channel_id"):
        await adapter.perform(OpenPrivateThread(key="t2", platform="discord", parent=chat(community.forum.id),
                                                user=user(ann.id), name="help", text="here"))


async def test_answer_button_in_time_and_late(fake: FakeDiscord, community: Community, make_adapter) -> None:
    adapter = make_adapter(interaction_ack_s=0.2)
    published = []

    async def publish(event) -> None:
        published.append(event)

    task = asyncio.create_task(adapter.run(publish))
    try:
        await fake.wait_for(lambda: adapter.client is not None and adapter.client.is_ready())
        ann = fake.add_member(community.guild, fake.add_user("ann"))
        card = await adapter.perform(SendMessage(key="c", platform="discord", chat=chat(community.general.id),
                                                 text="Was this helpful?", buttons=((Button(text="Yes", data="fb:y"),
                                                                                     Button(text="No", data="fb:n")),)))
        quick = fake.press(ann, community.general, int(card.message_id), "fb:y")
        await fake.wait_for(lambda: [e for e in published if isinstance(e, ButtonPressed)])
        press = next(e for e in published if isinstance(e, ButtonPressed))
        await adapter.perform(AnswerButton(key="a1", platform="discord", callback_id=press.callback_id,
                                           text="Thanks!"))
        assert quick.responses[0]["type"] == 4 and quick.responses[0]["data"]["flags"] == 64  # ephemeral
        assert quick.texts == ["Thanks!"]
        calls = fake.calls_to("POST", "/interactions/{interaction_id}/{token}/callback")
        assert calls[0].query.get("with_response") == "1"

        # Nobody answers within the window: the adapter acknowledges silently, the answer follows up.
        late = fake.press(ann, community.general, int(card.message_id), "fb:n")
        await fake.wait_for(lambda: late.acknowledged, timeout=3)
        assert late.responses[0]["type"] == 6  # DEFERRED_UPDATE_MESSAGE: "This interaction failed" avoided
        late_press = [e for e in published if isinstance(e, ButtonPressed)][-1]
        await adapter.perform(AnswerButton(key="a2", platform="discord", callback_id=late_press.callback_id,
                                           text="Sorry to hear that"))
        assert late.texts == ["Sorry to hear that"] and late.followups[0]["flags"] == 64
        with pytest.raises(NotFound):
            await adapter.perform(AnswerButton(key="a3", platform="discord", callback_id="123", text="?"))
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 10)


async def test_fetch_file_refuses_large_files_before_downloading(fake: FakeDiscord, community: Community,
                                                                 running, tmp_path: Path) -> None:
    adapter, published = running
    ann = fake.add_member(community.guild, fake.add_user("ann"))
    fake.dm(ann, "here is the screenshot", attachments=[("tx.png", b"\x89PNG" + b"0" * 100, "image/png")])
    event = (await published.wait_for(lambda: published.of(MessagePosted)))[0]
    file_id = event.attachments[0].file_id
    target = tmp_path / "evidence" / "tx.png"
    await adapter.perform(FetchFile(key="f", platform="discord", chat=event.chat, file_id=file_id, path=str(target),
                                    max_bytes=1000))
    assert target.read_bytes() == b"\x89PNG" + b"0" * 100
    with pytest.raises(BadRequest, match="larger"):
        await adapter.perform(FetchFile(key="f2", platform="discord", chat=event.chat, file_id=file_id,
                                        path=str(tmp_path / "x"), max_bytes=10))
    downloads_before = len([c for c in fake.calls if "attachments" in c.path])
    assert downloads_before == 0  # attachments are served outside the API, counted by the fake separately
