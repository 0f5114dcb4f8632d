"""Benchmark moderation over Telegram: update → delete latency (p50/p99) and review-card presses handled per second.

    .venv/bin/python bench/moderation.py [--messages 600] [--rate 20] [--groups 50] [--secret-share 0.1]
                                         [--cards 100] [--json]

Everything is real but the platform: python-telegram-bot over HTTP against the fake Bot API
(tests/fakes/telegram.py) running in a child process, Beacon's embedded default (in-process bus,
SQLite), the real analysis pipeline and moderation's handlers.

1. Latency: ``--messages`` group messages at ``--rate`` per second spread over ``--groups`` groups,
   ``--secret-share`` of them carrying a seed phrase (each from a member who never started the
   bot, so each also gets a public notice under Telegram's real limits: 30/s overall, 20/min per
   group). Latency is from the moment the update is available at the Bot API (the fake accepted
   the post) to the moment the fake performed deleteMessage: an upper bound on "update received
   → delete call" that includes the bot's long-poll fetch.
2. Presses: ``--cards`` phishing messages open cases with cards in the moderators' chat; a
   moderator then presses "Dismiss" on every card at once. Presses handled per second = cards /
   (time from the first press to the last callback answered). This run uses a second fake whose
   per-group limit is relaxed so that posting the cards into one chat (20/min on Telegram) does not
   dominate; each press still costs a getChatMember, a transaction, an edit and an answer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this folder would come first on sys.path and bench/telegram.py would shadow the
# ``telegram`` package: take the folder out, put the project root in.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from beacon.app import Beacon  # noqa: E402
from beacon.config import Settings  # noqa: E402
from beacon.directory import track_directory  # noqa: E402
from bots.telegram import TelegramAdapter  # noqa: E402
from moderation.handlers import build_moderation_handlers  # noqa: E402
from moderation.records import make_ref  # noqa: E402
from tests.fakes.telegram import FakeTelegramProcess  # noqa: E402

TOKEN = "7088888888:AAbenchModerationTokenFakeOnly-0123456"
BOT = "NimbusHelpBot"
SEED = "abandon ability able about above absent absorb abstract absurd abuse access accident"
MODERATOR_ID = 501


def settings_for(fake: FakeTelegramProcess, mods_id: int, db: Path) -> Settings:
    return Settings(
        brand={"name": "Nimbus", "official_domains": ["nimbus.example"], "bot_usernames": [BOT]},
        staff=[{"platform": "telegram", "user_id": str(MODERATOR_ID), "display_name": "Mia", "username": "mia_mod",
                "roles": ["moderator"]}],
        database={"url": f"sqlite:///{db}"}, bus={"url": "memory://"},
        telegram={"token": TOKEN, "base_url": f"{fake.url}/bot", "moderators_chat_id": mods_id, "poll_timeout_s": 5,
                  "rate_group_per_min": fake.group_per_min},
    )


async def community(fake: FakeTelegramProcess, groups: int) -> tuple[list[int], int]:
    owner = await fake.control("user", first_name="Olga", username="olga_owner")
    await fake.control("user", first_name="Mia", username="mia_mod", user_id=MODERATOR_ID, started=True)
    group_ids = []
    for i in range(groups):
        group = await fake.control("group", title=f"Nimbus {i}", owner_id=owner["id"])
        group_ids.append(group["id"])
    mods = await fake.control("group", title="Nimbus Moderators", owner_id=owner["id"])
    return group_ids, mods["id"]


async def start_beacon(fake: FakeTelegramProcess, group_ids: list[int], mods_id: int, tmp: Path) -> Beacon:
    settings = settings_for(fake, mods_id, tmp / f"beacon-{fake.group_per_min:g}.db")
    beacon = await Beacon.build(settings, adapters=[TelegramAdapter.from_settings(settings)],
                                handlers=[track_directory, *build_moderation_handlers(settings)])
    await beacon.start()
    for chat_id in group_ids:
        await fake.control("bot_status", chat_id=chat_id, status="administrator", can_delete_messages=True,
                           can_restrict_members=True)
    await fake.control("bot_status", chat_id=mods_id, status="member")
    await beacon.idle(settle_s=0.5, timeout_s=60)
    return beacon


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def latency(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    async with FakeTelegramProcess(token=TOKEN, bot_username=BOT, group_per_min=20) as fake:
        group_ids, mods_id = await community(fake, args.groups)
        beacon = await start_beacon(fake, group_ids, mods_id, tmp)
        try:
            chatter = await fake.control("user", first_name="Carl", username="carl_chat")
            every = max(1, round(1 / args.secret_share)) if args.secret_share > 0 else 0
            posted: dict[tuple[int, int], float] = {}
            interval = 1.0 / args.rate
            started = time.perf_counter()
            for i in range(args.messages):
                chat_id = group_ids[i % len(group_ids)]
                if every and i % every == 0:
                    author = await fake.control("user", first_name=f"Member {i}", username=f"member_{i}")
                    at = time.time()
                    message = await fake.control("post", chat_id=chat_id, user_id=author["id"],
                                                 text=f"keeping this safe here: {SEED}")
                    posted[(chat_id, message["message_id"])] = at
                else:
                    await fake.control("post", chat_id=chat_id, user_id=chatter["id"],
                                       text=f"gm everyone, how is the market today? #{i}")
                delay = started + (i + 1) * interval - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
            deadline = time.time() + 120
            deleted: dict[tuple[int, int], float] = {}
            while time.time() < deadline and len(deleted) < len(posted):
                for a in await fake.actions():
                    if a["kind"] == "deleted" and (a["chat_id"], a["message_id"]) in posted:
                        deleted[(a["chat_id"], a["message_id"])] = a["at"]
                await asyncio.sleep(0.5)
            waits = [deleted[k] - posted[k] for k in deleted]
            await beacon.idle(settle_s=0.5, timeout_s=120)
        finally:
            await beacon.stop()
    return {
        "messages": args.messages, "rate_per_s": args.rate, "groups": args.groups, "secrets": len(posted),
        "deleted": len(deleted),
        "delete_latency_ms": {"p50": round(percentile(waits, 0.5) * 1000, 1),
                              "p99": round(percentile(waits, 0.99) * 1000, 1),
                              "max": round(max(waits) * 1000, 1), "mean": round(statistics.fmean(waits) * 1000, 1)}
        if waits else None,
    }


async def presses(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    async with FakeTelegramProcess(token=TOKEN, bot_username=BOT, group_per_min=100_000) as fake:
        group_ids, mods_id = await community(fake, min(args.groups, 10))
        beacon = await start_beacon(fake, group_ids, mods_id, tmp)
        try:
            refs = []
            for i in range(args.cards):
                author = await fake.control("user", first_name=f"Promo {i}", username=f"promo_{i}")
                chat_id = group_ids[i % len(group_ids)]
                message = await fake.control("post", chat_id=chat_id, user_id=author["id"],
                                             text=f"claim your free bonus now at nimbus-rewards{i % 7}.xyz")
                refs.append(make_ref(f"msg:telegram:{chat_id}:{message['message_id']}:0"))
            cards: dict[str, int] = {}
            deadline = time.time() + 300
            while len(cards) < len(refs) and time.time() < deadline:
                for a in await fake.actions(mods_id):
                    for row in a.get("buttons") or []:
                        for button in row:
                            data = button.get("callback_data", "")
                            if data.endswith(":dis"):
                                cards[data.split(":")[1]] = a["message_id"]
                await asyncio.sleep(0.5)
            await beacon.idle(settle_s=0.5, timeout_s=120)
            wanted = [r for r in refs if r in cards]
            started = time.time()
            await asyncio.gather(*(fake.control("press", user_id=MODERATOR_ID, chat_id=mods_id,
                                                message_id=cards[r], data=f"mod:{r}:dis") for r in wanted))
            answered: list[float] = []
            while len(answered) < len(wanted) and time.time() < started + 300:
                answered = [a["at"] for a in await fake.actions() if a["kind"] == "answered" and a["at"] >= started]
                await asyncio.sleep(0.2)
            elapsed = (max(answered) - started) if answered else float("nan")
            edits = len([a for a in await fake.actions(mods_id) if a["kind"] == "edited"])
        finally:
            await beacon.stop()
    return {"cards": len(wanted), "answered": len(answered), "cards_edited": edits,
            "seconds": round(elapsed, 2), "presses_per_s": round(len(answered) / elapsed, 1) if answered else None}


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = {"latency": await latency(args, Path(tmp)), "presses": await presses(args, Path(tmp))}
    if args.json:
        print(json.dumps(result))
        return
    lat, pr = result["latency"], result["presses"]
    print(f"delete latency over {lat['secrets']} seed phrases ({lat['deleted']} deleted) among {lat['messages']} "
          f"messages at {lat['rate_per_s']}/s in {lat['groups']} groups: {lat['delete_latency_ms']} ms")
    print(f"card presses: {pr['answered']}/{pr['cards']} answered, {pr['cards_edited']} cards edited in "
          f"{pr['seconds']} s = {pr['presses_per_s']} presses/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--secret-share", type=float, default=0.1)
    parser.add_argument("--cards", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    asyncio.run(main(parser.parse_args()))
