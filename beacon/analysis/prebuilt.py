"""Tables that start-up would otherwise compute, shipped next to the code that uses them.

``beacon analyze`` spends most of a small file's time starting up; two tables dominate what analysis
computes then (the BIP-39 word index and the support lexicon's matcher entries). Each is stored in a
marshal file beside its module together with the SHA-256 of everything it is computed from (the source
files of the code that computes it, the word lists it reads). A table whose sources changed, or whose
file is missing or unreadable, is computed again as before: a stale file costs start-up time, never
correctness. Nothing is written at run time.

    python -m beacon.analysis.prebuilt          # rewrite every table (tests check they are current)
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def digest(files: Iterable[Path]) -> bytes:
    """SHA-256 of the files' contents, in order (with their names, so a renamed source counts)."""
    h = hashlib.sha256()
    for path in files:
        h.update(path.name.encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    h.update(f"marshal {marshal.version}".encode())
    return h.digest()


def load(path: Path, key: bytes) -> Any | None:
    """The table stored at ``path`` if it was computed from sources with this ``key``, else None."""
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != key:
        return None
    return stored[1]


def load_or_compute(path: Path, key: bytes, compute: Callable[[], Any], build: Callable[[Any], T]) -> T:
    """``build`` of the table stored at ``path`` when it is current and ``build`` accepts its shape
    (raising TypeError, ValueError, KeyError or IndexError otherwise), else ``build(compute())``."""
    table = load(path, key)
    if table is not None:
        try:
            return build(table)
        except (TypeError, ValueError, KeyError, IndexError):
            pass  # a table of another shape (an older layout under the same key): compute it
    return build(compute())


def save(path: Path, key: bytes, table: Any) -> None:
    path.write_bytes(marshal.dumps((key, table)))


def main() -> int:
    from beacon.analysis.pipeline import prebuilt_tables  # the wiring knows which parts ship tables

    for name, path, key, table in prebuilt_tables():
        save(path, key, table)
        print(f"wrote {name}: {path} ({path.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
