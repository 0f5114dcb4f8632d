"""Storage: SQLModel tables over SQLite or PostgreSQL (async SQLAlchemy), schema by Alembic.

Engines and schema (``beacon.storage.db``)::

    make_engine(url, *, schema=None, echo=False, **options) -> AsyncEngine
        "sqlite:///x.db" → aiosqlite (WAL, synchronous=NORMAL, busy_timeout 30 s, BEGIN IMMEDIATE);
        "postgresql://…" / "postgres://…" → asyncpg; ``schema`` (or ``?schema=name`` in the URL)
        sets search_path, so migrations and queries land in that schema.
    make_sessionmaker(engine) -> async_sessionmaker   # async with sessions() as s, s.begin(): …
    await upgrade(url, *, schema=None, revision="head") -> str        # `beacon db upgrade`
    await downgrade(url, revision, *, schema=None) -> str | None
    await current_revision(url, *, schema=None) -> str | None         # None: empty database
    await ensure_schema(url, *, schema=None) -> str   # SQLite: migrates; PostgreSQL behind: SchemaNotReady
    await drop_schema(url, schema)                     # PostgreSQL, tests
    head_revision() -> str;  safe_url(url) -> str (password masked);  is_sqlite(url);  PING

Repositories: small async functions taking an ``AsyncSession``; the caller owns the transaction.

``idempotency``::

    claim(session, key, ttl=timedelta(days=7), *, now=None) -> bool   # first claim wins; expired keys retaken
    seen(session, key) -> bool;  purge_expired(session, *, now=None) -> int;  count(session) -> int

``outbox`` (states queued → sending → sent | failed | in_doubt)::

    enqueue(session, actions, *, not_before=None) -> int              # duplicate keys skipped
    claim(session, platform, limit=64, *, now=None) -> list[OutboxItem]  # queued → sending, attempts+1
    mark_sent(session, id, *, message_id=None, chat_id=None) -> bool   # each only from "sending"
    mark_failed(session, id, *, error) -> bool;  mark_in_doubt(session, id, *, error) -> bool
    requeue(session, id, *, delay_s=0.0, error=None) -> bool           # sending → queued, not before now+delay
    recover_in_doubt(session, platform, *, stale_after=None) -> int    # sending rows of a dead process
    resend(session, id) -> bool                                        # operator: in_doubt|failed → queued
    get(session, id);  by_key(session, key);  list_items(session, *, platform=None, state=None, limit=100)
    count_unfinished(session, platform=None) -> int;  counts(session, platform=None) -> dict[state, int]

``directory``::

    upsert_user(session, platform, user_id, *, username=None, display_name=None, language_code=None,
                is_bot=None, now=None);  get_user(session, platform, user_id) -> PlatformUser | None
    upsert_chat(session, platform, chat_id, *, kind=None, title=None, now=None)
    set_bot_rights(session, platform, chat_id, *, status, can_delete=False, can_restrict=False, can_pin=False)
    get_chat(session, platform, chat_id) -> Chat | None;  chats(session, *, platform=None, bot_statuses=None)
    link_accounts(session, (platform, user_id), (platform, user_id), *, method="") -> person id
    linked_accounts(session, platform, user_id) -> list[(platform, user_id)]
    person_of(session, platform, user_id) -> int | None;  unlink_account(session, platform, user_id) -> bool

``deadletters``::

    add(session, *, topic, group, payload, error, attempts, entry_id=None, at=None) -> int
    add_many(session, letters);  fetch(session, *, topic=None, limit=None) -> list[DeadLetterRecord]
    count(session, *, topic=None) -> int;  remove(session, id) -> bool

Tables live in ``beacon.storage.models``; datetimes are timezone-aware (UTC) on every database
(``beacon.storage.types.UTCDateTime`` refuses naive ones).
"""
