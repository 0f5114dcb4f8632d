"""Alembic environment: migrates the connection Beacon hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

# One schema history for the whole project, so the migration environment is wiring: it imports
# every package's models to give autogenerate (and the storage suite's comparison) the full metadata.
import announcements.models  # noqa: F401 - announcements' tables
import community.models  # noqa: F401 - the support desk's tables
import community.linking  # noqa: F401 - /link's codes and failed attempts
import moderation.models  # noqa: F401 - moderation's tables
import beacon.storage.dm_state  # noqa: F401 - the kernel's tables outside beacon.storage.models
import bots.x.cursor  # noqa: F401 - the X adapter's mentions cursor
from beacon.storage.models import metadata

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
