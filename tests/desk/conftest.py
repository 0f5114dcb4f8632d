"""Fixtures for the support-desk tests: a Beacon on the console adapter with the real analysis pipeline."""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from beacon.app import Beacon
from beacon.config import Settings
from beacon.runner import publisher
from bots.console import ConsoleAdapter
from community.models import Ticket

BRAND = {"name": "Acme Exchange", "official_domains": ["acme.example"], "bot_usernames": ["AcmeHelpBot"],
         "help_centre_url": "https://help.acme.example"}
STAFF = [
    {"platform": "console", "user_id": "sam", "username": "sam", "display_name": "Sam", "alias": "Sam",
     "staff_number": "12"},
    {"platform": "console", "user_id": "kim", "username": "kim", "display_name": "Kim", "alias": "Kim",
     "staff_number": "7"},
    {"platform": "console", "user_id": "lea", "username": "lea", "display_name": "Lea", "alias": "Lea",
     "staff_number": "3"},
    {"platform": "console", "user_id": "mo", "username": "mo", "roles": ["moderator"]},
]
KB_DIR = Path(__file__).resolve().parents[2] / "examples" / "kb"


def teams_config() -> list[dict[str, Any]]:
    return [
        {"name": "payments", "categories": ["deposit_withdrawal"], "members": ["sam", "kim"], "lead": "lea",
         "chats": [{"platform": "console", "chat_id": "payments"}]},
        {"name": "payments-zh", "categories": ["deposit_withdrawal"], "languages": ["zh"], "members": ["kim"],
         "chats": [{"platform": "console", "chat_id": "payments-zh"}]},
        {"name": "security", "categories": ["account_security"], "members": ["lea"], "security": True,
         "chats": [{"platform": "console", "chat_id": "security"}]},
        {"name": "general", "members": ["sam"], "chats": [{"platform": "console", "chat_id": "general-staff"}]},
    ]


def desk_settings(tmp_path: Path, database_url: str | None = None, *, teams: bool = False,
                  **support: Any) -> Settings:
    support.setdefault("evidence", {"store_path": str(tmp_path / "files")})
    support.setdefault("kb", {"path": str(KB_DIR)})
    if teams:
        support["teams"] = teams_config()
    else:
        support.setdefault("fallback_chats", [{"platform": "console", "chat_id": "mods"}])
    support.setdefault("freeze_account_url", "https://acme.example/freeze")
    return Settings(brand=BRAND, staff=STAFF, database={"url": database_url or f"sqlite:///{tmp_path / 'desk.db'}"},
                    bus={"url": "memory://"}, support=support)


@dataclass
class Community:
    """A console community: ``say`` plays one line and returns what the bot printed because of it."""

    beacon: Beacon
    console: ConsoleAdapter
    sink: io.StringIO

    async def say(self, *lines: str) -> str:
        start = len(self.sink.getvalue())
        for line in lines:
            await self.console.feed(line, publisher(self.beacon.bus))
            assert await self.beacon.idle(), "the bot did not settle"
        return self.sink.getvalue()[start:]

    @property
    def output(self) -> str:
        return self.sink.getvalue()

    async def tickets(self) -> list[Ticket]:
        async with self.beacon.sessions() as session:
            return list((await session.scalars(select(Ticket).order_by(Ticket.id))).all())

    async def rows(self, model: type, *where: Any) -> list[Any]:
        async with self.beacon.sessions() as session:
            return list((await session.scalars(select(model).where(*where))).all())


def deep_link_payload(text: str) -> str:
    m = re.search(r"start=([A-Za-z0-9_-]+)", text)
    assert m, f"no deep link in {text!r}"
    return m.group(1)


def message_id(text: str, where: str) -> str:
    m = re.search(rf"bot → {re.escape(where)} \[(\d+)\]", text)
    assert m, f"no bot message in {where} in {text!r}"
    return m.group(1)


@pytest.fixture
async def community(tmp_path: Path) -> AsyncIterator[Community]:
    async with started(desk_settings(tmp_path)) as c:
        yield c


class started:
    """``async with started(settings) as community`` — the whole bot (default handlers) on the console."""

    def __init__(self, settings: Settings, members_started: tuple[str, ...] | list[str] = ()) -> None:
        self.settings = settings
        self.members_started = members_started

    async def __aenter__(self) -> Community:
        sink = io.StringIO()
        console = ConsoleAdapter(bot_username="AcmeHelpBot", sink=sink)
        for name in self.members_started:  # members who started the bot in an earlier run of the console
            console.state.member(name).started_bot = True
        beacon = await Beacon.build(self.settings, adapters=[console])
        await beacon.start()
        self.community = Community(beacon, console, sink)
        return self.community

    async def __aexit__(self, *exc: object) -> None:
        await self.community.beacon.stop()
