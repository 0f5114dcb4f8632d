"""The ``beacon`` command line (typer). Feature modules register their own sub-commands."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from beacon.config import ConfigError, Settings, load_settings, masked_dump

app = typer.Typer(
    name="beacon",
    help="Beacon: community monitoring and support bot for Telegram, Discord and X.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
config_app = typer.Typer(help="Configuration.", no_args_is_help=True)
bus_app = typer.Typer(help="Event bus inspection.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(config_app, name="config")
app.add_typer(bus_app, name="bus")

# Modules that add commands: each has ``register(app: typer.Typer) -> None``. Other features
# (tickets, flags, audit, announce, web) append themselves here.
COMMAND_MODULES = ("beacon.cli_analyze", "moderation.cli", "community.cli", "announcements.cli")

ConfigOption = Annotated[
    Optional[Path],
    typer.Option("--config", "-c", help="Config file (TOML). Default: $BEACON_CONFIG.", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]


def settings_or_exit(config: Path | None) -> Settings:
    """Load settings or print the one-line reason and exit 2."""
    try:
        return load_settings(config)
    except ConfigError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def setup_logs(settings: Settings) -> None:
    from beacon.logs import setup_logging

    secrets = [s.get_secret_value() for s in _secrets(settings)]
    setup_logging(settings.logging.level, settings.logging.json_lines, secrets)


def _secrets(settings: Settings):
    from pydantic import BaseModel, SecretStr

    def walk(value):
        if isinstance(value, SecretStr):
            yield value
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from walk(item)

    return list(walk(settings))


@app.command()
def run(
    config: ConfigOption = None,
    only: Annotated[
        Optional[str],
        typer.Option(help="Comma-separated subset: adapters by platform (telegram, discord, x) and/or 'workers'."),
    ] = None,
) -> None:
    """Run every configured adapter plus the workers (or a subset with --only)."""
    settings = settings_or_exit(config)
    setup_logs(settings)
    roles = {part.strip() for part in only.split(",") if part.strip()} if only else None
    known = {"workers", "telegram", "discord", "x"}
    if roles and not roles <= known:
        fail(f"--only accepts {', '.join(sorted(known))}; got {', '.join(sorted(roles - known))}", 2)

    async def main() -> None:
        from beacon.app import Beacon

        beacon = await Beacon.build(settings, only=roles)
        if not beacon.adapters and beacon.worker is None:
            fail("nothing to run: configure a platform section or include 'workers'", 2)
        await beacon.run_until_signalled()

    _run_async(main())


@app.command()
def demo(
    config: ConfigOption = None,
    script: Annotated[
        Optional[Path], typer.Argument(help="A file of console lines (default: stdin, or interactive).")
    ] = None,
    platforms: Annotated[
        Optional[str],
        typer.Option("--platforms", help="Play a scripted scene on these platforms (telegram,discord,x or all) "
                                         "against the local fakes in tests/fakes, print what each saw, and exit."),
    ] = None,
) -> None:
    """Play a community in the terminal (console adapter). Type `@alice: hello`, `dm @alice: help`…"""
    from beacon.demo import DemoUnavailable, parse_platforms, run_demo, run_platform_demo

    chosen_config = config or _default_demo_config(checkout=platforms is not None)
    settings = settings_or_exit(chosen_config)
    setup_logs(settings)
    if platforms is None:
        _run_async(run_demo(settings, script))
        return
    if script is not None:
        fail("--platforms plays its own scene: give no SCRIPT", 2)
    try:
        chosen = parse_platforms(platforms)
    except ValueError as exc:
        fail(str(exc), 2)
    try:
        _run_async(run_platform_demo(settings, chosen))
    except (DemoUnavailable, TimeoutError) as exc:
        fail(str(exc) or type(exc).__name__)


def _default_demo_config(*, checkout: bool = False) -> Path | None:
    """examples/demo.toml of the current folder; with ``checkout``, else the one of the checkout Beacon runs from
    (the platform demo only reads its brand, so it runs from any folder)."""
    import os

    if os.environ.get("BEACON_CONFIG"):
        return None
    candidates = [Path("examples/demo.toml")]
    if checkout:
        candidates.append(Path(__file__).resolve().parents[1] / "examples" / "demo.toml")
    return next((c for c in candidates if c.exists()), None)


@db_app.command("upgrade")
def db_upgrade(config: ConfigOption = None) -> None:
    """Migrate the database to the newest schema."""
    settings = settings_or_exit(config)
    from beacon.storage import db

    try:
        revision = asyncio.run(db.upgrade(settings.database.url))
    except Exception as exc:  # noqa: BLE001 - one clear line for any driver error
        fail(f"cannot upgrade {db.safe_url(settings.database.url)}: {_one_line(exc)}")
    typer.echo(f"database at revision {revision}")


@db_app.command("current")
def db_current(config: ConfigOption = None) -> None:
    """Print the database's schema revision."""
    settings = settings_or_exit(config)
    from beacon.storage import db

    try:
        revision = asyncio.run(db.current_revision(settings.database.url))
    except Exception as exc:  # noqa: BLE001
        fail(f"cannot read {db.safe_url(settings.database.url)}: {_one_line(exc)}")
    typer.echo(revision or "empty")


