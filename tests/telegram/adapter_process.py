"""The Telegram adapter alone in a process, publishing to a durable sink (for kill -9 tests and benches).

    python -m tests.telegram.adapter_process BASE_URL SINK [PUBLISH_DELAY_S]

SINK is ``bus:<database url>`` (Beacon's in-process bus persisted in that database: ``publish``
returns once the entry is committed), ``redis:<redis url>#<key prefix>`` (the Redis Streams bus)
or ``jsonl:<path>`` (one line per event, fsync'ed before ``publish`` returns). The token comes from the BEACON_TELEGRAM__TOKEN environment variable (never
on a command line). ``PUBLISH_DELAY_S`` sleeps after each publish, widening the window between
receiving updates and confirming them. Prints ``ready`` once the bot is initialised.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections.abc import Awaitable, Callable

from beacon.config import TelegramConfig
from beacon.events import EventBase
from bots.telegram import TelegramAdapter


class FsyncSink:
    """Appends events to a file and fsyncs before returning: a crash after ``publish`` keeps the event."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    async def __call__(self, event: EventBase) -> None:
        line = json.dumps({"key": event.idempotency_key, "event": json.loads(event.model_dump_json())}) + "\n"
        os.write(self.fd, line.encode())
        os.fsync(self.fd)


async def main(base_url: str, sink: str, delay_s: float) -> None:
    config = TelegramConfig(token=os.environ["BEACON_TELEGRAM__TOKEN"], base_url=base_url, poll_timeout_s=1)
    adapter = TelegramAdapter(config, retry_delay_s=0.2)
    kind, _, target = sink.partition(":")
    bus = None
    if kind == "bus":
        from beacon.bus.memory import InProcessBus  # imported only when used: it pulls in the storage layer
        from beacon.runner import EVENTS_TOPIC, WORKERS_GROUP, publisher

        bus = InProcessBus.from_url("memory://", database_url=target)
        await bus.start()
        await bus.ensure_group(EVENTS_TOPIC, WORKERS_GROUP)
        durable: Callable[[EventBase], Awaitable[None]] = publisher(bus)
    elif kind == "redis":  # redis:<url>#<key prefix>: the Redis Streams bus (scale-out)
        from beacon.bus.redis import RedisStreamsBus
        from beacon.runner import EVENTS_TOPIC, WORKERS_GROUP, publisher

        url, _, prefix = target.partition("#")
        bus = RedisStreamsBus.from_url(url, prefix=prefix or "beacon")
        await bus.start()
        await bus.ensure_group(EVENTS_TOPIC, WORKERS_GROUP)
        durable = publisher(bus)
    elif kind == "jsonl":
        durable = FsyncSink(target)
    else:
        raise SystemExit(f"unknown sink {sink!r}: use bus:<database url>, redis:<url>#<prefix> or jsonl:<path>")

    async def publish(event: EventBase) -> None:
        await durable(event)
        if delay_s:
            await asyncio.sleep(delay_s)

    loop = asyncio.get_running_loop()
    runner = asyncio.create_task(adapter.run(publish))
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: asyncio.ensure_future(adapter.stop()))
    await adapter.ensure_ready()
    print("ready", flush=True)
    await runner
    if bus is not None:
        await bus.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.0))
