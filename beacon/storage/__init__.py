"""Storage: SQLModel tables over SQLite or PostgreSQL (async SQLAlchemy), schema by Alembic.

Engines and schema (``beacon.storage.db``)::

    make_engine(url, *, schema=None, echo=False, **options) -> AsyncEngine
        "sqlite:///x.db" → aiosqlite (WAL, synchronous=NORMAL, busy_timeout, BEGIN IMMEDIATE);
        "postgresql://…" → asyncpg; ``schema`` (or ``?schema=`` in the URL) sets search_path.
    make_sessionmaker(engine) -> async_sessionmaker      # async with sessions() as s, s.begin(): …
    await upgrade(url, *, schema=None, revision="head") -> str
    await downgrade(url, revision, *, schema=None) -> str | None
    await current_revision(url, *, schema=None) -> str | None
    await ensure_schema(url, *, schema=None) -> str   # migrates SQLite; PostgreSQL behind → SchemaNotReady
    head_revision() -> str;  safe_url(url) -> str;  PING;  await drop_schema(url, schema)

Repositories: small async functions taking an ``AsyncSession``; the caller owns the transaction.

* ``idempotency``: ``claim(session, key, ttl=7 days) -> bool`` (first claim wins, expired keys are
  taken over), ``seen``, ``purge_expired(session) -> int``, ``count``.
* ``outbox``: ``enqueue(session, actions, *, not_before=None) -> int`` (duplicate keys skipped),
  ``claim(session, platform, limit=64) -> list[OutboxItem]`` (queued → sending, priority desc then
  id, ``FOR UPDATE SKIP LOCKED`` on PostgreSQL), ``mark_sent`` / ``mark_failed`` / ``mark_in_doubt``
  (only from ``sending``), ``requeue(session, id, *, delay_s, error)``,
  ``recover_in_doubt(session, platform, *, stale_after=None) -> int``, ``resend`` (operator),
  ``get``, ``by_key``, ``list_items``, ``count_unfinished``, ``counts``.
* ``directory``: ``upsert_user``, ``get_user``, ``upsert_chat``, ``set_bot_rights``, ``get_chat``,
  ``chats``, ``link_accounts``, ``linked_accounts``, ``person_of``, ``unlink_account``.
* ``deadletters``: ``add``, ``add_many``, ``fetch``, ``count``, ``remove``.

Tables live in ``beacon.storage.models``; datetimes are timezone-aware (UTC) on every database.
"""
