"""``beacon tickets list|show|reply|close`` and ``beacon feedback list``: the support desk from a terminal."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone
from typing import Annotated, Optional

import typer
from sqlalchemy import select

from beacon.cli import ConfigOption, JsonOption, fail, in_transaction, run_command, settings_or_exit
from beacon.config import Role, Settings, StaffMember
from community.models import STATUSES, Evidence, Feedback, Ticket, TicketEntry
from community.redact import redact

tickets_app = typer.Typer(help="Support tickets.", no_args_is_help=True)
feedback_app = typer.Typer(help="Members' suggestions for the product team (/feedback).", no_args_is_help=True)

ActorOption = Annotated[
    Optional[str],
    typer.Option("--as", envvar="BEACON_ACTOR", help="Staff username or id acting (default: $BEACON_ACTOR).",
                 show_default=False),
]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def ticket_json(ticket: Ticket) -> dict:
    """DESIGN.md's stable ticket fields first, then more; text fields redacted again on the way out."""
    return {
        "id": ticket.id, "status": ticket.status, "category": ticket.category, "urgency": ticket.urgency,
        "team": ticket.team, "assignee": ticket.assignee, "platform": ticket.platform, "user_id": ticket.user_id,
        "created_at": _iso(ticket.created_at), "first_response_due": _iso(ticket.first_response_due),
        "resolution_due": _iso(ticket.resolution_due), "summary": redact(ticket.summary),
        "language": ticket.language, "source": ticket.source, "resolution": ticket.resolution,
        "escalated": ticket.escalated, "first_response_at": _iso(ticket.first_response_at),
        "resolved_at": _iso(ticket.resolved_at), "breached_first_response": ticket.breached_first,
        "breached_resolution": ticket.breached_resolution, "updated_at": _iso(ticket.updated_at),
    }


def entry_json(entry: TicketEntry) -> dict:
    return {"id": entry.id, "at": _iso(entry.at), "actor": entry.actor, "kind": entry.kind,
            "text": redact(entry.text), "detail": redact(entry.detail)}


def feedback_json(item: Feedback) -> dict:
    return {"id": item.id, "platform": item.platform, "user_id": item.user_id, "language": item.language,
            "tags": [t for t in item.tags.split(",") if t], "text": redact(item.text),
            "created_at": _iso(item.created_at)}


def _actor(settings: Settings, handle: str | None) -> StaffMember:
    if not handle:
        fail("say who acts: --as <staff username or id> (or set BEACON_ACTOR)", 2)
    staff = settings.staff_by_handle(handle or "")
    if staff is None:
        fail(f"{handle!r} is not a [[staff]] member in the config", 2)
    assert staff is not None
    if not staff.has_role(Role.agent):
        fail(f"{handle!r} does not have the agent role", 2)
    return staff


