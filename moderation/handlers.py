"""Moderation's handlers, in the order the worker runs them."""

from __future__ import annotations

from beacon.config import Settings
from beacon.domain import Handler


def build_moderation_handlers(settings: Settings) -> list[Handler]:
    """Handlers acting on safety flags (the moderation issue fills this)."""
    return []
