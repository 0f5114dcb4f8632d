"""Fixtures for moderation journeys: a Beacon on the console adapter with moderation's handlers."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select, text

from beacon.app import Beacon
from beacon.config import Settings
from beacon.runner import publisher
from bots.console import ConsoleAdapter
from beacon.verdict import AnalysisInput, Verdict
from moderation.handlers import build_moderation_handlers
from moderation.models import AuditEntry, ModerationCase

# An invented brand: nothing here is a real community's brand, staff or corpus text.
SEED = "abandon ability able about above absent absorb abstract absurd abuse access accident"


def make_settings(database_url: str, **moderation: Any) -> Settings:
    return Settings(
        brand={"name": "Nimbus", "official_domains": ["nimbus.example"], "bot_usernames": ["NimbusHelpBot"]},
        staff=[
            {"platform": "console", "user_id": "nimbus_support", "display_name": "Nimbus Support",
             "username": "nimbus_support"},
            {"platform": "console", "user_id": "mia", "display_name": "Mia Moderator", "username": "mia",
             "roles": ["moderator"]},
            {"platform": "console", "user_id": "ada", "display_name": "Ada Agent", "username": "ada",
             "roles": ["agent"]},
        ],
        database={"url": database_url},
        moderation={"moderators_chats": {"console": "mods"}, **moderation},
    )


@dataclass
class Journey:
    """A running Beacon fed console lines; ``out`` is everything the bot did."""

    beacon: Beacon
    console: ConsoleAdapter
    sink: io.StringIO

    @property
    def out(self) -> str:
        return self.sink.getvalue()

    async def say(self, *lines: str) -> None:
        publish = publisher(self.beacon.bus)
        for line in lines:
            await self.console.feed(line, publish)
        assert await self.beacon.idle(settle_s=0.1)

    async def cases(self) -> list[ModerationCase]:
        async with self.beacon.sessions() as session:
            return list((await session.scalars(select(ModerationCase).order_by(ModerationCase.id))).all())

    async def audit(self) -> list[AuditEntry]:
        async with self.beacon.sessions() as session:
            return list((await session.scalars(select(AuditEntry).order_by(AuditEntry.id))).all())

    async def all_rows_text(self) -> str:
        return await all_rows_text(self.beacon)


async def all_rows_text(beacon: Beacon) -> str:
    """Every row of every table, as text (for "appears nowhere" checks)."""
    chunks: list[str] = []
    async with beacon.engine.connect() as conn:
        meta = MetaData()
        await conn.run_sync(lambda c: meta.reflect(c))
        for table in meta.sorted_tables:
            for row in (await conn.execute(text(f'SELECT * FROM "{table.name}"'))).all():
                chunks.append(json.dumps([_plain(v) for v in row], ensure_ascii=False, default=str))
    return "\n".join(chunks)


def _plain(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", errors="replace")
    return value


@pytest.fixture(scope="session")
def analyser() -> Callable[[AnalysisInput], Verdict]:
    """The real analysis pipeline for ``make_settings``' brand, built once (it takes about a second)."""
    from beacon.app import default_analyser

    return default_analyser(make_settings("sqlite://"))


@pytest.fixture
async def journey_factory(tmp_path: Path, analyser) -> AsyncIterator[Callable[..., Any]]:
    started: list[Beacon] = []

    async def start(settings: Settings | None = None, *, dm_first: bool = False, url: str | None = None,
                    **moderation: Any) -> Journey:
        from beacon.directory import track_directory

        shared = settings is None and not moderation
        settings = settings or make_settings(url or f"sqlite:///{tmp_path / 'beacon.db'}", **moderation)
        sink = io.StringIO()
        console = ConsoleAdapter(bot_username="NimbusHelpBot", sink=sink, dm_first=dm_first)
        beacon = await Beacon.build(settings, adapters=[console],
                                    handlers=[track_directory, *build_moderation_handlers(settings)],
                                    analyse=analyser if shared else None)
        await beacon.start()
        started.append(beacon)
        return Journey(beacon=beacon, console=console, sink=sink)

    yield start
    for beacon in started:
        await beacon.stop()
