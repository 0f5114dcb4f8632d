"""Logs never carry secrets; /metrics and /healthz answer."""

from __future__ import annotations

import io
import logging

import aiohttp
import pytest

from beacon.logs import NOISY_LOGGERS, setup_logging
from beacon.metrics import Metrics, serve_metrics

TOKEN = "7654321:AAH-very-secret-bot-token-value-xyz123456"


@pytest.fixture(autouse=True)
def restore_logging():
    """setup_logging reconfigures the root logger; give later tests the one they had."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in NOISY_LOGGERS}
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)


def capture(json_lines: bool) -> tuple[io.StringIO, logging.Handler]:
    mask = setup_logging("DEBUG", json_lines, [TOKEN, "pg-password-123"])
    handler = logging.getLogger().handlers[0]
    buffer = io.StringIO()
    handler.setStream(buffer)  # type: ignore[attr-defined]
    return buffer, mask


def test_secrets_are_masked_in_messages_args_and_tracebacks() -> None:
    for json_lines in (False, True):
        buffer, _ = capture(json_lines)
        log = logging.getLogger("test")
        log.info("GET https://api.telegram.org/bot%s/getMe", TOKEN)
        log.warning("db url postgresql://u:pg-password-123@h/db")
        try:
            raise RuntimeError(f"failed calling bot{TOKEN}")
        except RuntimeError:
            log.exception("boom")
        # A token we were never told about, but shaped like one.
        log.error("unknown 1234567:AAabcdefghijklmnopqrstuvwxyz0123456789")
        text = buffer.getvalue()
        assert TOKEN not in text and "pg-password-123" not in text and "AAabcdefghijklmnop" not in text
        assert text.count("***") >= 4


def test_http_client_loggers_are_held_at_warning() -> None:
    setup_logging("DEBUG", False, [])
    for name in ("httpx", "tweepy", "discord.http"):
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING


async def test_metrics_and_health_endpoints(unused_tcp_port: int) -> None:
    metrics = Metrics()
    metrics.events_in.labels("message_posted").inc()
    healthy = True

    async def health() -> bool:
        return healthy

    runner = await serve_metrics(metrics, "127.0.0.1", unused_tcp_port, health)
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{unused_tcp_port}/metrics") as r:
                assert 'beacon_events_in_total{type="message_posted"} 1.0' in await r.text()
            async with http.get(f"http://127.0.0.1:{unused_tcp_port}/healthz") as r:
                assert r.status == 200
            healthy = False
            async with http.get(f"http://127.0.0.1:{unused_tcp_port}/healthz") as r:
                assert r.status == 503
    finally:
        await runner.cleanup()
