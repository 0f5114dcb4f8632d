"""Announcement operations on one transaction: create, approve, fan out, edit, retract, reconcile, progress.

Both the worker (through Records, in an event's transaction) and the CLI (in its own transaction)
call these, so a fan-out started from Telegram, from a schedule or from the command line is the
same code. The decisions are the pure functions of ``announcements.plan``; this module reads what
they need and writes what they decide (announcement rows, deliveries, outbox rows).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from beacon.actions import ActionBase, decode_action
from beacon.adapter import Capabilities
from beacon.config import Role, Settings
from beacon.storage import directory, outbox
from beacon.storage._sql import upsert_insert
from beacon.storage.dm_state import DirectMessageState
from beacon.storage.models import OutboxItem, PersonLink

from announcements import plan
from announcements.config import ALERT_KINDS
from announcements.models import (
    AWAITING_APPROVAL,
    DM,
    DRAFT,
    RETRACTED,
    SCHEDULED,
    SENDING,
    SENT,
    Announcement,
    AnnouncementLog,
    Delivery,
    Subscription,
)

CHUNK = 500  # keys per IN (...) list: well under SQLite's bound-parameter limit
OUTBOX_STATES = ("queued", "sending", "sent", "failed", "in_doubt")


class AnnouncementError(ValueError):
    """An operation refused, phrased for the manager (one line)."""


@dataclass(frozen=True)
class NewAnnouncement:
    kind: str
    texts: Mapping[str, str]
    default_lang: str
    targets: Sequence[str] = ()
    to_subscribers: bool = True
    pin: bool = False
    schedule_at: datetime | None = None
    repeat_minutes: int | None = None
    repeat_until: datetime | None = None
    attachment_path: str | None = None
    attachment_name: str | None = None
    attachment_kind: str | None = None
    source_alert_id: int | None = None


def actor_for(settings: Settings, platform: str, user_id: str) -> plan.Actor | None:
    """The manager behind a platform account, or None when they are not a [[staff]] manager."""
    member = settings.staff_for(platform, user_id)
    if member is None or not member.has_role(Role.manager):
        return None
    return _actor(member)


def actor_by_handle(settings: Settings, handle: str) -> plan.Actor | None:
    """``--as`` / BEACON_ACTOR: a staff username or id; None when unknown or not a manager."""
    member = settings.staff_by_handle(handle)
    if member is None or not member.has_role(Role.manager):
        return None
    return _actor(member)


def _actor(member) -> plan.Actor:  # noqa: ANN001 - a StaffMember
    label = f"@{member.username}" if member.username else (member.display_name or member.user_id)
    handles = {member.user_id.lower(), f"{member.platform}:{member.user_id}".lower()}
    if member.username:
        handles.add(member.username.lower())
    return plan.Actor(key=f"{member.platform}:{member.user_id}", label=label, handles=frozenset(handles))


def texts_of(ann: Announcement) -> dict[str, str]:
    return dict(json.loads(ann.texts))


def targets_of(ann: Announcement) -> list[str]:
    return list(json.loads(ann.targets))


def content_of(ann: Announcement) -> plan.Content:
    assert ann.id is not None
    return plan.Content(id=ann.id, kind=ann.kind, texts=texts_of(ann), default_lang=ann.default_lang,
                        priority=ann.priority, pin=ann.pin, attachment_path=ann.attachment_path,
                        attachment_name=ann.attachment_name)


async def log(session: AsyncSession, ann_id: int, at: datetime, actor: str, action: str, detail: str = "",
              *, key: str | None = None) -> None:
    table = AnnouncementLog.__table__
    stmt = upsert_insert(session, table).values(announcement_id=ann_id, at=at, actor=actor, action=action,
                                                detail=detail, key=key)
    await session.execute(stmt.on_conflict_do_nothing() if key else stmt)


async def get(session: AsyncSession, ann_id: int) -> Announcement:
    ann = await session.get(Announcement, ann_id)
    if ann is None:
        raise AnnouncementError(f"no announcement #{ann_id}")
    return ann


async def _set(session: AsyncSession, ann_id: int, **values: object) -> None:
    await session.execute(update(Announcement.__table__).where(Announcement.__table__.c.id == ann_id)
                          .values(**values))
    await session.refresh(await get(session, ann_id))


# ----- create, approve ------------------------------------------------------------------------------------


async def create(session: AsyncSession, settings: Settings, new: NewAnnouncement, actor: plan.Actor,
                 now: datetime, *, submit: bool) -> Announcement:
    """A new announcement: a draft, or submitted (awaiting approval or scheduled) when ``submit``."""
    config = settings.announcements
    kind = plan.check_kind(new.kind)
    texts = plan.check_texts(new.texts, new.default_lang)
    targets = plan.check_targets(config, new.targets)
    if new.repeat_until is not None and not new.repeat_minutes:
        raise AnnouncementError("--until needs --every (a recurring reminder)")
    if new.repeat_until is not None and new.repeat_until <= (new.schedule_at or now):
        raise AnnouncementError("the reminder would end before its first run")
    skip = plan.may_skip_approval(config, kind, actor)
    ann = Announcement(
        kind=kind, state=DRAFT, texts=json.dumps(texts, ensure_ascii=False),
        default_lang=plan.normalise_lang(new.default_lang) or new.default_lang, targets=json.dumps(targets),
        to_subscribers=new.to_subscribers, pin=new.pin, priority=plan.priority_for(config, kind),
        schedule_at=new.schedule_at, repeat_minutes=new.repeat_minutes, repeat_until=new.repeat_until,
        author=actor.key, author_label=actor.label, skipped_approval=False, source_alert_id=new.source_alert_id,
        attachment_path=new.attachment_path, attachment_name=new.attachment_name,
        attachment_kind=new.attachment_kind, created_at=now, updated_at=now,
    )
    session.add(ann)
    await session.flush()
    assert ann.id is not None
    await log(session, ann.id, now, actor.key, "created",
              f"{kind}, languages {', '.join(sorted(texts))}, targets {', '.join(targets)}"
              + (f", from safety alert #{new.source_alert_id}" if new.source_alert_id else ""))
    if submit:
        await submit_for_sending(session, settings, ann.id, actor, now, skip_allowed=skip)
    return ann


async def submit_for_sending(session: AsyncSession, settings: Settings, ann_id: int, actor: plan.Actor,
                             now: datetime, *, skip_allowed: bool | None = None) -> Announcement:
    """Draft → awaiting approval (two-person rule) or scheduled (due at ``schedule_at`` or now)."""
    ann = await get(session, ann_id)
    if ann.state != DRAFT:
        return ann
    config = settings.announcements
    skip = plan.may_skip_approval(config, ann.kind, actor) if skip_allowed is None else skip_allowed
    if config.require_approval and not skip and ann.approved_by is None:
        await _set(session, ann_id, state=AWAITING_APPROVAL, updated_at=now)
        await log(session, ann_id, now, actor.key, "submitted", "awaiting approval by another manager")
    else:
        await _set(session, ann_id, state=SCHEDULED, next_run_at=_first_run(ann, now), updated_at=now,
                   skipped_approval=bool(config.require_approval and skip))
        if config.require_approval and skip:
            await log(session, ann_id, now, actor.key, "approval skipped",
                      f"{ann.kind} alert by an author allowed to skip approval")
        await log(session, ann_id, now, actor.key, "scheduled", f"due {_first_run(ann, now).isoformat(timespec='seconds')}")
    return await get(session, ann_id)


def _first_run(ann: Announcement, now: datetime) -> datetime:
    return ann.schedule_at if ann.schedule_at is not None and ann.schedule_at > now else now


async def approve(session: AsyncSession, settings: Settings, ann_id: int, actor: plan.Actor, now: datetime,
                  *, key: str | None = None) -> tuple[plan.Approval, Announcement]:
    """Approve (two-person rule: never by the author — refused and recorded)."""
    ann = await get(session, ann_id)
    decision = plan.decide_approval(settings.announcements, ann.state, ann.author, actor.key)
    if decision is plan.Approval.self_approval:
        await log(session, ann_id, now, actor.key, "self-approval refused",
                  "the two-person rule needs a manager other than the author", key=key and f"{key}/refused")
        return decision, ann
    if decision is plan.Approval.not_awaiting:
        return decision, ann
    await _set(session, ann_id, approved_by=actor.key, approved_at=now, updated_at=now)
    await log(session, ann_id, now, actor.key, "approved", key=key and f"{key}/approved")
    await _set(session, ann_id, state=SCHEDULED, next_run_at=_first_run(ann, now))
    await log(session, ann_id, now, actor.key, "scheduled", f"due {_first_run(ann, now).isoformat(timespec='seconds')}")
    return decision, await get(session, ann_id)


def approval_missing(settings: Settings, ann: Announcement) -> bool:
    return (settings.announcements.require_approval and ann.approved_by is None and not ann.skipped_approval
            and ann.state in (DRAFT, AWAITING_APPROVAL))


# ----- fan-out -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FanOutResult:
    run: int
    chats: int
    dms: int


async def admin_chats(session: AsyncSession) -> list[plan.KnownChat]:
    rows = await directory.chats(session, bot_statuses=("administrator",))
    return [plan.KnownChat(platform=r.platform, chat_id=r.chat_id, kind=r.kind) for r in rows]


async def subscribers_for(session: AsyncSession, kind: str) -> list[tuple[str, str, str]]:
    """(platform, user id, language) of members subscribed to ``kind`` the bot may DM: one per person.

    A person who linked accounts (``/link``) and subscribed on several of them gets one copy, on the
    account whose subscription changed last among those the bot can reach.
    """
    sub, dm, link = Subscription.__table__, DirectMessageState.__table__, PersonLink.__table__
    stmt = (select(sub.c.platform, sub.c.user_id, sub.c.language, sub.c.kinds, sub.c.updated_at, link.c.person_id)
            .select_from(sub.outerjoin(dm, and_(dm.c.platform == sub.c.platform, dm.c.user_id == sub.c.user_id))
                         .outerjoin(link, and_(link.c.platform == sub.c.platform, link.c.user_id == sub.c.user_id)))
            .where(sub.c.blocked.is_(False), sub.c.kinds.like(f"%{kind}%"), or_(dm.c.open.is_(None), dm.c.open))
            .order_by(sub.c.platform, sub.c.user_id))
    rows = [r for r in (await session.execute(stmt)).all() if kind in r.kinds.split(",")]
    latest: dict[object, tuple] = {}
    for r in rows:
        person = ("person", r.person_id) if r.person_id is not None else ("account", r.platform, r.user_id)
        if person not in latest or r.updated_at > latest[person].updated_at:
            latest[person] = r
    chosen = {(r.platform, r.user_id) for r in latest.values()}
    return [(r.platform, r.user_id, r.language) for r in rows if (r.platform, r.user_id) in chosen]


async def fan_out(session: AsyncSession, settings: Settings, capabilities: Mapping[str, Capabilities],
                  ann_id: int, now: datetime, *, actor: str = "system") -> FanOutResult | None:
    """Queue one run: one outbox row per target chat and per subscriber (None if another run got there first)."""
    ann = await get(session, ann_id)
    if ann.state == RETRACTED:
        raise AnnouncementError(f"announcement #{ann_id} was retracted")
    run = ann.runs + 1
    # Claim the run: with two fan-outs at once (a tick and the CLI), only one moves ``runs`` on.
    following = plan.next_run_after(ann.next_run_at or now, ann.repeat_minutes, ann.repeat_until)
    while following is not None and following <= now:  # runs missed while nobody was running are skipped
        following = plan.next_run_after(following, ann.repeat_minutes, ann.repeat_until)
    claimed = await session.execute(
        update(Announcement.__table__)
        .where(Announcement.__table__.c.id == ann_id, Announcement.__table__.c.runs == ann.runs)
        .values(runs=run, state=SENDING, sent_at=ann.sent_at or now, updated_at=now, next_run_at=following))
    if not claimed.rowcount:
        return None
    spots = plan.resolve_targets(settings.announcements, targets_of(ann), await admin_chats(session))
    dms: list[plan.Spot] = []
    if ann.to_subscribers:
        dms = plan.subscriber_spots(await subscribers_for(session, ann.kind))
    copies = plan.plan_copies(content_of(ann), run, [*spots, *dms], capabilities)
    if copies:
        rows = [{"announcement_id": ann_id, "run": run, "audience": c.spot.audience, "platform": c.spot.platform,
                 "chat_id": c.spot.chat_id, "thread_id": c.spot.thread_id, "language": c.language,
                 "outbox_key": c.key, "has_file": c.has_file, "created_at": now} for c in copies]
        table = Delivery.__table__
        for i in range(0, len(rows), CHUNK):
            await session.execute(upsert_insert(session, table).on_conflict_do_nothing(), rows[i:i + CHUNK])
        actions = [a for c in copies for a in c.actions]
        for i in range(0, len(actions), CHUNK):
            await outbox.enqueue(session, actions[i:i + CHUNK], now=now)
    await log(session, ann_id, now, actor, "fan-out",
              f"run {run}: {len(spots)} chats, {len(dms)} subscribers", key=f"ann:{ann_id}:{run}/fan-out")
    await session.refresh(ann)
    return FanOutResult(run=run, chats=len(spots), dms=len(dms))


async def send_now(session: AsyncSession, settings: Settings, capabilities: Mapping[str, Capabilities],
                   ann_id: int, actor: plan.Actor, now: datetime) -> FanOutResult | None:
    """The CLI's ``send``: submit a draft if needed, then fan out at once (approval permitting)."""
    ann = await get(session, ann_id)
    if ann.state == RETRACTED:
        raise AnnouncementError(f"announcement #{ann_id} was retracted")
    if ann.state == SENDING:
        raise AnnouncementError(f"announcement #{ann_id} is already sending")
    if ann.state == DRAFT:
        ann = await submit_for_sending(session, settings, ann_id, actor, now)
    if ann.state == AWAITING_APPROVAL:
        raise AnnouncementError(f"announcement #{ann_id} awaits approval by a manager other than its author "
                                f"(beacon announce approve {ann_id} --as …)")
    if ann.state == SENT and ann.repeat_minutes is None:
        raise AnnouncementError(f"announcement #{ann_id} was already sent (edit or retract it instead)")
    await _set(session, ann_id, next_run_at=now)
    return await fan_out(session, settings, capabilities, ann_id, now, actor=actor.key)


