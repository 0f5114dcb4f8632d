"""Bus behaviour, once for every implementation: delivery, order, retries, dead letters, restarts."""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from beacon.bus import Deferred, Delivery
from beacon.storage import db, idempotency

from .conftest import MAX_ATTEMPTS

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 15.0  # upper bound for asynchronous outcomes; tests finish as soon as the condition holds


async def eventually(condition, *, timeout: float = WAIT_S, what: str = "condition") -> None:
    """Poll ``condition`` (sync or async) until true; fail naming ``what`` after ``timeout``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = condition()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def test_publish_then_consume(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    payloads = [b"hello", b"\x00\xff binary \xfe", "déjà vu ✓".encode()]
    ids = [await bus.publish("t", p, ordering_key=f"chat-{i}") for i, p in enumerate(payloads)]
    assert len(set(ids)) == 3
    got: list[Delivery] = []

    async def handler(d: Delivery) -> None:
        got.append(d)

    await bus.subscribe("t", "g", handler)
    await eventually(lambda: len(got) == 3, what="three deliveries")
    assert sorted(d.payload for d in got) == sorted(payloads)
    by_payload = {d.payload: d for d in got}
    for i, p in enumerate(payloads):
        d = by_payload[p]
        assert (d.id, d.topic, d.ordering_key, d.attempts) == (ids[i], "t", f"chat-{i}", 1)
    await eventually(_zero_pending(bus, "t", "g"), what="all acked")


def _zero_pending(bus, topic, group):
    async def check() -> bool:
        return await bus.pending_count(topic, group) == 0

    return check


async def test_order_per_ordering_key(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    keys = [f"chat-{k}" for k in range(6)]
    per_key = 40
    seen: dict[str, list[int]] = defaultdict(list)
    in_hand: set[str] = set()
    overlaps: list[str] = []

    async def handler(d: Delivery) -> None:
        key, n = d.payload.decode().split(":")
        if key in in_hand:
            overlaps.append(key)
        in_hand.add(key)
        await asyncio.sleep(random.random() / 2000)  # interleave with other keys' handlers
        seen[key].append(int(n))
        in_hand.discard(key)

    await bus.subscribe("t", "g", handler, concurrency=4)
    for n in range(per_key):
        await asyncio.gather(*(bus.publish("t", f"{k}:{n}".encode(), ordering_key=k) for k in keys))
    await eventually(lambda: sum(map(len, seen.values())) == per_key * len(keys), what="every entry")
    assert not overlaps, f"two entries of one key in hand at once: {overlaps[:3]}"
    for k in keys:
        assert seen[k] == list(range(per_key)), f"{k} out of order: {seen[k]}"


async def test_order_kept_across_a_failed_delivery(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    handled: list[int] = []
    failed_once: set[int] = set()

    async def handler(d: Delivery) -> None:
        n = int(d.payload)
        if n == 2 and n not in failed_once:
            failed_once.add(n)
            raise ConnectionError("transient")
        handled.append(n)

    for n in range(6):
        await bus.publish("t", str(n).encode(), ordering_key="one-chat")
    await bus.subscribe("t", "g", handler, concurrency=4)
    await eventually(lambda: len(handled) == 6, what="six entries")
    assert handled == [0, 1, 2, 3, 4, 5]


async def test_failed_entries_are_delivered_again(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    attempts: dict[bytes, list[int]] = defaultdict(list)
    done: set[bytes] = set()

    async def flaky(d: Delivery) -> None:
        attempts[d.payload].append(d.attempts)
        if d.attempts == 1:
            raise RuntimeError("first try fails")
        done.add(d.payload)

    await bus.subscribe("t", "g", flaky, concurrency=2)
    for i in range(10):
        await bus.publish("t", f"e{i}".encode(), ordering_key=f"k{i % 3}")
    await eventually(lambda: len(done) == 10, what="ten entries handled on their second delivery")
    assert all(a[:2] == [1, 2] for a in attempts.values()), dict(attempts)
    await eventually(_zero_pending(bus, "t", "g"), what="all acked")
    assert await bus.dead_letters("t") == []


async def test_every_group_gets_every_entry(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "audit")
    await bus.ensure_group("t", "workers")
    got: dict[str, list[bytes]] = defaultdict(list)

    def collect(group: str):
        async def handler(d: Delivery) -> None:
            got[group].append(d.payload)

        return handler

    for i in range(20):
        await bus.publish("t", f"e{i}".encode(), ordering_key=f"k{i % 4}")
    await bus.subscribe("t", "audit", collect("audit"))
    await bus.subscribe("t", "workers", collect("workers"), concurrency=3)
    expected = sorted(f"e{i}".encode() for i in range(20))
    await eventually(lambda: len(got["audit"]) >= 20 and len(got["workers"]) >= 20, what="both groups")
    assert sorted(set(got["audit"])) == expected
    assert sorted(set(got["workers"])) == expected


async def test_topics_are_separate_and_groups_start_at_creation(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("a", "g")
    await bus.publish("a", b"before b's group", ordering_key="x")
    await bus.ensure_group("b", "g")
    await bus.publish("b", b"for b", ordering_key="x")
    await bus.ensure_group("a", "late")
    assert await bus.pending_count("a", "g") == 1
    assert await bus.pending_count("a", "late") == 0  # a group receives entries published from its creation
    assert await bus.pending_count("b", "g") == 1
    got: list[tuple[str, bytes]] = []

    async def handler(d: Delivery) -> None:
        got.append((d.topic, d.payload))

    await bus.subscribe("b", "g", handler)
    await eventually(lambda: got == [("b", b"for b")], what="b's entry")
    assert await bus.pending_count("a", "g") == 1


async def test_dead_letter_after_max_attempts(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    calls: list[int] = []
    healthy: list[bytes] = []

    async def handler(d: Delivery) -> None:
        if d.payload == b"poison":
            calls.append(d.attempts)
            raise ValueError("cannot handle entry 42")
        healthy.append(d.payload)

    await bus.publish("t", b"poison", ordering_key="chat")
    await bus.publish("t", b"fine", ordering_key="chat")
    await bus.subscribe("t", "g", handler)
    await eventually(lambda: healthy == [b"fine"], what="the entry behind the poison one")
    await eventually(_zero_pending(bus, "t", "g"), what="nothing pending")
    letters = await bus.dead_letters("t")
    assert len(letters) == 1
    letter = letters[0]
    assert (letter.topic, letter.group, letter.payload, letter.attempts) == ("t", "g", b"poison", MAX_ATTEMPTS)
    assert "cannot handle entry 42" in letter.error
    assert letter.at.tzinfo is not None
    assert calls == list(range(1, MAX_ATTEMPTS + 1))
    assert await bus.dead_letters("other-topic") == []
    assert [d.payload for d in await bus.dead_letters()] == [b"poison"]


async def test_pending_count_is_the_lag(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    assert await bus.pending_count("t", "g") == 0
    for i in range(5):
        await bus.publish("t", f"e{i}".encode(), ordering_key="k")
    assert await bus.pending_count("t", "g") == 5
    gate = asyncio.Event()
    handled: list[bytes] = []

    async def handler(d: Delivery) -> None:
        await gate.wait()
        handled.append(d.payload)

    await bus.subscribe("t", "g", handler)
    await asyncio.sleep(0.1)
    assert await bus.pending_count("t", "g") == 5  # in hand is not acked
    gate.set()
    await eventually(lambda: len(handled) == 5, what="five entries")
    await eventually(_zero_pending(bus, "t", "g"), what="lag back to zero")


async def test_entry_not_acked_at_shutdown_is_delivered_after_restart(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    in_hand = asyncio.Event()
    release = asyncio.Event()

    async def interrupted(d: Delivery) -> None:
        in_hand.set()
        await release.wait()
        raise ConnectionError("lost the database while shutting down")  # so: never acked

    await bus.publish("t", b"important", ordering_key="chat")
    await bus.publish("t", b"queued behind it", ordering_key="chat")
    await bus.subscribe("t", "g", interrupted)
    await asyncio.wait_for(in_hand.wait(), WAIT_S)
    closing = asyncio.create_task(bus.close())
    await asyncio.sleep(0.05)
    release.set()
    await asyncio.wait_for(closing, WAIT_S)

    restarted = await bus_factory(reopen=True)
    got: list[bytes] = []

    async def handler(d: Delivery) -> None:
        got.append(d.payload)

    await restarted.subscribe("t", "g", handler)
    await eventually(lambda: got[:2] == [b"important", b"queued behind it"], what="both entries after restart")
    await eventually(_zero_pending(restarted, "t", "g"), what="all acked")


async def test_consumer_killed_with_sigkill_loses_nothing(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    for i in range(3):
        await bus.publish("t", f"e{i}".encode(), ordering_key="chat")
    await bus.close()

    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.bus.crash_consumer", json.dumps(bus_factory.spec), "t", "g",
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None
        while True:
            line = (await asyncio.wait_for(child.stdout.readline(), 30)).decode().strip()
            assert line, "the consumer exited before taking an entry"
            if line.startswith("got "):
                break
    finally:
        child.send_signal(signal.SIGKILL)
        await child.wait()
    assert line == "got e0"

    restarted = await bus_factory(reopen=True)
    got: list[bytes] = []

    async def handler(d: Delivery) -> None:
        got.append(d.payload)

    await restarted.subscribe("t", "g", handler)
    await eventually(lambda: sorted(set(got)) == [b"e0", b"e1", b"e2"], what="every entry after the kill")
    assert got.index(b"e0") < got.index(b"e1") < got.index(b"e2")
    await eventually(_zero_pending(restarted, "t", "g"), what="all acked")


async def test_idempotent_handler_has_no_double_effect(bus_factory, tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'effects.db'}"
    await db.upgrade(store)
    engine = db.make_engine(store)
    sessions = db.make_sessionmaker(engine)
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    effects: list[bytes] = []
    deliveries: list[bytes] = []
    crashed: set[bytes] = set()

    async def handler(d: Delivery) -> None:
        deliveries.append(d.payload)
        async with sessions() as session, session.begin():
            first = await idempotency.claim(session, f"test:{d.payload.decode()}")
        if first:
            effects.append(d.payload)  # the effect, committed with the claim
        if d.payload not in crashed:
            crashed.add(d.payload)
            raise RuntimeError("died after committing, before the ack")

    try:
        await bus.subscribe("t", "g", handler, concurrency=2)
        for i in range(8):
            await bus.publish("t", f"m{i}".encode(), ordering_key=f"chat{i % 2}")
        await eventually(_zero_pending(bus, "t", "g"), what="all acked")
        assert len(deliveries) == 16  # every entry came twice
        assert sorted(effects) == sorted(f"m{i}".encode() for i in range(8))  # but took effect once
    finally:
        await engine.dispose()


# -- batches (``subscribe_batch``) ------------------------------------------------------------


def _in_order(handle):
    """A batch handler as the contract asks: a key's entries in order, Deferred after a failed one."""

    async def batch_handler(deliveries: list[Delivery]) -> list:
        outcomes: list = []
        failed: set[str] = set()
        for d in deliveries:
            if d.ordering_key in failed:
                outcomes.append(Deferred())
                continue
            try:
                await handle(d)
            except Exception as exc:  # noqa: BLE001 - reported for this entry only
                failed.add(d.ordering_key)
                outcomes.append(exc)
            else:
                outcomes.append(None)
        return outcomes

    return batch_handler


