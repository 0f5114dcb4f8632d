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
    parser.add_argument("--start-at", type=float, required=True)
    parser.add_argument("--until", type=float, required=True)
    parser.add_argument("--tasks", type=int, default=3)
    args = parser.parse_args()
    bucket = Bucket(**json.loads(args.bucket))
    limiter = RedisRateLimiter.from_url(args.url, prefix=args.prefix)
    grants: list[float] = []
    await asyncio.sleep(max(0.0, args.start_at - time.time()))

    async def run() -> None:
        while time.time() < args.until:
            await limiter.acquire(bucket.key(args.key))
            grants.append(time.time())

    await asyncio.gather(*(run() for _ in range(args.tasks)))
    await limiter.close()
    print(json.dumps([g for g in grants if g < args.until]))


if __name__ == "__main__":
    asyncio.run(main())