# ----- delivered copies, edit, retract -------------------------------------------------------------------


async def _outbox_rows(session: AsyncSession, keys: Sequence[str]) -> dict[str, OutboxItem]:
    found: dict[str, OutboxItem] = {}
    for i in range(0, len(keys), CHUNK):
        chunk = keys[i:i + CHUNK]
        for row in (await session.scalars(select(OutboxItem).where(OutboxItem.key.in_(chunk)))).all():
            found[row.key] = row
    return found


async def deliveries_of(session: AsyncSession, ann_id: int) -> list[Delivery]:
    stmt = select(Delivery).where(Delivery.announcement_id == ann_id).order_by(Delivery.id)
    return list((await session.scalars(stmt)).all())


async def copies_of(session: AsyncSession, ann_id: int) -> list[tuple[Delivery, plan.DeliveredCopy]]:
    """Every copy of every run with the outbox's word on it (a resent in_doubt copy counts as itself)."""
    deliveries = await deliveries_of(session, ann_id)
    keys = [k for d in deliveries for k in (d.outbox_key, f"{d.outbox_key}/resend", f"{d.outbox_key}/file")]
    rows = await _outbox_rows(session, keys)
    out = []
    for d in deliveries:
        row = rows.get(d.outbox_key)
        resent = rows.get(f"{d.outbox_key}/resend")
        if resent is not None and (row is None or row.state != "sent"):
            row = resent
        file_row = rows.get(f"{d.outbox_key}/file")
        sent_file = file_row is not None and file_row.state == "sent"
        out.append((d, plan.DeliveredCopy(
            key=row.key if row is not None else d.outbox_key, platform=d.platform,
            chat_id=row.result_chat_id if row is not None else None,
            message_id=row.result_message_id if row is not None else None, language=d.language,
            audience=d.audience, state=row.state if row is not None else "missing", thread_id=d.thread_id,
            file_chat_id=file_row.result_chat_id if sent_file else None,  # type: ignore[union-attr]
            file_message_id=file_row.result_message_id if sent_file else None)))  # type: ignore[union-attr]
    return out


