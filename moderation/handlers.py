"""Moderation's handlers: flagged messages and joins → policy steps and cases; cards, appeals, /verify, alerts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from beacon.actions import (
    AnswerButton,
    BanMember,
    DeleteMessage,
    RestrictMember,
    SendDirect,
    SendMessage,
)
from beacon.config import Settings
from beacon.domain import Context, Effect, Handler
from beacon.events import (
    ActionFailed,
    ButtonPressed,
    ChatKind,
    ChatRef,
    EventBase,
    MemberJoined,
    MessageDeleted,
    MessagePosted,
    Tick,
    UserRef,
)
from beacon.verdict import AnalysisInput, Flag, Verdict
from moderation import alerts, allowlist, service, verify
from moderation.models import APPEALED, AUTO, OPEN, ModerationCase, RecentMessage, SafetyAlert, Sighting
from moderation.config import Step
from moderation.policy import DATA_FLAGS, Channel, Decision, Situation, decide
from moderation.records import (
    Audit,
    AuditLines,
    DecideCase,
    ForgetMessage,
    ForgetSightings,
    OpenCase,
    RaiseAlert,
    RememberMessage,
    See,
    make_ref,
)
from moderation.redact import mask, mask_patterns, shorten
from moderation.texts import (
    APPEAL_BUTTONS,
    appeal_card_text,
    card_text,
    chat_label,
    data_kinds,
    keyboard,
    member_message,
    parse_callback,
    who,
)

SYSTEM = service.SYSTEM_ACTOR


def build_moderation_handlers(settings: Settings) -> list[Handler]:
    """Handlers acting on safety flags, in the order the worker runs them."""
    if not settings.moderation.enabled:
        return []
    return [Moderation(settings)]


class Moderation:
    """One handler for every event moderation cares about; the decisions live in pure functions."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.config = settings.moderation

    async def __call__(self, event: EventBase, ctx: Context) -> Sequence[Effect]:
        match event:
            case MessagePosted(chat=chat) if chat.kind is ChatKind.private:
                return await self.on_direct_message(event, ctx)
            case MessagePosted(chat=chat) if chat.kind is ChatKind.private_thread:
                # A member's private thread with staff: e-mails and order ids are expected there, but staff
                # can read it, so a leaked secret still goes.
                return await self.on_chat_message(event, ctx, only=frozenset({Flag.secret}))
            case MessagePosted(chat=chat) if chat.kind is ChatKind.channel:
                return []  # broadcast channels: only their administrators post there
            case MessagePosted():
                return await self.on_chat_message(event, ctx)
            case MemberJoined():
                return await self.on_join(event, ctx)
            case ButtonPressed():
                return await self.on_press(event, ctx)
            case ActionFailed():
                return await self.on_failure(event, ctx)
            case MessageDeleted(chat=chat, message_id=message_id):
                return [ForgetMessage(platform=event.platform, chat_id=chat.chat_id, message_id=message_id)]
            case Tick():
                return [ForgetSightings(before=ctx.now - timedelta(minutes=2 * self.config.alerts.window_minutes))]
        return []

    # ---- messages in chats -----------------------------------------------------------------------

    async def on_chat_message(self, event: MessagePosted, ctx: Context, *,
                              only: frozenset[Flag] | None = None) -> list[Effect]:
        """A message in a chat; ``only`` limits which flags this chat acts on (None: all)."""
        if event.author.is_bot or service.is_moderators_chat(self.settings, event.chat):
            return await self._verify_in_chat(event, ctx)
        author = event.author
        message = AnalysisInput(text=event.text, platform=event.platform, chat=event.chat.chat_id,
                                author_id=author.user_id, author_name=author.display_name,
                                author_username=author.username, mentions_bot=event.mentions_bot)
        community = self.config.community_of(event.platform, event.chat.chat_id)
        verdict = await self._verdict(ctx, event.idempotency_key, message, community)
        if only is not None:
            verdict = verdict.model_copy(update={"flags": tuple(f for f in verdict.flags if f in only)})
        masked = mask(event.text, verdict.findings)
        effects: list[Effect] = [RememberMessage(
            platform=event.platform, chat_id=event.chat.chat_id, message_id=event.message_id,
            author_id=author.user_id, author_name=author.display_name or author.username, masked_text=masked,
            at=event.occurred_at, keep=self.config.recent_per_chat,
        )]
        effects += await self._verify_in_chat(event, ctx)
        if not verdict.flags:
            return effects
        effects += await self._handle_flags(event.idempotency_key, ctx, chat=event.chat, author=author,
                                            message_id=event.message_id, text=event.text, masked=masked,
                                            verdict=verdict, community=community)
        return effects

    async def on_join(self, event: MemberJoined, ctx: Context) -> list[Effect]:
        """A newcomer whose name imitates staff is flagged before their first message."""
        user = event.user
        if user.is_bot or service.is_moderators_chat(self.settings, event.chat):
            return []
        if self.settings.staff_for(user.platform, user.user_id) is not None:
            return []
        community = self.config.community_of(event.platform, event.chat.chat_id)
        message = AnalysisInput(text="", platform=event.platform, chat=event.chat.chat_id, author_id=user.user_id,
                                author_name=user.display_name, author_username=user.username)
        verdict = await self._verdict(ctx, event.idempotency_key, message, community)
        # Only the name speaks at a join: text flags cannot arise from an empty message.
        verdict = verdict.model_copy(update={"flags": tuple(f for f in verdict.flags if f is Flag.impersonation)})
        if not verdict.flags:
            return []
        return await self._handle_flags(event.idempotency_key, ctx, chat=event.chat, author=user, message_id=None,
                                        text="", masked="", verdict=verdict, community=community)

    async def _verdict(self, ctx: Context, key: str, message: AnalysisInput, community: str) -> Verdict:
        verdict = ctx.verdict_for(key, message)
        if not any(f.flag in allowlist.ALLOWABLE for f in verdict.findings):
            return verdict  # nothing an allow list could lift: spare the query (most messages)
        allow = await service.allow_list(ctx.read, community)
        respected = allowlist.respect(verdict, allow, message.platform, message.author_id)
        if respected is not verdict:
            # Later handlers (the desk) read the same memo: the allow list holds for them too.
            ctx.memo[("verdict", key)] = respected
        return respected

    async def _handle_flags(self, key: str, ctx: Context, *, chat: ChatRef, author: UserRef, message_id: str | None,
                            text: str, masked: str, verdict: Verdict, community: str) -> list[Effect]:
        flags = frozenset(verdict.flags)
        platform = chat.platform
        policies = {f: self.config.policy_for(f, platform, chat.chat_id) for f in flags}
        # Each read runs inside the worker's write transaction, ahead of the delete: ask only what this
        # message's policies can use (repeats only where a policy has repeat steps, DMs only to speak).
        repeating = [p.repeat_window_hours for p in policies.values() if p.repeat_steps is not None]
        previous = await service.previous_flags(
            ctx.read, platform, author.user_id, ctx.now - timedelta(hours=max(repeating)), key) if repeating else {}
        speaks = any(step in (Step.warn, Step.notify) for p in policies.values()
                     for step in (*p.steps, *(p.repeat_steps or ())))
        can_delete, can_restrict = await service.bot_rights(ctx.read, platform, chat.chat_id)
        situation = Situation(
            flags=flags, policies=policies, now=ctx.now,
            author_is_staff=self.settings.staff_for(platform, author.user_id) is not None,
            support_request=verdict.support_request, previous=previous,
            dm_open=await service.dm_is_open(ctx.read, platform, author.user_id) if speaks else None,
            capabilities=ctx.capabilities_of(platform), bot_can_delete=can_delete, bot_can_restrict=can_restrict,
            is_join=message_id is None,
        )
        decision = decide(situation)
        if decision.review and flags == {Flag.impersonation}:
            # Impersonation is about the author: one open card per impersonator, not one per message.
            covering = await service.open_case_for(ctx.read, platform, author.user_id, Flag.impersonation, key)
            if covering is not None:
                decision = replace(decision, review=False,
                                   skipped=(*decision.skipped, f"review: case {covering} is already open"))
        ref = make_ref(key)
        base = f"{key}/mod/{ref}"
        flagged = [f for f in verdict.findings if f.flag in flags]
        reasons = [mask_patterns(f.reason) for f in flagged]
        imitates = next((f.detail["imitates"] for f in flagged if f.flag is Flag.impersonation
                         and f.detail.get("imitates")), None)
        facts = {"domains": sorted({f.detail["domain"] for f in flagged
                                    if f.flag is Flag.phishing and f.detail.get("domain")})}
        # The messages before it matter to a reviewer; an automatic case keeps only the message itself.
        context = await self._context_before(ctx, chat, message_id) if message_id and decision.review else []
        effects: list[Effect] = []
        notes = list(decision.skipped)

        # Speaking to the author: one message, by DM when possible, else one public notice.
        who_ = who(author.username, author.display_name, author.user_id)
        kinds = data_kinds(f for f in flagged if f.flag in decision.notice_flags)
        fallback = None
        if decision.speak is not Channel.none:
            words = dict(who_=who_, chat=chat.title or chat.chat_id, kinds=kinds, warn_flags=decision.warn_flags,
                         advise_new_wallet=decision.advise_new_wallet)
            public = member_message(self.config, public=True, **words)
            if decision.speak is Channel.public:
                effects.append(SendMessage(key=f"{base}/notice", platform=platform, chat=chat, text=public,
                                           reply_to_message_id=None if decision.delete else message_id))
            else:
                effects.append(SendDirect(key=f"{base}/dm", platform=platform, user=author,
                                          text=member_message(self.config, public=False, **words)))
                fallback = public
        if decision.delete and message_id is not None:
            effects.insert(0, DeleteMessage(key=f"{base}/delete", platform=platform, chat=chat,
                                            message_id=message_id, priority=10))
        if decision.mute_minutes:
            effects.append(RestrictMember(key=f"{base}/mute", platform=platform, chat=chat, user_id=author.user_id,
                                          until=ctx.now + timedelta(minutes=decision.mute_minutes), priority=5))
        if decision.ban:
            effects.append(BanMember(key=f"{base}/ban", platform=platform, chat=chat, user_id=author.user_id,
                                     priority=5))

        card_chat = service.moderators_chat_for(self.settings, platform) if decision.review else None
        if decision.review and card_chat is None:
            notes.append("review: no moderators' chat is configured")
        case = ModerationCase(
            ref=ref, source_key=key, community=community, platform=platform, chat_id=chat.chat_id,
            chat_title=chat.title, chat_kind=chat.kind.value, message_id=message_id,
            kind="message" if message_id is not None else "join", author_id=author.user_id,
            author_username=author.username, author_name=author.display_name,
            flags=",".join(f.value for f in verdict.flags), reasons=json.dumps(reasons, ensure_ascii=False),
            imitates=imitates, masked_text=masked, context=json.dumps(context, ensure_ascii=False),
            steps=",".join(decision.automatic_steps), facts=json.dumps(facts), fallback_notice=fallback,
            support_request=verdict.support_request, status=OPEN if decision.review else AUTO,
            card_key=f"{base}/card" if card_chat is not None else None,
            card_chat_platform=card_chat.platform if card_chat else None,
            card_chat_id=card_chat.chat_id if card_chat else None, created_at=ctx.now, updated_at=ctx.now,
        )
        if card_chat is not None:
            history = await service.author_history(ctx.read, platform, author.user_id, ref, self.config.history_cases)
            caps = ctx.capabilities_of(card_chat.platform)
            effects.append(SendMessage(
                key=f"{base}/card", platform=card_chat.platform, chat=card_chat, priority=3,
                text=card_text(case, history, automatic=_done(decision), skipped=notes,
                               limit=caps.max_message_length),
                buttons=keyboard(ref) if caps.buttons else (),
            ))
        values = {c: getattr(case, c) for c in ModerationCase.model_fields if c != "id"}
        effects.insert(0, OpenCase(values=values))
        effects += self._audit_automatic(ctx, key, case, decision, notes)
        effects += await self._safety_alerts(ctx, key, case, verdict, text, author)
        return effects

    async def _context_before(self, ctx: Context, chat: ChatRef, message_id: str) -> list[dict[str, str]]:
        if not self.config.context_messages:
            return []
        rows = await ctx.read.scalars(
            select(RecentMessage).where(RecentMessage.platform == chat.platform, RecentMessage.chat_id == chat.chat_id,
                                        RecentMessage.message_id != message_id)
            .order_by(RecentMessage.id.desc()).limit(self.config.context_messages)  # type: ignore[union-attr]
        )
        return [{"who": r.author_name or r.author_id, "text": r.masked_text} for r in reversed(rows)]

    def _audit_automatic(self, ctx: Context, key: str, case: ModerationCase, decision: Decision,
                         notes: list[str]) -> list[Effect]:
        """The case's automatic steps as audit lines, written in one statement."""
        reason = "; ".join(json.loads(case.reasons))[:1000]
        target = (f"{case.platform}:{case.chat_id}/{case.message_id} by {case.platform}:{case.author_id}"
                  if case.message_id else f"{case.platform}:{case.author_id} in {case.chat_id}")
        rules = ",".join(decision.rules)
        entries: list[Audit] = [Audit(at=ctx.now, actor=SYSTEM, action="open case" if decision.review else "flag",
                                      target=target, reason=reason, rule=rules, case_ref=case.ref, source_key=key)]
        for step in decision.automatic_steps:
            detail = {"notify": f"by {decision.speak.value}", "warn": f"by {decision.speak.value}",
                      "mute": f"for {decision.mute_minutes} min"}.get(step, "")
            entries.append(Audit(at=ctx.now, actor=SYSTEM, action=step, target=target,
                                 reason=(reason + (f" ({detail})" if detail else ""))[:1000],
                                 rule=",".join(r for r in decision.rules if r.endswith(":" + _rule_step(step))) or rules,
                                 case_ref=case.ref, source_key=key))
        for note in notes:
            entries.append(Audit(at=ctx.now, actor=SYSTEM, action="skipped", target=target, reason=note, rule=rules,
                                 case_ref=case.ref, source_key=key))
        return [AuditLines(tuple(entries))]

    async def _safety_alerts(self, ctx: Context, key: str, case: ModerationCase, verdict: Verdict, text: str,
                             author: UserRef) -> list[Effect]:
        label = who(author.username, author.display_name, author.user_id)
        seen = alerts.sightings(verdict, text, case.platform, author.user_id, label)
        if not seen:
            return []
        cfg = self.config.alerts
        since = ctx.now - timedelta(minutes=cfg.window_minutes)
        here = f"{case.platform}:{case.chat_id}"
        effects: list[Effect] = [See(rows=tuple(
            {"kind": s.kind, "value_hash": s.value_hash, "display": s.display[:255], "platform": case.platform,
             "chat_id": case.chat_id, "case_ref": case.ref, "at": ctx.now} for s in seen))]
        target_chat = service.moderators_chat_for(self.settings, case.platform)
        for s in seen:
            rows = await ctx.read.scalars(select(Sighting).where(
                Sighting.kind == s.kind, Sighting.value_hash == s.value_hash, Sighting.at >= since))
            chats = {f"{r.platform}:{r.chat_id}" for r in rows} | {here}
            earlier = await ctx.read.scalar(select(SafetyAlert.id).where(
                SafetyAlert.kind == s.kind, SafetyAlert.value_hash == s.value_hash, SafetyAlert.at >= since))
            if not alerts.should_alert(chats, cfg.chats, earlier is not None):
                continue
            effects.append(RaiseAlert(values={
                "kind": s.kind, "value_hash": s.value_hash, "display": s.display[:255],
                "bucket": alerts.bucket(ctx.now, cfg.window_minutes), "chats": json.dumps(sorted(chats)),
                "at": ctx.now}))
            effects.append(Audit(at=ctx.now, actor=SYSTEM, action="safety alert", target=s.display[:255],
                                 reason=f"seen in {len(chats)} chats within {cfg.window_minutes} min",
                                 rule="alerts", case_ref=case.ref, source_key=key))
            if target_chat is not None:
                effects.append(SendMessage(
                    key=f"{key}/mod/alert/{s.kind}/{s.value_hash[:16]}", platform=target_chat.platform,
                    chat=target_chat, priority=8,
                    text=alerts.alert_text(s, chats, cfg.window_minutes, self.settings.brand.name)))
        return effects

    # ---- direct messages: /appeal and /verify ----------------------------------------------------

    async def on_direct_message(self, event: MessagePosted, ctx: Context) -> list[Effect]:
        if ctx.claimed_by(event.idempotency_key):  # another feature's conversation (e.g. /announce)
            return []
        text = event.text.strip()
        if text.lower().startswith("/appeal"):
            ctx.claim(event.idempotency_key, "moderation")  # answered here: the desk must not add its help text
            return await self.on_appeal(event, ctx)
        if verify.is_verify_command(text):
            ctx.claim(event.idempotency_key, "moderation")
            return self._verify_reply(event, ctx, verify.parse_command(text))
        if event.forwarded_from is not None:
            ctx.claim(event.idempotency_key, "moderation")
            f = event.forwarded_from
            return self._verify_reply(event, ctx, verify.Target(user_id=f.user_id, username=f.username,
                                                                display_name=f.display_name))
        return []

    async def _verify_in_chat(self, event: MessagePosted, ctx: Context) -> list[Effect]:
        if not verify.is_verify_command(event.text):
            return []
        return self._verify_reply(event, ctx, verify.parse_command(event.text))

    def _verify_reply(self, event: MessagePosted, ctx: Context, target: verify.Target | None) -> list[Effect]:
        imitates = None
        if target is not None:
            look = ctx.analyse(AnalysisInput(text="", platform=event.platform, author_id=target.user_id,
                                             author_name=target.display_name, author_username=target.username))
            imitates = next((f.detail.get("imitates") or "the brand's staff" for f in look.findings
                             if f.flag is Flag.impersonation), None)
        return [SendMessage(key=f"{event.idempotency_key}/mod/verify", platform=event.platform, chat=event.chat,
                            text=verify.answer(self.settings, event.platform, target, imitates),
                            reply_to_message_id=event.message_id)]

    async def on_appeal(self, event: MessagePosted, ctx: Context) -> list[Effect]:
        """``/appeal [case] [why]``: reopens the member's latest punitive case for a different moderator."""
        words = event.text.strip().split(maxsplit=2)
        author = event.author
        rows = await ctx.read.scalars(
            select(ModerationCase).where(ModerationCase.platform == author.platform,
                                         ModerationCase.author_id == author.user_id)
            .order_by(ModerationCase.created_at.desc()).limit(20)  # type: ignore[attr-defined]
        )
        case, why = None, " ".join(words[1:])
        if len(words) > 1:
            case = next((c for c in rows if c.ref == words[1].lower()), None)
            if case is not None:
                why = words[2] if len(words) > 2 else ""
        if case is None:
            case = next((c for c in rows if service.appealable(c, ctx.now, self.config.appeal_days)
                         or c.status == APPEALED), None)

        def reply(text: str) -> list[Effect]:
            return [SendMessage(key=f"{event.idempotency_key}/mod/appeal-reply", platform=event.platform,
                                chat=event.chat, text=text, reply_to_message_id=event.message_id)]

        if case is None:
            return reply("I found no moderation decision about you that can be appealed.")
        if case.status == APPEALED:
            return reply(f"Your appeal on case {case.ref} is already with the moderators.")
        if not service.appealable(case, ctx.now, self.config.appeal_days):
            return reply(f"Case {case.ref} cannot be appealed (already reviewed, or too old).")
        card_chat = service.moderators_chat_for(self.settings, case.platform)
        masked_why = mask(why)[:1000]
        base = f"{event.idempotency_key}/mod/{case.ref}"
        effects: list[Effect] = [
            DecideCase(ref=case.ref, expected=(case.status,), status=APPEALED, values={
                "appealed_at": ctx.now, "appeal_text": masked_why, "updated_at": ctx.now,
                "appeal_card_key": f"{base}/appeal-card" if card_chat else None,
                "decided_by": case.decided_by or SYSTEM,
            }),
            Audit(at=ctx.now, actor=service.actor_label(author), action="appeal", target=f"case {case.ref}",
                  reason=shorten(masked_why, 300), rule="appeal", case_ref=case.ref, source_key=event.idempotency_key),
        ]
        if card_chat is not None:
            caps = ctx.capabilities_of(card_chat.platform)
            effects.append(SendMessage(key=f"{base}/appeal-card", platform=card_chat.platform, chat=card_chat,
                                       text=appeal_card_text(case, masked_why, caps.max_message_length),
                                       buttons=keyboard(case.ref, APPEAL_BUTTONS) if caps.buttons else (),
                                       priority=3))
        effects += reply(f"Your appeal on case {case.ref} was sent to a moderator who did not take the decision. "
                         "You will get the outcome here.")
        return effects

    # ---- card buttons ----------------------------------------------------------------------------

    async def on_press(self, event: ButtonPressed, ctx: Context) -> list[Effect]:
        press = parse_callback(event.data)
        if press is None:
            return []
        actor = service.actor_label(event.user)

        def answer(text: str, alert: bool = False) -> AnswerButton:
            return AnswerButton(key=f"{event.idempotency_key}/mod/answer", platform=event.platform,
                                callback_id=event.callback_id, text=text[:190], show_alert=alert)

        case = await service.case_by_ref(ctx.read, press.ref)
        if not service.may_moderate(self.settings, event.user, event.chat, event.presser_is_admin):
            outcome = service.refusal(ctx, press.ref if case else None, actor,
                                      "only moderators may act on cases", event.idempotency_key, "button")
            return [*outcome.effects, answer("Only moderators may act on cases.", alert=True)]
        if case is None:
            return [answer("This case no longer exists.", alert=True)]
        outcome = await service.act_on_case(ctx, case, press.code, actor, cause_key=event.idempotency_key,
                                            rule="button", card_message_id=event.message_id)
        return [*outcome.effects, answer(outcome.answer, alert=not outcome.accepted)]

    # ---- failures of our own actions -------------------------------------------------------------

    async def on_failure(self, event: ActionFailed, ctx: Context) -> list[Effect]:
        cause, sep, rest = event.action_key.partition("/mod/")
        if not sep:
            return []
        ref, _, role = rest.partition("/")
        case = await service.case_by_ref(ctx.read, ref)
        effects: list[Effect] = [Audit(
            at=ctx.now, actor=SYSTEM, action=f"{role or event.action_type} failed",
            target=f"{event.platform}:{event.chat.chat_id}" if event.chat else event.platform,
            reason=f"{event.reason} ({event.state})", rule="outbox", case_ref=case.ref if case else None,
            source_key=event.idempotency_key,
        )]
        if role == "dm" and case is not None and case.fallback_notice and event.reason != "in_doubt":
            # The DM was refused: one public notice instead (it names the kind of data, never the data).
            effects.append(SendMessage(key=f"{cause}/mod/{ref}/notice", platform=case.platform,
                                       chat=service.case_chat(case), text=case.fallback_notice))
        if role == "delete" and case is not None and event.state == "failed" and event.reason != "not_found":
            effects += self._still_up(case, event.reason, f"{cause}/mod/{ref}")
        return effects

    def _still_up(self, case: ModerationCase, reason: str, base: str) -> list[Effect]:
        """The delete was refused (no right to delete there, a platform error): the message is still
        up. Moderators are asked to remove it by hand. An author who leaked their own data is told by
        DM to delete it (a notice sent with the delete said it was removed); never in public, where
        the message already has its one reply (DESIGN.md), and not when it is a support request (the
        desk's reply, written without knowing the bot may delete, already asks them to). Nothing after
        ``not_found`` (someone removed it first) or ``in_doubt`` (it may well be gone)."""
        effects: list[Effect] = []
        flags = {Flag(f) for f in case.flags.split(",") if f}
        if flags & DATA_FLAGS and case.message_id is not None and not case.support_request:
            text = self.config.notice_not_removed.format(
                who=who(case.author_username, case.author_name, case.author_id), chat=chat_label(case))
            if Flag.secret in flags:
                text += " " + self.config.advice_secret
            effects.append(SendDirect(key=f"{base}/still-up", platform=case.platform, user=service.case_author(case),
                                      text=text, priority=10))
        moderators = service.moderators_chat_for(self.settings, case.platform)
        if moderators is not None:
            effects.append(SendMessage(
                key=f"{base}/still-up-alert", platform=moderators.platform, chat=moderators, priority=3,
                text=f"⚠️ Case {case.ref}: the message in {chat_label(case)} could not be deleted ({reason}). "
                     "Remove it by hand; the bot may lack the right to delete there."))
        return effects


def _rule_step(step: str) -> str:
    return {"notify": "notify", "warn": "warn", "delete": "delete", "mute": "mute", "ban": "ban"}[step]


def _done(decision: Decision) -> list[str]:
    out = []
    if decision.delete:
        out.append("message deleted")
    if decision.speak is not Channel.none:
        out.append(f"author {'warned' if decision.warn else 'notified'} ({decision.speak.value.replace('_', ' ')})")
    if decision.mute_minutes:
        out.append(f"muted {decision.mute_minutes} min")
    if decision.ban:
        out.append("banned here")
    return out
