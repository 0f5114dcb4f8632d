"""The runner end to end on the embedded default: console adapter, in-process bus, SQLite outbox."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from beacon.actions import SendDirect, SendMessage, decode_action
from beacon.app import Beacon
from beacon.bus import Deferred
from beacon.config import Settings
from beacon.domain import Context, Effect, Record
from beacon.events import ActionFailed, ChatRef, EventBase, MessagePosted, UserRef
from beacon.runner import EVENTS_TOPIC, publisher
from beacon.storage import directory, dm_state, outbox
from beacon.storage.models import OutboxItem, PersonLink, PlatformUser
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


# -- group commit: a batch of events in one transaction, a savepoint each --------------------------


@dataclass(frozen=True)
class _Mark(Record):
    """Writes the event's mark (a platform user row); ``fail`` raises after the write."""

    user_id: str
    fail: bool = False

    async def apply(self, session: AsyncSession) -> None:
        await directory.upsert_user(session, "console", self.user_id, display_name="mark")
        if self.fail:
            raise RuntimeError(f"record for {self.user_id} failed after writing")


@dataclass(frozen=True)
class _DanglingLink(Record):
    """A row whose foreign key only fails at COMMIT (SQLite's deferred foreign keys): sinks a whole batch."""

    async def apply(self, session: AsyncSession) -> None:
        await session.execute(text("PRAGMA defer_foreign_keys = ON"))
        await session.execute(PersonLink.__table__.insert().values(person_id=999_999, platform="console",
                                                                   user_id="dangling", method="test"))


@dataclass(frozen=True)
class _OrmDangling(Record):
    """An ORM object whose flush fails (foreign key): SQLAlchemy then rolls back the whole session."""

    async def apply(self, session: AsyncSession) -> None:
        session.add(PersonLink(person_id=999_999, platform="console", user_id="orm-dangling"))


def _message(chat: str, n: int, text_: str = "hi") -> MessagePosted:
    return MessagePosted(platform="console", chat=ChatRef(platform="console", chat_id=chat), message_id=str(n),
                         author=UserRef(platform="console", user_id=f"{chat}-{n}"), text=text_)


async def _numbered(event: EventBase, ctx: Context) -> Sequence[Effect]:
    """Numbers replies max+1 from what is already queued, like the desk's ticket numbers."""
    if not isinstance(event, MessagePosted):
        return []
    effects: list[Effect] = [_Mark(event.author.user_id, fail=event.text == "fail" or (
        event.text == "fail once" and event.message_id not in _FAILED_ONCE))]
    if event.text == "fail once":
        _FAILED_ONCE.add(event.message_id)
    if event.text == "dangle":
        effects.append(_DanglingLink())
    if event.text == "orm dangle":
        effects.append(_OrmDangling())
    queued = await ctx.read.scalar(select(func.count()).select_from(OutboxItem))
    effects.append(SendMessage(key=f"{event.idempotency_key}/n", platform="console", chat=event.chat,
                               text=f"#{queued + 1}"))
    return effects


_FAILED_ONCE: set[str] = set()


@pytest.fixture(params=["sqlite", "postgresql"])
async def batch_worker(request: pytest.FixtureRequest, tmp_path: Path, unique_name: str):
    from beacon.bus.memory import InProcessBus
    from beacon.metrics import Metrics
    from beacon.runner import Worker
    from beacon.storage import db

    if request.param == "sqlite":
        url, base = f"sqlite:///{tmp_path / 'beacon.db'}", None
    else:
        base = request.getfixturevalue("postgres_url")
        url = f"{base}?schema={unique_name}"
    await db.upgrade(url)
    engine = db.make_engine(url)
    bus = InProcessBus()
    await bus.start()
    worker = Worker(settings=settings_for(tmp_path), bus=bus, sessions=db.make_sessionmaker(engine),
                    handlers=[_numbered], capabilities={}, deep_links={}, analyse=no_analysis, metrics=Metrics())
    _FAILED_ONCE.clear()
    try:
        yield worker
    finally:
        await bus.close()
        await engine.dispose()
        if base is not None:
            await db.drop_schema(base, unique_name)


async def _users(worker) -> set[str]:
    async with worker.sessions() as session:
        return set((await session.scalars(select(PlatformUser.user_id))).all())


async def _replies(worker) -> dict[str, str]:
    async with worker.sessions() as session:
        rows = await outbox.list_items(session, limit=None)
    return {decode_action(r.action).chat.chat_id + "/" + r.key.split(":")[3]: decode_action(r.action).text
            for r in rows}


