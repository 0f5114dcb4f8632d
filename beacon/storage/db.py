"""Engines, sessions and schema: async SQLAlchemy engines for SQLite/PostgreSQL, migrations by Alembic."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sqlite3
import threading
import weakref
import zlib
from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path
from typing import Any

import aiosqlite
from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import StaticPool

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
PING = text("SELECT 1")
SQLITE_BUSY_TIMEOUT_MS = 30_000
# How long a writer waits for the in-process write lock before leaving it to SQLite's busy timeout.
SQLITE_WRITE_LOCK_WAIT_S = 5.0
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class SchemaNotReady(RuntimeError):
    """The database is not at the schema this code needs (run ``beacon db upgrade``)."""


def safe_url(url: str) -> str:
    """The URL with any password masked, fit for logs and error messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL still must not leak what it holds
        return re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", url)


def is_sqlite(url: str) -> bool:
    return url.split(":", 1)[0].split("+", 1)[0] == "sqlite"


def async_url(url: str, schema: str | None = None) -> tuple[URL, str | None]:
    """Config URL → (async driver URL, PostgreSQL schema).

    ``sqlite:///x.db`` gets aiosqlite and ``postgresql://`` (or ``postgres://``) asyncpg, so URLs
    work as an operator writes them. A ``?schema=name`` query parameter on a PostgreSQL URL (or the
    ``schema`` argument, which wins) puts tables, migrations and queries in that schema.
    """
    parsed = make_url(url)
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "sqlite":
        if driver not in ("", "aiosqlite"):
            raise ValueError(f"unsupported SQLite driver {driver!r}: use sqlite:///path.db")
        return parsed.set(drivername="sqlite+aiosqlite"), None
    if backend in ("postgresql", "postgres"):
        if driver not in ("", "asyncpg"):
            raise ValueError(f"unsupported PostgreSQL driver {driver!r}: use postgresql://…")
        query = dict(parsed.query)
        from_query = query.pop("schema", None)
        chosen = schema or (from_query if isinstance(from_query, str) else None)
        if chosen is not None and not _SCHEMA_NAME.match(chosen):
            raise ValueError(f"invalid PostgreSQL schema name {chosen!r}")
        return parsed.set(drivername="postgresql+asyncpg", query=query), chosen
    raise ValueError(f"unsupported database URL {safe_url(url)}: use sqlite:///path.db or postgresql://…")


def make_engine(url: str, *, schema: str | None = None, echo: bool = False, **options: Any) -> AsyncEngine:
    """An async engine for a config URL (see ``async_url``); extra options go to SQLAlchemy."""
    driver_url, chosen_schema = async_url(url, schema)
    if driver_url.get_backend_name() == "sqlite":
        return _sqlite_engine(driver_url, echo=echo, **options)
    connect_args: dict[str, Any] = dict(options.pop("connect_args", {}))
    if chosen_schema is not None:
        settings = dict(connect_args.get("server_settings", {}))
        settings["search_path"] = chosen_schema
        connect_args["server_settings"] = settings
    options.setdefault("pool_pre_ping", True)
    return create_async_engine(driver_url, echo=echo, connect_args=connect_args, **options)


_write_locks: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]]" = (
    weakref.WeakKeyDictionary()
)


def sqlite_write_lock(database: str | None) -> asyncio.Lock | None:
    """The running loop's lock for the writers of one SQLite file (None for an in-memory database).

    SQLite has one writer at a time; a connection that finds the write lock taken sleeps in its
    busy handler (1, 2, 5 … 100 ms) and looks again, so a few concurrent writers in one process
    spend most of their time asleep while the lock is free. Taking this FIFO lock first, every
    writer of the process (sessions, the bus inbox) gets SQLite's lock the moment it is released.
    """
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    loop = asyncio.get_running_loop()
    locks = _write_locks.get(loop)
    if locks is None:
        locks = _write_locks[loop] = {}
    lock = locks.get(database)
    if lock is None:
        # One lock per file, however a connection spells its path.
        real = os.path.realpath(database)
        lock = locks[database] = locks.setdefault(real, asyncio.Lock())
    return lock