@tickets_app.command("list")
def tickets_list(
    config: ConfigOption = None,
    status: Annotated[Optional[str], typer.Option(help=f"Only this status ({', '.join(STATUSES)}).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 200,
    as_json: JsonOption = False,
) -> None:
    """Tickets, newest first."""
    settings = settings_or_exit(config)
    if status is not None and status not in STATUSES:
        fail(f"unknown status {status!r}: use one of {', '.join(STATUSES)}", 2)

    async def work(session):  # noqa: ANN001, ANN202
        stmt = select(Ticket).order_by(Ticket.id.desc()).limit(limit)
        if status is not None:
            stmt = stmt.where(Ticket.status == status)
        return list((await session.scalars(stmt)).all())

    tickets = run_command(in_transaction(settings, work)) or []
    for ticket in tickets:
        row = ticket_json(ticket)
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            typer.echo(f"#{row['id']:<5} {row['status']:<16} {row['urgency']:<8} {row['category']:<18} "
                       f"team={row['team'] or '-'} assignee={row['assignee'] or '-'} "
                       f"due={row['first_response_due'] or '-'}  {row['summary'][:60]}")
    if not tickets and not as_json:
        typer.echo("no tickets", err=True)


@tickets_app.command("show")
def tickets_show(ticket_id: int, config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """One ticket with its history (audit trail) and evidence."""
    settings = settings_or_exit(config)

    async def work(session):  # noqa: ANN001, ANN202
        ticket = await session.get(Ticket, ticket_id)
        if ticket is None:
            return None
        entries = (await session.scalars(select(TicketEntry).where(TicketEntry.ticket_id == ticket_id)
                                         .order_by(TicketEntry.at, TicketEntry.id))).all()
        files = (await session.scalars(select(Evidence).where(Evidence.ticket_id == ticket_id)
                                       .order_by(Evidence.id))).all()
        return ticket, list(entries), list(files)

    found = run_command(in_transaction(settings, work))
    if found is None:
        fail(f"no ticket #{ticket_id}")
    ticket, entries, files = found
    data = ticket_json(ticket)
    data["history"] = [entry_json(e) for e in entries]
    data["evidence"] = [{"id": f.id, "kind": f.kind, "file_name": f.file_name, "mime_type": f.mime_type,
                         "size": f.size, "path": f.path, "state": f.state, "created_at": _iso(f.created_at)}
                        for f in files]
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    for key in ("id", "status", "category", "urgency", "team", "assignee", "platform", "user_id", "language",
                "created_at", "first_response_due", "first_response_at", "resolution_due", "resolved_at", "summary"):
        typer.echo(f"{key:>19}: {data[key]}")
    typer.echo("history:")
    for entry in data["history"]:
        typer.echo(f"  {entry['at']}  {entry['actor']:<24} {entry['kind']:<15} {entry['detail']} {entry['text']}"
                   .rstrip())
    for item in data["evidence"]:
        typer.echo(f"  file {item['file_name']} ({item['state']}) {item['path']}")


async def _act(settings: Settings, ticket_id: int, staff: StaffMember, act) -> str | None:  # noqa: ANN001
    """Run a desk decision for the CLI: records applied and actions queued in one transaction,
    exactly as a worker does for an event (a running Beacon's dispatcher sends them)."""
    from beacon.domain import Context, Reader, Record
    from beacon.storage import outbox
    from community.handlers import Desk

    desk = Desk(settings)

    def no_analysis(_):  # noqa: ANN001, ANN202 - the CLI's texts come from staff, nothing to analyse
        from beacon.verdict import Verdict

        return Verdict()

    async def work(session):  # noqa: ANN001, ANN202
        ticket = await session.get(Ticket, ticket_id)
        if ticket is None:
            return f"no ticket #{ticket_id}"
        ctx = Context(settings=settings, now=datetime.now(timezone.utc), read=Reader(session), capabilities={},
                      deep_links={}, analyse=no_analysis)
        effects = await act(desk, ctx, ticket, f"cli:{uuid.uuid4().hex}")
        actions = []
        for effect in effects:
            if isinstance(effect, Record):
                await effect.apply(session)
            else:
                actions.append(effect)
        await outbox.enqueue(session, actions)
        return None

    return await in_transaction(settings, work)


@tickets_app.command("reply")
def tickets_reply(ticket_id: int, text: str, config: ConfigOption = None, actor: ActorOption = None) -> None:
    """Answer the member (sent to their DM, signed with your alias and staff number)."""
    settings = settings_or_exit(config)
    staff = _actor(settings, actor)
    if not text.strip():
        fail("the reply is empty", 2)

    async def act(desk, ctx, ticket, key):  # noqa: ANN001, ANN202
        from community.routing import handle_of

        return await desk.relay_to_member(ctx, ticket, staff, text, key, actor=f"cli:{handle_of(staff)}")

    error = run_command(_act(settings, ticket_id, staff, act))
    if error:
        fail(error)
    typer.echo(f"reply to ticket #{ticket_id} queued")


@tickets_app.command("close")
def tickets_close(ticket_id: int, config: ConfigOption = None, actor: ActorOption = None) -> None:
    """Close a ticket (the member is told by DM)."""
    settings = settings_or_exit(config)
    staff = _actor(settings, actor)

    async def act(desk, ctx, ticket, key):  # noqa: ANN001, ANN202
        from community.models import CLOSED
        from community.routing import handle_of

        if ticket.status == CLOSED:
            return []
        _, effects = await desk.set_status(ctx, ticket, CLOSED, key=key, actor=f"cli:{handle_of(staff)}",
                                            resolution="closed")
        return effects

    error = run_command(_act(settings, ticket_id, staff, act))
    if error:
        fail(error)
    typer.echo(f"ticket #{ticket_id} closed")


@feedback_app.command("list")
def feedback_list(config: ConfigOption = None, as_json: JsonOption = False,
                  tag: Annotated[Optional[str], typer.Option(help="Only items with this tag.")] = None) -> None:
    """Suggestions members sent with /feedback, newest first."""
    settings = settings_or_exit(config)

    async def work(session):  # noqa: ANN001, ANN202
        return list((await session.scalars(select(Feedback).order_by(Feedback.id.desc()))).all())

    items = [i for i in (run_command(in_transaction(settings, work)) or []) if tag is None or tag in i.tags.split(",")]
    for item in items:
        row = feedback_json(item)
        typer.echo(json.dumps(row, ensure_ascii=False) if as_json else
                   f"#{row['id']:<5} {row['created_at']}  [{', '.join(row['tags'])}]  {row['text']}")
    if not items and not as_json:
        typer.echo("no feedback", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(tickets_app, name="tickets")
    app.add_typer(feedback_app, name="feedback")
