"""Staff verification for members: is this account verified staff? By user id when known, else exact username."""

from __future__ import annotations

import re
from dataclasses import dataclass

from beacon.config import Settings, StaffMember

_COMMAND = re.compile(r"^/verify(?:@\w+)?(?:\s+(?P<arg>\S+))?\s*$", re.I | re.S)
_USERNAME = re.compile(r"^@?(?P<name>[A-Za-z0-9_.]{2,64})$")


@dataclass(frozen=True)
class Target:
    """The account asked about: an id when the platform gave one, else a username."""

    user_id: str | None = None
    username: str | None = None
    display_name: str | None = None


def is_verify_command(text: str) -> bool:
    return text.lstrip().lower().startswith("/verify")


def parse_command(text: str) -> Target | None:
    """``/verify @name`` (or ``/verify 12345`` for an id) → Target; None when no account is named."""
    m = _COMMAND.match(text.strip())
    if m is None or not m["arg"]:
        return None
    arg = m["arg"]
    if arg.isdigit():
        return Target(user_id=arg)
    u = _USERNAME.match(arg)
    return Target(username=u["name"]) if u else None


def find_staff(settings: Settings, platform: str, target: Target) -> tuple[StaffMember | None, str]:
    """The staff member the target is, and how it was checked ("user id" or "exact username")."""
    if target.user_id is not None:
        return settings.staff_for(platform, target.user_id), "user id"
    wanted = (target.username or "").lstrip("@").lower()
    for member in settings.staff:
        if member.platform == platform and member.username and member.username.lstrip("@").lower() == wanted:
            return member, "exact username"
    return None, "exact username"


USAGE = ("Send /verify @username, or forward me a message from the account, and I will tell you whether it "
         "is verified staff.")


def answer(settings: Settings, platform: str, target: Target | None, imitates: str | None) -> str:
    """The reply: verified or not, what was checked, and a warning when the name imitates staff."""
    if target is None:
        return USAGE
    brand = settings.brand.name
    staff, how = find_staff(settings, platform, target)
    if target.user_id is not None:
        subject = f"@{target.username}" if target.username else (target.display_name or "This account")
        checked = f"checked by user id {target.user_id}"
    else:
        subject = f"@{target.username}"
        checked = f"checked by {how} @{target.username}: compare it letter by letter"
    if staff is not None:
        title = staff.display_name or staff.username
        return f"✅ {subject} is verified {brand} staff ({title}); {checked}."
    text = f"❌ {subject} is NOT verified {brand} staff ({checked})."
    if imitates:
        text += f" Its name imitates verified staff member {imitates}: it is an impostor. Do not reply to it."
    return text + f" {brand} staff never ask for your seed phrase, password or 2FA codes, and never DM you first."
