"""Policy evaluation, pure: the flags of one message and what is known about it → what moderation does."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from beacon.adapter import Capabilities
from beacon.verdict import Flag
from moderation.config import FlagPolicy, Step

DATA_FLAGS = frozenset({Flag.secret, Flag.pii})


class Channel(str, Enum):
    """How moderation speaks to the author of a flagged message."""

    none = "none"
    dm = "dm"  # DMs are known open
    dm_or_public = "dm_or_public"  # the platform lets the bot DM first; fall back to public if refused
    public = "public"  # one public notice in the chat


@dataclass(frozen=True)
class Situation:
    """Everything the decision depends on, already loaded (no I/O here)."""

    flags: frozenset[Flag]
    policies: Mapping[Flag, FlagPolicy]
    now: datetime
    author_is_staff: bool = False
    support_request: bool = False
    # When the author was last flagged for each flag before this message (repeat offences).
    previous: Mapping[Flag, datetime] = field(default_factory=dict)
    dm_open: bool | None = None
    capabilities: Capabilities = field(default_factory=Capabilities)
    bot_can_delete: bool | None = None  # None: not known, try and handle a refusal
    bot_can_restrict: bool | None = None
    is_join: bool = False  # a member joined: there is no message to delete or answer


@dataclass(frozen=True)
class Decision:
    """What to do. ``rules`` explain each step for the audit log; ``skipped`` says what was not done and why."""

    delete: bool = False
    review: bool = False
    record: bool = False
    warn: bool = False  # a warning (counts as a strike) rather than a plain notice
    speak: Channel = Channel.none
    notice_flags: frozenset[Flag] = frozenset()  # data kinds the notice names (secret, pii)
    warn_flags: frozenset[Flag] = frozenset()
    advise_new_wallet: bool = False
    mute_minutes: int | None = None
    ban: bool = False
    rules: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def automatic_steps(self) -> tuple[str, ...]:
        steps = []
        if self.delete:
            steps.append("delete")
        if self.speak is not Channel.none:
            steps.append("warn" if self.warn else "notify")
        if self.mute_minutes:
            steps.append("mute")
        if self.ban:
            steps.append("ban")
        return tuple(steps)


def steps_for(flag: Flag, policy: FlagPolicy, situation: Situation) -> list[Step]:
    """The policy's steps for this flag, the repeat steps when the author offended within the window."""
    last = situation.previous.get(flag)
    if (
        policy.repeat_steps is not None
        and last is not None
        and situation.now - last <= timedelta(hours=policy.repeat_window_hours)
    ):
        return list(policy.repeat_steps)
    return list(policy.steps)


def decide(situation: Situation) -> Decision:
    """Merge every flag's steps into one decision; staff, capabilities and the desk contract limit it."""
    if not situation.flags:
        return Decision()
    caps = situation.capabilities
    wanted: dict[Step, list[Flag]] = {}
    mute_minutes: int | None = None
    for flag in sorted(situation.flags, key=lambda f: list(Flag).index(f)):
        policy = situation.policies[flag]
        for step in steps_for(flag, policy, situation):
            wanted.setdefault(step, []).append(flag)
            if step is Step.mute:
                mute_minutes = max(mute_minutes or 0, policy.mute_minutes)
    rules = tuple(f"policy:{flag.value}:{step.value}" for step, flags in wanted.items() for flag in flags)
    skipped: list[str] = []

    def allowed(step: Step, capable: bool, right: bool | None, what: str) -> bool:
        if step not in wanted:
            return False
        if situation.author_is_staff:
            skipped.append(f"{step.value}: the author is verified staff")
            return False
        if not capable:
            skipped.append(f"{step.value}: the platform cannot {what}")
            return False
        if right is False:
            skipped.append(f"{step.value}: the bot has no right to {what} in this chat")
            return False
        return True

    delete = not situation.is_join and allowed(Step.delete, caps.delete or caps.hide_replies,
                                               situation.bot_can_delete, "delete messages")
    ban = allowed(Step.ban, caps.ban, situation.bot_can_restrict, "ban members")
    mute = not ban and allowed(Step.mute, caps.restrict, situation.bot_can_restrict, "restrict members")
    review = Step.review in wanted and not situation.author_is_staff
    if Step.review in wanted and situation.author_is_staff:
        skipped.append("review: the author is verified staff")

    warn_flags = frozenset(wanted.get(Step.warn, ()))
    if situation.author_is_staff and warn_flags:
        skipped.append("warn: the author is verified staff")
        warn_flags = frozenset()
    notify_flags = frozenset(wanted.get(Step.notify, ())) | warn_flags
    notice_flags = frozenset(f for f in notify_flags if f in DATA_FLAGS)
    speak = Channel.none
    if notify_flags and not situation.is_join:
        if situation.support_request and situation.flags & DATA_FLAGS:
            # One public reply per message: the desk's hand-off carries the notice (DESIGN.md).
            skipped.append("notice: support request, the desk's hand-off reply carries it")
        elif situation.dm_open is True:
            speak = Channel.dm
        elif situation.dm_open is None and caps.dm_first:
            speak = Channel.dm_or_public
        else:
            speak = Channel.public
    return Decision(
        delete=delete,
        review=review,
        record=True,
        warn=bool(warn_flags) and speak is not Channel.none,
        speak=speak,
        notice_flags=notice_flags if speak is not Channel.none else frozenset(),
        warn_flags=warn_flags if speak is not Channel.none else frozenset(),
        advise_new_wallet=Flag.secret in notice_flags and speak is not Channel.none,
        mute_minutes=mute_minutes if mute else None,
        ban=ban,
        rules=rules,
        skipped=tuple(skipped),
    )
