"""The support desk's handler: hand-off, DM flow, tickets, staff relay, SLA timers (thin shells over desk.py)."""

from __future__ import annotations

import logging
import secrets as secrets_module
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, func, or_, select

from beacon.actions import (
    ActionBase,
    AnswerButton,
    Button,
    EditMessage,
    FetchFile,
    Keyboard,
    OpenPrivateThread,
    SendDirect,
    SendFile,
    SendMessage,
    decode_action,
)
from beacon.config import Role, Settings, StaffMember
from beacon.domain import Context, Effect, Handler
from beacon.events import (
    ActionFailed,
    BotStarted,
    ButtonPressed,
    ChatKind,
    ChatRef,
    EventBase,
    MessageEdited,
    MessagePosted,
    Tick,
    UserRef,
)
from beacon.storage.dm_state import DirectMessageState
from beacon.storage.models import Chat, OutboxItem
from beacon.verdict import Category, Urgency, Verdict
from community import records as rec
from community.config import SupportConfig
from community.desk import (
    STAFF_VERBS,
    ButtonData,
    Command,
    PublicReply,
    Verb,
    analysis_input,
    case_usable,
    evidence_path,
    evidence_problem,
    first_supported,
    fits_button,
    format_due,
    human_size,
    is_handoff_trigger,
    member_name,
    parse_button,
    parse_command,
    plan_handoff,
    queue_position,
    reuse_since,
)
from community.i18n import Texts, default_texts
from community.kb import Article, KnowledgeBase
from community.linking import accounts_of, any_account
from community.links import payload_for
from community.models import (
    ACTIVE_STATUSES,
    CLOSED,
    ESCALATED,
    OPEN,
    QUEUED_STATUSES,
    RESOLVED,
    WAITING_ON_STAFF,
    WAITING_ON_USER,
    DeskMember,
    DeskSetting,
    Evidence,
    Feedback,
    HandoffCase,
    KbVote,
    StaffPost,
    TeamCursor,
    Ticket,
    TicketEntry,
)
from community.redact import mask_secrets, redact, removed_kinds
from community.routing import (
    Route,
    handle_of,
    lead_of,
    mentions,
    next_assignee,
    route,
    security_route,
    team_agents,
)
from community.sla import due_dates

log = logging.getLogger(__name__)

SUMMARY_CHARS = 300
RELAY_CHARS = 3500
ARTICLE_CHARS = 1500
CATEGORY_ORDER = [c.value for c in Category]
URGENCY_ORDER = [u.value for u in Urgency]
# A refused DM opens (or is redelivered into) the member's private thread, where the platform has them.
DM_REFUSED = frozenset({"dm_closed"})
# The opening action of a ticket's private thread is keyed by the ticket: "<created_key>/private-thread".
THREAD_ROLE = "/private-thread"
# How long an event waits (redelivered by the bus) for an action it depends on that is still in flight:
# the private thread being opened, a staff-chat post whose message id is not recorded yet.
IN_FLIGHT_WAIT_S = 5.0
_EVENT_AT = ("desk", "event_at")


class NotYet(RuntimeError):
    """An action this event depends on is still in flight: the transaction rolls back and the bus
    delivers the event again after its retry delay (as for any failed handler), by which time it landed."""


def _changed(ticket: Ticket, **values: object) -> Ticket:
    """A copy with new values (rows read through ctx.read are never mutated: the session would write them)."""
    data = {c.name: getattr(ticket, c.name) for c in Ticket.__table__.columns}
    data.update(values)
    return Ticket(**data)


