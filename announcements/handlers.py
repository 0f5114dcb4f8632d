"""Announcement handlers: schedules on ticks, delivery failures, /announce for managers, /subscribe for members."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from beacon.actions import ActionBase, AnswerButton, Button, EditMessage, Keyboard, SendDirect
from beacon.adapter import Capabilities
from beacon.config import Role, Settings
from beacon.domain import Context, Effect, Handler, Record
from beacon.events import (
    ActionFailed,
    BotMembershipChanged,
    BotStarted,
    ButtonPressed,
    ChatKind,
    EventBase,
    MessagePosted,
    Tick,
    UserRef,
)
from beacon.storage import outbox
from beacon.storage.models import PersonLink
from beacon.storage._sql import upsert_insert

from announcements import plan, service
from announcements import texts as tx
from announcements.config import KINDS
from announcements.models import AWAITING_APPROVAL, SCHEDULED, Announcement, Draft, Subscription

OWNER = "announcements"
PREFIX = "an"  # callback data: an:<verb>[:<arg>]
_COMMAND = re.compile(r"^/(announce|subscribe|unsubscribe)(?:@[A-Za-z0-9_]+)?(?:\s+(.*))?$", re.S | re.I)
_VARIANT = re.compile(r"^\s*([A-Za-z]{2,3})\s*:\s*(.+)$", re.S)


def build_announcement_handlers(settings: Settings) -> list[Handler]:
    return [AnnouncementHandler(settings)]


# ----- records ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reconcile(Record):
    """Every tick: fan out what is due, close finished runs, finish retractions, drop stale drafts."""

    settings: Settings
    capabilities: Mapping[str, Capabilities]
    now: datetime

    async def apply(self, session: AsyncSession) -> None:
        await service.reconcile(session, self.settings, self.capabilities, self.now)
        ttl = timedelta(minutes=self.settings.announcements.draft_ttl_minutes)
        await session.execute(delete(Draft.__table__).where(Draft.__table__.c.updated_at < self.now - ttl))


@dataclass(frozen=True)
class RecordFailure(Record):
    key: str
    reason: str
    state: str
    now: datetime

    async def apply(self, session: AsyncSession) -> None:
        await service.record_failure(session, self.key, self.reason, self.state, self.now)


@dataclass(frozen=True)
class SetBlocked(Record):
    platform: str
    user_id: str
    blocked: bool
    reason: str | None
    now: datetime

    async def apply(self, session: AsyncSession) -> None:
        await service.set_blocked(session, self.platform, self.user_id, self.blocked, self.reason, self.now)


@dataclass(frozen=True)
class Subscribe(Record):
    platform: str
    user_id: str
    kinds: tuple[str, ...]
    language: str
    now: datetime

    async def apply(self, session: AsyncSession) -> None:
        await service.subscribe(session, self.platform, self.user_id, self.kinds, self.language, self.now)


@dataclass(frozen=True)
class PutDraft(Record):
    platform: str
    user_id: str
    step: str
    data: Mapping[str, object]
    now: datetime

    async def apply(self, session: AsyncSession) -> None:
        table = Draft.__table__
        values = {"step": self.step, "data": json.dumps(dict(self.data), ensure_ascii=False), "updated_at": self.now}
        stmt = upsert_insert(session, table).values(platform=self.platform, user_id=self.user_id, **values)
        await session.execute(stmt.on_conflict_do_update(index_elements=[table.c.platform, table.c.user_id],
                                                         set_=values))


@dataclass(frozen=True)
class DropDraft(Record):
    platform: str
    user_id: str

    async def apply(self, session: AsyncSession) -> None:
        table = Draft.__table__
        await session.execute(delete(table).where(table.c.platform == self.platform, table.c.user_id == self.user_id))


@dataclass(frozen=True)
class SubmitDraft(Record):
    """The manager confirmed: create the announcement, then fan out at once or ask other managers to approve.

    The announcement's id only exists inside this transaction, so the replies naming it are queued here.
    """

    settings: Settings
    capabilities: Mapping[str, Capabilities]
    actor: plan.Actor
    user: UserRef
    new: service.NewAnnouncement
    approvers: tuple[UserRef, ...]
    key: str
    now: datetime

    async def apply(self, session: AsyncSession) -> None:
        ann = await service.create(session, self.settings, self.new, self.actor, self.now, submit=True)
        assert ann.id is not None
        await DropDraft(self.user.platform, self.user.user_id).apply(session)
        replies: list[ActionBase] = []
        if ann.state == AWAITING_APPROVAL:
            body = plan.render(ann.kind, service.texts_of(ann)[ann.default_lang])
            for approver in self.approvers:
                replies.append(SendDirect(
                    key=f"{self.key}/approve-ask/{approver.user_id}", platform=approver.platform, user=approver,
                    text=tx.MANAGER["approve_request"].format(author=self.actor.label, id=ann.id, kind=ann.kind,
                                                              body=body)[:3900],
                    buttons=((Button(text=tx.MANAGER["approve_button"].format(id=ann.id),
                                     data=f"{PREFIX}:ap:{ann.id}"),),)))
            replies.append(_dm(f"{self.key}/done", self.user, tx.MANAGER["awaiting"].format(id=ann.id)))
        elif ann.state == SCHEDULED and ann.next_run_at is not None and ann.next_run_at <= self.now:
            result = await service.fan_out(session, self.settings, self.capabilities, ann.id, self.now,
                                           actor=self.actor.key)
            chats, dms = (result.chats, result.dms) if result else (0, 0)
            replies.append(_dm(f"{self.key}/done", self.user,
                               tx.MANAGER["sending"].format(id=ann.id, chats=chats, dms=dms)))
        await outbox.enqueue(session, replies, now=self.now)


@dataclass(frozen=True)
class Approve(Record):
    """Another manager approved: schedule it, and fan out now when it is due."""

    settings: Settings
    capabilities: Mapping[str, Capabilities]
    ann_id: int
    actor: plan.Actor
    key: str
    now: datetime

    async def apply(self, session: AsyncSession) -> None:
        decision, ann = await service.approve(session, self.settings, self.ann_id, self.actor, self.now,
                                              key=self.key)
        if (decision is plan.Approval.approved and ann.state == SCHEDULED and ann.next_run_at is not None
                and ann.next_run_at <= self.now):
            await service.fan_out(session, self.settings, self.capabilities, self.ann_id, self.now,
                                  actor=self.actor.key)


@dataclass(frozen=True)
class LogRefusal(Record):
    ann_id: int
    actor: str
    key: str
    now: datetime

    async def apply(self, session: AsyncSession) -> None:
        await service.log(session, self.ann_id, self.now, self.actor, "self-approval refused",
                          "the two-person rule needs a manager other than the author", key=f"{self.key}/refused")


def _dm(key: str, user: UserRef, text: str, buttons: Keyboard = ()) -> SendDirect:
    return SendDirect(key=key, platform=user.platform, user=user, text=text, buttons=buttons)


# ----- the handler ------------------------------------------------------------------------------------------


@dataclass
class DraftState:
    step: str
    kind: str | None = None
    texts: dict[str, str] = field(default_factory=dict)
    targets: list[str] = field(default_factory=list)
    pin: bool = False

    @classmethod
    def of(cls, draft: Draft) -> "DraftState":
        data = json.loads(draft.data)
        return cls(step=draft.step, kind=data.get("kind"), texts=dict(data.get("texts", {})),
                   targets=list(data.get("targets", [])), pin=bool(data.get("pin", False)))

    def data(self) -> dict[str, object]:
        return {"kind": self.kind, "texts": self.texts, "targets": self.targets, "pin": self.pin}


class AnnouncementHandler:
    """One handler for every event announcements care about; state lives in the database."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.config = settings.announcements

    async def __call__(self, event: EventBase, ctx: Context) -> Sequence[Effect]:
        match event:
            case Tick():
                return [Reconcile(self.settings, dict(ctx.capabilities), ctx.now)]
            case ActionFailed(action_key=key) if key.startswith("ann:"):
                return [RecordFailure(key, event.reason, event.state, ctx.now)]
            case BotMembershipChanged(chat=chat, status=status) if chat.kind is ChatKind.private:
                # A member blocked (kicked) or unblocked the bot in their DM.
                blocked = status in ("kicked", "left")
                return [SetBlocked(event.platform, chat.chat_id, blocked, "blocked" if blocked else None, ctx.now)]
            case BotStarted(user=user):
                return [SetBlocked(user.platform, user.user_id, False, None, ctx.now)]
            case ButtonPressed(data=data) if data.startswith(f"{PREFIX}:"):
                return await self.on_button(event, ctx)
            case MessagePosted(chat=chat) if chat.kind is ChatKind.private and not event.author.is_bot:
                return await self.on_direct(event, ctx)
        return []

    # ----- direct messages -------------------------------------------------------------------------------

    async def on_direct(self, event: MessagePosted, ctx: Context) -> list[Effect]:
        user = event.author
        effects: list[Effect] = [SetBlocked(user.platform, user.user_id, False, None, ctx.now)]
        if ctx.claimed_by(event.idempotency_key):  # another feature's command (e.g. /link)
            return effects
        m = _COMMAND.match(event.text.strip())
        if m is not None:
            ctx.claim(event.idempotency_key, OWNER)
            name, arg = m[1].lower(), (m[2] or "").strip()
            if name == "announce":
                return effects + self.start_draft(event, ctx)
            if name == "unsubscribe":
                lang = tx.lang_of(user.language_code)
                # Subscriptions follow the person: /unsubscribe stops them on every account linked with /link.
                return effects + [*(Subscribe(platform, user_id, (), lang, ctx.now)
                                    for platform, user_id in await _linked(ctx, user)),
                                  _dm(f"{event.idempotency_key}/ann", user, tx.t(lang, "sub.stopped"))]
            return effects + await self.subscribe_command(event, arg, ctx)
        if service.actor_for(self.settings, user.platform, user.user_id) is None:
            return effects
        draft = await ctx.read.get(Draft, (user.platform, user.user_id))
        if draft is None or draft.step not in ("text", "targets"):
            return effects
        ctx.claim(event.idempotency_key, OWNER)
        return effects + self.add_text(event, DraftState.of(draft), ctx)

    def start_draft(self, event: MessagePosted, ctx: Context) -> list[Effect]:
        user, key = event.author, event.idempotency_key
        if service.actor_for(self.settings, user.platform, user.user_id) is None:
            return [_dm(f"{key}/ann", user, tx.MANAGER["not_manager"])]
        rows = [tuple(Button(text=k, data=f"{PREFIX}:k:{k}") for k in KINDS[i:i + 3]) for i in range(0, len(KINDS), 3)]
        rows.append((Button(text=tx.MANAGER["cancel_button"], data=f"{PREFIX}:x"),))
        return [PutDraft(user.platform, user.user_id, "kind", {}, ctx.now),
                _dm(f"{key}/ann", user, tx.MANAGER["choose_kind"], tuple(rows))]

    def add_text(self, event: MessagePosted, state: DraftState, ctx: Context) -> list[Effect]:
        user, key = event.author, event.idempotency_key
        text = event.text.strip()
        if not text:
            return [_dm(f"{key}/ann", user, tx.MANAGER["no_text"])]
        default = plan.normalise_lang(self.config.default_language) or "en"
        m = _VARIANT.match(text)
        lang = plan.normalise_lang(m[1]) if m else None
        if m and lang is not None:
            state.texts[lang] = m[2].strip()
        else:
            lang = default
            state.texts[default] = text
        effects: list[Effect] = [PutDraft(user.platform, user.user_id, "targets", state.data(), ctx.now)]
        if default not in state.texts:
            return effects + [_dm(f"{key}/ann", user, tx.MANAGER["ask_text"].format(kind=state.kind, lang=default))]
        effects.append(_dm(f"{key}/ann", user,
                           tx.MANAGER["text_saved"].format(lang=lang, langs=", ".join(sorted(state.texts))),
                           self.target_keyboard(state)))
        return effects

    def target_keyboard(self, state: DraftState) -> Keyboard:
        names = self.config.target_names
        rows = [tuple(Button(text=("✅ " if n in state.targets else "▫️ ") + n, data=f"{PREFIX}:t:{i}")
                      for i, n in list(enumerate(names))[j:j + 2]) for j in range(0, len(names), 2)]
        rows.append((Button(text=tx.MANAGER["pin_on" if state.pin else "pin_off"], data=f"{PREFIX}:pin"),))
        rows.append((Button(text=tx.MANAGER["preview_button"], data=f"{PREFIX}:pv"),
                     Button(text=tx.MANAGER["cancel_button"], data=f"{PREFIX}:x")))
        return tuple(rows)

    async def subscribe_command(self, event: MessagePosted, arg: str, ctx: Context) -> list[Effect]:
        user, key = event.author, event.idempotency_key
        lang = tx.lang_of(user.language_code)
        allowed = self.config.subscribable_kinds
        current = await ctx.read.get(Subscription, (user.platform, user.user_id))
        chosen = set(current.kind_set) if current is not None else set()
        if arg:
            kinds, unknown = tx.parse_kinds(arg, allowed)
            if unknown:
                return [_dm(f"{key}/ann", user, tx.t(lang, "sub.unknown", words=", ".join(unknown),
                                                     kinds=", ".join(tx.kind_name(lang, k) for k in allowed)))]
            chosen |= set(kinds)
            return [Subscribe(user.platform, user.user_id, tuple(sorted(chosen)), lang, ctx.now),
                    _dm(f"{key}/ann", user, self.saved_text(lang, chosen))]
        return [_dm(f"{key}/ann", user, tx.t(lang, "sub.choose"), self.subscribe_keyboard(lang, chosen))]

    def saved_text(self, lang: str, chosen: set[str]) -> str:
        if not chosen:
            return tx.t(lang, "sub.none")
        ordered = [k for k in KINDS if k in chosen]
        return tx.t(lang, "sub.saved", kinds=", ".join(tx.kind_name(lang, k) for k in ordered))

    def subscribe_keyboard(self, lang: str, chosen: set[str]) -> Keyboard:
        kinds = self.config.subscribable_kinds
        rows = [tuple(Button(text=("✅ " if k in chosen else "▫️ ") + tx.kind_name(lang, k), data=f"{PREFIX}:s:{k}")
                      for k in kinds[i:i + 2]) for i in range(0, len(kinds), 2)]
        rows.append((Button(text=tx.t(lang, "sub.done_button"), data=f"{PREFIX}:sd"),))
        return tuple(rows)

    # ----- buttons ---------------------------------------------------------------------------------------

    async def on_button(self, event: ButtonPressed, ctx: Context) -> list[Effect]:
        parts = event.data.split(":", 2)
        verb, arg = parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else ""
        user, key = event.user, event.idempotency_key
        answer = AnswerButton(key=f"{key}/answer", platform=event.platform, callback_id=event.callback_id)
        if verb in ("s", "sd"):
            return await self.on_subscribe_button(event, verb, arg, answer, ctx)
        actor = service.actor_for(self.settings, user.platform, user.user_id)  # rights re-checked per press
        if actor is None:
            return [answer.model_copy(update={"text": tx.MANAGER["not_manager"], "show_alert": True})]
        if verb == "ap":
            return await self.on_approve(event, actor, int(arg) if arg.isdigit() else 0, answer, ctx)
        draft = await ctx.read.get(Draft, (user.platform, user.user_id))
        if draft is None:
            return [answer.model_copy(update={"text": tx.MANAGER["expired"], "show_alert": True})]
        state = DraftState.of(draft)
        if verb == "x":
            return [DropDraft(user.platform, user.user_id), answer, self._edit(event, ctx, tx.MANAGER["cancelled"])]
        if verb == "k" and arg in KINDS:
            state.kind, state.step = arg, "text"
            default = plan.normalise_lang(self.config.default_language) or "en"
            return [PutDraft(user.platform, user.user_id, "text", state.data(), ctx.now), answer,
                    self._edit(event, ctx, tx.MANAGER["ask_text"].format(kind=arg, lang=default))]
        if verb == "t" and arg.isdigit() and int(arg) < len(self.config.target_names):
            name = self.config.target_names[int(arg)]
            state.targets = [t for t in state.targets if t != name] if name in state.targets else [*state.targets,
                                                                                                  name]
            return [PutDraft(user.platform, user.user_id, draft.step, state.data(), ctx.now), answer,
                    self._edit(event, ctx, tx.MANAGER["choose_targets"], self.target_keyboard(state))]
        if verb == "pin":
            state.pin = not state.pin
            return [PutDraft(user.platform, user.user_id, draft.step, state.data(), ctx.now), answer,
                    self._edit(event, ctx, tx.MANAGER["choose_targets"], self.target_keyboard(state))]
        if verb == "pv":
            return await self.preview(event, state, actor, answer, ctx)
        if verb == "go" and draft.step == "confirm":
            return self.submit(event, state, actor, answer, ctx)
        return [answer]

    async def preview(self, event: ButtonPressed, state: DraftState, actor: plan.Actor, answer: AnswerButton,
                      ctx: Context) -> list[Effect]:
        user = event.user
        default = plan.normalise_lang(self.config.default_language) or "en"
        if default not in state.texts or state.kind is None:
            return [answer.model_copy(update={"text": tx.MANAGER["no_text"], "show_alert": True})]
        if not state.targets:
            return [answer.model_copy(update={"text": tx.MANAGER["no_targets"], "show_alert": True})]
        spots = plan.resolve_targets(self.config, state.targets, await self._admin_chats(ctx))
        subs = len(await self._subscribers(ctx, state.kind))
        if plan.needs_approval(self.config, state.kind, actor):
            approval = tx.MANAGER["approval_needed"]
        elif self.config.require_approval:
            approval = tx.MANAGER["approval_skipped"]
        else:
            approval = tx.MANAGER["approval_none"]
        text = tx.MANAGER["preview"].format(
            lang=default, body=plan.render(state.kind, state.texts[default]), kind=state.kind,
            targets=", ".join(state.targets), chats=len(spots), langs=", ".join(sorted(state.texts)), subs=subs,
            pin="yes" if state.pin else "no", approval=approval)
        buttons = ((Button(text=tx.MANAGER["send_button"], data=f"{PREFIX}:go"),
                    Button(text=tx.MANAGER["cancel_button"], data=f"{PREFIX}:x")),)
        return [PutDraft(user.platform, user.user_id, "confirm", state.data(), ctx.now), answer,
                _dm(f"{event.idempotency_key}/preview", user, text[:3900], buttons)]

    def submit(self, event: ButtonPressed, state: DraftState, actor: plan.Actor, answer: AnswerButton,
               ctx: Context) -> list[Effect]:
        default = plan.normalise_lang(self.config.default_language) or "en"
        new = service.NewAnnouncement(kind=state.kind or "general", texts=state.texts, default_lang=default,
                                      targets=state.targets, pin=state.pin)
        approvers = tuple(UserRef(platform=m.platform, user_id=m.user_id) for m in self.settings.staff
                          if m.has_role(Role.manager) and f"{m.platform}:{m.user_id}" != actor.key
                          and ctx.capabilities_of(m.platform).buttons)
        return [answer, self._edit(event, ctx, tx.MANAGER["submitted"]),
                SubmitDraft(self.settings, dict(ctx.capabilities), actor, event.user, new, approvers,
                            event.idempotency_key, ctx.now)]

    async def on_approve(self, event: ButtonPressed, actor: plan.Actor, ann_id: int, answer: AnswerButton,
                         ctx: Context) -> list[Effect]:
        ann = await ctx.read.get(Announcement, ann_id)
        if ann is None:
            return [answer.model_copy(update={"text": tx.MANAGER["expired"], "show_alert": True})]
        decision = plan.decide_approval(self.config, ann.state, ann.author, actor.key)
        if decision is plan.Approval.self_approval:
            return [LogRefusal(ann_id, actor.key, event.idempotency_key, ctx.now),
                    answer.model_copy(update={"text": tx.MANAGER["self_refused"], "show_alert": True})]
        if decision is plan.Approval.not_awaiting:
            return [answer.model_copy(update={"text": tx.MANAGER["not_awaiting"].format(id=ann_id, state=ann.state),
                                              "show_alert": True})]
        due = ann.schedule_at is None or ann.schedule_at <= ctx.now
        text = (tx.MANAGER["approved"].format(id=ann_id) if due else
                tx.MANAGER["approved_scheduled"].format(id=ann_id, at=ann.schedule_at.isoformat()))  # type: ignore[union-attr]
        return [Approve(self.settings, dict(ctx.capabilities), ann_id, actor, event.idempotency_key, ctx.now),
                answer, self._edit(event, ctx, text)]

    async def on_subscribe_button(self, event: ButtonPressed, verb: str, arg: str, answer: AnswerButton,
                                  ctx: Context) -> list[Effect]:
        user = event.user
        lang = tx.lang_of(user.language_code)
        current = await ctx.read.get(Subscription, (user.platform, user.user_id))
        chosen = set(current.kind_set) if current is not None else set()
        if verb == "sd":
            return [answer, self._edit(event, ctx, self.saved_text(lang, chosen))]
        if arg not in self.config.subscribable_kinds:
            return [answer]
        chosen ^= {arg}
        return [Subscribe(user.platform, user.user_id, tuple(sorted(chosen)), lang, ctx.now), answer,
                self._edit(event, ctx, tx.t(lang, "sub.choose"), self.subscribe_keyboard(lang, chosen))]

    # ----- helpers ----------------------------------------------------------------------------------------

    def _edit(self, event: ButtonPressed, ctx: Context, text: str, buttons: Keyboard = ()) -> ActionBase:
        """Update the message whose button was pressed (a new message where the platform cannot edit)."""
        if event.message_id is None or not ctx.capabilities_of(event.platform).edit:
            return _dm(f"{event.idempotency_key}/ann", event.user, text, buttons)
        return EditMessage(key=f"{event.idempotency_key}/ann", platform=event.platform, chat=event.chat,
                           message_id=event.message_id, text=text, buttons=buttons)

    async def _admin_chats(self, ctx: Context) -> list[plan.KnownChat]:
        from beacon.storage.models import Chat

        rows = await ctx.read.scalars(select(Chat).where(Chat.bot_status == "administrator"))
        return [plan.KnownChat(platform=r.platform, chat_id=r.chat_id, kind=r.kind) for r in rows]

    async def _subscribers(self, ctx: Context, kind: str) -> list[Subscription]:
        rows = await ctx.read.scalars(select(Subscription).where(Subscription.blocked.is_(False),
                                                                 Subscription.kinds.like(f"%{kind}%")))
        return [r for r in rows if kind in r.kind_set]


__all__ = ["AnnouncementHandler", "build_announcement_handlers"]


async def _linked(ctx: Context, user: UserRef) -> list[tuple[str, str]]:
    """This account and every account linked with it (``/link``)."""
    person = await ctx.read.scalar(select(PersonLink.person_id).where(PersonLink.platform == user.platform,
                                                                      PersonLink.user_id == user.user_id))
    if person is None:
        return [(user.platform, user.user_id)]
    rows = await ctx.read.scalars(select(PersonLink).where(PersonLink.person_id == person))
    return [(user.platform, user.user_id), *((r.platform, r.user_id) for r in rows
                                             if (r.platform, r.user_id) != (user.platform, user.user_id))]
