"""Deep-link payloads: unguessable (HMAC of the cause under a secret), deterministic per event, ≤ 64 chars."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

PAYLOAD_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# 26 base64url characters carry 156 bits of the MAC: far beyond guessing, well under Telegram's 64.
PAYLOAD_CHARS = 26
PREFIX = "c"


def payload_for(secret: str, cause_key: str) -> str:
    """The payload of the hand-off caused by ``cause_key``: the same event always gets the same one,
    so a redelivered message produces the same link; nobody without the secret can forge another."""
    mac = hmac.new(secret.encode(), cause_key.encode(), hashlib.sha256).digest()
    return PREFIX + base64.urlsafe_b64encode(mac).decode().rstrip("=")[:PAYLOAD_CHARS]


def looks_like_payload(text: str | None) -> bool:
    return bool(text) and bool(PAYLOAD_RE.match(text or "")) and (text or "").startswith(PREFIX)