@dataclass
class Outcome:
    """What an edit or retract queued and what it had to leave out (with why)."""

    queued: int = 0
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (platform, chat, why)


async def edit(session: AsyncSession, settings: Settings, capabilities: Mapping[str, Capabilities], ann_id: int,
               texts: Mapping[str, str], actor: plan.Actor, now: datetime) -> Outcome:
    """Change language variants; every delivered copy is edited to its language's new text."""
    ann = await get(session, ann_id)
    if ann.state == RETRACTED:
        raise AnnouncementError(f"announcement #{ann_id} was retracted")
    if ann.state == SENDING and await pending_copies(session, ann_id):
        raise AnnouncementError(f"announcement #{ann_id} is still sending: edit it once every copy is out "
                                f"(beacon announce show {ann_id})")
    merged = plan.check_texts({**texts_of(ann), **dict(texts)}, ann.default_lang)
    version = ann.edit_version + 1
    values: dict[str, object] = {"texts": json.dumps(merged, ensure_ascii=False), "edit_version": version,
                                 "updated_at": now}
    if settings.announcements.require_approval and ann.runs == 0 and ann.approved_by is not None:
        # Approval was for the old text: the new one needs it again.
        values.update(state=AWAITING_APPROVAL, approved_by=None, approved_at=None, next_run_at=None)
    await _set(session, ann_id, **values)
    outcome = Outcome()
    if ann.runs:
        copies = await copies_of(session, ann_id)
        edit_plan = plan.plan_edit(content_of(await get(session, ann_id)), version, [c for _, c in copies],
                                   capabilities)
        await outbox.enqueue(session, edit_plan.actions, now=now)
        outcome.queued = len(edit_plan.actions)
        outcome.skipped = [(c.platform, c.chat_id or "?", why) for c, why in edit_plan.skipped]
    await log(session, ann_id, now, actor.key, "edited",
              f"version {version}: languages {', '.join(sorted(texts))}; {outcome.queued} copies to edit"
              + (f", {len(outcome.skipped)} not editable" if outcome.skipped else ""))
    return outcome


