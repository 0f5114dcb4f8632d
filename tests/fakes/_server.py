"""What every platform fake shares: serve an aiohttp app on 127.0.0.1 and learn the port it got."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from aiohttp import web


class LocalServer:
    """Mixin: ``host``/``_port`` in, ``url``/``port`` and ``async with`` out; subclasses define
    ``start`` (build the app, then ``await self._serve(app)``) and ``stop`` (then ``_unserve``)."""

    host: str
    _port: int
    _runner: web.AppRunner | None = None
    _changed: asyncio.Event  # set by the fake whenever its state changes
    _recheck_s = 0.2  # re-check a predicate at least this often, even without a change

    async def _serve(self, app: web.Application) -> None:
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self._port)
        await site.start()
        server = site._server  # noqa: SLF001 - the only way to learn the port chosen for 0
        self._port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def _unserve(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def start(self) -> Any:  # pragma: no cover - every fake defines it
        raise NotImplementedError

    async def stop(self) -> None:  # pragma: no cover - every fake defines it
        raise NotImplementedError

    async def __aenter__(self) -> Any:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait until ``predicate()`` is truthy (re-checked after every change); returns its value."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            self._changed.clear()
            value = predicate()
            if value:
                return value
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError("condition not met within %.1fs" % timeout)
            try:
                await asyncio.wait_for(self._changed.wait(), min(remaining, self._recheck_s))
            except asyncio.TimeoutError:
                pass

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self._port}"
