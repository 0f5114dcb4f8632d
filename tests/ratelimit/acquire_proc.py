"""Acquire from a shared Redis limiter until a deadline, printing each grant's wall-clock time."""

from __future__ import annotations

import argparse
import asyncio
import json
import time

from beacon.ratelimit import Bucket, RedisRateLimiter


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--bucket", required=True, help="JSON: name, rate, per, burst")
    parser.add_argument("--key", default="")
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--tasks", type=int, default=3)
    args = parser.parse_args()
    bucket = Bucket(**json.loads(args.bucket))
    limiter = RedisRateLimiter.from_url(args.url, prefix=args.prefix)
    await limiter.redis.ping()
    print("ready", flush=True)
    # Every process starts when the test says so: slow interpreter start-ups do not shorten the run.
    _, start_at = await limiter.redis.blpop([f"{args.prefix}:go"], timeout=60)
    until = float(start_at) + args.seconds
    await asyncio.sleep(max(0.0, float(start_at) - time.time()))
    grants: list[float] = []

    async def run() -> None:
        while time.time() < until:
            await limiter.acquire(bucket.key(args.key))
            grants.append(time.time())

    await asyncio.gather(*(run() for _ in range(args.tasks)))
    await limiter.close()
    print(json.dumps([g for g in grants if g < until]))


if __name__ == "__main__":
    asyncio.run(main())
