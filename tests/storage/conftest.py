"""The storage suite runs on SQLite and PostgreSQL (each PostgreSQL test in its own schema)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from beacon.storage import db


@pytest.fixture(params=["sqlite", "postgresql"])
async def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path, unique_name: str) -> AsyncIterator[str]:
    """A URL to an empty database: a fresh SQLite file, or a fresh PostgreSQL schema (dropped after)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'beacon.db'}"
        return
    base = request.getfixturevalue("postgres_url")
    try:
        yield f"{base}?schema={unique_name}"
    finally:
        await db.drop_schema(base, unique_name)


@pytest.fixture
async def db_url(empty_db_url: str) -> str:
    """A migrated database."""
    await db.upgrade(empty_db_url)
    return empty_db_url


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = db.make_engine(db_url)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return db.make_sessionmaker(engine)
