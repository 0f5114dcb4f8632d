"""A local fake of the X API v2 (aiohttp) that the real tweepy AsyncClient talks to over HTTP, with a control API."""

from __future__ import annotations

import asyncio
import itertools
import math
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, TypeVar

from aiohttp import web

T = TypeVar("T")

# X's documented limits for GET /2/users/:id/mentions per 15 minutes: per app (bearer) and per user (OAuth).
MENTIONS_APP_LIMIT = 450
MENTIONS_USER_LIMIT = 180
# GET /2/dm_events & co.: 300 requests per 15 minutes per user (user context only), shared by the DM lookups.
DM_LOOKUP_USER_LIMIT = 300
WINDOW_S = 15 * 60
MAX_TWEET_WEIGHT = 280
_URL = re.compile(r"https?://\S+")


def tweet_weight(text: str) -> int:
    """X's weighted length (twitter-text v3, simplified): Latin-ish characters 1, others (CJK, emoji) 2, URLs 23."""
    weight = 0
    for part in _URL.split(text):
        weight += sum(1 if (ord(c) <= 4351 or 8192 <= ord(c) <= 8303) else 2 for c in part)
    return weight + 23 * len(_URL.findall(text))


@dataclass
class RateLimit:
    """``limit`` requests per ``window_s`` (X's windows are fixed 15-minute windows)."""

    limit: int
    window_s: float = WINDOW_S


@dataclass
class _Window:
    started: float
    used: int = 0


@dataclass
class FakeXUser:
    id: str
    username: str
    name: str
    accepts_dms: bool = True


@dataclass
class FakeTweet:
    id: str
    author_id: str
    text: str
    conversation_id: str
    created_at: datetime
    in_reply_to_tweet_id: str | None = None
    in_reply_to_user_id: str | None = None
    lang: str = "en"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "text": self.text, "author_id": self.author_id, "conversation_id": self.conversation_id,
            "created_at": self.created_at.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "lang": self.lang,
            "edit_history_tweet_ids": [self.id],
        }
        if self.in_reply_to_tweet_id is not None:
            data["referenced_tweets"] = [{"type": "replied_to", "id": self.in_reply_to_tweet_id}]
            data["in_reply_to_user_id"] = self.in_reply_to_user_id
        return data


@dataclass
class FakeDM:
    to: str
    text: str
    event_id: str


@dataclass
class FakeDMEvent:
    """A MessageCreate event of a one-to-one conversation with the brand (either direction)."""

    id: str
    sender_id: str
    conversation_id: str
    text: str
    created_at: datetime

    def as_json(self, fields: set[str]) -> dict[str, Any]:
        """``id`` and ``event_type`` always; the rest only when asked for in ``dm_event.fields``, like X."""
        data: dict[str, Any] = {"id": self.id, "event_type": "MessageCreate"}
        values = {"text": self.text, "sender_id": self.sender_id, "dm_conversation_id": self.conversation_id,
                  "created_at": self.created_at.strftime("%Y-%m-%dT%H:%M:%S.000Z")}
        data.update({k: v for k, v in values.items() if k in fields})
        return data


@dataclass
class Stats:
    """Every request the fake answered, by route name (X bills reads and writes per call)."""

    calls: Counter = field(default_factory=Counter)
    rate_limited: int = 0

    @property
    def billed(self) -> int:
        return sum(self.calls.values())


