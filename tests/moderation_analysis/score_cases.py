"""Print per-flag precision/recall of the flag analysers on cases.py: python -m tests.moderation_analysis.score_cases"""

from __future__ import annotations

from moderation.analysis import build_flag_analysers
from tests.moderation_analysis import cases, cases_blind
from tests.moderation_analysis.conftest import nimbus_settings, run_flags

FLAGS = ("secret", "pii", "scam", "phishing", "impersonation", "spam")


def main() -> None:
    score("cases.py (brand Nimbus)", build_flag_analysers(nimbus_settings()), cases.ALL)
    score("cases_blind.py (brand Zephyr)", build_flag_analysers(cases_blind.zephyr_settings()), cases_blind.ALL)


def score(title, analysers, ALL) -> None:  # noqa: N803 - the case list
    tp = dict.fromkeys(FLAGS, 0)
    fp = dict.fromkeys(FLAGS, 0)
    fn = dict.fromkeys(FLAGS, 0)
    clean_ok = clean = 0
    for case in ALL:
        got, _ = run_flags(analysers, case.text, **case.author)
        for flag in FLAGS:
            if flag in case.flags:
                tp[flag] += flag in got
                fn[flag] += flag not in got
            elif flag in got and flag not in case.allow:
                fp[flag] += 1
        if not case.flags and not case.allow:
            clean += 1
            clean_ok += not got
    print(f"{title}: {len(ALL)} cases")
    for flag in FLAGS:
        p = tp[flag] / (tp[flag] + fp[flag]) if tp[flag] + fp[flag] else float("nan")
        r = tp[flag] / (tp[flag] + fn[flag]) if tp[flag] + fn[flag] else float("nan")
        print(f"{flag:14} precision {p:.2f}  recall {r:.2f}  (tp {tp[flag]}, fp {fp[flag]}, fn {fn[flag]})")
    print(f"clean not flagged {clean_ok}/{clean}\n")


if __name__ == "__main__":
    main()
