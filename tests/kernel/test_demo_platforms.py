"""``beacon demo --platforms``: the real adapters against the local fakes of Telegram, Discord and X, run as the
README shows it (a subprocess, from outside the checkout), with a readable transcript of what each platform saw."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BEACON = str(Path(sys.executable).with_name("beacon"))
SEED_WORDS = ("abandon", "ability", "absurd", "accident")


def run_demo(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    shutil.copy(ROOT / "examples" / "demo.toml", tmp_path / "demo.toml")
    return subprocess.run([BEACON, "demo", "--config", str(tmp_path / "demo.toml"), *args], text=True,
                          capture_output=True, timeout=180, cwd=tmp_path, stdin=subprocess.DEVNULL,
                          env={k: v for k, v in os.environ.items() if k != "BEACON_CONFIG"})


def test_all_three_platforms(tmp_path: Path) -> None:
    out = run_demo(tmp_path, "--platforms", "telegram,discord,x")
    assert out.returncode == 0, out.stderr[-3000:]
    lines = out.stdout.splitlines()
    bot = [line for line in lines if "] bot " in line]

    # Telegram: one public reply with the deep link and nothing private; a ticket in the DM; the agent relayed.
    [public] = [line for line in bot if line.startswith("[telegram] bot → Acme EN (reply)")]
    assert "?start=" in public and "55501234" not in public and "300" not in public
    assert any(line.startswith("[telegram] bot → dm @ann_k") and "Ticket #1 is open" in out.stdout for line in bot)
    assert "— Sam, Acme Exchange support (staff no. 12)" in out.stdout
    assert any(line.startswith("[telegram] bot deleted message") for line in bot)
    # Discord: the forum post answered in the post, the ticket in a DM; the seed phrase deleted, the author warned.
    assert any(line.startswith("[discord] bot → post “Deposit missing”") for line in bot)
    assert any(line.startswith("[discord] bot → dm @carl") for line in bot) and "Ticket #2 is open" in out.stdout
    assert "[discord] bot deleted a message in #general" in lines
    assert any(line.startswith("[discord] bot → dm @dana") and "seed phrase" in line for line in bot)
    # X: a public reply without the e-mail address, then a DM; the leaked reply hidden.
    x_public = [line for line in bot if line.startswith("[x] bot → reply to @erin")]
    assert x_public and not any("erin.k@mail.example" in line for line in x_public)
    assert any(line.startswith("[x] bot → dm @erin") for line in bot)
    assert "[x] bot hid the reply of @finn" in lines
    # /link across platforms, then the Telegram ticket seen from Discord.
    assert any(line.startswith("[discord] bot → dm @ann: Done: this account is now linked with Telegram @ann_k")
               for line in bot)
    assert any(line.startswith("[telegram] bot → dm @ann_k: This account is now linked with Discord @ann")
               for line in bot)
    status = out.stdout.split("[discord] @ann in the bot's DM: /status", 1)[1]
    assert "#1 · Deposits & withdrawals" in status
    # One announcement, everywhere (crossposted in Discord's announcement channel).
    notice = "Scheduled maintenance: deposits and withdrawals pause"
    for prefix in ("[telegram] bot → Acme EN:", "[discord] bot → #announcements:", "[x] bot → posted:"):
        assert any(line.startswith(prefix) and notice in line for line in bot), prefix
    assert "[discord] bot published (crossposted) its message in #announcements" in lines
    assert "demo finished in" in lines[-1]

    # Never echoed: not the seed phrase (the transcript narrates it), not a token.
    for word in SEED_WORDS:
        assert word not in out.stdout + out.stderr
    for secret in ("DemoTokenNeverShown", "demo-consumer-secret", "demo-access-secret"):
        assert secret not in out.stdout + out.stderr


def test_a_subset_and_a_bad_name(tmp_path: Path) -> None:
    out = run_demo(tmp_path, "--platforms", "discord,x")
    assert out.returncode == 0, out.stderr[-3000:]
    assert "[telegram]" not in out.stdout and "/link" not in out.stdout  # the link scene needs two platforms
    assert "[discord] bot → #announcements:" in out.stdout and "[x] bot → posted:" in out.stdout
    bad = run_demo(tmp_path, "--platforms", "telegram,myspace")
    assert bad.returncode == 2 and "--platforms takes telegram, discord, x or all" in bad.stderr
