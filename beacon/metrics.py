"""Prometheus metrics and the per-process /metrics + /healthz endpoint."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST


class Metrics:
    """One registry per process (no global default registry, so tests can build many)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.events_in = Counter("beacon_events_in", "Inbound events handled", ["type"], registry=self.registry)
        self.events_duplicate = Counter(
            "beacon_events_duplicate", "Inbound events skipped as already processed", registry=self.registry
        )
        self.actions_out = Counter(
            "beacon_actions_out", "Outbound actions by final state", ["platform", "type", "state"], registry=self.registry
        )
        self.errors = Counter("beacon_errors", "Errors by where they happened", ["where"], registry=self.registry)
        self.bus_lag = Gauge("beacon_bus_lag", "Entries published and not yet acked", ["topic", "group"], registry=self.registry)
        self.handle_seconds = Histogram(
            "beacon_handle_seconds", "Time to handle one event", registry=self.registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
        )
        self.platform_calls = Counter(
            "beacon_platform_calls", "Platform API calls (billed calls on X)", ["platform", "method"], registry=self.registry
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)


HealthCheck = Callable[[], Awaitable[bool]]


async def serve_metrics(metrics: Metrics, host: str, port: int, health: HealthCheck) -> web.AppRunner:
    """Start /metrics and /healthz; returns the runner so the caller can clean it up."""

    async def metrics_view(_: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def health_view(_: web.Request) -> web.Response:
        try:
            ok = await asyncio.wait_for(health(), timeout=5)
        except Exception:  # noqa: BLE001 - any failure is "unhealthy"
            ok = False
        return web.json_response({"ok": ok}, status=200 if ok else 503)

    app = web.Application()
    app.router.add_get("/metrics", metrics_view)
    app.router.add_get("/healthz", health_view)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner
