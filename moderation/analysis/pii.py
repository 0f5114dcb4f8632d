"""The `pii` flag: e-mail addresses and phone numbers, in any script."""

from __future__ import annotations

import re

import phonenumbers

from beacon.verdict import AnalysisInput, Finding, Flag, Span
from moderation.analysis.features import FeatureCache

_EMAIL_RE = re.compile(
    r"(?<![\w.+\-])[\w+\-](?:[\w.+\-]{0,62}[\w+\-])?@[^\W_](?:[\w\-]{0,62})(?:\.[\w\-]{1,63})*\.[^\W\d_]{2,24}(?![\w\-])"
)
# Image names like "logo@2x.png" are not addresses.
_NOT_EMAIL_TLDS = frozenset({"png", "jpg", "jpeg", "gif", "webp", "svg"})
_PLUS_DIGIT_RE = re.compile(r"\+\s?\d")
# Words that say the digits nearby are a phone number (when there is no leading '+').
_PHONE_CONTEXT_RE = re.compile(
    r"phone|tel\b|tel:|mobile|cell|call me|whats\s?app|viber|wechat|телефон|номер|позвон|звон|моб"
    r"|电话|手机|联系方式|微信|teléfono|telefono|número|numero|celular|móvil|movil|telefone|zap"
    r"|telefon|numara|số điện thoại|sđt|sdt|điện thoại|전화|휴대폰|핸드폰|번호|電話|携帯|番号|téléphone"
    r"|numéro|portable|handy|nummer|nomor|telepon|\bhp\b|\bwa\b|هاتف|رقم|جوال|موبایل|شماره|تلفن"
    r"|फोन|नंबर|मोबाइल|เบอร์|โทร|komórk|numer|cellulare|mobiel|telefoon",
    re.IGNORECASE,
)
_SCRIPT_REGIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"[\u3040-\u30ff]"), ("JP",)),
    (re.compile(r"[\uac00-\ud7af]"), ("KR",)),
    (re.compile(r"[\u4e00-\u9fff]"), ("CN", "TW", "HK")),
    (re.compile(r"[\u0400-\u04ff]"), ("RU", "UA", "KZ", "BY")),
    (re.compile(r"[\u0600-\u06ff]"), ("SA", "AE", "EG", "IR")),
    (re.compile(r"[\u0e00-\u0e7f]"), ("TH",)),
    (re.compile(r"[\u0900-\u097f]"), ("IN",)),
    (re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE), ("VN",)),
)
_LATIN_REGIONS = ("US", "GB", "IN", "NG", "BR", "ES", "MX", "DE", "FR", "IT", "NL", "PL", "TR", "ID", "PH", "VN")


class PiiAnalyser:
    """Flags e-mail addresses and phone numbers. Spans only: the reason never repeats them."""

    name = "pii"

    def __init__(self, cache: FeatureCache) -> None:
        self._cache = cache

    def analyse(self, message: AnalysisInput) -> list[Finding]:
        text = message.text
        findings: list[Finding] = []
        if "@" in text:
            spans = [
                Span(start=m.start(), end=m.end())
                for m in _EMAIL_RE.finditer(text)
                if m.group().rsplit(".", 1)[-1].lower() not in _NOT_EMAIL_TLDS
            ]
            if spans:
                findings.append(Finding(analyser=self.name, reason="an e-mail address was posted",
                                        flag=Flag.pii, spans=tuple(spans), detail={"kind": "email"}))
        f = self._cache.get(message)
        if f.digit_count >= 7:
            spans = self._phones(text)
            if spans:
                findings.append(Finding(analyser=self.name, reason="a phone number was posted",
                                        flag=Flag.pii, spans=tuple(spans), detail={"kind": "phone"}))
        return findings

    def _phones(self, text: str) -> list[Span]:
        found: dict[tuple[int, int], Span] = {}
        # phonenumbers' matcher is slow on huge inputs; phones live in ordinary-length messages.
        sample = text[:4000]
        if _PLUS_DIGIT_RE.search(sample):
            for match in phonenumbers.PhoneNumberMatcher(sample, None, leniency=phonenumbers.Leniency.VALID):
                found[(match.start, match.end)] = Span(start=match.start, end=match.end)
        if _PHONE_CONTEXT_RE.search(sample):
            regions: tuple[str, ...] = ()
            for script, script_regions in _SCRIPT_REGIONS:
                if script.search(sample):
                    regions += script_regions
            for region in regions + _LATIN_REGIONS:
                for match in phonenumbers.PhoneNumberMatcher(sample, region, leniency=phonenumbers.Leniency.VALID):
                    if not any(s <= match.start < e for s, e in found):
                        found[(match.start, match.end)] = Span(start=match.start, end=match.end)
                if found:
                    break
        return list(found.values())
