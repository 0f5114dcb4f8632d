"""``beacon analyze``: verdicts for JSON Lines messages or a Telegram Desktop export, one JSON line each."""

from __future__ import annotations

import io
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, TextIO

if TYPE_CHECKING:
    import typer

    from beacon.analysis.pipeline import Pipeline
    from beacon.verdict import AnalysisInput, Verdict

EXIT_BAD_LINES = 3
EXIT_CONFIG = 2
EXIT_INPUT = 1
# Telegram's "from_id" is "user<id>" for people; the platform id is the number.
_TELEGRAM_USER_PREFIX = "user"


@dataclass
class Bad:
    """An input record that cannot be analysed, reported in its place."""

    id: Any
    line: int
    error: str


@dataclass
class Good:
    id: Any
    line: int
    message: AnalysisInput


@dataclass
class Summary:
    analysed: int = 0
    errors: int = 0
    requests: int = 0
    source: str = "jsonl"
    categories: Counter[str] = field(default_factory=Counter)
    urgencies: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


# ---------------------------------------------------------------- reading


def _clean_text(text: str) -> str:
    """Lone surrogates (valid in JSON escapes, invalid in UTF-8) become '?': same length, so offsets hold."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def telegram_text(text: Any) -> str | None:
    """Flatten Telegram's text (a string, or an array of strings and entity objects). Link targets
    hidden behind other words (``text_link``) are appended on lines of their own, so link checks see
    them; offsets past the visible text point into those lines."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return None
    parts: list[str] = []
    hidden: list[str] = []
    for part in text:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict):
            shown = part.get("text")
            if isinstance(shown, str):
                parts.append(shown)
            href = part.get("href")
            if isinstance(href, str) and href and href != shown:
                hidden.append(href)
    visible = "".join(parts)
    return "\n".join([visible, *hidden]) if hidden else visible


def _message(text: str, platform: str, chat: Any, author_id: Any, author_name: Any, author_username: Any,
             mentions_bot: bool) -> AnalysisInput:
    from beacon.verdict import AnalysisInput

    def opt(v: Any) -> str | None:
        return None if v is None or isinstance(v, (dict, list)) else str(v)

    return AnalysisInput(
        text=_clean_text(text),
        platform=platform,
        chat=opt(chat),
        author_id=opt(author_id),
        author_name=opt(author_name),
        author_username=opt(author_username),
        mentions_bot=mentions_bot,
    )


def parse_jsonl_line(line: str, number: int) -> Good | Bad:
    stripped = line.strip()
    if not stripped:
        return Bad(None, number, "empty line")
    try:
        obj = json.loads(stripped)
    except ValueError as exc:
        msg = getattr(exc, "msg", str(exc))
        col = getattr(exc, "colno", None)
        return Bad(None, number, f"not valid JSON: {msg}" + (f" (column {col})" if col else ""))
    if not isinstance(obj, dict):
        return Bad(None, number, f"not a JSON object but {type(obj).__name__}")
    msg_id = obj.get("id")
    if msg_id is None:
        return Bad(None, number, "missing field: id")
    text = telegram_text(obj.get("text"))
    if text is None:
        return Bad(msg_id, number, "missing field: text" if "text" not in obj else "text is not a string")
    author = obj.get("author")
    author = author if isinstance(author, dict) else {}
    platform = obj.get("platform")
    return Good(msg_id, number, _message(
        text,
        platform=platform if isinstance(platform, str) and platform else "telegram",
        chat=obj.get("chat"),
        author_id=author.get("id"),
        author_name=author.get("name"),
        author_username=author.get("username"),
        mentions_bot=obj.get("mentions_bot") is True,
    ))


def parse_telegram_export(data: dict[str, Any]) -> Iterator[Good | Bad]:
    """Messages of a Telegram Desktop export (``result.json``); service messages are skipped.
    ``line`` is the message's position in the export's ``messages`` list."""
    chat = data.get("name") or data.get("id")
    for position, msg in enumerate(data.get("messages") or [], 1):
        if not isinstance(msg, dict):
            yield Bad(None, position, "message is not a JSON object")
            continue
        if msg.get("type", "message") != "message":
            continue
        msg_id = msg.get("id")
        if msg_id is None:
            yield Bad(None, position, "missing field: id")
            continue
        text = telegram_text(msg.get("text", ""))
        if text is None:
            yield Bad(msg_id, position, "text is neither a string nor a list")
            continue
        from_id = msg.get("from_id")
        if isinstance(from_id, str) and from_id.startswith(_TELEGRAM_USER_PREFIX):
            from_id = from_id[len(_TELEGRAM_USER_PREFIX):]
        yield Good(msg_id, position, _message(
            text, platform="telegram", chat=chat, author_id=from_id,
            author_name=msg.get("from"), author_username=None, mentions_bot=False,
        ))


