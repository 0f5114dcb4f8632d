"""The support desk's handlers, in the order the worker runs them."""

from __future__ import annotations

from beacon.config import Settings
from beacon.domain import Handler


def build_community_handlers(settings: Settings) -> list[Handler]:
    """Handlers for support requests, hand-off and tickets (the support-desk issue fills this)."""
    return []