async def test_batches_deliver_every_entry_once_in_order_per_key(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    keys = [f"chat-{k}" for k in range(5)]
    per_key = 30
    for n in range(per_key):
        await asyncio.gather(*(bus.publish("t", f"{k}:{n}".encode(), ordering_key=k) for k in keys))
    seen: dict[str, list[int]] = defaultdict(list)
    sizes: list[int] = []
    in_hand: set[str] = set()
    overlaps: list[str] = []

    async def batch_handler(deliveries: list[Delivery]) -> list:
        sizes.append(len(deliveries))
        mine = {d.ordering_key for d in deliveries}
        overlaps.extend(mine & in_hand)  # a key in two batches at once would break its order
        in_hand.update(mine)
        await asyncio.sleep(random.random() / 200)
        for d in deliveries:
            key, n = d.payload.decode().split(":")
            seen[key].append(int(n))
        in_hand.difference_update(mine)
        return [None] * len(deliveries)

    await bus.subscribe_batch("t", "g", batch_handler, max_batch=16, concurrency=2)
    await eventually(lambda: sum(map(len, seen.values())) == per_key * len(keys), what="every entry")
    await eventually(_zero_pending(bus, "t", "g"), what="all acked")
    for k in keys:
        assert seen[k] == list(range(per_key)), f"{k} out of order: {seen[k]}"
    assert not overlaps, f"a key in two batches at once: {overlaps[:3]}"
    assert max(sizes) > 1, "entries ready together should share a batch"
    assert max(sizes) <= 16


async def test_a_failed_entry_of_a_batch_is_retried_alone_and_its_key_waits(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    for n in range(3):
        await bus.publish("t", f"a{n}".encode(), ordering_key="A")
        await bus.publish("t", f"b{n}".encode(), ordering_key="B")
    handled: list[tuple[str, int]] = []

    async def handle(d: Delivery) -> None:
        if d.payload == b"a1" and d.attempts == 1:
            raise ConnectionError("transient")
        handled.append((d.payload.decode(), d.attempts))

    await bus.subscribe_batch("t", "g", _in_order(handle), max_batch=8)
    await eventually(lambda: len(handled) == 6, what="six entries")
    await eventually(_zero_pending(bus, "t", "g"), what="all acked")
    assert [p for p, _ in handled if p.startswith("a")] == ["a0", "a1", "a2"]
    assert [p for p, _ in handled if p.startswith("b")] == ["b0", "b1", "b2"]
    attempts = dict(handled)
    assert attempts["a1"] == 2  # its failed delivery counted
    assert attempts["a2"] == 1 and attempts["b1"] == 1  # deferred or never tried: not counted
    assert await bus.dead_letters("t") == []


async def test_entries_a_batch_hands_back_untried_come_again_uncharged(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    for n in range(6):
        await bus.publish("t", f"m{n}".encode(), ordering_key=f"k{n}")
    tried: list[tuple[str, int]] = []

    async def first_only(deliveries: list[Delivery]) -> list:  # a batch out of time after one entry
        tried.append((deliveries[0].payload.decode(), deliveries[0].attempts))
        return [None] + [Deferred()] * (len(deliveries) - 1)

    await bus.subscribe_batch("t", "g", first_only, max_batch=8)
    await eventually(lambda: len(tried) == 6, what="every entry tried")
    await eventually(_zero_pending(bus, "t", "g"), what="all acked")
    assert sorted(p for p, _ in tried) == [f"m{n}" for n in range(6)]
    assert all(attempts == 1 for _, attempts in tried), tried  # handed back untried: never counted
    assert await bus.dead_letters("t") == []


async def test_a_batch_entry_failing_every_time_is_dead_lettered(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    await bus.publish("t", b"poison", ordering_key="chat")
    await bus.publish("t", b"behind it", ordering_key="chat")
    await bus.publish("t", b"elsewhere", ordering_key="other")
    calls: list[int] = []
    healthy: list[bytes] = []

    async def handle(d: Delivery) -> None:
        if d.payload == b"poison":
            calls.append(d.attempts)
            raise ValueError("cannot handle entry 42")
        healthy.append(d.payload)

    await bus.subscribe_batch("t", "g", _in_order(handle))
    await eventually(lambda: sorted(healthy) == [b"behind it", b"elsewhere"], what="the healthy entries")
    await eventually(_zero_pending(bus, "t", "g"), what="nothing pending")
    letters = await bus.dead_letters("t")
    assert [(d.payload, d.attempts) for d in letters] == [(b"poison", MAX_ATTEMPTS)]
    assert "cannot handle entry 42" in letters[0].error
    assert calls == list(range(1, MAX_ATTEMPTS + 1))


async def test_a_raising_batch_handler_fails_the_whole_batch(bus_factory) -> None:
    bus = await bus_factory()
    await bus.ensure_group("t", "g")
    for i in range(4):
        await bus.publish("t", f"e{i}".encode(), ordering_key=f"k{i}")
    attempts: dict[bytes, int] = {}
    raised: list[int] = []

    async def batch_handler(deliveries: list[Delivery]) -> list:
        if not raised:
            raised.append(len(deliveries))
            raise RuntimeError("the store went away")
        for d in deliveries:
            attempts[d.payload] = d.attempts
        return [None] * len(deliveries)

    await bus.subscribe_batch("t", "g", batch_handler)
    await eventually(lambda: len(attempts) == 4, what="every entry")
    await eventually(_zero_pending(bus, "t", "g"), what="all acked")
    failed_first = raised[0]
    assert sorted(attempts.values()) == [1] * (4 - failed_first) + [2] * failed_first
