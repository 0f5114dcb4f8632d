"""Helpers for the Redis bus tests: key clean-up, a throwaway redis-server, consumer processes."""

from __future__ import annotations

import asyncio
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import redis.asyncio as aioredis

REPO = Path(__file__).resolve().parents[2]


async def delete_prefix(url: str, prefix: str) -> None:
    client = aioredis.Redis.from_url(url)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}:*", count=500)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayRedis:
    """A private redis-server with AOF (fsync on every write) that a test may kill and restart."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server binary not installed")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
             "--appendfsync", "always", "--dir", str(self.directory), "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    async def ready(self) -> None:
        for _ in range(200):
            client = aioredis.Redis.from_url(self.url, socket_connect_timeout=0.2)
            try:
                if await client.ping():
                    return
            except Exception:  # noqa: BLE001 - not up yet (refused, or LOADING the AOF)
                await asyncio.sleep(0.05)
            finally:
                await client.aclose()
        raise RuntimeError("throwaway redis-server did not start")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


async def spawn_consumer(*args: str) -> asyncio.subprocess.Process:
    """Start ``tests/bus_redis/consumer_proc.py`` in its own Python process."""
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.bus_redis.consumer_proc", *args,
        cwd=str(REPO), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def read_line(proc: asyncio.subprocess.Process, timeout: float = 30.0) -> str:
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), timeout=timeout)
    if not line:
        err = await proc.stderr.read() if proc.stderr else b""
        raise AssertionError(f"consumer process ended: {err.decode(errors='replace')[-2000:]}")
    return line.decode().strip()
