"""The desk's tables and queries on PostgreSQL (the console journey, in a schema of its own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from beacon.storage import db
from tests.desk.conftest import deep_link_payload, desk_settings, message_id, started

pytestmark = pytest.mark.services


async def test_journey_on_postgres(postgres_url: str, unique_name: str, tmp_path: Path) -> None:
    url = f"{postgres_url}?schema={unique_name}"
    await db.upgrade(url)
    try:
        async with started(desk_settings(tmp_path, url, teams=True)) as c:
            out = await c.say("@ann: my USDT withdrawal is stuck for 3 hours, UID 55501234")
            opened = await c.say(f"dm @ann: /start {deep_link_payload(out)}")
            card = message_id(opened, "#payments")
            await c.say(f"#payments @sam > {card}: checking now", "dm @ann: thanks", "dm @ann: /status",
                        f"press @sam #payments {card} dk:res:1")
            [ticket] = await c.tickets()
            assert (ticket.team, ticket.status, ticket.assignee) == ("payments", "resolved", "sam")
            assert "Ticket #1 is resolved" in c.output and "55501234" not in ticket.summary
        await db.downgrade(url, "0002_dm_state")  # the desk's revision goes down cleanly too
    finally:
        await db.drop_schema(postgres_url, unique_name)
