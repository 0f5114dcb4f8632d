"""Benchmark the X adapter over the fake: billed API calls per hour, and mention → public reply latency end to end.

    .venv/bin/python bench/x_poll.py [--seconds 5] [--interval 0.1] [--mentions 20]

Calls per hour are computed for the default poll interval and observed against the fake with a short interval
(then scaled). Latency runs Beacon.build with the real default handlers; it includes the wait for the next poll.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from beacon.app import Beacon  # noqa: E402
from beacon.config import Settings, XConfig  # noqa: E402
from beacon.metrics import Metrics  # noqa: E402
from beacon.storage import db  # noqa: E402
from bots.x import XAdapter  # noqa: E402
from tests.fakes.x import FakeX  # noqa: E402


def config(fake: FakeX, interval: float) -> dict:
    return {"user_id": fake.brand.id, "bearer_token": fake.bearer_token, "consumer_key": fake.consumer_key,
            "consumer_secret": "bench-consumer-secret-0123456789", "access_token": fake.access_token,
            "access_token_secret": "bench-access-secret-0123456789", "api_url": fake.api_url,
            "poll_interval_s": interval, "rate_window_s": 1.0}


async def idle_calls(seconds: float, interval: float) -> None:
    defaults = XConfig(user_id="1", bearer_token="x")
    per_hour = 3600 / max(defaults.poll_interval_s, defaults.rate_window_s / defaults.mentions_rate_limit)
    print(f"computed: {per_hour:.0f} mentions calls/hour at the default interval ({defaults.poll_interval_s:.0f}s), "
          f"plus 1 user lookup at start, plus 1 call per reply post / DM / hidden reply")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/b.db"
        await db.ensure_schema(url)
        async with FakeX() as fake:
            adapter = XAdapter(XConfig(**config(fake, interval)), database_url=url)

            async def publish(_event: object) -> None:
                return None

            task = asyncio.create_task(adapter.run(publish))
            await asyncio.sleep(seconds)
            await adapter.stop()
            await task
            await adapter.aclose()
            mentions = fake.stats.calls["mentions"]
            period = seconds / mentions  # the interval plus the time one poll takes
            at_default = 3600 / (defaults.poll_interval_s + period - interval)
            print(f"observed: {mentions} mentions calls in {seconds:.1f}s at a {interval}s interval "
                  f"(a poll every {period * 1000:.0f} ms, {3600 / period:.0f}/hour); at the default interval that is "
                  f"{at_default:.1f}/hour; "
                  f"total billed calls by the fake: {fake.stats.billed}")


async def latency(count: int, interval: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeX() as fake:
            settings = Settings(brand={"name": "Acme Exchange", "bot_usernames": [fake.brand.username]},
                                database={"url": f"sqlite:///{Path(tmp) / 'b.db'}"}, bus={"url": "memory://"},
                                x=config(fake, interval))
            metrics = Metrics()
            adapter = XAdapter.from_settings(settings, metrics=metrics)
            app = await Beacon.build(settings, adapters=[adapter], metrics=metrics)
            await app.start()
            while adapter.polls < 1:
                await asyncio.sleep(0.01)
            samples = []
            try:
                for i in range(count):
                    member = fake.add_user(f"member{i}")
                    started = time.perf_counter()
                    mention = fake.post_mention(member, f"my deposit of {10 + i} USDT is missing for 3 hours, help")
                    await fake.wait_for(lambda m=mention: fake.replies(m), timeout=30)
                    samples.append(time.perf_counter() - started)
                    await app.idle(timeout_s=30)
            finally:
                await app.stop()
                await adapter.aclose()
    samples.sort()
    print(f"latency mention → public reply over the fake ({count} mentions, poll interval {interval}s): "
          f"median {statistics.median(samples) * 1000:.0f} ms, p90 {samples[int(0.9 * (len(samples) - 1))] * 1000:.0f} ms, "
          f"max {samples[-1] * 1000:.0f} ms (includes on average half a poll interval)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--mentions", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(idle_calls(args.seconds, args.interval))
    asyncio.run(latency(args.mentions, args.interval))


if __name__ == "__main__":
    main()
