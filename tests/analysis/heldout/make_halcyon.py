"""Writes the Halcyon held-out corpus (halcyon.jsonl) and its deterministic tune/blind halves."""
# Labels follow /work/shared/DESIGN.md ("beacon analyze"). Written by hand, not from the analysers:
# support_request None = not scored (ambiguous, or a secret pasted with no request);
# "allow" = a second flag that is defensible but not required.
import itertools
import json
import pathlib

HERE = pathlib.Path(__file__).parent
ROWS = []
NAMES = {
    "en": ["Jake R", "sarah_k", "Mike", "Olu", "Dan Whitfield", "cryptoqueen", "Ben", "Priyanka S", "Tom H",
           "lena", "Marcus", "ghost", "J", "Emma W", "Raj"],
    "es": ["Lucía", "Carlos M", "Andrés", "Vale", "Diego R"], "pt": ["Rafael", "Juliana", "Bruno S", "Camila"],
    "ru": ["Дмитрий", "Алёна", "Sergey K", "Ivan"], "uk": ["Олена", "Тарас", "Andrii"],
    "tr": ["Emre", "Zeynep", "Burak Y"], "vi": ["Minh", "Hương", "Tuấn Anh"], "id": ["Budi", "Sari", "Rizky"],
    "th": ["Somchai", "Nok", "Ploy"], "ko": ["민준", "지은", "Kim S"], "ja": ["たけし", "Yuki", "さくら"],
    "zh": ["小王", "李明", "Chen", "阿强"], "ar": ["أحمد", "Omar", "فاطمة"], "fa": ["علی", "Sara", "مهدی"],
    "hi": ["Rahul", "प्रिया", "Amit"], "fr": ["Julien", "Camille", "Mehdi"], "de": ["Jonas", "Lena K", "Stefan"],
    "it": ["Marco", "Giulia", "Luca"], "pl": ["Kuba", "Ania", "Piotr"], "nl": ["Daan", "Sanne", "Bram"],
    "tl": ["Jun", "Mae", "Paolo"], "ms": ["Aiman", "Nurul"], "ro": ["Andrei", "Ioana"], "bn": ["Rafiq", "Nusrat"],
    "ur": ["Bilal", "Ayesha"], "sw": ["Juma", "Amina"], None: ["anon", "x", "user"],
}
_cycle = {k: itertools.cycle(v) for k, v in NAMES.items()}
_uid = itertools.count(70001)


def add(lang, sr, cat, urg, text, flags=(), allow=(), *, chat=None, platform="telegram", name=None,
        username=None, uid=None, bot=False, pool=None):
    n = next(_uid)
    name = name or next(_cycle[pool if pool is not None else lang])
    ROWS.append({
        "id": f"h{len(ROWS) + 1:03d}", "platform": platform,
        "chat": chat or (f"halcyon_{lang}" if platform == "telegram" else "halcyon" if platform == "discord"
                         else "mentions"),
        "author": {"id": uid or (str(900000000000000000 + n) if platform == "discord" else str(n)),
                   "name": name, "username": username if username is not None else f"u{n}"},
        "text": text, "mentions_bot": bot,
        "expect": {"language": lang, "support_request": sr, "category": cat, "urgency": urg,
                   "flags": list(flags), "allow": list(allow)},
    })


def S(lang, cat, urg, text, flags=(), **kw):
    """A support request."""
    add(lang, True, cat, urg, text, flags, **kw)


def N(lang, text, flags=(), allow=(), sr=False, **kw):
    """Anything that is not a support request (sr=None: not scored)."""
    add(lang, sr, None, None, text, flags, allow, **kw)


SPAM_S = dict(flags=["spam"], allow=["scam"])       # promotion that may also be a scam
SCAM_S = dict(flags=["scam"], allow=["spam"])       # a scam that is also unsolicited promotion
PHISH = dict(flags=["phishing"], allow=["scam", "spam"])

from rows_halcyon import build  # noqa: E402  (the rows live in their own module)
from rows_halcyon2 import build as build2  # noqa: E402

build(S, N, SPAM_S, SCAM_S, PHISH)
FIRST = len(ROWS)
build2(S, N, SPAM_S, SCAM_S, PHISH)  # tune2: written after round 1, all of it tunes


def main():
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS]
    first, second = lines[:FIRST], lines[FIRST:]
    (HERE / "halcyon.jsonl").write_text("".join(first), encoding="utf-8")
    (HERE / "halcyon-tune.jsonl").write_text("".join(first[1::2]), encoding="utf-8")   # every 2nd message
    (HERE / "halcyon-blind.jsonl").write_text("".join(first[0::2]), encoding="utf-8")
    (HERE / "halcyon-tune2.jsonl").write_text("".join(second), encoding="utf-8")
    print(len(first), "messages +", len(second), "in tune2")


if __name__ == "__main__":
    main()
