"""The support desk over Telegram: real python-telegram-bot over real HTTP against the fake Bot API."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from beacon.app import Beacon
from beacon.config import Settings
from community.models import Evidence, Ticket
from tests.desk.conftest import KB_DIR
from tests.fakes.telegram import FakeTelegram, FakeUser, RateLimit

TOKEN = "7012345678:AAH3xq_TestTokenNeverLogged-9f8e7d6c5b4a"
BOT = "AcmeHelpBot"
REQUEST = "I sent 300 USDT on TRC20 two hours ago and it never arrived, my UID is 55501234"
SCREENSHOT = b"\x89PNG\r\n\x1a\n" + b"screenshot-bytes" * 64


@dataclass
class Desk:
    fake: FakeTelegram
    app: Beacon
    group: Any
    staff_chat: Any
    agent: FakeUser

    async def tickets(self) -> list[Ticket]:
        async with self.app.sessions() as session:
            return list((await session.scalars(select(Ticket).order_by(Ticket.id))).all())

    async def wait(self, predicate, timeout: float = 20.0) -> Any:  # noqa: ANN001
        return await self.fake.wait_for(predicate, timeout=timeout)

    def texts(self, chat: Any) -> list[str]:
        return [a.text or "" for a in self.fake.sent(chat)]


def contract_settings(fake: FakeTelegram, tmp_path: Path, agent: FakeUser, staff_chat: Any) -> dict[str, Any]:
    """Only DESIGN.md's contract keys: brand, staff, database, bus, telegram token/base_url/moderators_chat_id."""
    return {
        "brand": {"name": "Acme Exchange", "official_domains": ["acme.example"], "bot_usernames": [BOT]},
        "staff": [{"platform": "telegram", "user_id": str(agent.id), "display_name": "Sam", "username": "sam"}],
        "database": {"url": f"sqlite:///{tmp_path / 'beacon.db'}"},
        "bus": {"url": "memory://"},
        "telegram": {"token": fake.token, "base_url": fake.base_url, "moderators_chat_id": staff_chat.id},
    }


def full_settings(fake: FakeTelegram, tmp_path: Path, agent: FakeUser, staff_chat: Any, security_chat: Any,
                  zh_chat: Any) -> dict[str, Any]:
    values = contract_settings(fake, tmp_path, agent, staff_chat)
    values["staff"][0].update(alias="Sam", staff_number="12")
    values["telegram"].update(poll_timeout_s=1, rate_private_per_s=20)
    values["workers"] = {"tick_s": 1}
    values["support"] = {
        "freeze_account_url": "https://acme.example/freeze",
        "evidence": {"store_path": str(tmp_path / "files")},
        "kb": {"path": str(KB_DIR)},
        "teams": [
            {"name": "payments", "categories": ["deposit_withdrawal"], "members": ["sam"],
             "chats": [{"platform": "telegram", "chat_id": staff_chat.id}]},
            {"name": "payments-zh", "categories": ["deposit_withdrawal"], "languages": ["zh"], "members": ["sam"],
             "chats": [{"platform": "telegram", "chat_id": zh_chat.id}]},
            {"name": "security", "categories": ["account_security"], "members": ["sam"], "security": True,
             "chats": [{"platform": "telegram", "chat_id": security_chat.id}]},
        ],
    }
    return values


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    # Telegram's overall and group limits; a roomier per-chat private limit keeps the test quick.
    async with FakeTelegram(token=TOKEN, bot_username=BOT, private_limit=RateLimit(30, 1.0)) as server:
        yield server


class running_desk:
    def __init__(self, fake: FakeTelegram, tmp_path: Path, *, full: bool) -> None:
        self.fake, self.tmp_path, self.full = fake, tmp_path, full

    async def __aenter__(self) -> Desk:
        fake = self.fake
        owner = fake.add_user("Olga", username="olga")
        agent = fake.add_user("Sam", username="sam", started=True)
        group = fake.create_group("Acme EN", owner=owner)
        staff_chat = fake.create_group("Acme support staff", owner=owner)
        security_chat = fake.create_group("Acme security", owner=owner)
        zh_chat = fake.create_group("Acme 客服", owner=owner)
        for chat in (group, staff_chat, security_chat, zh_chat):
            fake.add_bot(chat, admin=True)
            fake.set_member(chat, agent)
        values = (full_settings(fake, self.tmp_path, agent, staff_chat, security_chat, zh_chat) if self.full
                  else contract_settings(fake, self.tmp_path, agent, staff_chat))
        self.app = await Beacon.build(Settings(**values))
        await self.app.start()
        return Desk(fake, self.app, group, staff_chat, agent)

    async def __aexit__(self, *exc: object) -> None:
        await self.app.stop()


