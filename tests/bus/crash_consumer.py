"""A consumer to kill: subscribes, reports each delivery on stdout, never finishes a handler.

Run as ``python -m tests.bus.crash_consumer '<spec json>' <topic> <group>``; the test SIGKILLs it
while it holds an entry, then checks that a fresh bus over the same store delivers that entry.
"""

from __future__ import annotations

import asyncio
import json
import sys

from beacon.bus import Delivery
from tests.bus.conftest import build_bus


async def main(spec: dict, topic: str, group: str) -> None:
    bus = build_bus(spec)
    await bus.start()

    async def hang(delivery: Delivery) -> None:
        print(f"got {delivery.payload.decode()}", flush=True)
        await asyncio.Event().wait()

    await bus.subscribe(topic, group, hang, consumer="doomed")
    print("ready", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]))
