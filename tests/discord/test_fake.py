"""The fake answers like Discord where discord.py depends on it (raw HTTP and WebSocket, no discord.py)."""

from __future__ import annotations

import json
import zlib

import aiohttp

from tests.discord.conftest import TOKEN
from tests.fakes.discord import GUILD_MESSAGES, GUILDS, FakeDiscord, RateLimit

AUTH = {"Authorization": f"Bot {TOKEN}"}


async def test_json_content_type_limit_headers_and_429s() -> None:
    async with FakeDiscord(token=TOKEN, route_limit=RateLimit(2, 5.0)) as fake, aiohttp.ClientSession() as http:
        guild = fake.create_guild("G", owner=fake.add_user("olga"))
        channel = fake.create_channel(guild, "general")
        url = f"{fake.api_base}/channels/{channel.id}/messages"
        async with http.post(url, json={"content": "a"}, headers=AUTH) as ok:
            assert ok.status == 200 and ok.headers["Content-Type"] == "application/json"  # exactly, no charset
            assert ok.headers["X-RateLimit-Limit"] == "2" and ok.headers["X-RateLimit-Remaining"] == "1"
            assert float(ok.headers["X-RateLimit-Reset-After"]) > 0 and ok.headers["X-RateLimit-Bucket"]
        await http.post(url, json={"content": "b"}, headers=AUTH)
        async with http.post(url, json={"content": "c"}, headers=AUTH) as limited:
            assert limited.status == 429 and limited.headers["Via"] and limited.headers["Retry-After"]
            body = await limited.json()
            assert body["global"] is False and 0 < body["retry_after"] <= 5
            assert limited.headers["X-RateLimit-Scope"] == "user"
        async with http.get(f"{fake.api_base}/users/@me") as unauthorised:
            assert unauthorised.status == 401 and (await unauthorised.json())["code"] == 0
        assert [m["content"] for m in fake.sent(channel)] == ["a", "b"]


async def test_gateway_zlib_stream_frames_and_intents() -> None:
    async with FakeDiscord(token=TOKEN, heartbeat_interval_ms=1000) as fake, aiohttp.ClientSession() as http:
        guild = fake.create_guild("G", owner=fake.add_user("olga"))
        channel = fake.create_channel(guild, "general")
        ann = fake.add_member(guild, fake.add_user("ann"))
        inflate = zlib.decompressobj()
        async with http.ws_connect(f"{fake.gateway_url}?v=10&encoding=json&compress=zlib-stream") as ws:

            async def frame() -> dict:
                msg = await ws.receive(timeout=5)
                assert msg.type == aiohttp.WSMsgType.BINARY and msg.data.endswith(b"\x00\x00\xff\xff")  # sync flush
                return json.loads(inflate.decompress(msg.data))

            hello = await frame()
            assert hello["op"] == 10 and hello["d"]["heartbeat_interval"] == 1000
            await ws.send_json({"op": 1, "d": None})
            assert (await frame())["op"] == 11
            # No message-content intent: the text of others' messages arrives blank.
            await ws.send_json({"op": 2, "d": {"token": TOKEN, "intents": GUILDS | GUILD_MESSAGES, "properties": {}}})
            ready = await frame()
            assert ready["t"] == "READY" and ready["s"] == 1 and ready["d"]["resume_gateway_url"].startswith("ws://")
            created = await frame()
            assert created["t"] == "GUILD_CREATE" and {c["type"] for c in created["d"]["channels"]} == {0}
            fake.post(channel, ann, "secret text")
            message = await frame()
            assert message["t"] == "MESSAGE_CREATE" and message["d"]["content"] == "" and message["s"] == 3
            fake.add_member(guild, fake.add_user("bob"))  # no members intent: no GUILD_MEMBER_ADD
            fake.post(channel, ann, f"<@{fake.bot.id}> hello")  # a mention of the bot keeps its content
            mention = await frame()
            assert mention["t"] == "MESSAGE_CREATE" and mention["d"]["content"].endswith("hello")


async def test_identify_with_a_wrong_token_closes_4004() -> None:
    async with FakeDiscord(token=TOKEN) as fake, aiohttp.ClientSession() as http:
        async with http.ws_connect(f"{fake.gateway_url}?v=10&encoding=json") as ws:
            hello = await ws.receive_json(timeout=5)  # no compression asked: plain text frames
            assert hello["op"] == 10
            await ws.send_json({"op": 2, "d": {"token": "wrong", "intents": GUILDS, "properties": {}}})
            closing = await ws.receive(timeout=5)
            assert closing.type == aiohttp.WSMsgType.CLOSE and closing.data == 4004