class Desk:
    """One handler for every event the desk cares about. State lives in the database; nothing global."""

    def __init__(self, settings: Settings, texts: Texts | None = None, kb: KnowledgeBase | None = None) -> None:
        self.settings = settings
        self.support: SupportConfig = settings.support
        self.texts = texts or default_texts()
        self.kb = kb if kb is not None else KnowledgeBase.load(self._relative(self.support.kb.path))
        # Relative paths in the config are relative to the config file's folder.
        self.evidence = self.support.evidence.model_copy(
            update={"store_path": self._relative(self.support.evidence.store_path)})
        self._staff_chats = self._collect_staff_chats()

    def _relative(self, path):  # noqa: ANN001, ANN202 - Path | None
        if path is not None and not path.is_absolute():
            path = self.settings.config_dir / path
        return path

    def _collect_staff_chats(self) -> frozenset[tuple[str, str]]:
        from community.routing import fallback_chats

        chats = {(c.platform, c.chat_id) for team in self.support.teams for c in team.chats}
        chats |= {(c.platform, c.chat_id) for c in fallback_chats(self.settings)}
        return frozenset(chats)

    # ----- entry point ----------------------------------------------------------------------------

    async def __call__(self, event: EventBase, ctx: Context) -> Sequence[Effect]:
        ctx.memo.setdefault(_EVENT_AT, event.occurred_at)
        if type(event) is MessagePosted and event.chat.thread_id and event.chat.kind is not ChatKind.private \
                and ctx.capabilities_of(event.platform).private_threads:
            # A ticket's private thread is the member's private conversation, wherever its parent is.
            found = await self._thread_ticket(ctx, event.chat)
            if found is not None:
                return [*found[1], *await self.on_thread_message(event, found[0], ctx)]
        match event:
            case Tick():
                return await self.on_tick(event, ctx)
            case ActionFailed():
                return await self.on_action_failed(event, ctx)
            case BotStarted():
                return await self.on_start(event, ctx)
            case ButtonPressed():
                data = parse_button(event.data)
                return await self.on_button(event, data, ctx) if data is not None else []
            case MessageEdited():
                return []  # an edit is not a new request; the original message was handled
            case MessagePosted(chat=chat) if chat.kind is ChatKind.private:
                return await self.on_direct(event, ctx)
            case MessagePosted(chat=chat) if (chat.platform, chat.chat_id) in self._staff_chats:
                return await self.on_staff_message(event, ctx)
            case MessagePosted():
                return await self.on_public(event, ctx)
        return []

    # ----- small helpers --------------------------------------------------------------------------

    def t(self, lang: str | None, key: str, **values: object) -> str:
        brand = self.settings.brand.name
        return self.texts.get(lang, key, brand=brand, **values)

    def _supported(self) -> tuple[str, ...]:
        return self.texts.languages

    async def _member(self, ctx: Context, platform: str, user_id: str) -> DeskMember | None:
        return await ctx.read.get(DeskMember, (platform, user_id))

    def _lang(self, member: DeskMember | None, *candidates: str | None) -> str:
        return first_supported(self._supported(), member.language if member else None, *candidates,
                               self.support.default_language)

    def _dm(self, key: str, to: UserRef | ChatRef, text: str, buttons: Keyboard = ()) -> SendDirect | SendMessage:
        """A private message to a member: a DM to ``to`` (a member), or into ``to`` (a chat: their private thread)."""
        if isinstance(to, ChatRef):
            return SendMessage(key=key, platform=to.platform, chat=to, text=text, buttons=buttons)
        return SendDirect(key=key, platform=to.platform, user=to, text=text, buttons=buttons)

    # ----- the member's private conversation: DMs, or a private thread when DMs are closed -------------

    @staticmethod
    def _thread_ref(platform: str, thread_id: str) -> ChatRef:
        return ChatRef(platform=platform, chat_id=thread_id, kind=ChatKind.private_thread, thread_id=thread_id)

    async def _thread_state(self, ctx: Context, ticket: Ticket) -> tuple[str, ChatRef | None]:
        """The ticket's private thread: ("none", None) — the member's DMs; ("pending", None) — being opened;
        ("open", chat); ("failed", None) — it could not be opened. Its id is the opening action's result."""
        if ticket.member_chat_id:
            return "open", self._thread_ref(ticket.platform, ticket.member_chat_id)
        if not ticket.member_chat_key:
            return "none", None
        row = await ctx.read.scalar(select(OutboxItem).where(OutboxItem.key == ticket.member_chat_key))
        if row is not None and row.state in ("queued", "sending"):
            return "pending", None
        if row is not None and row.state == "sent" and row.result_chat_id:
            return "open", self._thread_ref(ticket.platform, row.result_chat_id)
        return "failed", None

    async def _reach(self, ctx: Context, ticket: Ticket) -> tuple[UserRef | ChatRef, list[Effect]]:
        """Where messages about ``ticket`` go: its private thread once open (its id is recorded the first
        time), else the member's DMs. While the thread is being opened, a fresh event waits for it."""
        state, chat = await self._thread_state(ctx, ticket)
        if state == "pending" and self._young(ctx):
            raise NotYet(f"the private thread of ticket #{ticket.id} is still being opened")
        if chat is None:
            return self._member_ref(ticket), []
        recorded = [] if ticket.member_chat_id else [rec.update_ticket(ticket.id, member_chat_id=chat.chat_id)]
        return chat, recorded

    def _young(self, ctx: Context) -> bool:
        """Whether the event being handled may still wait (be delivered again) for an action in flight.
        Calls without an event (the CLI) never wait."""
        at = ctx.memo.get(_EVENT_AT)
        return at is not None and (ctx.now - at).total_seconds() < IN_FLIGHT_WAIT_S

    async def _thread_ticket(self, ctx: Context, chat: ChatRef) -> tuple[Ticket, list[Effect]] | None:
        """The ticket whose private thread ``chat`` is (the newest, when a closed ticket's thread got a new one),
        and the record that keeps the thread's id on it the first time it is seen."""
        thread_id = chat.thread_id or chat.chat_id
        ticket = await ctx.read.scalar(select(Ticket).where(Ticket.platform == chat.platform,
                                                            Ticket.member_chat_id == thread_id)
                                       .order_by(Ticket.id.desc()).limit(1))
        if ticket is not None:
            return ticket, []
        # Not recorded yet: the thread is the result of the action that opened it.
        keys = await ctx.read.scalars(select(OutboxItem.key).where(
            OutboxItem.platform == chat.platform, OutboxItem.result_chat_id == thread_id,
            OutboxItem.key.like(f"%{THREAD_ROLE}")).limit(5))
        for key in keys:
            ticket = await ctx.read.scalar(select(Ticket).where(
                Ticket.created_key == key[: -len(THREAD_ROLE)], Ticket.member_chat_key == key))
            if ticket is not None:
                return _changed(ticket, member_chat_id=thread_id), [rec.update_ticket(ticket.id,
                                                                                      member_chat_id=thread_id)]
        return None

    async def _link_secret(self, ctx: Context) -> tuple[str, list[Effect]]:
        if self.support.link_secret is not None:
            return self.support.link_secret.get_secret_value(), []
        stored = await ctx.read.get(DeskSetting, "link_secret")
        if stored is not None:
            return stored.value, []
        # The migration stores one; this covers a database where it was removed.
        value = secrets_module.token_urlsafe(32)
        return value, [rec.KeepSetting("link_secret", value)]

    def _contact_links(self) -> list[str]:
        """Where a member continues privately when this platform cannot reach them (``support.contact_links``,
        else the help centre)."""
        if self.support.contact_links:
            return list(self.support.contact_links)
        help_centre = self.support.help_centre_url or self.settings.brand.help_centre_url
        return [help_centre] if help_centre else []

    def _freeze_url(self) -> str | None:
        return self.support.freeze_account_url or self.support.help_centre_url or self.settings.brand.help_centre_url

    def _staff(self, platform: str, user_id: str) -> StaffMember | None:
        member = self.settings.staff_for(platform, user_id)
        return member if member is not None and member.has_role(Role.agent) else None

    async def _ticket(self, ctx: Context, ticket_id: int) -> Ticket | None:
        return await ctx.read.get(Ticket, ticket_id) if ticket_id > 0 else None

    async def _current_ticket(self, ctx: Context, platform: str, user_id: str,
                              member: DeskMember | None) -> Ticket | None:
        """The ticket a member's DMs belong to: their current one (a resolved one reopens), else the
        newest active one of the person (any account linked with /link)."""
        if member is not None and member.current_ticket_id:
            ticket = await self._ticket(ctx, member.current_ticket_id)
            if ticket is not None and ticket.status in (*ACTIVE_STATUSES, RESOLVED):
                return ticket
        accounts = await accounts_of(ctx.read, platform, user_id)
        return await ctx.read.scalar(
            select(Ticket).where(any_account(Ticket.platform, Ticket.user_id, accounts),
                                 Ticket.status.in_(ACTIVE_STATUSES)).order_by(Ticket.id.desc()).limit(1))

    def _entry(self, key: str, ticket_id: int, at: datetime, actor: str, kind: str, text: str = "",
               detail: str = "") -> Effect:
        return rec.add_entry(TicketEntry(key=key, ticket_id=ticket_id, at=at, actor=actor, kind=kind,
                                         text=text, detail=detail[:255]))

    @staticmethod
    def _member_ref(ticket: Ticket) -> UserRef:
        return UserRef(platform=ticket.platform, user_id=ticket.user_id, username=ticket.username,
                       display_name=ticket.display_name)

    # ----- tickets ----------------------------------------------------------------------------------

    async def _open_ticket(
        self, ctx: Context, *, cause_key: str, user: UserRef, language: str, category: str, urgency: str,
        summary: str, source: str, origin_chat_id: str | None = None, case_payload: str | None = None,
        member_chat_id: str | None = None,
    ) -> tuple[Ticket, list[Effect]]:
        """A new ticket: routed, assigned round-robin, SLA set, card posted, security paged if critical.
        ``member_chat_id``: the private thread it is opened from (the member's DMs otherwise)."""
        # Allocated here so the card can name the ticket in this transaction. Two workers racing for
        # the same number on PostgreSQL make one transaction fail; the bus redelivers it, it takes the next.
        ticket_id = int(await ctx.read.scalar(select(func.max(Ticket.id))) or 0) + 1
        chosen = route(self.settings, category, language, user.platform)
        agents = team_agents(self.settings, chosen.team)
        effects: list[Effect] = []
        assignee = None
        if chosen.team is not None and agents:
            cursor = await ctx.read.get(TeamCursor, chosen.team.name)
            picked = next_assignee(agents, cursor.last_assignee if cursor else None)
            if picked is not None:
                assignee = handle_of(picked)
                effects.append(rec.SetCursor(chosen.team.name, assignee))
        first_due, resolution_due = due_dates(ctx.now, self.support.sla[Urgency(urgency)], chosen.hours)
        ticket = Ticket(
            id=ticket_id, created_key=cause_key, platform=user.platform, user_id=user.user_id,
            username=user.username, display_name=user.display_name, language=language, category=category,
            urgency=urgency, status=OPEN, team=chosen.team_name, assignee=assignee, summary=summary, source=source,
            origin_chat_id=origin_chat_id, case_payload=case_payload,
            staff_platform=chosen.chat.platform if chosen.chat else None,
            staff_chat_id=chosen.chat.chat_id if chosen.chat else None,
            staff_thread_id=chosen.chat.thread_id if chosen.chat else None,
            card_key=f"{cause_key}/card" if chosen.chat else None, member_chat_id=member_chat_id,
            created_at=ctx.now, updated_at=ctx.now, first_response_due=first_due, resolution_due=resolution_due,
        )
        effects.insert(0, rec.put_ticket(ticket))
        effects.append(self._entry(f"{cause_key}/created", ticket_id, ctx.now, f"member:{user.user_id}", "created",
                                   summary, f"{category}/{urgency} team={chosen.team_name or '-'}"))
        if assignee:
            effects.append(self._entry(f"{cause_key}/assigned", ticket_id, ctx.now, "system", "assigned",
                                       detail=assignee))
        effects.append(rec.SetMember(user.platform, user.user_id, {"current_ticket_id": ticket_id,
                                                                   "updated_at": ctx.now}))
        if case_payload:
            effects.append(rec.update_case(case_payload, ticket_id=ticket_id))
        if chosen.chat is not None:
            effects.append(self._card(ticket, chosen))
            effects.append(rec.put_staff_post(ticket.card_key, ticket_id))  # type: ignore[arg-type]
        if urgency == Urgency.critical.value:
            effects.extend(self._page(f"{cause_key}/page", ticket, user))
        return ticket, effects

    def _route_of(self, ticket: Ticket) -> Route:
        chat = (ChatRef(platform=ticket.staff_platform, chat_id=ticket.staff_chat_id, kind=ChatKind.group,
                        thread_id=ticket.staff_thread_id)
                if ticket.staff_platform and ticket.staff_chat_id else None)
        return Route(team=self.support.team(ticket.team), chat=chat)

    def _card_text(self, ticket: Ticket, lang: str) -> str:
        label = " ".join(x for x in (ticket.display_name or "", f"@{ticket.username}" if ticket.username else "")
                         if x) or ticket.user_id
        return self.t(
            lang, "staff.card", id=ticket.id, category=self.t(lang, f"category.{ticket.category}"),
            urgency=self.t(lang, f"urgency.{ticket.urgency}"), member=f"{label} [{ticket.user_id}]",
            platform=ticket.platform, language=ticket.language, team=ticket.team or self.t(lang, "staff.no_team"),
            assignee=ticket.assignee or self.t(lang, "staff.nobody"), status=ticket.status,
            first_due=format_due(ticket.first_response_due), resolution_due=format_due(ticket.resolution_due),
            summary=ticket.summary or "—",
        )

    def _card_buttons(self, ticket: Ticket, lang: str) -> Keyboard:
        if ticket.status in (RESOLVED, CLOSED):
            return ()
        row = [Button(text=self.t(lang, "staff.claim"), data=ButtonData(Verb.claim, ticket.id).encode()),
               Button(text=self.t(lang, "staff.resolve"), data=ButtonData(Verb.resolve, ticket.id).encode())]
        if ticket.status != ESCALATED:
            row.append(Button(text=self.t(lang, "staff.escalate"), data=ButtonData(Verb.escalate, ticket.id).encode()))
        return (tuple(row),)

    def _card(self, ticket: Ticket, chosen: Route) -> SendMessage:
        lang = chosen.staff_language if chosen.team else self.support.staff_language
        assert chosen.chat is not None and ticket.card_key is not None
        return SendMessage(key=ticket.card_key, platform=chosen.chat.platform, chat=chosen.chat,
                           text=self._card_text(ticket, lang), buttons=self._card_buttons(ticket, lang))

    def _staff_lang(self, ticket: Ticket) -> str:
        team = self.support.team(ticket.team)
        return team.language if team else self.support.staff_language

    async def _card_edit(self, ctx: Context, ticket: Ticket, key: str) -> list[Effect]:
        """Refresh the card so the staff chat shows who did what (only once the card is out)."""
        if not ticket.card_key:
            return []
        row = await ctx.read.scalar(select(OutboxItem).where(OutboxItem.key == ticket.card_key))
        if row is None or row.result_message_id is None or ticket.staff_chat_id is None:
            return []
        chat = ChatRef(platform=row.platform, chat_id=row.result_chat_id or ticket.staff_chat_id, kind=ChatKind.group,
                       thread_id=ticket.staff_thread_id)
        lang = self._staff_lang(ticket)
        return [EditMessage(key=key, platform=row.platform, chat=chat, message_id=row.result_message_id,
                            text=self._card_text(ticket, lang), buttons=self._card_buttons(ticket, lang))]

    async def _card_message_id(self, ctx: Context, ticket: Ticket) -> str | None:
        if not ticket.card_key:
            return None
        row = await ctx.read.scalar(select(OutboxItem).where(OutboxItem.key == ticket.card_key))
        return row.result_message_id if row is not None else None

    async def _to_staff(self, ctx: Context, ticket: Ticket, key: str, text: str) -> list[Effect]:
        """A message into the ticket's staff chat, threaded under the card; replies to it reach the member."""
        chosen = self._route_of(ticket)
        if chosen.chat is None:
            return []
        reply_to = await self._card_message_id(ctx, ticket)
        return [SendMessage(key=key, platform=chosen.chat.platform, chat=chosen.chat, text=text,
                            reply_to_message_id=reply_to),
                rec.put_staff_post(key, ticket.id)]

    def _page(self, key: str, ticket: Ticket | None, user: UserRef, chat_title: str | None = None) -> list[Effect]:
        """Critical: the security team's chat hears at once (members mentioned)."""
        paged = security_route(self.settings, user.platform)
        if paged.chat is None:
            return []
        lang = paged.staff_language
        who = mentions(team_agents(self.settings, paged.team))
        if ticket is not None:
            text = self.t(lang, "staff.page", id=ticket.id, category=self.t(lang, f"category.{ticket.category}"),
                          member=member_name(user), mentions=who)
        else:
            text = self.t(lang, "staff.page_case", member=member_name(user), chat=chat_title or "", mentions=who)
        effects: list[Effect] = [SendMessage(key=key, platform=paged.chat.platform, chat=paged.chat,
                                             text=text.strip(), priority=5)]
        if ticket is not None:
            effects.append(rec.put_staff_post(key, ticket.id))  # agents may answer the page too
        return effects

    async def set_status(self, ctx: Context, ticket: Ticket, status: str, *, key: str, actor: str,
                          resolution: str | None = None, notify: bool = True) -> tuple[Ticket, list[Effect]]:
        if ticket.status == status:
            return ticket, []
        values: dict[str, object] = {"status": status, "updated_at": ctx.now}
        if status in (RESOLVED, CLOSED):
            values["resolved_at"] = ticket.resolved_at or ctx.now
            values["resolution"] = resolution or ticket.resolution or status
        elif ticket.status in (RESOLVED, CLOSED):
            values["resolved_at"] = None
            values["resolution"] = None
        if status == ESCALATED:
            values["escalated"] = True
        updated = _changed(ticket, **values)
        effects: list[Effect] = [rec.update_ticket(ticket.id, **values),
                                 self._entry(f"{key}/status", ticket.id, ctx.now, actor, "status",
                                             detail=f"{ticket.status}→{status}" + (f" ({resolution})" if resolution
                                                                                  else ""))]
        if notify:
            lang = ticket.language
            text_key = {RESOLVED: "ticket.resolved", CLOSED: "ticket.closed", ESCALATED: "ticket.escalated"}.get(
                status, "ticket.status_changed")
            if resolution == "cancelled":
                text_key = "ticket.cancelled"
            to, recorded = await self._reach(ctx, ticket)
            effects += [self._dm(f"{key}/notify", to, self.t(lang, text_key, id=ticket.id,
                                                              status=self.t(lang, f"statuses.{status}"))),
                        *recorded]
        effects.extend(await self._card_edit(ctx, updated, f"{key}/card-edit"))
        return updated, effects

    # ----- member-facing building blocks --------------------------------------------------------------

    def _category_keyboard(self, ticket: Ticket, lang: str) -> Keyboard:
        rows: list[tuple[Button, ...]] = [(Button(text=self.t(lang, "ticket.confirm_button"),
                                                  data=ButtonData(Verb.confirm, ticket.id).encode()),)]
        others = [c for c in CATEGORY_ORDER if c != ticket.category]
        for i in range(0, len(others), 2):
            rows.append(tuple(Button(text=self.t(lang, f"category.{c}"),
                                     data=ButtonData(Verb.category, ticket.id, c).encode()) for c in others[i:i + 2]))
        rows.append(tuple(Button(text=("• " if u == ticket.urgency else "") + self.t(lang, f"urgency.{u}"),
                                 data=ButtonData(Verb.urgency, ticket.id, u).encode()) for u in URGENCY_ORDER))
        return tuple(rows)

    def _prompt(self, ticket: Ticket, lang: str) -> str:
        if ticket.urgency == Urgency.critical.value:
            return self.t(lang, "emergency.steps", freeze_url=self._freeze_url() or "—")
        specific = self.t(lang, f"prompt.{ticket.category}")
        return specific + "\n\n" + self.t(lang, "prompt.generic", max_mb=f"{self.evidence.max_file_mb:g}")

    def _kb_offer(self, query: str, lang: str, ticket_id: int) -> tuple[str, Keyboard] | None:
        matches = self.kb.search(query, limit=self.support.kb.max_results, min_score=self.support.kb.min_score)
        rows: list[tuple[Button, ...]] = []
        for match in matches:
            article = self.kb.version(match.article_id, lang)
            if article is not None and fits_button(Verb.article, ticket_id, article.id):
                rows.append((Button(text=article.title[:60], data=ButtonData(Verb.article, ticket_id,
                                                                             article.id).encode()),))
        if not rows:
            return None
        return self.t(lang, "faq.results"), tuple(rows)

    def _welcome(self, ticket: Ticket, lang: str, key: str, to: UserRef | ChatRef, intro: str | None) -> list[Effect]:
        """The messages that open a ticket privately: summary with category/urgency buttons, what to send
        next, articles."""
        effects: list[Effect] = [
            self._dm(f"{key}/welcome", to, self._welcome_text(ticket, lang, intro), self._category_keyboard(ticket, lang)),
            self._dm(f"{key}/prompt", to, self._prompt(ticket, lang)),
        ]
        offer = self._kb_offer(ticket.summary, lang, ticket.id) if ticket.summary else None
        if offer is not None:
            text, rows = offer
            effects.append(self._dm(f"{key}/kb", to, text, rows))
        return effects

    def _welcome_text(self, ticket: Ticket, lang: str, intro: str | None) -> str:
        opened = self.t(lang, "ticket.opened", id=ticket.id, category=self.t(lang, f"category.{ticket.category}"),
                        urgency=self.t(lang, f"urgency.{ticket.urgency}"))
        return f"{intro}\n\n{opened}" if intro else opened

    def _open_thread(self, ctx: Context, ticket: Ticket, parent: ChatRef, user: UserRef, text: str,
                     buttons: Keyboard) -> list[Effect]:
        """Open the member's private thread (their DMs are closed) with ``text`` as its first message, and
        make it the ticket's private conversation. The ticket's staff are added where the platform allows."""
        lang = ticket.language
        thread_key = f"{ticket.created_key}{THREAD_ROLE}"
        opener = f"{text}\n\n{self.t(lang, 'thread.note')}"
        return [
            OpenPrivateThread(key=thread_key, platform=ticket.platform, parent=parent, user=user,
                              name=self.t(lang, "thread.name", id=ticket.id)[:100], text=opener, buttons=buttons,
                              add_user_ids=self._thread_staff(ticket)),
            rec.update_ticket(ticket.id, member_chat_key=thread_key, member_chat_id=None, updated_at=ctx.now),
            self._entry(f"{thread_key}/entry", ticket.id, ctx.now, "system", "private_thread",
                        detail="opened: the member's DMs are closed"),
        ]

    def _thread_staff(self, ticket: Ticket, limit: int = 10) -> tuple[str, ...]:
        """Who joins a private thread besides the member: the assignee and the ticket's team (no team: the
        staff with the agent role), on the member's platform."""
        team = self.support.team(ticket.team)
        agents = team_agents(self.settings, team) if team is not None else [
            s for s in self.settings.staff if s.has_role(Role.agent)]
        assignee = self.settings.staff_by_handle(ticket.assignee) if ticket.assignee else None
        ordered = ([assignee] if assignee is not None else []) + agents
        ids = dict.fromkeys(s.user_id for s in ordered if s.platform == ticket.platform)
        return tuple(ids)[:limit]

    def _article_text(self, article: Article, lang: str) -> str:
        body = article.body.replace("{brand}", self.settings.brand.name)
        if len(body) > ARTICLE_CHARS:
            body = body[:ARTICLE_CHARS].rsplit(" ", 1)[0] + "…"
        help_centre = self.support.help_centre_url or self.settings.brand.help_centre_url or ""
        lines = [f"{article.title}", "", body]
        links = [f"• {link.title}: {link.url.replace('{help_centre}', help_centre.rstrip('/'))}"
                 for link in article.links if "{help_centre}" not in link.url or help_centre]
        if links:
            lines += ["", self.t(lang, "faq.more"), *links]
        return "\n".join(lines)

    # ----- public messages: the hand-off --------------------------------------------------------------

    async def on_public(self, event: MessagePosted, ctx: Context) -> list[Effect]:
        if not event.text.strip() or event.author.is_bot:
            return []
        verdict = ctx.verdict_for(event.idempotency_key, analysis_input(event))
        if not is_handoff_trigger(event, verdict):
            return []
        if self.settings.staff_for(event.platform, event.author.user_id) is not None and not verdict.support_request:
            return []  # staff addressing the bot in a group are not asking for help
        caps = ctx.capabilities_of(event.platform)
        author = event.author
        member = await self._member(ctx, author.platform, author.user_id)
        lang = self._lang(member, verdict.language, author.language_code)
        kinds = removed_kinds(verdict)
        chat_row = await ctx.read.scalar(select(Chat).where(Chat.platform == event.platform,
                                                            Chat.chat_id == event.chat.chat_id))
        can_delete = caps.delete and chat_row is not None and chat_row.bot_status == "administrator" and \
            chat_row.can_delete
        reuse = await ctx.read.scalar(
            select(HandoffCase).where(HandoffCase.platform == author.platform, HandoffCase.user_id == author.user_id,
                                      HandoffCase.created_at >= reuse_since(ctx.now, self.support.reuse_window_minutes),
                                      HandoffCase.expires_at > ctx.now)
            .order_by(HandoffCase.created_at.desc()).limit(1))
        if reuse is not None and reuse.ticket_id is not None:
            reused_ticket = await self._ticket(ctx, reuse.ticket_id)
            if reused_ticket is None or reused_ticket.status not in ACTIVE_STATUSES:
                reuse = None  # that case's ticket is done: this is a new request
        category = (verdict.category or Category.other).value
        urgency = (verdict.urgency or Urgency.normal).value
        plan = plan_handoff(caps=caps, dm_open=await self._dm_open(ctx, author), kinds=kinds, can_delete=can_delete,
                            reuse=reuse, same_chat=reuse is not None and reuse.chat_id == event.chat.chat_id,
                            critical=urgency == Urgency.critical.value)
        key = event.idempotency_key
        effects: list[Effect] = []
        summary = redact(event.text, verdict, limit=SUMMARY_CHARS)
        secret_link, setup = await self._link_secret(ctx)
        effects.extend(setup)
        if reuse is None:
            payload = payload_for(secret_link, key)
            case = HandoffCase(
                payload=payload, event_key=key, platform=author.platform, user_id=author.user_id,
                chat_id=event.chat.chat_id, message_id=event.message_id, language=lang, category=category,
                urgency=urgency, text_redacted=summary, removed_kinds=",".join(kinds) if can_delete else "", created_at=ctx.now,
                expires_at=ctx.now + _hours(self.support.link_ttl_hours),
            )
            effects.append(rec.put_case(case))
        else:
            case = reuse
            payload = reuse.payload
        link = ctx.deep_link(event.platform, payload) if plan.with_link else None
        public_key = f"{key}/handoff"
        if plan.public is not PublicReply.none:
            effects.append(self._public_reply(event, plan.public, link, kinds, lang, urgency, public_key, caps))
            if reuse is None:
                effects.append(rec.update_case(payload, public_reply_key=public_key))
        ticket: Ticket | None = None
        if plan.open_ticket_now:
            ticket, opened = await self._open_ticket(
                ctx, cause_key=key, user=author, language=lang, category=category, urgency=urgency, summary=summary,
                source="group", origin_chat_id=event.chat.chat_id, case_payload=payload)
            effects.extend(opened)
            # Say "removed" only where the bot could delete it; otherwise the member must delete it.
            intro_key = ("handoff.dm_intro_removed" if can_delete else "handoff.dm_intro_exposed") if kinds \
                else "handoff.dm_intro"
            intro = self.t(lang, intro_key, name=author.display_name or member_name(author),
                           chat=event.chat.title or event.chat.chat_id, kinds=self._kinds_text(lang, kinds))
            if plan.thread_now:
                # DMs known to be closed: the welcome and what to send are the private thread's first message.
                text = f"{self._welcome_text(ticket, lang, intro)}\n\n{self._prompt(ticket, lang)}"
                effects += self._open_thread(ctx, ticket, event.chat, author, text,
                                             self._category_keyboard(ticket, lang))
            else:
                welcome = self._welcome(ticket, lang, key, author, intro)
                # The first DM carries the hand-off: if it is refused, the private thread or the public
                # button is the fallback.
                first = welcome[0]
                assert isinstance(first, SendDirect)
                welcome[0] = first.model_copy(update={"key": f"{key}/handoff-dm"})
                effects.extend(welcome)
                effects.append(rec.update_case(payload, dm_key=f"{key}/handoff-dm"))
        elif reuse is not None and reuse.ticket_id is not None:
            existing = await self._ticket(ctx, reuse.ticket_id)
            if existing is not None:
                effects.extend(await self._add_member_text(ctx, existing, event, verdict, key))
                state, _ = await self._thread_state(ctx, existing)
                if plan.dm_now or state in ("pending", "open"):
                    to, recorded = await self._reach(ctx, existing)
                    effects += [self._dm(f"{key}/handoff-dm", to, self.t(lang, "handoff.dm_repeat", id=existing.id)),
                                *recorded]
        if plan.page_security and ticket is None:
            effects.extend(self._page(f"{key}/page", None, author, event.chat.title or event.chat.chat_id))
        return effects

    async def _dm_open(self, ctx: Context, user: UserRef) -> bool | None:
        """beacon.storage.dm_state.dm_open through the read-only context: True once the member reached
        the bot privately, False after a refused DM, None when unknown."""
        return await ctx.read.scalar(select(DirectMessageState.open).where(
            DirectMessageState.platform == user.platform, DirectMessageState.user_id == user.user_id))

    def _kinds_text(self, lang: str, kinds: Sequence[str]) -> str:
        names = [self.t(lang, f"kinds.{k}" if self.texts.has(f"kinds.{k}") else "kinds.secret") for k in kinds]
        return self.t(lang, "kinds.joiner").join(names)

    def _public_reply(self, event: MessagePosted, public: PublicReply, link: str | None, kinds: Sequence[str],
                      lang: str, urgency: str, key: str, caps) -> SendMessage:  # noqa: ANN001
        name = member_name(event.author)
        text_key = {PublicReply.link: "handoff.public", PublicReply.dm_sent: "handoff.public_dm_sent",
                    PublicReply.dm_trying: "handoff.public_dm_trying",
                    PublicReply.ask_dm: "handoff.public_no_link", PublicReply.thread: "handoff.public_thread",
                    PublicReply.removed: "handoff.removed", PublicReply.exposed: "handoff.exposed"}[public]
        # No deep link and no private thread (X): the DM may never arrive, so the reply points to where a
        # private channel waits (configured links, else the help centre) — links only, nothing private.
        elsewhere = self._contact_links() if link is None and not caps.private_threads else []
        if public in (PublicReply.dm_sent, PublicReply.dm_trying) and caps.private_threads:
            text_key = "handoff.public_dm_or_thread"  # true whether the DM arrives or a thread opens instead
        elif public is PublicReply.dm_trying and elsewhere:
            text_key = "handoff.public_dm_trying_elsewhere"
        elif public is PublicReply.ask_dm and elsewhere:
            text_key = "handoff.public_elsewhere"
        text = self.t(lang, text_key, name=name, kinds=self._kinds_text(lang, kinds))
        rows: list[tuple[Button, ...]] = []
        urls: list[str] = []
        if public in (PublicReply.dm_trying, PublicReply.ask_dm, PublicReply.removed, PublicReply.exposed):
            urls += elsewhere
        if link:
            if caps.url_buttons:
                rows.append((Button(text=self.t(lang, "handoff.button"), url=link),))
            else:
                urls.append(link)
        freeze = self._freeze_url()
        if urgency == Urgency.critical.value and freeze:
            text += "\n" + self.t(lang, "handoff.critical")
            if caps.url_buttons:
                rows.append((Button(text=self.t(lang, "handoff.freeze_button"), url=freeze),))
            else:
                urls.append(freeze)
        if urls:
            text += "\n" + "\n".join(urls)
        return SendMessage(key=key, platform=event.platform, chat=event.chat, text=text, buttons=tuple(rows),
                           reply_to_message_id=event.message_id)

    # ----- DMs ------------------------------------------------------------------------------------------

    async def on_start(self, event: BotStarted, ctx: Context) -> list[Effect]:
        user = event.user
        member = await self._member(ctx, user.platform, user.user_id)
        key = event.idempotency_key
        if event.payload:
            case = await ctx.read.get(HandoffCase, event.payload)
            state = case_usable(case, user.user_id, ctx.now)
            if state == "ok":
                assert case is not None
                lang = self._lang(member, case.language, user.language_code)
                if case.ticket_id is not None:
                    ticket = await self._ticket(ctx, case.ticket_id)
                    if ticket is not None and ticket.status in ACTIVE_STATUSES:
                        return [rec.SetMember(user.platform, user.user_id, {"current_ticket_id": ticket.id,
                                                                            "updated_at": ctx.now}),
                                self._dm(f"{key}/resumed", user, self.t(lang, "ticket.resumed", id=ticket.id,
                                                                        status=self.t(lang, f"statuses.{ticket.status}")))]
                ticket, effects = await self._open_ticket(
                    ctx, cause_key=key, user=user, language=lang, category=case.category or Category.other.value,
                    urgency=case.urgency or Urgency.normal.value, summary=case.text_redacted, source="group",
                    origin_chat_id=case.chat_id, case_payload=case.payload)
                kinds = [k for k in case.removed_kinds.split(",") if k]
                title = await ctx.read.scalar(select(Chat.title).where(Chat.platform == case.platform,
                                                                       Chat.chat_id == case.chat_id))
                intro = self.t(lang, "handoff.dm_intro_removed" if kinds else "handoff.dm_intro",
                               name=user.display_name or member_name(user), chat=title or case.chat_id,
                               kinds=self._kinds_text(lang, kinds))
                return effects + self._welcome(ticket, lang, key, user, intro)
            lang = self._lang(member, user.language_code)
            text_key = "handoff.link_other" if state == "other_member" else "handoff.link_expired"
            return [self._dm(f"{key}/link", user, self.t(lang, text_key))]
        lang = self._lang(member, user.language_code)
        current = await self._current_ticket(ctx, user.platform, user.user_id, member)
        if current is not None and current.status in ACTIVE_STATUSES:
            return [self._dm(f"{key}/resumed", user, self.t(lang, "ticket.resumed", id=current.id,
                                                            status=self.t(lang, f"statuses.{current.status}")))]
        return [self._dm(f"{key}/help", user, self.t(lang, "help.text"))]

    async def on_direct(self, event: MessagePosted, ctx: Context, *,
                        thread_ticket: Ticket | None = None) -> list[Effect]:
        """A member's private message: in their DMs, or in the private thread of ``thread_ticket``
        (answers then go into that thread)."""
        user = event.author
        if user.is_bot or ctx.claimed_by(event.idempotency_key):  # claimed: another feature's conversation
            return []
        to: UserRef | ChatRef = user
        if thread_ticket is not None:
            to = self._thread_ref(event.platform, thread_ticket.member_chat_id or event.chat.thread_id or "")
        member = await self._member(ctx, user.platform, user.user_id)
        command = parse_command(event.text) if event.text.startswith("/") else None
        if command is not None:
            return await self.on_command(event, command, member, ctx, to=to, thread_ticket=thread_ticket)
        verdict = ctx.verdict_for(event.idempotency_key, analysis_input(event)) if event.text.strip() else None
        if thread_ticket is not None:
            ticket = thread_ticket if thread_ticket.status in (*ACTIVE_STATUSES, RESOLVED) else None
        else:
            ticket = await self._current_ticket(ctx, user.platform, user.user_id, member)
        key = event.idempotency_key
        if ticket is not None:
            return await self._add_member_message(ctx, ticket, event, verdict, key, to)
        lang = self._lang(member, verdict.language if verdict else None, user.language_code)
        if (verdict is not None and verdict.support_request) or event.attachments:
            category = (verdict.category if verdict and verdict.category else Category.other).value
            urgency = (verdict.urgency if verdict and verdict.urgency else Urgency.normal).value
            summary = redact(event.text, verdict, limit=SUMMARY_CHARS)
            ticket, effects = await self._open_ticket(ctx, cause_key=key, user=user, language=lang,
                                                      category=category, urgency=urgency, summary=summary,
                                                      source="dm", member_chat_id=_thread_of(to))
            effects += self._welcome(ticket, lang, key, to, None)
            if event.attachments:
                effects += self._evidence(ctx, ticket, event, key, lang, to)
            return effects
        # Not (yet) a request: self-service first, a ticket one tap away.
        effects: list[Effect] = []
        offer = self._kb_offer(event.text, lang, 0) if event.text.strip() else None
        if offer is not None:
            text, rows = offer
            effects.append(self._dm(f"{key}/kb", to, text, rows))
        effects.append(self._dm(f"{key}/offer", to, self.t(lang, "ticket.new_offer"),
                                ((Button(text=self.t(lang, "ticket.new_button"),
                                         data=ButtonData(Verb.new, 0).encode()),),)))
        return effects

    async def _add_member_message(self, ctx: Context, ticket: Ticket, event: MessagePosted, verdict: Verdict | None,
                                  key: str, to: UserRef | ChatRef) -> list[Effect]:
        effects = await self._add_member_text(ctx, ticket, event, verdict, key)
        if event.attachments:
            effects += self._evidence(ctx, ticket, event, key, ticket.language, to)
        if ticket.status in (WAITING_ON_USER, RESOLVED, OPEN):
            new_status = WAITING_ON_STAFF if ticket.status != OPEN else OPEN
            if new_status != ticket.status:
                _, changed = await self.set_status(ctx, ticket, new_status, key=key,
                                                    actor=f"member:{ticket.user_id}", notify=False)
                effects += changed
        effects.append(rec.SetMember(ticket.platform, ticket.user_id, {"current_ticket_id": ticket.id,
                                                                       "updated_at": ctx.now}))
        return effects

    async def _add_member_text(self, ctx: Context, ticket: Ticket, event: MessagePosted, verdict: Verdict | None,
                               key: str) -> list[Effect]:
        if not event.text.strip():
            return []
        masked = mask_secrets(event.text, verdict)[:RELAY_CHARS]
        lang = self._staff_lang(ticket)
        relay = self.t(lang, "staff.member_message", id=ticket.id, member=member_name(event.author), text=masked)
        return [self._entry(f"{key}/member", ticket.id, ctx.now, f"member:{event.author.user_id}", "member_message",
                            masked),
                rec.update_ticket(ticket.id, updated_at=ctx.now),
                *await self._to_staff(ctx, ticket, f"{key}/relay-in", relay)]

    def _evidence(self, ctx: Context, ticket: Ticket, event: MessagePosted, key: str, lang: str,
                  to: UserRef | ChatRef) -> list[Effect]:
        config = self.evidence
        effects: list[Effect] = []
        for index, attachment in enumerate(event.attachments):
            problem = evidence_problem(attachment, config)
            if problem is not None:
                kind, detail = problem
                text = (self.t(lang, "ticket.file_size", max_mb=f"{config.max_file_mb:g}") if kind == "size" else
                        self.t(lang, "ticket.file_type", type=detail, allowed=", ".join(config.content_types)))
                effects.append(self._dm(f"{key}/file{index}-refused", to, text))
                continue
            path = evidence_path(config, event.platform, ticket.id, key, attachment, index)
            fetch_key = f"{key}/file{index}"
            name = path.rsplit("/", 1)[-1].split("-", 1)[-1]
            effects += [
                FetchFile(key=fetch_key, platform=event.platform, chat=event.chat, file_id=attachment.file_id,
                          path=path, max_bytes=config.max_bytes),
                rec.put_evidence(Evidence(ticket_id=ticket.id, fetch_key=fetch_key, platform=event.platform,
                                          kind=attachment.kind, file_name=name, mime_type=attachment.mime_type,
                                          size=attachment.size, path=path, state="pending", created_at=ctx.now)),
                self._entry(f"{fetch_key}/entry", ticket.id, ctx.now, f"member:{event.author.user_id}", "evidence",
                            detail=f"{attachment.kind} {name} ({human_size(attachment.size)})"),
                self._dm(f"{fetch_key}/ack", to, self.t(lang, "ticket.file_saved", id=ticket.id)),
            ]
        return effects

    # ----- commands -------------------------------------------------------------------------------------

    async def on_command(self, event: MessagePosted, command: Command, member: DeskMember | None,
                         ctx: Context, *, to: UserRef | ChatRef | None = None,
                         thread_ticket: Ticket | None = None) -> list[Effect]:
        """A member's command, answered where it was written (DMs or their ticket's private thread)."""
        user = event.author
        key = event.idempotency_key
        lang = self._lang(member, user.language_code)
        to = to or user
        if thread_ticket is not None:  # in a private thread, commands are about that thread's ticket
            ticket = thread_ticket if thread_ticket.status in (*ACTIVE_STATUSES, RESOLVED) else None
        else:
            ticket = await self._current_ticket(ctx, user.platform, user.user_id, member)
        reply = lambda text, buttons=(): [self._dm(f"{key}/reply", to, text, buttons)]  # noqa: E731
        match command.name:
            case "help" | "start":
                return reply(self.t(lang, "help.text"))
            case "faq":
                if not command.arg:
                    return reply(self.t(lang, "faq.usage"))
                if len(self.kb) == 0:
                    return reply(self.t(lang, "faq.empty"))
                offer = self._kb_offer(command.arg, lang, ticket.id if ticket else 0)
                if offer is None:
                    return reply(self.t(lang, "faq.none", query=command.arg[:80]))
                return reply(*offer)
            case "ticket":
                if ticket is None:
                    return reply(self.t(lang, "ticket.none"))
                return reply(self.t(lang, "ticket.resumed", id=ticket.id,
                                    status=self.t(lang, f"statuses.{ticket.status}")) + "\n"
                             + self._status_line(ticket, lang, await self._queue(ctx, ticket)))
            case "status":
                return reply(await self._status_text(ctx, user, lang))
            case "lang":
                wanted = command.arg.lower().strip()
                if wanted in self._supported():
                    return [rec.SetMember(user.platform, user.user_id, {"language": wanted, "updated_at": ctx.now}),
                            self._dm(f"{key}/reply", to, self.t(wanted, "lang.set"))]
                langs = list(self._supported())
                rows = tuple(tuple(Button(text=code, data=ButtonData(Verb.language, 0, code).encode())
                                   for code in langs[i:i + 4]) for i in range(0, len(langs), 4))
                return reply(self.t(lang, "lang.choose"), rows)
            case "escalate":
                if ticket is None or ticket.status not in ACTIVE_STATUSES:
                    return reply(self.t(lang, "ticket.none"))
                return await self._escalate(ctx, ticket, key, actor=f"member:{user.user_id}", who=member_name(user))
            case "transcript":
                if ticket is None:
                    return reply(self.t(lang, "ticket.none"))
                return await self._transcript(ctx, ticket, to if isinstance(to, ChatRef) else event.chat, key, lang)
            case "feedback":
                if not command.arg:
                    return reply(self.t(lang, "feedback.usage"))
                verdict = ctx.verdict_for(event.idempotency_key, analysis_input(event))
                tags = ["feedback", *([verdict.category.value] if verdict.category else []),
                        *([f"lang:{verdict.language}"] if verdict.language else [])]
                return [rec.put_feedback(Feedback(key=key, platform=user.platform, user_id=user.user_id,
                                                  language=verdict.language, text=redact(command.arg, verdict),
                                                  tags=",".join(tags), created_at=ctx.now)),
                        *reply(self.t(lang, "feedback.thanks"))]
            case "cancel":
                if ticket is None or ticket.status not in ACTIVE_STATUSES:
                    return reply(self.t(lang, "ticket.none"))
                updated, effects = await self.set_status(ctx, ticket, CLOSED, key=key, actor=f"member:{user.user_id}",
                                                          resolution="cancelled")
                staff_lang = self._staff_lang(ticket)
                effects += await self._to_staff(ctx, ticket, f"{key}/staff-note",
                                                self.t(staff_lang, "staff.cancelled", id=ticket.id))
                return effects
        return reply(self.t(lang, "help.text"))

    async def _queue(self, ctx: Context, ticket: Ticket) -> list[Ticket]:
        team_filter = Ticket.team == ticket.team if ticket.team is not None else Ticket.team.is_(None)
        return await ctx.read.scalars(select(Ticket).where(team_filter, Ticket.status.in_(QUEUED_STATUSES)))

    def _status_line(self, ticket: Ticket, lang: str, queue: Sequence[Ticket]) -> str:
        category = self.t(lang, f"category.{ticket.category}")
        status = self.t(lang, f"statuses.{ticket.status}")
        if ticket.status in (RESOLVED, CLOSED):
            return self.t(lang, "status.done", id=ticket.id, category=category, status=status)
        position = queue_position(ticket, queue)
        if ticket.first_response_at is None and position is not None:
            due = ticket.first_response_due
            return self.t(lang, "status.queued", id=ticket.id, category=category, status=status, position=position,
                          due=format_due(due) if due else self.t(lang, "ticket.asap"))
        return self.t(lang, "status.answered", id=ticket.id, category=category, status=status)

    async def _status_text(self, ctx: Context, user: UserRef, lang: str) -> str:
        accounts = await accounts_of(ctx.read, user.platform, user.user_id)  # the person's, across platforms
        tickets = await ctx.read.scalars(select(Ticket).where(any_account(Ticket.platform, Ticket.user_id, accounts))
                                         .order_by(Ticket.id.desc()).limit(5))
        if not tickets:
            return self.t(lang, "ticket.none")
        lines = [self.t(lang, "status.header")]
        for ticket in tickets:
            lines.append(self._status_line(ticket, lang, await self._queue(ctx, ticket)))
        return "\n".join(lines)

    async def _escalate(self, ctx: Context, ticket: Ticket, key: str, *, actor: str, who: str) -> list[Effect]:
        if ticket.status == ESCALATED:
            to, recorded = await self._reach(ctx, ticket)
            return [self._dm(f"{key}/reply", to, self.t(ticket.language, "ticket.already_escalated", id=ticket.id)),
                    *recorded]
        updated, effects = await self.set_status(ctx, ticket, ESCALATED, key=key, actor=actor)
        team = self.support.team(ticket.team)
        lead = lead_of(self.settings, team)
        staff_lang = self._staff_lang(ticket)
        text = self.t(staff_lang, "staff.escalated", id=ticket.id, who=who, mentions=mentions([lead] if lead else []))
        effects += await self._to_staff(ctx, ticket, f"{key}/staff-escalated", text.strip())
        if lead is not None:
            effects.append(self._dm(f"{key}/lead", UserRef(platform=lead.platform, user_id=lead.user_id,
                                                           username=lead.username or None), text.strip()))
        return effects

    async def _transcript(self, ctx: Context, ticket: Ticket, chat: ChatRef, key: str, lang: str) -> list[Effect]:
        entries = await ctx.read.scalars(select(TicketEntry).where(TicketEntry.ticket_id == ticket.id)
                                         .order_by(TicketEntry.at, TicketEntry.id))
        lines = [f"#{ticket.id} · {self.t(lang, f'category.{ticket.category}')} · "
                 f"{self.t(lang, f'urgency.{ticket.urgency}')} · {self.t(lang, f'statuses.{ticket.status}')}", ""]
        for entry in entries:
            who = "you" if entry.actor.startswith("member:") else ("support" if entry.actor.startswith(
                ("staff:", "cli:")) else "system")
            body = entry.text or entry.detail
            lines.append(f"[{entry.at:%Y-%m-%d %H:%M} UTC] {who} · {entry.kind}: {body}")
        digest = key.replace(":", "_").replace("/", "_")[-60:]
        path = str(self.evidence.store_path / "transcripts" / f"ticket-{ticket.id}-{digest}.txt")
        return [rec.WriteFile(path, "\n".join(lines) + "\n"),
                SendFile(key=f"{key}/transcript", platform=chat.platform, chat=chat, path=path,
                         file_name=f"ticket-{ticket.id}.txt",
                         caption=self.t(lang, "ticket.transcript_caption", id=ticket.id))]

    # ----- buttons ----------------------------------------------------------------------------------------

    async def on_button(self, event: ButtonPressed, data: ButtonData, ctx: Context) -> list[Effect]:
        key = event.idempotency_key
        answer = AnswerButton(key=f"{key}/answer", platform=event.platform, callback_id=event.callback_id)
        if data.verb in STAFF_VERBS:
            return await self.on_staff_button(event, data, ctx, answer)
        user = event.user
        member = await self._member(ctx, user.platform, user.user_id)
        lang = self._lang(member, user.language_code)
        ticket = await self._ticket(ctx, data.ticket_id)
        if data.ticket_id and (ticket is None or ticket.user_id != user.user_id or ticket.platform != user.platform):
            return [answer]  # someone else's ticket: nothing happens
        effects: list[Effect] = [answer]
        to: UserRef | ChatRef = user  # answers go where the button was pressed: DMs, or the member's thread
        if event.chat.kind is not ChatKind.private and ctx.capabilities_of(event.platform).private_threads:
            found = await self._thread_ticket(ctx, event.chat)
            if found is not None and (found[0].platform, found[0].user_id) == (user.platform, user.user_id):
                to = self._thread_ref(event.platform, found[0].member_chat_id or event.chat.thread_id or "")
                effects += found[1]
        match data.verb:
            case Verb.language:
                if data.arg in self._supported():
                    effects += [rec.SetMember(user.platform, user.user_id, {"language": data.arg, "updated_at": ctx.now}),
                                self._dm(f"{key}/lang", to, self.t(data.arg, "lang.set"))]
            case Verb.new:
                current = await self._current_ticket(ctx, user.platform, user.user_id, member)
                if current is not None and current.status in ACTIVE_STATUSES:
                    effects.append(self._dm(f"{key}/resumed", to, self.t(lang, "ticket.resumed", id=current.id,
                                            status=self.t(lang, f"statuses.{current.status}"))))
                else:
                    opened, more = await self._open_ticket(ctx, cause_key=key, user=user, language=lang,
                                                           category=Category.other.value,
                                                           urgency=Urgency.normal.value, summary="", source="dm",
                                                           member_chat_id=_thread_of(to))
                    effects += more + self._welcome(opened, lang, key, to, None)
            case Verb.article:
                article = self.kb.version(data.arg, lang)
                if article is not None:
                    rows = ((Button(text=self.t(lang, "faq.solved_button"),
                                    data=ButtonData(Verb.solved, data.ticket_id, article.id).encode()),
                             Button(text=self.t(lang, "faq.human_button"),
                                    data=ButtonData(Verb.human, data.ticket_id, article.id).encode())),) \
                        if fits_button(Verb.solved, data.ticket_id, article.id) else ()
                    effects.append(self._dm(f"{key}/article", to, self._article_text(article, lang), rows))
            case Verb.solved:
                effects.append(rec.put_vote(KbVote(key=key, platform=user.platform, user_id=user.user_id,
                                                   article=data.arg, solved=True, ticket_id=ticket.id if ticket else None,
                                                   at=ctx.now)))
                if ticket is not None and ticket.status in ACTIVE_STATUSES:
                    _, changed = await self.set_status(ctx, ticket, CLOSED, key=key, actor=f"member:{user.user_id}",
                                                        resolution="self_served", notify=False)
                    effects += changed
                effects.append(self._dm(f"{key}/solved", to, self.t(lang, "faq.solved")))
            case Verb.human:
                effects.append(rec.put_vote(KbVote(key=key, platform=user.platform, user_id=user.user_id,
                                                   article=data.arg, solved=False,
                                                   ticket_id=ticket.id if ticket else None, at=ctx.now)))
                if ticket is None:
                    current = await self._current_ticket(ctx, user.platform, user.user_id, member)
                    if current is None or current.status not in ACTIVE_STATUSES:
                        opened, more = await self._open_ticket(ctx, cause_key=key, user=user, language=lang,
                                                               category=Category.other.value,
                                                               urgency=Urgency.normal.value, summary="", source="dm",
                                                               member_chat_id=_thread_of(to))
                        return effects + more + self._welcome(opened, lang, key, to, None)
                effects.append(self._dm(f"{key}/human", to, self.t(lang, "faq.human")))
            case Verb.confirm if ticket is not None:
                effects += [self._entry(f"{key}/confirm", ticket.id, ctx.now, f"member:{user.user_id}", "category",
                                        detail=f"confirmed {ticket.category}"),
                            self._dm(f"{key}/confirmed", to, self.t(ticket.language, "ticket.category_set",
                                                                      id=ticket.id,
                                                                      category=self.t(ticket.language,
                                                                                      f"category.{ticket.category}")))]
            case Verb.category if ticket is not None and ticket.status in ACTIVE_STATUSES:
                effects += await self._recategorise(ctx, ticket, data.arg, key, user, to)
            case Verb.urgency if ticket is not None and ticket.status in ACTIVE_STATUSES:
                effects += await self._set_urgency(ctx, ticket, data.arg, key, user, to)
        return effects

    async def _recategorise(self, ctx: Context, ticket: Ticket, category: str, key: str, user: UserRef,
                           to: UserRef | ChatRef) -> list[Effect]:
        if category == ticket.category:
            return []
        lang = ticket.language
        new_route = route(self.settings, category, ticket.language, ticket.platform)
        values: dict[str, object] = {"category": category, "updated_at": ctx.now}
        effects: list[Effect] = [self._entry(f"{key}/category", ticket.id, ctx.now, f"member:{user.user_id}",
                                             "category", detail=f"{ticket.category}→{category}")]
        moved = new_route.team_name != ticket.team
        if moved:
            # Another team handles this category: a new card in its chat, a new assignee in its rotation.
            values.update(team=new_route.team_name, staff_platform=new_route.chat.platform if new_route.chat else None,
                          staff_chat_id=new_route.chat.chat_id if new_route.chat else None,
                          staff_thread_id=new_route.chat.thread_id if new_route.chat else None,
                          card_key=f"{key}/card" if new_route.chat else None, assignee=None)
            agents = team_agents(self.settings, new_route.team)
            if new_route.team is not None and agents:
                cursor = await ctx.read.get(TeamCursor, new_route.team.name)
                picked = next_assignee(agents, cursor.last_assignee if cursor else None)
                if picked is not None:
                    values["assignee"] = handle_of(picked)
                    effects.append(rec.SetCursor(new_route.team.name, handle_of(picked)))
        updated = _changed(ticket, **values)
        effects.insert(0, rec.update_ticket(ticket.id, **values))
        if moved and new_route.chat is not None:
            effects += [self._card(updated, new_route), rec.put_staff_post(f"{key}/card", ticket.id)]
        else:
            effects += await self._card_edit(ctx, updated, f"{key}/card-edit")
        effects += [self._dm(f"{key}/category-set", to, self.t(lang, "ticket.category_set", id=ticket.id,
                                                                  category=self.t(lang, f"category.{category}"))),
                    self._dm(f"{key}/prompt", to, self._prompt(updated, lang))]
        return effects

    async def _set_urgency(self, ctx: Context, ticket: Ticket, urgency: str, key: str, user: UserRef,
                           to: UserRef | ChatRef) -> list[Effect]:
        if urgency == ticket.urgency:
            return [self._dm(f"{key}/urgency-set", to, self.t(ticket.language, "ticket.urgency_set", id=ticket.id,
                                                                  urgency=self.t(ticket.language, f"urgency.{urgency}"),
                                                                  due=format_due(ticket.first_response_due)))]
        lang = ticket.language
        chosen = self._route_of(ticket)
        first_due, resolution_due = due_dates(ticket.created_at, self.support.sla[Urgency(urgency)], chosen.hours)
        values = {"urgency": urgency, "first_response_due": first_due, "resolution_due": resolution_due,
                  "reminded_first": False, "reminded_resolution": False, "updated_at": ctx.now}
        updated = _changed(ticket, **values)
        effects: list[Effect] = [rec.update_ticket(ticket.id, **values),
                                 self._entry(f"{key}/urgency", ticket.id, ctx.now, f"member:{user.user_id}", "urgency",
                                             detail=f"{ticket.urgency}→{urgency}"),
                                 self._dm(f"{key}/urgency-set", to, self.t(lang, "ticket.urgency_set", id=ticket.id,
                                                                              urgency=self.t(lang, f"urgency.{urgency}"),
                                                                              due=format_due(first_due)))]
        effects += await self._card_edit(ctx, updated, f"{key}/card-edit")
        if urgency == Urgency.critical.value:
            effects.append(self._dm(f"{key}/emergency", to, self._prompt(updated, lang)))
            effects += self._page(f"{key}/page", updated, user)
        return effects

    async def on_staff_button(self, event: ButtonPressed, data: ButtonData, ctx: Context,
                              answer: AnswerButton) -> list[Effect]:
        key = event.idempotency_key
        staff = self._staff(event.platform, event.user.user_id)
        ticket = await self._ticket(ctx, data.ticket_id)
        lang = self._staff_lang(ticket) if ticket else self.support.staff_language
        if staff is None and event.presser_is_admin is not True:
            return [answer.model_copy(update={"text": self.t(lang, "staff.not_allowed"), "show_alert": True})]
        if ticket is None:
            return [answer]
        who = handle_of(staff) if staff else (event.user.username or event.user.user_id)
        actor = f"staff:{who}"
        if ticket.status in (RESOLVED, CLOSED):
            return [answer.model_copy(update={"text": self.t(lang, "staff.already", id=ticket.id,
                                                             status=ticket.status)})]
        match data.verb:
            case Verb.claim:
                updated = _changed(ticket, assignee=who, updated_at=ctx.now)
                return [answer.model_copy(update={"text": self.t(lang, "staff.claimed", id=ticket.id, who=who)}),
                        rec.update_ticket(ticket.id, assignee=who, updated_at=ctx.now),
                        self._entry(f"{key}/claim", ticket.id, ctx.now, actor, "assigned", detail=who),
                        *await self._card_edit(ctx, updated, f"{key}/card-edit")]
            case Verb.resolve:
                _, effects = await self.set_status(ctx, ticket, RESOLVED, key=key, actor=actor, resolution="resolved")
                return [answer.model_copy(update={"text": self.t(lang, "staff.resolved", id=ticket.id, who=who)}),
                        *effects]
            case Verb.escalate:
                return [answer, *await self._escalate(ctx, ticket, key, actor=actor, who=who)]
        return [answer]

    # ----- staff chats: agents answer members --------------------------------------------------------------

    async def on_staff_message(self, event: MessagePosted, ctx: Context) -> list[Effect]:
        if event.reply_to_message_id is None or event.author.is_bot:
            return []  # only replies to the desk's posts reach members; the rest of a staff chat stays there
        row = await ctx.read.scalar(select(OutboxItem.key).where(
            OutboxItem.platform == event.platform, OutboxItem.result_chat_id == event.chat.chat_id,
            OutboxItem.result_message_id == event.reply_to_message_id))
        if row is None:
            if event.reply_to_bot and self._young(ctx) and await self._staff_post_in_flight(ctx, event.platform):
                # A reply to a desk post whose message id the dispatcher has not recorded yet (the platform
                # answered, the outbox row is still being written): wait for it rather than drop the answer.
                raise NotYet(f"a staff-chat post on {event.platform} is still being recorded")
            return []
        post = await ctx.read.get(StaffPost, row)
        if post is None:
            return []
        ticket = await self._ticket(ctx, post.ticket_id)
        if ticket is None:
            return []
        key = event.idempotency_key
        staff = self._staff(event.platform, event.author.user_id)
        if staff is None:
            return [SendMessage(key=f"{key}/not-staff", platform=event.platform, chat=event.chat,
                                text=self.t(self._staff_lang(ticket), "staff.not_staff_reply"),
                                reply_to_message_id=event.message_id)]
        return await self.relay_to_member(ctx, ticket, staff, event.text, key, actor=f"staff:{handle_of(staff)}")

    async def relay_to_member(self, ctx: Context, ticket: Ticket, staff: StaffMember, text: str, key: str, *,
                              actor: str) -> list[Effect]:
        """An agent's answer → the member's private conversation (DM or private thread), signed with the
        agent's alias and staff number."""
        if not text.strip():
            return []
        lang = ticket.language
        alias = staff.alias or staff.display_name or staff.username or "Support"
        signature = self.t(lang, "ticket.agent_signature", alias=alias, number=staff.staff_number or staff.user_id)
        masked = mask_secrets(text)[:RELAY_CHARS]
        to, recorded = await self._reach(ctx, ticket)
        return [self._dm(f"{key}/relay", to, f"{masked}\n\n{signature}"), *recorded,
                *await self._agent_answered(ctx, ticket, staff, masked, key, actor=actor)]

    async def _agent_answered(self, ctx: Context, ticket: Ticket, staff: StaffMember, masked: str, key: str, *,
                              actor: str) -> list[Effect]:
        """What an agent's answer changes: first response, assignee, history, waiting on the member."""
        values: dict[str, object] = {"updated_at": ctx.now}
        if ticket.first_response_at is None:
            values["first_response_at"] = ctx.now
        if ticket.assignee is None:
            values["assignee"] = handle_of(staff)
        effects: list[Effect] = [
            rec.update_ticket(ticket.id, **values),
            self._entry(f"{key}/agent", ticket.id, ctx.now, actor, "agent_reply", masked),
        ]
        updated = _changed(ticket, **values)
        if ticket.status in (OPEN, WAITING_ON_STAFF, RESOLVED):
            _, changed = await self.set_status(ctx, updated, WAITING_ON_USER, key=key, actor=actor, notify=False)
            effects += changed
        elif "assignee" in values:
            effects += await self._card_edit(ctx, updated, f"{key}/card-edit")
        return effects

    async def _staff_post_in_flight(self, ctx: Context, platform: str) -> bool:
        """Whether a desk post in a staff chat is being sent right now (its message id not yet recorded)."""
        return await ctx.read.scalar(
            select(OutboxItem.id).join(StaffPost, StaffPost.outbox_key == OutboxItem.key)
            .where(OutboxItem.platform == platform, OutboxItem.state == "sending").limit(1)) is not None

    # ----- private threads: the member's conversation when their DMs are closed ------------------------------

    async def on_thread_message(self, event: MessagePosted, ticket: Ticket, ctx: Context) -> list[Effect]:
        """A message in a ticket's private thread: the member's joins the ticket as a DM would (files too);
        an agent's answer there is recorded as the ticket's answer (the member reads it in place)."""
        author = event.author
        if author.is_bot:
            return []
        if (author.platform, author.user_id) == (ticket.platform, ticket.user_id):
            return await self.on_direct(event, ctx, thread_ticket=ticket)
        staff = self._staff(event.platform, author.user_id)
        if staff is None or not event.text.strip() or ticket.status not in (*ACTIVE_STATUSES, RESOLVED):
            return []
        masked = mask_secrets(event.text)[:RELAY_CHARS]
        return await self._agent_answered(ctx, ticket, staff, masked, event.idempotency_key,
                                          actor=f"staff:{handle_of(staff)}")

    # ----- failures and timers ---------------------------------------------------------------------------

    async def on_action_failed(self, event: ActionFailed, ctx: Context) -> list[Effect]:
        key = event.idempotency_key
        if event.action_type == "open_private_thread":
            return await self._thread_failed(ctx, event)
        refused = event.action_type == "send_direct" and event.reason in DM_REFUSED and event.user is not None
        if event.action_key.endswith("/handoff-dm") and event.action_type == "send_direct":
            case = await ctx.read.scalar(select(HandoffCase).where(HandoffCase.dm_key == event.action_key))
            if case is None:
                return []
            caps = ctx.capabilities_of(case.platform)
            ticket = await self._ticket(ctx, case.ticket_id) if case.ticket_id else None
            if refused and caps.private_threads and ticket is not None \
                    and ticket.status in (*ACTIVE_STATUSES, RESOLVED):
                # DMs closed: the conversation moves to a private thread, even after a public reply.
                return await self._refused_into_thread(ctx, event, ticket, case)
            if case.public_reply_key is not None:
                return []
            chat = ChatRef(platform=case.platform, chat_id=case.chat_id, kind=ChatKind.group)
            lang = case.language or self.support.default_language
            link = ctx.deep_link(case.platform, case.payload) if caps.deep_link_dm else None
            if link is not None:
                buttons: Keyboard = ((Button(text=self.t(lang, "handoff.button"), url=link),),) if caps.url_buttons \
                    else ()
                text = self.t(lang, "handoff.public") + ("" if caps.url_buttons else f"\n{link}")
            else:
                buttons = ()
                elsewhere = self._contact_links()
                text = ("\n".join([self.t(lang, "handoff.public_elsewhere"), *elsewhere]) if elsewhere
                        else self.t(lang, "handoff.public_no_link"))
            return [SendMessage(key=f"{key}/fallback", platform=case.platform, chat=chat, text=text,
                                buttons=buttons, reply_to_message_id=case.message_id),
                    rec.update_case(case.payload, public_reply_key=f"{key}/fallback")]
        if refused:
            ticket, role = await self._ticket_of_dm(ctx, event.action_key)
            if ticket is not None and ticket.member_chat_key:
                if role == "prompt":
                    return []  # the hand-off's "what to send" is in the private thread's first message
                redirected = await self._redirect(ctx, event, ticket)
                if redirected is not None:
                    return redirected
        if event.action_type == "fetch_file":
            evidence = await ctx.read.scalar(select(Evidence).where(Evidence.fetch_key == event.action_key))
            if evidence is None or evidence.state != "pending":
                return []
            ticket = await self._ticket(ctx, evidence.ticket_id)
            effects: list[Effect] = [rec.update_evidence(evidence.fetch_key, state="failed")]
            if ticket is not None:
                to, recorded = await self._reach(ctx, ticket)
                effects += [self._dm(f"{key}/file-failed", to, self.t(ticket.language, "ticket.file_failed")),
                            *recorded]
            return effects
        if event.action_key.endswith("/relay") and event.action_type in ("send_direct", "send_message"):
            post_key = event.action_key[: -len("/relay")]
            entry = await ctx.read.scalar(select(TicketEntry).where(TicketEntry.key == f"{post_key}/agent"))
            ticket = await self._ticket(ctx, entry.ticket_id) if entry is not None else None
            if ticket is None:
                return []
            return await self._to_staff(ctx, ticket, f"{key}/undelivered",
                                        self.t(self._staff_lang(ticket), "staff.delivery_failed", id=ticket.id,
                                               reason=event.reason))
        return []

    async def _refused_into_thread(self, ctx: Context, event: ActionFailed, ticket: Ticket,
                                   case: HandoffCase) -> list[Effect]:
        """A refused hand-off DM: into the ticket's private thread if it has one, else open one carrying it
        (the welcome also carries what to send, so the member finds everything in one message)."""
        state, _ = await self._thread_state(ctx, ticket)
        if state != "none":
            return await self._redirect(ctx, event, ticket) or []
        refused = await self._failed_dm(ctx, event.action_key)
        if refused is None or event.user is None:
            return []
        text = refused.text
        if event.action_key == f"{ticket.created_key}/handoff-dm":
            text += "\n\n" + self._prompt(ticket, ticket.language)
        parent = ChatRef(platform=case.platform, chat_id=case.chat_id, kind=ChatKind.group)
        return self._open_thread(ctx, ticket, parent, event.user, text, refused.buttons)

    async def _redirect(self, ctx: Context, event: ActionFailed, ticket: Ticket) -> list[Effect] | None:
        """A DM refused after (or while) the ticket's private thread opened: the same message, in the thread.
        None when there is no thread to carry it."""
        state, chat = await self._thread_state(ctx, ticket)
        if state == "pending":
            if self._young(ctx):
                raise NotYet(f"the private thread of ticket #{ticket.id} is still being opened")
            return None
        if chat is None:
            return None
        refused = await self._failed_dm(ctx, event.action_key)
        if refused is None:
            return None
        recorded = [] if ticket.member_chat_id else [rec.update_ticket(ticket.id, member_chat_id=chat.chat_id)]
        return [SendMessage(key=f"{event.action_key}/in-thread", platform=chat.platform, chat=chat, text=refused.text,
                            buttons=refused.buttons), *recorded]

    async def _failed_dm(self, ctx: Context, action_key: str) -> SendDirect | None:
        row = await ctx.read.scalar(select(OutboxItem).where(OutboxItem.key == action_key))
        action = decode_action(row.action) if row is not None else None
        return action if isinstance(action, SendDirect) else None

    async def _ticket_of_dm(self, ctx: Context, action_key: str) -> tuple[Ticket | None, str]:
        """The ticket a desk DM was about, for the DMs worth carrying into a thread opened after them:
        the hand-off's articles and what to send, agents' answers and status notices."""
        base, _, role = action_key.rpartition("/")
        if role in ("kb", "prompt"):
            ticket = await ctx.read.scalar(select(Ticket).where(Ticket.created_key == base))
            return ticket, role
        entry_key = {"relay": f"{base}/agent", "notify": f"{base}/status"}.get(role)
        if entry_key is None:
            return None, role
        entry = await ctx.read.scalar(select(TicketEntry).where(TicketEntry.key == entry_key))
        return (await self._ticket(ctx, entry.ticket_id) if entry is not None else None), role

    async def _thread_failed(self, ctx: Context, event: ActionFailed) -> list[Effect]:
        """The private thread could not be opened: the member cannot be reached privately; staff are told."""
        if not event.action_key.endswith(THREAD_ROLE):
            return []
        ticket = await ctx.read.scalar(select(Ticket).where(
            Ticket.created_key == event.action_key[: -len(THREAD_ROLE)], Ticket.member_chat_key == event.action_key))
        if ticket is None:
            return []
        key = event.idempotency_key
        return [self._entry(f"{key}/entry", ticket.id, ctx.now, "system", "private_thread",
                            detail=f"failed: {event.reason}"),
                *await self._to_staff(ctx, ticket, f"{key}/thread-failed",
                                      self.t(self._staff_lang(ticket), "thread.staff_failed", id=ticket.id,
                                             reason=event.reason))]

    async def on_tick(self, event: Tick, ctx: Context) -> list[Effect]:
        return [*await self._sla_sweep(ctx), *await self._evidence_sweep(ctx)]

    async def _sla_sweep(self, ctx: Context) -> list[Effect]:
        """Remind the team before a target is missed; mark and announce a miss once."""
        horizon = ctx.now + _minutes(max(t.remind_before_minutes for t in self.support.sla.values()))
        tickets = await ctx.read.scalars(select(Ticket).where(
            Ticket.status.in_(ACTIVE_STATUSES),
            or_(and_(Ticket.first_response_at.is_(None), Ticket.breached_first.is_(False),
                     Ticket.first_response_due <= horizon),
                and_(Ticket.breached_resolution.is_(False), Ticket.resolution_due <= horizon))))
        effects: list[Effect] = []
        for ticket in tickets:
            target = self.support.sla[Urgency(ticket.urgency)]
            remind_at = _minutes(target.remind_before_minutes)
            lang = self._staff_lang(ticket)
            team = self.support.team(ticket.team)
            assignee = self.settings.staff_by_handle(ticket.assignee) if ticket.assignee else None
            who = mentions([assignee] if assignee else team_agents(self.settings, team))
            base = f"desk:sla:{ticket.id}"
            for phase, due, answered, reminded, breached in (
                ("first", ticket.first_response_due, ticket.first_response_at is not None, ticket.reminded_first,
                 ticket.breached_first),
                ("resolution", ticket.resolution_due, False, ticket.reminded_resolution, ticket.breached_resolution),
            ):
                if due is None or answered or breached:
                    continue
                # Keys carry the due time: a new urgency (new due time) gets its own reminder.
                stamp = int(due.timestamp())
                urgency = self.t(lang, f"urgency.{ticket.urgency}")
                if ctx.now >= due:
                    effects.append(rec.update_ticket(ticket.id, **{f"breached_{phase}": True,
                                                                   f"reminded_{phase}": True}))
                    effects.append(self._entry(f"{base}/{phase}/{stamp}/breach", ticket.id, ctx.now, "system",
                                               "sla_breach", detail=f"{phase} due {format_due(due)}"))
                    effects += await self._to_staff(ctx, ticket, f"{base}/{phase}/{stamp}/breach",
                                                    self.t(lang, f"staff.breach_{phase}", id=ticket.id, due=format_due(due),
                                                           mentions=who).strip())
                elif not reminded and ctx.now >= due - remind_at:
                    effects.append(rec.update_ticket(ticket.id, **{f"reminded_{phase}": True}))
                    effects.append(self._entry(f"{base}/{phase}/{stamp}/remind", ticket.id, ctx.now, "system",
                                               "sla_reminder", detail=f"{phase} due {format_due(due)}"))
                    effects += await self._to_staff(ctx, ticket, f"{base}/{phase}/{stamp}/remind",
                                                    self.t(lang, f"staff.reminder_{phase}", id=ticket.id,
                                                           urgency=urgency, due=format_due(due), mentions=who).strip())
        return effects

    async def _evidence_sweep(self, ctx: Context) -> list[Effect]:
        """Files fetched since the last tick go to the ticket's card (the fetch must finish first)."""
        pending = await ctx.read.scalars(select(Evidence).where(Evidence.state == "pending").limit(100))
        effects: list[Effect] = []
        for evidence in pending:
            row = await ctx.read.scalar(select(OutboxItem).where(OutboxItem.key == evidence.fetch_key))
            if row is None or row.state in ("queued", "sending"):
                continue
            if row.state != "sent":
                effects.append(rec.update_evidence(evidence.fetch_key, state="failed"))
                continue
            effects.append(rec.update_evidence(evidence.fetch_key, state="relayed"))
            ticket = await self._ticket(ctx, evidence.ticket_id)
            if ticket is None or ticket.staff_chat_id is None or ticket.staff_platform is None:
                continue
            chat = ChatRef(platform=ticket.staff_platform, chat_id=ticket.staff_chat_id, kind=ChatKind.group,
                           thread_id=ticket.staff_thread_id)
            caption = self.t(self._staff_lang(ticket), "staff.member_file", id=ticket.id,
                             member=member_name(self._member_ref(ticket)), file_name=evidence.file_name,
                             size=human_size(evidence.size))
            file_key = f"{evidence.fetch_key}/to-card"
            effects += [SendFile(key=file_key, platform=chat.platform, chat=chat, path=evidence.path,
                                 file_name=evidence.file_name, caption=caption),
                        rec.put_staff_post(file_key, ticket.id)]
        return effects


def _thread_of(to: UserRef | ChatRef) -> str | None:
    """The private thread a reply goes to (None: the member's DMs)."""
    return to.thread_id if isinstance(to, ChatRef) else None


def _hours(value: float):  # noqa: ANN202
    from datetime import timedelta

    return timedelta(hours=value)


def _minutes(value: float):  # noqa: ANN202
    from datetime import timedelta

    return timedelta(minutes=value)


def build_community_handlers(settings: Settings) -> list[Handler]:
    """The support desk: hand-off, DM flow, tickets, relay, SLA (one handler, state in the database)."""
    return [Desk(settings)]


__all__ = ["Desk", "build_community_handlers"]
