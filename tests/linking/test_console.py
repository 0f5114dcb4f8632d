"""/link end to end on the console adapter: the whole bot (default handlers, real analysis)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from announcements import service as announcements
from community.linking import LinkCode, LinkFailure
from moderation.records import make_ref
from tests.desk.conftest import Community, started
from tests.linking.conftest import code_in, link_settings

REQUEST = "my withdrawal of 300 USDT has been stuck for 5 hours, please help"


def dm_lines(output: str, who: str) -> list[str]:
    return [line for line in output.split("bot → ")[1:] if line.startswith(f"dm @{who} ")]


async def test_link_then_the_ticket_follows_the_person_until_unlinked(console: Community) -> None:
    c = console
    opened = await c.say(f"dm @ann: {REQUEST}")
    assert "Ticket #1 is open" in opened

    issued = await c.say("dm @ann: /link")
    assert len(dm_lines(issued, "ann")) == 1 and "bot → #mods" not in issued  # claimed: the desk kept out
    code = code_in(issued)
    assert "/link " + code in issued and "never ask you for it" in issued

    linked = await c.say(f"dm @annie: /link {code.lower()}")
    [to_annie] = dm_lines(linked, "annie")
    [to_ann] = dm_lines(linked, "ann")
    assert "now linked with Console @ann" in to_annie
    assert "now linked with Console @annie" in to_ann and "/unlink" in to_ann

    # The ticket follows: the other account sees it, and what it writes joins the ticket.
    status = await c.say("dm @annie: /status")
    assert "#1 · Deposits & withdrawals" in status
    added = await c.say("dm @annie: the TxID is abc123")
    assert "bot → #mods" in added and "abc123" in added and "#1" in added
    [ticket] = await c.tickets()
    assert (ticket.platform, ticket.user_id) == ("console", "ann")

    listed = await c.say("dm @annie: /link status")
    assert "• Console @ann" in listed and "• Console @annie" in listed

    unlinked = await c.say("dm @annie: /unlink")
    assert "no longer linked with: Console @ann" in unlinked
    assert any("Console @annie is no longer linked" in line for line in dm_lines(unlinked, "ann"))
    after = await c.say("dm @annie: /status")
    assert "#1" not in after and "no open ticket" in after
    assert "not linked" in await c.say("dm @annie: /unlink")


async def test_wrong_expired_reused_own_and_malformed_codes(console: Community) -> None:
    c = console
    code = code_in(await c.say("dm @ann: /link"))
    assert "made by this account" in await c.say(f"dm @ann: /link {code}")
    assert "8 letters and digits" in await c.say("dm @bob: /link hello")  # malformed: not counted as a guess
    assert "not linked with any other" in await c.say("dm @bob: /link status")

    assert "now linked" in await c.say(f"dm @bob: /link {code}")
    assert "already used" in await c.say(f"dm @carl: /link {code}")
    assert "already linked" not in c.output

    expiring = code_in(await c.say("dm @dora: /link"))
    async with c.beacon.sessions() as session, session.begin():
        await session.execute(update(LinkCode.__table__).values(expires_at=LinkCode.__table__.c.created_at))
    assert "expired" in await c.say(f"dm @carl: /link {expiring}")

    first = code_in(await c.say("dm @dora: /link"))
    second = code_in(await c.say("dm @dora: /link"))  # a new code voids the previous one
    assert first != second
    assert "expired" in await c.say(f"dm @carl: /link {first}")
    assert "now linked with Console @dora" in await c.say(f"dm @carl: /link {second}")
    again = code_in(await c.say("dm @dora: /link"))
    assert "already linked" in await c.say(f"dm @carl: /link {again}")


async def test_guesses_are_limited_per_account(console: Community) -> None:
    c = console
    code = code_in(await c.say("dm @ann: /link"))
    wrong = "ZZZZ-ZZZZ" if code != "ZZZZZZZZ" else "YYYY-YYYY"
    for left in (4, 3, 2, 1, 0):
        assert f"Attempts left: {left}" in await c.say(f"dm @mallory: /link {wrong}")
    locked = await c.say(f"dm @mallory: /link {code}")  # even the right code: the account is locked
    assert "Too many wrong codes. Try again in" in locked and "now linked" not in locked
    assert "now linked" in await c.say(f"dm @bob: /link {code}")  # other accounts are not affected
    assert len(await c.rows(LinkFailure, LinkFailure.user_id == "mallory")) == 5


async def test_a_code_posted_in_public_is_voided_and_its_owner_told(console: Community) -> None:
    c = console
    code = code_in(await c.say("dm @ann: /link"))
    posted = await c.say(f"@ann: /link {code}")
    assert any("posted in a public chat" in line for line in dm_lines(posted, "ann"))
    assert "bot → #general" not in posted  # no public reply
    assert "expired" in await c.say(f"dm @bob: /link {code}")


async def test_codes_are_stored_only_as_digests(console: Community) -> None:
    c = console
    code = code_in(await c.say("dm @ann: /link"))
    [row] = await c.rows(LinkCode)
    assert code.replace("-", "") not in row.digest and len(row.digest) == 64


async def test_a_ban_follows_the_person(console: Community) -> None:
    c = console
    await c.say("admin #general", "admin #trading")
    code = code_in(await c.say("dm @eve: /link"))
    await c.say(f"dm @eve2: /link {code}")
    await c.say("@eve: claim your bonus at acme-rewards.xyz now")
    ref = make_ref("msg:console:general:1:0")
    banned = await c.say(f"press @mo #mods 1 mod:{ref}:ban")
    for who in ("eve", "eve2"):
        for chat in ("general", "trading"):
            assert f"bot banned @{who} in #{chat}" in banned


async def test_subscriptions_follow_the_person(tmp_path: Path) -> None:
    async with started(link_settings(tmp_path)) as c:
        await c.say("dm @ann: /subscribe maintenance", "dm @annie: /subscribe maintenance security",
                    "dm @bob: /subscribe maintenance")

        async def subscribers(kind: str) -> list[tuple[str, str, str]]:
            async with c.beacon.sessions() as session:
                return await announcements.subscribers_for(session, kind)

        assert {u for _, u, _ in await subscribers("maintenance")} == {"ann", "annie", "bob"}
        code = code_in(await c.say("dm @ann: /link"))
        await c.say(f"dm @annie: /link {code}")
        # One copy per person, on the account whose subscription changed last (annie's).
        assert {u for _, u, _ in await subscribers("maintenance")} == {"annie", "bob"}
        await c.say("dm @ann: /subscribe maintenance")
        assert {u for _, u, _ in await subscribers("maintenance")} == {"ann", "bob"}
        assert {u for _, u, _ in await subscribers("security")} == {"annie"}
        # /unsubscribe on one account stops every linked account.
        stopped = await c.say("dm @annie: /unsubscribe")
        assert len(dm_lines(stopped, "annie")) == 1
        assert {u for _, u, _ in await subscribers("maintenance")} == {"bob"}
        assert await subscribers("security") == []


async def test_link_can_be_switched_off(tmp_path: Path) -> None:
    async with started(link_settings(tmp_path, enabled=False)) as c:
        out = await c.say("dm @ann: /link")
        assert "not available" in out and "Your link code" not in out
