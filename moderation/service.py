"""Moderation's reads and the decisions shared by buttons and the CLI (case actions, cards, moderators' chats)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from beacon.actions import (
    ActionBase,
    BanMember,
    DeleteMessage,
    EditMessage,
    RestrictMember,
    SendDirect,
    SendMessage,
    UnbanMember,
    LiftRestriction,
    decode_action,
)
from beacon.config import Role, Settings
from beacon.domain import Context, Effect, Reader
from beacon.events import ChatKind, ChatRef, UserRef
from beacon.storage.dm_state import DirectMessageState
from beacon.storage.models import Chat, OutboxItem, PersonLink, PlatformUser
from beacon.verdict import Flag
from moderation import allowlist
from moderation.allowlist import AllowList
from moderation.models import (
    ACTIONED,
    APPEALED,
    AUTO,
    DISMISSED,
    FALSE_POSITIVE,
    OPEN,
    OVERTURNED,
    UPHELD,
    AllowEntry,
    ModerationCase,
)
from moderation.records import AllowValues, Audit, DecideCase
from moderation.texts import (
    ACTION_NAMES,
    MUTE_CODES,
    History,
    appeal_outcome_text,
    decided_footer,
    warning_text,
    who,
)

# Decisions a member may appeal: something was done to them.
PUNITIVE_CODES = ("del", "warn", "m1h", "m24h", "ban")
PUNITIVE_STEPS = ("delete", "warn", "mute", "ban")
SYSTEM_ACTOR = "beacon"


def actor_label(user: UserRef) -> str:
    """How a person appears in the audit log: ``platform:user_id @username``."""
    return f"{user.platform}:{user.user_id}" + (f" @{user.username}" if user.username else "")


def staff_label(platform: str, user_id: str, username: str) -> str:
    return f"{platform}:{user_id}" + (f" @{username}" if username else "")


def same_person(a: str | None, b: str | None) -> bool:
    return bool(a and b) and a.split(" ")[0] == b.split(" ")[0]  # type: ignore[union-attr]


def moderators_chats(settings: Settings) -> dict[str, ChatRef]:
    """Each platform's moderators' chat: ``[moderation.moderators_chats]``, else the platform section's own key."""
    found: dict[str, ChatRef] = {}
    for name in type(settings).model_fields:
        section = getattr(settings, name, None)
        chat_id = getattr(section, "moderators_chat_id", None) or getattr(section, "moderators_channel_id", None)
        if chat_id is not None:
            found[name] = ChatRef(platform=name, chat_id=str(chat_id), kind=ChatKind.group)
    for platform, chat_id in settings.moderation.moderators_chats.items():
        found[platform] = ChatRef(platform=platform, chat_id=str(chat_id), kind=ChatKind.group)
    return found


def moderators_chat_for(settings: Settings, platform: str) -> ChatRef | None:
    """The case's own platform's moderators' chat, else any configured one (X has none: cards go elsewhere)."""
    chats = moderators_chats(settings)
    return chats.get(platform) or next(iter(chats.values()), None)


def is_moderators_chat(settings: Settings, chat: ChatRef) -> bool:
    # Asked for every message: look up this platform only (``moderators_chats`` walks every section).
    chat_id = settings.moderation.moderators_chats.get(chat.platform)
    if chat_id is None and chat.platform in type(settings).model_fields:
        section = getattr(settings, chat.platform, None)
        chat_id = getattr(section, "moderators_chat_id", None) or getattr(section, "moderators_channel_id", None)
    return chat_id is not None and str(chat_id) == chat.chat_id


def may_moderate(settings: Settings, user: UserRef, chat: ChatRef, presser_is_admin: bool | None) -> bool:
    """DESIGN.md: staff with the moderator role (by platform id), or an administrator of the moderators' chat."""
    staff = settings.staff_for(user.platform, user.user_id)
    if staff is not None and staff.has_role(Role.moderator):
        return True
    return presser_is_admin is True and is_moderators_chat(settings, chat)


def case_chat(case: ModerationCase) -> ChatRef:
    return ChatRef(platform=case.platform, chat_id=case.chat_id, kind=ChatKind(case.chat_kind),
                   title=case.chat_title)


def case_author(case: ModerationCase) -> UserRef:
    return UserRef(platform=case.platform, user_id=case.author_id, username=case.author_username,
                   display_name=case.author_name)


