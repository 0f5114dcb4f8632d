"""Moderation settings: per-flag policies (global, per community, per chat), review, appeals, alerts."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from beacon.verdict import Flag


class Section(BaseModel):
    """Unknown keys are errors (like beacon.config's sections; not imported: beacon.config imports us)."""

    model_config = ConfigDict(extra="forbid")


class Step(str, Enum):
    """What a policy may do with a flagged message."""

    delete = "delete"  # delete the message at once
    review = "review"  # open a case with a card and buttons for moderators
    warn = "warn"  # warn the author (DM, or one public notice when DMs are closed)
    notify = "notify"  # tell the author privately why (same public fallback), no strike
    mute = "mute"  # restrict the author for ``mute_minutes``
    ban = "ban"  # ban the author from the chat
    flag = "flag"  # record a case only (no card, nothing visible)


class FlagPolicy(Section):
    """The steps for one flag; ``repeat_steps`` replace ``steps`` for an author flagged again within the window."""

    steps: list[Step] = Field(default_factory=lambda: [Step.flag])
    repeat_steps: list[Step] | None = None
    repeat_window_hours: float = Field(default=24.0, gt=0)
    mute_minutes: int = Field(default=60, ge=1)


def _policy(steps: list[Step], repeat: list[Step] | None = None) -> FlagPolicy:
    return FlagPolicy(steps=steps, repeat_steps=repeat)


def default_policies() -> dict[Flag, FlagPolicy]:
    """The issue's defaults: they make moderation work with only DESIGN.md's contract keys set."""
    return {
        Flag.secret: _policy([Step.delete, Step.notify]),
        Flag.pii: _policy([Step.delete, Step.notify]),
        Flag.phishing: _policy([Step.delete, Step.review]),
        Flag.scam: _policy([Step.delete, Step.review]),
        Flag.impersonation: _policy([Step.review]),
        Flag.spam: _policy([Step.delete, Step.warn], [Step.delete, Step.warn, Step.mute]),
    }


def _flag_keys(v: dict[str, FlagPolicy]) -> dict[str, FlagPolicy]:
    # Plain string keys (not the enum) so the config dumps back to the TOML an operator wrote.
    known = {f.value for f in Flag}
    for key in v:
        if key not in known:
            raise ValueError(f"unknown flag {key!r}: one of {', '.join(sorted(known))}")
    return v


class PolicyOverrides(Section):
    """Policies for some flags; flags left out inherit from the enclosing level."""

    policies: dict[str, FlagPolicy] = Field(default_factory=dict)

    @field_validator("policies")
    @classmethod
    def _known_flags(cls, v: dict[str, FlagPolicy]) -> dict[str, FlagPolicy]:
        return _flag_keys(v)


class CommunityConfig(PolicyOverrides):
    """A named set of chats ("platform:chat_id") sharing policies and an allow list."""

    name: str
    chats: list[str] = Field(default_factory=list)

    @field_validator("chats")
    @classmethod
    def _chat_keys(cls, v: list[str]) -> list[str]:
        for key in v:
            if ":" not in key:
                raise ValueError(f"chat {key!r} must be written platform:chat_id")
        return v


class SafetyAlertConfig(Section):
    """The same scam domain, wallet or impersonator seen in ``chats`` chats within ``window_minutes``."""

    chats: int = Field(default=3, ge=2)
    window_minutes: int = Field(default=30, ge=1)


class ModerationConfig(Section):
    """The ``[moderation]`` section. Every key has a default: the contract keys alone give working moderation."""

    enabled: bool = True
    # Global policies per flag (merged over the built-in defaults, flag by flag).
    policies: dict[str, FlagPolicy] = Field(default_factory=dict)
    communities: list[CommunityConfig] = Field(default_factory=list)
    # Per-chat overrides, keyed "platform:chat_id"; they win over the chat's community.
    chats: dict[str, PolicyOverrides] = Field(default_factory=dict)
    # Where review cards go, per platform ("discord" = "123…"); default: each platform section's
    # moderators chat (telegram.moderators_chat_id, discord.moderators_channel_id).
    moderators_chats: dict[str, str] = Field(default_factory=dict)
    context_messages: int = Field(default=3, ge=0, le=20)  # messages before a flagged one shown on its card
    recent_per_chat: int = Field(default=20, ge=1, le=500)  # the per-chat ring they come from (masked)
    history_cases: int = Field(default=5, ge=0, le=50)  # previous cases of the author listed on a card
    appeal_days: int = Field(default=30, ge=1)  # how long after a decision a member may appeal
    alerts: SafetyAlertConfig = Field(default_factory=SafetyAlertConfig)
    # Notices to members: the wording is configurable; {who}, {kinds} and {chat} are filled in.
    notice_public: str = (
        "{who}, a message of yours was removed because it contained {kinds}. "
        "Never post this in a chat; our staff will never ask for it."
    )
    notice_private: str = (
        "A message you posted in {chat} was removed because it contained {kinds}. "
        "Never post this in a chat; our staff will never ask for it."
    )
    advice_secret: str = (
        "Anyone who saw it can take your funds: move them to a new wallet (new seed phrase, new keys) now "
        "and revoke any exposed API keys or passwords."
    )
    # By DM when the delete was refused (no right to delete there): the message is still up, so the
    # author of leaked data must remove it, and must not believe the earlier notice that it was removed.
    notice_not_removed: str = (
        "Correction: your message in {chat} could not be removed automatically. Delete it yourself now."
    )
    warning_public: str = "{who}, your message was removed: {reasons}. Repeating this may get you muted or banned."
    warning_private: str = (
        "Your message in {chat} was removed: {reasons}. Repeating this may get you muted or banned. "
        "Send /appeal here if you think this was a mistake."
    )
    # A moderator's "Warn" button (the message may still be there, or there may be none: a join).
    moderator_warning_public: str = "{who}, a moderator warned you: {reasons}. Repeating this may get you muted or banned."
    moderator_warning_private: str = (
        "A moderator of {chat} warned you: {reasons}. Repeating this may get you muted or banned. "
        "Send /appeal here if you think this was a mistake."
    )

    @field_validator("policies")
    @classmethod
    def _known_flags(cls, v: dict[str, FlagPolicy]) -> dict[str, FlagPolicy]:
        return _flag_keys(v)

    @field_validator("chats", "moderators_chats", mode="before")
    @classmethod
    def _str_keys(cls, v: object) -> object:
        if isinstance(v, dict):
            return {str(k): (str(x) if isinstance(x, int) else x) for k, x in v.items()}
        return v

    @model_validator(mode="after")
    def _unique_communities(self) -> "ModerationConfig":
        seen: dict[str, str] = {}
        for community in self.communities:
            for chat in community.chats:
                if chat in seen and seen[chat] != community.name:
                    raise ValueError(f"chat {chat} is in two communities: {seen[chat]} and {community.name}")
                seen[chat] = community.name
        return self

    def community_of(self, platform: str, chat_id: str) -> str:
        """The community a chat belongs to ("default" when none lists it)."""
        key = f"{platform}:{chat_id}"
        for community in self.communities:
            if key in community.chats:
                return community.name
        return "default"

    def policy_for(self, flag: Flag, platform: str, chat_id: str) -> FlagPolicy:
        """The effective policy: chat override, else community, else global, else built-in default."""
        key, name = f"{platform}:{chat_id}", flag.value
        chat = self.chats.get(key)
        if chat is not None and name in chat.policies:
            return chat.policies[name]
        community = self.community_of(platform, chat_id)
        for c in self.communities:
            if c.name == community and name in c.policies:
                return c.policies[name]
        if name in self.policies:
            return self.policies[name]
        return default_policies()[flag]
