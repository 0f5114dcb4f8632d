"""Benchmark an announcement's fan-out over Telegram: rate vs the limit, 429s, duplicates, missed, in_doubt.

    .venv/bin/python bench/fanout.py            # 1,000 target chats + 5,000 subscribers, twice (~8 min)
    .venv/bin/python bench/fanout.py --quick    # 100 chats + 200 subscribers (~1 min)
    .venv/bin/python bench/fanout.py --chats 300 --subscribers 600 --no-kill --json

This process hosts the fake Bot API with Telegram's limits (30 messages/s overall, 20/min per
group, about 1/s per private chat) on its own event loop. ``beacon run`` — the production
process: the real Telegram adapter (python-telegram-bot), the workers and the outbox dispatcher —
runs as a child process on a SQLite database. The announcement (en/zh/ru variants) is created and
fanned out with ``beacon announce create/send``, exactly as an operator does.

Two runs: a clean one, and one where the sender is killed with SIGKILL half-way and restarted.
For each: the achieved send rate as a ratio of the 30/s limit (first to last copy, at the fake),
the 429s the fake answered, duplicates (chats or members with two copies: must be 0), missed
(copies neither delivered nor reported in_doubt: must be 0) and in_doubt (with how many of those
did reach the platform).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder comes first on sys.path: take it out, put the project root in.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import tomli_w  # noqa: E402

from tests.fakes.telegram import FakeTelegram  # noqa: E402 - Telegram's limits are its defaults

TOKEN = "7099999999:AAbenchTokenForTheFakeOnly-0123456789abc"
LIMIT_PER_S = 30.0
LANGS = ("en", "zh", "ru")
TEXTS = {"en": "Scheduled maintenance on 1 December, 02:00-04:00 UTC.",
         "zh": "系统将于12月1日02:00-04:00（UTC）维护。",
         "ru": "Плановые работы 1 декабря, 02:00-04:00 UTC."}


@dataclass
class Result:
    scenario: str
    chats: int
    subscribers: int
    copies_expected: int
    delivered: int
    seconds: float
    rate_per_s: float
    ratio_of_limit: float
    rate_429: int
    duplicates: int
    missed: int
    in_doubt: int
    in_doubt_delivered: int
    failed: int
    killed_after: int | None = None
    sending_rate_ratio: float | None = None  # the kill run: rate while a sender was up (restart gap left out)


def _beacon(*args: str, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from beacon.cli import main; main()", *args, "--config", str(config)],
                          cwd=ROOT, capture_output=True, text=True, check=True)


def _sender(config: Path, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "from beacon.cli import main; main()", "run", "--config",
                             str(config)], cwd=ROOT, stdout=log.open("ab"), stderr=subprocess.STDOUT)


def _states(db: Path, ann_id: int) -> dict[str, tuple[str, str, str]]:
    """outbox key → (audience, chat or user id, outbox state)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=60) as conn:
        rows = conn.execute("SELECT d.outbox_key, d.audience, d.chat_id, o.state FROM ann_deliveries d "
                            "JOIN outbox o ON o.key = d.outbox_key WHERE d.announcement_id = ?", (ann_id,)).fetchall()
    return {key: (audience, chat, state) for key, audience, chat, state in rows}


