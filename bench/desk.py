"""Hand-off latency over the Telegram fake: p50/p99 from a group update to the bot's public hand-off reply.

The whole bot runs as ``beacon run`` would (contract keys, SQLite, in-process bus, real python-telegram-bot
over HTTP) against the fake Bot API with Telegram's limits (30 messages/s overall, 20/min per group).
Updates arrive at ``--rate`` per second spread over ``--groups`` groups; one in ``--request-every`` is a
support request from a member who never started the bot (the rest is chatter, which analysis and every
handler still process). Requests take the groups in turn, so replies stay within the per-group limit
(at the defaults one reply per group every 3.75 s, 16/min):

    python bench/desk.py [--rate 200] [--groups 50] [--seconds 20] [--request-every 15]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, bench/ comes first on sys.path, where bench/telegram.py would shadow python-telegram-bot.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from tests.fakes.telegram import FakeTelegramProcess  # noqa: E402

TOKEN = "7012345678:AAH3xq_BenchTokenNeverLogged-9f8e7d6c5b4a"
BOT = "BenchHelpBot"

# Synthetic messages: request templates × coins × amounts (never a real community's text).
REQUESTS = [
    "my {coin} withdrawal has been pending for {h} hours, please help",
    "deposit of {n} {coin} not arrived after {h} hours, what should I do?",
    "我的{coin}提币{h}个小时还没到账",
    "вывод {coin} завис уже {h} часа, помогите",
    "mi retiro de {coin} lleva {h} horas pendiente, ayuda",
    "{coin} çekme işlemim {h} saattir beklemede, yardım edin",
]
CHATTER = [
    "gm everyone", "{coin} looking strong today", "anyone trading {coin} this week?", "wen listing",
    "nice chart", "good night all", "{coin} to the moon", "who is going to the meetup?", "lol", "thanks mate",
]
COINS = ["USDT", "BTC", "ETH", "SOL", "TON", "XRP"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


async def run(rate: float, groups: int, seconds: float, request_every: int, drain_s: float,
              database_url: str | None = None, concurrency: int = 4, trace: bool = False) -> dict:
    from beacon.app import Beacon
    from beacon.config import Settings

    logging.basicConfig(level=logging.INFO if "BENCH_VERBOSE" in __import__("os").environ else logging.ERROR)
    rng = random.Random(7)
    tmp = Path(tempfile.mkdtemp(prefix="beacon-bench-desk-"))
    async with FakeTelegramProcess(token=TOKEN, bot_username=BOT) as fake:
        owner = await fake.control("user", first_name="Owner", username="owner")
        agent = await fake.control("user", first_name="Agent", username="agent")
        staff_chat = await fake.control("group", title="Staff", owner_id=owner["id"])
        chats = [await fake.control("group", title=f"Community {i}", owner_id=owner["id"]) for i in range(groups)]
        for chat in (staff_chat, *chats):
            await fake.control("bot_status", chat_id=chat["id"], status="administrator", can_delete_messages=True,
                               can_restrict_members=True)
        members = [await fake.control("user", first_name=f"M{i}", language_code=None)
                   for i in range(int(rate * seconds / request_every) + 2)]
        chatter_member = await fake.control("user", first_name="Chatty", language_code=None)
        settings = Settings(
            brand={"name": "Bench Exchange", "official_domains": ["bench.example"], "bot_usernames": [BOT]},
            staff=[{"platform": "telegram", "user_id": str(agent["id"]), "username": "agent"}],
            database={"url": database_url or f"sqlite:///{tmp / 'beacon.db'}"}, bus={"url": "memory://"},
            workers={"concurrency": concurrency},
            telegram={"token": TOKEN, "base_url": f"{fake.url}/bot", "moderators_chat_id": staff_chat["id"],
                      "poll_timeout_s": 1},
            support={"evidence": {"store_path": str(tmp / "files")}},
        )
        app = await Beacon.build(settings)
        await app.start()
        try:
            async def replies() -> dict[tuple[int, int], float]:
                actions = await fake.control("actions")
                return {(a["chat_id"], a["reply_to"]): a["at"] for a in actions  # type: ignore[union-attr]
                        if a["kind"] == "sent" and a["reply_to"] is not None}

            # Warm-up: one request end to end (models load, connections open).
            warm = await fake.control("post", chat_id=chats[0]["id"], user_id=members[-1]["id"],
                                      text="my deposit has not arrived after 3 hours, help")
            deadline = time.perf_counter() + 60
            while (chats[0]["id"], warm["message_id"]) not in await replies() and time.perf_counter() < deadline:
                await asyncio.sleep(0.2)
            await app.idle(timeout_s=30)
            warmed = set(await replies())

            posted: dict[tuple[int, int], float] = {}
            next_member = iter(members)
            total = int(rate * seconds)
            pending: set[asyncio.Task] = set()

            async def post(chat_id: int, user_id: int, text: str, request: bool) -> None:
                message = await fake.control("post", chat_id=chat_id, user_id=user_id, text=text)
                if request:
                    posted[(chat_id, message["message_id"])] = time.time()  # type: ignore[index]

            async def trace_loop() -> None:
                from beacon.runner import EVENTS_TOPIC, WORKERS_GROUP
                from beacon.storage import outbox

                while True:
                    await asyncio.sleep(1.0)
                    lag = await app.bus.pending_count(EVENTS_TOPIC, WORKERS_GROUP)
                    async with app.sessions() as session:
                        counts = await outbox.counts(session)
                    print(f"  t={time.perf_counter() - start:5.1f}s events pending {lag:5d}, outbox queued "
                          f"{counts['queued']:4d} sending {counts['sending']:3d} sent {counts['sent']:5d}",
                          file=sys.stderr, flush=True)

            start = time.perf_counter()
            tracer = asyncio.create_task(trace_loop()) if trace else None
            for i in range(total):
                delay = start + i / rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                chat = chats[i % groups]
                coin, h, n = rng.choice(COINS), rng.randint(2, 9), rng.randint(1, 900)
                if i % request_every == 0:
                    # Requests take the groups in turn: with i % groups they would all land in the
                    # groups / gcd(groups, request_every) groups (10 of 50 at the defaults) and ask 4× the
                    # per-group limit of them, which measures the fake's flood limit, not the bot.
                    chat = chats[(i // request_every) % groups]
                    text, user, request = rng.choice(REQUESTS).format(coin=coin, h=h, n=n), next(next_member), True
                else:
                    text, user, request = rng.choice(CHATTER).format(coin=coin), chatter_member, False
                task = asyncio.create_task(post(chat["id"], user["id"], text, request))
                pending.add(task)
                task.add_done_callback(pending.discard)
            await asyncio.gather(*pending)
            sent_s = time.perf_counter() - start

            deadline = time.perf_counter() + drain_s
            got = await replies()
            while time.perf_counter() < deadline and not set(posted) <= set(got):
                await asyncio.sleep(0.5)
                got = await replies()
            if tracer is not None:
                tracer.cancel()
            latencies = [got[k] - t for k, t in posted.items() if k in got]
            # Where the time goes: update → reply queued in the outbox (worker), queued → sent (dispatcher).
            from beacon.actions import SendMessage, decode_action
            from beacon.storage import outbox

            queued_at: dict[tuple[int, int], float] = {}
            async with app.sessions() as session:
                for row in await outbox.list_items(session, limit=None):
                    action = decode_action(row.action)
                    if isinstance(action, SendMessage) and action.reply_to_message_id:
                        queued_at[(int(action.chat.chat_id), int(action.reply_to_message_id))] = (
                            row.created_at.timestamp())
            to_queue = [queued_at[k] - t for k, t in posted.items() if k in queued_at]
            to_send = [got[k] - queued_at[k] for k in posted if k in got and k in queued_at]
            public = [k for k in got if k not in warmed]
            return {
                "updates": total, "requests": len(posted), "answered": len(latencies), "offered_rate": rate,
                "achieved_rate": total / sent_s, "groups": groups,
                "p50_s": percentile(latencies, 0.50), "p90_s": percentile(latencies, 0.90),
                "p99_s": percentile(latencies, 0.99), "max_s": max(latencies) if latencies else float("nan"),
                "mean_s": statistics.fmean(latencies) if latencies else float("nan"),
                "database": settings.database.url.split(":", 1)[0], "concurrency": concurrency,
                "extra_public_replies": len(public) - len(latencies),
                "queue_p50_s": percentile(to_queue, 0.50), "queue_p99_s": percentile(to_queue, 0.99),
                "send_p50_s": percentile(to_send, 0.50), "send_p99_s": percentile(to_send, 0.99),
            }
        finally:
            await app.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="group updates per second")
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--request-every", type=int, default=15, help="one support request per N updates")
    parser.add_argument("--database-url", help="default: a fresh SQLite file; e.g. postgresql://…?schema=bench1")
    parser.add_argument("--concurrency", type=int, default=4, help="events handled at once (workers.concurrency)")
    parser.add_argument("--drain", type=float, default=120.0, help="seconds to wait for the last replies")
    parser.add_argument("--trace", action="store_true", help="print the event lag and outbox every second (stderr)")
    args = parser.parse_args()
    result = asyncio.run(run(args.rate, args.groups, args.seconds, args.request_every, args.drain,
                             args.database_url, args.concurrency, args.trace))
    print(f"updates: {result['updates']} at {result['achieved_rate']:.0f}/s offered {result['offered_rate']:.0f}/s "
          f"over {result['groups']} groups; support requests: {result['requests']}, answered: {result['answered']}")
    print(f"update → hand-off reply: p50 {result['p50_s'] * 1000:.0f} ms, p90 {result['p90_s'] * 1000:.0f} ms, "
          f"p99 {result['p99_s'] * 1000:.0f} ms, max {result['max_s'] * 1000:.0f} ms")
    print(f"  of which update → reply queued in the outbox: p50 {result['queue_p50_s'] * 1000:.0f} ms, "
          f"p99 {result['queue_p99_s'] * 1000:.0f} ms; queued → sent: p50 {result['send_p50_s'] * 1000:.0f} ms, "
          f"p99 {result['send_p99_s'] * 1000:.0f} ms")
    print(f"database: {result['database']}, workers.concurrency: {result['concurrency']}")
    print(f"public replies beyond one per request: {result['extra_public_replies']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