async def retract(session: AsyncSession, settings: Settings, capabilities: Mapping[str, Capabilities],
                  ann_id: int, actor: plan.Actor, now: datetime) -> Outcome:
    """Stop further sends and delete every delivered copy; record what could not be removed and why."""
    ann = await get(session, ann_id)
    if ann.state == RETRACTED:
        raise AnnouncementError(f"announcement #{ann_id} was already retracted")
    await _set(session, ann_id, state=RETRACTED, retracted_at=now, next_run_at=None, updated_at=now)
    deliveries = await deliveries_of(session, ann_id)
    keys = [k for d in deliveries for k in (d.outbox_key, f"{d.outbox_key}/file")]
    cancelled = 0
    for i in range(0, len(keys), CHUNK):
        # Copies still queued are never sent: the outbox marks them failed with the reason.
        result = await session.execute(
            update(OutboxItem.__table__)
            .where(OutboxItem.__table__.c.key.in_(keys[i:i + CHUNK]), OutboxItem.__table__.c.state == "queued")
            .values(state="failed", error="cancelled: the announcement was retracted", updated_at=now))
        cancelled += int(result.rowcount or 0)
    outcome = await _queue_deletes(session, capabilities, ann_id, ann.priority, now)
    await log(session, ann_id, now, actor.key, "retracted",
              f"{outcome.queued} deletions queued, {cancelled} unsent copies cancelled"
              + (f", {len(outcome.skipped)} cannot be removed" if outcome.skipped else ""))
    return outcome


