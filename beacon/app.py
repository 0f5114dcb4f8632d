"""Wiring: one builder turns Settings into a running Beacon (bus, store, adapters, workers, dispatchers)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from beacon.adapter import Adapter
from beacon.bus import Bus, open_bus
from beacon.config import Settings
from beacon.domain import Handler
from beacon.events import EventBase, Tick
from beacon.metrics import Metrics, serve_metrics
from beacon.runner import EVENTS_TOPIC, WORKERS_GROUP, Dispatcher, Worker, publisher
from beacon.storage import db
from beacon.verdict import AnalysisInput, Verdict

log = logging.getLogger(__name__)

ROLE_WORKERS = "workers"


def default_handlers(settings: Settings) -> list[Handler]:
    """The domain handlers every deployment runs, in order (kernel bookkeeping first)."""
    from announcements.handlers import build_announcement_handlers
    from beacon.directory import track_directory
    from community.handlers import build_community_handlers
    from community.linking import build_linking_handlers
    from moderation.handlers import build_moderation_handlers

    # /link first, then announcements: each claims its DM commands (/link, /announce, /subscribe) so the
    # features after it leave them alone (one reply per message).
    return [track_directory, *build_linking_handlers(settings), *build_announcement_handlers(settings),
            *build_moderation_handlers(settings), *build_community_handlers(settings)]


def default_analyser(settings: Settings) -> Callable[[AnalysisInput], Verdict]:
    from beacon.analysis.pipeline import build_pipeline

    return build_pipeline(settings).analyse


def configured_adapters(settings: Settings, only: set[str] | None) -> list[Adapter]:
    """Adapters for every configured platform section (optionally a subset)."""
    adapters: list[Adapter] = []
    if settings.telegram is not None and (only is None or "telegram" in only):
        from bots.telegram import TelegramAdapter

        adapters.append(TelegramAdapter.from_settings(settings))
    if settings.discord is not None and (only is None or "discord" in only):
        from bots.discord import DiscordAdapter

        adapters.append(DiscordAdapter.from_settings(settings))
    if settings.x is not None and (only is None or "x" in only):
        from bots.x import XAdapter

        adapters.append(XAdapter.from_settings(settings))
    return adapters


@dataclass
class Beacon:
    """A running deployment (or one role of it). Build with ``Beacon.build``; run with ``run``."""

    settings: Settings
    bus: Bus
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    adapters: list[Adapter]
    worker: Worker | None
    dispatchers: list[Dispatcher]
    metrics: Metrics
    _tasks: list[asyncio.Task] = field(default_factory=list)
    _metrics_runner: object | None = None

    @classmethod
    async def build(
        cls,
        settings: Settings,
        *,
        only: set[str] | None = None,
        adapters: Sequence[Adapter] | None = None,
        handlers: Sequence[Handler] | None = None,
        analyse: Callable[[AnalysisInput], Verdict] | None = None,
        metrics: Metrics | None = None,
    ) -> "Beacon":
        await db.ensure_schema(settings.database.url)
        engine = db.make_engine(settings.database.url)
        sessions = db.make_sessionmaker(engine)
        bus = open_bus(
            settings.bus.url,
            database_url=settings.database.url,
            partitions=settings.bus.partitions,
            visibility_timeout_s=settings.bus.visibility_timeout_s,
            max_attempts=settings.bus.max_attempts,
            prefix=settings.bus.prefix,
        )
        await bus.start()
        chosen = list(adapters) if adapters is not None else configured_adapters(settings, only)
        metrics = metrics or Metrics()
        worker = None
        if only is None or ROLE_WORKERS in only:
            worker = Worker(
                settings=settings, bus=bus, sessions=sessions,
                handlers=handlers if handlers is not None else default_handlers(settings),
                capabilities={a.platform: a.capabilities for a in _all_platform_adapters(settings, chosen)},
                deep_links={a.platform: a.deep_link for a in _all_platform_adapters(settings, chosen)},
                analyse=analyse or default_analyser(settings), metrics=metrics,
                concurrency=settings.workers.concurrency,
            )
        dispatchers = [Dispatcher(adapter=a, bus=bus, sessions=sessions, metrics=metrics) for a in chosen]
        return cls(settings=settings, bus=bus, engine=engine, sessions=sessions, adapters=chosen, worker=worker,
                   dispatchers=dispatchers, metrics=metrics)

    async def start(self) -> None:
        if self.worker is not None:
            await self.worker.start()
        for dispatcher in self.dispatchers:
            await dispatcher.start()
            self._tasks.append(asyncio.create_task(dispatcher.run(), name=f"dispatch-{dispatcher.platform}"))
        publish = publisher(self.bus)
        if self.adapters:
            # The workers' group must exist before the first publish, or an adapter process that
            # starts before any worker process would publish into a stream nobody reads from.
            await self.bus.ensure_group(EVENTS_TOPIC, WORKERS_GROUP)
        if self.worker is not None:
            self._tasks.append(asyncio.create_task(_tick(publish, self.settings.workers.tick_s), name="ticker"))
        for adapter in self.adapters:
            self._tasks.append(asyncio.create_task(adapter.run(publish), name=f"adapter-{adapter.platform}"))
        if self.settings.metrics.port is not None:
            self._metrics_runner = await serve_metrics(
                self.metrics, self.settings.metrics.host, self.settings.metrics.port, self.healthy
            )

    async def healthy(self) -> bool:
        """Healthy when the store answers and no adapter or dispatcher task has died."""
        if any(t.done() for t in self._tasks):
            return False
        async with self.sessions() as session:
            await session.execute(db.PING)
        return True

    async def idle(self, *, settle_s: float = 0.2, timeout_s: float = 30.0) -> bool:
        """Wait until no event is pending and the outbox holds nothing queued (demos, tests)."""
        from beacon.storage import outbox

        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        quiet_since: float | None = None
        while loop.time() < deadline:
            pending = await self.bus.pending_count(EVENTS_TOPIC, WORKERS_GROUP) if self.worker else 0
            async with self.sessions() as session:
                queued = await outbox.count_unfinished(session)
            if pending == 0 and queued == 0:
                quiet_since = quiet_since or loop.time()
                if loop.time() - quiet_since >= settle_s:
                    return True
            else:
                quiet_since = None
                for dispatcher in self.dispatchers:
                    dispatcher.wake()
            await asyncio.sleep(0.02)
        return False

    async def stop(self) -> None:
        """Stop taking work; in-flight work finishes or stays un-acked for the next run."""
        for adapter in self.adapters:
            with contextlib.suppress(Exception):
                await adapter.stop()
        for dispatcher in self.dispatchers:
            await dispatcher.stop()
        if self.worker is not None:
            await self.worker.stop()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        if self._metrics_runner is not None:
            await self._metrics_runner.cleanup()  # type: ignore[attr-defined]
        await self.bus.close()
        await self.engine.dispose()

    async def run_until_signalled(self, extra_stop: Iterable[asyncio.Future] = ()) -> None:
        """Run until SIGINT/SIGTERM (or one of ``extra_stop`` completes), then stop cleanly."""
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        await self.start()
        waiters = [asyncio.ensure_future(stop.wait()), *extra_stop]
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waiters:
                w.cancel()
            await self.stop()


async def _tick(publish: Callable[[EventBase], Awaitable[None]], period_s: int) -> None:
    """Publish a Tick at each period boundary; every worker process does, the key dedupes them."""
    while True:
        now = time.time()
        await asyncio.sleep(period_s - (now % period_s) + 0.01)
        try:
            await publish(Tick(period_s=period_s))
        except Exception:  # noqa: BLE001 - a missed tick is caught up by the next one
            log.exception("could not publish a tick")


def _all_platform_adapters(settings: Settings, chosen: Sequence[Adapter]) -> Sequence[Adapter]:
    # Workers need every platform's capabilities even when the adapters run in other processes.
    if {a.platform for a in chosen} >= {p for p in ("telegram", "discord", "x") if getattr(settings, p) is not None}:
        return chosen
    return [*chosen, *(a for a in configured_adapters(settings, None) if a.platform not in {c.platform for c in chosen})]
