"""The adapter inside the kernel's runner (what ``beacon run`` builds) and its process-wide endpoints."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from beacon.actions import SendDirect, SendMessage
from beacon.app import Beacon, configured_adapters
from beacon.config import Settings
from beacon.domain import Context, Effect
from beacon.events import ActionFailed, ChatKind, EventBase, MessagePosted
from beacon.verdict import Verdict
from bots.discord import DiscordAdapter
from bots.discord.endpoints import EndpointConflict, use_endpoints
from tests.discord.conftest import Community, discord_config
from tests.fakes.discord import FakeDiscord


def settings_for(fake: FakeDiscord, tmp_path: Path, community: Community) -> Settings:
    return Settings(brand={"name": "Acme", "bot_usernames": ["AcmeHelp"]},
                    database={"url": f"sqlite:///{tmp_path}/beacon.db"},
                    discord={"token": fake.token, "api_base": fake.api_base, "gateway_url": fake.gateway_url,
                             "moderators_channel_id": str(community.mods.id)})


async def test_configured_when_the_section_is_present(fake: FakeDiscord, community: Community, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path, community)
    adapters = configured_adapters(settings, None)
    assert [a.platform for a in adapters] == ["discord"]
    assert configured_adapters(settings, {"telegram"}) == []
    for adapter in adapters:
        assert isinstance(adapter, DiscordAdapter)
        assert adapter.capabilities.dm_first and adapter.capabilities.private_threads
        assert adapter.capabilities.max_message_length == 2000 and adapter.capabilities.max_buttons_per_message == 25
        await adapter.aclose()


async def test_round_trip_through_the_runner(fake: FakeDiscord, community: Community, tmp_path: Path) -> None:
    failures: list[ActionFailed] = []

    async def echo(event: EventBase, ctx: Context) -> Sequence[Effect]:
        """A stand-in domain handler: answer every guild message, and DM its author."""
        if isinstance(event, ActionFailed):
            failures.append(event)
        if not isinstance(event, MessagePosted) or event.chat.kind == ChatKind.private:
            return []
        return [SendMessage(key=f"{event.idempotency_key}/reply", platform="discord", chat=event.chat,
                            text="got it", reply_to_message_id=event.message_id),
                SendDirect(key=f"{event.idempotency_key}/dm", platform="discord", user=event.author, text="hi")]

    settings = settings_for(fake, tmp_path, community)
    app = await Beacon.build(settings, handlers=[echo], analyse=lambda message: Verdict())
    adapter = app.adapters[0]
    assert isinstance(adapter, DiscordAdapter)
    adapter.guild_ready_timeout = 0.05
    await app.start()
    try:
        await fake.wait_connected()
        ann = fake.add_member(community.guild, fake.add_user("ann"))
        bob = fake.add_member(community.guild, fake.add_user("bob", dms_open=False))
        question = fake.post(community.general, ann, "my withdrawal is stuck")
        fake.post(community.general, bob, "mine too")
        await fake.wait_for(lambda: len(fake.sent(community.general)) == 2, timeout=15)
        await fake.wait_for(lambda: failures, timeout=10)
        assert await app.idle(timeout_s=15)
    finally:
        await app.stop()
        await adapter.aclose()
    reply = fake.sent(community.general)[0]
    assert reply["content"] == "got it" and reply["message_reference"]["message_id"] == question["id"]
    assert [m["content"] for m in fake.sent(ann)] == ["hi"]
    assert failures[0].reason == "dm_closed" and failures[0].user is not None
    assert failures[0].user.user_id == str(bob.id)


async def test_endpoints_are_restored_and_conflicts_refused(fake: FakeDiscord, community: Community) -> None:
    library_base, library_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    adapter = DiscordAdapter(discord_config(fake))
    await adapter.ensure_ready()
    assert Route.BASE == fake.api_base and str(DiscordWebSocket.DEFAULT_GATEWAY) == fake.gateway_url
    with pytest.raises(EndpointConflict):
        use_endpoints("http://127.0.0.1:1/api/v10", "ws://127.0.0.1:1/gateway")
    await adapter.aclose()
    assert Route.BASE == library_base and DiscordWebSocket.DEFAULT_GATEWAY == library_gateway
