"""/link's tables and queries on PostgreSQL (the console journey, in a schema of its own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from announcements import service as announcements
from beacon.storage import db
from tests.desk.conftest import started
from tests.linking.conftest import code_in, link_settings

pytestmark = pytest.mark.services


async def test_link_journey_on_postgres(postgres_url: str, unique_name: str, tmp_path: Path) -> None:
    url = f"{postgres_url}?schema={unique_name}"
    await db.upgrade(url)
    try:
        async with started(link_settings(tmp_path, url)) as c:
            await c.say("dm @ann: my withdrawal of 300 USDT has been stuck for 5 hours, please help",
                        "dm @ann: /subscribe maintenance", "dm @annie: /subscribe maintenance")
            code = code_in(await c.say("dm @ann: /link"))
            assert "Attempts left: 4" in await c.say("dm @annie: /link ZZZZ-ZZZZ")
            assert "now linked with Console @ann" in await c.say(f"dm @annie: /link {code}")
            assert "#1 · Deposits & withdrawals" in await c.say("dm @annie: /status")
            async with c.beacon.sessions() as session:
                assert [u for _, u, _ in await announcements.subscribers_for(session, "maintenance")] == ["annie"]
            assert "no longer linked" in await c.say("dm @annie: /unlink")
        await db.downgrade(url, "0007_x_cursor")  # /link's revision goes down cleanly
    finally:
        await db.drop_schema(postgres_url, unique_name)
