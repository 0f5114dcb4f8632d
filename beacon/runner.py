"""The runner: workers turn events into effects in one transaction; dispatchers drain the outbox."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta, timezone

from aiolimiter import AsyncLimiter
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from beacon.actions import (
    ActionBase,
    AnswerButton,
    BanMember,
    DeleteMessage,
    EditMessage,
    FetchFile,
    Forbidden,
    LiftRestriction,
    NotFound,
    PinMessage,
    PlatformError,
    RateLimited,
    RestrictMember,
    SendDirect,
    TransientError,
    UnbanMember,
    decode_action,
)
from beacon.adapter import Adapter, Capabilities
from beacon.bus import Bus, Deferred, Delivery, Outcome, Subscription
from beacon.config import Settings
from beacon.domain import Context, Handler, Reader, Record
from beacon.events import ActionFailed, ChatRef, EventBase, UserRef, decode_event, encode_event
from beacon.metrics import Metrics
from beacon.storage import deadletters, idempotency, outbox
from beacon.verdict import AnalysisInput, Verdict

log = logging.getLogger(__name__)

EVENTS_TOPIC = "events"
WORKERS_GROUP = "workers"
OUTBOX_TOPIC = "outbox"
IDEMPOTENCY_TTL = timedelta(days=7)
_SAVEPOINT = "SAVEPOINT beacon_event"
_RELEASE_SAVEPOINT = "RELEASE SAVEPOINT beacon_event"
_ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT beacon_event"
_CLAIM_CATCH_UP = 4  # at most this many rows per paced claim (bounds what a crash leaves in_doubt)

# Re-running these cannot do harm twice, so a send whose fate is unknown may simply be retried.
IDEMPOTENT_ACTIONS = (DeleteMessage, EditMessage, BanMember, UnbanMember, RestrictMember, LiftRestriction, PinMessage,
                      AnswerButton, FetchFile)


def publisher(bus: Bus) -> Callable[[EventBase], "asyncio.Future[None]"]:
    """The ``publish`` adapters get: returns once the event is durably on the bus."""

    async def publish(event: EventBase) -> None:
        await bus.publish(EVENTS_TOPIC, encode_event(event), ordering_key=event.ordering_key)

    return publish  # type: ignore[return-value]


class Worker:
    """Consumes events in batches; per event: dedupe, run handlers, apply records, enqueue actions.

    Group commit: the events the bus has ready (up to ``max_batch``) are handled one after another
    in ONE transaction, each inside its own savepoint, and committed together; the bus acks them
    only after that commit. SQLite has a single writer, and a transaction per event spent most of
    its time taking the write lock and committing (issue #7). Guarantees, as with one transaction
    per event:

    * exactly-once effects: an event's idempotency claim, records and outbox rows commit together,
      in its savepoint; the bus redelivers whatever was not acked (a crash before the commit), and
      the claim makes the redelivery a no-op.
    * a failing event is rolled back alone (to its savepoint) and goes back to the bus for a retry
      (dead letters after ``bus.max_attempts``); later events of its chat in the batch are not
      tried (``Deferred``, no attempt counted) so they keep their order behind it; other events
      commit. If the batch transaction itself fails (its commit, a failed ORM flush that makes
      SQLAlchemy roll back the session, the connection), every event not settled yet is handled
      again alone, one transaction each, so one bad event cannot sink or use up the others' attempts.
    * per-chat order: the bus never hands out an event while an earlier one of its ordering key is
      unfinished, and a batch handles a chat's events in order, each seeing the earlier ones' writes.
    * each event starts from an empty identity map (``expunge_all``), as if in its own session.
    * a batch stops starting events once it has run ``batch_budget_s`` (a third of the bus's
      visibility timeout by default) and hands the rest back untried (``Deferred``, no attempt
      counted): a slow batch (another process holding SQLite's write lock, a slow event) commits
      what it did instead of overrunning the timeout, which would charge every entry an attempt.
      One event that alone runs past the timeout still fails its batch.

    ``concurrency`` is how many batches run at once on PostgreSQL; on SQLite one at a time (more
    would only queue for the single writer). ``max_batch`` (shared by those batches) stays at 64 or
    below: PostgreSQL keeps 64 subtransaction ids per transaction in shared memory, and beyond
    that every snapshot taken elsewhere gets slower.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        bus: Bus,
        sessions: async_sessionmaker[AsyncSession],
        handlers: Sequence[Handler],
        capabilities: Mapping[str, Capabilities],
        deep_links: Mapping[str, Callable[[str], str | None]],
        analyse: Callable[[AnalysisInput], Verdict],
        metrics: Metrics,
        concurrency: int = 4,
        idempotency_check: bool = True,
        max_batch: int = 64,
        batch_budget_s: float | None = None,
    ) -> None:
        self.settings = settings
        self.bus = bus
        self.sessions = sessions
        self.handlers = list(handlers)
        self.capabilities = capabilities
        self.deep_links = deep_links
        self.analyse = analyse
        self.metrics = metrics
        self.concurrency = concurrency
        self.idempotency_check = idempotency_check
        self.max_batch = max_batch
        self.batch_budget_s = bus.visibility_timeout_s / 3 if batch_budget_s is None else batch_budget_s
        self._subscription: Subscription | None = None

    def _single_writer(self) -> bool:
        bind = self.sessions.kw.get("bind")
        return bind is not None and bind.dialect.name == "sqlite"

    async def start(self) -> None:
        await self.bus.ensure_group(EVENTS_TOPIC, WORKERS_GROUP)
        parallel = 1 if self._single_writer() else max(1, self.concurrency)
        self._subscription = await self.bus.subscribe_batch(
            EVENTS_TOPIC, WORKERS_GROUP, self.handle_deliveries, max_batch=max(1, self.max_batch // parallel),
            concurrency=parallel,
        )

    async def stop(self) -> None:
        if self._subscription is not None:
            await self._subscription.stop()
            self._subscription = None

    async def handle_delivery(self, delivery: Delivery) -> None:
        """One bus entry on its own (``Bus.subscribe`` handler): raises when it must be retried."""
        outcome = (await self.handle_deliveries([delivery]))[0]
        if outcome is not None:
            raise outcome

    async def handle_deliveries(self, deliveries: Sequence[Delivery]) -> list[Outcome]:
        """A batch of bus entries (``Bus.subscribe_batch`` handler): one outcome per entry."""
        outcomes: list[Outcome] = [None] * len(deliveries)
        events: list[tuple[int, EventBase]] = []
        for i, delivery in enumerate(deliveries):
            try:
                events.append((i, decode_event(delivery.payload)))
            except ValidationError as exc:
                try:
                    await self._dead_letter_undecodable(delivery, exc)
                except Exception as error:  # noqa: BLE001 - not parked: the bus delivers it again
                    outcomes[i] = error
        if events:
            for (i, _), outcome in zip(events, await self.handle_batch([e for _, e in events])):
                outcomes[i] = outcome
        return outcomes

    async def _dead_letter_undecodable(self, delivery: Delivery, exc: ValidationError) -> None:
        # Undecodable: retrying cannot help; park it where an operator can see it, and ack.
        reason = f"undecodable event: {exc.errors()[0]['msg'] if exc.errors() else exc}"
        log.error("dead-lettered bus entry %s on %s: %s", delivery.id, delivery.topic, reason)
        self.metrics.errors.labels("decode").inc()
        async with self.sessions() as session, session.begin():
            await deadletters.add(session, topic=delivery.topic, group=WORKERS_GROUP, payload=delivery.payload,
                                  error=reason, attempts=delivery.attempts)

    async def handle(self, event: EventBase) -> list[ActionBase]:
        """Handle one event exactly once in effect, in its own transaction; returns the actions it enqueued."""
        started = time.perf_counter()
        async with self.sessions() as session, session.begin():
            actions = await self._apply(session, event)
        await self._finished([(event, actions, time.perf_counter() - started)])
        return actions or []

    async def handle_batch(self, events: Sequence[EventBase]) -> list[Outcome]:
        """Handle events in order in one transaction (a savepoint each); one outcome per event."""
        outcomes: list[Outcome] = [None] * len(events)
        done: list[tuple[int, list[ActionBase] | None, float]] = []
        failed_keys: set[str] = set()
        clock = asyncio.get_running_loop().time
        deadline = clock() + self.batch_budget_s
        try:
            async with self.sessions() as session, session.begin():
                conn = await session.connection()
                for i, event in enumerate(events):
                    if i and clock() > deadline:  # the rest goes back untried, for the next batch
                        outcomes[i:] = [Deferred("the batch's time budget is spent")] * (len(events) - i)
                        break
                    key = event.ordering_key
                    if key in failed_keys:
                        outcomes[i] = Deferred(f"an earlier event of {key} failed")
                        continue
                    started = time.perf_counter()
                    # One savepoint name, reused (savepoints nest by name, innermost first): the unique
                    # names of ``begin_nested`` cost asyncpg a statement preparation each, twice an event.
                    await conn.exec_driver_sql(_SAVEPOINT)
                    try:
                        actions = await self._apply(session, event)
                        await session.flush()  # ORM writes land inside this event's savepoint
                    except Exception as exc:  # noqa: BLE001 - this event alone goes back to the bus
                        log.debug("event %s failed", event.idempotency_key, exc_info=True)
                        # Raises if the session itself gave up (a failed flush): the batch then falls back.
                        await conn.exec_driver_sql(_ROLLBACK_TO_SAVEPOINT)
                        outcomes[i] = exc
                        failed_keys.add(key)
                        continue
                    finally:
                        session.expunge_all()  # the next event starts from fresh reads, as in its own session
                    await conn.exec_driver_sql(_RELEASE_SAVEPOINT)
                    done.append((i, actions, time.perf_counter() - started))
        except Exception as exc:  # noqa: BLE001 - nothing of this batch was committed
            todo = [i for i, outcome in enumerate(outcomes) if outcome is None]
            if len(events) == 1:
                outcomes[0] = outcomes[0] or exc
                return outcomes
            log.warning("a batch of %d events failed (%s: %s); handling them one by one", len(events),
                        type(exc).__name__, exc)
            return await self._one_by_one(events, outcomes, todo)
        await self._finished([(events[i], actions, seconds) for i, actions, seconds in done])
        return outcomes

    async def _one_by_one(self, events: Sequence[EventBase], outcomes: list[Outcome],
                          todo: list[int]) -> list[Outcome]:
        """After a failed batch: each event not settled yet in a transaction of its own, in order."""
        failed_keys = {events[i].ordering_key for i, o in enumerate(outcomes) if o is not None}
        for i in todo:
            event = events[i]
            if event.ordering_key in failed_keys:
                outcomes[i] = Deferred(f"an earlier event of {event.ordering_key} failed")
                continue
            try:
                await self.handle(event)
            except Exception as exc:  # noqa: BLE001 - reported to the bus for this event only
                outcomes[i] = exc
                failed_keys.add(event.ordering_key)
        return outcomes

    async def _apply(self, session: AsyncSession, event: EventBase) -> list[ActionBase] | None:
        """Claim, run the handlers, apply records, enqueue actions; None for a duplicate."""
        if self.idempotency_check and not await idempotency.claim(session, event.idempotency_key, IDEMPOTENCY_TTL):
            return None
        ctx = Context(settings=self.settings, now=datetime.now(timezone.utc), read=Reader(session),
                      capabilities=self.capabilities, deep_links=self.deep_links, analyse=self.analyse)
        actions: list[ActionBase] = []
        for handler in self.handlers:
            for effect in await handler(event, ctx):
                if isinstance(effect, Record):
                    await effect.apply(session)
                else:
                    actions.append(effect)
        if actions:
            await outbox.enqueue(session, actions)
        return actions

    async def _finished(self, handled: Sequence[tuple[EventBase, list[ActionBase] | None, float]]) -> None:
        """After the commit: metrics, and one wake-up per platform with new actions for its dispatcher."""
        platforms: set[str] = set()
        for event, actions, seconds in handled:
            if actions is None:
                self.metrics.events_duplicate.inc()
                continue
            self.metrics.events_in.labels(event.type).inc()  # type: ignore[attr-defined]
            self.metrics.handle_seconds.observe(seconds)
            platforms.update(a.platform for a in actions)
        for platform in sorted(platforms):
            try:
                await self.bus.publish(OUTBOX_TOPIC, platform.encode(), ordering_key=platform)
            except Exception as exc:  # noqa: BLE001 - the events are committed; the dispatcher's poll finds the rows
                log.warning("could not wake the %s dispatcher (%s); it will find the new actions when it polls",
                            platform, type(exc).__name__)


class Dispatcher:
    """Performs one platform's queued actions through its adapter, recording every outcome.

    States: queued → sending → sent | failed | in_doubt. A row left ``sending`` by a crash becomes
    ``in_doubt`` at the next start and is reported, never resent (platforms have no idempotency key).
    """

    def __init__(
        self,
        *,
        adapter: Adapter,
        bus: Bus,
        sessions: async_sessionmaker[AsyncSession],
        metrics: Metrics,
        batch: int = 64,
        poll_interval_s: float = 1.0,
        resend_in_doubt_priority: int | None = None,
    ) -> None:
        self.adapter = adapter
        self.platform = adapter.platform
        self.bus = bus
        self.sessions = sessions
        self.metrics = metrics
        self.batch = batch
        self.poll_interval_s = poll_interval_s
        self.resend_in_doubt_priority = resend_in_doubt_priority
        self._wake = asyncio.Event()
        self._subscription: Subscription | None = None
        self._chat_locks: dict[str, asyncio.Lock] = {}
        self._stopping = False
        self.in_doubt_at_start = 0

    async def start(self) -> None:
        async with self.sessions() as session, session.begin():
            self.in_doubt_at_start = await outbox.recover_in_doubt(session, self.platform)
        if self.in_doubt_at_start:
            log.warning("%d %s action(s) left in flight by a crash are now in_doubt (not resent)",
                        self.in_doubt_at_start, self.platform)
        await self.bus.ensure_group(OUTBOX_TOPIC, f"dispatch-{self.platform}")
        self._subscription = await self.bus.subscribe(OUTBOX_TOPIC, f"dispatch-{self.platform}", self._on_wake)

    async def _on_wake(self, delivery: Delivery) -> None:
        if delivery.payload.decode(errors="replace") == self.platform:
            self._wake.set()

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._subscription is not None:
            await self._subscription.stop()
            self._subscription = None

    async def run(self) -> None:
        """Claim rows as slots free up (at most ``batch`` in flight, no batch barrier), paced at the adapter's rate.

        A row is ``sending`` from its claim, and a crash turns ``sending`` into ``in_doubt`` (never
        resent). So rows are claimed only as fast as the adapter sends (``Adapter.claim_rate_per_s``):
        the rest wait ``queued`` in the outbox — where a newer, higher-priority row overtakes them
        and a crash leaves them to be sent after the restart — not in the adapter's rate limiter.
        """
        rate = self.adapter.claim_rate_per_s
        pacer = AsyncLimiter(max(rate, 1.0), 1.0) if rate else None
        in_flight: set[asyncio.Task[None]] = set()
        room = asyncio.Event()

        def done(task: asyncio.Task[None]) -> None:
            in_flight.discard(task)
            room.set()

        try:
            while not self._stopping:
                if len(in_flight) >= self.batch:
                    room.clear()
                    await room.wait()
                    continue
                room_left = self.batch - len(in_flight)
                limit = room_left
                if pacer is not None:
                    await pacer.acquire()
                    limit = 1
                    # Catch up after a slow claim (a busy database): take what the pace allows right now.
                    while limit < min(room_left, _CLAIM_CATCH_UP) and pacer.has_capacity(1):
                        await pacer.acquire()
                        limit += 1
                rows = await self._claim(limit)
                if not rows:
                    self._wake.clear()
                    try:
                        await asyncio.wait_for(self._wake.wait(), timeout=self.poll_interval_s)
                    except asyncio.TimeoutError:
                        pass
                    continue
                for row in rows:
                    task = asyncio.create_task(self._perform_row(row), name=f"perform-{self.platform}-{row.id}")
                    in_flight.add(task)
                    task.add_done_callback(done)
        except asyncio.CancelledError:
            for task in in_flight:  # cancelled mid-send: those rows stay ``sending`` → in_doubt at the next start
                task.cancel()
            raise
        finally:
            if in_flight:
                await asyncio.gather(*in_flight, return_exceptions=True)

    async def _claim(self, limit: int) -> list[outbox.OutboxItem]:
        async with self.sessions() as session, session.begin():
            return await outbox.claim(session, self.platform, limit)

    async def drain_once(self) -> int:
        """Claim and perform one batch (tests, tools); returns how many rows were handled."""
        rows = await self._claim(self.batch)
        if not rows:
            return 0
        await asyncio.gather(*(self._perform_row(row) for row in rows))
        return len(rows)

    async def _perform_row(self, row: outbox.OutboxItem) -> None:
        try:
            action = decode_action(row.action)
        except ValidationError as exc:
            await self._finish(row, "failed", error=f"undecodable action: {exc.errors()[0]['msg']}")
            return
        lock_key = _target_key(action)
        lock = self._chat_locks.setdefault(lock_key, asyncio.Lock())
        async with lock:
            try:
                result = await self.adapter.perform(action)
            except RateLimited as exc:
                async with self.sessions() as session, session.begin():
                    await outbox.requeue(session, row.id, delay_s=exc.retry_after, error=str(exc))
                self.wake_later(exc.retry_after)
                return
            except TransientError as exc:
                if isinstance(action, IDEMPOTENT_ACTIONS) and row.attempts < 5:
                    async with self.sessions() as session, session.begin():
                        await outbox.requeue(session, row.id, delay_s=min(2 ** row.attempts, 30), error=str(exc))
                    self.wake_later(min(2 ** row.attempts, 30))
                else:
                    await self._finish(row, "in_doubt", error=str(exc), action=action, reason="in_doubt")
                return
            except PlatformError as exc:
                await self._finish(row, "failed", error=str(exc), action=action, reason=_reason(exc))
                return
            except Exception as exc:  # noqa: BLE001 - an adapter bug must not kill the dispatcher
                log.exception("adapter %s crashed performing %s", self.platform, type(action).__name__)
                self.metrics.errors.labels("adapter").inc()
                await self._finish(row, "in_doubt", error=f"{type(exc).__name__}: {exc}", action=action,
                                   reason="in_doubt")
                return
            async with self.sessions() as session, session.begin():
                await outbox.mark_sent(session, row.id, message_id=result.message_id, chat_id=result.chat_id)
            self.metrics.actions_out.labels(self.platform, action.type, "sent").inc()  # type: ignore[attr-defined]

    def wake_later(self, delay_s: float) -> None:
        asyncio.get_running_loop().call_later(delay_s, self._wake.set)

    async def _finish(self, row: outbox.OutboxItem, state: str, *, error: str, action: ActionBase | None = None,
                      reason: str = "other") -> None:
        async with self.sessions() as session, session.begin():
            if state == "failed":
                await outbox.mark_failed(session, row.id, error=error)
            else:
                await outbox.mark_in_doubt(session, row.id, error=error)
        action_type = action.type if action is not None else "unknown"  # type: ignore[attr-defined]
        self.metrics.actions_out.labels(self.platform, action_type, state).inc()
        log.warning("%s action %s %s: %s", self.platform, row.key, state, reason)
        if action is not None:
            failure = ActionFailed(
                platform=self.platform, action_key=row.key, action_type=action_type, state=state,  # type: ignore[arg-type]
                reason=reason, error=error[:300], chat=getattr(action, "chat", None),
                user=action.user if isinstance(action, SendDirect) else None,
            )
            await self.bus.publish(EVENTS_TOPIC, encode_event(failure), ordering_key=failure.ordering_key)


def _target_key(action: ActionBase) -> str:
    chat: ChatRef | None = getattr(action, "chat", None)
    if chat is not None:
        return chat.key
    user: UserRef | None = getattr(action, "user", None)
    return user.key if user is not None else action.platform


def _reason(exc: PlatformError) -> str:
    if isinstance(exc, Forbidden):
        return exc.reason
    if isinstance(exc, NotFound):
        return "not_found"
    return "bad_request"
