"""``beacon demo``: the whole bot on the console adapter, scriptable through stdin."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from beacon.config import Settings

BANNER = """Beacon demo: you play the community, the bot answers on lines starting with "bot".
  @alice: my withdrawal is stuck        post in #general      dm @alice: /start <payload>   DM the bot
  #vip @bob: hi                        post in #vip          press @alice #general 3 <data>  press a button
  join #general @eve "OKX Support"     a member joins        admin #general                  make the bot admin
Ctrl-D to quit."""


async def run_demo(settings: Settings, script: Path | None = None) -> None:
    from beacon.app import Beacon
    from bots.console import ConsoleAdapter

    source = open(script, encoding="utf-8") if script else sys.stdin  # noqa: SIM115 - closed below
    if source.isatty():
        print(BANNER, file=sys.stderr)
    bot_name = settings.brand.bot_usernames[0] if settings.brand.bot_usernames else "beacon_bot"
    console = ConsoleAdapter(bot_username=bot_name, source=source, sink=sys.stdout)
    beacon = await Beacon.build(settings, adapters=[console])
    await beacon.start()
    try:
        await console.input_done.wait()
        await beacon.idle()
    finally:
        await beacon.stop()
        if script:
            source.close()