# ---- reads -------------------------------------------------------------------------------------


async def case_by_ref(read: Reader, ref: str) -> ModerationCase | None:
    return await read.scalar(select(ModerationCase).where(ModerationCase.ref == ref))


async def allow_list(read: Reader, community: str) -> AllowList:
    rows = await read.scalars(select(AllowEntry).where(AllowEntry.community == community))
    return AllowList.of((r.kind, r.value) for r in rows)


async def dm_is_open(read: Reader, platform: str, user_id: str) -> bool | None:
    return await read.scalar(select(DirectMessageState.open).where(
        DirectMessageState.platform == platform, DirectMessageState.user_id == user_id))


async def bot_rights(read: Reader, platform: str, chat_id: str) -> tuple[bool | None, bool | None]:
    """(can delete, can restrict) when the bot's membership is known, else (None, None): try and see."""
    chat = await read.scalar(select(Chat).where(Chat.platform == platform, Chat.chat_id == chat_id))
    if chat is None or chat.bot_status in ("unknown", None):
        return None, None
    if chat.bot_status in ("left", "kicked"):
        return False, False
    return chat.can_delete, chat.can_restrict


async def open_case_for(read: Reader, platform: str, author_id: str, flag: Flag, exclude_key: str) -> str | None:
    """The ref of an open case about this author with this flag, if any."""
    rows = await read.scalars(
        select(ModerationCase).where(ModerationCase.platform == platform, ModerationCase.author_id == author_id,
                                     ModerationCase.status == OPEN, ModerationCase.source_key != exclude_key)
    )
    return next((c.ref for c in rows if flag.value in c.flags.split(",")), None)


async def previous_flags(read: Reader, platform: str, author_id: str, since: datetime,
                         exclude_key: str) -> dict[Flag, datetime]:
    """When the author was last flagged for each flag since ``since`` (false positives do not count)."""
    rows = await read.scalars(
        select(ModerationCase).where(ModerationCase.platform == platform, ModerationCase.author_id == author_id,
                                     ModerationCase.created_at >= since, ModerationCase.source_key != exclude_key,
                                     ModerationCase.status.notin_((DISMISSED, FALSE_POSITIVE)))  # type: ignore[attr-defined]
    )
    last: dict[Flag, datetime] = {}
    for case in rows:
        for value in filter(None, case.flags.split(",")):
            flag = Flag(value)
            if flag not in last or case.created_at > last[flag]:
                last[flag] = case.created_at
    return last


async def author_history(read: Reader, platform: str, author_id: str, exclude_ref: str, limit: int) -> History:
    user = await read.scalar(select(PlatformUser).where(PlatformUser.platform == platform,
                                                        PlatformUser.user_id == author_id))
    rows = await read.scalars(
        select(ModerationCase).where(ModerationCase.platform == platform, ModerationCase.author_id == author_id,
                                     ModerationCase.ref != exclude_ref)
        .order_by(ModerationCase.created_at.desc()).limit(limit)  # type: ignore[attr-defined]
    ) if limit else []
    return History(first_seen=user.first_seen if user else None,
                   previous=tuple((c.ref, c.flags, c.status) for c in rows))


async def moderated_chats(read: Reader, platform: str) -> list[ChatRef]:
    """Every chat of a platform where the bot is an administrator (the chats it moderates)."""
    rows = await read.scalars(select(Chat).where(Chat.platform == platform, Chat.bot_status == "administrator"))
    return [ChatRef(platform=c.platform, chat_id=c.chat_id, kind=ChatKind(c.kind) if c.kind in ChatKind.__members__
                    else ChatKind.group, title=c.title) for c in rows]


async def linked_accounts(read: Reader, platform: str, user_id: str) -> list[tuple[str, str]]:
    """The accounts of the person behind this one (itself first)."""
    person = await read.scalar(select(PersonLink.person_id).where(PersonLink.platform == platform,
                                                                  PersonLink.user_id == user_id))
    accounts = [(platform, user_id)]
    if person is not None:
        rows = await read.scalars(select(PersonLink).where(PersonLink.person_id == person))
        accounts += [(r.platform, r.user_id) for r in rows if (r.platform, r.user_id) != (platform, user_id)]
    return accounts


