"""An adapter process and two worker processes over Redis + PostgreSQL; killing a worker loses nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import asyncpg
import pytest

from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.slow

BEACON = str(Path(sys.executable).with_name("beacon"))
TOKEN = "7099887766:AAH-multiprocess-test-token-abcdefghijk"
BOT = "AcmeHelpBot"
REQUESTS = [
    "my USDT withdrawal has been pending for 5 hours, please help",
    "deposit of 0.3 ETH not credited after 2 hours, what should I do?",
    "I can't log in, my account says it is locked, help please",
]


def write_config(tmp_path: Path, fake: FakeTelegram, database_url: str, redis_url: str, prefix: str,
                 moderators_chat_id: int) -> Path:
    path = tmp_path / "beacon.toml"
    path.write_text(f"""
[brand]
name = "Acme Exchange"
official_domains = ["acme.example"]
bot_usernames = ["{BOT}"]

[database]
url = "{database_url}"

[bus]
url = "{redis_url}"
prefix = "{prefix}"
visibility_timeout_s = 2.0

[telegram]
token = "{TOKEN}"
base_url = "{fake.base_url}"
moderators_chat_id = {moderators_chat_id}

[workers]
concurrency = 4

[logging]
level = "WARNING"
""", encoding="utf-8")
    return path


def start(config: Path, only: str, tmp_path: Path) -> subprocess.Popen:
    log = open(tmp_path / f"{only}-{os.urandom(3).hex()}.log", "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen([BEACON, "run", "--only", only, "--config", str(config)], stdout=log,
                            stderr=subprocess.STDOUT, cwd=tmp_path)


async def test_adapter_and_two_workers_lose_nothing_when_a_worker_dies(
    tmp_path: Path, postgres_url: str, redis_url: str, unique_name: str
) -> None:
    database_url = f"{postgres_url}?schema={unique_name}"
    procs: list[subprocess.Popen] = []
    async with FakeTelegram(token=TOKEN, bot_username=BOT, overall_limit=None, group_limit=None,
                            private_limit=None) as fake:
        mods = fake.create_group("moderators")
        fake.add_bot(mods, admin=True)
        groups = [fake.create_group(f"community {i}") for i in range(6)]
        for group in groups:
            fake.add_bot(group, admin=True)
        config = write_config(tmp_path, fake, database_url, redis_url, unique_name, mods.id)
        upgrade = subprocess.run([BEACON, "db", "upgrade", "--config", str(config)], capture_output=True, text=True,
                                 timeout=120)
        assert upgrade.returncode == 0, upgrade.stderr
        try:
            procs = [start(config, "telegram", tmp_path), start(config, "workers", tmp_path),
                     start(config, "workers", tmp_path)]
            posted: list[tuple[int, int]] = []

            def post_wave(wave: int, count: int) -> None:
                for n in range(count):
                    member = fake.add_user(f"m{wave}-{n}", username=f"m{wave}_{n}")
                    group = groups[n % len(groups)]
                    message = fake.post(group, member, REQUESTS[n % len(REQUESTS)])
                    posted.append((group.id, message["message_id"]))

            def replies() -> Counter:
                return Counter((a.chat_id, a.reply_to) for a in fake.sent() if a.reply_to is not None)

            post_wave(1, 12)
            await fake.wait_for(lambda: sum(1 for p in posted if replies()[p]) >= 4, timeout=90)
            post_wave(2, 12)
            # One worker dies mid-stream, un-acked entries and all.
            procs[1].send_signal(signal.SIGKILL)
            procs[1].wait(timeout=10)
            post_wave(3, 12)
            await fake.wait_for(lambda: all(replies()[p] >= 1 for p in posted), timeout=120)
            await asyncio.sleep(3)  # anything redelivered late would show up as a second reply now
            counts = replies()
            assert all(counts[p] == 1 for p in posted), {p: counts[p] for p in posted if counts[p] != 1}
            assert procs[0].poll() is None and procs[2].poll() is None
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
            for proc in procs:
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
            conn = await asyncpg.connect(postgres_url)
            try:
                await conn.execute(f'DROP SCHEMA IF EXISTS "{unique_name}" CASCADE')
            finally:
                await conn.close()
