"""The ``beacon`` console script: ``beacon analyze`` skips loading the rest of the CLI (start-up time)."""

from __future__ import annotations

import sys


def main() -> int | None:
    if len(sys.argv) > 1 and sys.argv[1] == "analyze":
        from beacon.cli_analyze import exit_now, main as analyze

        exit_now(analyze(sys.argv[2:]))
    from beacon.cli import main as full

    return full()


if __name__ == "__main__":
    sys.exit(main())
