"""The analysis modules setup.py compiles with Cython, and whether a compiled one is older than its source.

Compilation is an optimisation only: the same .py files run as plain Python wherever they are not
compiled (no C compiler, ``BEACON_PURE_PYTHON=1`` at install), with the same results (a test compares
the two). Compiled modules sit next to their sources (an editable install builds them in place), and
Python imports the compiled one first, so one edited after its build would be silently ignored:
``make`` rebuilds them, and ``stale()`` names any that are out of date. This module imports nothing
of Beacon's, so setup.py can read it before Beacon is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The per-message path of `beacon analyze` and of every worker: what Cython speeds up (~12 % on unique
# chat). Data-only modules (lexicons, vocabulary) gain nothing and are left out.
MODULES: tuple[str, ...] = (
    "beacon.verdict",
    "beacon.analysis.function_words",
    "beacon.analysis.language",
    "beacon.analysis.pipeline",
    "community.analysis.matcher",
    "community.analysis.support",
    "moderation.analysis.bip39",
    "moderation.analysis.brand",
    "moderation.analysis.features",
    "moderation.analysis.impersonation",
    "moderation.analysis.lexicon",
    "moderation.analysis.links",
    "moderation.analysis.phishing",
    "moderation.analysis.pii",
    "moderation.analysis.scam",
    "moderation.analysis.secret",
    "moderation.analysis.skeleton",
    "moderation.analysis.spam",
    "moderation.analysis.suffixes",
)


def source_paths(root: Path) -> list[Path]:
    """The .py file of each module, under the project ``root``."""
    return [root.joinpath(*name.split(".")).with_suffix(".py") for name in MODULES]


def compiled(name: str) -> bool:
    """Whether the imported module ``name`` runs compiled (False when not imported yet)."""
    module = sys.modules.get(name)
    return module is not None and not str(getattr(module, "__file__", "")).endswith(".py")


def stale() -> list[str]:
    """Imported modules running compiled code older than their source (edited after the last build)."""
    out = []
    for name in MODULES:
        module = sys.modules.get(name)
        built = str(getattr(module, "__file__", "") or "")
        if module is None or built.endswith(".py") or not built:
            continue
        source = Path(built).parent / (name.rsplit(".", 1)[-1] + ".py")
        try:
            if source.stat().st_mtime > Path(built).stat().st_mtime:
                out.append(name)
        except OSError:
            continue
    return out
