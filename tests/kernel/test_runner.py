"""The runner end to end on the embedded default: console adapter, in-process bus, SQLite outbox."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from beacon.actions import SendDirect, SendMessage
from beacon.app import Beacon
from beacon.config import Settings
from beacon.domain import Context, Effect
from beacon.events import ActionFailed, EventBase, MessagePosted
from beacon.runner import EVENTS_TOPIC, publisher
from beacon.storage import dm_state, outbox
from beacon.storage.models import OutboxItem
from beacon.verdict import AnalysisInput, Verdict
from bots.console import ConsoleAdapter

SEEN: list[str] = []


async def echo(event: EventBase, ctx: Context) -> Sequence[Effect]:
    """ping → pong in public, and "dm me" → a DM (which fails for members who never started the bot)."""
    if isinstance(event, ActionFailed):
        SEEN.append(f"failed:{event.reason}")
        return []
    if not isinstance(event, MessagePosted):
        return []
    if event.text == "ping":
        return [SendMessage(key=f"{event.idempotency_key}/pong", platform=event.platform, chat=event.chat,
                            text="pong", reply_to_message_id=event.message_id)]
    if event.text == "dm me":
        return [SendDirect(key=f"{event.idempotency_key}/dm", platform=event.platform, user=event.author,
                           text="hello in private")]
    return []


def settings_for(tmp_path: Path) -> Settings:
    return Settings(brand={"name": "Acme", "official_domains": ["acme.example"]},
                    database={"url": f"sqlite:///{tmp_path / 'beacon.db'}"}, bus={"url": "memory://"})


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def no_analysis(_: AnalysisInput) -> Verdict:
    return Verdict()


async def started(tmp_path: Path, sink: io.StringIO) -> tuple[Beacon, ConsoleAdapter]:
    from beacon.directory import track_directory

    console = ConsoleAdapter(bot_username="AcmeBot", sink=sink)
    beacon = await Beacon.build(settings_for(tmp_path), adapters=[console], handlers=[track_directory, echo],
                                analyse=no_analysis)
    await beacon.start()
    return beacon, console


async def test_message_in_reply_out(tmp_path: Path) -> None:
    sink = io.StringIO()
    beacon, console = await started(tmp_path, sink)
    try:
        await console.feed("@alice: ping", publisher(beacon.bus))
        assert await beacon.idle()
        assert "bot → #general [2] (reply to 1): pong" in sink.getvalue()
        async with beacon.sessions() as session:
            assert nonzero(await outbox.counts(session)) == {"sent": 1}
    finally:
        await beacon.stop()


async def test_same_event_twice_is_handled_once(tmp_path: Path) -> None:
    sink = io.StringIO()
    beacon, console = await started(tmp_path, sink)
    try:
        [event] = __import__("bots.console.adapter", fromlist=["parse_line"]).parse_line(
            "@alice: ping", console.state, "AcmeBot")
        publish = publisher(beacon.bus)
        await publish(event)
        await publish(event)
        assert await beacon.idle()
        assert sink.getvalue().count("pong") == 1
    finally:
        await beacon.stop()


async def test_refused_dm_comes_back_as_an_event_and_closes_dms(tmp_path: Path) -> None:
    SEEN.clear()
    sink = io.StringIO()
    beacon, console = await started(tmp_path, sink)
    try:
        await console.feed("@bob: dm me", publisher(beacon.bus))
        assert await beacon.idle()
        assert SEEN == ["failed:never_started"]
        async with beacon.sessions() as session:
            assert await dm_state.dm_open(session, "console", "bob") is False
            assert nonzero(await outbox.counts(session)) == {"failed": 1}
        await console.feed("dm @bob: hi", publisher(beacon.bus))
        await console.feed("@bob: dm me", publisher(beacon.bus))
        assert await beacon.idle()
        assert "bot → dm @bob [2]: hello in private" in sink.getvalue()
    finally:
        await beacon.stop()


async def test_send_left_in_flight_by_a_crash_is_in_doubt_not_resent(tmp_path: Path) -> None:
    sink = io.StringIO()
    beacon, console = await started(tmp_path, sink)
    action = SendMessage(key="crash/1", platform="console",
                         chat={"platform": "console", "chat_id": "general"}, text="maybe sent")
    async with beacon.sessions() as session, session.begin():
        await outbox.enqueue(session, [action])
        # A dispatcher claimed it (sending) and the process died before recording the answer.
        await session.execute(OutboxItem.__table__.update().values(state="sending"))
    await beacon.stop()

    beacon, console = await started(tmp_path, sink)
    try:
        assert beacon.dispatchers[0].in_doubt_at_start == 1
        assert await beacon.idle()
        assert "maybe sent" not in sink.getvalue()
        async with beacon.sessions() as session:
            row = (await session.scalars(select(OutboxItem))).one()
            assert row.state == "in_doubt"
    finally:
        await beacon.stop()


async def test_undecodable_entry_goes_to_dead_letters(tmp_path: Path) -> None:
    sink = io.StringIO()
    beacon, _ = await started(tmp_path, sink)
    try:
        await beacon.bus.publish(EVENTS_TOPIC, b'{"type": "no_such_event"}', ordering_key="x")
        assert await beacon.idle()
        letters = await beacon.bus.dead_letters()
        from beacon.storage import deadletters

        async with beacon.sessions() as session:
            stored = await deadletters.fetch(session)
        assert len(letters) + len(stored) >= 1
        assert any("undecodable" in d.error for d in [*letters, *stored])
    finally:
        await beacon.stop()


@pytest.mark.parametrize("handlers_fail", [True])
async def test_failing_handler_retries_then_dead_letters(tmp_path: Path, handlers_fail: bool) -> None:
    calls: list[str] = []

    async def broken(event: EventBase, ctx: Context) -> Sequence[Effect]:
        if not isinstance(event, MessagePosted):
            return []  # ticks arrive whenever a period boundary passes during the test
        calls.append(event.idempotency_key)
        raise RuntimeError("boom")

    settings = settings_for(tmp_path).model_copy(update={"bus": settings_for(tmp_path).bus.model_copy(
        update={"max_attempts": 3})})
    console = ConsoleAdapter(bot_username="AcmeBot", sink=io.StringIO())
    beacon = await Beacon.build(settings, adapters=[console], handlers=[broken], analyse=no_analysis)
    await beacon.start()
    try:
        await console.feed("@alice: hi", publisher(beacon.bus))
        assert await beacon.idle(timeout_s=20)
        assert len(calls) == 3
        # Nothing was recorded for the failed attempts: the transaction rolled back each time.
        async with beacon.sessions() as session:
            assert nonzero(await outbox.counts(session)) == {}
        letters = await beacon.bus.dead_letters()
        assert [d.attempts for d in letters] == [3] and "boom" in letters[0].error
    finally:
        await beacon.stop()