async def _queue_deletes(session: AsyncSession, capabilities: Mapping[str, Capabilities], ann_id: int,
                         priority: int, now: datetime) -> Outcome:
    copies = await copies_of(session, ann_id)
    retract_plan = plan.plan_retract([c for _, c in copies], capabilities, priority)
    new = await outbox.enqueue(session, retract_plan.actions, now=now)
    by_key = {c.key: d for d, c in copies}
    for copy, why in retract_plan.skipped:
        delivery = by_key[copy.key]
        if delivery.removal is None:
            await session.execute(update(Delivery.__table__).where(Delivery.__table__.c.id == delivery.id)
                                  .values(removal=why[:64]))
    return Outcome(queued=new, skipped=[(c.platform, c.chat_id or "?", why) for c, why in retract_plan.skipped])


# ----- failures and subscriptions ------------------------------------------------------------------------


async def record_failure(session: AsyncSession, key: str, reason: str, state: str, now: datetime) -> None:
    """An ``ActionFailed`` for one of our keys: the copy's reason, a removal that failed, a blocked member."""
    parsed = plan.parse_delivery_key(key)
    if parsed is None:
        return
    ann_id, role = parsed
    base = key.split("/", 1)[0]
    table = Delivery.__table__
    if role in ("del", "file/del"):
        await session.execute(update(table).where(table.c.outbox_key == base)
                              .values(removal=f"not removed: {reason}"[:64]))
        await log(session, ann_id, now, "system", "not removed", f"{_where(base)}: {reason}", key=f"{key}/failed")
        return
    if role.startswith("edit"):
        await log(session, ann_id, now, "system", "not edited", f"{_where(base)}: {reason}", key=f"{key}/failed")
        return
    await session.execute(update(table).where(table.c.outbox_key == base).values(reason=reason[:32]))
    delivery = (await session.scalars(select(Delivery).where(Delivery.outbox_key == base))).first()
    if delivery is not None and delivery.audience == DM and reason in ("blocked", "never_started", "dm_closed"):
        await set_blocked(session, delivery.platform, delivery.chat_id, True, reason, now)


