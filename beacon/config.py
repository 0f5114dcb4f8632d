"""Configuration: one TOML file (``--config`` / ``BEACON_CONFIG``) overridden by ``BEACON_*`` env vars."""

from __future__ import annotations

import os
import tomllib
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

# The sections analysis reads are declared next to analysis (``beacon analyze`` reads them without
# pydantic when a config file holds nothing else: beacon.analysis.quick_settings).
from beacon.analysis.sections import ALL_ROLES, AnalysisConfig, BrandConfig, Role, Section, StaffMember  # noqa: F401
from moderation.config import ModerationConfig
from community.config import SupportConfig
from announcements.config import AnnouncementsConfig
from community.link_config import LinkingConfig

ENV_PREFIX = "BEACON_"
CONFIG_ENV = "BEACON_CONFIG"


class ConfigError(Exception):
    """A configuration problem, already phrased for a human: names the file and the key."""


class DatabaseConfig(Section):
    url: str = "sqlite:///beacon.db"
    echo: bool = False


class BusConfig(Section):
    url: str = "memory://"
    # Events of one chat land in one partition, so one consumer sees them in order.
    partitions: int = Field(default=8, ge=1, le=256)
    visibility_timeout_s: float = Field(default=30.0, gt=0)
    max_attempts: int = Field(default=5, ge=1)
    # Redis key prefix, so several deployments (or tests) can share one Redis.
    prefix: str = Field(default="beacon", pattern=r"^[A-Za-z0-9_.-]+$")


class TelegramConfig(Section):
    token: SecretStr
    base_url: str = "https://api.telegram.org/bot"
    moderators_chat_id: int | None = None
    mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    poll_timeout_s: int = 30
    # Telegram's documented limits; tests and benchmarks shrink the windows.
    rate_overall_per_s: float = 30.0
    rate_group_per_min: float = 20.0
    rate_private_per_s: float = 1.0

    @property
    def base_file_url(self) -> str:
        """``…/bot`` → ``…/file/bot``: downloads go to the same server as the API."""
        base = self.base_url.rstrip("/")
        if base.endswith("/bot"):
            return base[: -len("/bot")] + "/file/bot"
        return base + "/file/bot"


class DiscordConfig(Section):
    token: SecretStr
    api_base: str = "https://discord.com/api/v10"
    gateway_url: str = "wss://gateway.discord.gg/"
    moderators_channel_id: str | None = None
    support_channel_id: str | None = None

    @field_validator("moderators_channel_id", "support_channel_id", mode="before")
    @classmethod
    def _id_as_str(cls, v: Any) -> Any:
        return None if v is None else str(v)


class XConfig(Section):
    user_id: str
    bearer_token: SecretStr
    consumer_key: SecretStr | None = None
    consumer_secret: SecretStr | None = None
    access_token: SecretStr | None = None
    access_token_secret: SecretStr | None = None
    api_url: str = "https://api.twitter.com"
    poll_interval_s: float = 60.0
    # The tier's mentions budget (X: 450 requests per 15 minutes per app); polls never go faster.
    mentions_rate_limit: int = Field(default=450, ge=1)
    rate_window_s: float = Field(default=900.0, gt=0)
    # Pages of 100 mentions read per poll at most (each page is a billed call).
    max_pages_per_poll: int = Field(default=5, ge=1, le=50)
    # Inbound DMs (GET /2/dm_events, user context; every call billed). X's budget: 300 requests per 15 minutes
    # per user, shared by the DM lookup endpoints; polls never go faster than rate_window_s / dm_rate_limit.
    dm_poll_interval_s: float = Field(default=60.0, gt=0)
    dm_rate_limit: int = Field(default=300, ge=1)

    @field_validator("user_id", mode="before")
    @classmethod
    def _id_as_str(cls, v: Any) -> str:
        return str(v)


class LoggingConfig(Section):
    level: str = "INFO"
    json_lines: bool = Field(default=False, alias="json")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class MetricsConfig(Section):
    port: int | None = None  # /metrics and /healthz; off when unset
    host: str = "127.0.0.1"


