"""Console adapter: a text community for demos and tests (like errbot's text backend)."""

from bots.console.adapter import ConsoleAdapter, ConsoleLineError, parse_line

__all__ = ["ConsoleAdapter", "ConsoleLineError", "parse_line"]
