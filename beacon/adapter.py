"""The adapter interface: a platform's capabilities, its inbound loop and its action executor."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable

from pydantic import Field

from beacon.actions import ActionBase, ActionResult
from beacon.events import EventBase, Frozen

Publish = Callable[[EventBase], Awaitable[None]]


class Capabilities(Frozen):
    """What a platform allows, so domain code adapts without naming platforms."""

    # Can the bot open a DM with a member who never wrote to it? (Discord: yes, shared guild;
    # Telegram: no, the member must press Start; X: only if the member accepts DMs.)
    dm_first: bool = False
    # A link that opens a DM with the bot and carries a payload (Telegram's ?start=).
    deep_link_dm: bool = False
    private_threads: bool = False
    delete: bool = True
    ban: bool = True
    restrict: bool = True
    edit: bool = True
    pin: bool = True
    buttons: bool = True
    url_buttons: bool = True
    max_buttons_per_message: int = 100
    max_message_length: int = 4096
    # Moderation limited to flagging/hiding (X).
    hide_replies: bool = False
    extra: dict[str, str] = Field(default_factory=dict)


class Adapter(ABC):
    """One platform. ``run`` pumps inbound traffic to ``publish``; ``perform`` executes actions.

    ``publish`` returns only once the event is durably on the bus, so an adapter may confirm
    receipt to the platform after it returns (nothing is lost between platform and bus).
    """

    platform: str
    capabilities: Capabilities
    # Actions per second the adapter can start (its overall send limit), or None for no limit. The
    # dispatcher claims outbox rows no faster, so the backlog waits ``queued`` in the outbox, not
    # ``sending`` inside the adapter's rate limiter (where a crash would leave it in_doubt).
    claim_rate_per_s: float | None = None

    @abstractmethod
    async def run(self, publish: Publish) -> None:
        """Receive until cancelled or ``stop`` is called."""

    @abstractmethod
    async def perform(self, action: ActionBase) -> ActionResult:
        """Execute one action; raise a ``beacon.actions.PlatformError`` subclass on refusal."""

    async def stop(self) -> None:  # noqa: B027 - optional hook
        """Stop receiving; in-flight work finishes."""

    def deep_link(self, payload: str) -> str | None:
        """A URL that opens a DM with the bot carrying ``payload`` (None if unsupported)."""
        return None
