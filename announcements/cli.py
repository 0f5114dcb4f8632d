"""``beacon announce create|list|show|approve|send|edit|retract``: announcements from a terminal."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from beacon.adapter import Capabilities
from beacon.cli import ConfigOption, JsonOption, fail, in_transaction, run_command, settings_or_exit
from beacon.config import Settings

from announcements import plan, service
from announcements.config import ALERT_KINDS, KINDS
from announcements.models import STATES, Announcement, AnnouncementLog

announce_app = typer.Typer(help="Announcements and safety alerts: compose, approve, send, edit, retract.",
                           no_args_is_help=True)

T = TypeVar("T")

ActorOption = Annotated[
    Optional[str],
    typer.Option("--as", envvar="BEACON_ACTOR", help="Manager (staff username or id) acting; default $BEACON_ACTOR.",
                 show_default=False),
]
TextOption = Annotated[
    Optional[list[str]],
    typer.Option("--text", help="LANG=FILE: one language variant read from a file (repeat per language).",
                 show_default=False),
]
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _redact(text: str) -> str:
    from community.redact import redact

    return redact(text)


def announcement_json(ann: Announcement, counts: Mapping[str, int]) -> dict[str, Any]:
    """Stable fields of an announcement (text fields redacted, the default variant shortened)."""
    texts = service.texts_of(ann)
    return {
        "id": ann.id, "kind": ann.kind, "state": ann.state, "author": ann.author_label or ann.author,
        "approved_by": ann.approved_by, "targets": service.targets_of(ann), "languages": sorted(texts),
        "default_lang": ann.default_lang, "schedule_at": _iso(ann.schedule_at), "next_run_at": _iso(ann.next_run_at),
        "repeat_minutes": ann.repeat_minutes, "repeat_until": _iso(ann.repeat_until), "runs": ann.runs,
        "pin": ann.pin, "priority": ann.priority, "to_subscribers": ann.to_subscribers,
        "attachment": ann.attachment_name, "source_alert_id": ann.source_alert_id,
        "created_at": _iso(ann.created_at), "sent_at": _iso(ann.sent_at), "retracted_at": _iso(ann.retracted_at),
        "edit_version": ann.edit_version, "deliveries": dict(counts),
        "preview": _redact(texts.get(ann.default_lang, ""))[:160],
    }


# ----- plumbing ---------------------------------------------------------------------------------------------


def _run(coro: Awaitable[T]) -> T:
    return run_command(coro, user_errors=(service.AnnouncementError, plan.PlanError))


def _actor(settings: Settings, handle: str | None) -> plan.Actor:
    if not handle:
        fail("say who acts: --as <staff username or id> (or set BEACON_ACTOR)", 2)
    actor = service.actor_by_handle(settings, handle)  # type: ignore[arg-type]
    if actor is None:
        fail(f"{handle!r} is not a [[staff]] member with the manager role", 2)
    return actor  # type: ignore[return-value]


def _capabilities(settings: Settings) -> dict[str, Capabilities]:
    """Each configured platform's capabilities (pin, edit, delete), as the workers see them."""
    from beacon.app import configured_adapters

    return {a.platform: a.capabilities for a in configured_adapters(settings, None)}


def _read_texts(specs: list[str] | None) -> dict[str, str]:
    texts: dict[str, str] = {}
    for spec in specs or []:
        lang, sep, path = spec.partition("=")
        if not sep or not lang.strip() or not path.strip():
            fail(f"--text takes LANG=FILE, e.g. en=notice.en.md (got {spec!r})", 2)
        try:
            texts[lang.strip()] = Path(path.strip()).read_text(encoding="utf-8")
        except OSError as exc:
            fail(f"cannot read {path.strip()}: {exc.strerror}", 2)
        except UnicodeDecodeError:
            fail(f"{path.strip()} is not UTF-8 text", 2)
    return texts


def _when(value: str | None, now: datetime) -> datetime | None:
    if value is None:
        return None
    try:
        return plan.parse_when(value, now)
    except plan.PlanError as exc:
        fail(str(exc), 2)
    return None  # pragma: no cover


# ----- commands ---------------------------------------------------------------------------------------------


