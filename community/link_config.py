"""``[linking]`` settings: how long a /link code lives and how many wrong codes an account may try."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# Not beacon.config.Section: beacon.config imports this module, so the base is repeated here.


class LinkingConfig(BaseModel):
    """Every key has a default, so the contract keys alone give a working /link."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    # A code not redeemed within this many minutes is void.
    code_ttl_minutes: int = Field(default=10, ge=1, le=24 * 60)
    # Wrong codes an account may send per window before /link <code> is refused until the window passes:
    # with 40-bit codes, this keeps guessing a live code hopeless.
    max_failures: int = Field(default=5, ge=1, le=1000)
    failure_window_minutes: int = Field(default=60, ge=1, le=7 * 24 * 60)
