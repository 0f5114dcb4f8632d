"""Table of labelled messages (cases.py): every expected flag raised, nothing else but allowed extras."""

from __future__ import annotations

import pytest

from tests.moderation_analysis.cases import ALL, Case
from tests.moderation_analysis.conftest import run_flags


@pytest.mark.parametrize("case", ALL, ids=[f"{i:03d}-{'+'.join(sorted(c.flags)) or 'clean'}" for i, c in enumerate(ALL)])
def test_case(analysers, case: Case) -> None:
    got, findings = run_flags(analysers, case.text, **case.author)
    missing = case.flags - got
    extra = got - case.flags - case.allow
    assert not missing and not extra, f"missing={missing} extra={extra} reasons={[f.reason for f in findings]}"
