"""``beacon flags list|act`` and ``beacon audit``: the review queue and the audit log from a terminal."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from typing import Annotated, Optional

import typer
from sqlalchemy import select

from beacon.cli import ConfigOption, JsonOption, fail, in_transaction, run_command, settings_or_exit
from beacon.config import Role, Settings
from moderation.models import CASE_STATES, AuditEntry, ModerationCase
from moderation.redact import mask_patterns

flags_app = typer.Typer(help="Moderation cases (flagged messages and joins).", no_args_is_help=True)

# CLI words → the card's button codes.
ACTIONS = {
    "dismiss": "dis", "delete": "del", "warn": "warn", "mute1h": "m1h", "mute24h": "m24h", "ban": "ban",
    "false_positive": "fp", "uphold": "up", "overturn": "ov",
}


def case_json(case: ModerationCase) -> dict:
    """DESIGN.md's stable flag fields, then more; text fields masked again on the way out."""
    return {
        "id": case.ref,
        "status": case.status,
        "flags": [f for f in case.flags.split(",") if f],
        "platform": case.platform,
        "chat_id": case.chat_id,
        "message_id": case.message_id,
        "author_id": case.author_id,
        "created_at": case.created_at.isoformat(),
        "reasons": [mask_patterns(r) for r in json.loads(case.reasons or "[]")],
        "kind": case.kind,
        "community": case.community,
        "author_username": case.author_username,
        "imitates": case.imitates,
        "steps": [s for s in case.steps.split(",") if s],
        "text": mask_patterns(case.masked_text),
        "decided_by": case.decided_by,
        "decided_action": case.decided_action,
        "decided_at": case.decided_at.isoformat() if case.decided_at else None,
        "appealed_at": case.appealed_at.isoformat() if case.appealed_at else None,
    }


def audit_json(entry: AuditEntry) -> dict:
    return {"id": entry.id, "at": entry.at.isoformat(), "actor": entry.actor, "action": entry.action,
            "target": entry.target, "reason": mask_patterns(entry.reason), "rule": entry.rule, "case": entry.case_ref}


@flags_app.command("list")
def flags_list(
    config: ConfigOption = None,
    status: Annotated[Optional[str], typer.Option(help=f"Only cases in this state: {', '.join(CASE_STATES)}.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 100,
    as_json: JsonOption = False,
) -> None:
    """List moderation cases, newest first."""
    if status is not None and status not in CASE_STATES:
        fail(f"--status must be one of {', '.join(CASE_STATES)}; got {status!r}", 2)
    settings = settings_or_exit(config)

    async def work(session):
        stmt = select(ModerationCase).order_by(ModerationCase.created_at.desc(), ModerationCase.id.desc()).limit(limit)  # type: ignore[attr-defined]
        if status is not None:
            stmt = stmt.where(ModerationCase.status == status)
        return list((await session.scalars(stmt)).all())

    cases = run_command(in_transaction(settings, work))
    for case in cases:
        row = case_json(case)
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            who = f"@{case.author_username}" if case.author_username else case.author_id
            typer.echo(f"{row['id']}  {row['status']:<14} {','.join(row['flags']):<22} {case.platform}:{case.chat_id}"
                       f"  {who}  {row['created_at'][:19]}  {'; '.join(row['reasons'])[:80]}")
    if not cases and not as_json:
        typer.echo("no cases", err=True)


@flags_app.command("act")
def flags_act(
    case_id: Annotated[str, typer.Argument(metavar="ID", help="The case id (as on its card).")],
    action: Annotated[str, typer.Argument(metavar="ACTION", help=", ".join(ACTIONS))],
    as_: Annotated[Optional[str], typer.Option("--as", help="Staff username or id (default: $BEACON_ACTOR).")] = None,
    config: ConfigOption = None,
) -> None:
    """Act on a case as a moderator: the same decision a card button makes, recorded in the audit log."""
    code = ACTIONS.get(action.lower().replace("-", "_"))
    if code is None:
        fail(f"ACTION must be one of {', '.join(ACTIONS)}; got {action!r}", 2)
    settings = settings_or_exit(config)
    handle = as_ or os.environ.get("BEACON_ACTOR")
    if not handle:
        fail("say who acts: --as <staff username or id> (or BEACON_ACTOR)", 2)
    staff = settings.staff_by_handle(handle)
    if staff is None:
        fail(f"{handle!r} is not a [[staff]] member of this config", 2)
    if not staff.has_role(Role.moderator):
        fail(f"{handle!r} does not have the moderator role", 2)

    async def work(session):
        from beacon.domain import Context, Reader, Record
        from beacon.storage import outbox
        from beacon.verdict import Verdict
        from moderation import service

        case = await service.case_by_ref(Reader(session), case_id.strip().lower())
        if case is None:
            return None
        now = datetime.now(timezone.utc)
        ctx = Context(settings=settings, now=now, read=Reader(session), capabilities=_capabilities(settings),
                      deep_links={}, analyse=lambda _m: Verdict())
        actor = service.staff_label(staff.platform, staff.user_id, staff.username)
        cause = f"cli:{case.ref}:{code}:{int(now.timestamp() * 1000)}"
        outcome = await service.act_on_case(ctx, case, code, actor, cause_key=cause, rule="cli")
        for effect in outcome.effects:
            if isinstance(effect, Record):
                await effect.apply(session)
        actions = service.actions_of(outcome.effects)
        if actions:
            await outbox.enqueue(session, actions)
        return outcome, len(actions)

    result = run_command(in_transaction(settings, work))
    if result is None:
        fail(f"no case {case_id!r}")
    outcome, queued = result
    if not outcome.accepted:
        fail(outcome.answer)
    typer.echo(f"{case_id}: {outcome.answer}" + (f"; {queued} action(s) queued for the running bot" if queued else ""))


def _capabilities(settings: Settings) -> dict:
    """Each configured platform's capabilities (adapters are only constructed, never started)."""
    try:
        from beacon.app import configured_adapters

        return {a.platform: a.capabilities for a in configured_adapters(settings, None)}
    except Exception:  # noqa: BLE001 - without an adapter the defaults apply and the outbox reports refusals
        return {}


def audit(
    config: ConfigOption = None,
    case: Annotated[Optional[str], typer.Option("--case", help="Only entries of this case.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 200,
    as_json: JsonOption = False,
) -> None:
    """The moderation audit log (append-only): who did what, by which rule, why and when."""
    settings = settings_or_exit(config)

    async def work(session):
        stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)  # type: ignore[union-attr]
        if case is not None:
            stmt = stmt.where(AuditEntry.case_ref == case.strip().lower())
        return list((await session.scalars(stmt)).all())

    entries = run_command(in_transaction(settings, work))
    for entry in entries:
        row = audit_json(entry)
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            typer.echo(f"{row['id']}  {row['at'][:19]}  {row['actor']}  {row['action']}  {row['target']}  "
                       f"{row['rule']}  {row['reason'][:100]}")
    if not entries and not as_json:
        typer.echo("no audit entries", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(flags_app, name="flags")
    app.command("audit")(audit)

