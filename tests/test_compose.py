"""docker-compose.yml, the Dockerfile and examples/production.toml describe a sound deployment."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from beacon.config import load_settings

REPO = Path(__file__).resolve().parents[1]
BEACON_SERVICES = ("migrate", "telegram", "workers")
LONG_RUNNING = ("telegram", "workers")
SECRET_NAME = re.compile(r"TOKEN|PASSWORD|SECRET|_KEY$", re.I)
INTERPOLATION = re.compile(r"^\$\{[A-Z0-9_]+(:?[?-][^}]*)?\}$")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def command(service: dict[str, Any]) -> list[str]:
    cmd = service["command"]
    return cmd.split() if isinstance(cmd, str) else list(cmd)


def test_services_present(compose):
    assert {"postgres", "redis", *BEACON_SERVICES} <= set(compose["services"])


def test_every_long_running_service_has_a_healthcheck(compose):
    services = compose["services"]
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert services["redis"]["healthcheck"]["test"][-2:] == ["redis-cli", "ping"]
    for name in LONG_RUNNING:
        check = " ".join(services[name]["healthcheck"]["test"])
        assert "/healthz" in check, name


def test_healthcheck_uses_the_configured_metrics_port(compose, monkeypatch):
    monkeypatch.setenv("BEACON_TELEGRAM__TOKEN", "x")
    settings = load_settings(REPO / "examples" / "production.toml")
    assert settings.metrics.port is not None
    for name in LONG_RUNNING:
        check = " ".join(compose["services"][name]["healthcheck"]["test"])
        assert f":{settings.metrics.port}/healthz" in check


def test_redis_persists_with_aof_on_a_volume(compose):
    redis = compose["services"]["redis"]
    cmd = command(redis)
    assert cmd[cmd.index("--appendonly") + 1] == "yes"
    assert any(v.split(":")[1] == "/data" and v.split(":")[0] in compose["volumes"] for v in redis["volumes"])


def test_postgres_data_on_a_named_volume(compose):
    pg = compose["services"]["postgres"]
    mounts = [v.split(":") for v in pg["volumes"]]
    assert any(src in compose["volumes"] and dst == "/var/lib/postgresql/data" for src, dst, *_ in mounts)


def test_startup_order(compose):
    services = compose["services"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in LONG_RUNNING:
        deps = services[name]["depends_on"]
        assert deps["postgres"]["condition"] == "service_healthy"
        assert deps["redis"]["condition"] == "service_healthy"
        assert deps["migrate"]["condition"] == "service_completed_successfully"


def test_commands_and_scale(compose):
    services = compose["services"]
    assert command(services["migrate"]) == ["beacon", "db", "upgrade"]
    assert services["migrate"]["restart"] == "no"
    assert command(services["telegram"]) == ["beacon", "run", "--only", "telegram"]
    assert command(services["workers"]) == ["beacon", "run", "--only", "workers"]
    assert services["workers"]["deploy"]["replicas"] == 2


def test_beacon_services_get_config_and_secrets_from_outside(compose):
    for name in BEACON_SERVICES:
        service = compose["services"][name]
        env_files = service["env_file"]
        assert ".env" in ([env_files] if isinstance(env_files, str) else env_files)
        assert environment(service)["BEACON_CONFIG"] == "/etc/beacon/beacon.toml"
        mounts = [v.split(":") for v in service["volumes"]]
        sources = [src for src, dst, *_ in mounts if dst == "/etc/beacon/beacon.toml"]
        assert sources and (REPO / sources[0]).is_file()


def test_no_secret_inline(compose):
    for name, service in compose["services"].items():
        for key, value in environment(service).items():
            if SECRET_NAME.search(key):
                assert INTERPOLATION.match(value), f"{name}: {key} must come from .env, not the file"
            assert not re.search(r"://[^/@\s]*:[^/@\s]+@", value), f"{name}: credentials in a URL"
    text = (REPO / "docker-compose.yml").read_text()
    assert not re.search(r"\d{6,}:[A-Za-z0-9_-]{30,}", text)  # nothing shaped like a bot token


def test_production_config_has_no_secrets_and_scales_out(monkeypatch):
    raw = tomllib.loads((REPO / "examples" / "production.toml").read_text())
    assert "token" not in raw.get("telegram", {})
    assert urlsplit(raw["database"]["url"]).password is None
    monkeypatch.setenv("BEACON_TELEGRAM__TOKEN", "123:abc")
    settings = load_settings(REPO / "examples" / "production.toml")
    assert settings.database.url.startswith("postgresql://")
    assert settings.bus.url.startswith("redis://")
    assert settings.telegram is not None and settings.telegram.token.get_secret_value() == "123:abc"


def test_dockerfile_builds_the_package_on_python_311_slim():
    """A build stage with a compiler makes the wheel (analysis modules compiled, setup.py); the image
    installs only that wheel."""
    lines = [line.strip() for line in (REPO / "Dockerfile").read_text().splitlines()]
    stages = [line for line in lines if line.startswith("FROM")]
    assert stages == ["FROM python:3.11-slim AS build", "FROM python:3.11-slim"]
    assert "COPY pyproject.toml setup.py README.md ./" in lines
    assert "RUN pip wheel --no-deps --wheel-dir /wheels ." in lines
    assert "COPY --from=build /wheels /wheels" in lines
    assert "RUN pip install /wheels/*.whl && rm -rf /wheels" in lines
    assert any("gcc" in line for line in lines[:lines.index(stages[1])])
    assert (REPO / ".dockerignore").read_text().count(".env") >= 1
