"""Throughput of the six flag analysers alone: python -m moderation.analysis.bench [config.toml] [corpus.jsonl]

Feeds a mix of 90 % ordinary chat and 10 % flagged messages (from the labelled corpus given, or
built-in samples) through all six analysers in sequence, as the pipeline does, and prints
messages per second. Each batch is timed several times and the fastest run kept, so a busy
machine's interruptions do not count.
"""

from __future__ import annotations

import json
import random
import sys
import time

from beacon.config import AnalysisConfig, BrandConfig, Settings, load_settings
from beacon.verdict import AnalysisInput
from moderation.analysis import build_flag_analysers

_SAMPLES_ORDINARY = (
    "good morning everyone, coffee and charts time", "ETH gas is cheap today, finally moved my bags",
    "anyone going to the conference next week?", "lol that meme 😂😂😂", "大家晚上好，今天走势怎么看？",
    "Добрый вечер всем, рынок сегодня скучный", "¿Alguien más está comprando en esta caída?",
    "withdrawal pending for 3 hours, can someone check? UID 48213456", "오늘 거래량이 엄청 많네요",
    "Never share your seed phrase with anyone, even support.", "check the fee page at example.com/fees",
)
_SAMPLES_FLAGGED = (
    "Hi, support here, DM me and I'll fix your withdrawal", "my password is Tr0ub4dor&3",
    "🔥 Free signals channel, 10x calls daily 👉 t.me/moonshotcalls 🔥", "email me at someone@example.org",
)


def main(argv: list[str]) -> None:
    if argv:
        settings = load_settings(argv[0])
    else:
        settings = Settings(brand=BrandConfig(name="Example", official_domains=["example.com"]),
                            analysis=AnalysisConfig())
    ordinary, flagged = list(_SAMPLES_ORDINARY), list(_SAMPLES_FLAGGED)
    if len(argv) > 1:
        rows = [json.loads(line) for line in open(argv[1], encoding="utf-8") if line.strip()]
        ordinary = [r["text"] for r in rows if not r.get("expect", {}).get("flags")] or ordinary
        flagged = [r["text"] for r in rows if r.get("expect", {}).get("flags")] or flagged
    rng = random.Random(1)
    texts = [rng.choice(flagged) if rng.random() < 0.1 else rng.choice(ordinary) for _ in range(10_000)]
    messages = [AnalysisInput(text=t, author_id=str(i % 500), author_name=f"user{i % 500}",
                              author_username=f"u{i % 500}") for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    analysers = build_flag_analysers(settings)
    build = time.perf_counter() - t0
    total = 0.0
    for start in range(0, len(messages), 250):
        batch = messages[start:start + 250]
        best = float("inf")
        for _ in range(5):
            t = time.perf_counter()
            for m in batch:
                for a in analysers:
                    a.analyse(m)
            best = min(best, time.perf_counter() - t)
        total += best
    print(f"built in {build:.2f} s; {len(messages)} messages, six analysers: "
          f"{total / len(messages) * 1e6:.1f} µs/message, {len(messages) / total:,.0f} messages/s (one core)")


if __name__ == "__main__":
    main(sys.argv[1:])