class FakeX:
    """The X API v2 endpoints Beacon uses; tests drive members through ``post_mention`` & co. and inspect output.

    Auth: ``Authorization: Bearer <bearer>`` (app context) or an OAuth 1.0a header carrying the configured
    consumer key and access token (user context, the brand's account). Writes need user context.
    """

    def __init__(
        self,
        *,
        brand_username: str = "AcmeHelp",
        bearer_token: str = "AAAAAAAAAAAAAAAAAAAAAFakeBearerTokenNeverLogged0123456789",
        consumer_key: str = "fake-consumer-key-0123456789",
        access_token: str = "1000-fake-access-token-0123456789",
        mentions_app_limit: RateLimit | None = None,
        mentions_user_limit: RateLimit | None = None,
        write_limit: RateLimit | None = None,
        dm_read_limit: RateLimit | None = None,
    ) -> None:
        self.bearer_token = bearer_token
        self.consumer_key = consumer_key
        self.access_token = access_token
        self._ids = itertools.count(1_800_000_000_000_000_000)
        self._user_ids = itertools.count(1000)
        self.brand = self.add_user(brand_username, name=brand_username)
        self.users: dict[str, FakeXUser] = {self.brand.id: self.brand}
        self.tweets: dict[str, FakeTweet] = {}
        self.mention_ids: list[str] = []
        self.dms: list[FakeDM] = []  # what the brand sent
        self.dm_events: list[FakeDMEvent] = []  # every DM in the brand's conversations, both directions
        self.hidden: set[str] = set()
        self.stats = Stats()
        self.limits = {
            ("mentions", "app"): mentions_app_limit or RateLimit(MENTIONS_APP_LIMIT),
            ("mentions", "user"): mentions_user_limit or RateLimit(MENTIONS_USER_LIMIT),
            ("write", "user"): write_limit or RateLimit(200),
            ("dm_read", "user"): dm_read_limit or RateLimit(DM_LOOKUP_USER_LIMIT),
        }
        self._windows: dict[tuple[str, str], _Window] = {}
        self.requests_log: list[tuple[str, str, dict[str, str]]] = []  # (method, path, query)
        self._runner: web.AppRunner | None = None
        self.api_url = ""
        self._changed = asyncio.Event()

    # ----- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> "FakeX":
        app = web.Application()
        app.router.add_get("/2/users/me", self._me)
        app.router.add_get("/2/users/{id}/mentions", self._mentions)
        app.router.add_get("/2/users/{id}", self._user)
        app.router.add_get("/2/dm_events", self._dm_events)
        app.router.add_post("/2/tweets", self._create_tweet)
        app.router.add_post("/2/dm_conversations/with/{participant_id}/messages", self._dm)
        app.router.add_put("/2/tweets/{id}/hidden", self._hide)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.api_url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # ----- control API -------------------------------------------------------------------------

    def add_user(self, username: str, *, name: str | None = None, accepts_dms: bool = True) -> FakeXUser:
        user = FakeXUser(id=str(next(self._user_ids)), username=username, name=name or username.title(),
                         accepts_dms=accepts_dms)
        if hasattr(self, "users"):
            self.users[user.id] = user
        return user

    def set_dms(self, user: FakeXUser, accepts: bool) -> None:
        user.accepts_dms = accepts

    def post(self, author: FakeXUser, text: str, *, reply_to: FakeTweet | None = None, lang: str = "en") -> FakeTweet:
        """Any post; it is a mention of the brand when it names @brand or replies to one of the brand's posts."""
        tweet_id = str(next(self._ids))
        tweet = FakeTweet(
            id=tweet_id, author_id=author.id, text=text, created_at=datetime.now(timezone.utc), lang=lang,
            conversation_id=reply_to.conversation_id if reply_to else tweet_id,
            in_reply_to_tweet_id=reply_to.id if reply_to else None,
            in_reply_to_user_id=reply_to.author_id if reply_to else None,
        )
        self.tweets[tweet_id] = tweet
        names_brand = re.search(rf"@{re.escape(self.brand.username)}\b", text, re.I) is not None
        if author.id != self.brand.id and (names_brand or (reply_to is not None and reply_to.author_id == self.brand.id)):
            self.mention_ids.append(tweet_id)
        self._notify()
        return tweet

    def post_mention(self, author: FakeXUser, text: str, **options: Any) -> FakeTweet:
        """A member's post naming the brand (``@brand`` is prefixed when the text lacks it)."""
        if f"@{self.brand.username}".lower() not in text.lower():
            text = f"@{self.brand.username} {text}"
        return self.post(author, text, **options)

    def brand_post(self, text: str) -> FakeTweet:
        return self.post(self.brand, text)

    def replies(self, to: FakeTweet | None = None) -> list[FakeTweet]:
        """What the brand posted (optionally only replies to ``to``), oldest first."""
        return [t for t in self.tweets.values()
                if t.author_id == self.brand.id and t.in_reply_to_tweet_id is not None
                and (to is None or t.in_reply_to_tweet_id == to.id)]

    def thread_under(self, to: FakeTweet) -> list[FakeTweet]:
        """The brand's reply to ``to`` and its continuation (a long answer split into a thread)."""
        out: list[FakeTweet] = []
        parent = to.id
        while True:
            nxt = [t for t in self.replies() if t.in_reply_to_tweet_id == parent]
            if not nxt:
                return out
            out.append(nxt[0])
            parent = nxt[0].id

    def send_dm(self, user: FakeXUser, text: str) -> FakeDMEvent:
        """``user`` writes to the brand in their one-to-one conversation."""
        return self._add_dm_event(user, user, text)

    def _add_dm_event(self, sender: FakeXUser, member: FakeXUser, text: str) -> FakeDMEvent:
        low, high = sorted((int(self.brand.id), int(member.id)))
        event = FakeDMEvent(id=str(next(self._ids)), sender_id=sender.id, conversation_id=f"{low}-{high}",
                            text=text, created_at=datetime.now(timezone.utc))
        self.dm_events.append(event)
        self._notify()
        return event

    def dms_to(self, user: FakeXUser) -> list[str]:
        return [d.text for d in self.dms if d.to == user.id]

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 10.0) -> T:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            value = predicate()
            if value:
                return value
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError("condition not met in time")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), timeout=min(remaining, 0.05))
            except asyncio.TimeoutError:
                pass

    def _notify(self) -> None:
        self._changed.set()

    # ----- HTTP plumbing -----------------------------------------------------------------------

    def _auth(self, request: web.Request) -> str | None:
        header = request.headers.get("Authorization", "")
        if header == f"Bearer {self.bearer_token}":
            return "app"
        if header.startswith("OAuth ") and f'oauth_consumer_key="{self.consumer_key}"' in header \
                and f'oauth_token="{self.access_token}"' in header:
            return "user"
        return None

    def _take(self, bucket: str, auth: str) -> tuple[bool, dict[str, str]]:
        limit = self.limits.get((bucket, auth))
        if limit is None:
            return True, {}
        now = time.time()
        window = self._windows.get((bucket, auth))
        if window is None or now >= window.started + limit.window_s:
            window = self._windows[(bucket, auth)] = _Window(started=now)
        ok = window.used < limit.limit
        if ok:
            window.used += 1
        headers = {"x-rate-limit-limit": str(limit.limit),
                   "x-rate-limit-remaining": str(max(0, limit.limit - window.used)),
                   "x-rate-limit-reset": str(math.ceil(window.started + limit.window_s))}
        return ok, headers

    @staticmethod
    def _problem(status: int, title: str, detail: str, headers: dict[str, str] | None = None) -> web.Response:
        return web.json_response({"title": title, "detail": detail, "type": "about:blank", "status": status},
                                 status=status, headers=headers)

    def _enter(self, request: web.Request, name: str, bucket: str | None,
               need_user: bool = False) -> tuple[str | None, dict[str, str], web.Response | None]:
        self.stats.calls[name] += 1
        self.requests_log.append((request.method, request.path, dict(request.query)))
        auth = self._auth(request)
        if auth is None:
            return None, {}, self._problem(401, "Unauthorized", "Unauthorized")
        if need_user and auth != "user":
            return auth, {}, self._problem(403, "Unsupported Authentication",
                                           "Authenticating with OAuth 2.0 Application-Only is forbidden for this "
                                           "endpoint.  Supported authentication types are [OAuth 1.0a User Context, "
                                           "OAuth 2.0 User Context].")
        headers: dict[str, str] = {}
        if bucket is not None:
            ok, headers = self._take(bucket, auth)
            if not ok:
                self.stats.rate_limited += 1
                return auth, headers, self._problem(429, "Too Many Requests", "Too Many Requests", headers)
        return auth, headers, None

    # ----- endpoints ---------------------------------------------------------------------------

    async def _me(self, request: web.Request) -> web.Response:
        _, headers, refused = self._enter(request, "users_me", None, need_user=True)
        if refused:
            return refused
        b = self.brand
        return web.json_response({"data": {"id": b.id, "username": b.username, "name": b.name}}, headers=headers)

    async def _user(self, request: web.Request) -> web.Response:
        _, headers, refused = self._enter(request, "user", None)
        if refused:
            return refused
        user = self.users.get(request.match_info["id"])
        if user is None:
            return web.json_response({"errors": [{"detail": "Could not find user", "title": "Not Found Error"}]})
        return web.json_response({"data": {"id": user.id, "username": user.username, "name": user.name}},
                                 headers=headers)

    async def _mentions(self, request: web.Request) -> web.Response:
        _, headers, refused = self._enter(request, "mentions", "mentions")
        if refused:
            return refused
        if request.match_info["id"] != self.brand.id:
            return self._problem(403, "Forbidden", "only the fake brand's mentions are served")
        q = request.query
        try:
            max_results = int(q.get("max_results", "10"))
            since_id = int(q["since_id"]) if "since_id" in q else None
            until = int(q["pagination_token"]) if "pagination_token" in q else None
        except ValueError:
            return self._problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        if not 5 <= max_results <= 100:
            return self._problem(400, "Invalid Request", "The `max_results` query parameter value is not between 5 and 100")
        # Newest first, like X; a pagination token continues below the last id served.
        ids = sorted((int(i) for i in self.mention_ids), reverse=True)
        ids = [i for i in ids if (since_id is None or i > since_id) and (until is None or i < until)]
        page, rest = ids[:max_results], ids[max_results:]
        tweets = [self.tweets[str(i)] for i in page]
        meta: dict[str, Any] = {"result_count": len(tweets)}
        if tweets:
            meta.update(newest_id=tweets[0].id, oldest_id=tweets[-1].id)
        if rest:
            meta["next_token"] = str(page[-1])
        body: dict[str, Any] = {"meta": meta}
        if tweets:
            body["data"] = [t.as_json() for t in tweets]
            if "author_id" in q.get("expansions", ""):
                body["includes"] = self._users_included({t.author_id for t in tweets})
        return web.json_response(body, headers=headers)

    def _users_included(self, ids: set[str]) -> dict[str, Any]:
        """The ``includes.users`` of an expansion (author_id, sender_id): those users, as X returns them."""
        return {"users": [{"id": u.id, "username": u.username, "name": u.name}
                          for u in self.users.values() if u.id in ids]}

    async def _create_tweet(self, request: web.Request) -> web.Response:
        _, headers, refused = self._enter(request, "create_tweet", "write", need_user=True)
        if refused:
            return refused
        body = await request.json()
        text = body.get("text", "")
        if not text or tweet_weight(text) > MAX_TWEET_WEIGHT:
            return self._problem(400, "Invalid Request", "Your Tweet text is too long." if text else "text is empty")
        parent_id = (body.get("reply") or {}).get("in_reply_to_tweet_id")
        parent = self.tweets.get(str(parent_id)) if parent_id else None
        if parent_id and parent is None:
            return self._problem(403, "Forbidden",
                                 "You attempted to reply to a Tweet that is deleted or not visible to you.")
        tweet = self.post(self.brand, text, reply_to=parent)
        return web.json_response({"data": {"id": tweet.id, "text": tweet.text, "edit_history_tweet_ids": [tweet.id]}},
                                 status=201, headers=headers)

    async def _dm(self, request: web.Request) -> web.Response:
        _, headers, refused = self._enter(request, "dm", "write", need_user=True)
        if refused:
            return refused
        user = self.users.get(request.match_info["participant_id"])
        body = await request.json()
        if user is None:
            return self._problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        if not user.accepts_dms:
            return self._problem(403, "Forbidden", "You are not permitted to send Direct Messages to this user.")
        event = self._add_dm_event(self.brand, user, body.get("text", ""))
        self.dms.append(FakeDM(to=user.id, text=event.text, event_id=event.id))
        self._notify()
        return web.json_response({"data": {"dm_conversation_id": event.conversation_id,
                                           "dm_event_id": event.id}}, status=201, headers=headers)

    async def _dm_events(self, request: web.Request) -> web.Response:
        """``GET /2/dm_events``: the brand's DM events of the last 30 days, newest first, paginated."""
        _, headers, refused = self._enter(request, "dm_events", "dm_read", need_user=True)
        if refused:
            return refused
        q = request.query
        try:
            max_results = int(q.get("max_results", "100"))
            until = int(q["pagination_token"]) if "pagination_token" in q else None
        except ValueError:
            return self._problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        if not 1 <= max_results <= 100:
            return self._problem(400, "Invalid Request", "The `max_results` query parameter value is not between 1 and 100")
        types = set(filter(None, q.get("event_types", "").split(",")))
        if types - {"MessageCreate", "ParticipantsJoin", "ParticipantsLeave"}:
            return self._problem(400, "Invalid Request", "The `event_types` query parameter value is invalid")
        fields = set(filter(None, q.get("dm_event.fields", "").split(",")))
        events = sorted(self.dm_events, key=lambda e: int(e.id), reverse=True)
        events = [e for e in events if until is None or int(e.id) < until]  # only MessageCreate events exist here
        page, rest = events[:max_results], events[max_results:]
        meta: dict[str, Any] = {"result_count": len(page)}
        if rest:
            meta["next_token"] = page[-1].id
        body: dict[str, Any] = {"meta": meta}
        if page:
            body["data"] = [e.as_json(fields) for e in page]
            if "sender_id" in q.get("expansions", ""):
                body["includes"] = self._users_included({e.sender_id for e in page})
        return web.json_response(body, headers=headers)

    async def _hide(self, request: web.Request) -> web.Response:
        _, headers, refused = self._enter(request, "hide_reply", "write", need_user=True)
        if refused:
            return refused
        tweet = self.tweets.get(request.match_info["id"])
        body = await request.json()
        if tweet is None:
            return self._problem(404, "Not Found Error", "Could not find tweet")
        root = self.tweets.get(tweet.conversation_id)
        if tweet.in_reply_to_tweet_id is None or root is None or root.author_id != self.brand.id:
            return self._problem(403, "Forbidden", "You can only hide or unhide replies to conversations you authored.")
        hidden = bool(body.get("hidden"))
        (self.hidden.add if hidden else self.hidden.discard)(tweet.id)
        self._notify()
        return web.json_response({"data": {"hidden": hidden}}, headers=headers)
