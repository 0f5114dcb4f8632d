"""SQLModel tables of the kernel: directory, person links, processed events, outbox, bus inbox, dead letters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from beacon.storage.types import UTCDateTime, utcnow

# SQLite only auto-increments an ``INTEGER PRIMARY KEY`` (the rowid); PostgreSQL gets a 64-bit id.
IdType = BigInteger().with_variant(Integer(), "sqlite")

# Outbox states. ``in_doubt``: the process died between handing the action to the platform and
# recording the answer; platforms take no idempotency key, so it is reported, not resent.
QUEUED, SENDING, SENT, FAILED, IN_DOUBT = "queued", "sending", "sent", "failed", "in_doubt"
OUTBOX_STATES = (QUEUED, SENDING, SENT, FAILED, IN_DOUBT)


class PlatformUser(SQLModel, table=True):
    """A member as one platform knows them (ids are strings: Telegram's exceed 32 bits)."""

    __tablename__ = "platform_users"
    __table_args__ = (UniqueConstraint("platform", "user_id", name="uq_platform_users_platform_user"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    platform: str = Field(sa_type=String(32))
    user_id: str = Field(sa_type=String(64))
    username: str | None = Field(default=None, sa_type=String(255))
    display_name: str | None = Field(default=None, sa_type=String(255))
    language_code: str | None = Field(default=None, sa_type=String(16))
    is_bot: bool = False
    first_seen: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_seen: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Chat(SQLModel, table=True):
    """A conversation the bot is in, with the bot's rights there (re-read on membership changes)."""

    __tablename__ = "chats"
    __table_args__ = (UniqueConstraint("platform", "chat_id", name="uq_chats_platform_chat"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    platform: str = Field(sa_type=String(32))
    chat_id: str = Field(sa_type=String(64))
    kind: str = Field(default="group", sa_type=String(32))
    title: str | None = Field(default=None, sa_type=String(255))
    # The bot's membership: member | administrator | left | kicked | restricted | unknown.
    bot_status: str = Field(default="unknown", sa_type=String(32))
    can_delete: bool = False
    can_restrict: bool = False
    can_pin: bool = False
    rights_updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_seen: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Person(SQLModel, table=True):
    """One human behind accounts on several platforms."""

    __tablename__ = "persons"

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PersonLink(SQLModel, table=True):
    """An account (platform + user id) belonging to a person; an account has at most one person."""

    __tablename__ = "person_links"
    __table_args__ = (UniqueConstraint("platform", "user_id", name="uq_person_links_platform_user"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    person_id: int = Field(sa_type=IdType, foreign_key="persons.id", index=True)
    platform: str = Field(sa_type=String(32))
    user_id: str = Field(sa_type=String(64))
    # How the link was established (e.g. "deep_link", "staff"), for the audit trail.
    method: str = Field(default="", sa_type=String(64))
    linked_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ProcessedEvent(SQLModel, table=True):
    """An inbound event's idempotency key, kept until ``expires_at`` (7 days by default)."""

    __tablename__ = "processed_events"

    key: str = Field(sa_type=String(255), primary_key=True)
    processed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)


class OutboxItem(SQLModel, table=True):
    """One outbound action and its fate: queued → sending → sent | failed | in_doubt."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("key", name="uq_outbox_key"),
        Index("ix_outbox_claim", "platform", "state", "priority", "id"),
        # Added by revision 0002: replies to the bot's messages are traced back to their action.
        Index("ix_outbox_result", "platform", "result_chat_id", "result_message_id"),
    )

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    key: str = Field(sa_type=String(255))
    platform: str = Field(sa_type=String(32))
    # The action as JSON text (``beacon.actions.encode_action``); ``decode_action`` reads it back.
    action: str = Field(sa_type=Text)
    priority: int = 0
    state: str = Field(default=QUEUED, sa_type=String(16))
    attempts: int = 0
    not_before: datetime | None = Field(default=None, sa_type=UTCDateTime)
    result_message_id: str | None = Field(default=None, sa_type=String(64))
    result_chat_id: str | None = Field(default=None, sa_type=String(64))
    error: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BusGroup(SQLModel, table=True):
    """A consumer group of the in-process bus, remembered so entries published before it resubscribes keep."""

    __tablename__ = "bus_groups"

    topic: str = Field(sa_type=String(128), primary_key=True)
    group_name: str = Field(sa_type=String(128), primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BusInboxEntry(SQLModel, table=True):
    """An entry the in-process bus accepted for one group and that group has not acked yet."""

    __tablename__ = "bus_inbox"

    # Assigned by the bus (not the database) so a whole batch is written in one statement.
    id: int = Field(sa_column=Column("id", IdType, primary_key=True, autoincrement=False))
    entry_id: str = Field(sa_type=String(64))
    topic: str = Field(sa_type=String(128))
    group_name: str = Field(sa_type=String(128))
    ordering_key: str = Field(default="", sa_type=String(255))
    payload: bytes = Field(sa_type=LargeBinary)
    attempts: int = 0
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class DeadLetterRecord(SQLModel, table=True):
    """An entry no handler could process: undecodable, or failed ``max_attempts`` times."""

    __tablename__ = "dead_letters"
    __table_args__ = (Index("ix_dead_letters_topic_at", "topic", "at"),)

    id: int | None = Field(default=None, sa_type=IdType, primary_key=True)
    entry_id: str | None = Field(default=None, sa_type=String(64))
    topic: str = Field(sa_type=String(128))
    group_name: str = Field(sa_type=String(128))
    payload: bytes = Field(sa_type=LargeBinary)
    error: str = Field(sa_type=Text)
    attempts: int = 0
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


metadata = SQLModel.metadata
