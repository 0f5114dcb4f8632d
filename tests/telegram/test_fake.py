"""The fake answers like Telegram: codes, texts, offsets, limits (checked with a bare PTB Bot)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram import error as tg

from tests.fakes.telegram import FakeTelegram, RateLimit
from tests.telegram.conftest import TOKEN


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url, base_file_url=fake.base_file_url) as client:
        yield client


async def test_wrong_token_is_401_unauthorized(fake: FakeTelegram) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{fake.url}/bot123:nope/getMe") as resp:
            assert resp.status == 401
            assert await resp.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        async with http.post(f"{fake.base_url}{TOKEN}/noSuchMethod") as resp:
            assert resp.status == 404


async def test_offsets_confirm_and_unconfirmed_are_redelivered(fake: FakeTelegram, bot: Bot) -> None:
    group = fake.create_group("G", owner=fake.add_user("Olga"))
    fake.add_bot(group, admin=True)
    ann = fake.add_user("Ann")
    for i in range(3):
        fake.post(group, ann, f"m{i}")
    first = await bot.get_updates(timeout=0)
    again = await bot.get_updates(timeout=0)  # no offset: nothing confirmed, all again
    assert [u.update_id for u in first] == [u.update_id for u in again] == [1, 2, 3, 4]
    rest = await bot.get_updates(offset=3, timeout=0)  # confirms 1 and 2
    assert [u.update_id for u in rest] == [3, 4] and fake.confirmed_offset == 3
    assert fake.deliveries()[3] == 3 and fake.deliveries()[1] == 2
    assert await bot.get_updates(offset=5, timeout=0) == ()
    assert fake.pending_updates == 0


async def test_long_poll_waits_for_an_update(fake: FakeTelegram, bot: Bot) -> None:
    group = fake.create_group("G", owner=fake.add_user("Olga"))
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    assert not poll.done()
    fake.add_bot(group)
    updates = await asyncio.wait_for(poll, 2)
    assert updates[0].my_chat_member is not None


async def test_a_second_poller_ends_the_first_with_409(fake: FakeTelegram, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    async with Bot(fake.token, base_url=fake.base_url) as other:
        await other.get_updates(timeout=0)
    with pytest.raises(tg.Conflict, match="terminated by other getUpdates"):
        await asyncio.wait_for(first, 2)


async def test_allowed_updates_filter_chat_member_by_default(fake: FakeTelegram, bot: Bot) -> None:
    group = fake.create_group("G", owner=fake.add_user("Olga"))
    fake.add_bot(group, admin=True)
    fake.join(group, fake.add_user("Ann"))
    kinds = [next(k for k in u.to_dict() if k != "update_id") for u in await bot.get_updates(timeout=0)]
    assert kinds == ["my_chat_member", "message"]  # chat_member only when asked for


async def test_sendmessage_validation(fake: FakeTelegram, bot: Bot) -> None:
    group = fake.create_group("G", owner=fake.add_user("Olga"))
    fake.add_bot(group)
    too_long_data = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
    with pytest.raises(tg.BadRequest, match="Button_data_invalid"):
        await bot.send_message(group.id, "hi", reply_markup=too_long_data)
    with pytest.raises(tg.BadRequest, match="Message is too long"):
        await bot.send_message(group.id, "x" * 4097)
    with pytest.raises(tg.BadRequest, match="Message text is empty"):
        await bot.send_message(group.id, "  ")
    with pytest.raises(tg.BadRequest, match="Chat not found"):
        await bot.send_message(-100555, "hi")
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="d" * 64)]])
    assert (await bot.send_message(group.id, "x" * 4096, reply_markup=ok)).message_id == 1


async def test_forbidden_texts_for_private_chats(fake: FakeTelegram, bot: Bot) -> None:
    never = fake.add_user("Ann")
    with pytest.raises(tg.Forbidden, match="bot can't initiate conversation with a user"):
        await bot.send_message(never.id, "hi")
    blocked = fake.add_user("Bob", started=True, blocked=True)
    with pytest.raises(tg.Forbidden, match="bot was blocked by the user"):
        await bot.send_message(blocked.id, "hi")
    fake.start_bot(never)
    assert (await bot.send_message(never.id, "hello")).chat.id == never.id


async def test_delete_rules(fake: FakeTelegram, bot: Bot) -> None:
    group = fake.create_group("G", owner=fake.add_user("Olga"))
    fake.add_bot(group)
    ann = fake.add_user("Ann")
    theirs = fake.post(group, ann, "spam")
    mine = await bot.send_message(group.id, "bot says hi")
    with pytest.raises(tg.BadRequest, match="Message can't be deleted"):
        await bot.delete_message(group.id, theirs["message_id"])
    assert await bot.delete_message(group.id, mine.message_id)  # its own: allowed without rights
    with pytest.raises(tg.BadRequest, match="Message to delete not found"):
        await bot.delete_message(group.id, mine.message_id)
    fake.set_bot_status(group, "administrator", can_delete_messages=True)
    assert await bot.delete_message(group.id, theirs["message_id"])


async def test_429_shape_and_count(bot: Bot) -> None:
    async with FakeTelegram(token=TOKEN, group_limit=RateLimit(2, 10.0)) as fake:
        group = fake.create_group("G", owner=fake.add_user("Olga"))
        fake.add_bot(group)
        async with Bot(fake.token, base_url=fake.base_url) as client:
            await client.send_message(group.id, "1")
            await client.send_message(group.id, "2")
            with pytest.raises(tg.RetryAfter) as caught:
                await client.send_message(group.id, "3")
        assert caught.value.retry_after in (5, __import__("datetime").timedelta(seconds=5))
        assert fake.rate_limited == 1 and fake.rate_limited_by_scope["group"] == 1
        assert [c.status for c in fake.calls_to("sendMessage")] == [200, 200, 429]
        assert fake.calls_to("sendMessage")[-1].description == "Too Many Requests: retry after 5"


async def test_control_over_http(fake: FakeTelegram, bot: Bot) -> None:
    async with aiohttp.ClientSession() as http:
        async def control(op: str, **body):
            async with http.post(f"{fake.url}/_control/{op}", json=body) as resp:
                payload = await resp.json()
                assert payload["ok"], payload
                return payload["result"]

        user = await control("user", first_name="Ann", username="ann")
        group = await control("group", title="G")
        await control("bot_status", chat_id=group["id"], status="administrator", can_delete_messages=True)
        await control("post", chat_id=group["id"], user_id=user["id"], text="hello")
        await control("start", user_id=user["id"], payload="abc")
        updates = await bot.get_updates(timeout=0)
        assert [u.effective_message.text for u in updates if u.message] == ["hello", "/start abc"]
        await bot.send_message(group["id"], "reply")
        actions = await control("actions", chat_id=group["id"])
        assert actions[0]["kind"] == "sent" and actions[0]["text"] == "reply"
        state = await control("state")
        assert state["pending_updates"] == 3
