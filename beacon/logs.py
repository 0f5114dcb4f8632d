"""Logging setup: plain or JSON lines, with every configured secret masked in every record."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import datetime, timezone

# Libraries that log request URLs or headers (tokens included) at INFO/DEBUG.
NOISY_LOGGERS = ("httpx", "httpcore", "tweepy", "discord.http", "discord.gateway", "telegram.ext", "aiohttp.access")

# Telegram bot tokens look like 123456:AA…; mask them even when nobody registered them.
_TELEGRAM_TOKEN = re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,}\b")


class SecretMaskingFilter(logging.Filter):
    """Replaces registered secrets (and anything shaped like a bot token) with '***'."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets: set[str] = {s for s in secrets if s and len(s) >= 6}

    def add(self, secret: str | None) -> None:
        if secret and len(secret) >= 6:
            self._secrets.add(secret)

    def mask(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, "***")
        return _TELEGRAM_TOKEN.sub("***", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = self.mask(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None:
            # Render the traceback now, masked, so no handler prints the raw one.
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = self.mask(formatted)
            record.exc_info = None
        return True


def attach_mask(mask: logging.Filter, prefixes: tuple[str, ...]) -> list[logging.Filterer]:
    """Add ``mask`` to every logger named by or under ``prefixes`` and to the root logger's handlers (records
    from any other logger pass those); returns what it was added to, so an adapter can remove it again."""
    names = {n for n in logging.root.manager.loggerDict if n.startswith(prefixes)}
    names.update(prefixes)
    targets: list[logging.Filterer] = [logging.getLogger(n) for n in sorted(names)]
    targets.extend(logging.getLogger().handlers)
    for target in targets:
        target.addFilter(mask)
    return targets


class JsonLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "at": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("event_key", "platform", "chat", "action", "outbox_id"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: str = "INFO", json_lines: bool = False, secrets: Iterable[str] = ()) -> SecretMaskingFilter:
    """Configure the root logger once; returns the masking filter so adapters can add secrets."""
    mask = SecretMaskingFilter(secrets)
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(mask)
    handler.setFormatter(
        JsonLineFormatter() if json_lines else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    return mask
