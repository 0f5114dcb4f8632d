"""The service on SQLite and PostgreSQL: schedules and recurring runs, races, retraction, in_doubt alerts, CLI."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from announcements import service
from announcements.models import AnnouncementLog
from beacon.config import Settings
from beacon.storage import db, directory, outbox
from beacon.storage.models import OutboxItem
from tests.announcements.conftest import cli, write_config

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=timezone.utc)
STAFF = [{"platform": "telegram", "user_id": "1", "username": "mia", "roles": ["manager"]},
         {"platform": "telegram", "user_id": "2", "username": "noah", "roles": ["manager"]},
         {"platform": "telegram", "user_id": "3", "username": "sam", "roles": ["agent"]}]


def values(url: str, **announcements: Any) -> dict[str, Any]:
    return {"brand": {"name": "Acme"}, "staff": STAFF, "database": {"url": url},
            "announcements": {"targets": [{"name": "official", "chats": [
                {"platform": "telegram", "chat_id": "-1", "language": "en"},
                {"platform": "telegram", "chat_id": "-2", "language": "zh"}]}], **announcements}}


@pytest.fixture(params=["sqlite", "postgresql"])
async def db_url(request: pytest.FixtureRequest, tmp_path: Path, unique_name: str) -> AsyncIterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'beacon.db'}"
        await db.upgrade(url)
        yield url
        return
    base = request.getfixturevalue("postgres_url")
    url = f"{base}?schema={unique_name}"
    try:
        await db.upgrade(url)
        yield url
    finally:
        await db.drop_schema(base, unique_name)


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = db.make_engine(db_url)
    try:
        yield db.make_sessionmaker(engine)
    finally:
        await engine.dispose()


async def tx(sessions: async_sessionmaker[AsyncSession], work: Any) -> Any:
    async with sessions() as session, session.begin():
        return await work(session)


async def finish_all(sessions: async_sessionmaker[AsyncSession], state: str = "sent") -> None:
    """Stand in for the dispatcher: claim every queued row and settle it."""
    async def work(session: AsyncSession) -> None:
        for row in await outbox.claim(session, "telegram", 10_000):
            if state == "sent":
                await outbox.mark_sent(session, row.id, message_id=str(row.id), chat_id=row.key.split(":")[-1])
            else:
                await outbox.mark_in_doubt(session, row.id, error="test")
    await tx(sessions, work)


async def keys(sessions: async_sessionmaker[AsyncSession]) -> list[str]:
    async def work(session: AsyncSession) -> list[str]:
        return list((await session.scalars(select(OutboxItem.key).order_by(OutboxItem.id))).all())
    return await tx(sessions, work)


async def test_recurring_reminder_runs_until_its_end(db_url: str, sessions: async_sessionmaker[AsyncSession]) -> None:
    settings = Settings(**values(db_url))
    mia = service.actor_by_handle(settings, "mia")
    new = service.NewAnnouncement(kind="event", texts={"en": "AMA at 14:00 UTC", "zh": "14:00 AMA"},
                                  default_lang="en", targets=["official"], to_subscribers=False, schedule_at=T0,
                                  repeat_minutes=60, repeat_until=T0 + timedelta(minutes=150))
    ann = await tx(sessions, lambda s: service.create(s, settings, new, mia, T0 - timedelta(hours=1), submit=True))
    assert ann.state == "scheduled" and ann.next_run_at == T0
    assert await tx(sessions, lambda s: service.reconcile(s, settings, {}, T0 - timedelta(minutes=1))) == []
    runs = []
    for minute in (0, 1, 60, 61, 120, 121, 180):
        now = T0 + timedelta(minutes=minute)
        if await tx(sessions, lambda s: service.reconcile(s, settings, {}, now)):
            runs.append(minute)
        await finish_all(sessions)
    assert runs == [0, 60, 120]
    final = await tx(sessions, lambda s: service.get(s, ann.id))
    assert (final.state, final.runs, final.next_run_at) == ("sent", 3, None)
    assert sorted(await keys(sessions)) == sorted(f"ann:{ann.id}:{r}:telegram:{c}" for r in (1, 2, 3) for c in (-1, -2))


async def test_a_due_run_goes_out_once(db_url: str, sessions: async_sessionmaker[AsyncSession]) -> None:
    settings = Settings(**values(db_url))
    mia = service.actor_by_handle(settings, "mia")
    new = service.NewAnnouncement(kind="general", texts={"en": "hello"}, default_lang="en", targets=["official"])
    ann = await tx(sessions, lambda s: service.create(s, settings, new, mia, T0, submit=True))
    assert await tx(sessions, lambda s: service.reconcile(s, settings, {}, T0)) == [ann.id]
    assert await tx(sessions, lambda s: service.reconcile(s, settings, {}, T0)) == []  # the next tick
    with pytest.raises(service.AnnouncementError, match="already sending"):
        await tx(sessions, lambda s: service.send_now(s, settings, {}, ann.id, mia, T0))
    assert len(await keys(sessions)) == 2


async def test_retract_cancels_unsent_copies_and_reports_in_doubt(db_url: str,
                                                                  sessions: async_sessionmaker[AsyncSession]) -> None:
    settings = Settings(**values(db_url))
    mia = service.actor_by_handle(settings, "mia")
    new = service.NewAnnouncement(kind="general", texts={"en": "hello"}, default_lang="en", targets=["official"])
    ann = await tx(sessions, lambda s: service.create(s, settings, new, mia, T0, submit=True))
    await tx(sessions, lambda s: service.fan_out(s, settings, {}, ann.id, T0))

    async def one_in_doubt(session: AsyncSession) -> None:
        [row] = await outbox.claim(session, "telegram", 1)
        await outbox.mark_in_doubt(session, row.id, error="crash")
    await tx(sessions, one_in_doubt)
    outcome = await tx(sessions, lambda s: service.retract(s, settings, {}, ann.id, mia, T0))
    assert outcome.queued == 0 and [why for *_, why in outcome.skipped] == [
        "in_doubt: not known whether it was delivered"]
    states = await tx(sessions, lambda s: outbox.counts(s))
    assert (states["failed"], states["in_doubt"], states["queued"]) == (1, 1, 0)
    with pytest.raises(service.AnnouncementError, match="already retracted"):
        await tx(sessions, lambda s: service.retract(s, settings, {}, ann.id, mia, T0))
    with pytest.raises(service.AnnouncementError, match="retracted"):
        await tx(sessions, lambda s: service.send_now(s, settings, {}, ann.id, mia, T0))


@pytest.mark.parametrize("resend", [False, True])
async def test_in_doubt_safety_alerts_resent_only_when_configured(
        db_url: str, sessions: async_sessionmaker[AsyncSession], resend: bool) -> None:
    settings = Settings(**values(db_url, resend_in_doubt_alerts=resend))
    mia = service.actor_by_handle(settings, "mia")
    for kind in ("security", "maintenance"):
        new = service.NewAnnouncement(kind=kind, texts={"en": "x"}, default_lang="en", targets=["official"])
        ann = await tx(sessions, lambda s: service.create(s, settings, new, mia, T0, submit=True))
        await tx(sessions, lambda s: service.fan_out(s, settings, {}, ann.id, T0))
    await finish_all(sessions, "in_doubt")
    await tx(sessions, lambda s: service.reconcile(s, settings, {}, T0 + timedelta(minutes=1)))
    await tx(sessions, lambda s: service.reconcile(s, settings, {}, T0 + timedelta(minutes=2)))  # no second resend
    resent = [k for k in await keys(sessions) if k.endswith("/resend")]
    assert resent == (["ann:1:1:telegram:-1/resend", "ann:1:1:telegram:-2/resend"] if resend else [])


async def test_cli_create_list_show_approve_and_from_alert(db_url: str, tmp_path: Path,
                                                           sessions: async_sessionmaker[AsyncSession]) -> None:
    config = write_config(values(db_url, require_approval=True), tmp_path / "beacon.toml")
    (tmp_path / "en.md").write_text("Maintenance, write to ops@acme.example", encoding="utf-8")
    made = await cli(config, "announce", "create", "--kind", "maintenance", "--text", f"en={tmp_path / 'en.md'}",
                     "--at", "2026-12-01T02:00Z", "--as", "mia", "--json")
    assert made.exit_code == 0, made.output
    row = json.loads(made.stdout)
    assert row["state"] == "awaiting_approval" and row["schedule_at"] == "2026-12-01T02:00:00+00:00"
    assert "ops@acme.example" not in row["preview"]  # listings redact e-mails and the like

    assert (await cli(config, "announce", "approve", str(row["id"]), "--as", "sam")).exit_code == 2  # not a manager
    refused = await cli(config, "announce", "approve", str(row["id"]), "--as", "mia")
    assert refused.exit_code == 3 and "self-approval refused" in refused.output
    approved = await cli(config, "announce", "approve", str(row["id"]), "--as", "noah", "--json")
    assert approved.exit_code == 0 and json.loads(approved.stdout)["state"] == "scheduled"

    bad = await cli(config, "announce", "create", "--text", "en", "--as", "mia")
    assert bad.exit_code == 2 and "LANG=FILE" in bad.output
    late = await cli(config, "announce", "create", "--text", f"en={tmp_path / 'en.md'}", "--at", "next week",
                     "--as", "mia")
    assert late.exit_code == 2 and "cannot read the time" in late.output

    from moderation.models import SafetyAlert

    async def alert(session: AsyncSession) -> int:
        row = SafetyAlert(kind="domain", value_hash="h" * 40, display="acme-support.help", bucket=1,
                          chats='["telegram:-1", "telegram:-2"]', at=T0)
        session.add(row)
        await session.flush()
        return row.id
    alert_id = await tx(sessions, alert)
    made = await cli(config, "announce", "create", "--from-alert", str(alert_id), "--target", "official", "--as",
                     "mia", "--json")
    assert made.exit_code == 0, made.output
    alert_row = json.loads(made.stdout)
    assert alert_row["kind"] == "security" and alert_row["languages"] == ["en", "zh"]
    assert alert_row["source_alert_id"] == alert_id and alert_row["priority"] > row["priority"]

    listed = [json.loads(line) for line in (await cli(config, "announce", "list", "--json")).stdout.splitlines()]
    assert [r["id"] for r in listed] == [alert_row["id"], row["id"]]
    assert {"id", "kind", "state", "author", "approved_by", "targets", "languages", "schedule_at", "created_at",
            "deliveries"} <= set(listed[0])
    shown = json.loads((await cli(config, "announce", "show", str(alert_row["id"]), "--json")).stdout)
    assert "acme-support[.]help" in shown["texts"]["en"] and "acme-support.help" not in json.dumps(shown)
    async def actions(session: AsyncSession) -> list[str]:
        return list((await session.scalars(select(AnnouncementLog.action).where(
            AnnouncementLog.announcement_id == row["id"]).order_by(AnnouncementLog.id))).all())
    log = await tx(sessions, actions)
    assert log == ["created", "submitted", "self-approval refused", "approved", "scheduled"]


async def test_all_target_is_every_chat_the_bot_administers(db_url: str,
                                                             sessions: async_sessionmaker[AsyncSession]) -> None:
    settings = Settings(**values(db_url))
    mia = service.actor_by_handle(settings, "mia")

    async def chats(session: AsyncSession) -> None:
        await directory.set_bot_rights(session, "telegram", "-7", status="administrator")
        await directory.set_bot_rights(session, "telegram", "-8", status="member")
        await directory.set_bot_rights(session, "telegram", "-9", status="kicked")
        await service.subscribe(session, "telegram", "42", ["general"], "zh", T0)
        await service.subscribe(session, "telegram", "43", ["security"], "en", T0)
    await tx(sessions, chats)
    new = service.NewAnnouncement(kind="general", texts={"en": "hi", "zh": "你好"}, default_lang="en")
    ann = await tx(sessions, lambda s: service.create(s, settings, new, mia, T0, submit=True))
    assert ann.targets == '["all"]'
    result = await tx(sessions, lambda s: service.fan_out(s, settings, {}, ann.id, T0))
    assert (result.chats, result.dms) == (1, 1)
    assert await keys(sessions) == [f"ann:{ann.id}:1:telegram:-7", f"ann:{ann.id}:1:dm:telegram:42"]
