"""The blind set (cases_blind.py) for a second brand: must hold without brand-specific code."""

from __future__ import annotations

import pytest

from moderation.analysis import build_flag_analysers
from tests.moderation_analysis.cases import Case
from tests.moderation_analysis.cases_blind import ALL, zephyr_settings
from tests.moderation_analysis.conftest import run_flags


@pytest.fixture(scope="module")
def zephyr():
    return build_flag_analysers(zephyr_settings())


@pytest.mark.parametrize("case", ALL, ids=[f"{i:03d}-{'+'.join(sorted(c.flags)) or 'clean'}" for i, c in enumerate(ALL)])
def test_blind_case(zephyr, case: Case) -> None:
    got, findings = run_flags(zephyr, case.text, **case.author)
    missing = case.flags - got
    extra = got - case.flags - case.allow
    assert not missing and not extra, f"missing={missing} extra={extra} reasons={[f.reason for f in findings]}"
