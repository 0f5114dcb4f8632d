"""The CLI as a user runs it: a real subprocess of the installed ``beacon`` entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BEACON = str(Path(sys.executable).with_name("beacon"))

CONFIG = """
[brand]
name = "Acme"
official_domains = ["acme.example"]
bot_usernames = ["AcmeBot"]

[database]
url = "sqlite:///{db}"

[telegram]
token = "123456:AAEXAMPLE-token-that-must-never-be-printed"
base_url = "http://127.0.0.1:9/bot"
moderators_chat_id = -100123
"""


def beacon(*args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([BEACON, *args], cwd=cwd, capture_output=True, text=True, input=stdin, timeout=120,
                          env={**os.environ, **(env or {})})


def write_config(tmp_path: Path) -> Path:
    path = tmp_path / "beacon.toml"
    path.write_text(CONFIG.format(db=tmp_path / "b.db"), encoding="utf-8")
    return path


def test_help_lists_the_commands(tmp_path: Path) -> None:
    out = beacon("--help", cwd=tmp_path)
    assert out.returncode == 0
    for command in ("run", "demo", "analyze", "db", "config", "bus"):
        assert command in out.stdout


def test_config_check_masks_secrets(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    out = beacon("config", "check", "--config", str(config), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "AAEXAMPLE" not in out.stdout + out.stderr
    assert 'token = "***"' in out.stdout
    as_json = beacon("config", "check", "--json", cwd=tmp_path, env={"BEACON_CONFIG": str(config)})
    assert json.loads(as_json.stdout)["telegram"]["moderators_chat_id"] == -100123


def test_bad_config_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[brand]\nname = 'x'\n[bus]\nurll = 'memory://'\n", encoding="utf-8")
    out = beacon("config", "check", "--config", str(bad), cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip() == f"config error in {bad}: bus.urll: unknown key"


def test_db_upgrade_then_current(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    up = beacon("db", "upgrade", "--config", str(config), cwd=tmp_path)
    assert up.returncode == 0, up.stderr
    current = beacon("db", "current", "--config", str(config), cwd=tmp_path)
    assert current.stdout.strip() and current.stdout.strip() != "empty"


def test_unreachable_database_is_one_clear_line(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    out = beacon("db", "upgrade", "--config", str(config), cwd=tmp_path,
                 env={"BEACON_DATABASE__URL": "postgresql://nobody@127.0.0.1:1/none"})
    assert out.returncode == 1
    assert out.stderr.startswith("error: cannot upgrade postgresql://nobody@127.0.0.1:1/none")
    assert len(out.stderr.strip().splitlines()) == 1


def test_dead_letters_listing(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    out = beacon("bus", "dead-letters", "--json", "--config", str(config), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""


def test_run_rejects_unknown_roles(tmp_path: Path) -> None:
    out = beacon("run", "--only", "telegarm", "--config", str(write_config(tmp_path)), cwd=tmp_path)
    assert out.returncode == 2 and "telegarm" in out.stderr
