"""What every platform fake shares: serve an aiohttp app on 127.0.0.1 and learn the port it got."""

from __future__ import annotations

from typing import Any

from aiohttp import web


class LocalServer:
    """Mixin: ``host``/``_port`` in, ``url``/``port`` and ``async with`` out; subclasses define
    ``start`` (build the app, then ``await self._serve(app)``) and ``stop`` (then ``_unserve``)."""

    host: str
    _port: int
    _runner: web.AppRunner | None = None

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

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self._port}"