async def card_message(read: Reader, card_key: str | None) -> OutboxItem | None:
    """The outbox row of a card: its text, and the platform's message id once sent."""
    if not card_key:
        return None
    return await read.scalar(select(OutboxItem).where(OutboxItem.key == card_key))


# ---- moderator decisions -----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """A moderator's action on a case: effects to return, and what to tell the presser."""

    effects: list[Effect]
    answer: str
    accepted: bool


def refusal(ctx: Context, case_ref: str | None, actor: str, why: str, cause_key: str, rule: str) -> Outcome:
    return Outcome(
        effects=[Audit(at=ctx.now, actor=actor, action="refused", target=f"case {case_ref}" if case_ref else "",
                       reason=why, rule=rule, case_ref=case_ref, source_key=cause_key)],
        answer=why, accepted=False,
    )


async def act_on_case(ctx: Context, case: ModerationCase, code: str, actor: str, *, cause_key: str, rule: str,
                      card_message_id: str | None = None) -> Outcome:
    """Apply a moderator's decision (``code`` from the card) once; refuse a second decision or a self-review."""
    appeal = code in ("up", "ov")
    if appeal:
        if case.status != APPEALED:
            return refusal(ctx, case.ref, actor, f"case {case.ref} has no open appeal", cause_key, rule)
        if same_person(case.decided_by, actor):
            return refusal(ctx, case.ref, actor, "a different moderator must review this appeal", cause_key, rule)
    elif case.status not in (OPEN, AUTO):
        done = ACTION_NAMES.get(case.decided_action or "", case.status)
        by = case.decided_by or SYSTEM_ACTOR
        return refusal(ctx, case.ref, actor, f"case {case.ref} was already handled: {by} {done}", cause_key, rule)

    base = f"{cause_key}/mod/{case.ref}"
    chat = case_chat(case)
    caps = ctx.capabilities_of(case.platform)
    effects: list[Effect] = []
    notes: list[str] = []
    already_deleted = "delete" in case.steps.split(",") or case.decided_action in ("del", "ban")

    def delete_message() -> None:
        if case.message_id is None or already_deleted:
            return
        if not (caps.delete or caps.hide_replies):
            notes.append("the platform cannot delete messages")
            return
        effects.append(DeleteMessage(key=f"{base}/delete", platform=case.platform, chat=chat,
                                     message_id=case.message_id, priority=10))

    async def everywhere() -> list[tuple[str, ChatRef]]:
        """(user id, chat) pairs for a ban everywhere: every moderated chat, every linked account."""
        pairs: list[tuple[str, ChatRef]] = []
        for platform, user_id in await linked_accounts(ctx.read, case.platform, case.author_id):
            if not ctx.capabilities_of(platform).ban:
                notes.append(f"{platform} cannot ban")
                continue
            chats = await moderated_chats(ctx.read, platform)
            if platform == case.platform and all(c.chat_id != case.chat_id for c in chats):
                chats.insert(0, chat)
            pairs += [(user_id, c) for c in chats]
        return pairs

    values: dict = {"updated_at": ctx.now}
    status = ACTIONED
    if code == "dis":
        status = DISMISSED
    elif code == "del":
        delete_message()
    elif code == "warn":
        author = case_author(case)
        who_ = who(case.author_username, case.author_name, case.author_id)
        flags = [Flag(f) for f in case.flags.split(",") if f]
        private = warning_text(ctx.settings.moderation, public=False, who_=who_, chat=chat.title or chat.chat_id,
                               flags=flags)
        public = warning_text(ctx.settings.moderation, public=True, who_=who_, chat=chat.title or chat.chat_id,
                              flags=flags)
        dm = await dm_is_open(ctx.read, case.platform, case.author_id)
        if dm is True or (dm is None and caps.dm_first):
            effects.append(SendDirect(key=f"{base}/dm", platform=case.platform, user=author, text=private))
            values["fallback_notice"] = public
        else:
            effects.append(SendMessage(key=f"{base}/notice", platform=case.platform, chat=chat, text=public))
    elif code in MUTE_CODES:
        if caps.restrict:
            effects.append(RestrictMember(key=f"{base}/mute", platform=case.platform, chat=chat,
                                          user_id=case.author_id, until=ctx.now + timedelta(minutes=MUTE_CODES[code]),
                                          priority=5))
        else:
            notes.append("the platform cannot restrict members")
    elif code == "ban":
        delete_message()
        for user_id, target in await everywhere():
            effects.append(BanMember(key=f"{base}/ban/{target.platform}:{target.chat_id}:{user_id}",
                                     platform=target.platform, chat=target, user_id=user_id, priority=5))
    elif code == "fp":
        status = FALSE_POSITIVE
        entries = allowlist.entries_from_case(json.loads(case.facts or "{}"), case.platform, case.author_id,
                                              case.flags.split(","))
        if entries:
            effects.append(AllowValues(community=case.community, entries=tuple(entries), case_ref=case.ref,
                                       added_by=actor, at=ctx.now))
            notes.append("allowed from now on: " + ", ".join(v for _, v in entries))
    elif appeal:
        status = UPHELD if code == "up" else OVERTURNED
        steps = set(case.steps.split(","))
        if code == "ov" and (case.decided_action == "ban" or "ban" in steps):
            for user_id, target in await everywhere():
                effects.append(UnbanMember(key=f"{base}/unban/{target.platform}:{target.chat_id}:{user_id}",
                                           platform=target.platform, chat=target, user_id=user_id, priority=5))
        if code == "ov" and (case.decided_action in MUTE_CODES or "mute" in steps):
            if ctx.capabilities_of(case.platform).restrict:
                effects.append(LiftRestriction(key=f"{base}/unmute", platform=case.platform, chat=chat,
                                               user_id=case.author_id, priority=5))
        effects.append(SendDirect(key=f"{base}/outcome", platform=case.platform, user=case_author(case),
                                  text=appeal_outcome_text(case, upheld=code == "up")))

    if appeal:
        values.update(appeal_decided_by=actor)
    else:
        values.update(decided_by=actor, decided_action=code, decided_at=ctx.now)
    effects.insert(0, DecideCase(ref=case.ref, expected=(case.status,), status=status, values=values))
    note = "; ".join(notes)
    effects.append(Audit(at=ctx.now, actor=actor, action=ACTION_NAMES[code], target=_target(case),
                         reason=note or f"case {case.ref}: {case.flags}", rule=rule, case_ref=case.ref,
                         source_key=cause_key))
    edit = await _card_edit(ctx, case, appeal, base, actor, code, note, card_message_id)
    if edit is not None:
        effects.append(edit)
    return Outcome(effects=effects, answer=f"Done: {ACTION_NAMES[code]}" + (f" ({note})" if note else ""),
                   accepted=True)


