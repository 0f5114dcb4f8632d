"""Actions become the right Bot API calls with the right parameters; refusals become typed errors."""

from __future__ import annotations

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
    Forbidden,
    NotFound,
    OpenPrivateThread,
    PinMessage,
    RestrictMember,
    SendDirect,
    SendFile,
    SendMessage,
    UnbanMember,
)
from beacon.events import ChatKind, ChatRef, UserRef
from bots.telegram import TelegramAdapter
from tests.fakes.telegram import FakeTelegram, utf16_len

P = "telegram"


def chat(group, thread_id: int | None = None) -> ChatRef:
    return ChatRef(platform=P, chat_id=str(group.id), thread_id=str(thread_id) if thread_id else None,
                   kind=ChatKind.forum_thread if thread_id else ChatKind.group)


def user(account) -> UserRef:
    return UserRef(platform=P, user_id=str(account.id))


@pytest.fixture
def admin_group(fake: FakeTelegram):
    group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
    fake.add_bot(group, admin=True)
    return group


async def test_send_message_with_keyboard_reply_and_thread(fake: FakeTelegram, adapter: TelegramAdapter) -> None:
    forum = fake.create_group("Community", forum=True, owner=fake.add_user("Olga"))
    fake.add_bot(forum, admin=True)
    topic = fake.create_topic(forum, "Support")
    ann = fake.add_user("Ann")
    question = fake.post(forum, ann, "help, my deposit", thread_id=topic)
    link = adapter.deep_link("c_abc123")
    assert link == "https://t.me/BeaconHelpBot?start=c_abc123"

    result = await adapter.perform(SendMessage(
        key="k", platform=P, chat=chat(forum, topic), text="Let's continue in private.",
        reply_to_message_id=str(question["message_id"]),
        buttons=((Button(text="Open a private chat", url=link),), (Button(text="Solved", data="faq:solved:1"),)),
    ))
    sent = fake.sent(forum)[0]
    assert result.message_id == str(sent.message_id) and result.chat_id == str(forum.id)
    assert sent.text == "Let's continue in private."
    assert sent.thread_id == topic and sent.reply_to == question["message_id"]
    assert sent.button_urls == [link] and sent.button_data == ["faq:solved:1"]


async def test_long_text_is_split_and_buttons_go_last(fake: FakeTelegram, adapter, admin_group) -> None:
    paragraph = "Withdrawals on TRC20 need 20 confirmations. " * 40 + "\n"
    text = paragraph * 6  # ~11k characters
    result = await adapter.perform(SendMessage(key="k", platform=P, chat=chat(admin_group), text=text,
                                               buttons=((Button(text="OK", data="ok"),),)))
    parts = fake.sent(admin_group)
    assert len(parts) >= 3
    assert all(utf16_len(p.text or "") <= 4096 for p in parts)
    assert "".join(p.text or "" for p in parts).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(
        " ", "")
    assert [bool(p.buttons) for p in parts] == [False] * (len(parts) - 1) + [True]
    assert result.message_id == str(parts[-1].message_id)


async def test_emoji_heavy_text_counts_utf16_units(fake: FakeTelegram, adapter, admin_group) -> None:
    text = "🚀" * 3000  # 6000 UTF-16 units: Telegram would refuse it in one message
    await adapter.perform(SendMessage(key="k", platform=P, chat=chat(admin_group), text=text))
    parts = fake.sent(admin_group)
    assert len(parts) == 2 and "".join(p.text or "" for p in parts) == text


async def test_edit_delete_pin(fake: FakeTelegram, adapter, admin_group) -> None:
    ann = fake.add_user("Ann")
    posted = await adapter.perform(SendMessage(key="k", platform=P, chat=chat(admin_group), text="Case 1",
                                               buttons=((Button(text="Claim", data="claim:1"),),)))
    await adapter.perform(EditMessage(key="e", platform=P, chat=chat(admin_group), message_id=posted.message_id,
                                      text="Case 1 — claimed by Mod"))
    # The same edit again (a retry after a timeout, say) is not an error.
    await adapter.perform(EditMessage(key="e", platform=P, chat=chat(admin_group), message_id=posted.message_id,
                                      text="Case 1 — claimed by Mod"))
    current = fake.message(admin_group, int(posted.message_id))
    assert current is not None and current["text"] == "Case 1 — claimed by Mod" and "reply_markup" not in current

    await adapter.perform(PinMessage(key="p", platform=P, chat=chat(admin_group), message_id=posted.message_id))
    spam = fake.post(admin_group, ann, "buy cheap followers")
    await adapter.perform(DeleteMessage(key="d", platform=P, chat=chat(admin_group),
                                        message_id=str(spam["message_id"])))
    assert fake.message(admin_group, spam["message_id"]) is None
    kinds = [(a.kind, a.message_id) for a in fake.log(admin_group)]
    assert kinds == [("sent", int(posted.message_id)), ("edited", int(posted.message_id)),
                     ("pinned", int(posted.message_id)), ("deleted", spam["message_id"])]
    assert fake.actions_of("pinned")[0].params["disable_notification"] is True

    with pytest.raises(NotFound, match="not found"):
        await adapter.perform(DeleteMessage(key="d2", platform=P, chat=chat(admin_group),
                                            message_id=str(spam["message_id"])))


