"""A bus consumer in its own process, for the crash and work-sharing tests (``python -m``)."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal

from beacon.bus.base import Delivery
from beacon.bus.redis import RedisStreamsBus


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--vt", type=float, default=1.0)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--mode", choices=["hang", "work"], required=True)
    parser.add_argument("--delay-ms", type=float, default=0.0)
    args = parser.parse_args()

    bus = RedisStreamsBus.from_url(args.url, prefix=args.prefix, visibility_timeout_s=args.vt, block_ms=200)
    await bus.start()
    me = str(os.getpid())
    results = f"{args.prefix}:test"

    async def hang(delivery: Delivery) -> None:
        # Starts the entry and never finishes it: the process is killed with the entry un-acked.
        print(f"started {delivery.payload.decode()} {delivery.attempts}", flush=True)
        await asyncio.Event().wait()

    async def work(delivery: Delivery) -> None:
        key = delivery.payload.decode()  # the idempotency key: "chat:seq"
        chat, seq = key.split(":")
        if args.delay_ms:
            await asyncio.sleep(args.delay_ms / 1000)
        async with bus.redis.pipeline(transaction=True) as pipe:
            pipe.sadd(f"{results}:seen", key)
            pipe.rpush(f"{results}:chat:{chat}", seq)
            pipe.hincrby(f"{results}:by", me, 1)
            added, *_ = await pipe.execute()
        if not added:
            await bus.redis.incr(f"{results}:duplicates")

    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    sub = await bus.subscribe(args.topic, args.group, hang if args.mode == "hang" else work,
                              concurrency=args.concurrency)
    print(f"ready {me}", flush=True)
    await stop.wait()
    await sub.stop()
    await bus.close()


if __name__ == "__main__":
    asyncio.run(main())
