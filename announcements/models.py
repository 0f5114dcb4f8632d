"""Announcement tables: announcements, one delivery per target chat or subscriber, a log, subscriptions, drafts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from beacon.storage.models import IdType
from beacon.storage.types import UTCDateTime, utcnow

# Announcement states.
DRAFT, AWAITING_APPROVAL, SCHEDULED, SENDING, SENT, RETRACTED = (
    "draft", "awaiting_approval", "scheduled", "sending", "sent", "retracted")
STATES = (DRAFT, AWAITING_APPROVAL, SCHEDULED, SENDING, SENT, RETRACTED)

# Who a delivery goes to: a target chat (group/channel) or a subscriber's DM.
CHAT, DM = "chat", "dm"


class Announcement(SQLModel, table=True):
    """One announcement or safety alert: language variants, targets, schedule, approval and state."""

    __tablename__ = "ann_announcements"
    __table_args__ = (Index("ix_ann_due", "state", "next_run_at"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    kind: str = Field(sa_type=String(16))
    state: str = Field(default=DRAFT, sa_type=String(24))
    # JSON object {language: text}; ``default_lang`` names the variant used where no other fits.
    texts: str = Field(sa_type=Text)
    default_lang: str = Field(sa_type=String(16))
    attachment_path: str | None = Field(default=None, sa_type=Text)
    attachment_name: str | None = Field(default=None, sa_type=String(255))
    attachment_kind: str | None = Field(default=None, sa_type=String(16))  # image | document
    targets: str = Field(default="[]", sa_type=Text)  # JSON list of target names
    to_subscribers: bool = True
    pin: bool = False
    priority: int = 0
    # Schedule: first run at ``schedule_at`` (None: when sent/approved), then every
    # ``repeat_minutes`` until ``repeat_until``. ``next_run_at`` is when the next fan-out is due.
    schedule_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    repeat_minutes: int | None = None
    repeat_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    next_run_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    runs: int = 0  # fan-outs done (recurring reminders run several times)
    author: str = Field(sa_type=String(255))  # "platform:user_id" of a [[staff]] member
    author_label: str = Field(default="", sa_type=String(255))
    approved_by: str | None = Field(default=None, sa_type=String(255))
    approved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    skipped_approval: bool = False  # a safety alert by an author with that right
    source_alert_id: int | None = Field(default=None, sa_type=IdType)
    edit_version: int = 0
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    retracted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Delivery(SQLModel, table=True):
    """One copy of one run of an announcement: a target chat or a subscriber's DM.

    Its fate is the outbox row ``outbox_key`` (queued → sending → sent | failed | in_doubt); this
    row adds who and in which language, and why a copy failed or could not be removed.
    """

    __tablename__ = "ann_deliveries"
    __table_args__ = (
        UniqueConstraint("outbox_key", name="uq_ann_deliveries_key"),
        Index("ix_ann_deliveries_ann", "announcement_id", "run"),
    )

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    announcement_id: int = Field(sa_type=IdType)
    run: int = 1
    audience: str = Field(default=CHAT, sa_type=String(8))  # chat | dm
    platform: str = Field(sa_type=String(32))
    chat_id: str = Field(sa_type=String(64))  # the chat, or the subscriber's user id for a DM
    thread_id: str | None = Field(default=None, sa_type=String(64))
    language: str = Field(sa_type=String(16))
    outbox_key: str = Field(sa_type=String(255))
    has_file: bool = False  # an attachment went first, as ``outbox_key + "/file"``
    reason: str | None = Field(default=None, sa_type=String(32))  # why it failed (blocked, no_rights, …)
    removal: str | None = Field(default=None, sa_type=String(64))  # retract outcome when not removed
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AnnouncementLog(SQLModel, table=True):
    """What happened to an announcement and who did it (created, approved, self-approval refused, …)."""

    __tablename__ = "ann_log"
    __table_args__ = (Index("ix_ann_log_ann", "announcement_id", "at"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    announcement_id: int = Field(sa_type=IdType)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    actor: str = Field(sa_type=String(255))
    action: str = Field(sa_type=String(64))
    detail: str = Field(default="", sa_type=Text)
    # Deterministic per cause, so a redelivered event logs nothing twice.
    key: str | None = Field(default=None, sa_type=String(255), unique=True)


class Subscription(SQLModel, table=True):
    """A member who receives announcements of some kinds as DMs, in their language."""

    __tablename__ = "ann_subscriptions"

    platform: str = Field(sa_type=String(32), primary_key=True)
    user_id: str = Field(sa_type=String(64), primary_key=True)
    kinds: str = Field(default="", sa_type=String(255))  # comma-separated kinds
    language: str = Field(default="en", sa_type=String(16))
    blocked: bool = False  # the member blocked the bot (or closed DMs): skipped until they write again
    blocked_reason: str | None = Field(default=None, sa_type=String(32))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

    @property
    def kind_set(self) -> frozenset[str]:
        return frozenset(k for k in self.kinds.split(",") if k)


class Draft(SQLModel, table=True):
    """A manager's /announce conversation in the bot's DM: the step reached and what was chosen."""

    __tablename__ = "ann_drafts"

    platform: str = Field(sa_type=String(32), primary_key=True)
    user_id: str = Field(sa_type=String(64), primary_key=True)
    step: str = Field(sa_type=String(16))  # kind | text | targets | confirm
    data: str = Field(default="{}", sa_type=Text)  # JSON: kind, texts, targets, preview message
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