async def run_scenario(name: str, n_chats: int, n_subs: int, workdir: Path, *, kill: bool) -> Result:
    workdir.mkdir(parents=True, exist_ok=True)
    async with FakeTelegram(token=TOKEN, bot_username="BenchNewsBot", max_poll_timeout_s=5) as fake:
        owner = fake.add_user("Owner")
        manager = fake.add_user("Mia", username="mia", started=True)
        chats = []
        for i in range(n_chats):
            chat = fake.create_group(f"Community {i}", owner=owner)
            fake.set_member(chat, fake.bot, "administrator", can_delete_messages=True, can_pin_messages=True)
            chats.append(chat)
        members = [fake.add_user(f"Member {i}", language_code=LANGS[i % 3], started=True) for i in range(n_subs)]
        db = workdir / "beacon.db"
        config = workdir / "beacon.toml"
        config.write_text(tomli_w.dumps({
            "brand": {"name": "Bench Exchange", "bot_usernames": ["BenchNewsBot"]},
            "staff": [{"platform": "telegram", "user_id": str(manager.id), "username": "mia", "roles": ["manager"]}],
            "database": {"url": f"sqlite:///{db}"},
            "bus": {"url": "memory://"},
            "telegram": {"token": TOKEN, "base_url": fake.base_url, "poll_timeout_s": 5},
            "logging": {"level": "WARNING"},
            "announcements": {"targets": [{"name": "official", "chats": [
                {"platform": "telegram", "chat_id": str(c.id), "language": LANGS[i % 3]}
                for i, c in enumerate(chats)]}]},
        }), encoding="utf-8")
        await asyncio.to_thread(_beacon, "db", "upgrade", config=config)
        with sqlite3.connect(db) as conn:  # members who sent /subscribe earlier
            now = time.strftime("%Y-%m-%d %H:%M:%S.000000")
            conn.executemany(
                "INSERT INTO ann_subscriptions (platform, user_id, kinds, language, blocked, created_at, updated_at) "
                "VALUES ('telegram', ?, 'maintenance,security', ?, 0, ?, ?)",
                [(str(m.id), m.language_code, now, now) for m in members])
        for lang, text in TEXTS.items():
            (workdir / f"notice.{lang}.md").write_text(text, encoding="utf-8")
        created = await asyncio.to_thread(
            _beacon, "announce", "create", "--kind", "maintenance", "--default-lang", "en", "--target", "official",
            *[a for lang in TEXTS for a in ("--text", f"{lang}={workdir / f'notice.{lang}.md'}")], "--as", "mia",
            "--json", config=config)
        ann_id = json.loads(created.stdout)["id"]

        log = workdir / "sender.log"
        sender = _sender(config, log)
        await fake.wait_for(lambda: fake.calls_to("getUpdates"), timeout=120)  # the sender is up
        sent = await asyncio.to_thread(_beacon, "announce", "send", str(ann_id), "--no-wait", "--as", "mia", "--json",
                                       config=config)
        expected = json.loads(sent.stdout)["chats"] + json.loads(sent.stdout)["dms"]
        print(f"[{name}] fanning out to {expected} copies …", file=sys.stderr, flush=True)
        killed_after = None
        restart_gap = 0.0
        try:
            if kill:
                await fake.wait_for(lambda: len(fake.sent()) >= expected // 2, timeout=3600)
                os.kill(sender.pid, signal.SIGKILL)
                await asyncio.to_thread(sender.wait)
                killed_after = len(fake.sent())
                killed_at = time.time()
                print(f"[{name}] kill -9 after {killed_after} copies; restarting", file=sys.stderr, flush=True)
                sender = _sender(config, log)
            last_report = time.monotonic()
            while True:
                states = await asyncio.to_thread(_states, db, ann_id)
                pending = sum(1 for _, _, s in states.values() if s in ("queued", "sending"))
                if len(states) == expected and pending == 0:
                    break
                if time.monotonic() - last_report > 15:
                    print(f"[{name}] {len(fake.sent())} delivered, {pending} pending", file=sys.stderr, flush=True)
                    last_report = time.monotonic()
                await asyncio.sleep(0.5)
        finally:
            sender.send_signal(signal.SIGTERM)
            await asyncio.to_thread(sender.wait, 60)
        copies = fake.sent()
        per_target = Counter(a.chat_id for a in copies)
        times = sorted(a.at for a in copies)
        seconds = times[-1] - times[0] if len(times) > 1 else 0.0
        rate = (len(copies) - 1) / seconds if seconds else 0.0
        if killed_after is not None:
            restart_gap = min(a.at for a in copies[killed_after:]) - killed_at if len(copies) > killed_after else 0.0
        in_doubt = [(aud, chat) for aud, chat, s in states.values() if s == "in_doubt"]
        delivered_doubt = sum(1 for _, chat in in_doubt if per_target[int(chat)] > 0)
        failed = sum(1 for _, _, s in states.values() if s == "failed")
        missed = sum(1 for _, chat, s in states.values() if s != "in_doubt" and per_target[int(chat)] == 0)
        return Result(scenario=name, chats=n_chats, subscribers=n_subs, copies_expected=expected,
                      delivered=len(copies), seconds=round(seconds, 1), rate_per_s=round(rate, 2),
                      ratio_of_limit=round(rate / LIMIT_PER_S, 3), rate_429=fake.rate_limited,
                      duplicates=sum(1 for n in per_target.values() if n > 1), missed=missed, in_doubt=len(in_doubt),
                      in_doubt_delivered=delivered_doubt, failed=failed, killed_after=killed_after,
                      sending_rate_ratio=round((len(copies) - 1) / (seconds - restart_gap) / LIMIT_PER_S, 3)
                      if killed_after is not None and seconds > restart_gap else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 chats and 200 subscribers (CI-sized)")
    parser.add_argument("--chats", type=int, default=None)
    parser.add_argument("--subscribers", type=int, default=None)
    parser.add_argument("--no-kill", action="store_true", help="skip the run with a kill -9 in the middle")
    parser.add_argument("--json", action="store_true", help="one JSON object per run on stdout")
    args = parser.parse_args()
    chats = args.chats or (100 if args.quick else 1000)
    subs = args.subscribers if args.subscribers is not None else (200 if args.quick else 5000)
    results = []
    with tempfile.TemporaryDirectory(prefix="beacon-fanout-") as tmp:
        scenarios = [("clean", False)] + ([] if args.no_kill else [("kill -9 mid-run", True)])
        for i, (name, kill) in enumerate(scenarios):
            results.append(asyncio.run(run_scenario(name, chats, subs, Path(tmp) / f"run{i}", kill=kill)))
    for r in results:
        if args.json:
            print(json.dumps(asdict(r)))
            continue
        print(f"{r.scenario}: {r.chats} chats + {r.subscribers} subscribers = {r.copies_expected} copies")
        print(f"  delivered {r.delivered} in {r.seconds}s: {r.rate_per_s}/s = {r.ratio_of_limit:.3f} of the "
              f"{LIMIT_PER_S:.0f}/s limit (goal >= 0.9)")
        print(f"  429s received {r.rate_429}, duplicates {r.duplicates}, missed {r.missed}, failed {r.failed}, "
              f"in_doubt {r.in_doubt} ({r.in_doubt_delivered} of them delivered)"
              + (f", killed after {r.killed_after} copies" if r.killed_after is not None else ""))
        if r.sending_rate_ratio is not None:
            print(f"  rate while a sender was up (the restart left out): {r.sending_rate_ratio:.3f} of the limit")
    bad = [r for r in results if r.duplicates or r.missed]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