def _as_export(text: str) -> dict[str, Any] | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if isinstance(data, dict) and isinstance(data.get("messages"), list) and "text" not in data:
        return data
    return None


def read_records(stream: TextIO, summary: Summary | None = None) -> Iterator[Good | Bad]:
    """JSON Lines, streamed line by line; or, when the input is one JSON object with a "messages"
    list, a Telegram Desktop export (read whole, as it is one JSON document)."""
    first = stream.readline()
    if first.startswith("\ufeff"):
        first = first[1:]
    head = first.lstrip()
    if head.startswith("{") and (head.rstrip() == "{" or '"messages"' in head):
        whole = first + stream.read()
        export = _as_export(whole)
        if export is not None:
            if summary is not None:
                summary.source = "telegram export"
            yield from parse_telegram_export(export)
            return
        lines: Iterator[str] = iter(io.StringIO(whole))  # \n only: str.splitlines would split on U+2028
    else:
        lines = iter([first]) if first else iter(())
        lines = _chain(lines, stream)
    for number, line in enumerate(lines, 1):
        yield parse_jsonl_line(line, number)


def _chain(first: Iterator[str], rest: TextIO) -> Iterator[str]:
    yield from first
    yield from rest


# ---------------------------------------------------------------- writing


def verdict_json(msg_id: Any, verdict: Verdict) -> dict[str, Any]:
    """The contract fields, then ``reasons``: analyser, flag, reason and spans (offsets, never text)."""
    reasons = []
    for f in verdict.findings:
        reason: dict[str, Any] = {
            "analyser": f.analyser,
            "flag": f.flag.value if f.flag is not None else None,
            "reason": f.reason,
            "spans": [[s.start, s.end] for s in f.spans],
        }
        if f.detail:
            reason["detail"] = dict(f.detail)
        reasons.append(reason)
    return {
        "id": msg_id,
        "language": verdict.language,
        "support_request": verdict.support_request,
        "category": verdict.category.value if verdict.category is not None else None,
        "urgency": verdict.urgency.value if verdict.urgency is not None else None,
        "flags": [f.value for f in verdict.flags],
        "reasons": reasons,
    }


# Line breaks for str.splitlines() that JSON leaves unescaped: escaped, so one verdict stays one line.
_SPLITLINES_BREAKS = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def _dumps(obj: dict[str, Any]) -> str:
    line = json.dumps(obj, ensure_ascii=False)
    if not line.isascii():
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate in an id: escape it rather than fail
            return json.dumps(obj)
        for raw, escaped in _SPLITLINES_BREAKS:
            if raw in line:
                line = line.replace(raw, escaped)
    return line


def analyse_stream(pipeline: Pipeline, stream: TextIO, out: TextIO, on_progress=None) -> Summary:
    """Analyse every record of ``stream`` and write one JSON line per record to ``out``, in order."""
    summary = Summary()
    t0 = time.perf_counter()
    write = out.write
    for record in read_records(stream, summary):
        if isinstance(record, Bad):
            summary.errors += 1
            write(_dumps({"id": record.id, "line": record.line, "error": record.error}) + "\n")
        else:
            try:
                verdict = pipeline.analyse(record.message)
            except Exception as exc:  # never lose the rest of the input to one message
                summary.errors += 1
                write(_dumps({"id": record.id, "line": record.line,
                              "error": f"analysis failed: {type(exc).__name__}"}) + "\n")
                continue
            summary.analysed += 1
            if verdict.support_request:
                summary.requests += 1
                summary.categories[verdict.category.value if verdict.category else "?"] += 1
                summary.urgencies[verdict.urgency.value if verdict.urgency else "?"] += 1
            for flag in verdict.flags:
                summary.flags[flag.value] += 1
            summary.languages[verdict.language or "null"] += 1
            write(_dumps(verdict_json(record.id, verdict)) + "\n")
        if on_progress is not None:
            on_progress()
    summary.seconds = time.perf_counter() - t0
    return summary


