"""Discord adapter: discord.py over the gateway and REST, events published before their handlers return."""

from bots.discord.adapter import CAPABILITIES, INTENTS, DiscordAdapter

__all__ = ["CAPABILITIES", "INTENTS", "DiscordAdapter"]
