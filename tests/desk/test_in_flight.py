"""An event that needs the result of an action still in flight waits for it (the bus delivers it again)
instead of losing its work: an agent's reply to a card whose message id is not recorded yet, a message for
a member whose private thread is being opened."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import update

from beacon.actions import SendDirect, SendMessage, encode_action
from beacon.adapter import Capabilities
from beacon.domain import Context, Reader
from beacon.events import ChatKind, ChatRef, MessagePosted, UserRef
from beacon.storage import db
from beacon.storage.models import OutboxItem
from beacon.verdict import Verdict
from community.handlers import Desk, NotYet
from community.models import StaffPost, Ticket
from tests.desk.conftest import desk_settings

NOW = datetime.now(timezone.utc)
ANN = UserRef(platform="console", user_id="ann", username="ann")
SAM = UserRef(platform="console", user_id="sam", username="sam")
MODS = ChatRef(platform="console", chat_id="mods", kind=ChatKind.group)


class World:
    def __init__(self, desk: Desk, sessions) -> None:  # noqa: ANN001
        self.desk = desk
        self.sessions = sessions

    async def handle(self, event: MessagePosted) -> list:
        async with self.sessions() as session:
            ctx = Context(settings=self.desk.settings, now=datetime.now(timezone.utc), read=Reader(session),
                          capabilities={"console": Capabilities(private_threads=True)}, deep_links={},
                          analyse=lambda _: Verdict())
            return list(await self.desk(event, ctx))

    async def relay_from_cli(self, text: str) -> list:
        async with self.sessions() as session:
            ctx = Context(settings=self.desk.settings, now=datetime.now(timezone.utc), read=Reader(session),
                          capabilities={}, deep_links={}, analyse=lambda _: Verdict())
            ticket = await session.get(Ticket, 1)
            staff = self.desk.settings.staff_for("console", "sam")
            assert ticket is not None and staff is not None
            return await self.desk.relay_to_member(ctx, ticket, staff, text, "cli:1", actor="cli:sam")

    async def set_row(self, key: str, **values: object) -> None:
        async with self.sessions() as session, session.begin():
            await session.execute(update(OutboxItem).where(OutboxItem.key == key).values(**values))


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    settings = desk_settings(tmp_path)
    await db.ensure_schema(settings.database.url)
    engine = db.make_engine(settings.database.url)
    sessions = db.make_sessionmaker(engine)
    card = SendMessage(key="c/card", platform="console", chat=MODS, text="card")
    thread = SendMessage(key="c/private-thread", platform="console", chat=MODS, text="stand-in for the thread")
    async with sessions() as session, session.begin():
        session.add(Ticket(id=1, created_key="c", platform="console", user_id="ann", username="ann",
                           staff_platform="console", staff_chat_id="mods", card_key="c/card",
                           member_chat_key="c/private-thread", created_at=NOW, updated_at=NOW))
        session.add(StaffPost(outbox_key="c/card", ticket_id=1))
        for action in (card, thread):
            session.add(OutboxItem(key=action.key, platform="console", action=encode_action(action), state="sending"))
    try:
        yield World(Desk(settings), sessions)
    finally:
        await engine.dispose()


def reply_to_card(message_id: str, *, age_s: float = 0.0) -> MessagePosted:
    return MessagePosted(platform="console", chat=MODS, message_id=message_id, author=SAM, text="checking now",
                         reply_to_message_id="m1", reply_to_bot=True,
                         occurred_at=datetime.now(timezone.utc) - timedelta(seconds=age_s))


async def test_a_reply_to_a_card_being_recorded_waits_for_it(world: World) -> None:
    with pytest.raises(NotYet):
        await world.handle(reply_to_card("m2"))
    # Long after, nothing is in flight to wait for: a reply to an unknown message stays in the staff chat.
    assert await world.handle(reply_to_card("m3", age_s=60)) == []
    await world.set_row("c/card", state="sent", result_chat_id="mods", result_message_id="m1")
    await world.set_row("c/private-thread", state="sent", result_chat_id="T1")
    effects = await world.handle(reply_to_card("m2"))
    [relay] = [e for e in effects if isinstance(e, SendMessage) and e.key.endswith("/relay")]
    # ...and reaches the member in their private thread, whose id is kept on the ticket from now on.
    assert relay.chat == ChatRef(platform="console", chat_id="T1", kind=ChatKind.private_thread, thread_id="T1")
    assert "checking now" in relay.text and "— Sam" in relay.text


async def test_a_message_for_a_member_whose_thread_is_being_opened_waits(world: World) -> None:
    await world.set_row("c/card", state="sent", result_chat_id="mods", result_message_id="m1")
    with pytest.raises(NotYet):
        await world.handle(reply_to_card("m2"))
    # The CLI cannot be redelivered: it sends a DM (refused if DMs are closed, then carried into the thread).
    [dm] = [e for e in await world.relay_from_cli("hello") if isinstance(e, (SendDirect, SendMessage))]
    assert isinstance(dm, SendDirect) and dm.user.user_id == "ann"
    # A thread that could not be opened: the member's DMs, as before.
    await world.set_row("c/private-thread", state="failed")
    effects = await world.handle(reply_to_card("m2"))
    assert [e.user.user_id for e in effects if isinstance(e, SendDirect)] == ["ann"]
