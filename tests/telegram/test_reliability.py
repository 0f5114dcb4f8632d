"""Nothing lost, nothing doubled: 429 storms, kill -9 of the adapter process, webhook secrets."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import socket
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import aiohttp
import pytest

from beacon.actions import RateLimited, SendDirect, SendMessage
from beacon.bus.base import Delivery
from beacon.bus.memory import InProcessBus
from beacon.events import ChatRef, EventBase, MessagePosted, UserRef, decode_event
from beacon.runner import EVENTS_TOPIC, WORKERS_GROUP
from bots.telegram import TelegramAdapter
from tests.fakes.telegram import FakeTelegram, RateLimit
from tests.telegram.conftest import BOT_USERNAME, TOKEN, Published, telegram_config

ROOT = Path(__file__).resolve().parents[2]
P = "telegram"


async def test_429_storm_loses_and_duplicates_nothing() -> None:
    """The fake limits far below what the adapter is told: every send still lands exactly once."""
    async with FakeTelegram(token=TOKEN, bot_username=BOT_USERNAME, overall_limit=RateLimit(12, 1.0),
                            group_limit=RateLimit(5, 0.5), private_limit=RateLimit(2, 1.0)) as fake:
        adapter = TelegramAdapter(telegram_config(fake, rate_overall_per_s=1000, rate_group_per_min=60000,
                                                  rate_private_per_s=1000), max_retries=20)
        try:
            groups = [fake.create_group(f"G{i}", owner=fake.add_user("Olga")) for i in range(2)]
            for group in groups:
                fake.add_bot(group, admin=True)
            members = [fake.add_user(f"M{i}", started=True) for i in range(2)]
            actions = [SendMessage(key=f"g{g}:{i}", platform=P, chat=ChatRef(platform=P, chat_id=str(group.id)),
                                   text=f"announcement {g}/{i}") for g, group in enumerate(groups) for i in range(12)]
            actions += [SendDirect(key=f"d{m}:{i}", platform=P, user=UserRef(platform=P, user_id=str(member.id)),
                                   text=f"dm {m}/{i}") for m, member in enumerate(members) for i in range(4)]
            random.Random(7).shuffle(actions)
            results = await asyncio.gather(*(adapter.perform(a) for a in actions))
        finally:
            await adapter.stop()
            adapter.release_log_masking()
        assert fake.rate_limited > 0, "the storm did not happen: the test proves nothing"
        sent_texts = Counter(a.text for a in fake.sent())
        assert sent_texts == Counter(a.text for a in actions)  # all of them, once each
        assert len({(r.chat_id, r.message_id) for r in results}) == len(actions)


async def test_rate_limited_when_retries_run_out() -> None:
    async with FakeTelegram(token=TOKEN, group_limit=RateLimit(1, 2.0)) as fake:
        adapter = TelegramAdapter(telegram_config(fake, rate_group_per_min=60000), max_retries=1)
        try:
            group = fake.create_group("G", owner=fake.add_user("Olga"))
            fake.add_bot(group, admin=True)
            chat = ChatRef(platform=P, chat_id=str(group.id))
            outcomes = await asyncio.gather(
                *(adapter.perform(SendMessage(key=str(i), platform=P, chat=chat, text=f"m{i}")) for i in range(3)),
                return_exceptions=True)
        finally:
            await adapter.stop()
            adapter.release_log_masking()
        refused = [o for o in outcomes if isinstance(o, RateLimited)]
        assert refused and all(r.retry_after >= 1 for r in refused)
        assert len(fake.sent()) == 3 - len(refused)  # what was refused was not sent


async def test_embedded_limiter_keeps_under_the_fakes_limits() -> None:
    """Given the limits the fake enforces, the adapter (aiming 10% below them) never gets a 429.

    (The fake runs on the test's own event loop; on a loaded machine a send can reach it a little
    after the limiter granted it, so the test leaves a further margin on the private chat.)"""
    async with FakeTelegram(token=TOKEN, overall_limit=RateLimit(30, 1.0), group_limit=RateLimit(20, 60.0),
                            private_limit=RateLimit(3, 3.0)) as fake:
        adapter = TelegramAdapter(telegram_config(fake, rate_overall_per_s=27, rate_group_per_min=20,
                                                  rate_private_per_s=0.8), private_burst=2)
        try:
            groups = [fake.create_group(f"G{i}", owner=fake.add_user("Olga")) for i in range(40)]
            for group in groups:
                fake.add_bot(group, admin=True)
            member = fake.add_user("Ann", started=True)
            sends = [SendMessage(key=str(i), platform=P, chat=ChatRef(platform=P, chat_id=str(g.id)), text=f"m{i}")
                     for i, g in enumerate(groups)]
            sends += [SendMessage(key=f"again{i}", platform=P, chat=ChatRef(platform=P, chat_id=str(groups[0].id)),
                                  text=f"again {i}") for i in range(5)]
            dms = [SendDirect(key=f"d{i}", platform=P, user=UserRef(platform=P, user_id=str(member.id)), text=f"d{i}")
                   for i in range(5)]
            await asyncio.gather(*(adapter.perform(a) for a in [*sends, *dms]))
        finally:
            await adapter.stop()
            adapter.release_log_masking()
        assert len(fake.sent()) == 50
        assert fake.rate_limited == 0, dict(fake.rate_limited_by_scope)


# ----- kill -9 -------------------------------------------------------------------------------


def _jsonl_events(path: Path) -> list[EventBase]:
    if not path.exists():
        return []
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    events = [decode_event(json.dumps(line["event"])) for line in lines]
    assert all(line["key"] == event.idempotency_key for line, event in zip(lines, events))
    return events


async def _bus_events(database_url: str) -> list[EventBase]:
    """Everything the adapter processes put on the durable bus (read back by a consumer)."""
    bus = InProcessBus.from_url("memory://", database_url=database_url)
    await bus.start()
    received: list[EventBase] = []

    async def handler(delivery: Delivery) -> None:
        received.append(decode_event(delivery.payload))

    await bus.ensure_group(EVENTS_TOPIC, WORKERS_GROUP)
    subscription = await bus.subscribe(EVENTS_TOPIC, WORKERS_GROUP, handler, concurrency=4)
    try:
        await _wait(lambda: False if not received else True, timeout=10)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10
        while await bus.pending_count(EVENTS_TOPIC, WORKERS_GROUP) and loop.time() < deadline:
            await asyncio.sleep(0.05)
    finally:
        await subscription.stop()
        await bus.close()
    return received


async def _redis_events(url: str, prefix: str) -> list[EventBase]:
    from beacon.bus.redis import RedisStreamsBus

    bus = RedisStreamsBus.from_url(url, prefix=prefix)
    await bus.start()
    received: list[EventBase] = []

    async def handler(delivery: Delivery) -> None:
        received.append(decode_event(delivery.payload))

    subscription = await bus.subscribe(EVENTS_TOPIC, WORKERS_GROUP, handler, concurrency=4)
    try:
        await _wait(lambda: bool(received), timeout=10)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10
        while await bus.pending_count(EVENTS_TOPIC, WORKERS_GROUP) and loop.time() < deadline:
            await asyncio.sleep(0.05)
    finally:
        await subscription.stop()
        await bus.close()
    return received


class _Sink:
    """Where the adapter process publishes, and how the test reads it back."""

    def __init__(self, kind: str, tmp_path: Path, redis_url: str = "", prefix: str = "") -> None:
        self.kind = kind
        self.path = tmp_path / ("events.jsonl" if kind == "jsonl" else "beacon.db")
        self.redis_url, self.prefix = redis_url, prefix

    @property
    def arg(self) -> str:
        if self.kind == "redis":
            return f"redis:{self.redis_url}#{self.prefix}"
        return f"jsonl:{self.path}" if self.kind == "jsonl" else f"bus:sqlite:///{self.path}"

    def count_so_far(self) -> int:
        if self.kind == "redis":
            import redis

            client = redis.Redis.from_url(self.redis_url)
            try:
                return sum(client.xlen(k) for k in client.scan_iter(f"{self.prefix}:{EVENTS_TOPIC}:*"))
            finally:
                client.close()
        if self.kind == "jsonl":
            return len(self.path.read_text().splitlines()) if self.path.exists() else 0
        if not self.path.exists():
            return 0
        with contextlib.closing(sqlite3.connect(self.path, timeout=5)) as conn:
            try:
                return conn.execute("select count(*) from bus_inbox").fetchone()[0]
            except sqlite3.OperationalError:  # table not created yet, or briefly locked
                return 0

    def cleanup(self) -> None:
        if self.kind == "redis":
            import redis

            client = redis.Redis.from_url(self.redis_url)
            try:
                for key in client.scan_iter(f"{self.prefix}:*"):
                    client.delete(key)
            finally:
                client.close()

    async def events(self) -> list[EventBase]:
        if self.kind == "redis":
            return await _redis_events(self.redis_url, self.prefix)
        return _jsonl_events(self.path) if self.kind == "jsonl" else await _bus_events(f"sqlite:///{self.path}")


async def _start_adapter_process(fake: FakeTelegram, sink: _Sink, delay_s: float) -> asyncio.subprocess.Process:
    env = {**os.environ, "BEACON_TELEGRAM__TOKEN": fake.token, "PYTHONPATH": str(ROOT)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.telegram.adapter_process", fake.base_url, sink.arg, str(delay_s),
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), 30)
    if line.strip() != b"ready":
        stderr = (await process.stderr.read()).decode() if process.stderr else ""  # type: ignore[union-attr]
        raise AssertionError(f"adapter process did not start: {line!r} {stderr[-2000:]}")
    return process


async def _wait(predicate, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.02)


async def _kill(process: asyncio.subprocess.Process) -> None:
    process.send_signal(signal.SIGKILL)
    await process.wait()


async def _stop(process: asyncio.subprocess.Process) -> bytes:
    process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), 20)
    return stderr


@pytest.mark.slow
@pytest.mark.parametrize("sink_kind", ["bus", "jsonl", pytest.param("redis", marks=pytest.mark.services)])
async def test_kill_9_between_receiving_and_confirming_loses_nothing(fake: FakeTelegram, tmp_path: Path,
                                                                     sink_kind: str, request: pytest.FixtureRequest,
                                                                     unique_name: str) -> None:
    redis_url = request.getfixturevalue("redis_url") if sink_kind == "redis" else ""
    sink = _Sink(sink_kind, tmp_path, redis_url, unique_name)
    group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
    fake.add_bot(group, admin=True)
    members = [fake.add_user(f"M{i}") for i in range(5)]
    injected = [fake.post(group, members[i % 5], f"message {i}")["message_id"] for i in range(20)]

    # 1. The first batch arrives in one getUpdates; publishing is slow; kill -9 in the middle of it.
    process = await _start_adapter_process(fake, sink, delay_s=0.05)
    await _wait(lambda: sink.count_so_far() >= 5)
    assert fake.confirmed_offset == 0, "nothing may be confirmed while the batch is being published"
    await _kill(process)
    assert fake.pending_updates == 21  # Telegram still holds everything: the bot never confirmed

    # 2. More traffic while it is down, then kills at random moments under load.
    rng = random.Random(42)
    for round_ in range(1):
        injected += [fake.post(group, members[i % 5], f"round {round_} message {i}")["message_id"] for i in range(10)]
        process = await _start_adapter_process(fake, sink, delay_s=0.01)
        await asyncio.sleep(rng.uniform(0.05, 0.3))
        await _kill(process)

    # 3. A clean run drains the rest and confirms it.
    process = await _start_adapter_process(fake, sink, delay_s=0.0)
    await fake.wait_confirmed(timeout=20)
    stderr = await _stop(process)
    assert process.returncode == 0, stderr.decode()[-2000:]

    try:
        events = await sink.events()
    finally:
        sink.cleanup()
    posted_keys = Counter(e.idempotency_key for e in events if isinstance(e, MessagePosted))
    expected = {f"msg:telegram:{group.id}:{message_id}:0" for message_id in injected}
    assert set(posted_keys) == expected  # every update arrived, nothing else did
    assert sum(posted_keys.values()) > len(expected), "no redelivery happened: the kill came too late"
    # A redelivered update yields the same event again, under the same key, for handlers to absorb.
    by_key: dict[str, set[str]] = {}
    for e in events:
        by_key.setdefault(e.idempotency_key, set()).add(e.model_dump_json())
    assert all(len(variants) == 1 for variants in by_key.values())


# ----- webhook -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.asynccontextmanager
async def _webhook_adapter(fake: FakeTelegram, publish):
    port = _free_port()
    adapter = TelegramAdapter(telegram_config(fake, mode="webhook", webhook_url=f"http://127.0.0.1:{port}/tg/hook",
                                              webhook_port=port, webhook_secret="s3cret-Token_1"), retry_delay_s=0.1)
    task = asyncio.create_task(adapter.run(publish))
    try:
        await fake.wait_for(lambda: fake.webhook is not None, timeout=10)
        yield adapter, port
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 10)
        adapter.release_log_masking()


async def test_webhook_delivers_and_confirms(fake: FakeTelegram) -> None:
    published = Published()
    async with _webhook_adapter(fake, published):
        assert fake.webhook is not None and fake.webhook["secret_token"] == "s3cret-Token_1"
        group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
        fake.add_bot(group, admin=True)
        fake.post(group, fake.add_user("Ann"), "hello over the webhook")
        posted = await published.wait_for(lambda: published.of(MessagePosted))
        assert posted[0].text == "hello over the webhook"
        await fake.wait_for(lambda: fake.pending_updates == 0)


async def test_webhook_with_wrong_secret_processes_nothing(fake: FakeTelegram) -> None:
    published = Published()
    async with _webhook_adapter(fake, published) as (_, port):
        group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
        ann = fake.add_user("Ann")
        forged = {"update_id": 999, "message": {"message_id": 1, "date": 1700000000, "text": "forged",
                                                "chat": group.as_json(), "from": ann.as_json()}}
        async with aiohttp.ClientSession() as http:
            for headers in ({"X-Telegram-Bot-Api-Secret-Token": "wrong"}, {}):
                async with http.post(f"http://127.0.0.1:{port}/tg/hook", json=forged, headers=headers) as resp:
                    assert resp.status == 403
        await asyncio.sleep(0.2)
        assert published.events == []


async def test_webhook_publish_failure_answers_500_and_telegram_redelivers(fake: FakeTelegram) -> None:
    published = Published()
    failures = iter([RuntimeError("bus down")])

    async def flaky_publish(event) -> None:
        if (failure := next(failures, None)) is not None:
            raise failure
        await published(event)

    async with _webhook_adapter(fake, flaky_publish):
        group = fake.create_group("Exchange", owner=fake.add_user("Olga"))
        fake.add_bot(group, admin=True)  # its my_chat_member meets the failing publish first
        fake.post(group, fake.add_user("Ann"), "are you there?")
        await published.wait_for(lambda: published.of(MessagePosted), timeout=10)
        assert fake.webhook_errors and "500" in fake.webhook_errors[0]
        assert max(fake.deliveries().values()) == 2  # the failed one came again
        assert len(published.events) == 2  # the membership change (second try) and the message
