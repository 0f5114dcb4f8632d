"""Where discord.py connects: its REST base and gateway URL are class attributes, so they are process-wide.

``discord.http.Route.BASE`` is read whenever a request is built and
``DiscordWebSocket.DEFAULT_GATEWAY`` whenever a session (re)identifies, so both must hold the
configured values for as long as a client is in use. ``use_endpoints`` sets them, counts its
users and restores the library's values when the last one leaves; a second, *different* pair in
the same process is refused (it would silently send one bot's traffic to the other's server).
"""

from __future__ import annotations

import threading

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

_lock = threading.Lock()
_active: tuple[str, str] | None = None
_users = 0
_saved: tuple[str, yarl.URL] | None = None


class EndpointConflict(RuntimeError):
    """Another Discord client in this process points discord.py elsewhere."""


def _normalise(api_base: str, gateway_url: str) -> tuple[str, str]:
    return api_base.rstrip("/"), gateway_url


def use_endpoints(api_base: str, gateway_url: str) -> None:
    """Point discord.py at ``api_base`` and ``gateway_url`` until the matching ``release_endpoints``."""
    global _active, _users, _saved
    wanted = _normalise(api_base, gateway_url)
    with _lock:
        if _users and _active != wanted:
            raise EndpointConflict(
                f"discord.py is already pointed at {_active[0] if _active else '?'} in this process; "
                "run Discord adapters with different api_base/gateway_url in separate processes")
        if _users == 0:
            _saved = (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
            Route.BASE = wanted[0]
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(wanted[1])
            _active = wanted
        _users += 1


def release_endpoints() -> None:
    """One user fewer; the last one restores discord.py's own values."""
    global _active, _users, _saved
    with _lock:
        if _users == 0:
            return
        _users -= 1
        if _users == 0 and _saved is not None:
            Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = _saved
            _active = None
            _saved = None


def active_endpoints() -> tuple[str, str] | None:
    return _active
