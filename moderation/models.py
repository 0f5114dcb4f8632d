"""Moderation's tables: cases, the append-only audit log, recent masked messages, allow list, sightings, alerts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from beacon.storage.models import IdType
from beacon.storage.types import UTCDateTime, utcnow

# Case states. ``open``: waiting for a moderator; ``auto``: handled by policy alone; ``appealed``:
# reopened by the member for a different moderator; the others are final decisions.
OPEN, AUTO, ACTIONED, DISMISSED, FALSE_POSITIVE, APPEALED, UPHELD, OVERTURNED = (
    "open", "auto", "actioned", "dismissed", "false_positive", "appealed", "upheld", "overturned"
)
CASE_STATES = (OPEN, AUTO, ACTIONED, DISMISSED, FALSE_POSITIVE, APPEALED, UPHELD, OVERTURNED)
ACTIONABLE = (OPEN, APPEALED)


class ModerationCase(SQLModel, table=True):
    """One flagged message (or join), with its context as moderators see it: all text masked."""

    __tablename__ = "mod_cases"
    __table_args__ = (
        UniqueConstraint("ref", name="uq_mod_cases_ref"),
        UniqueConstraint("source_key", name="uq_mod_cases_source_key"),
        Index("ix_mod_cases_author", "platform", "author_id", "created_at"),
        Index("ix_mod_cases_status", "status", "created_at"),
    )

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    # Short public id derived from the cause's idempotency key (cards and the CLI use it).
    ref: str = Field(sa_type=String(16))
    source_key: str = Field(sa_type=String(255))
    community: str = Field(default="default", sa_type=String(64))
    platform: str = Field(sa_type=String(32))
    chat_id: str = Field(sa_type=String(64))
    chat_title: str | None = Field(default=None, sa_type=String(255))
    chat_kind: str = Field(default="group", sa_type=String(32))
    message_id: str | None = Field(default=None, sa_type=String(64))  # None for a join
    kind: str = Field(default="message", sa_type=String(16))  # message | join
    author_id: str = Field(sa_type=String(64))
    author_username: str | None = Field(default=None, sa_type=String(255))
    author_name: str | None = Field(default=None, sa_type=String(255))
    flags: str = Field(default="", sa_type=String(128))  # comma-separated Flag values
    reasons: str = Field(default="[]", sa_type=Text)  # JSON list of analysis reasons (never matched text)
    imitates: str | None = Field(default=None, sa_type=String(255))
    masked_text: str = Field(default="", sa_type=Text)
    context: str = Field(default="[]", sa_type=Text)  # JSON list of earlier masked messages
    steps: str = Field(default="", sa_type=String(128))  # steps the policy took automatically
    # Non-sensitive facts for later decisions: {"domains": [...], "wallets": [...]} (allow list, alerts).
    facts: str = Field(default="{}", sa_type=Text)
    # The public notice to post if a DM to the author is refused (names kinds of data, never the data).
    fallback_notice: str | None = Field(default=None, sa_type=Text)
    support_request: bool = False
    status: str = Field(default=OPEN, sa_type=String(16))
    card_key: str | None = Field(default=None, sa_type=String(255))
    card_chat_platform: str | None = Field(default=None, sa_type=String(32))
    card_chat_id: str | None = Field(default=None, sa_type=String(64))
    decided_by: str | None = Field(default=None, sa_type=String(255))
    decided_action: str | None = Field(default=None, sa_type=String(32))
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    appealed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    appeal_text: str | None = Field(default=None, sa_type=Text)  # masked
    appeal_card_key: str | None = Field(default=None, sa_type=String(255))
    appeal_decided_by: str | None = Field(default=None, sa_type=String(255))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AuditEntry(SQLModel, table=True):
    """One automatic or manual action (or refusal, or failure). Rows are only ever inserted."""

    __tablename__ = "mod_audit"
    __table_args__ = (Index("ix_mod_audit_at", "at"), Index("ix_mod_audit_case", "case_ref"))

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    actor: str = Field(sa_type=String(255))  # "beacon" for policy, else "platform:user_id (@name)"
    action: str = Field(sa_type=String(64))
    target: str = Field(default="", sa_type=String(255))  # "platform:chat/message" or "platform:user"
    reason: str = Field(default="", sa_type=Text)
    rule: str = Field(default="", sa_type=String(128))  # e.g. "policy:secret", "button", "cli"
    case_ref: str | None = Field(default=None, sa_type=String(16))
    source_key: str = Field(default="", sa_type=String(255))  # the event (or command) that caused it


class RecentMessage(SQLModel, table=True):
    """A small per-chat ring of recent messages, masked, so a card can show what came before."""

    __tablename__ = "mod_recent"
    __table_args__ = (
        UniqueConstraint("platform", "chat_id", "message_id", name="uq_mod_recent_message"),
        Index("ix_mod_recent_chat", "platform", "chat_id", "id"),
    )

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    platform: str = Field(sa_type=String(32))
    chat_id: str = Field(sa_type=String(64))
    message_id: str = Field(sa_type=String(64))
    author_id: str = Field(sa_type=String(64))
    author_name: str | None = Field(default=None, sa_type=String(255))
    masked_text: str = Field(default="", sa_type=Text)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AllowEntry(SQLModel, table=True):
    """What a community declared harmless through "false positive": a domain, an account, a wallet."""

    __tablename__ = "mod_allow"
    __table_args__ = (UniqueConstraint("community", "kind", "value", name="uq_mod_allow"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    community: str = Field(sa_type=String(64))
    kind: str = Field(sa_type=String(16))  # domain | account
    value: str = Field(sa_type=String(255))
    case_ref: str | None = Field(default=None, sa_type=String(16))
    added_by: str = Field(sa_type=String(255))
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Sighting(SQLModel, table=True):
    """A scam/phishing domain, wallet address or impersonator seen in a chat (for safety alerts)."""

    __tablename__ = "mod_sightings"
    __table_args__ = (Index("ix_mod_sightings_key", "kind", "value_hash", "at"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    kind: str = Field(sa_type=String(16))  # domain | wallet | impersonator
    value_hash: str = Field(sa_type=String(64))
    display: str = Field(sa_type=String(255))  # what moderators see (a domain, a shortened wallet, a name)
    platform: str = Field(sa_type=String(32))
    chat_id: str = Field(sa_type=String(64))
    case_ref: str | None = Field(default=None, sa_type=String(16))
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SafetyAlert(SQLModel, table=True):
    """One aggregated alert to moderators; one per (kind, value, window) — announcements may read it."""

    __tablename__ = "mod_alerts"
    __table_args__ = (UniqueConstraint("kind", "value_hash", "bucket", name="uq_mod_alerts_window"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    kind: str = Field(sa_type=String(16))
    value_hash: str = Field(sa_type=String(64))
    display: str = Field(sa_type=String(255))
    bucket: int = Field(sa_type=BigInteger)  # the window the alert belongs to (epoch minutes // window)
    chats: str = Field(default="[]", sa_type=Text)  # JSON list of "platform:chat_id"
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
