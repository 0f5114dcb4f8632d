"""Benchmark the Telegram adapter against the fake Bot API (run in its own process): updates/s in, sends/s out.

    .venv/bin/python bench/telegram.py [--updates 5000] [--groups 50] [--json]

Inbound: updates/s from getUpdates through the adapter's translation into (a) an in-memory
``publish`` and (b) Beacon's durable in-process bus (SQLite), each update confirmed to the fake
only after it was published. Outbound: sends/s against the fake enforcing Telegram's real
limits (30 msg/s overall, 20/min per group, about 1/s per private chat with bursts of 3), as a
ratio of each limit, with the number of 429s the fake had to return. The fake runs in a child
process so it does not share the adapter's event loop; the whole run takes about 30 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder comes first on sys.path and its name would shadow the
# ``telegram`` package: take the folder out, put the project root in.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from beacon.actions import SendDirect, SendMessage  # noqa: E402
from beacon.config import TelegramConfig  # noqa: E402
from beacon.events import ChatRef, EventBase, UserRef  # noqa: E402
from bots.telegram import TelegramAdapter  # noqa: E402
from tests.fakes.telegram import FakeTelegramProcess  # noqa: E402

TOKEN = "7099999999:AAbenchTokenForTheFakeOnly-0123456789abc"
P = "telegram"


def config_for(fake: FakeTelegramProcess, **overrides: Any) -> TelegramConfig:
    return TelegramConfig(token=TOKEN, base_url=f"{fake.url}/bot", poll_timeout_s=1, **overrides)


# ----- inbound ---------------------------------------------------------------------------------


async def inbound(fake: FakeTelegramProcess, updates: int, groups: int, sink: str) -> dict[str, Any]:
    member = await fake.control("user", first_name="Member")
    chat_ids = []
    for i in range(groups):
        group = await fake.control("group", title=f"Bench {sink} {i}")
        await fake.control("bot_status", chat_id=group["id"], status="administrator", can_delete_messages=True)
        chat_ids.append(group["id"])
    last = await fake.control("posts", chat_ids=chat_ids, user_id=member["id"], count=updates, text="hello")
    adapter = TelegramAdapter(config_for(fake))
    done = asyncio.Event()
    published = 0
    bus = None
    durable = None
    if sink == "bus":
        from beacon.bus.memory import InProcessBus
        from beacon.runner import EVENTS_TOPIC, WORKERS_GROUP, publisher

        tmp = tempfile.mkdtemp(prefix="beacon-bench-")
        bus = InProcessBus.from_url("memory://", database_url=f"sqlite:///{tmp}/bench.db")
        await bus.start()
        await bus.ensure_group(EVENTS_TOPIC, WORKERS_GROUP)
        durable = publisher(bus)

    async def publish(event: EventBase) -> None:
        nonlocal published
        if durable is not None:
            await durable(event)
        published += 1
        if published >= updates + groups:  # the messages plus each group's my_chat_member
            done.set()

    await adapter.ensure_ready()
    started = time.perf_counter()
    task = asyncio.create_task(adapter.run(publish))
    await asyncio.wait_for(done.wait(), 300)
    elapsed = time.perf_counter() - started
    await adapter.stop()
    await task
    await adapter.aclose()
    state = await fake.control("state")
    if bus is not None:
        await bus.close()
    return {"sink": "in-memory publish" if sink == "memory" else "in-process bus (SQLite, durable)",
            "updates": updates + groups, "seconds": round(elapsed, 2),
            "updates_per_s": round((updates + groups) / elapsed), "confirmed_through": state["confirmed_offset"] - 1,
            "last_update_id": last}


# ----- outbound --------------------------------------------------------------------------------


async def _timed(coros: list) -> tuple[float, list[float]]:
    start = time.perf_counter()
    finished: list[float] = []

    async def one(coro: Any) -> None:
        await coro
        finished.append(time.perf_counter() - start)

    await asyncio.gather(*(one(c) for c in coros))
    return time.perf_counter() - start, sorted(finished)


def _steady_rate(finished: list[float], burst: int) -> float:
    """Sends per second after the initial burst (the bucket's stored capacity) was used up."""
    if len(finished) <= burst + 1:
        return float("nan")
    return (len(finished) - burst - 1) / (finished[-1] - finished[burst])


async def outbound(fake: FakeTelegramProcess, sends: int) -> dict[str, Any]:
    before = await fake.control("state")
    many = []
    for i in range(100):
        group = await fake.control("group", title=f"Out {i}")
        await fake.control("bot_status", chat_id=group["id"], status="administrator")
        many.append(group["id"])
    one_group = await fake.control("group", title="One group")
    await fake.control("bot_status", chat_id=one_group["id"], status="administrator")
    member = await fake.control("user", first_name="Reader", started=True)
    adapter = TelegramAdapter(config_for(fake))  # Telegram's limits: 30/s, 20/min per group, 1/s per chat
    await adapter.ensure_ready()

    def send(chat_id: int, i: int) -> Any:
        return adapter.perform(SendMessage(key=f"o{chat_id}:{i}", platform=P,
                                           chat=ChatRef(platform=P, chat_id=str(chat_id)), text=f"announcement {i}"))

    overall = [send(many[i % len(many)], i) for i in range(sends)]
    group_sends = [send(one_group["id"], i) for i in range(23)]
    dms = [adapter.perform(SendDirect(key=f"dm{i}", platform=P, user=UserRef(platform=P, user_id=str(member["id"])),
                                      text=f"update {i}")) for i in range(10)]
    (t_all, f_all), (t_group, f_group), (t_dm, f_dm) = await asyncio.gather(
        _timed(overall), _timed(group_sends), _timed(dms))
    await adapter.aclose()
    after = await fake.control("state")
    # While the spread-out sends ran, every message (theirs and the other two phases') used the overall limit.
    in_window = len(f_all) + sum(1 for t in f_group + f_dm if t <= t_all)
    overall_rate = in_window / t_all
    return {
        "overall": {"messages": in_window, "seconds": round(t_all, 2),
                    "per_s": round(overall_rate, 1), "limit_per_s": 30,
                    "ratio_of_limit": round(overall_rate / 30, 3),
                    "steady_ratio_of_limit": round(_steady_rate(f_all, 30) / 30, 3)},
        "one_group": {"messages": 23, "seconds": round(t_group, 2), "burst": 20,
                      "after_burst_per_min": round(_steady_rate(f_group, 19) * 60, 1), "limit_per_min": 20,
                      "ratio_of_limit": round(_steady_rate(f_group, 19) * 60 / 20, 3)},
        "one_private_chat": {"messages": 10, "seconds": round(t_dm, 2), "burst": 3,
                             "after_burst_per_s": round(_steady_rate(f_dm, 2), 2), "limit_per_s": 1,
                             "ratio_of_limit": round(_steady_rate(f_dm, 2), 3)},
        "http_429_returned": after["rate_limited"] - before["rate_limited"],
        "http_429_by_scope": {k: v - before["rate_limited_by_scope"].get(k, 0)
                              for k, v in after["rate_limited_by_scope"].items()},
        "sent_by_fake": after["sent"] - before["sent"],
        "asked": sends + 33,
    }


async def main(args: argparse.Namespace) -> dict[str, Any]:
    async with FakeTelegramProcess(token=TOKEN, bot_username="BenchBot") as fake:
        results: dict[str, Any] = {"inbound": [], "cpu_cores": os.cpu_count()}
        for sink in ("memory", "bus"):
            results["inbound"].append(await inbound(fake, args.updates, args.groups, sink))
        results["outbound"] = await outbound(fake, args.sends)
    return results


def report(results: dict[str, Any]) -> None:
    print(f"Telegram adapter benchmark ({results['cpu_cores']} cores; the fake Bot API in another process)")
    for row in results["inbound"]:
        print(f"  inbound  {row['updates']:>6} updates into {row['sink']}: {row['updates_per_s']:>6}/s "
              f"({row['seconds']} s), confirmed through update {row['confirmed_through']}")
    out = results["outbound"]
    o, g, d = out["overall"], out["one_group"], out["one_private_chat"]
    print(f"  outbound overall: {o['messages']} messages in {o['seconds']} s = {o['per_s']}/s, "
          f"{o['ratio_of_limit']:.0%} of 30/s counting the initial burst, {o['steady_ratio_of_limit']:.0%} after it")
    print(f"  outbound one group: burst of {g['burst']}, then {g['after_burst_per_min']}/min = "
          f"{g['ratio_of_limit']:.0%} of 20/min")
    print(f"  outbound one private chat: burst of {d['burst']}, then {d['after_burst_per_s']}/s = "
          f"{d['ratio_of_limit']:.0%} of 1/s")
    print(f"  429s the fake returned: {out['http_429_returned']} {out['http_429_by_scope'] or ''}; "
          f"messages it received: {out['sent_by_fake']} (asked to send: {out['asked']})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=5000, help="updates injected per inbound run")
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--sends", type=int, default=300, help="messages spread over 100 groups (outbound)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args()
    figures = asyncio.run(main(arguments))
    print(json.dumps(figures, indent=2)) if arguments.json else report(figures)
