"""The config sections analysis reads (brand, staff, analysis) as pydantic models; beacon.config re-exports them.

``beacon analyze`` reads the same sections without pydantic (``beacon.analysis.quick_settings``, with the
same rules) when a config file holds nothing else; any other config goes through ``beacon.config``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from beacon.analysis.quick_settings import ALL_ROLES, Role

__all__ = ["ALL_ROLES", "AnalysisConfig", "BrandConfig", "Role", "Section", "StaffMember"]


class Section(BaseModel):
    """Base for config sections: unknown keys are errors, so typos do not pass silently."""

    model_config = ConfigDict(extra="forbid")


class BrandConfig(Section):
    name: str
    official_domains: list[str] = Field(default_factory=list)
    bot_usernames: list[str] = Field(default_factory=list)
    # Help-centre pages that replies may link to (freeze account, KYC docs, …).
    help_centre_url: str | None = None

    @field_validator("official_domains")
    @classmethod
    def _lower_domains(cls, v: list[str]) -> list[str]:
        return [d.strip().lower().lstrip(".") for d in v if d.strip()]


class StaffMember(Section):
    platform: str
    user_id: str
    display_name: str = ""
    username: str = ""
    roles: frozenset[Role] = ALL_ROLES
    alias: str | None = None  # how agent replies are signed to members
    staff_number: str | None = None

    @field_validator("user_id", mode="before")
    @classmethod
    def _id_as_str(cls, v: Any) -> str:
        return str(v)

    def has_role(self, role: Role) -> bool:
        return role in self.roles


class AnalysisConfig(Section):
    language_detector: Literal["fasttext", "langdetect"] = "fasttext"
    # Domains a community trusts besides the official ones (partners, explorers…).
    allowed_domains: list[str] = Field(default_factory=list)
    # Other names of the brand (local-script names, old names) that phishers and impersonators use.
    brand_aliases: list[str] = Field(default_factory=list)
    # Official channels/accounts besides bot_usernames and staff usernames ("@brand_announcements").
    official_handles: list[str] = Field(default_factory=list)
    # Extra staff titles (any language) that, next to the brand in a name, present as staff.
    staff_titles: list[str] = Field(default_factory=list)
    # Extra URL shorteners / redirectors treated like bit.ly.
    shorteners: list[str] = Field(default_factory=list)
