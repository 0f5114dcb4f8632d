"""Support-desk settings: teams, routing, SLAs, business hours, evidence, knowledge base, hand-off links."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from beacon.verdict import Category, Urgency

# Not beacon.config.Section: beacon.config imports this module, so the base is repeated here.


class Section(BaseModel):
    """Unknown keys are errors, so typos do not pass silently."""

    model_config = ConfigDict(extra="forbid")


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


class BusinessHours(Section):
    """When a team works: ``hours = "24/7"`` or ``"09:00-18:00"`` on ``days`` in ``timezone``."""

    timezone: str = "UTC"
    hours: str = "24/7"
    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = Field(
        default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"]
    )

    @field_validator("hours")
    @classmethod
    def _check_hours(cls, v: str) -> str:
        v = v.strip()
        if v == "24/7":
            return v
        m = _HOURS.match(v)
        if not m or not (0 <= int(m[1]) <= 24 and 0 <= int(m[3]) <= 24 and int(m[2]) < 60 and int(m[4]) < 60):
            raise ValueError('hours must be "24/7" or "HH:MM-HH:MM", e.g. "09:00-18:00"')
        if (int(m[1]), int(m[2])) >= (int(m[3]), int(m[4])):
            raise ValueError("hours must end after they start (overnight shifts: use two teams or 24/7)")
        return v

    @field_validator("timezone")
    @classmethod
    def _check_zone(cls, v: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r} (use an IANA name such as 'Europe/Berlin')") from None
        return v

    @property
    def always(self) -> bool:
        return self.hours == "24/7"

    def window(self) -> tuple[time, time]:
        m = _HOURS.match(self.hours)
        assert m is not None
        end = time(23, 59, 59, 999999) if int(m[3]) == 24 else time(int(m[3]), int(m[4]))
        return time(int(m[1]) % 24, int(m[2])), end


class SlaTarget(Section):
    """First-response and resolution targets for one priority (minutes of team working time)."""

    first_response_minutes: float = Field(gt=0)
    resolution_minutes: float = Field(gt=0)
    # Critical tickets run on the wall clock: a stolen account does not wait for Monday.
    business_hours: bool = True
    # The team is reminded this long before a target is breached.
    remind_before_minutes: float = Field(default=15, ge=0)


def _default_sla() -> dict[Urgency, SlaTarget]:
    return {
        Urgency.critical: SlaTarget(first_response_minutes=15, resolution_minutes=4 * 60, business_hours=False,
                                    remind_before_minutes=5),
        Urgency.high: SlaTarget(first_response_minutes=60, resolution_minutes=24 * 60, remind_before_minutes=15),
        Urgency.normal: SlaTarget(first_response_minutes=4 * 60, resolution_minutes=3 * 24 * 60,
                                  remind_before_minutes=30),
        Urgency.low: SlaTarget(first_response_minutes=24 * 60, resolution_minutes=7 * 24 * 60,
                               remind_before_minutes=60),
    }


class TeamChat(Section):
    """A staff chat on one platform (cards, reminders and agents' replies live there)."""

    platform: str
    chat_id: str
    thread_id: str | None = None

    @field_validator("chat_id", "thread_id", mode="before")
    @classmethod
    def _as_str(cls, v: Any) -> Any:
        return None if v is None else str(v)


class TeamConfig(Section):
    """A specialist team: what it handles (categories, languages), who is in it, where it works."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,32}$")
    categories: list[Category] = Field(default_factory=list)  # empty: any category
    languages: list[str] = Field(default_factory=list)  # empty: any language
    members: list[str] = Field(default_factory=list)  # [[staff]] usernames or user ids
    lead: str | None = None  # notified on escalations
    chats: list[TeamChat] = Field(default_factory=list)
    business_hours: BusinessHours = Field(default_factory=BusinessHours)
    # Paged at once for critical tickets (stolen accounts). Default: the team routed account_security.
    security: bool = False
    language: str = "en"  # language of the staff-facing texts (cards, reminders)

    @field_validator("languages")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        return [x.strip().lower() for x in v if x.strip()]


class EvidenceConfig(Section):
    """Files members upload: where they are stored and what is accepted."""

    store_path: Path = Path("data/desk-files")
    max_file_mb: float = Field(default=10.0, gt=0)
    content_types: list[str] = Field(default_factory=lambda: [
        "image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf", "text/plain", "video/mp4",
    ])
    # Photos arrive without a declared type on some platforms; they are images by construction.
    accept_photos: bool = True

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


class KnowledgeBaseConfig(Section):
    path: Path | None = None  # folder of Markdown articles with front matter; unset: no articles
    max_results: int = Field(default=3, ge=1, le=8)
    # A match scoring below this is not offered.
    min_score: float = Field(default=1.0, ge=0)


class SupportConfig(Section):
    """The ``[support]`` section. Every key has a default: the contract keys alone give a working desk."""

    # Secret that makes deep-link payloads unguessable. Unset: one is generated and kept in the database.
    link_secret: SecretStr | None = None
    link_ttl_hours: float = Field(default=72.0, gt=0)
    # A member's repeated requests within this window reuse their open case (no new public reply).
    reuse_window_minutes: float = Field(default=30.0, ge=0)
    default_language: str = "en"
    # Links shown in emergency steps; fall back to brand.help_centre_url.
    freeze_account_url: str | None = None
    help_centre_url: str | None = None
    # Where a member can continue privately when the platform they asked on cannot reach them there (no
    # deep links, no private threads, DMs closed — X): links to the bot on Telegram or Discord, a contact
    # page. Unset: the help centre (help_centre_url, then brand.help_centre_url).
    contact_links: list[str] = Field(default_factory=list)
    teams: list[TeamConfig] = Field(default_factory=list)
    # Staff chats by platform when no team handles a ticket (default: each platform's moderators chat).
    fallback_chats: list[TeamChat] = Field(default_factory=list)
    sla: dict[Urgency, SlaTarget] = Field(default_factory=_default_sla)
    evidence: EvidenceConfig = Field(default_factory=EvidenceConfig)
    kb: KnowledgeBaseConfig = Field(default_factory=KnowledgeBaseConfig)
    # Staff-facing texts when no team is involved.
    staff_language: str = "en"

    @field_validator("sla", mode="before")
    @classmethod
    def _merge_sla(cls, v: Any) -> Any:
        # A config may set one priority; the others keep their defaults.
        if not isinstance(v, dict):
            return v
        merged: dict[Any, Any] = {k.value: t.model_dump() for k, t in _default_sla().items()}
        for key, target in v.items():
            name = key.value if isinstance(key, Urgency) else str(key)
            base = dict(merged.get(name, {}))
            base.update(target.model_dump() if isinstance(target, BaseModel) else dict(target))
            merged[name] = base
        return merged

    @model_validator(mode="after")
    def _unique_teams(self) -> "SupportConfig":
        names = [t.name for t in self.teams]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"team names must be unique: {', '.join(dupes)}")
        return self

    def team(self, name: str | None) -> TeamConfig | None:
        return next((t for t in self.teams if t.name == name), None) if name else None
