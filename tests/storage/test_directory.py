"""Directory: users and chats as last seen, the bot's rights per chat, one person across platforms."""

from __future__ import annotations

from datetime import timedelta

from beacon.storage import directory
from beacon.storage.types import utcnow


async def test_users_are_upserted_keeping_what_is_not_given(sessions) -> None:
    t0 = utcnow() - timedelta(days=1)
    async with sessions() as s, s.begin():
        await directory.upsert_user(s, "telegram", "5123456789012", username="ann", display_name="Ann",
                                    language_code="en", now=t0)
    async with sessions() as s, s.begin():
        await directory.upsert_user(s, "telegram", "5123456789012", display_name="Ann B")
        user = await directory.get_user(s, "telegram", "5123456789012")
    assert user is not None
    assert (user.username, user.display_name, user.language_code, user.is_bot) == ("ann", "Ann B", "en", False)
    assert user.first_seen == t0 and user.last_seen > t0
    async with sessions() as s:
        assert await directory.get_user(s, "discord", "5123456789012") is None


async def test_chats_and_the_bots_rights(sessions) -> None:
    async with sessions() as s, s.begin():
        await directory.upsert_chat(s, "telegram", "-1001", kind="group", title="English")
        await directory.upsert_chat(s, "telegram", "-1002", title="Deutsch")
        await directory.set_bot_rights(s, "telegram", "-1001", status="administrator", can_delete=True,
                                       can_restrict=True)
        await directory.set_bot_rights(s, "discord", "42", status="member")  # first heard of via its rights
    async with sessions() as s, s.begin():
        await directory.upsert_chat(s, "telegram", "-1001", title="English (official)")
        english = await directory.get_chat(s, "telegram", "-1001")
        assert english is not None
        assert (english.title, english.bot_status, english.can_delete, english.can_restrict, english.can_pin) == (
            "English (official)", "administrator", True, True, False)
        assert english.rights_updated_at is not None and english.rights_updated_at.tzinfo is not None
        await directory.set_bot_rights(s, "telegram", "-1001", status="member")  # demoted
    async with sessions() as s:
        demoted = await directory.get_chat(s, "telegram", "-1001")
        assert demoted is not None and (demoted.bot_status, demoted.can_delete) == ("member", False)
        assert [c.chat_id for c in await directory.chats(s, platform="telegram")] == ["-1001", "-1002"]
        members = await directory.chats(s, bot_statuses=("member",))
        assert sorted((c.platform, c.chat_id) for c in members) == [("discord", "42"), ("telegram", "-1001")]


async def test_one_person_across_platforms(sessions) -> None:
    async with sessions() as s, s.begin():
        assert await directory.linked_accounts(s, "telegram", "1") == [("telegram", "1")]
        p1 = await directory.link_accounts(s, ("telegram", "1"), ("discord", "900"), method="deep_link")
        p2 = await directory.link_accounts(s, ("x", "77"), ("telegram", "2"))
        assert p1 != p2
        # One more link joins the two persons into one.
        merged = await directory.link_accounts(s, ("discord", "900"), ("x", "77"))
    async with sessions() as s, s.begin():
        accounts = await directory.linked_accounts(s, "telegram", "2")
        assert accounts == [("discord", "900"), ("telegram", "1"), ("telegram", "2"), ("x", "77")]
        assert await directory.person_of(s, "x", "77") == merged
        assert await directory.unlink_account(s, "telegram", "2")
        assert await directory.linked_accounts(s, "telegram", "2") == [("telegram", "2")]
