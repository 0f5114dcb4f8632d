"""The analysis part of a config file (brand, staff, analysis), read without pydantic for ``beacon analyze``.

``beacon analyze`` only needs the brand, the staff and the analysis options. When the config file holds
nothing else and no ``BEACON_*`` variable may override a setting, those sections are read here, with the
same rules as ``beacon.analysis.sections`` (the pydantic models ``beacon.config.Settings`` validates with),
into plain objects with the same fields and values: importing pydantic and building the full
``Settings`` costs a third of a second, more than analysing thousands of messages. Anything unusual in
those sections (a type a model would have to convert, an unknown key, a missing one) returns None and
the full loader decides, so every config error is worded exactly as everywhere else.
(tests/analysis/test_quick_settings.py keeps both readings in step.)
"""

from __future__ import annotations

import os
import tomllib
from enum import Enum
from typing import Any, NamedTuple


class Role(str, Enum):
    agent = "agent"
    moderator = "moderator"
    manager = "manager"


ALL_ROLES = frozenset(Role)
LANGUAGE_DETECTORS = ("fasttext", "langdetect")

_ANALYSIS_SECTIONS = frozenset({"brand", "staff", "analysis"})
# BEACON_* environment variables that are not settings (any other one may override a setting, so its
# presence sends the config through the full loader).
_NOT_SETTINGS = frozenset({"beacon_config", "beacon_config_dir", "beacon_actor", "beacon_services",
                           "beacon_require_services"})


# NamedTuples, not dataclasses: importing dataclasses (and inspect) is start-up time too. Every field is
# given by the reader below, which applies the models' defaults.
class Brand(NamedTuple):
    """``BrandConfig``'s fields."""

    name: str
    official_domains: list[str]
    bot_usernames: list[str]
    help_centre_url: str | None


class Staff(NamedTuple):
    """``StaffMember``'s fields."""

    platform: str
    user_id: str
    display_name: str
    username: str
    roles: frozenset[Role]
    alias: str | None
    staff_number: str | None

    def has_role(self, role: Role) -> bool:
        return role in self.roles


class AnalysisOptions(NamedTuple):
    """``AnalysisConfig``'s fields."""

    language_detector: str
    allowed_domains: list[str]
    brand_aliases: list[str]
    official_handles: list[str]
    staff_titles: list[str]
    shorteners: list[str]


class AnalysisSettings(NamedTuple):
    """The part of ``Settings`` analysis reads (``build_pipeline`` accepts either)."""

    brand: Brand
    staff: list[Staff]
    analysis: AnalysisOptions


class _Unusual(Exception):
    """Not a shape read here: the full loader decides."""


def _str(value: Any) -> str:
    if type(value) is not str:
        raise _Unusual
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _str_list(value: Any) -> list[str]:
    if type(value) is not list:
        raise _Unusual
    return [_str(v) for v in value]


def _table(value: Any, allowed: frozenset[str], required: frozenset[str] = frozenset()) -> dict[str, Any]:
    if type(value) is not dict or not allowed.issuperset(value) or not required.issubset(value):
        raise _Unusual
    return value


_BRAND_KEYS = frozenset({"name", "official_domains", "bot_usernames", "help_centre_url"})
_STAFF_KEYS = frozenset({"platform", "user_id", "display_name", "username", "roles", "alias", "staff_number"})
_ANALYSIS_KEYS = frozenset({"language_detector", "allowed_domains", "brand_aliases", "official_handles",
                            "staff_titles", "shorteners"})


def _brand(data: Any) -> Brand:
    t = _table(data, _BRAND_KEYS, frozenset({"name"}))
    domains = _str_list(t.get("official_domains", []))
    return Brand(
        name=_str(t["name"]),
        # BrandConfig's validator: trimmed, lowercase, no leading dot, blanks dropped.
        official_domains=[d.strip().lower().lstrip(".") for d in domains if d.strip()],
        bot_usernames=_str_list(t.get("bot_usernames", [])),
        help_centre_url=_opt_str(t.get("help_centre_url")),
    )


def _staff(data: Any) -> Staff:
    t = _table(data, _STAFF_KEYS, frozenset({"platform", "user_id"}))
    roles = ALL_ROLES
    if "roles" in t:
        try:
            roles = frozenset(Role(_str(r)) for r in _str_list(t["roles"]))
        except ValueError:
            raise _Unusual from None
    return Staff(
        platform=_str(t["platform"]),
        user_id=str(t["user_id"]),  # StaffMember's validator: any value, as text
        display_name=_str(t.get("display_name", "")),
        username=_str(t.get("username", "")),
        roles=roles,
        alias=_opt_str(t.get("alias")),
        staff_number=_opt_str(t.get("staff_number")),
    )


def _analysis(data: Any) -> AnalysisOptions:
    t = _table(data, _ANALYSIS_KEYS)
    detector = _str(t.get("language_detector", "fasttext"))
    if detector not in LANGUAGE_DETECTORS:
        raise _Unusual
    return AnalysisOptions(language_detector=detector, **{
        key: _str_list(t.get(key, [])) for key in _ANALYSIS_KEYS - {"language_detector"}
    })


def _overridden_by_environment() -> bool:
    for name in os.environ:
        low = name.lower()  # pydantic-settings matches names case-insensitively
        if low.startswith("beacon_") and low not in _NOT_SETTINGS and not low.startswith("beacon_test_"):
            return True
    return False


def quick_analysis_settings(path: str | os.PathLike[str] | None = None) -> AnalysisSettings | None:
    """The analysis settings of a config file that holds only brand, staff and analysis sections and
    is not overridden by the environment; None when the full loader must decide (another section, an
    override, no file, or anything unusual in the file: the full loader words the error)."""
    resolved = path or os.environ.get("BEACON_CONFIG")
    if not resolved or _overridden_by_environment():
        return None
    try:
        with open(resolved, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, ValueError):
        return None
    if not _ANALYSIS_SECTIONS.issuperset(data):
        return None
    try:
        staff = data.get("staff", [])
        if type(staff) is not list:
            raise _Unusual
        return AnalysisSettings(
            brand=_brand(data.get("brand")),
            staff=[_staff(s) for s in staff],
            analysis=_analysis(data.get("analysis", {})),
        )
    except _Unusual:
        return None