async def test_a_batch_commits_together_and_later_events_see_earlier_writes(batch_worker) -> None:
    events = [_message("a", 1), _message("b", 1), _message("a", 2)]
    assert await batch_worker.handle_batch(events) == [None, None, None]
    assert await _users(batch_worker) == {"a-1", "b-1", "a-2"}
    # Each event counted the replies the earlier ones queued in the same transaction: no two alike.
    assert sorted((await _replies(batch_worker)).values()) == ["#1", "#2", "#3"]
    # A redelivery of the whole batch is a no-op (the claims committed with the effects).
    assert await batch_worker.handle_batch(events) == [None, None, None]
    assert len(await _replies(batch_worker)) == 3


async def test_a_failing_event_is_rolled_back_alone_and_its_chat_waits(batch_worker) -> None:
    events = [_message("a", 1), _message("b", 1), _message("a", 2, "fail once"), _message("a", 3),
              _message("b", 2)]
    outcomes = await batch_worker.handle_batch(events)
    assert outcomes[:2] == [None, None] and outcomes[4] is None
    assert isinstance(outcomes[2], RuntimeError)
    assert isinstance(outcomes[3], Deferred)  # behind a2 in its chat: not tried, keeps its place
    # a2's write happened before it failed: rolled back with its savepoint; a3 never ran.
    assert await _users(batch_worker) == {"a-1", "b-1", "b-2"}
    assert set(await _replies(batch_worker)) == {"a/1", "b/1", "b/2"}
    # The bus delivers them again, in order.
    assert await batch_worker.handle_batch([events[2], events[3]]) == [None, None]
    assert await _users(batch_worker) == {"a-1", "b-1", "b-2", "a-2", "a-3"}
    assert sorted((await _replies(batch_worker)).values()) == ["#1", "#2", "#3", "#4", "#5"]


async def test_a_batch_past_its_time_budget_commits_what_it_did_and_hands_back_the_rest(batch_worker) -> None:
    batch_worker.batch_budget_s = 0.0  # every event after the first finds the budget spent
    events = [_message("a", 1), _message("b", 1), _message("a", 2)]
    outcomes = await batch_worker.handle_batch(events)
    assert outcomes[0] is None
    assert all(isinstance(o, Deferred) for o in outcomes[1:])  # untried: no attempt counted
    assert await _users(batch_worker) == {"a-1"}  # the first committed; the others never ran
    for event in events[1:]:  # the bus hands them over again
        assert await batch_worker.handle_batch([event]) == [None]
    assert await _users(batch_worker) == {"a-1", "b-1", "a-2"}
    assert sorted((await _replies(batch_worker)).values()) == ["#1", "#2", "#3"]


def test_the_batch_budget_defaults_to_a_third_of_the_bus_visibility_timeout(batch_worker) -> None:
    assert batch_worker.batch_budget_s == batch_worker.bus.visibility_timeout_s / 3


# SQLite only: the failure needs a constraint checked at COMMIT (a deferred foreign key in SQLite's sense);
# PostgreSQL checks this one at the statement, which the savepoint test above covers.
@pytest.mark.parametrize("batch_worker", ["sqlite"], indirect=True)
async def test_a_batch_whose_commit_fails_is_handled_again_one_by_one(batch_worker) -> None:
    events = [_message("a", 1), _message("b", 1, "dangle"), _message("c", 1), _message("b", 2)]
    outcomes = await batch_worker.handle_batch(events)
    assert outcomes[0] is None and outcomes[2] is None
    assert isinstance(outcomes[1], Exception) and "FOREIGN KEY" in str(outcomes[1])
    assert isinstance(outcomes[3], Deferred)
    assert await _users(batch_worker) == {"a-1", "c-1"}


async def test_an_event_whose_orm_flush_fails_sinks_only_itself(batch_worker) -> None:
    events = [_message("a", 1), _message("b", 1, "orm dangle"), _message("c", 1), _message("b", 2)]
    outcomes = await batch_worker.handle_batch(events)
    assert outcomes[0] is None and outcomes[2] is None
    assert isinstance(outcomes[1], Exception)
    assert isinstance(outcomes[3], Deferred)
    assert await _users(batch_worker) == {"a-1", "c-1"}
    assert set(await _replies(batch_worker)) == {"a/1", "c/1"}
