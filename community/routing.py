"""Routing (pure): which team takes a ticket, where its card goes, who is assigned, who is paged."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from beacon.config import Role, Settings, StaffMember
from beacon.events import ChatKind, ChatRef
from beacon.verdict import Category, Urgency
from community.config import BusinessHours, TeamChat, TeamConfig

URGENCY_RANK = {Urgency.critical.value: 0, Urgency.high.value: 1, Urgency.normal.value: 2, Urgency.low.value: 3}


@dataclass(frozen=True)
class Route:
    """Where a ticket goes: a team (None: the fallback staff chat) and the staff chat for its card."""

    team: TeamConfig | None
    chat: ChatRef | None

    @property
    def team_name(self) -> str | None:
        return self.team.name if self.team else None

    @property
    def hours(self) -> BusinessHours:
        return self.team.business_hours if self.team else BusinessHours(hours="24/7")

    @property
    def staff_language(self) -> str:
        return self.team.language if self.team else "en"


def choose_team(teams: Sequence[TeamConfig], category: str, language: str | None) -> TeamConfig | None:
    """By category first, then language: a team for this category speaking the language, else one for
    this category with no language restriction, else any team for the category, else a catch-all team."""
    def handles(team: TeamConfig) -> bool:
        return not team.categories or any(c.value == category for c in team.categories)

    def speaks(team: TeamConfig) -> bool:
        return language is not None and language in team.languages

    specific = [t for t in teams if t.categories and handles(t)]
    catch_all = [t for t in teams if not t.categories]
    for pool in (specific, catch_all):
        for test in (speaks, lambda t: not t.languages, lambda t: True):
            for team in pool:
                if test(team):
                    return team
    return None


def fallback_chats(settings: Settings) -> list[TeamChat]:
    """Staff chats when no team applies: ``support.fallback_chats``, else each platform's moderators chat."""
    if settings.support.fallback_chats:
        return list(settings.support.fallback_chats)
    chats: list[TeamChat] = []
    for name in type(settings).model_fields:
        section = getattr(settings, name)
        for attr in ("moderators_chat_id", "moderators_channel_id"):
            value = getattr(section, attr, None)
            if value is not None:
                chats.append(TeamChat(platform=name, chat_id=str(value)))
    return chats


def pick_chat(chats: Sequence[TeamChat], platform: str) -> ChatRef | None:
    """The staff chat on the member's platform if there is one, else the first configured."""
    if not chats:
        return None
    chosen = next((c for c in chats if c.platform == platform), chats[0])
    return ChatRef(platform=chosen.platform, chat_id=chosen.chat_id, kind=ChatKind.group, thread_id=chosen.thread_id)


def route(settings: Settings, category: str, language: str | None, platform: str) -> Route:
    team = choose_team(settings.support.teams, category, language)
    chat = pick_chat(team.chats, platform) if team and team.chats else None
    return Route(team=team, chat=chat or pick_chat(fallback_chats(settings), platform))


def security_route(settings: Settings, platform: str) -> Route:
    """Who is paged for critical tickets: teams marked ``security``, else the account_security team."""
    team = next((t for t in settings.support.teams if t.security), None)
    team = team or choose_team(settings.support.teams, Category.account_security.value, None)
    chat = pick_chat(team.chats, platform) if team and team.chats else None
    return Route(team=team, chat=chat or pick_chat(fallback_chats(settings), platform))


def team_agents(settings: Settings, team: TeamConfig | None) -> list[StaffMember]:
    """The team's members who may act as agents (no team: every staff member with the agent role)."""
    agents = [s for s in settings.staff if s.has_role(Role.agent)]
    if team is None:
        return []
    wanted = [m.lstrip("@").lower() for m in team.members]
    chosen = []
    for handle in wanted:
        member = next((s for s in agents if s.username.lower() == handle or s.user_id == handle), None)
        if member is not None and member not in chosen:
            chosen.append(member)
    return chosen


def handle_of(member: StaffMember) -> str:
    return member.username or member.user_id


def next_assignee(agents: Sequence[StaffMember], last: str | None) -> StaffMember | None:
    """Round-robin: the agent after the one who got the previous ticket."""
    if not agents:
        return None
    handles = [handle_of(a) for a in agents]
    if last in handles:
        return agents[(handles.index(last) + 1) % len(agents)]
    return agents[0]


def lead_of(settings: Settings, team: TeamConfig | None) -> StaffMember | None:
    if team is None or not team.lead:
        return None
    return settings.staff_by_handle(team.lead)


def mentions(members: Sequence[StaffMember]) -> str:
    return " ".join(f"@{m.username}" for m in members if m.username)
