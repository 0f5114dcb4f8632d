"""Moderation's tables on SQLite and PostgreSQL: migrations up and down, the audit log append-only."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from beacon.storage import db
from moderation.records import Audit


async def _check(url: str) -> None:
    await db.upgrade(url)
    engine = db.make_engine(url)
    try:
        sessions = db.make_sessionmaker(engine)
        async with sessions() as session, session.begin():
            await Audit(at=datetime.now(timezone.utc), actor="beacon", action="delete", target="t",
                        reason="r", rule="policy:secret:delete", case_ref="abc").apply(session)
        for statement in ("UPDATE mod_audit SET actor = 'someone else'", "DELETE FROM mod_audit"):
            with pytest.raises(DBAPIError, match="append-only"):
                async with sessions() as session, session.begin():
                    await session.execute(text(statement))
        async with sessions() as session:
            assert await session.scalar(text("SELECT actor FROM mod_audit")) == "beacon"
    finally:
        await engine.dispose()
    # Down to the revision moderation branched from (taking whatever came after it), and up again.
    await db.downgrade(url, "0002_dm_state")
    engine = db.make_engine(url)
    try:
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: __import__("sqlalchemy").inspect(c).get_table_names())
    finally:
        await engine.dispose()
    assert not [t for t in tables if t.startswith("mod_")]
    await db.upgrade(url)


async def test_sqlite(tmp_path: Path) -> None:
    await _check(f"sqlite:///{tmp_path / 'm.db'}")


async def test_postgresql(postgres_url: str, unique_name: str) -> None:
    url = f"{postgres_url}?schema={unique_name}"
    try:
        await _check(url)
    finally:
        await db.drop_schema(postgres_url, unique_name)