async def take_sqlite_write_lock(lock: asyncio.Lock | None) -> bool:
    """Acquire ``lock``; False (not held) after ``SQLITE_WRITE_LOCK_WAIT_S``: SQLite's busy timeout rules then.

    The fallback keeps a writer that holds the lock while it waits for another writer (which
    SQLite alone would fail after its busy timeout) from hanging for ever.
    """
    if lock is None:
        return False
    try:
        async with asyncio.timeout(SQLITE_WRITE_LOCK_WAIT_S):
            await lock.acquire()
    except TimeoutError:
        log.warning("waited %.0f s for this process's SQLite write lock; going on with SQLite's own locking",
                    SQLITE_WRITE_LOCK_WAIT_S)
        return False
    return True


@contextlib.asynccontextmanager
async def sqlite_writer(database: str | None) -> AsyncIterator[None]:
    """Hold the process's write lock of ``database`` (see ``sqlite_write_lock``) around one write."""
    lock = sqlite_write_lock(database)
    held = await take_sqlite_write_lock(lock)
    try:
        yield
    finally:
        if held and lock is not None:
            lock.release()


class InlineSqliteConnection(aiosqlite.Connection):
    """aiosqlite without the thread hop inside a write transaction.

    aiosqlite runs every call (cursor, execute, fetch, close…) on its connection's thread and wakes
    the event loop with the result: about 0.2 ms a hop on the 2-core test machine, against a few µs
    for a statement on an indexed table, and a worker's event made ~25 hops. Once ``BEGIN IMMEDIATE``
    has returned, this connection holds SQLite's write lock and, in WAL mode, its statements do not
    wait for other connections (readers never block a writer), so calls then run inline on the
    event loop. What may wait stays on the thread: ``BEGIN IMMEDIATE`` (for the lock, up to the busy
    timeout), ``COMMIT`` (it may checkpoint and fsync) and anything outside a transaction. The
    price: a slow query inside a transaction (a scan of a large table) holds the event loop for its
    length.

    A ``BEGIN`` first takes the process's write lock of the file (``sqlite_write_lock``), held
    until the transaction ends, so writers of one process queue in order instead of polling.
    """

    def __init__(self, connector: Any, iter_chunk_size: int, database: str | None = None) -> None:
        super().__init__(connector, iter_chunk_size)
        self._database = database
        self._queued = 0  # calls handed to the thread and not finished: never run inline beside one
        self._queued_lock = threading.Lock()
        self._holding: asyncio.Lock | None = None

    def _inline_ok(self) -> bool:
        return self._running and not self._queued and _in_transaction(self._connection)

    async def _execute(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        if self._inline_ok():
            return fn(*args, **kwargs)
        if self._holding is None and args and isinstance(args[0], str) and args[0][:5].upper() == "BEGIN":
            lock = sqlite_write_lock(self._database)
            if await take_sqlite_write_lock(lock):
                self._holding = lock
        try:
            return await self._on_thread(partial(fn, *args, **kwargs))
        finally:
            self._release_if_done()

    def _release_if_done(self, *, closing: bool = False) -> None:
        lock = self._holding
        if lock is None:
            return
        if closing or (not self._queued and not _in_transaction(self._connection)):
            self._holding = None
            with contextlib.suppress(RuntimeError):  # the loop is gone (a connection collected late)
                lock.release()

    async def _on_thread(self, function: Any) -> Any:
        def run() -> Any:
            try:
                return function()
            finally:
                with self._queued_lock:
                    self._queued -= 1

        if not self._running or self._connection is None:
            raise ValueError("Connection closed")  # as aiosqlite says it
        with self._queued_lock:
            self._queued += 1
        return await aiosqlite.Connection._execute(self, run)

    async def commit(self) -> None:
        try:
            await self._on_thread(self._conn.commit)
        finally:
            self._release_if_done()

    async def rollback(self) -> None:
        try:
            if self._running and self._connection is not None and not self._queued:
                self._conn.rollback()  # never waits: undoes our own writes (a no-op outside a transaction)
            else:
                await self._on_thread(self._conn.rollback)
        finally:
            self._release_if_done()

    def stop(self) -> Any:
        self._release_if_done(closing=True)
        return super().stop()


def _in_transaction(conn: sqlite3.Connection | None) -> bool:
    try:
        return conn is not None and conn.in_transaction
    except sqlite3.ProgrammingError:  # closed
        return False


def _connect_inline(database: str, *, iter_chunk_size: int = 64, **kwargs: Any) -> InlineSqliteConnection:
    """``aiosqlite.connect`` with ``InlineSqliteConnection`` (SQLAlchemy's ``async_creator_fn`` hook)."""
    kwargs["check_same_thread"] = False  # inline calls come from the event loop's thread
    path = None if kwargs.get("uri") else database
    connection = InlineSqliteConnection(partial(sqlite3.connect, database, **kwargs), iter_chunk_size, path)
    connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite's own connections
    return connection


def _sqlite_engine(driver_url: URL, *, echo: bool, **options: Any) -> AsyncEngine:
    in_memory = driver_url.database in (None, "", ":memory:")
    connect_args = dict(options.pop("connect_args", {}))
    if not issubclass(aiosqlite.Connection, threading.Thread):  # the layout of aiosqlite >= 0.22 (its thread apart)
        connect_args.setdefault("async_creator_fn", _connect_inline)
    if in_memory:
        # One shared connection: every new connection to ":memory:" would be a fresh, empty database.
        options.setdefault("poolclass", StaticPool)
        connect_args.setdefault("check_same_thread", False)
    engine = create_async_engine(driver_url, echo=echo, connect_args=connect_args, **options)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from the driver, so BEGIN can be IMMEDIATE (below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not in_memory:
            # WAL: readers never block the writer; NORMAL: a process crash loses no commit (only
            # a power loss may drop the last transactions), at a fraction of FULL's fsync cost.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # IMMEDIATE takes the write lock up front: a deferred transaction that reads then writes
        # fails with SQLITE_BUSY (busy_timeout cannot help it) when another writer got in between.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Session factory: ``async with sessions() as s, s.begin(): …`` is one transaction."""
    return async_sessionmaker(engine, expire_on_commit=False)


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest migration shipped with this code."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None, "no migrations shipped"
    return head


async def _prepare(conn: Any, url: str, schema: str | None) -> None:
    if conn.dialect.name != "postgresql":
        return
    # Serialise concurrent upgrades (several processes starting at once) on one lock.
    await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": zlib.crc32(b"beacon-migrations")})
    schema = async_url(url, schema)[1]
    if schema:
        await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))


