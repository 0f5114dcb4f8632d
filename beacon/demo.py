"""``beacon demo``: the whole bot on the console adapter (scriptable through stdin), or on every platform at once
against the local fakes of Telegram, Discord and X (``--platforms``), printing what each platform saw."""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

from beacon.config import Settings

BANNER = """Beacon demo: you play the community, the bot answers on lines starting with "bot".
  @alice: my withdrawal is stuck        post in #general      dm @alice: /start <payload>   DM the bot
  #vip @bob: hi                        post in #vip          press @alice #general 3 <data>  press a button
  join #general @eve "OKX Support"     a member joins        admin #general                  make the bot admin
Ctrl-D to quit."""

PLATFORMS = ("telegram", "discord", "x")


async def run_demo(settings: Settings, script: Path | None = None) -> None:
    from beacon.app import Beacon
    from bots.console import ConsoleAdapter

    source = open(script, encoding="utf-8") if script else sys.stdin  # noqa: SIM115 - closed below
    if source.isatty():
        print(BANNER, file=sys.stderr)
    bot_name = settings.brand.bot_usernames[0] if settings.brand.bot_usernames else "beacon_bot"
    console = ConsoleAdapter(bot_username=bot_name, source=source, sink=sys.stdout)
    beacon = await Beacon.build(settings, adapters=[console])
    await beacon.start()
    try:
        await console.input_done.wait()
        await beacon.idle()
    finally:
        await beacon.stop()
        if script:
            source.close()


# ----- every platform against the fakes ---------------------------------------------------------------------

# The members' words. The seed phrase is a valid BIP-39 phrase; the transcript never prints it (nor does the bot).
REQUEST_TG = "my withdrawal of 300 USDT has been stuck for 6 hours, my UID is 55501234"
REQUEST_DC = "I deposited 0.5 ETH three hours ago and it still has not arrived, please help"
REQUEST_X = "my withdrawal of 120 USDT is pending since this morning, my email is erin.k@mail.example"
SEED = "abandon ability able about above absent absorb abstract absurd abuse access accident"
ANNOUNCEMENT = "Scheduled maintenance: deposits and withdrawals pause on Sunday 02:00-03:00 UTC."


class DemoUnavailable(RuntimeError):
    """The platform demo needs the fakes of a source checkout (tests/fakes)."""


def load_fakes() -> dict[str, ModuleType]:
    """tests/fakes/{telegram,discord,x}.py of the checkout this Beacon runs from (an editable install)."""
    root = Path(__file__).resolve().parents[1]
    if not (root / "tests" / "fakes" / "telegram.py").is_file():
        raise DemoUnavailable("`beacon demo --platforms` plays against the platform fakes in tests/fakes: "
                              "run it from a source checkout of Beacon (pip install -e .)")
    if str(root) not in sys.path:
        sys.path.append(str(root))  # after site-packages: an installed package named "tests" would shadow…
    import importlib

    modules = {name: importlib.import_module(f"tests.fakes.{name}") for name in PLATFORMS}
    if Path(modules["telegram"].__file__ or "").resolve().parents[2] != root:  # …so make sure it is ours
        raise DemoUnavailable(f"another package named 'tests' shadows {root / 'tests'}")
    return modules


def parse_platforms(value: str) -> list[str]:
    """``telegram,x`` → ["telegram", "x"]; ``all`` → every platform; unknown names raise ValueError."""
    names = [p.strip().lower() for p in value.split(",") if p.strip()]
    if names == ["all"]:
        return list(PLATFORMS)
    unknown = sorted(set(names) - set(PLATFORMS))
    if unknown or not names:
        raise ValueError(f"--platforms takes {', '.join(PLATFORMS)} or all; got {value!r}")
    return [p for p in PLATFORMS if p in names]


def _lines(text: str, limit: int = 8) -> str:
    """A multi-line message on indented lines, cut after ``limit`` lines."""
    rows = [r for r in (text or "").splitlines() if r.strip()] or [""]
    more = len(rows) - limit
    rows = rows[:limit] + ([f"… ({more} more lines)"] if more > 0 else [])
    return "\n        ".join(rows)