@announce_app.command("create")
def create_cmd(
    kind: Annotated[str, typer.Option(help=f"One of: {', '.join(KINDS)}.")] = "general",
    text: TextOption = None,
    default_lang: Annotated[Optional[str], typer.Option("--default-lang", help="The variant used where no other "
                                                        "fits (default: the first --text).")] = None,
    target: Annotated[Optional[list[str]], typer.Option("--target", help="A configured target, or 'all' "
                                                        "(chats the bot administers); repeatable.")] = None,
    at: Annotated[Optional[str], typer.Option("--at", help="When: 2026-12-01T02:00Z, +2h, now. Submits it.")] = None,
    every: Annotated[Optional[str], typer.Option("--every", help="Recurring reminder: 30m, 6h, 1d.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last time a reminder may run.")] = None,
    pin: Annotated[bool, typer.Option("--pin", help="Pin it where the bot may pin.")] = False,
    subscribers: Annotated[bool, typer.Option("--subscribers/--no-subscribers",
                                              help="Also DM members subscribed to this kind.")] = True,
    attach: Annotated[Optional[Path], typer.Option("--file", help="An image or document sent with it.")] = None,
    from_alert: Annotated[Optional[int], typer.Option("--from-alert", help="Build a safety alert from "
                                                      "moderation's alert ID.")] = None,
    submit: Annotated[bool, typer.Option("--submit", help="Submit now (for approval, or to go out at once).")] = False,
    as_: ActorOption = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Compose an announcement. With --at (or --submit) it is submitted: awaiting approval or scheduled."""
    settings = settings_or_exit(config)
    actor = _actor(settings, as_)
    now = _now()
    texts = _read_texts(text)
    if from_alert is None and not texts:
        fail("give at least one --text LANG=FILE (or --from-alert ID)", 2)
    if from_alert is not None and kind not in ALERT_KINDS:
        kind = "security"
    if attach is not None and not attach.is_file():
        fail(f"cannot read {attach}", 2)

    async def work(session: AsyncSession) -> dict[str, Any]:
        nonlocal texts
        if from_alert is not None:
            texts = {**await _alert_texts(session, settings, from_alert, default_lang), **texts}
        lang = default_lang or next(iter(texts))
        new = service.NewAnnouncement(
            kind=kind, texts=texts, default_lang=lang, targets=target or [], to_subscribers=subscribers, pin=pin,
            schedule_at=_when(at, now) if at and at.strip().lower() != "now" else None,
            repeat_minutes=plan.parse_every(every) if every else None, repeat_until=_when(until, now),
            attachment_path=str(attach.resolve()) if attach else None, attachment_name=attach.name if attach else None,
            attachment_kind=("image" if attach.suffix.lower() in IMAGE_SUFFIXES else "document") if attach else None,
            source_alert_id=from_alert)
        ann = await service.create(session, settings, new, actor, now, submit=submit or at is not None)
        return announcement_json(ann, {})

    row = _run(in_transaction(settings, work))
    if as_json:
        typer.echo(json.dumps(row, ensure_ascii=False))
        return
    typer.echo(f"announcement #{row['id']} ({row['kind']}) is {row['state']}"
               + (f", due {row['next_run_at']}" if row["state"] == "scheduled" else ""))
    if row["state"] == "draft":
        typer.echo(f"send it with: beacon announce send {row['id']} --as …", err=True)


async def _alert_texts(session: AsyncSession, settings: Settings, alert_id: int, default_lang: str | None
                       ) -> dict[str, str]:
    """Variants for one of moderation's safety alerts, in the languages the targets read."""
    try:
        from moderation.models import SafetyAlert
    except ImportError:  # pragma: no cover - moderation not installed in this build
        raise service.AnnouncementError("moderation is not installed: --from-alert is unavailable") from None
    alert = await session.get(SafetyAlert, alert_id)
    if alert is None:
        raise service.AnnouncementError(f"no safety alert #{alert_id}")
    languages = {plan.normalise_lang(c.language or t.language) for t in settings.announcements.targets
                 for c in t.chats} | {plan.normalise_lang(settings.announcements.default_language),
                                      plan.normalise_lang(default_lang)}
    return plan.alert_texts(alert.kind, alert.display, sorted(x for x in languages if x))


@announce_app.command("list")
def list_cmd(
    state: Annotated[Optional[str], typer.Option(help=f"Only this state: {', '.join(STATES)}.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 50,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Announcements, newest first, with delivery counts."""
    settings = settings_or_exit(config)
    if state is not None and state not in STATES:
        fail(f"--state is one of {', '.join(STATES)}", 2)

    async def work(session: AsyncSession) -> list[dict[str, Any]]:
        stmt = select(Announcement).order_by(Announcement.id.desc()).limit(limit)  # type: ignore[union-attr]
        if state is not None:
            stmt = stmt.where(Announcement.state == state)
        rows = (await session.scalars(stmt)).all()
        return [announcement_json(a, await service.progress(session, a.id)) for a in rows]  # type: ignore[arg-type]

    rows = _run(in_transaction(settings, work))
    for row in rows:
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            c = row["deliveries"]
            typer.echo(f"#{row['id']:<5} {row['state']:<17} {row['kind']:<12} {','.join(row['languages']):<10} "
                       f"sent {c['sent']}/{sum(c.values())}  failed {c['failed']}  in_doubt {c['in_doubt']}  "
                       f"{row['preview'][:50]!r}")
    if not rows and not as_json:
        typer.echo("no announcements", err=True)


@announce_app.command("show")
def show_cmd(
    ann_id: Annotated[int, typer.Argument(metavar="ID")],
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """One announcement: texts, deliveries per state, failures per chat with reasons, log."""
    settings = settings_or_exit(config)

    async def work(session: AsyncSession) -> dict[str, Any]:
        ann = await service.get(session, ann_id)
        row = announcement_json(ann, await service.progress(session, ann_id))
        row["texts"] = {lang: _redact(text) for lang, text in service.texts_of(ann).items()}
        problems = []
        for delivery, copy in await service.copies_of(session, ann_id):
            if copy.state in ("failed", "in_doubt", "missing") or delivery.removal:
                problems.append({"run": delivery.run, "audience": delivery.audience, "platform": delivery.platform,
                                 "chat_id": delivery.chat_id, "language": delivery.language, "state": copy.state,
                                 "reason": delivery.reason or ("in_doubt" if copy.state == "in_doubt" else None),
                                 "removal": delivery.removal})
        row["problems"] = problems
        entries = (await session.scalars(select(AnnouncementLog).where(AnnouncementLog.announcement_id == ann_id)
                                         .order_by(AnnouncementLog.id))).all()
        # Log details are composed by Beacon (counts, chat ids, reasons), never members' words.
        row["log"] = [{"at": _iso(e.at), "actor": e.actor, "action": e.action, "detail": e.detail}
                      for e in entries]
        return row

    row = _run(in_transaction(settings, work))
    if as_json:
        typer.echo(json.dumps(row, ensure_ascii=False))
        return
    c = row["deliveries"]
    typer.echo(f"#{row['id']} {row['kind']} — {row['state']} (by {row['author']}"
               + (f", approved by {row['approved_by']}" if row["approved_by"] else "") + ")")
    typer.echo(f"targets: {', '.join(row['targets'])}   languages: {', '.join(row['languages'])} "
               f"(default {row['default_lang']})   runs: {row['runs']}")
    typer.echo("copies: " + ", ".join(f"{n} {s}" for s, n in c.items()))
    for p in row["problems"]:
        typer.echo(f"  {p['audience']} {p['platform']}:{p['chat_id']} [{p['language']}] {p['state']}"
                   + (f" — {p['reason']}" if p["reason"] else "") + (f" — {p['removal']}" if p["removal"] else ""))
    for lang, text in row["texts"].items():
        typer.echo(f"--- {lang}\n{text}")
    typer.echo("log:")
    for e in row["log"]:
        typer.echo(f"  {e['at']}  {e['actor']:<20} {e['action']}  {e['detail']}")


@announce_app.command("approve")
def approve_cmd(
    ann_id: Annotated[int, typer.Argument(metavar="ID")],
    as_: ActorOption = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Approve an announcement (two-person rule: never its author). Due ones go out at once."""
    settings = settings_or_exit(config)
    actor = _actor(settings, as_)
    now = _now()

    async def work(session: AsyncSession) -> tuple[plan.Approval, dict[str, Any], service.FanOutResult | None]:
        decision, ann = await service.approve(session, settings, ann_id, actor, now)
        result = None
        if (decision is plan.Approval.approved and ann.next_run_at is not None and ann.next_run_at <= now):
            result = await service.fan_out(session, settings, _capabilities(settings), ann_id, now, actor=actor.key)
            ann = await service.get(session, ann_id)
        return decision, announcement_json(ann, {}), result

    decision, row, result = _run(in_transaction(settings, work))
    if as_json:
        typer.echo(json.dumps({**row, "decision": decision.value}, ensure_ascii=False))
    if decision is plan.Approval.self_approval:
        fail(f"self-approval refused: announcement #{ann_id} needs a manager other than its author "
             "(two-person rule); the attempt was recorded", 3)
    if decision is plan.Approval.not_awaiting:
        fail(f"announcement #{ann_id} is not awaiting approval (it is {row['state']})", 3)
    if not as_json:
        typer.echo(f"announcement #{ann_id} approved; "
                   + (f"going out to {result.chats} chats and {result.dms} subscribers" if result else
                      f"due {row['next_run_at']}"))


@announce_app.command("send")
def send_cmd(
    ann_id: Annotated[int, typer.Argument(metavar="ID")],
    wait: Annotated[bool, typer.Option("--wait/--no-wait", help="Follow delivery with a progress bar.")] = True,
    timeout: Annotated[float, typer.Option(help="Stop following after this many seconds (0: no limit).")] = 0.0,
    as_: ActorOption = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Send now (approval permitting), then follow delivery live until every copy is out."""
    settings = settings_or_exit(config)
    actor = _actor(settings, as_)
    now = _now()

    async def work(session: AsyncSession) -> service.FanOutResult | None:
        return await service.send_now(session, settings, _capabilities(settings), ann_id, actor, now)

    result = _run(in_transaction(settings, work))
    if result is None:
        fail(f"announcement #{ann_id} was fanned out by another process meanwhile", 3)
    assert result is not None
    if not as_json:
        typer.echo(f"announcement #{ann_id} run {result.run}: {result.chats} chats, {result.dms} subscribers",
                   err=True)
    counts = _run(follow(settings, ann_id, result.run, timeout_s=timeout)) if wait else {}
    if as_json:
        typer.echo(json.dumps({"id": ann_id, "run": result.run, "chats": result.chats, "dms": result.dms,
                               "deliveries": counts}))
    elif counts:
        typer.echo(", ".join(f"{n} {s}" for s, n in counts.items()))


async def follow(settings: Settings, ann_id: int, run: int, *, timeout_s: float = 0.0,
                 poll_s: float = 0.5) -> dict[str, int]:
    """A live progress bar (on stderr) read from the outbox until no copy is queued or sending."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from beacon.storage import db

    engine = db.make_engine(settings.database.url)
    sessions = db.make_sessionmaker(engine)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s if timeout_s else None
    counts: dict[str, int] = {}
    columns = (TextColumn("[bold]#{task.fields[ann]}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("sent {task.fields[sent]} · failed {task.fields[failed]} · in_doubt {task.fields[in_doubt]}"
                          " · queued {task.fields[queued]}"), TimeElapsedColumn())
    try:
        with Progress(*columns, console=Console(file=sys.stderr), transient=False) as bar:
            task = bar.add_task("send", total=None, ann=ann_id, sent=0, failed=0, in_doubt=0, queued=0)
            while True:
                async with sessions() as session:
                    counts = await service.progress(session, ann_id, run)
                total = sum(counts.values())
                done = counts["sent"] + counts["failed"] + counts["in_doubt"]
                bar.update(task, total=total, completed=done, sent=counts["sent"], failed=counts["failed"],
                           in_doubt=counts["in_doubt"], queued=counts["queued"] + counts["sending"])
                if done >= total or (deadline is not None and loop.time() >= deadline):
                    break
                await asyncio.sleep(poll_s)
    finally:
        await engine.dispose()
    return counts


@announce_app.command("edit")
def edit_cmd(
    ann_id: Annotated[int, typer.Argument(metavar="ID")],
    text: TextOption = None,
    as_: ActorOption = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Replace language variants; every delivered copy is edited to its language's new text."""
    settings = settings_or_exit(config)
    actor = _actor(settings, as_)
    texts = _read_texts(text)
    if not texts:
        fail("give at least one --text LANG=FILE", 2)

    async def work(session: AsyncSession) -> service.Outcome:
        return await service.edit(session, settings, _capabilities(settings), ann_id, texts, actor, _now())

    outcome = _run(in_transaction(settings, work))
    _print_outcome("edit", ann_id, outcome, as_json)


@announce_app.command("retract")
def retract_cmd(
    ann_id: Annotated[int, typer.Argument(metavar="ID")],
    as_: ActorOption = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Stop an announcement and delete every delivered copy; lists what could not be removed."""
    settings = settings_or_exit(config)
    actor = _actor(settings, as_)

    async def work(session: AsyncSession) -> service.Outcome:
        return await service.retract(session, settings, _capabilities(settings), ann_id, actor, _now())

    outcome = _run(in_transaction(settings, work))
    _print_outcome("retract", ann_id, outcome, as_json)


def _print_outcome(what: str, ann_id: int, outcome: service.Outcome, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({"id": ann_id, "queued": outcome.queued,
                               "skipped": [{"platform": p, "chat_id": c, "why": w} for p, c, w in outcome.skipped]}))
        return
    verb = "edits" if what == "edit" else "deletions"
    typer.echo(f"announcement #{ann_id}: {outcome.queued} {verb} queued")
    for platform, chat, why in outcome.skipped:
        typer.echo(f"  not possible in {platform}:{chat} — {why}")
    if what == "retract":
        typer.echo(f"follow the outcome with: beacon announce show {ann_id}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(announce_app, name="announce")