async def upgrade(url: str, *, schema: str | None = None, revision: str = "head") -> str:
    """Migrate the database to ``revision`` (default the newest); returns the revision reached."""
    from alembic import command

    engine = make_engine(url, schema=schema)
    try:
        async with engine.begin() as conn:
            await _prepare(conn, url, schema)

            def run(sync_conn: Connection) -> None:
                config = _alembic_config()
                config.attributes["connection"] = sync_conn
                command.upgrade(config, revision)

            await conn.run_sync(run)
        async with engine.connect() as conn:
            reached = await conn.run_sync(_revision_of)
    finally:
        await engine.dispose()
    return reached or "base"


async def downgrade(url: str, revision: str, *, schema: str | None = None) -> str | None:
    """Migrate down to ``revision`` (``"base"`` empties the schema); returns the revision reached."""
    from alembic import command

    engine = make_engine(url, schema=schema)
    try:
        async with engine.begin() as conn:
            await _prepare(conn, url, schema)

            def run(sync_conn: Connection) -> None:
                config = _alembic_config()
                config.attributes["connection"] = sync_conn
                command.downgrade(config, revision)

            await conn.run_sync(run)
        async with engine.connect() as conn:
            return await conn.run_sync(_revision_of)
    finally:
        await engine.dispose()


def _revision_of(sync_conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(sync_conn).get_current_revision()


async def current_revision(url: str, *, schema: str | None = None) -> str | None:
    """The database's schema revision, or None when it has none (empty)."""
    engine = make_engine(url, schema=schema)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(_revision_of)
    finally:
        await engine.dispose()


async def ensure_schema(url: str, *, schema: str | None = None) -> str:
    """Make sure the schema is current before running.

    SQLite (the embedded default, one process) is migrated in place, an empty file included.
    PostgreSQL is shared by several processes and operators migrate it deliberately, so a schema
    that is behind raises ``SchemaNotReady`` naming the command to run.
    """
    head = head_revision()
    current = await current_revision(url, schema=schema)
    if current == head:
        return head
    if is_sqlite(url):
        return await upgrade(url, schema=schema)
    raise SchemaNotReady(
        f"database {safe_url(url)} is at schema {current or 'none (empty)'}, this Beacon needs {head}: "
        "run `beacon db upgrade`"
    )


async def drop_schema(url: str, schema: str) -> None:
    """Drop a PostgreSQL schema and everything in it (tests give each run its own schema)."""
    if not _SCHEMA_NAME.match(schema):
        raise ValueError(f"invalid PostgreSQL schema name {schema!r}")
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        await engine.dispose()
