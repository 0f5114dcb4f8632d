"""Top-3 hit rate of the knowledge-base search on the labelled question set (tests/desk/kb_questions.jsonl).

    python bench/kb_hit_rate.py [--kb examples/kb] [--questions tests/desk/kb_questions.jsonl] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def hit_rate(kb_dir: Path, questions: Path, k: int = 3) -> tuple[float, dict[str, tuple[int, int]], list[dict]]:
    from community.kb import KnowledgeBase

    kb = KnowledgeBase.load(kb_dir)
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for line in questions.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        found = [m.article_id for m in kb.search(item["q"], limit=k)]
        hit = item["article"] in found
        per_lang[item["lang"]][0] += hit
        per_lang[item["lang"]][1] += 1
        if not hit:
            misses.append({**item, "found": found})
    hits = sum(h for h, _ in per_lang.values())
    total = sum(n for _, n in per_lang.values())
    return hits / total, {lang: (h, n) for lang, (h, n) in per_lang.items()}, misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=ROOT / "examples" / "kb")
    parser.add_argument("--questions", type=Path, default=ROOT / "tests" / "desk" / "kb_questions.jsonl")
    parser.add_argument("--misses", action="store_true", help="print the questions that missed")
    args = parser.parse_args()
    rate, per_lang, misses = hit_rate(args.kb, args.questions)
    top1, _, _ = hit_rate(args.kb, args.questions, k=1)
    for lang, (h, n) in sorted(per_lang.items()):
        print(f"{lang}: {h}/{n} = {h / n:.2f}")
    print(f"top-3 hit rate: {rate:.3f} ({sum(h for h, _ in per_lang.values())}/{sum(n for _, n in per_lang.values())})")
    print(f"top-1 hit rate: {top1:.3f} (a stricter view: the sample KB has only 7 articles)")
    if args.misses:
        for miss in misses:
            print(json.dumps(miss, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
