"""Regular expressions compiled on first use: a pattern behind a gate most messages never pass is not
compiled at start-up (compiling a long multilingual pattern takes milliseconds)."""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """``re.compile(pattern, flags)``, done on the first attribute access; after it, the compiled
    pattern's methods are plain attributes of this object (no per-call cost)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only reached while an attribute is missing: the first use
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(*self._args)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        return getattr(compiled, name)
