"""Fixtures for /link: the whole bot (default handlers) on the console, with moderators and a staff chat."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from beacon.config import Settings
from tests.desk.conftest import BRAND, KB_DIR, STAFF, Community, started

CODE = re.compile(r"Your link code: ([0-9A-Z]{4}-[0-9A-Z]{4})")


def link_settings(tmp_path: Path, database_url: str | None = None, **linking: object) -> Settings:
    return Settings(brand=BRAND, staff=STAFF, database={"url": database_url or f"sqlite:///{tmp_path / 'link.db'}"},
                    bus={"url": "memory://"},
                    support={"evidence": {"store_path": str(tmp_path / "files")}, "kb": {"path": str(KB_DIR)},
                             "fallback_chats": [{"platform": "console", "chat_id": "mods"}]},
                    moderation={"moderators_chats": {"console": "mods"}}, linking=linking)


def code_in(text: str) -> str:
    found = CODE.findall(text)
    assert found, f"no link code in {text!r}"
    return found[-1]


@pytest.fixture
async def console(tmp_path: Path) -> AsyncIterator[Community]:
    async with started(link_settings(tmp_path)) as community:
        yield community