class WorkersConfig(Section):
    # Batches handled at once per worker process (each a group-committed transaction of many chats' events;
    # SQLite has one writer, so more than one helps only on PostgreSQL).
    concurrency: int = Field(default=4, ge=1, le=64)
    tick_s: int = Field(default=30, ge=1)  # period of the Tick event (timers, schedules)


class Settings(BaseSettings):
    """The whole configuration. Sections other issues add go here as typed fields."""

    _config_dir: Path | None = PrivateAttr(default=None)

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="forbid", case_sensitive=False
    )

    brand: BrandConfig
    staff: list[StaffMember] = Field(default_factory=list)
    database: DatabaseConfig = Field(default_factory=DatabaseConfig)
    bus: BusConfig = Field(default_factory=BusConfig)
    telegram: TelegramConfig | None = None
    discord: DiscordConfig | None = None
    x: XConfig | None = None
    logging: LoggingConfig = Field(default_factory=LoggingConfig)
    metrics: MetricsConfig = Field(default_factory=MetricsConfig)
    analysis: AnalysisConfig = Field(default_factory=AnalysisConfig)
    workers: WorkersConfig = Field(default_factory=WorkersConfig)
    moderation: ModerationConfig = Field(default_factory=ModerationConfig)
    support: SupportConfig = Field(default_factory=SupportConfig)
    announcements: AnnouncementsConfig = Field(default_factory=AnnouncementsConfig)
    linking: LinkingConfig = Field(default_factory=LinkingConfig)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment wins over the file (passed as init values), per key, deep-merged.
        return (env_settings, init_settings)

    def staff_for(self, platform: str, user_id: str) -> StaffMember | None:
        for member in self.staff:
            if member.platform == platform and member.user_id == str(user_id):
                return member
        return None

    def staff_by_handle(self, handle: str) -> StaffMember | None:
        """Find a staff member by username or id (for ``--as``)."""
        h = handle.lstrip("@").lower()
        for member in self.staff:
            if member.username.lower() == h or member.user_id == h:
                return member
        return None

    @property
    def config_dir(self) -> Path:
        """The folder relative paths in the config are resolved against: the config file's own."""
        return self._config_dir or Path(os.environ.get("BEACON_CONFIG_DIR", "."))


def _format_validation_error(err: ValidationError, source: str) -> str:
    parts = []
    for e in err.errors():
        key = ".".join(str(p) for p in e["loc"]) or "(top level)"
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key"
        parts.append(f"{key}: {msg}")
    return f"config error in {source}: " + "; ".join(parts)


def config_path(path: str | os.PathLike[str] | None = None) -> Path | None:
    p = path or os.environ.get(CONFIG_ENV)
    return Path(p) if p else None


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read the TOML file (if any), apply env overrides, validate. Raises ConfigError."""
    resolved = config_path(path)
    data: dict[str, Any] = {}
    source = "environment"
    if resolved is not None:
        source = str(resolved)
        try:
            with open(resolved, "rb") as fh:
                data = tomllib.load(fh)
        except FileNotFoundError:
            raise ConfigError(f"config error: file not found: {resolved}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config error in {resolved}: not valid TOML: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"config error in {resolved}: cannot read: {exc.strerror}") from None
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(exc, source)) from None
    if resolved is not None:
        settings._config_dir = resolved.resolve().parent
    return settings


def masked_dump(settings: Settings) -> dict[str, Any]:
    """The effective config as plain data with every secret replaced by '***'."""

    def walk(value: Any) -> Any:
        if isinstance(value, SecretStr):
            return "***" if value.get_secret_value() else ""
        if isinstance(value, BaseModel):
            return {k: walk(getattr(value, k)) for k in type(value).model_fields}
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, (list, tuple, set, frozenset)):
            items = [walk(v) for v in value]
            return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, Path):
            return str(value)
        if isinstance(value, str) and "://" in value and "@" in value:
            return _mask_url_password(value)
        return value

    return walk(settings)


def _mask_url_password(url: str) -> str:
    # postgresql://user:pass@host → postgresql://user:***@host
    scheme, rest = url.split("://", 1)
    creds, _, host = rest.rpartition("@")
    if ":" in creds:
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
