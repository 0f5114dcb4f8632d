"""X adapter: tweepy's AsyncClient polling mentions with a durable since_id, replying, DMing and hiding replies."""

from bots.x.adapter import CAPABILITIES, XAdapter

__all__ = ["CAPABILITIES", "XAdapter"]