def _where(key: str) -> str:
    return ":".join(key.split(":")[3:])


async def set_blocked(session: AsyncSession, platform: str, user_id: str, blocked: bool, reason: str | None,
                      now: datetime) -> None:
    table = Subscription.__table__
    stmt = update(table).where(table.c.platform == platform, table.c.user_id == user_id)
    if not blocked:
        stmt = stmt.where(table.c.blocked.is_(True))
    await session.execute(stmt.values(blocked=blocked, blocked_reason=reason if blocked else None, updated_at=now))


async def subscribe(session: AsyncSession, platform: str, user_id: str, kinds: Sequence[str], language: str,
                    now: datetime) -> None:
    table = Subscription.__table__
    values = {"kinds": ",".join(sorted(set(kinds))), "language": language, "blocked": False,
              "blocked_reason": None, "updated_at": now}
    stmt = upsert_insert(session, table).values(platform=platform, user_id=user_id, created_at=now, **values)
    await session.execute(stmt.on_conflict_do_update(index_elements=[table.c.platform, table.c.user_id], set_=values))


# ----- reconciliation (every tick) -----------------------------------------------------------------------


async def pending_copies(session: AsyncSession, ann_id: int) -> int:
    d, o = Delivery.__table__, OutboxItem.__table__
    stmt = (select(func.count()).select_from(d.join(o, o.c.key == d.c.outbox_key))
            .where(d.c.announcement_id == ann_id, o.c.state.in_(("queued", "sending"))))
    return int(await session.scalar(stmt) or 0)


