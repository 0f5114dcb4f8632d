"""Shared fixtures: test service URLs, with skip-or-fail when a service is unreachable."""

from __future__ import annotations

import os
import socket
import uuid
from urllib.parse import urlparse

import pytest

POSTGRES_URL = os.environ.get("BEACON_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("BEACON_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REQUIRE_SERVICES = os.environ.get("BEACON_REQUIRE_SERVICES") == "1"


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 0), timeout=1):
            return True
    except OSError:
        return False


def _need(url: str, name: str) -> str:
    if not _reachable(url):
        msg = f"{name} unreachable at {url}"
        if REQUIRE_SERVICES:
            pytest.fail(msg + " (BEACON_REQUIRE_SERVICES=1)")
        pytest.skip(msg)
    return url


@pytest.fixture
def postgres_url() -> str:
    """The test PostgreSQL server URL; fails (CI) or skips (laptop) when unreachable."""
    return _need(POSTGRES_URL, "PostgreSQL")


@pytest.fixture
def redis_url() -> str:
    """The test Redis URL; fails (CI) or skips (laptop) when unreachable."""
    return _need(REDIS_URL, "Redis")


@pytest.fixture
def unique_name() -> str:
    """A short unique name for a schema, a stream prefix or a database file."""
    return "t" + uuid.uuid4().hex[:12]