class Transcript:
    """Prints the members' acts and, after each, what the bot did on every platform (read from the fakes)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.watchers: list[Callable[[], list[str]]] = []

    def section(self, title: str) -> None:
        print(f"\n== {title} ==", file=self.out, flush=True)

    def member(self, platform: str, text: str) -> None:
        print(f"[{platform}] {text}", file=self.out, flush=True)

    def flush(self) -> None:
        for watch in self.watchers:
            for line in watch():
                print(line, file=self.out, flush=True)


def _telegram_watcher(fake: Any) -> Callable[[], list[str]]:
    seen = 0

    def where(chat_id: int | None) -> str:
        if chat_id is None:
            return "?"
        chat = fake.chats.get(chat_id)
        if chat is not None:
            return chat.title
        user = fake.users.get(chat_id)
        return f"dm @{user.username or user.first_name}" if user is not None else str(chat_id)

    def watch() -> list[str]:
        nonlocal seen
        new, seen = fake.actions[seen:], len(fake.actions)
        out = []
        for a in new:
            buttons = " ".join(f"[{b['text']} → {b['url']}]" if "url" in b else f"[{b['text']}]"
                               for row in a.buttons for b in row)
            if a.kind == "sent" and a.media:
                out.append(f"[telegram] bot → {where(a.chat_id)}: a {a.media} {_lines(a.text or '', 1)}".rstrip())
            elif a.kind == "sent":
                reply = " (reply)" if a.reply_to else ""
                out.append(f"[telegram] bot → {where(a.chat_id)}{reply}: {_lines(a.text or '')} {buttons}".rstrip())
            elif a.kind == "edited":
                out.append(f"[telegram] bot edited its message in {where(a.chat_id)}: {_lines(a.text or '', 2)}")
            elif a.kind == "deleted":
                out.append(f"[telegram] bot deleted message {a.message_id} in {where(a.chat_id)}")
            elif a.kind in ("banned", "unbanned", "restricted"):
                user = fake.users.get(a.user_id)
                name = f"@{user.username or user.first_name}" if user else str(a.user_id)
                out.append(f"[telegram] bot {a.kind} {name} in {where(a.chat_id)}")
            elif a.kind == "pinned":
                out.append(f"[telegram] bot pinned a message in {where(a.chat_id)}")
            elif a.kind == "answered" and a.text:
                out.append(f"[telegram] bot answered a button press: {a.text}")
        return out

    return watch


_DC_CHANNEL = re.compile(r"^/channels/(\d+)/")
_DC_MEMBER = re.compile(r"^/guilds/(\d+)/(?:bans|members)/(\d+)")


def _discord_watcher(fake: Any) -> Callable[[], list[str]]:
    seen = 0

    def where(channel_id: int) -> str:
        channel = fake.channels.get(channel_id)
        if channel is None:
            dm = next((c for c in fake.dm_channels.values() if c.id == channel_id), None)
            return f"dm @{dm.recipient.username}" if dm is not None and dm.recipient else str(channel_id)
        if channel.recipient is not None:
            return f"dm @{channel.recipient.username}"
        if channel.parent_id is not None:
            return f"post “{channel.name}”" if channel.type != 12 else f"private thread “{channel.name}”"
        return f"#{channel.name}"

    def user(user_id: int) -> str:
        found = fake.users.get(user_id)
        return f"@{found.username}" if found else str(user_id)

    def watch() -> list[str]:
        nonlocal seen
        new, seen = fake.calls[seen:], len(fake.calls)
        out = []
        for c in new:
            if c.status >= 300:
                continue
            channel = _DC_CHANNEL.match(c.path)
            member = _DC_MEMBER.match(c.path)
            body = c.body if isinstance(c.body, dict) else {}
            if c.route == "POST /channels/{channel_id}/messages" and channel:
                labels = " ".join(f"[{b.get('label')}" + (f" → {b['url']}]" if b.get("url") else "]")
                                  for row in body.get("components") or [] for b in row.get("components", []))
                reply = " (reply)" if body.get("message_reference") else ""
                out.append(f"[discord] bot → {where(int(channel[1]))}{reply}: {_lines(body.get('content') or '')} "
                           f"{labels}".rstrip())
            elif c.route == "PATCH /channels/{channel_id}/messages/{message_id}" and channel:
                out.append(f"[discord] bot edited its message in {where(int(channel[1]))}: "
                           f"{_lines(body.get('content') or '', 2)}")
            elif c.route == "DELETE /channels/{channel_id}/messages/{message_id}" and channel:
                out.append(f"[discord] bot deleted a message in {where(int(channel[1]))}")
            elif c.route == "POST /channels/{channel_id}/messages/{message_id}/crosspost" and channel:
                out.append(f"[discord] bot published (crossposted) its message in {where(int(channel[1]))}")
            elif c.route == "POST /channels/{channel_id}/threads" and channel:
                out.append(f"[discord] bot opened a thread under {where(int(channel[1]))}: {body.get('name')}")
            elif c.route == "PUT /guilds/{guild_id}/bans/{user_id}" and member:
                out.append(f"[discord] bot banned {user(int(member[2]))} from the server")
            elif c.route == "PATCH /guilds/{guild_id}/members/{user_id}" and member:
                out.append(f"[discord] bot timed out {user(int(member[2]))}")
            elif c.route.startswith("POST /interactions/"):
                data = body.get("data") or {}
                if data.get("content"):
                    out.append(f"[discord] bot answered a button press: {data['content']}")
        return out

    return watch


def _x_watcher(fake: Any) -> Callable[[], list[str]]:
    seen_tweets: set[str] = set(fake.tweets)
    seen_dms = len(fake.dms)
    seen_hidden: set[str] = set(fake.hidden)

    def watch() -> list[str]:
        nonlocal seen_dms, seen_hidden
        out = []
        for tweet_id, tweet in list(fake.tweets.items()):
            if tweet_id in seen_tweets:
                continue
            seen_tweets.add(tweet_id)
            if tweet.author_id != fake.brand.id:
                continue
            if tweet.in_reply_to_tweet_id:
                to = fake.users.get(fake.tweets[tweet.in_reply_to_tweet_id].author_id)
                out.append(f"[x] bot → reply to @{to.username if to else '?'}: {_lines(tweet.text)}")
            else:
                out.append(f"[x] bot → posted: {_lines(tweet.text)}")
        for dm in fake.dms[seen_dms:]:
            to = fake.users.get(dm.to)
            out.append(f"[x] bot → dm @{to.username if to else dm.to}: {_lines(dm.text)}")
        seen_dms = len(fake.dms)
        for tweet_id in sorted(set(fake.hidden) - seen_hidden):
            author = fake.users.get(fake.tweets[tweet_id].author_id) if tweet_id in fake.tweets else None
            out.append(f"[x] bot hid the reply of @{author.username if author else '?'}")
        seen_hidden = set(fake.hidden)
        return out

    return watch


async def _until(predicate: Callable[[], Any], timeout: float = 30.0) -> Any:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if loop.time() > deadline:
            raise TimeoutError("the demo waited too long for the bot")
        await asyncio.sleep(0.05)


async def run_platform_demo(settings: Settings, platforms: list[str], out: TextIO | None = None) -> float:
    """Start the fakes, point the real adapters at them, play the scenes; returns the wall time in seconds."""
    started = time.perf_counter()
    out = out or sys.stdout
    fakes = load_fakes()
    with tempfile.TemporaryDirectory(prefix="beacon-demo-") as tmp:
        async with contextlib.AsyncExitStack() as stack:
            demo = _PlatformDemo(settings, platforms, fakes, Path(tmp), Transcript(out))
            await demo.start(stack)
            await demo.play()
    elapsed = time.perf_counter() - started
    print(f"\ndemo finished in {elapsed:.1f} s ({', '.join(platforms)} against the local fakes)", file=out)
    return elapsed


class _PlatformDemo:
    """The fakes, a Beacon with the real adapters and default handlers, and the scenes played on them."""

    def __init__(self, settings: Settings, platforms: list[str], fakes: dict[str, ModuleType], tmp: Path,
                 transcript: Transcript) -> None:
        self.base = settings
        self.platforms = platforms
        self.fakes = fakes
        self.tmp = tmp
        self.t = transcript
        self.bot = next((h for h in settings.brand.bot_usernames if h.lower().endswith("bot")), "AcmeHelpBot")
        self.tg: Any = None
        self.dc: Any = None
        self.x: Any = None
        self.app: Any = None
        self.x_adapter: Any = None

    # ----- set-up ---------------------------------------------------------------------------------------

    async def start(self, stack: contextlib.AsyncExitStack) -> None:
        from beacon.app import Beacon

        values: dict[str, Any] = {
            "brand": self.base.brand.model_dump(mode="python"),
            "database": {"url": f"sqlite:///{self.tmp / 'beacon-demo.db'}"}, "bus": {"url": "memory://"},
            "logging": self.base.logging.model_dump(mode="python"),
            "support": {"evidence": {"store_path": str(self.tmp / "files")}},
            "staff": [], "announcements": {"targets": [{"name": "everywhere", "language": "en", "chats": []}]},
        }
        targets = values["announcements"]["targets"][0]["chats"]
        if "telegram" in self.platforms:
            tg_mod = self.fakes["telegram"]
            self.tg = await stack.enter_async_context(tg_mod.FakeTelegram(
                token="7012345678:AAH3xq_DemoTokenNeverShown-9f8e7d6c5b4a", bot_username=self.bot,
                private_limit=tg_mod.RateLimit(30, 1.0)))
            owner = self.tg.add_user("Olga", username="olga")
            self.sam = self.tg.add_user("Sam", username="sam", started=True)
            self.tg_group = self.tg.create_group("Acme EN", owner=owner)
            self.tg_mods = self.tg.create_group("Acme support staff", owner=owner)
            self.tg.set_member(self.tg_mods, self.sam)
            values["staff"].append({"platform": "telegram", "user_id": str(self.sam.id), "display_name": "Sam",
                                    "username": "sam", "alias": "Sam", "staff_number": "12"})
            values["telegram"] = {"token": self.tg.token, "base_url": self.tg.base_url,
                                  "moderators_chat_id": self.tg_mods.id, "poll_timeout_s": 1}
            targets.append({"platform": "telegram", "chat_id": str(self.tg_group.id)})
        if "discord" in self.platforms:
            dc_mod = self.fakes["discord"]
            self.dc = await stack.enter_async_context(dc_mod.FakeDiscord(
                token="MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZw.DemoTokenNeverShown_0a1b2c3d4e5f",
                route_limit=dc_mod.RateLimit(50, 1.0)))
            self.guild = self.dc.create_guild("Acme", owner=self.dc.add_user("olga"))
            self.dc_general = self.dc.create_channel(self.guild, "general", system=True)
            self.dc_forum = self.dc.create_channel(self.guild, "help", kind="forum")
            self.dc_news = self.dc.create_channel(self.guild, "announcements", kind="announcement")
            dc_support = self.dc.create_channel(self.guild, "support")
            dc_mods = self.dc.create_channel(self.guild, "moderators")
            values["discord"] = {"token": self.dc.token, "api_base": self.dc.api_base,
                                 "gateway_url": self.dc.gateway_url, "moderators_channel_id": str(dc_mods.id),
                                 "support_channel_id": str(dc_support.id)}
            targets.append({"platform": "discord", "chat_id": str(self.dc_news.id)})
        if "x" in self.platforms:
            x_mod = self.fakes["x"]
            handle = next((h for h in self.base.brand.bot_usernames if not h.lower().endswith("bot")), "AcmeHelp")
            self.x = await stack.enter_async_context(x_mod.FakeX(brand_username=handle))
            values["x"] = {"user_id": self.x.brand.id, "bearer_token": self.x.bearer_token,
                           "consumer_key": self.x.consumer_key, "consumer_secret": "demo-consumer-secret-0123456789",
                           "access_token": self.x.access_token, "access_token_secret": "demo-access-secret-0123456789",
                           "api_url": self.x.api_url, "poll_interval_s": 0.2, "rate_window_s": 1.0}
            targets.append({"platform": "x", "chat_id": self.x.brand.id})
        self.settings = Settings(**values)

        adapters: list[Any] = []
        if self.tg is not None:
            from bots.telegram import TelegramAdapter

            adapters.append(TelegramAdapter.from_settings(self.settings))
        if self.dc is not None:
            from bots.discord import DiscordAdapter

            adapters.append(DiscordAdapter.from_settings(self.settings, guild_ready_timeout=0.05))
        if self.x is not None:
            from bots.x import XAdapter

            self.x_adapter = XAdapter.from_settings(self.settings)
            adapters.append(self.x_adapter)
        for adapter in adapters:
            stack.push_async_callback(adapter.aclose)
        self.app = await Beacon.build(self.settings, adapters=adapters)
        stack.push_async_callback(self.app.stop)
        await self.app.start()
        if self.tg is not None:
            self.tg.add_bot(self.tg_group, admin=True)
            self.tg.add_bot(self.tg_mods)
            self.t.watchers.append(_telegram_watcher(self.tg))
        if self.dc is not None:
            await self.dc.wait_connected(timeout=30)
            self.t.watchers.append(_discord_watcher(self.dc))
        if self.x is not None:
            await _until(lambda: self.x_adapter.polls >= 1)  # the baseline poll: older mentions are not answered
            self.t.watchers.append(_x_watcher(self.x))
        await self.settle()
        self.t.flush()

    async def settle(self) -> None:
        for _ in range(3):
            await asyncio.sleep(0.1)
            await self.app.idle(settle_s=0.3, timeout_s=30)
            if self.tg is None or self.tg.pending_updates == 0:
                break

    async def step(self, predicate: Callable[[], Any] | None = None) -> Any:
        value = await _until(predicate) if predicate is not None else None
        await self.settle()
        self.t.flush()
        return value

    # ----- scenes ---------------------------------------------------------------------------------------

    async def play(self) -> None:
        if self.tg is not None:
            await self.telegram_scene()
        if self.dc is not None:
            await self.discord_scene()
        if self.x is not None:
            await self.x_scene()
        if self.tg is not None and self.dc is not None:
            await self.link_scene()
        await self.announcement_scene()

    async def telegram_scene(self) -> None:
        tg, group = self.tg, self.tg_group
        self.t.section("Telegram: a support request moves to a private chat and a ticket")
        self.ann = tg.add_user("Ann", username="ann_k")
        self.t.member("telegram", f"@ann_k in {group.title}: {REQUEST_TG}")
        tg.post(group, self.ann, REQUEST_TG)
        [reply] = await self.step(lambda: tg.sent(group))
        payload = next(u.split("start=", 1)[1] for u in reply.button_urls if "start=" in u)
        self.t.member("telegram", "@ann_k taps “Continue privately” and starts the bot")
        tg.start_bot(self.ann, payload)
        cards = await self.step(lambda: [a for a in tg.sent(self.tg_mods) if "Ticket #" in (a.text or "")])
        self.t.member("telegram", f"@sam in {self.tg_mods.title}, replying to the card: we see your transfer, "
                                  "one more confirmation is needed")
        tg.post(self.tg_mods, self.sam, "We see your transfer, one more confirmation is needed.",
                reply_to=cards[0].message_id)
        await self.step(lambda: [a for a in tg.sent(self.ann) if "confirmation" in (a.text or "")])

        self.t.section("Telegram: a seed phrase posted in public is deleted at once")
        bob = tg.add_user("Bob", username="bob_b")
        self.t.member("telegram", f"@bob_b in {group.title}: “backup: ” and his 12-word seed phrase (not shown)")
        posted = tg.post(group, bob, f"backup: {SEED}")
        await self.step(lambda: tg.actions_of("deleted", group) and posted)

    async def discord_scene(self) -> None:
        dc = self.dc
        self.t.section("Discord: a forum post asking for help becomes a DM and a ticket")
        carl = dc.add_member(self.guild, dc.add_user("carl"))
        self.t.member("discord", f"@carl opens the forum post “Deposit missing” in #help: {REQUEST_DC}")
        thread, _ = dc.forum_post(self.dc_forum, carl, "Deposit missing", REQUEST_DC)
        await self.step(lambda: dc.sent(thread) and [m for m in dc.sent(carl) if "Ticket #" in m["content"]])

        self.t.section("Discord: a seed phrase posted in #general is deleted, the author warned privately")
        dana = dc.add_member(self.guild, dc.add_user("dana"))
        self.t.member("discord", "@dana in #general: “my words: ” and her 12-word seed phrase (not shown)")
        posted = dc.post(self.dc_general, dana, f"my words: {SEED}")
        await self.step(lambda: dc.was_deleted(self.dc_general, int(posted["id"])) and dc.sent(dana))

    async def x_scene(self) -> None:
        x = self.x
        self.t.section("X: a mention asking for help gets a public reply without private details, then a DM")
        erin = x.add_user("erin", name="Erin")
        self.t.member("x", f"@erin mentions @{x.brand.username}: {REQUEST_X}")
        mention = x.post_mention(erin, REQUEST_X)
        await self.step(lambda: x.replies(mention) and x.dms_to(erin))

        self.t.section("X: a seed phrase replying to the brand's post is hidden")
        root = x.brand_post("Maintenance tonight from 22:00 UTC.")
        self.t.watchers[-1]()  # the brand's own post is the scene's setting, not the bot's doing
        finn = x.add_user("finn", name="Finn")
        self.t.member("x", f"@finn replies to @{x.brand.username}'s post with his 12-word seed phrase (not shown)")
        leaked = x.post(finn, f"@{x.brand.username} is my wallet safe? {SEED}", reply_to=root)
        await self.step(lambda: leaked.id in x.hidden)

    async def link_scene(self) -> None:
        tg, dc = self.tg, self.dc
        self.t.section("One person on two platforms: /link in the Telegram DM, the code redeemed in the Discord DM")
        self.t.member("telegram", "@ann_k in the bot's DM: /link")
        tg.private(self.ann, "/link")
        texts = await self.step(lambda: [a.text for a in tg.sent(self.ann) if "/link " in (a.text or "")])
        code = re.search(r"/link ([0-9A-Z]{4}-[0-9A-Z]{4})", texts[-1])[1]  # type: ignore[index]
        ann_dc = dc.add_member(self.guild, dc.add_user("ann"))
        self.t.member("discord", f"@ann in the bot's DM: /link {code}")
        dc.dm(ann_dc, f"/link {code}")
        await self.step(lambda: [a for a in tg.sent(self.ann) if "now linked" in (a.text or "")])
        self.t.member("discord", "@ann in the bot's DM: /status")
        dc.dm(ann_dc, "/status")
        await self.step(lambda: [m for m in dc.sent(ann_dc) if "#1" in m["content"]])

    async def announcement_scene(self) -> None:
        from announcements import plan, service

        self.t.section(f"An announcement to {', '.join(p.capitalize() for p in self.platforms)} at once")
        self.t.member("cli", f"a manager sends a maintenance notice to the target “everywhere”: {ANNOUNCEMENT}")
        caps = {a.platform: a.capabilities for a in self.app.adapters}
        manager = plan.Actor(key="demo:manager", label="the demo's manager")  # as `beacon announce send --as`
        now = datetime.now(timezone.utc)
        async with self.app.sessions() as session, session.begin():
            created = await service.create(session, self.settings, service.NewAnnouncement(
                kind="maintenance", texts={"en": ANNOUNCEMENT}, default_lang="en", targets=["everywhere"]),
                manager, now, submit=False)
            await service.send_now(session, self.settings, caps, created.id, manager, now)

        def everywhere() -> bool:
            return ((self.tg is None or any(ANNOUNCEMENT[:20] in (a.text or "") for a in self.tg.sent(self.tg_group)))
                    and (self.dc is None or any(ANNOUNCEMENT[:20] in m["content"] for m in self.dc.sent(self.dc_news)))
                    and (self.x is None or any(ANNOUNCEMENT[:20] in t.text for t in self.x.tweets.values()
                                               if t.author_id == self.x.brand.id)))

        for dispatcher in self.app.dispatchers:
            dispatcher.wake()
        await self.step(everywhere)
