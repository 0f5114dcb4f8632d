"""Fixtures: a Beacon on the real Telegram adapter against the fake Bot API, with announcement targets."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from announcements import plan, service
from beacon.app import Beacon
from beacon.config import Settings
from beacon.storage.models import OutboxItem
from tests.fakes.telegram import FakeChat, FakeTelegram, FakeUser

TOKEN = "7012345678:AAH3xq_TestTokenNeverLogged-9f8e7d6c5b4a"
BOT = "AcmeNewsBot"
VARIANTS = {"en": "Scheduled maintenance on 1 December, 02:00-04:00 UTC. Deposits pause meanwhile.",
            "zh": "系统将于12月1日02:00-04:00（UTC）维护，期间暂停充值。",
            "ru": "Плановые работы 1 декабря, 02:00-04:00 UTC. Пополнения на это время приостановлены."}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Community:
    """Groups per language on the fake, the bot an admin in each, and two managers."""

    fake: FakeTelegram
    chats: dict[str, list[FakeChat]] = field(default_factory=dict)
    managers: list[FakeUser] = field(default_factory=list)

    @property
    def all_chats(self) -> list[FakeChat]:
        return [c for chats in self.chats.values() for c in chats]

    def language_of(self, chat_id: int) -> str:
        return next(lang for lang, chats in self.chats.items() if any(c.id == chat_id for c in chats))


def build_community(fake: FakeTelegram, per_language: dict[str, int]) -> Community:
    owner = fake.add_user("Olga", username="olga")
    community = Community(fake=fake)
    community.managers = [fake.add_user("Mia", username="mia", started=True),
                          fake.add_user("Noah", username="noah", started=True)]
    for lang, n in per_language.items():
        community.chats[lang] = []
        for i in range(n):
            chat = fake.create_group(f"Acme {lang.upper()} {i}", owner=owner)
            fake.add_bot(chat, admin=True)
            community.chats[lang].append(chat)
    return community


def settings_values(fake: FakeTelegram, tmp_path: Path, community: Community, *, db_url: str | None = None,
                    telegram: dict[str, Any] | None = None, **announcements: Any) -> dict[str, Any]:
    """Config as a TOML file would hold it: targets "official-<lang>" per language and "official" for all."""
    targets = [{"name": f"official-{lang}", "language": lang,
                "chats": [{"platform": "telegram", "chat_id": str(c.id)} for c in chats]}
               for lang, chats in community.chats.items()]
    targets.append({"name": "official", "chats": [
        {"platform": "telegram", "chat_id": str(c.id), "language": lang}
        for lang, chats in community.chats.items() for c in chats]})
    return {
        "brand": {"name": "Acme Exchange", "official_domains": ["acme.example"], "bot_usernames": [BOT]},
        "staff": [{"platform": "telegram", "user_id": str(m.id), "username": m.username, "roles": ["manager"]}
                  for m in community.managers],
        "database": {"url": db_url or f"sqlite:///{tmp_path / 'beacon.db'}"},
        "bus": {"url": "memory://"},
        "telegram": {"token": fake.token, "base_url": fake.base_url, "poll_timeout_s": 1, **(telegram or {})},
        "workers": {"tick_s": 1},
        "announcements": {"targets": targets, **announcements},
    }


def settings_for(fake: FakeTelegram, tmp_path: Path, community: Community, **options: Any) -> Settings:
    return Settings(**settings_values(fake, tmp_path, community, **options))


def write_config(values: dict[str, Any], path: Path) -> Path:
    import tomli_w

    path.write_text(tomli_w.dumps(values), encoding="utf-8")
    return path


async def cli(config: Path, *args: str) -> Any:
    """Run ``beacon <args> --config <config>`` in-process (in a thread: the CLI runs its own event loop)."""
    import asyncio

    from typer.testing import CliRunner

    from beacon.cli import app

    return await asyncio.to_thread(CliRunner().invoke, app, [*args, "--config", str(config)])


async def wait_until(predicate: Callable[[], Any], timeout: float = 30.0, every: float = 0.1) -> Any:
    """Poll an async or plain predicate until truthy."""
    import asyncio
    import inspect

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if loop.time() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(every)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN, bot_username=BOT) as server:
        yield server


@asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[Beacon]:
    app = await Beacon.build(settings)
    await app.start()
    try:
        yield app
    finally:
        await app.stop()
        for adapter in app.adapters:
            await adapter.aclose()  # type: ignore[attr-defined]


def actor(settings: Settings, username: str) -> plan.Actor:
    found = service.actor_by_handle(settings, username)
    assert found is not None
    return found


async def in_tx(app: Beacon, work: Callable[..., Any]) -> Any:
    async with app.sessions() as session, session.begin():
        return await work(session)


async def outbox_rows(app: Beacon, prefix: str) -> list[OutboxItem]:
    async with app.sessions() as session:
        return list((await session.scalars(select(OutboxItem).where(OutboxItem.key.like(f"{prefix}%"))
                                           .order_by(OutboxItem.id))).all())