def payload_of(action: Any) -> str:
    [url] = [u for u in action.button_urls if "start=" in u]
    assert url.startswith(f"https://t.me/{BOT}?start=")
    return url.split("start=", 1)[1]


@pytest.mark.parametrize("full", [False, True], ids=["contract-keys-only", "full-team-config"])
async def test_the_journey(fake: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: bool) -> None:
    monkeypatch.chdir(tmp_path)  # the default file store is relative to where Beacon runs
    async with running_desk(fake, tmp_path, full=full) as desk:
        ann = fake.add_user("Ann", username="ann_k", language_code="en")
        question = fake.post(desk.group, ann, REQUEST)
        [reply] = await desk.wait(lambda: fake.sent(desk.group))
        assert reply.reply_to == question["message_id"]
        assert "55501234" not in reply.text and "300" not in reply.text
        assert not fake.sent(ann)  # never started: the public button only
        fake.start_bot(ann, payload_of(reply))

        cards = await desk.wait(lambda: [a for a in fake.sent(desk.staff_chat) if "Ticket #1" in (a.text or "")])
        card = cards[0]
        assert "Deposits & withdrawals · High" in card.text and "55501234" not in card.text
        assert {"dk:claim:1", "dk:res:1", "dk:esc:1"} <= set(card.button_data)
        [ticket] = await desk.tickets()
        assert (ticket.category, ticket.urgency, ticket.status) == ("deposit_withdrawal", "high", "open")
        assert ticket.team == ("payments" if full else None) and ticket.first_response_due is not None
        welcome = await desk.wait(lambda: [t for t in desk.texts(ann) if "Ticket #1 is open" in t])
        assert welcome
        assert any("your message in Acme EN" in t for t in desk.texts(ann))  # the group by name, not its id

        # An agent answers seconds later, when the card's message id is on record (the outbox marks it sent
        # just after Telegram answered; a reply in that instant could not be traced to the card).
        assert await desk.app.idle()
        fake.post(desk.staff_chat, desk.agent, "We see the transfer, one more confirmation is needed.",
                  reply_to=card.message_id)
        relayed = await desk.wait(lambda: [t for t in desk.texts(ann) if "one more confirmation" in t])
        assert ("— Sam, Acme Exchange support (staff no. 12)" if full else "Acme Exchange support") in relayed[0]

        fake.private(ann, photo=SCREENSHOT, caption="here is the screenshot of my withdrawal record")
        await desk.wait(lambda: [t for t in desk.texts(ann) if "attached to ticket #1" in t])
        async with desk.app.sessions() as session:
            [evidence] = (await session.scalars(select(Evidence))).all()
        await desk.wait(lambda: Path(evidence.path).exists())
        assert Path(evidence.path).read_bytes() == SCREENSHOT
        assert Path(evidence.path).resolve().is_relative_to(tmp_path.resolve())
        await desk.wait(lambda: [a for a in fake.sent(desk.staff_chat) if "screenshot of my withdrawal" in
                                 (a.text or "")])
        if full:  # the file itself reaches the card on the next tick
            await desk.wait(lambda: [a for a in fake.sent(desk.staff_chat) if a.media == "document"])

        fake.press(desk.agent, desk.staff_chat, card.message_id, "dk:res:1")
        await desk.wait(lambda: [t for t in desk.texts(ann) if "Ticket #1 is resolved" in t])
        [ticket] = await desk.tickets()
        assert ticket.status == "resolved" and ticket.first_response_at is not None
        # one public reply in the group, and nothing private anywhere public
        assert len(fake.sent(desk.group)) == 1
        assert not any("55501234" in (a.text or "") for a in fake.sent(desk.group))