def print_summary(summary: Summary, err: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    total = summary.analysed + summary.errors
    rate = total / summary.seconds if summary.seconds > 0 else 0.0
    table = Table(title=f"beacon analyze: {total} messages ({summary.source}), {summary.seconds:.2f} s, "
                        f"{rate:,.0f}/s", title_justify="left", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_column("breakdown")

    def top(counter: Counter[str], n: int = 8) -> str:
        return ", ".join(f"{k} {v}" for k, v in counter.most_common(n))

    table.add_row("analysed", str(summary.analysed), "")
    table.add_row("errors", str(summary.errors), "")
    table.add_row("support requests", str(summary.requests), top(summary.categories))
    table.add_row("urgency", "", top(summary.urgencies))
    table.add_row("flagged", str(sum(summary.flags.values())), top(summary.flags))
    table.add_row("languages", str(len(summary.languages)), top(summary.languages))
    Console(file=err, width=110).print(table)


# ---------------------------------------------------------------- command


def _open_input(path: Path | None) -> TextIO | None:
    if path is None or str(path) == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline=None)
    try:
        return open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return None


def _progress():
    """A live message counter on stderr, only when a person is watching it (a terminal)."""
    if not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(SpinnerColumn(), TextColumn("{task.completed} messages"), TimeElapsedColumn(),
                        transient=True, console=Console(file=sys.stderr))
    task = progress.add_task("analyse", total=None)
    count = 0

    def tick() -> None:
        nonlocal count
        count += 1
        if count % 200 == 0:
            progress.update(task, completed=count)

    return progress, tick


def run_analyze(path: Path | None, config: Path | None) -> int:
    """The whole command; returns the exit status (0 all analysed, 1 unreadable input, 2 config
    error, 3 some lines could not be analysed)."""
    from beacon.config import ConfigError, load_settings

    try:
        settings = load_settings(config)
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_CONFIG
    stream = _open_input(path)
    if stream is None:
        return EXIT_INPUT

    from beacon.analysis.pipeline import build_pipeline

    pipeline = build_pipeline(settings)
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", line_buffering=False)
    progress, tick = _progress()
    if progress is not None:
        progress.start()
    try:
        summary = analyse_stream(pipeline, stream, out, tick)
    finally:
        if progress is not None:
            progress.stop()
        out.flush()
        out.detach()  # leave sys.stdout usable (and open) for whoever runs us
        if path is None or str(path) == "-":
            stream.detach()
        else:
            stream.close()
    print_summary(summary, sys.stderr)
    return EXIT_BAD_LINES if summary.errors else 0


_HELP = ("Analyse messages: one verdict (language, support request, category, urgency, flags, reasons) per "
         "input line on stdout; progress and a summary on stderr. Exit 3 if any line could not be analysed.")
_PATH_HELP = "JSON Lines file or Telegram Desktop export (result.json). Default: stdin."
_CONFIG_HELP = "Config file (TOML). Default: $BEACON_CONFIG."


def register(app: typer.Typer) -> None:
    """Add ``analyze`` to the ``beacon`` command line."""
    import typer

    def analyze(
        path: Optional[Path] = typer.Argument(None, help=_PATH_HELP, show_default=False),
        config: Optional[Path] = typer.Option(None, "--config", "-c", help=_CONFIG_HELP, show_default=False),
    ) -> None:
        code = run_analyze(path, config)
        if code:
            raise typer.Exit(code)

    analyze.__doc__ = _HELP
    app.command("analyze")(analyze)


def main(argv: list[str] | None = None) -> int:
    """``python -m beacon.cli_analyze``: the same command, without loading the rest of the CLI
    (argparse: typer's import alone is a noticeable part of a short run's time)."""
    import argparse

    parser = argparse.ArgumentParser(prog="beacon analyze", description=_HELP)
    parser.add_argument("path", nargs="?", type=Path, help=_PATH_HELP)
    parser.add_argument("--config", "-c", type=Path, help=_CONFIG_HELP)
    args = parser.parse_args(argv)
    return run_analyze(args.path, args.config)


if __name__ == "__main__":
    sys.exit(main())
