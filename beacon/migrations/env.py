"""Alembic environment: migrates the connection Beacon hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from beacon.storage.models import metadata
import moderation.models  # noqa: F401,E402 - registers moderation's tables in the metadata
import community.models  # noqa: F401,E402 - registers the support desk's tables in the metadata

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run migrations with `beacon db upgrade` (beacon.storage.db.upgrade), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds tables when a later revision needs it.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
