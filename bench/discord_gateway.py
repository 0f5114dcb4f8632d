"""Benchmark the Discord adapter against the fake Discord: gateway resume time and message → reply latency.

    .venv/bin/python bench/discord_gateway.py [--drops 20] [--messages 30] [--json]

* Resume: the fake cuts the gateway connection (a TCP abort, as a network failure) with a message
  posted while the bot is away; measured are drop → RESUMED (discord.py reconnects to
  ``resume_gateway_url`` and replays) and drop → that message published by the adapter.
* Latency, end to end through ``Beacon.build`` (SQLite store, in-process bus, outbox dispatcher):
  the time from a member's message in a channel to the fake receiving the bot's reply, (a) with a
  one-line echo handler (transport and runner only) and (b) with the real domain handlers and
  analysis (a support request answered publicly in a forum post plus a DM hand-off).

The fake runs in the same process and event loop as the bot, so figures include its work too.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this folder comes first on sys.path: keep the project root first instead.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from beacon.actions import SendMessage  # noqa: E402
from beacon.app import Beacon  # noqa: E402
from beacon.config import Settings  # noqa: E402
from beacon.domain import Context, Effect  # noqa: E402
from beacon.events import EventBase, MessagePosted  # noqa: E402
from beacon.verdict import Verdict  # noqa: E402
from bots.discord import DiscordAdapter  # noqa: E402
from tests.fakes.discord import FakeDiscord, RateLimit  # noqa: E402

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GbEnCh.BenchTokenForTheFakeOnly_0123456789"
REQUEST = "my withdrawal of {n} USDT is stuck for 5 hours, please help"


def summary(values: Sequence[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"n": len(ordered), "median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2)}


def settings_for(fake: FakeDiscord, db: Path, mods: int, support: int) -> Settings:
    return Settings(brand={"name": "Acme Exchange", "official_domains": ["acme.example"], "bot_usernames": ["Acme"]},
                    database={"url": f"sqlite:///{db}"}, bus={"url": "memory://"},
                    discord={"token": fake.token, "api_base": fake.api_base, "gateway_url": fake.gateway_url,
                             "moderators_channel_id": str(mods), "support_channel_id": str(support)})


async def measure_resume(drops: int) -> dict[str, Any]:
    async with FakeDiscord(token=TOKEN, route_limit=RateLimit(50, 1.0)) as fake:
        guild = fake.create_guild("Acme", owner=fake.add_user("olga"))
        general = fake.create_channel(guild, "general")
        ann = fake.add_member(guild, fake.add_user("ann"))
        published: dict[str, float] = {}

        async def publish(event: EventBase) -> None:
            if isinstance(event, MessagePosted):
                published[event.text] = time.monotonic()

        adapter = DiscordAdapter(settings_for(fake, Path("unused"), general.id, general.id).discord,  # type: ignore[arg-type]
                                 guild_ready_timeout=0.05)
        task = asyncio.create_task(adapter.run(publish))
        await fake.wait_connected()
        resumed, delivered = [], []
        for i in range(drops):
            await asyncio.sleep(0.05)
            before = fake.stats.resumes
            fake.drop()
            dropped_at = fake.stats.drops[-1]
            fake.post(general, ann, f"while away {i}")
            await fake.wait_for(lambda: fake.stats.resumes > before, timeout=10)
            resumed.append(fake.stats.resumed_at[-1] - dropped_at)
            await fake.wait_for(lambda: f"while away {i}" in published, timeout=10)
            delivered.append(published[f"while away {i}"] - dropped_at)
        lost = [i for i in range(drops) if f"while away {i}" not in published]
        await adapter.stop()
        await task
        await adapter.aclose()
        return {"drop_to_resumed": summary(resumed), "drop_to_missed_message_published": summary(delivered),
                "identifies": fake.stats.identifies, "resumes": fake.stats.resumes, "lost": len(lost)}


async def measure_latency(messages: int, *, real_domain: bool) -> dict[str, Any]:
    async with FakeDiscord(token=TOKEN, route_limit=RateLimit(50, 1.0)) as fake:
        guild = fake.create_guild("Acme", owner=fake.add_user("olga"))
        general = fake.create_channel(guild, "general")
        forum = fake.create_channel(guild, "help", kind="forum")
        mods = fake.create_channel(guild, "moderators")
        support = fake.create_channel(guild, "support")
        with tempfile.TemporaryDirectory() as tmp:
            settings = settings_for(fake, Path(tmp) / "beacon.db", mods.id, support.id)

            async def echo(event: EventBase, ctx: Context) -> Sequence[Effect]:
                if not isinstance(event, MessagePosted):
                    return []
                return [SendMessage(key=f"{event.idempotency_key}/echo", platform="discord", chat=event.chat,
                                    text="noted", reply_to_message_id=event.message_id)]

            adapter = DiscordAdapter.from_settings(settings, guild_ready_timeout=0.05)
            extra: dict[str, Any] = {} if real_domain else {"handlers": [echo], "analyse": lambda m: Verdict()}
            app = await Beacon.build(settings, adapters=[adapter], **extra)
            await app.start()
            await fake.wait_connected()
            await app.idle()
            latencies = []
            for n in range(messages):
                member = fake.add_member(guild, fake.add_user(f"m{n}"))
                await app.idle(settle_s=0.05)
                started = time.monotonic()
                if real_domain:
                    thread, _ = fake.forum_post(forum, member, "Withdrawal stuck", REQUEST.format(n=10 + n))
                    where = thread
                else:
                    fake.post(general, member, f"hello {n}")
                    where = general
                count = len(fake.sent(where))
                await fake.wait_for(lambda: len(fake.sent(where)) > count, timeout=20)
                latencies.append(time.monotonic() - started)
            await app.idle()
            await app.stop()
            await adapter.aclose()
        return summary(latencies)


async def main(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "resume": await measure_resume(args.drops),
        "latency_echo_handler": await measure_latency(args.messages, real_domain=False),
        "latency_real_domain_forum_post": await measure_latency(args.messages, real_domain=True),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drops", type=int, default=20)
    parser.add_argument("--messages", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(main(args))
    if args.json:
        print(json.dumps(result))
    else:
        for name, figures in result.items():
            print(f"{name}: {figures}")
