"""Dialect helpers shared by the repositories (insert-if-absent needs each dialect's own INSERT)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from sqlalchemy import TextClause, bindparam, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

_DIALECTS = {"postgresql": postgresql, "sqlite": sqlite}
_prepared: dict[tuple[str, Hashable], Any] = {}


def dialect_name(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def upsert_insert(session: AsyncSession, table: Any) -> Any:
    """``INSERT`` with ``on_conflict_do_nothing``/``do_update`` for the session's database."""
    name = dialect_name(session)
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"unsupported database dialect {name!r}")


def prepared(session: AsyncSession, key: Hashable, build: Callable[[Any], Any],
             returning: Sequence[Any] = ()) -> Any:
    """The statement ``build(dialect_insert)`` makes, built once per dialect and ``key``, as cacheable SQL.

    SQLAlchemy 2.0 cannot cache the dialects' ``INSERT … ON CONFLICT`` (its cache key is None), so
    it builds and compiles each one anew: about 1 ms per upsert, most of a worker's time per event.
    ``build`` receives the dialect's ``insert`` and must take every value from a ``bindparam`` (so the
    statement is the same for every call); the result runs as ``session.execute(stmt, params)``.
    ``returning`` names the columns a ``RETURNING`` clause gives back (typed results).
    """
    name = dialect_name(session)
    found = _prepared.get((name, key))
    if found is None:
        module = _DIALECTS.get(name)
        if module is None:
            raise NotImplementedError(f"unsupported database dialect {name!r}")
        stmt = build(module.insert)
        if hasattr(stmt, "inline"):
            stmt = stmt.inline()  # no implicit RETURNING of the primary key (PostgreSQL adds one)
        compiled = stmt.compile(dialect=module.dialect(paramstyle="named"))
        binds = {param: bind for bind, param in compiled.bind_names.items()}  # as rendered (literals too)
        clause: TextClause = text(compiled.string).bindparams(
            *(bindparam(param, bind.value, type_=bind.type, required=bind.required) for param, bind in binds.items())
        )
        found = _prepared[(name, key)] = clause.columns(*returning) if returning else clause
    return found
