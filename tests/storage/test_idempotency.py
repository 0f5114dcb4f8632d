"""Processed-event keys: one claim wins, expiry, purge — the same on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from beacon.storage import idempotency
from beacon.storage.types import utcnow


async def test_first_claim_wins_and_duplicates_lose(sessions) -> None:
    async with sessions() as s, s.begin():
        assert await idempotency.claim(s, "msg:telegram:-100:5:0") is True
    async with sessions() as s, s.begin():
        assert await idempotency.claim(s, "msg:telegram:-100:5:0") is False
        assert await idempotency.claim(s, "msg:telegram:-100:5:1") is True  # an edit is another event
        assert await idempotency.seen(s, "msg:telegram:-100:5:0")


async def test_a_rolled_back_claim_is_not_kept(sessions) -> None:
    async with sessions() as s:
        async with s.begin():
            assert await idempotency.claim(s, "k")
            await s.rollback()
    async with sessions() as s, s.begin():
        assert await idempotency.claim(s, "k") is True


async def test_concurrent_claims_of_one_key_have_one_winner(sessions) -> None:
    async def attempt() -> bool:
        async with sessions() as s, s.begin():
            won = await idempotency.claim(s, "button:telegram:cb-1")
            await asyncio.sleep(0.01)  # hold the transaction open while the others try
            return won

    results = await asyncio.gather(*(attempt() for _ in range(6)))
    assert results.count(True) == 1


async def test_expired_keys_are_claimable_again_and_purged(sessions) -> None:
    past = utcnow() - timedelta(days=8)
    async with sessions() as s, s.begin():
        assert await idempotency.claim(s, "old", timedelta(days=7), now=past)
        assert await idempotency.claim(s, "older", timedelta(days=7), now=past)
        assert await idempotency.claim(s, "fresh")
    async with sessions() as s, s.begin():
        assert not await idempotency.seen(s, "old")
        assert await idempotency.claim(s, "old") is True  # expired: processed again is correct
    async with sessions() as s, s.begin():
        assert await idempotency.purge_expired(s) == 1  # "older" only
        assert await idempotency.count(s) == 2
        assert await idempotency.purge_expired(s, now=utcnow() + timedelta(days=8)) == 2
        assert await idempotency.count(s) == 0
