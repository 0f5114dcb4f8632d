"""The `impersonation` flag: authors whose names copy verified staff or present as the brand's staff."""

from __future__ import annotations

from beacon.verdict import AnalysisInput, Finding, Flag
from moderation.analysis.brand import BrandProfile


class ImpersonationAnalyser:
    """Looks at the author's display name and username only; verified staff (platform, id) never flag."""

    name = "impersonation"

    def __init__(self, brand: BrandProfile) -> None:
        self._brand = brand
        # Names repeat across messages: remember each author-name pair's outcome (bounded).
        self._seen: dict[tuple[str | None, str | None], Finding | None] = {}

    def analyse(self, message: AnalysisInput) -> list[Finding]:
        name, username = message.author_name, message.author_username
        if not name and not username:
            return []
        if self._brand.is_staff(message.platform, message.author_id):
            return []
        key = (name, username)
        if key in self._seen:
            hit = self._seen[key]
        else:
            hit = self._judge(name, username)
            if len(self._seen) >= 8192:
                self._seen.clear()
            self._seen[key] = hit
        return [hit] if hit is not None else []

    def _judge(self, name: str | None, username: str | None) -> Finding | None:
        brand = self._brand
        look = brand.imitated_staff(name, username)
        if look is not None:
            return Finding.of(
                analyser=self.name, flag=Flag.impersonation,
                reason=f"the author's name is confusable with verified staff member {look.label}",
                detail={"imitates": look.label, "kind": "staff_lookalike"},
            )
        bot = brand.imitated_bot(username, name)
        if bot is not None:
            return Finding.of(
                analyser=self.name, flag=Flag.impersonation,
                reason=f"the author's name is confusable with the brand's bot @{bot}",
                detail={"imitates": bot, "kind": "bot_lookalike"},
            )
        for value in (name, username):
            if value and brand.mentions_brand(value) and brand.has_title(value):
                return Finding.of(
                    analyser=self.name, flag=Flag.impersonation,
                    reason="the author's name presents them as the brand's staff, but they are not verified staff",
                    detail={"kind": "brand_title"},
                )
        return None
