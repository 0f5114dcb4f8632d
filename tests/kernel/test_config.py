"""Config: TOML + env overrides, errors naming key and file, secrets never printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from beacon.config import ConfigError, load_settings, masked_dump

CONTRACT = """
[brand]
name = "Acme"
official_domains = ["Acme.example"]
bot_usernames = ["AcmeBot"]

[[staff]]
platform = "telegram"
user_id = 1
display_name = "Acme Support"
username = "acme_support"

[database]
url = "sqlite:///x.db"

[bus]
url = "memory://"

[telegram]
token = "123456:SECRET-TOKEN-VALUE-abcdefghijklmnopqrstuv"
base_url = "http://127.0.0.1:9/bot"
moderators_chat_id = -100123
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "beacon.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_contract_keys_alone_give_defaults(tmp_path: Path) -> None:
    s = load_settings(write(tmp_path, CONTRACT))
    assert s.brand.official_domains == ["acme.example"]
    assert s.staff[0].user_id == "1"
    assert {r.value for r in s.staff[0].roles} == {"agent", "moderator", "manager"}
    assert s.telegram is not None and s.telegram.base_file_url == "http://127.0.0.1:9/file/bot"
    assert s.discord is None and s.x is None
    assert s.telegram.moderators_chat_id == -100123


def test_env_overrides_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BEACON_TELEGRAM__TOKEN", "999:other")
    monkeypatch.setenv("BEACON_BUS__URL", "redis://127.0.0.1:6379/0")
    s = load_settings(write(tmp_path, CONTRACT))
    assert s.telegram.token.get_secret_value() == "999:other"
    assert s.telegram.base_url == "http://127.0.0.1:9/bot"  # the rest of the section survives
    assert s.bus.url == "redis://127.0.0.1:6379/0"


def test_config_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BEACON_CONFIG", str(write(tmp_path, CONTRACT)))
    assert load_settings().brand.name == "Acme"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("[brand]\nname = 'x'\n[telegram]\nbase_url = 'y'\n", "telegram.token: Field required"),
        ("[brand]\nname = 'x'\n[bus]\nurll = 'memory://'\n", "bus.urll: unknown key"),
        ("[brand]\nname = 'x'\n[bus]\npartitions = 0\n", "bus.partitions"),
        ("[brand\nname = 'x'\n", "not valid TOML"),
        ("", "brand: Field required"),
    ],
)
def test_bad_config_names_key_and_file(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    message = str(info.value)
    assert expected in message and str(path) in message
    assert "\n" not in message


def test_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(tmp_path / "nope.toml")


def test_masked_dump_hides_secrets(tmp_path: Path) -> None:
    text = CONTRACT.replace('url = "sqlite:///x.db"', 'url = "postgresql://beacon:pw-very-secret@db/beacon"')
    dumped = masked_dump(load_settings(write(tmp_path, text)))
    rendered = repr(dumped)
    assert "SECRET-TOKEN-VALUE" not in rendered and "pw-very-secret" not in rendered
    assert dumped["telegram"]["token"] == "***"
    assert dumped["database"]["url"] == "postgresql://beacon:***@db/beacon"


def test_relative_paths_resolve_against_the_config_file_without_touching_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BEACON_CONFIG_DIR", raising=False)
    import os

    before = dict(os.environ)
    s = load_settings(write(tmp_path, CONTRACT))
    assert s.config_dir == tmp_path.resolve()
    assert dict(os.environ) == before
