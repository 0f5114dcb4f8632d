"""Support-desk tables: hand-off cases, tickets with history, evidence, staff posts, members, feedback."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from beacon.storage.models import IdType
from beacon.storage.types import UTCDateTime, utcnow

# Ticket statuses; the first four are "open" in the wide sense (waiting for someone).
OPEN, WAITING_ON_USER, WAITING_ON_STAFF, ESCALATED, RESOLVED, CLOSED = (
    "open", "waiting_on_user", "waiting_on_staff", "escalated", "resolved", "closed")
STATUSES = (OPEN, WAITING_ON_USER, WAITING_ON_STAFF, ESCALATED, RESOLVED, CLOSED)
ACTIVE_STATUSES = (OPEN, WAITING_ON_USER, WAITING_ON_STAFF, ESCALATED)
# Waiting for staff: these count for the queue position.
QUEUED_STATUSES = (OPEN, WAITING_ON_STAFF, ESCALATED)


class DeskSetting(SQLModel, table=True):
    """Small desk-wide values, e.g. the generated deep-link secret."""

    __tablename__ = "desk_settings"

    name: str = Field(sa_type=String(64), primary_key=True)
    value: str = Field(sa_type=Text)


class HandoffCase(SQLModel, table=True):
    """A public support request moved to a private conversation; ``payload`` is its deep-link token."""

    __tablename__ = "desk_cases"
    __table_args__ = (
        UniqueConstraint("event_key", name="uq_desk_cases_event"),
        Index("ix_desk_cases_member", "platform", "user_id", "created_at"),
    )

    payload: str = Field(sa_type=String(64), primary_key=True)
    event_key: str = Field(sa_type=String(255))
    platform: str = Field(sa_type=String(32))
    user_id: str = Field(sa_type=String(64))
    chat_id: str = Field(sa_type=String(64))
    message_id: str = Field(sa_type=String(64))
    language: str | None = Field(default=None, sa_type=String(16))
    category: str | None = Field(default=None, sa_type=String(32))
    urgency: str | None = Field(default=None, sa_type=String(16))
    text_redacted: str = Field(default="", sa_type=Text)
    # Kinds of data moderation removed with the message (e.g. "email,seed_phrase"), never the data.
    removed_kinds: str = Field(default="", sa_type=String(255))
    public_reply_key: str | None = Field(default=None, sa_type=String(255))
    dm_key: str | None = Field(default=None, sa_type=String(255))
    ticket_id: int | None = Field(default=None, sa_type=IdType)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)


class Ticket(SQLModel, table=True):
    """A member's support ticket: routed to a team, with SLA targets and a staff-chat card."""

    __tablename__ = "desk_tickets"
    __table_args__ = (
        UniqueConstraint("created_key", name="uq_desk_tickets_created_key"),
        Index("ix_desk_tickets_member", "platform", "user_id", "status"),
        Index("ix_desk_tickets_queue", "team", "status", "created_at"),
        Index("ix_desk_tickets_card", "card_key"),
        Index("ix_desk_tickets_member_chat", "platform", "member_chat_id"),
    )

    # Allocated by the handler (max + 1) so the card can name it in the same transaction.
    id: int = Field(sa_type=IdType, primary_key=True)
    created_key: str = Field(sa_type=String(255))  # the event that opened it: one event, one ticket
    platform: str = Field(sa_type=String(32))
    user_id: str = Field(sa_type=String(64))
    username: str | None = Field(default=None, sa_type=String(255))
    display_name: str | None = Field(default=None, sa_type=String(255))
    dm_chat_id: str | None = Field(default=None, sa_type=String(64))
    language: str = Field(default="en", sa_type=String(16))
    category: str = Field(default="other", sa_type=String(32))
    urgency: str = Field(default="normal", sa_type=String(16))
    status: str = Field(default=OPEN, sa_type=String(24))
    resolution: str | None = Field(default=None, sa_type=String(32))  # resolved, self_served, cancelled…
    team: str | None = Field(default=None, sa_type=String(32))
    assignee: str | None = Field(default=None, sa_type=String(255))  # staff username (or id)
    summary: str = Field(default="", sa_type=Text)  # redacted
    source: str = Field(default="dm", sa_type=String(16))  # group | dm
    origin_chat_id: str | None = Field(default=None, sa_type=String(64))
    case_payload: str | None = Field(default=None, sa_type=String(64))
    staff_platform: str | None = Field(default=None, sa_type=String(32))
    staff_chat_id: str | None = Field(default=None, sa_type=String(64))
    staff_thread_id: str | None = Field(default=None, sa_type=String(64))
    card_key: str | None = Field(default=None, sa_type=String(255))
    # The member's private conversation when it is not their DMs (DMs closed): a private thread. The key of
    # the action that opens it is set at once; its chat id once the platform has answered (the action's
    # result). Every message to the member about this ticket then goes there instead of a DM.
    member_chat_key: str | None = Field(default=None, sa_type=String(255))
    member_chat_id: str | None = Field(default=None, sa_type=String(64))
    escalated: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    first_response_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_response_due: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolution_due: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reminded_first: bool = False
    reminded_resolution: bool = False
    breached_first: bool = False
    breached_resolution: bool = False


