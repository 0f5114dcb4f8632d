"""Per-goal floors on the Halcyon corpus (another brand, 26 languages, spam and chat from other communities)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beacon.analysis.pipeline import build_pipeline
from beacon.config import load_settings
from beacon.verdict import AnalysisInput

HERE = Path(__file__).parent / "heldout"
FLAGS = ("secret", "pii", "scam", "phishing", "impersonation", "spam")

# The level reached (tests/analysis/heldout/make_halcyon.py writes the files). Same metrics as
# ../shared/eval/score.py; a goal missing here is undefined on that file (no example of it).
# "blind" was never tuned on; "tune2" was written after round 1 (see make_halcyon.py).
FLOORS: dict[str, dict[str, float]] = {
    "halcyon-tune.jsonl": {
        "support.precision": 0.98, "support.recall": 1.00, "category.accuracy": 0.97,
        "critical.recall": 1.00, "critical.precision": 1.00, "language.accuracy": 0.96,
        "secret.recall": 1.00, "secret.precision": 1.00, "scam.recall": 1.00, "scam.precision": 1.00,
        "phishing.recall": 1.00, "phishing.precision": 1.00, "impersonation.recall": 1.00,
        "impersonation.precision": 1.00, "spam.recall": 1.00, "spam.precision": 1.00,
        "pii.recall": 1.00, "clean.not_flagged": 1.00,
    },
    "halcyon-blind.jsonl": {
        "support.precision": 0.95, "support.recall": 0.96, "category.accuracy": 0.93,
        "critical.recall": 0.84, "critical.precision": 0.88, "language.accuracy": 0.96,
        "secret.recall": 1.00, "secret.precision": 1.00, "scam.recall": 0.80, "scam.precision": 0.95,
        "phishing.recall": 1.00, "phishing.precision": 1.00, "impersonation.recall": 1.00,
        "impersonation.precision": 1.00, "spam.recall": 0.86, "spam.precision": 0.95,
        "pii.recall": 1.00, "clean.not_flagged": 0.99,
    },
    "halcyon-tune2.jsonl": {
        "support.precision": 0.97, "support.recall": 0.94, "category.accuracy": 0.94,
        "critical.recall": 0.94, "critical.precision": 0.94, "language.accuracy": 0.97,
        "scam.recall": 1.00, "scam.precision": 1.00, "spam.recall": 1.00, "spam.precision": 1.00,
        "clean.not_flagged": 1.00,
    },
}


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def metrics(rows: list[dict], out: list) -> dict[str, float | None]:
    """score.py's metrics, from labelled rows and the pipeline's verdicts."""
    pairs = [(r["expect"], v) for r, v in zip(rows, out)]
    flags = [{f.value for f in v.flags} for _, v in pairs]
    m: dict[str, float | None] = {}
    sup = [(e, v) for e, v in pairs if e["support_request"] is not None]
    tp = sum(1 for e, v in sup if e["support_request"] and v.support_request)
    m["support.precision"] = _ratio(tp, sum(1 for _, v in sup if v.support_request))
    m["support.recall"] = _ratio(tp, sum(1 for e, _ in sup if e["support_request"]))
    cats = [(e, v) for e, v in pairs if e["support_request"] and e["category"]]
    m["category.accuracy"] = _ratio(sum(1 for e, v in cats if v.category is not None
                                        and v.category.value == e["category"]), len(cats))
    crit = [v.urgency is not None and v.urgency.value == "critical" for _, v in pairs]
    want = [e["urgency"] == "critical" for e, _ in pairs]
    m["critical.recall"] = _ratio(sum(w and c for w, c in zip(want, crit)), sum(want))
    m["critical.precision"] = _ratio(sum(w and c for w, c in zip(want, crit)), sum(crit))
    langs = [(e, v) for e, v in pairs if e["language"]]
    m["language.accuracy"] = _ratio(sum(1 for e, v in langs if v.language == e["language"]), len(langs))
    for flag in FLAGS:
        wanted = [flag in e["flags"] for e, _ in pairs]
        said = [flag in got for got in flags]
        ok = [flag in e["flags"] or flag in e["allow"] for e, _ in pairs]
        m[f"{flag}.recall"] = _ratio(sum(w and s for w, s in zip(wanted, said)), sum(wanted))
        m[f"{flag}.precision"] = _ratio(sum(s and o for s, o in zip(said, ok)), sum(said))
    clean = [not got for (e, _), got in zip(pairs, flags) if not e["flags"] and not e["allow"]]
    m["clean.not_flagged"] = _ratio(sum(clean), len(clean))
    return m


@pytest.fixture(scope="module")
def halcyon_pipeline():
    return build_pipeline(load_settings(HERE / "halcyon-config.toml"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_halcyon_goals_stay_at_their_floor(halcyon_pipeline, name):
    rows = [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    out = halcyon_pipeline.analyse_many([
        AnalysisInput(text=r["text"], platform=r["platform"], chat=r["chat"], author_id=r["author"]["id"],
                      author_name=r["author"]["name"], author_username=r["author"]["username"],
                      mentions_bot=r["mentions_bot"])
        for r in rows
    ])
    got = metrics(rows, out)
    below = {goal: round(got[goal], 3) if got[goal] is not None else None
             for goal, floor in FLOORS[name].items() if got[goal] is None or got[goal] < floor - 1e-9}
    assert not below, f"{name}: goals below their floor {below}"