async def test_ban_unban_restrict_with_parameters(fake: FakeTelegram, adapter, admin_group) -> None:
    eve = fake.add_user("Eve")
    fake.set_member(admin_group, eve, "member")
    until = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(hours=1)
    await adapter.perform(RestrictMember(key="r", platform=P, chat=chat(admin_group), user_id=str(eve.id),
                                         until=until))
    restricted = fake.actions_of("restricted")[0]
    assert restricted.user_id == eve.id and int(restricted.params["until_date"]) == int(until.timestamp())
    assert restricted.params["permissions"]["can_send_messages"] is False
    assert fake.member_status(admin_group, eve) == "restricted"

    await adapter.perform(BanMember(key="b", platform=P, chat=chat(admin_group), user_id=str(eve.id)))
    assert fake.member_status(admin_group, eve) == "kicked"
    await adapter.perform(UnbanMember(key="u", platform=P, chat=chat(admin_group), user_id=str(eve.id)))
    assert fake.member_status(admin_group, eve) == "left"
    assert [a.kind for a in fake.log(admin_group)] == ["restricted", "banned", "unbanned"]
    assert fake.actions_of("unbanned")[0].params["only_if_banned"] in (True, "true")


async def test_rights_missing_become_forbidden_no_rights(fake: FakeTelegram, adapter) -> None:
    group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
    fake.add_bot(group)  # member only
    ann = fake.add_user("Ann")
    message = fake.post(group, ann, "/help")
    for action in (
        DeleteMessage(key="d", platform=P, chat=chat(group), message_id=str(message["message_id"])),
        BanMember(key="b", platform=P, chat=chat(group), user_id=str(ann.id)),
        RestrictMember(key="r", platform=P, chat=chat(group), user_id=str(ann.id)),
        PinMessage(key="p", platform=P, chat=chat(group), message_id=str(message["message_id"])),
    ):
        with pytest.raises(Forbidden) as caught:
            await adapter.perform(action)
        assert caught.value.reason == "no_rights", str(caught.value)


async def test_dm_to_member_who_never_started_or_blocked(fake: FakeTelegram, adapter) -> None:
    stranger = fake.add_user("Ann")
    with pytest.raises(Forbidden) as never:
        await adapter.perform(SendDirect(key="k", platform=P, user=user(stranger), text="hi"))
    assert never.value.reason == "never_started" and never.value.code == 403

    blocker = fake.add_user("Bob", started=True)
    fake.block_bot(blocker)
    with pytest.raises(Forbidden) as blocked:
        await adapter.perform(SendDirect(key="k", platform=P, user=user(blocker), text="hi"))
    assert blocked.value.reason == "blocked"

    friend = fake.add_user("Cleo", started=True)
    result = await adapter.perform(SendDirect(key="k", platform=P, user=user(friend), text="Your ticket #12 is open",
                                              buttons=((Button(text="Status", data="t:12:status"),),)))
    assert fake.sent(friend)[0].text == "Your ticket #12 is open" and result.chat_id == str(friend.id)


async def test_kicked_bot_and_unknown_chat(fake: FakeTelegram, adapter) -> None:
    group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
    fake.add_bot(group)
    fake.remove_bot(group)
    with pytest.raises(Forbidden) as kicked:
        await adapter.perform(SendMessage(key="k", platform=P, chat=chat(group), text="hello"))
    assert kicked.value.reason == "kicked"
    with pytest.raises(NotFound, match="[Cc]hat not found"):
        await adapter.perform(SendMessage(key="k", platform=P, chat=ChatRef(platform=P, chat_id="-100999"),
                                          text="hello"))


async def test_send_file_and_answer_button(fake: FakeTelegram, adapter, admin_group, tmp_path: Path) -> None:
    transcript = tmp_path / "ticket-12.txt"
    transcript.write_text("Ticket 12\nAnn: my deposit\n")
    result = await adapter.perform(SendFile(key="f", platform=P, chat=chat(admin_group), path=str(transcript),
                                            file_name="ticket-12.txt", caption="Transcript"))
    sent = fake.sent(admin_group)[0]
    assert sent.media == "document" and sent.text == "Transcript" and result.message_id == str(sent.message_id)
    assert fake.file_bytes(sent.file_id) == transcript.read_bytes()  # type: ignore[arg-type]
    assert fake.files[sent.file_id].file_name == "ticket-12.txt"  # type: ignore[index]

    with pytest.raises(NotFound):  # no such press (or too old)
        await adapter.perform(AnswerButton(key="a", platform=P, callback_id="12345"))


async def test_unsupported_and_bad_requests(fake: FakeTelegram, adapter, admin_group) -> None:
    with pytest.raises(BadRequest, match="not supported"):
        await adapter.perform(OpenPrivateThread(key="t", platform=P, parent=chat(admin_group),
                                                user=UserRef(platform=P, user_id="1"), name="x", text="y"))
    with pytest.raises(BadRequest):
        await adapter.perform(SendMessage(key="k", platform=P, chat=chat(admin_group), text="   "))
    with pytest.raises(BadRequest, match="4096"):
        await adapter.perform(EditMessage(key="e", platform=P, chat=chat(admin_group), message_id="1",
                                          text="x" * 5000))


async def test_group_upgraded_to_supergroup_is_followed(fake: FakeTelegram, adapter) -> None:
    """A send to a migrated group lands at the new id (Telegram answers 400 with migrate_to_chat_id)."""
    old = fake.create_group("Old group", kind="group", owner=fake.add_user("Olga"))
    new = fake.create_group("Old group", owner=fake.add_user("Olga"))
    fake.add_bot(new, admin=True)
    fake.migrate(old, new)
    result = await adapter.perform(SendMessage(key="k", platform=P, chat=chat(old), text="still here"))
    assert result.chat_id == str(new.id) and fake.sent(new)[0].text == "still here"


async def test_deep_link_rules(adapter: TelegramAdapter) -> None:
    await adapter.ensure_ready()
    assert adapter.deep_link("A-z_09") == "https://t.me/BeaconHelpBot?start=A-z_09"
    for bad in ("", "has space", "x" * 65, "ünï"):
        with pytest.raises(ValueError):
            adapter.deep_link(bad)
