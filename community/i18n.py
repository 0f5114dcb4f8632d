"""Member-facing texts per language, read from TOML data files (community/locales), English fallback."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
FALLBACK = "en"


class _Keep(dict):
    """format_map helper: an unknown placeholder stays as written instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = str(value)
    return out


class Texts:
    """All loaded languages; ``get(lang, key, **values)`` falls back to English per key."""

    def __init__(self, tables: Mapping[str, Mapping[str, str]]) -> None:
        if FALLBACK not in tables:
            raise ValueError("the English texts are required (they are every other language's fallback)")
        self._tables = {lang: dict(table) for lang, table in tables.items()}

    @classmethod
    def load(cls, folder: Path = LOCALES_DIR) -> "Texts":
        tables = {}
        for path in sorted(folder.glob("*.toml")):
            with open(path, "rb") as fh:
                tables[path.stem] = _flatten(tomllib.load(fh))
        return cls(tables)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self._tables))

    def supports(self, lang: str | None) -> bool:
        return lang is not None and lang in self._tables

    def has(self, key: str) -> bool:
        return key in self._tables[FALLBACK]

    def raw(self, lang: str | None, key: str) -> str:
        table = self._tables.get(lang or FALLBACK, {})
        text = table.get(key)
        if text is None:
            text = self._tables[FALLBACK].get(key)
        if text is None:
            raise KeyError(f"no text {key!r} in the locales")
        return text

    def get(self, lang: str | None, key: str, **values: Any) -> str:
        return self.raw(lang, key).format_map(_Keep(values))

    def missing(self, lang: str) -> list[str]:
        """Keys English has and ``lang`` lacks (for the locale completeness test)."""
        return sorted(set(self._tables[FALLBACK]) - set(self._tables.get(lang, {})))


@lru_cache(maxsize=1)
def default_texts() -> Texts:
    return Texts.load()
