"""Outbox state machine: queued → sending → sent | failed | in_doubt, claims, recovery."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from beacon.actions import DeleteMessage, SendMessage, decode_action
from beacon.events import ChatRef
from beacon.storage import db, outbox
from beacon.storage.types import utcnow

CHAT = ChatRef(platform="telegram", chat_id="-1001")


def send(key: str, *, priority: int = 0, platform: str = "telegram") -> SendMessage:
    return SendMessage(key=key, platform=platform, chat=CHAT.model_copy(update={"platform": platform}), text=f"text {key}",
                       priority=priority)


async def test_enqueue_skips_keys_already_there(sessions) -> None:
    async with sessions() as s, s.begin():
        assert await outbox.enqueue(s, [send("a"), send("b")]) == 2
    async with sessions() as s, s.begin():
        assert await outbox.enqueue(s, [send("b"), send("c")]) == 1  # a redelivered event's actions
        assert await outbox.enqueue(s, []) == 0
        rows = await outbox.list_items(s)
    assert [r.key for r in rows] == ["a", "b", "c"]
    assert all(r.state == outbox.QUEUED and r.attempts == 0 for r in rows)
    assert decode_action(rows[0].action) == send("a")


async def test_claim_takes_highest_priority_then_oldest_and_only_due_rows(sessions) -> None:
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, [send("low1"), send("alert", priority=10), send("low2"), send("mod", priority=5)])
        await outbox.enqueue(s, [send("discord", platform="discord")])
        await outbox.enqueue(s, [send("later", priority=99)], not_before=utcnow() + timedelta(hours=1))
    async with sessions() as s, s.begin():
        first = await outbox.claim(s, "telegram", 3)
    assert [r.key for r in first] == ["alert", "mod", "low1"]
    assert all(r.state == outbox.SENDING and r.attempts == 1 for r in first)
    async with sessions() as s, s.begin():
        rest = await outbox.claim(s, "telegram", 10)
        assert [r.key for r in rest] == ["low2"]
        assert await outbox.claim(s, "telegram", 10) == []
        assert [r.key for r in await outbox.claim(s, "telegram", 10, now=utcnow() + timedelta(hours=2))] == ["later"]


async def test_state_machine(sessions) -> None:
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, [send("ok"), send("refused"), send("unknown"), send("throttled")])
        queued = await outbox.by_key(s, "ok")
        assert queued is not None
        assert not await outbox.mark_sent(s, queued.id)  # not claimed: no transition
    async with sessions() as s, s.begin():
        rows = {r.key: r for r in await outbox.claim(s, "telegram", 10)}
    async with sessions() as s, s.begin():
        assert await outbox.mark_sent(s, rows["ok"].id, message_id="77", chat_id="-1001")
        assert await outbox.mark_failed(s, rows["refused"].id, error="403 bot was blocked by the user")
        assert await outbox.mark_in_doubt(s, rows["unknown"].id, error="connection reset after send")
        assert await outbox.requeue(s, rows["throttled"].id, delay_s=30, error="429 retry after 30")
        assert not await outbox.mark_failed(s, rows["ok"].id, error="too late")  # sent is final
    async with sessions() as s, s.begin():
        sent = await outbox.get(s, rows["ok"].id)
        assert sent is not None
        assert (sent.state, sent.result_message_id, sent.result_chat_id) == (outbox.SENT, "77", "-1001")
        throttled = await outbox.by_key(s, "throttled")
        assert throttled is not None and throttled.state == outbox.QUEUED
        assert throttled.not_before is not None and throttled.not_before > utcnow() + timedelta(seconds=25)
        assert await outbox.claim(s, "telegram", 10) == []  # not due yet
        assert await outbox.counts(s) == {"queued": 1, "sending": 0, "sent": 1, "failed": 1, "in_doubt": 1}
        assert await outbox.count_unfinished(s) == 1
        assert [r.key for r in await outbox.list_items(s, state=outbox.IN_DOUBT)] == ["unknown"]
        # An operator may choose to resend what is in doubt; nothing else does.
        assert await outbox.resend(s, rows["unknown"].id)
        assert not await outbox.resend(s, rows["ok"].id)
    async with sessions() as s, s.begin():
        again = await outbox.claim(s, "telegram", 10)
    assert [(r.key, r.attempts) for r in again] == [("unknown", 2)]


async def test_rows_left_sending_by_a_dead_process_become_in_doubt(sessions) -> None:
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, [send("x"), send("y"), send("z"), send("d", platform="discord")])
        await outbox.claim(s, "telegram", 2)
        await outbox.claim(s, "discord", 1)
    # The process dies here. At the next start, the telegram dispatcher recovers its platform only.
    async with sessions() as s, s.begin():
        assert await outbox.recover_in_doubt(s, "telegram") == 2
        states = {r.key: r.state for r in await outbox.list_items(s)}
    assert states == {"x": "in_doubt", "y": "in_doubt", "z": "queued", "d": "sending"}
    async with sessions() as s, s.begin():
        in_doubt = await outbox.by_key(s, "x")
        assert in_doubt is not None and "may or may not" in (in_doubt.error or "")
        assert [r.key for r in await outbox.claim(s, "telegram", 10)] == ["z"]  # never resent silently


async def test_recover_with_stale_after_spares_fresh_claims(sessions) -> None:
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, [send("old"), send("new")])
        await outbox.claim(s, "telegram", 1, now=utcnow() - timedelta(minutes=10))
        await outbox.claim(s, "telegram", 1)
    async with sessions() as s, s.begin():
        assert await outbox.recover_in_doubt(s, "telegram", stale_after=timedelta(minutes=5)) == 1
        assert {r.key: r.state for r in await outbox.list_items(s)} == {"old": "in_doubt", "new": "sending"}


async def test_concurrent_claimers_never_get_the_same_row(db_url: str) -> None:
    # Two engines stand for two processes; each runs several claimers at once.
    engines = [db.make_engine(db_url) for _ in range(2)]
    try:
        makers = [db.make_sessionmaker(e) for e in engines]
        async with makers[0]() as s, s.begin():
            await outbox.enqueue(s, [send(f"k{i:03d}", priority=i % 3) for i in range(120)])
        claimed: list[str] = []

        async def claimer(maker) -> None:
            while True:
                async with maker() as s, s.begin():
                    rows = await outbox.claim(s, "telegram", 7)
                    await asyncio.sleep(0.001)  # keep the rows locked a moment
                if not rows:
                    return
                claimed.extend(r.key for r in rows)

        await asyncio.gather(*(claimer(makers[i % 2]) for i in range(6)))
        assert len(claimed) == 120
        assert len(set(claimed)) == 120
    finally:
        for e in engines:
            await e.dispose()


async def test_actions_of_every_kind_round_trip(sessions) -> None:
    delete = DeleteMessage(key="del", platform="telegram", chat=CHAT, message_id="5", priority=5)
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, [delete])
        [row] = await outbox.claim(s, "telegram")
    assert decode_action(row.action) == delete
    assert row.created_at.tzinfo is not None and row.updated_at.tzinfo is not None