@config_app.command("check")
def config_check(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """Validate the config and print the effective values with secrets masked."""
    settings = settings_or_exit(config)
    dumped = masked_dump(settings)
    if as_json:
        typer.echo(json.dumps(dumped, ensure_ascii=False, default=str))
        return
    import tomli_w

    typer.echo(tomli_w.dumps(_drop_none(dumped)).rstrip())
    typer.echo("# config OK", err=True)


def _drop_none(value):
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


@bus_app.command("dead-letters")
def bus_dead_letters(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """List bus entries that could not be handled (undecodable or failed too often)."""
    settings = settings_or_exit(config)

    async def main():
        from beacon.bus import open_bus

        bus = open_bus(settings.bus.url, database_url=settings.database.url, prefix=settings.bus.prefix)
        await bus.start()
        try:
            return await bus.dead_letters()
        finally:
            await bus.close()

    letters = _run_async(main())
    for letter in letters:
        row = {"id": letter.id, "topic": letter.topic, "group": letter.group, "attempts": letter.attempts,
               "at": letter.at.isoformat(), "error": letter.error, "size": len(letter.payload)}
        typer.echo(json.dumps(row) if as_json else f"{row['id']}  {row['at']}  {row['topic']}/{row['group']}  "
                                                      f"attempts={row['attempts']}  {row['error']}")
    if not letters and not as_json:
        typer.echo("no dead letters", err=True)


async def in_transaction(settings: Settings, work):  # noqa: ANN001, ANN201
    """Run ``work(session)`` in one transaction on the configured database (for feature commands)."""
    from beacon.storage import db

    await db.ensure_schema(settings.database.url)
    engine = db.make_engine(settings.database.url)
    try:
        async with db.make_sessionmaker(engine)() as session, session.begin():
            return await work(session)
    finally:
        await engine.dispose()


def run_command(coro, *, user_errors: tuple[type[Exception], ...] = ()):  # noqa: ANN001, ANN201
    """``asyncio.run`` for a command: a database not migrated, an unreachable service or one of
    ``user_errors`` becomes one line on stderr and exit status 1."""
    from beacon.storage.db import SchemaNotReady

    try:
        return asyncio.run(coro)
    except (SchemaNotReady, *user_errors) as exc:
        fail(str(exc))
    except (OSError, ConnectionError) as exc:
        fail(f"{type(exc).__name__}: {exc}")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")


def _run_async(coro):
    try:
        return asyncio.run(coro)
    except KeyboardInterrupt:
        return None
    except (OSError, ConnectionError) as exc:
        fail(_one_line(exc))


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


_register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