class TicketEntry(SQLModel, table=True):
    """One line of a ticket's history, and its audit trail: who did what, when (text secret-masked)."""

    __tablename__ = "desk_ticket_entries"
    __table_args__ = (
        UniqueConstraint("key", name="uq_desk_ticket_entries_key"),
        Index("ix_desk_ticket_entries_ticket", "ticket_id", "at"),
    )

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    key: str = Field(sa_type=String(255))  # cause event key + role: a redelivered event adds nothing
    ticket_id: int = Field(sa_type=IdType)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    actor: str = Field(sa_type=String(255))  # "member:<id>", "staff:<username>", "system", "cli:<username>"
    kind: str = Field(sa_type=String(32))  # created, member_message, agent_reply, status, category, urgency…
    text: str = Field(default="", sa_type=Text)
    detail: str = Field(default="", sa_type=String(255))  # e.g. "open→waiting_on_user"


class Evidence(SQLModel, table=True):
    """A file a member sent for a ticket: fetched into the file store, then shown on the card."""

    __tablename__ = "desk_evidence"
    __table_args__ = (UniqueConstraint("fetch_key", name="uq_desk_evidence_fetch"),
                      Index("ix_desk_evidence_state", "state"))

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    ticket_id: int = Field(sa_type=IdType, index=True)
    fetch_key: str = Field(sa_type=String(255))  # the FetchFile action's outbox key
    platform: str = Field(sa_type=String(32))
    kind: str = Field(sa_type=String(16))
    file_name: str = Field(sa_type=String(255))
    mime_type: str | None = Field(default=None, sa_type=String(128))
    size: int | None = None
    path: str = Field(sa_type=Text)
    state: str = Field(default="pending", sa_type=String(16))  # pending → relayed | failed
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class StaffPost(SQLModel, table=True):
    """A message the desk posted in a staff chat for a ticket: replies to it reach the member."""

    __tablename__ = "desk_staff_posts"

    outbox_key: str = Field(sa_type=String(255), primary_key=True)
    ticket_id: int = Field(sa_type=IdType, index=True)


class DeskMember(SQLModel, table=True):
    """A member's desk preferences: chosen language and the ticket their DMs go to."""

    __tablename__ = "desk_members"

    platform: str = Field(sa_type=String(32), primary_key=True)
    user_id: str = Field(sa_type=String(64), primary_key=True)
    language: str | None = Field(default=None, sa_type=String(16))
    current_ticket_id: int | None = Field(default=None, sa_type=IdType)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Feedback(SQLModel, table=True):
    """A member's suggestion for the product team (``/feedback``), tagged, redacted."""

    __tablename__ = "desk_feedback"
    __table_args__ = (UniqueConstraint("key", name="uq_desk_feedback_key"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    key: str = Field(sa_type=String(255))
    platform: str = Field(sa_type=String(32))
    user_id: str = Field(sa_type=String(64))
    language: str | None = Field(default=None, sa_type=String(16))
    text: str = Field(sa_type=Text)
    tags: str = Field(default="", sa_type=String(255))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class KbVote(SQLModel, table=True):
    """A member's answer to "did this article solve it?" (self-service counted)."""

    __tablename__ = "desk_kb_votes"
    __table_args__ = (UniqueConstraint("key", name="uq_desk_kb_votes_key"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    key: str = Field(sa_type=String(255))
    platform: str = Field(sa_type=String(32))
    user_id: str = Field(sa_type=String(64))
    article: str = Field(sa_type=String(128))
    solved: bool
    ticket_id: int | None = Field(default=None, sa_type=IdType)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class TeamCursor(SQLModel, table=True):
    """Round-robin position per team: who got the last ticket."""

    __tablename__ = "desk_team_cursors"

    team: str = Field(sa_type=String(32), primary_key=True)
    last_assignee: str = Field(sa_type=String(255))
