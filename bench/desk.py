"""Hand-off latency over the Telegram fake: p50/p99 from a group update to the bot's public hand-off reply.

The whole bot runs as ``beacon run`` would (contract keys, SQLite, in-process bus, real python-telegram-bot
over HTTP) against the fake Bot API with Telegram's limits (30 messages/s overall, 20/min per group).
Updates arrive at ``--rate`` per second spread over ``--groups`` groups; one in ``--request-every`` is a
support request from a member who never started the bot (the rest is chatter, which analysis and every
handler still process), so replies stay within the per-group limit:

    python bench/desk.py [--rate 200] [--groups 50] [--seconds 20] [--request-every 15]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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


async def run(rate: float, groups: int, seconds: float, request_every: int, drain_s: float) -> dict:
    from beacon.app import Beacon
    from beacon.config import Settings
    from tests.fakes.telegram import FakeTelegram

    logging.basicConfig(level=logging.ERROR)
    rng = random.Random(7)
    tmp = Path(tempfile.mkdtemp(prefix="beacon-bench-desk-"))
    async with FakeTelegram(token=TOKEN, bot_username=BOT) as fake:
        owner = fake.add_user("Owner", username="owner")
        agent = fake.add_user("Agent", username="agent")
        staff_chat = fake.create_group("Staff", owner=owner)
        chats = [fake.create_group(f"Community {i}", owner=owner) for i in range(groups)]
        for chat in (staff_chat, *chats):
            fake.add_bot(chat, admin=True)
        settings = Settings(
            brand={"name": "Bench Exchange", "official_domains": ["bench.example"], "bot_usernames": [BOT]},
            staff=[{"platform": "telegram", "user_id": str(agent.id), "username": "agent"}],
            database={"url": f"sqlite:///{tmp / 'beacon.db'}"}, bus={"url": "memory://"},
            telegram={"token": fake.token, "base_url": fake.base_url, "moderators_chat_id": staff_chat.id,
                      "poll_timeout_s": 1},
            support={"evidence": {"store_path": str(tmp / "files")}},
        )
        app = await Beacon.build(settings)
        await app.start()
        try:
            # Warm-up: one request end to end (model loads, connections open).
            warm = fake.add_user("Warm", username="warm")
            fake.post(chats[0], warm, "my deposit has not arrived after 3 hours, help")
            await fake.wait_for(lambda: fake.sent(chats[0]), timeout=30)
            await app.idle(timeout_s=30)
            fake.actions.clear()

            posted: dict[tuple[int, int], float] = {}
            users = itertools.count()
            total = int(rate * seconds)
            start = time.perf_counter()
            for i in range(total):
                due = start + i / rate
                delay = due - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                chat = chats[i % groups]
                member = fake.add_user(f"M{next(users)}", language_code=None)
                coin, h, n = rng.choice(COINS), rng.randint(2, 9), rng.randint(1, 900)
                if i % request_every == 0:
                    text = rng.choice(REQUESTS).format(coin=coin, h=h, n=n)
                    message = fake.post(chat, member, text)
                    posted[(chat.id, message["message_id"])] = time.time()
                else:
                    fake.post(chat, member, rng.choice(CHATTER).format(coin=coin))
            sent_s = time.perf_counter() - start

            def replies() -> dict[tuple[int, int], float]:
                return {(a.chat_id, a.reply_to): a.at for a in fake.sent() if a.reply_to is not None}

            deadline = time.perf_counter() + drain_s
            while time.perf_counter() < deadline and not set(posted) <= set(replies()):
                await asyncio.sleep(0.25)
            got = replies()
            latencies = [got[k] - t for k, t in posted.items() if k in got]
            return {
                "updates": total, "requests": len(posted), "answered": len(latencies), "offered_rate": rate,
                "achieved_rate": total / sent_s, "groups": groups,
                "p50_s": percentile(latencies, 0.50), "p90_s": percentile(latencies, 0.90),
                "p99_s": percentile(latencies, 0.99), "max_s": max(latencies) if latencies else float("nan"),
                "mean_s": statistics.fmean(latencies) if latencies else float("nan"),
                "extra_public_replies": sum(1 for a in fake.sent() if a.chat_id != staff_chat.id) - len(latencies),
            }
        finally:
            await app.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="group updates per second")
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--request-every", type=int, default=15, help="one support request per N updates")
    parser.add_argument("--drain", type=float, default=120.0, help="seconds to wait for the last replies")
    args = parser.parse_args()
    result = asyncio.run(run(args.rate, args.groups, args.seconds, args.request_every, args.drain))
    print(f"updates: {result['updates']} at {result['achieved_rate']:.0f}/s offered {result['offered_rate']:.0f}/s "
          f"over {result['groups']} groups; support requests: {result['requests']}, answered: {result['answered']}")
    print(f"update → hand-off reply: p50 {result['p50_s'] * 1000:.0f} ms, p90 {result['p90_s'] * 1000:.0f} ms, "
          f"p99 {result['p99_s'] * 1000:.0f} ms, max {result['max_s'] * 1000:.0f} ms")
    print(f"public replies beyond one per request: {result['extra_public_replies']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
