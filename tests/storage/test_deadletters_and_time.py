"""Dead letters, and timezone-aware datetimes on every database."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError

from beacon.storage import deadletters, directory
from beacon.storage.types import utcnow


async def test_dead_letters_keep_the_payload_and_the_error(sessions) -> None:
    async with sessions() as s, s.begin():
        first = await deadletters.add(s, topic="events", group="workers", payload=b"\xff\x00not json",
                                      error="undecodable event: invalid JSON", attempts=1, entry_id="e-1")
        await deadletters.add_many(s, [
            {"topic": "outbox", "group": "dispatch-telegram", "payload": b"x", "error": "boom", "attempts": 5},
        ])
    async with sessions() as s, s.begin():
        letters = await deadletters.fetch(s)
        assert [(d.topic, d.group_name, d.payload, d.attempts, d.entry_id) for d in letters] == [
            ("events", "workers", b"\xff\x00not json", 1, "e-1"),
            ("outbox", "dispatch-telegram", b"x", 5, None),
        ]
        assert all(d.at.tzinfo is not None for d in letters)
        assert [d.error for d in await deadletters.fetch(s, topic="events")] == ["undecodable event: invalid JSON"]
        assert await deadletters.count(s) == 2 and await deadletters.count(s, topic="outbox") == 1
        assert await deadletters.remove(s, first)
        assert not await deadletters.remove(s, first)
        assert await deadletters.count(s) == 1


async def test_datetimes_come_back_timezone_aware_in_utc(sessions) -> None:
    tokyo = timezone(timedelta(hours=9))
    seen = datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=tokyo)
    async with sessions() as s, s.begin():
        await directory.upsert_user(s, "telegram", "1", now=seen)
    async with sessions() as s:
        user = await directory.get_user(s, "telegram", "1")
    assert user is not None
    assert user.first_seen == seen  # the same instant…
    assert user.first_seen.utcoffset() == timedelta(0)  # …expressed in UTC
    assert user.first_seen.tzinfo is not None


async def test_naive_datetimes_are_refused(sessions) -> None:
    async with sessions() as s:
        with pytest.raises(StatementError, match="naive datetime"):
            async with s.begin():
                await directory.upsert_user(s, "telegram", "1", now=datetime(2025, 1, 1))
        assert utcnow().tzinfo is not None
