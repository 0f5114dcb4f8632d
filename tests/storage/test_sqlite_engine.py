"""SQLite engine specifics: statements inline inside write transactions, one in-process write lock per file."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

from sqlalchemy import func, select, text

from beacon.storage import db, idempotency
from beacon.storage.models import ProcessedEvent


async def test_concurrent_writers_of_one_file_take_turns_across_engines(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'beacon.db'}"
    await db.upgrade(url)
    engines = [db.make_engine(url), db.make_engine(url)]
    makers = [db.make_sessionmaker(e) for e in engines]
    numbers: list[int] = []

    async def next_number(i: int) -> None:
        # Read-modify-write: correct only when writers never overlap.
        async with makers[i % 2]() as session, session.begin():
            count = await session.scalar(select(func.count()).select_from(ProcessedEvent))
            numbers.append(int(count))
            await asyncio.sleep(0)  # yield inside the transaction: the others must still wait
            await idempotency.claim(session, f"n{count}")

    try:
        await asyncio.gather(*(next_number(i) for i in range(30)))
        assert sorted(numbers) == list(range(30))
    finally:
        for engine in engines:
            await engine.dispose()


async def test_a_writer_waiting_for_another_process_does_not_block_the_event_loop(tmp_path: Path) -> None:
    path = tmp_path / "beacon.db"
    url = f"sqlite:///{path}"
    await db.upgrade(url)
    engine = db.make_engine(url)
    sessions = db.make_sessionmaker(engine)
    holding, release = threading.Event(), threading.Event()

    def other_process() -> None:  # another connection (as another process would) holds the write lock
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        holding.set()
        release.wait(10)
        conn.execute("COMMIT")
        conn.close()

    order: list[str] = []

    async def write() -> None:
        async with sessions() as session, session.begin():
            await idempotency.claim(session, "k")
        order.append("written")

    holder = threading.Thread(target=other_process)
    holder.start()
    try:
        await asyncio.get_running_loop().run_in_executor(None, holding.wait)
        writer = asyncio.create_task(write())
        await asyncio.sleep(0.2)  # returns only if the waiting BEGIN left the loop free
        order.append("loop ran")
        assert not writer.done()
        release.set()
        await asyncio.wait_for(writer, 10)
        assert order == ["loop ran", "written"]
        async with sessions() as session:
            assert await session.scalar(text("SELECT count(*) FROM processed_events")) == 1
    finally:
        release.set()
        holder.join()
        await engine.dispose()


async def test_a_rolled_back_transaction_frees_the_write_lock(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'beacon.db'}"
    await db.upgrade(url)
    engine = db.make_engine(url)
    sessions = db.make_sessionmaker(engine)
    try:
        for _ in range(3):
            try:
                async with sessions() as session, session.begin():
                    await idempotency.claim(session, "rolled back")
                    raise RuntimeError("handler failed")
            except RuntimeError:
                pass
        lock = db.sqlite_write_lock(str(tmp_path / "beacon.db"))
        assert lock is not None and not lock.locked()
        async with sessions() as session, session.begin():
            assert await idempotency.claim(session, "rolled back")
    finally:
        await engine.dispose()
