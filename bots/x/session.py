"""The aiohttp session tweepy's AsyncClient uses: one per adapter, rerouting X's fixed host to a configured API URL."""

from __future__ import annotations

import aiohttp
from aiohttp import ClientHandlerType, ClientRequest, ClientResponse, hdrs
from yarl import URL

X_API_URL = "https://api.twitter.com"  # tweepy's host, fixed in its code (no base-URL option)
_X_HOST = URL(X_API_URL).host


def reroute_middleware(api_url: str):  # noqa: ANN201 - an aiohttp client middleware
    """A client middleware sending requests for api.twitter.com to ``api_url`` (a fake or a proxy), path and
    query kept byte for byte (OAuth 1.0a signs the encoded query)."""
    target = URL(api_url)
    prefix = target.raw_path.rstrip("/")

    async def reroute(request: ClientRequest, handler: ClientHandlerType) -> ClientResponse:
        if request.url.host == _X_HOST:
            request.url = URL.build(scheme=target.scheme, host=target.raw_host or "", port=target.explicit_port,
                                    path=prefix + request.url.raw_path, query_string=request.url.raw_query_string,
                                    encoded=True)
            request.headers[hdrs.HOST] = target.raw_authority
        return await handler(request)

    return reroute


def open_session(api_url: str, *, timeout_s: float = 30.0) -> aiohttp.ClientSession:
    """Create inside the running event loop; reroutes only when ``api_url`` is not X's own host."""
    middlewares = () if api_url.rstrip("/") == X_API_URL else (reroute_middleware(api_url),)
    return aiohttp.ClientSession(middlewares=middlewares, timeout=aiohttp.ClientTimeout(total=timeout_s))