def _target(case: ModerationCase) -> str:
    if case.message_id:
        return f"{case.platform}:{case.chat_id}/{case.message_id} by {case.platform}:{case.author_id}"
    return f"{case.platform}:{case.author_id} in {case.chat_id}"


async def _card_edit(ctx: Context, case: ModerationCase, appeal: bool, base: str, actor: str, code: str, note: str,
                     card_message_id: str | None) -> EditMessage | None:
    """The card (or appeal card) edited to say who did what, its buttons removed."""
    row = await card_message(ctx.read, case.appeal_card_key if appeal else case.card_key)
    if row is None:
        return None
    message_id = row.result_message_id or card_message_id
    if message_id is None:
        return None
    sent = decode_action(row.action)
    if not isinstance(sent, SendMessage) or not ctx.capabilities_of(sent.platform).edit:
        return None
    chat = sent.chat if row.result_chat_id in (None, sent.chat.chat_id) else sent.chat.model_copy(
        update={"chat_id": row.result_chat_id})
    text = sent.text + decided_footer(actor, code, ctx.now, note)
    limit = ctx.capabilities_of(sent.platform).max_message_length
    return EditMessage(key=f"{base}/card-edit", platform=sent.platform, chat=chat, message_id=message_id,
                       text=text[:limit], buttons=())


def appealable(case: ModerationCase, now: datetime, days: int) -> bool:
    if case.status not in (AUTO, ACTIONED):
        return False
    punitive = case.decided_action in PUNITIVE_CODES or any(s in PUNITIVE_STEPS for s in case.steps.split(","))
    decided = case.decided_at or case.created_at
    return punitive and now - decided <= timedelta(days=days)


def actions_of(effects: Sequence[Effect]) -> list[ActionBase]:
    return [e for e in effects if isinstance(e, ActionBase)]
