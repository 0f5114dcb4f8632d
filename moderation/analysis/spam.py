"""The `spam` flag: unsolicited promotion, scored from several independent signals."""

from __future__ import annotations

import re

from beacon.verdict import AnalysisInput, Finding, Flag
from moderation.analysis.brand import BrandProfile
from moderation.analysis.features import FeatureCache, MessageFeatures

# Topic categories and how many distinct phrases of each may count (words common in ordinary
# crypto chat — "pump", "10x", "profit" — are capped low so talk about markets stays clean).
_TOPICS = {
    "spam.signals": 2, "spam.money": 2, "spam.job": 2, "spam.service": 3, "spam.gambling": 3,
    "spam.adult": 3, "spam.testimonial": 2, "scam.guarantee": 2,
}
_TRIGGERS = tuple(_TOPICS)
# "$300 a day", "300$ в день", "5000 per week", "1k/day".
_MONEY_RATE_RE = re.compile(
    r"\d[\d,.]*\s*(?:k|к|тыс\w*|万|千)?\s*(?:\$|usd[tc]?|€|eur|руб\w*|₽|rs|₹|元|块|rp|₺|tl|zł|грн)?\s*"
    r"(?:/|a|per|every|this|in a|in one|last|в|за|每|por|al|pro|par|mỗi|sehari|per)\s*"
    r"(?:day|week|month|hour|день|неделю|сутки|месяц|час|天|日|周|月|día|dia|semana|mes|tag|woche|monat"
    r"|jour|semaine|mois|gün|hafta|ngày|tuần|hari|minggu|giorno|settimana|dag|week|dzień|tydzień)\b",
    re.IGNORECASE,
)
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
                distinct = len({(h.start, h.end) for h in found})
                topic += min(cap, distinct)
                signals.append(category.split(".", 1)[1])
        support, promo = self._promotion(f)
        score = topic + support
        # Two topic phrases need promotion around them; three need a second topic or any push.
        promoted = topic >= 2 and support >= 1 and score >= THRESHOLD
        saturated = topic >= 3 and (len(signals) >= 2 or support > 0)
        invite_push = promo and (f.emoji_count >= 3 or "spam.cta" in hits or topic >= 1)
        if promoted or saturated or invite_push:
            spans = [f.offsets.span(h) for c in _TOPICS for h in hits.get(c)[:1]]
            kinds = ", ".join(signals) or "channel promotion"
            return [Finding(analyser=self.name, flag=Flag.spam, score=round(score, 2),
                            reason=f"unsolicited promotion ({kinds})", spans=tuple(spans[:4]),
                            detail={"signals": kinds})]
        return []

    def _promotion(self, f: MessageFeatures) -> tuple[float, bool]:
        """Score of promotion signals, and whether it pushes a non-brand chat/channel."""
        hits = f.hits
        support = 0.0
        if "spam.cta" in hits:
            support += 1.0
        if "spam.price" in hits:
            support += min(1.0, 0.5 * len(hits.get("spam.price")))
        emoji = f.emoji_count
        if emoji >= 3:
            support += 1.0 if emoji < 6 else 2.0
        if f.digit_count and _MONEY_RATE_RE.search(f.lower):
            support += 1.5
        promo = False
        official = self._brand.handles
        for link in f.links:
            if self._brand.is_trusted_host(link.host):
                continue
            if link.registrable in self._messengers:
                handle = link.path.strip("/").split("/")[0].lower()
                if handle and handle not in official:
                    promo = True
            else:
                support += 0.5
        if promo:
            support += 1.5
        if _INVITE_RE.search(f.text):
            promo = True
            support += 0.5
        return support, promo

