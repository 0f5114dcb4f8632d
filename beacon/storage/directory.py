"""Directory: platform users and chats as last seen, the bot's rights per chat, one person across platforms."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from beacon.storage._sql import prepared, upsert_insert
from beacon.storage.models import Chat, Person, PersonLink, PlatformUser
from beacon.storage.types import utcnow

_users = PlatformUser.__table__
_chats = Chat.__table__
_links = PersonLink.__table__

Account = tuple[str, str]  # (platform, user id)


async def upsert_user(
    session: AsyncSession,
    platform: str,
    user_id: str,
    *,
    username: str | None = None,
    display_name: str | None = None,
    language_code: str | None = None,
    is_bot: bool | None = None,
    now: datetime | None = None,
) -> None:
    """Record a user as seen now; fields passed as None keep their stored value."""
    now = now or utcnow()
    given = {k: v for k, v in {"username": username, "display_name": display_name,
                               "language_code": language_code, "is_bot": is_bot}.items() if v is not None}
    fields = tuple(given)
    stmt = prepared(session, ("directory.upsert_user", fields), lambda insert: _upsert_user(insert, fields))
    await session.execute(stmt, {"platform": platform, "user_id": str(user_id), "now": now, "is_bot": False, **given})


def _upsert_user(insert: Any, given: tuple[str, ...]) -> Any:
    stmt = insert(_users).values(platform=bindparam("platform"), user_id=bindparam("user_id"),
                                 first_seen=bindparam("now"), last_seen=bindparam("now"),
                                 **{k: bindparam(k) for k in ("is_bot", *given)})
    return stmt.on_conflict_do_update(
        index_elements=[_users.c.platform, _users.c.user_id],
        set_={"last_seen": stmt.excluded.last_seen, **{k: getattr(stmt.excluded, k) for k in given}},
    )


async def get_user(session: AsyncSession, platform: str, user_id: str) -> PlatformUser | None:
    stmt = select(PlatformUser).where(PlatformUser.platform == platform, PlatformUser.user_id == str(user_id))
    return (await session.scalars(stmt)).first()


async def upsert_chat(
    session: AsyncSession,
    platform: str,
    chat_id: str,
    *,
    kind: str | None = None,
    title: str | None = None,
    now: datetime | None = None,
) -> None:
    """Record a chat as seen now; ``kind``/``title`` passed as None keep their stored value."""
    now = now or utcnow()
    given = {k: v for k, v in {"kind": kind, "title": title}.items() if v is not None}
    fields = tuple(given)
    stmt = prepared(session, ("directory.upsert_chat", fields), lambda insert: _upsert_chat(insert, fields))
    await session.execute(stmt, {"platform": platform, "chat_id": str(chat_id), "now": now, "kind": "group", **given})


def _upsert_chat(insert: Any, given: tuple[str, ...]) -> Any:
    stmt = insert(_chats).values(
        platform=bindparam("platform"), chat_id=bindparam("chat_id"), bot_status="unknown", can_delete=False,
        can_restrict=False, can_pin=False, first_seen=bindparam("now"), updated_at=bindparam("now"),
        **{k: bindparam(k) for k in ("kind", *given)},
    )
    return stmt.on_conflict_do_update(
        index_elements=[_chats.c.platform, _chats.c.chat_id],
        set_={"updated_at": stmt.excluded.updated_at, **{k: getattr(stmt.excluded, k) for k in given}},
    )


async def set_bot_rights(
    session: AsyncSession,
    platform: str,
    chat_id: str,
    *,
    status: str,
    can_delete: bool = False,
    can_restrict: bool = False,
    can_pin: bool = False,
    now: datetime | None = None,
) -> None:
    """Record the bot's membership and rights in a chat (creating the chat row if new)."""
    now = now or utcnow()
    stmt = prepared(session, "directory.set_bot_rights", _set_bot_rights)
    await session.execute(stmt, {"platform": platform, "chat_id": str(chat_id), "status": status,
                                 "can_delete": can_delete, "can_restrict": can_restrict, "can_pin": can_pin,
                                 "now": now})


def _set_bot_rights(insert: Any) -> Any:
    rights = {"bot_status": bindparam("status"), "can_delete": bindparam("can_delete"),
              "can_restrict": bindparam("can_restrict"), "can_pin": bindparam("can_pin"),
              "rights_updated_at": bindparam("now"), "updated_at": bindparam("now")}
    stmt = insert(_chats).values(platform=bindparam("platform"), chat_id=bindparam("chat_id"), kind="group",
                                 first_seen=bindparam("now"), **rights)
    return stmt.on_conflict_do_update(index_elements=[_chats.c.platform, _chats.c.chat_id],
                                      set_={k: getattr(stmt.excluded, k) for k in rights})


async def get_chat(session: AsyncSession, platform: str, chat_id: str) -> Chat | None:
    stmt = select(Chat).where(Chat.platform == platform, Chat.chat_id == str(chat_id))
    return (await session.scalars(stmt)).first()


async def chats(
    session: AsyncSession, *, platform: str | None = None, bot_statuses: tuple[str, ...] | None = None
) -> list[Chat]:
    """Known chats, optionally of one platform and with the bot in one of ``bot_statuses``."""
    stmt = select(Chat).order_by(Chat.platform, Chat.chat_id)  # type: ignore[arg-type]
    if platform is not None:
        stmt = stmt.where(Chat.platform == platform)
    if bot_statuses is not None:
        stmt = stmt.where(Chat.bot_status.in_(bot_statuses))  # type: ignore[attr-defined]
    return list((await session.scalars(stmt)).all())


async def person_of(session: AsyncSession, platform: str, user_id: str) -> int | None:
    """The person an account belongs to, if linked."""
    return await session.scalar(
        select(_links.c.person_id).where(_links.c.platform == platform, _links.c.user_id == str(user_id))
    )


async def link_accounts(session: AsyncSession, first: Account, second: Account, *, method: str = "") -> int:
    """Declare two accounts the same person; merges their persons if both were linked. Returns the person id."""
    a = await person_of(session, *first)
    b = await person_of(session, *second)
    keep = a if a is not None else b
    if keep is None:
        person = Person()
        session.add(person)
        await session.flush()
        keep = person.id
        assert keep is not None
    elif a is not None and b is not None and a != b:
        await session.execute(update(_links).where(_links.c.person_id == b).values(person_id=keep))
        await session.execute(delete(Person.__table__).where(Person.__table__.c.id == b))
    now = utcnow()
    for platform, user_id in (first, second):
        stmt = upsert_insert(session, _links).values(
            person_id=keep, platform=platform, user_id=str(user_id), method=method, linked_at=now
        ).on_conflict_do_nothing(index_elements=[_links.c.platform, _links.c.user_id])
        await session.execute(stmt)
    return int(keep)


async def linked_accounts(session: AsyncSession, platform: str, user_id: str) -> list[Account]:
    """Every account of the person behind this one (itself included); just itself when unlinked."""
    person = await person_of(session, platform, user_id)
    if person is None:
        return [(platform, str(user_id))]
    rows = await session.execute(
        select(_links.c.platform, _links.c.user_id).where(_links.c.person_id == person)
        .order_by(_links.c.platform, _links.c.user_id)
    )
    return [(p, u) for p, u in rows.all()]


async def unlink_account(session: AsyncSession, platform: str, user_id: str) -> bool:
    """Detach an account from its person (e.g. a wrong link); True when it was linked."""
    result = await session.execute(delete(_links).where(_links.c.platform == platform, _links.c.user_id == str(user_id)))
    return bool(result.rowcount)
