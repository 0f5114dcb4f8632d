"""Announcement settings: named targets (groups of chats with a language each), approval rules, priorities."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Not beacon.config.Section: beacon.config imports this module, so the base is repeated here.


class Section(BaseModel):
    """Unknown keys are errors, so typos do not pass silently."""

    model_config = ConfigDict(extra="forbid")


KINDS = ("maintenance", "listing", "event", "market", "security", "risk_warning", "general")
# Safety alerts: may skip approval for authors with that right, and outrank routine sends.
ALERT_KINDS = frozenset({"security", "risk_warning"})
ALL_ADMIN_TARGET = "all"


class TargetChat(Section):
    """One chat of a target; ``language`` overrides the target's."""

    platform: str
    chat_id: str
    language: str | None = None
    thread_id: str | None = None  # a forum topic / thread to post in

    @field_validator("chat_id", "thread_id", mode="before")
    @classmethod
    def _id_as_str(cls, v: Any) -> Any:
        return None if v is None else str(v)


class Target(Section):
    """A named group of chats (e.g. "official", "regional-zh"), each chat read in one language."""

    name: str
    language: str | None = None  # the chats' language unless a chat says otherwise
    chats: list[TargetChat] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        v = v.strip()
        if not v or v == ALL_ADMIN_TARGET:
            raise ValueError(f"a target needs a name other than {ALL_ADMIN_TARGET!r} (that one is built in)")
        return v


class AnnouncementsConfig(Section):
    """``[announcements]``: every key has a default, so the contract keys alone give a working feature."""

    targets: list[Target] = Field(default_factory=list)
    # Used when an announcement names no target: "all" = every chat the bot administers.
    default_target: str = ALL_ADMIN_TARGET
    # Language of chats the bot administers but no target lists (the "all" target).
    default_language: str = "en"
    # Two-person rule: an announcement needs approval by a manager other than its author.
    require_approval: bool = False
    # Staff (username or user id) whose security / risk_warning alerts skip approval and go out at once.
    alert_authors: list[str] = Field(default_factory=list)
    # Resend safety-alert copies left in_doubt by a crash (a member may then see one twice).
    resend_in_doubt_alerts: bool = False
    # Outbox priorities (higher first): routine announcements yield to replies, alerts overtake everything.
    routine_priority: int = -10
    alert_priority: int = 50
    # Kinds members may /subscribe to (delivered as DMs in their language).
    subscribable_kinds: list[str] = Field(default_factory=lambda: list(KINDS))
    # A Telegram /announce draft left untouched this long is dropped.
    draft_ttl_minutes: int = Field(default=60, ge=1)

    @field_validator("subscribable_kinds")
    @classmethod
    def _kinds(cls, v: list[str]) -> list[str]:
        unknown = sorted(set(v) - set(KINDS))
        if unknown:
            raise ValueError(f"unknown kinds {', '.join(unknown)}; use {', '.join(KINDS)}")
        return v

    @model_validator(mode="after")
    def _targets_unique(self) -> "AnnouncementsConfig":
        names = [t.name for t in self.targets]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"target names must be unique: {', '.join(dupes)}")
        if self.default_target != ALL_ADMIN_TARGET and self.default_target not in names:
            raise ValueError(f"default_target {self.default_target!r} is not a configured target")
        return self

    def target(self, name: str) -> Target | None:
        return next((t for t in self.targets if t.name == name), None)

    @property
    def target_names(self) -> list[str]:
        return [ALL_ADMIN_TARGET, *(t.name for t in self.targets)]
