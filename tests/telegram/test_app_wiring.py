"""The adapter inside the kernel's runner (what ``beacon run`` builds): update → bus → handler → outbox → Telegram."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from beacon.actions import SendDirect, SendMessage
from beacon.app import Beacon
from beacon.config import Settings
from beacon.domain import Context, Effect
from beacon.events import ActionFailed, EventBase, MessagePosted
from beacon.verdict import Verdict
from tests.fakes.telegram import FakeTelegram
from tests.telegram.conftest import BOT_USERNAME


async def test_round_trip_through_the_runner(fake: FakeTelegram, tmp_path: Path) -> None:
    failures: list[ActionFailed] = []

    async def echo(event: EventBase, ctx: Context) -> Sequence[Effect]:
        """A stand-in domain handler: answer every group message, and DM its author."""
        if isinstance(event, ActionFailed):
            failures.append(event)
        if not isinstance(event, MessagePosted) or event.chat.kind == "private":
            return []
        link = ctx.deep_link("telegram", "case1")
        return [SendMessage(key=f"{event.idempotency_key}/reply", platform="telegram", chat=event.chat,
                            text=f"got it: {link}", reply_to_message_id=event.message_id),
                SendDirect(key=f"{event.idempotency_key}/dm", platform="telegram", user=event.author, text="hi")]

    settings = Settings(brand={"name": "Acme", "bot_usernames": [BOT_USERNAME]},
                        database={"url": f"sqlite:///{tmp_path}/beacon.db"},
                        telegram={"token": fake.token, "base_url": fake.base_url, "poll_timeout_s": 1})
    app = await Beacon.build(settings, handlers=[echo], analyse=lambda message: Verdict())
    await app.start()
    try:
        group = fake.create_group("Acme EN", owner=fake.add_user("Olga"))
        fake.add_bot(group, admin=True)
        ann = fake.add_user("Ann")  # never started the bot: the DM must fail as never_started
        question = fake.post(group, ann, "my withdrawal is stuck")
        await fake.wait_for(lambda: fake.sent(group), timeout=15)
        assert await app.idle(timeout_s=15)
        await fake.wait_for(lambda: failures, timeout=10)
    finally:
        await app.stop()
    reply = fake.sent(group)[0]
    assert reply.text == f"got it: https://t.me/{BOT_USERNAME}?start=case1"
    assert reply.reply_to == question["message_id"]
    assert failures[0].reason == "never_started" and failures[0].action_type == "send_direct"
    assert fake.pending_updates == 0  # a clean stop confirmed everything it had published
