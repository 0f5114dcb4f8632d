"""The `pii` flag: e-mail addresses and phone numbers, in any script."""

from __future__ import annotations

import re

from beacon.analysis.lazy_re import LazyPattern
from beacon.verdict import AnalysisInput, Finding, Flag, Span
from moderation.analysis.features import FeatureCache

# Patterns compiled on first use (beacon.analysis.lazy_re): most messages hold no '@' and few digits.
_EMAIL_RE = LazyPattern(
    r"(?<![\w.+\-/])[\w+\-](?:[\w.+\-]{0,62}[\w+\-])?@[^\W_](?:[\w\-]{0,62})(?:\.[\w\-]{1,63})*\.[^\W\d_]{2,24}(?![\w\-])"
)
# Image names like "logo@2x.png" are not addresses.
_NOT_EMAIL_TLDS = frozenset({"png", "jpg", "jpeg", "gif", "webp", "svg"})
# A run of digits with the separators phone numbers are written with.
_CANDIDATE_RE = LazyPattern(r"(?<![\w+])\+?\(?\d[\d\s().\-]{5,20}\d(?!\w)")
_DIGIT_RE = re.compile(r"\d")
# Words that say the digits nearby are a phone number (when there is no leading '+').
_PHONE_CONTEXT_RE = LazyPattern(
    r"phone|tel\b|tel:|mobile|cell|call me|whats\s?app|viber|wechat|телефон|номер|позвон|звон|моб"
    r"|电话|手机|联系方式|微信|teléfono|telefono|número|numero|celular|móvil|movil|telefone|zap"
    r"|telefon|numara|số điện thoại|sđt|sdt|điện thoại|전화|휴대폰|핸드폰|번호|電話|携帯|番号|téléphone"
    r"|numéro|portable|handy|nummer|nomor|telepon|\bhp\b|\bwa\b|هاتف|رقم|جوال|موبایل|شماره|تلفن"
    r"|फोन|नंबर|मोबाइल|เบอร์|โทร|komórk|numer|cellulare|mobiel|telefoon"
    # "call", "ring me", "reach me" and the same verbs elsewhere ("llámame", "me liga", "arayın", "gọi"…)
    r"|\bcall|ring me|text me|reach me|llám|llamar|ligue|me liga|liga pra|appelle|appelez|anruf|ruf mich"
    r"|chiamam|chiamar|bel me|zadzwo|arayın|ara beni|gọi|hubungi|panggil|تماس|اتصل|कॉल",
    re.IGNORECASE,
)
_SCRIPT_REGIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (LazyPattern(r"[\u3040-\u30ff]"), ("JP",)),
    (LazyPattern(r"[\uac00-\ud7af]"), ("KR",)),
    (LazyPattern(r"[\u4e00-\u9fff]"), ("CN", "TW", "HK")),
    (LazyPattern(r"[\u0400-\u04ff]"), ("RU", "UA", "KZ", "BY")),
    (LazyPattern(r"[\u0600-\u06ff]"), ("SA", "AE", "EG", "IR")),
    (LazyPattern(r"[\u0e00-\u0e7f]"), ("TH",)),
    (LazyPattern(r"[\u0900-\u097f]"), ("IN",)),
    (LazyPattern(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE), ("VN",)),
)
_LATIN_REGIONS = ("US", "GB", "IN", "BR", "DE", "FR", "ES", "IT", "TR", "ID", "VN", "NG", "PH", "MX", "PL", "NL")


class PiiAnalyser:
    """Flags e-mail addresses and phone numbers. Spans only: the reason never repeats them."""

    name = "pii"

    def __init__(self, cache: FeatureCache) -> None:
        self._cache = cache

    def analyse(self, message: AnalysisInput) -> list[Finding]:
        f = self._cache.get(message)
        text = f.text
        findings: list[Finding] = []
        if "@" in text:
            spans = self._emails(text)
            if spans:
                findings.append(Finding.of(analyser=self.name, reason="an e-mail address was posted",
                                        flag=Flag.pii, spans=tuple(spans), detail={"kind": "email"}))
        if f.digit_count >= 7:
            spans = self._phones(text)
            if spans:
                findings.append(Finding.of(analyser=self.name, reason="a phone number was posted",
                                        flag=Flag.pii, spans=tuple(spans), detail={"kind": "phone"}))
        return findings

    @staticmethod
    def _emails(text: str) -> list[Span]:
        """Addresses around each '@' (the regex runs on a window there, not on the whole text:
        most '@' in chat are handles, and scanning every position for a local part is costly)."""
        spans: list[Span] = []
        at = text.find("@")
        while at != -1:
            if 0 < at < len(text) - 3 and text[at + 1].isalnum() and (text[at - 1].isalnum() or text[at - 1] in "._+-"):
                lo = max(0, at - 64)
                for m in _EMAIL_RE.finditer(text, lo, at + 256):
                    if m.start() <= at < m.end():
                        if m.group().rsplit(".", 1)[-1].lower() not in _NOT_EMAIL_TLDS:
                            spans.append(Span.at(m.start(), m.end()))
                        break
            at = text.find("@", at + 1)
        return spans

    def _phones(self, text: str) -> list[Span]:
        """Phone numbers among digit runs. The matcher runs on each candidate run only (it is
        slow on whole messages): with a '+' country code always, without one only when the
        message says "phone" (or similar) and then for the regions its script suggests."""
        sample = text[:4000]
        candidates = [m for m in _CANDIDATE_RE.finditer(sample) if 7 <= len(_DIGIT_RE.findall(m.group())) <= 15]
        if not candidates:
            return []
        import phonenumbers  # here, not at the top: few messages get this far (start-up time)

        context = _PHONE_CONTEXT_RE.search(sample) is not None
        regions: tuple[str | None, ...] = ()
        if context:
            for script, script_regions in _SCRIPT_REGIONS:
                if script.search(sample):
                    regions += script_regions
            regions += _LATIN_REGIONS
        spans: list[Span] = []
        for m in candidates:
            piece = m.group()
            if piece.startswith("+"):
                tries: tuple[tuple[str | None, phonenumbers.Leniency], ...] = ((None, phonenumbers.Leniency.VALID),)
                if context:
                    # Said to be a phone and written with a country code: a plausible length is enough.
                    tries += ((None, phonenumbers.Leniency.POSSIBLE),)
            elif context:
                tries = tuple((r, phonenumbers.Leniency.VALID) for r in regions)
            else:
                continue
            for region, leniency in tries:
                match = next(iter(phonenumbers.PhoneNumberMatcher(piece, region, leniency=leniency)), None)
                if match is not None:
                    spans.append(Span.at(m.start() + match.start, m.start() + match.end))
                    break
        return spans
