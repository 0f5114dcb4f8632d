"""Schema by migrations: up from empty, down and up again, models and migrations agree."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from beacon.storage import db
from beacon.storage.models import metadata

ENV_PY = Path(db.MIGRATIONS_DIR) / "env.py"

KERNEL_TABLES = {
    "platform_users", "chats", "persons", "person_links", "processed_events", "outbox", "bus_groups", "bus_inbox",
    "dead_letters",
}


def _model_modules_of_the_migration_environment() -> list[str]:
    """The modules env.py imports for their tables, so this test sees the metadata autogenerate sees."""
    tree = ast.parse(ENV_PY.read_text(encoding="utf-8"))
    return [alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names]


async def _tables(url: str) -> set[str]:
    engine = db.make_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


async def test_upgrade_from_empty_creates_every_kernel_table(empty_db_url: str) -> None:
    assert await db.current_revision(empty_db_url) is None
    assert await db.upgrade(empty_db_url) == db.head_revision()
    assert await db.current_revision(empty_db_url) == db.head_revision()
    assert KERNEL_TABLES <= await _tables(empty_db_url)
    assert await db.upgrade(empty_db_url) == db.head_revision()  # a second upgrade is a no-op


async def test_models_and_migrations_agree(db_url: str) -> None:
    """Every table the code defines is exactly what the migrations build (kernel and packages)."""
    for module in _model_modules_of_the_migration_environment():
        importlib.import_module(module)
    engine = db.make_engine(db_url)
    try:
        async with engine.connect() as conn:
            diffs = await conn.run_sync(
                lambda c: compare_metadata(MigrationContext.configure(c, opts={"compare_type": True}), metadata)
            )
    finally:
        await engine.dispose()
    assert diffs == [], "models and migrations disagree (a model without a revision, or the reverse)"


async def test_downgrade_to_base_then_up_again(db_url: str) -> None:
    assert await db.downgrade(db_url, "base") is None
    assert not (KERNEL_TABLES & await _tables(db_url))
    assert await db.upgrade(db_url) == db.head_revision()
    assert KERNEL_TABLES <= await _tables(db_url)


async def test_ensure_schema_migrates_sqlite_and_asks_for_upgrade_on_postgresql(empty_db_url: str) -> None:
    if db.is_sqlite(empty_db_url):
        assert await db.ensure_schema(empty_db_url) == db.head_revision()
        assert await db.current_revision(empty_db_url) == db.head_revision()
    else:
        with pytest.raises(db.SchemaNotReady, match="beacon db upgrade"):
            await db.ensure_schema(empty_db_url)
        await db.upgrade(empty_db_url)
        assert await db.ensure_schema(empty_db_url) == db.head_revision()


async def test_postgresql_schema_option_keeps_tables_in_that_schema(postgres_url: str, unique_name: str) -> None:
    try:
        await db.upgrade(postgres_url, schema=unique_name)
        engine = db.make_engine(postgres_url)
        try:
            async with engine.connect() as conn:
                found = set((await conn.execute(
                    text("SELECT table_name FROM information_schema.tables WHERE table_schema = :s"), {"s": unique_name}
                )).scalars())
        finally:
            await engine.dispose()
        assert KERNEL_TABLES | {"alembic_version"} <= found
        assert await db.current_revision(f"{postgres_url}?schema={unique_name}") == db.head_revision()
    finally:
        await db.drop_schema(postgres_url, unique_name)


def test_urls_as_written_in_config() -> None:
    assert db.async_url("sqlite:///beacon.db")[0].drivername == "sqlite+aiosqlite"
    url, schema = db.async_url("postgresql://u:secret@h:5432/d?schema=s1")
    assert (url.drivername, schema) == ("postgresql+asyncpg", "s1")
    assert "schema" not in url.query
    assert db.async_url("postgres://h/d")[0].drivername == "postgresql+asyncpg"
    with pytest.raises(ValueError, match="unsupported database URL"):
        db.async_url("mysql://u:p@h/d")
    with pytest.raises(ValueError, match="invalid PostgreSQL schema"):
        db.async_url("postgresql://h/d?schema=x;drop")
    assert "secret" not in db.safe_url("postgresql://u:secret@h:5432/d")