async def test_compromised_account_pages_security_and_sends_emergency_steps(fake: FakeTelegram,
                                                                           tmp_path: Path) -> None:
    async with running_desk(fake, tmp_path, full=True) as desk:
        carl = fake.add_user("Carl", username="carl")
        fake.post(desk.group, carl, "my account was hacked, someone is withdrawing my funds right now!")
        [reply] = await desk.wait(lambda: fake.sent(desk.group))
        assert "https://acme.example/freeze" in reply.button_urls
        security = [c for c in fake.chats.values() if c.title == "Acme security"][0]
        await desk.wait(lambda: [a for a in fake.sent(security) if "CRITICAL" in (a.text or "")])
        fake.start_bot(carl, payload_of(reply))
        steps = await desk.wait(lambda: [t for t in desk.texts(carl) if "Revoke all API keys" in t])
        assert "https://acme.example/freeze" in steps[0]
        [ticket] = await desk.tickets()
        assert (ticket.urgency, ticket.team) == ("critical", "security")


async def test_same_update_twice_gives_one_ticket(fake: FakeTelegram, tmp_path: Path) -> None:
    async with running_desk(fake, tmp_path, full=True) as desk:
        dora = fake.add_user("Dora", username="dora", started=True)
        message = fake.private(dora, "my withdrawal of 50 USDT is stuck for 4 hours, please help")
        await desk.wait(lambda: [t for t in desk.texts(dora) if "Ticket #1 is open" in t])
        # Telegram delivers the same message again under another update id (e.g. after a restart).
        fake._enqueue("message", dict(message))
        await fake.wait_confirmed(timeout=10)
        assert await desk.app.idle()
        assert len(await desk.tickets()) == 1
        assert sum("Ticket #1 is open" in t for t in desk.texts(dora)) == 1


async def test_chinese_and_russian_members_are_answered_in_their_language(fake: FakeTelegram,
                                                                         tmp_path: Path) -> None:
    async with running_desk(fake, tmp_path, full=True) as desk:
        li = fake.add_user("Li", username="li", language_code="zh-hans")
        ivan = fake.add_user("Ivan", username="ivan", language_code="ru")
        fake.post(desk.group, li, "我的USDT提币三个小时还没到账，怎么办？")
        fake.post(desk.group, ivan, "Мой вывод USDT завис уже 5 часов, помогите")
        replies = await desk.wait(lambda: len(fake.sent(desk.group)) == 2 and fake.sent(desk.group))
        zh = next(r for r in replies if "私聊" in r.text)
        ru = next(r for r in replies if "личном чате" in r.text)
        fake.start_bot(li, payload_of(zh))
        fake.start_bot(ivan, payload_of(ru))
        await desk.wait(lambda: [t for t in desk.texts(li) if "已创建" in t])
        await desk.wait(lambda: [t for t in desk.texts(ivan) if "создано" in t])
        teams = {t.user_id: t.team for t in await desk.tickets()}
        assert teams == {str(li.id): "payments-zh", str(ivan.id): "payments"}


async def test_status_escalate_and_transcript(fake: FakeTelegram, tmp_path: Path) -> None:
    async with running_desk(fake, tmp_path, full=True) as desk:
        eve = fake.add_user("Eve", username="eve", started=True)
        fake.private(eve, "my deposit of 0.5 BTC has not arrived after 6 hours")
        await desk.wait(lambda: [t for t in desk.texts(eve) if "Ticket #1 is open" in t])
        fake.private(eve, "/status")
        status = await desk.wait(lambda: [t for t in desk.texts(eve) if "position 1 in the queue" in t])
        assert "expected first response" in status[0]
        fake.private(eve, "/escalate")
        await desk.wait(lambda: [t for t in desk.texts(eve) if "escalated" in t])
        await desk.wait(lambda: [a for a in fake.sent(desk.staff_chat) if "escalated by" in (a.text or "")])
        fake.private(eve, "/transcript")
        [doc] = await desk.wait(lambda: [a for a in fake.sent(eve) if a.media == "document"])
        transcript = fake.file_bytes(doc.file_id).decode()
        assert "0.5 BTC has not arrived" in transcript and "escalated" in transcript
        [ticket] = await desk.tickets()
        assert ticket.status == "escalated" and ticket.escalated
