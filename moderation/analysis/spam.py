"""The `spam` flag: unsolicited promotion, scored from several independent signals."""

from __future__ import annotations

import re

from beacon.verdict import AnalysisInput, Finding, Flag
from moderation.analysis.brand import BrandProfile
from moderation.analysis.features import FeatureCache, MessageFeatures
from moderation.analysis.scam import genuine_warning

# Topic categories and how many distinct phrases of each may count (words common in ordinary
# crypto chat — "pump", "10x", "profit" — are capped low so talk about markets stays clean).
_TOPICS = {
    "spam.signals": 2, "spam.money": 2, "spam.job": 2, "spam.service": 3, "spam.gambling": 3,
    "spam.adult": 3, "spam.testimonial": 2, "scam.guarantee": 2,
}
_TRIGGERS = tuple(_TOPICS)
_PRIVATE_PUSH_TOPICS = ("spam.signals", "spam.money", "spam.job", "spam.gambling", "spam.adult", "scam.guarantee")
# "$300 a day", "300$ в день", "5000 per week", "1k/day". Matched on lowercased text, starting
# only where a number starts (the look-behind), so digits inside a number are not retried.
_MONEY_RATE_RE = re.compile(
    r"(?<![\d,.])\d[\d,.]*\s*(?:k|к|тыс\w*|万|千|jt|juta|rb|ribu)?\s*(?:\$|usd[tc]?|€|eur|руб\w*|₽|rs|₹|元|块|rp|₺|tl|zł|грн)?\s*"
    r"(?:(?:daily|weekly|monthly|ежедневно|в сутки)\b|(?:/|a|per|every|this|in a|in one|last|в|за|每|por|al|pro|par|mỗi|sehari"
    r"|kada|kila|pe)\s*"
    r"(?:day|week|month|hour|hr|hrs|h|день|неделю|сутки|месяц|час|天|日|周|月|día|dia|semana|mes|tag|woche|monat"
    r"|jour|semaine|mois|gün|hafta|ngày|tuần|hari|minggu|giorno|settimana|dag|dzień|tydzień|araw|siku|zi)\b)"
)
# "daily 1000 TL", "每天300", "ежедневно 5000": the rate before the amount.
_RATE_MONEY_RE = re.compile(
    r"(?:daily|weekly|günlük|haftalık|每天|每日|每周|ежедневно|в день от|mỗi ngày|setiap hari|täglich|"
    r"diario|diariamente|por día|por dia)\s*(?:from|от|de|ab)?\s*[$€£₽₺¥]?\s?\d"
)
_HANDLE_RE = re.compile(r"(?<![\w@.])@([A-Za-z][\w.]{3,31}[A-Za-z0-9_])")
_INVITE_RE = re.compile(r"t\.me/(?:\+|joinchat/)|chat\.whatsapp\.com/|discord\.gg/|discord\.com/invite/",
                        re.IGNORECASE)
THRESHOLD = 3.0


class SpamAnalyser:
    """Sums topic signals (signals/pump groups, gambling, easy money, jobs, paid services, adult)
    with promotion signals (calls to action, invite links, foreign channels, mass emoji).
    One keyword never flags on its own: precision matters as much as recall."""

    name = "spam"

    def __init__(self, cache: FeatureCache, brand: BrandProfile, messengers: frozenset[str]) -> None:
        self._cache = cache
        self._brand = brand
        self._messengers = messengers

    def analyse(self, message: AnalysisInput) -> list[Finding]:
        f = self._cache.get(message)
        hits = f.hits
        has_topic = hits.any(*_TRIGGERS)
        if not has_topic and ("t.me" not in f.lower and "discord" not in f.lower and "whatsapp" not in f.lower):
            return []
        if self._brand.is_staff(message.platform, message.author_id):
            return []
        topic = 0.0
        signals: list[str] = []
        for category, cap in _TOPICS.items():
            found = hits.get(category)
            if found:
                # Distinct phrases, and a phrase inside a longer one ("hiring" in "we are
                # hiring") is the same signal.
                outer = [h for h in found if not any(o.by_token == h.by_token and o.start <= h.start
                                                     and h.end <= o.end and o.end - o.start > h.end - h.start
                                                     for o in found)]
                distinct = len({f.hit_text(h) for h in outer})
                topic += min(cap, distinct)
                signals.append(category.split(".", 1)[1])
        rate = "gate.period" in hits and f.digit_count > 0 and (
            _MONEY_RATE_RE.search(f.lower) or _RATE_MONEY_RE.search(f.lower)
        )
        if rate:
            # "$300 a day" is both a topic (easy money) and a sales pitch.
            topic += 1
            signals.append("money per time")
        support, promo, push = self._promotion(f)
        if rate:
            support += 1.0
        score = topic + support
        # Spam always tells the reader where to go or what it costs: a call to action, a link, a
        # handle or a price. Without one, even several topic words are just conversation.
        promoted = push and topic >= 2 and score >= THRESHOLD
        saturated = push and topic >= 3 and len(signals) >= 2
        invite_push = promo and (f.emoji_count >= 3 or "spam.cta" in hits or topic >= 1)
        # "Earn from home, write me in DM": a topic and an invitation to a private chat is the
        # shape of most messenger spam (warnings about it excepted).
        # Services are excluded: "who sells a used bike? DM me" is a buyer, not an advert.
        private_push = (
            "scam.private" in hits and any(c in hits.found for c in _PRIVATE_PUSH_TOPICS)
            and not genuine_warning(f)
        )
        if not invite_push and "warn" in hits and genuine_warning(f):
            return []  # quoting spam to warn about it ("scammers write 'earn $500 a day'") is not spam
        if promoted or saturated or invite_push or private_push or topic >= 5:
            spans = [f.offsets.span(h) for c in _TOPICS for h in hits.get(c)[:1]]
            kinds = ", ".join(dict.fromkeys(signals)) or "channel promotion"
            return [Finding.of(analyser=self.name, flag=Flag.spam, score=round(score, 2),
                            reason=f"unsolicited promotion ({kinds})", spans=tuple(spans[:4]),
                            detail={"signals": kinds})]
        return []

    def _promotion(self, f: MessageFeatures) -> tuple[float, bool, bool]:
        """Score of promotion signals; whether it pushes a non-brand chat/channel; whether it
        tells the reader where to go (call to action, price, link, handle)."""
        hits = f.hits
        support = 0.0
        push = hits.any("spam.cta", "spam.price", "scam.private")
        if hits.any("spam.cta", "scam.private"):  # "DM me", "ib mình", "پیوی": a call to action too
            support += 1.0
        if "spam.price" in hits:
            support += min(1.0, 0.5 * len(hits.get("spam.price")))
        emoji = f.emoji_count
        if emoji >= 3:
            support += 1.0 if emoji < 6 else 2.0
        promo = False
        official = self._brand.handles
        for link in f.links:
            if self._brand.is_trusted_host(link.host):
                continue
            push = True
            if link.registrable in self._messengers:
                handle = link.path.strip("/").split("/")[0].lower()
                if handle and handle not in official:
                    promo = True
            else:
                support += 0.5
        if promo:
            support += 1.5
        if "@" in f.text and any(h.lower() not in official for h in _HANDLE_RE.findall(f.text)):
            push = True
            support += 0.5
        if _INVITE_RE.search(f.text):
            promo = True
            support += 0.5
        return support, promo, push
