"""Telegram adapter: python-telegram-bot over the Bot API, nothing lost between Telegram and the bus."""

from bots.telegram.adapter import CAPABILITIES, BotRights, TelegramAdapter
from bots.telegram.limits import SendLimits, SharedLimiterBridge, TelegramRateLimiter

__all__ = [
    "CAPABILITIES",
    "BotRights",
    "SendLimits",
    "SharedLimiterBridge",
    "TelegramAdapter",
    "TelegramRateLimiter",
]