async def progress(session: AsyncSession, ann_id: int, run: int | None = None) -> dict[str, int]:
    """Copies per outbox state (all runs, or one), every state present."""
    d, o = Delivery.__table__, OutboxItem.__table__
    stmt = (select(o.c.state, func.count()).select_from(d.join(o, o.c.key == d.c.outbox_key))
            .where(d.c.announcement_id == ann_id).group_by(o.c.state))
    if run is not None:
        stmt = stmt.where(d.c.run == run)
    found = {state: int(n) for state, n in (await session.execute(stmt)).all()}
    return {state: found.get(state, 0) for state in OUTBOX_STATES}


async def reconcile(session: AsyncSession, settings: Settings, capabilities: Mapping[str, Capabilities],
                    now: datetime) -> list[int]:
    """Fan out what is due, close finished runs, resend in_doubt alerts if configured, finish retractions.

    Returns the ids of announcements fanned out.
    """
    t = Announcement.__table__
    started: list[int] = []
    due = await session.scalars(
        select(Announcement).where(t.c.state.in_((SCHEDULED, SENDING)), t.c.next_run_at.is_not(None),
                                   t.c.next_run_at <= now).order_by(t.c.priority.desc(), t.c.id))
    for ann in list(due.all()):
        assert ann.id is not None
        if await fan_out(session, settings, capabilities, ann.id, now) is not None:
            started.append(ann.id)
    sending = (await session.scalars(select(Announcement).where(t.c.state == SENDING))).all()
    for ann in list(sending):
        assert ann.id is not None
        if ann.id in started or await pending_copies(session, ann.id):
            continue
        counts = await progress(session, ann.id, ann.runs)
        finished = SCHEDULED if ann.next_run_at is not None else SENT
        await _set(session, ann.id, state=finished, updated_at=now)
        await log(session, ann.id, now, "system", "run finished",
                  f"run {ann.runs}: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n),
                  key=f"ann:{ann.id}:{ann.runs}/finished")
    recent = now - timedelta(days=1)
    if settings.announcements.resend_in_doubt_alerts:
        alerts = (await session.scalars(select(Announcement).where(
            t.c.kind.in_(tuple(ALERT_KINDS)), t.c.state.in_((SENDING, SENT)), t.c.sent_at >= recent))).all()
        for ann in list(alerts):
            assert ann.id is not None
            await _resend_in_doubt(session, ann.id, now)
    # Copies in flight at a retraction settle within seconds; look back a little longer than that.
    retracted = (await session.scalars(select(Announcement).where(
        t.c.state == RETRACTED, t.c.retracted_at >= now - timedelta(minutes=10)))).all()
    for ann in list(retracted):
        assert ann.id is not None
        # A copy in flight at the retraction lands afterwards: delete it too (keys make this idempotent).
        await _queue_deletes(session, capabilities, ann.id, ann.priority, now)
    return started


async def _resend_in_doubt(session: AsyncSession, ann_id: int, now: datetime) -> None:
    deliveries = await deliveries_of(session, ann_id)
    keys = [d.outbox_key for d in deliveries]
    rows = await _outbox_rows(session, [*keys, *(f"{k}/resend" for k in keys)])
    resend: list[ActionBase] = []
    for key in keys:
        row = rows.get(key)
        if row is None or row.state != "in_doubt" or f"{key}/resend" in rows:
            continue
        resend.append(decode_action(row.action).model_copy(update={"key": f"{key}/resend"}))
    if resend:
        await outbox.enqueue(session, resend, now=now)
        await log(session, ann_id, now, "system", "resent in_doubt",
                  f"{len(resend)} safety-alert copies left in_doubt were queued again (resend_in_doubt_alerts)")
