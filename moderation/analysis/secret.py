"""The `secret` flag: seed phrases, private keys, exchange API secrets and passwords given out."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from beacon.analysis.lazy_re import LazyPattern
from beacon.verdict import AnalysisInput, Finding, Flag, Span
from moderation.analysis.bip39 import MIN_WORDS, Bip39Index
from moderation.analysis.features import FeatureCache, clamp_span

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58)}

# Long unbroken runs of hex or base58: the only place keys can hide. One cheap gate for all.
_LONG_RUN_RE = re.compile(r"[0-9A-Za-z]{50,}")
# The patterns below run only behind a gate (a long run, a key word): compiled on first use.
_HEX64_RE = LazyPattern(r"(?<![0-9A-Za-z])(?:0x)?[0-9a-fA-F]{64}(?![0-9A-Za-z])")
_WIF_RE = LazyPattern(r"(?<![0-9A-Za-z])[5KL][1-9A-HJ-NP-Za-km-z]{50,51}(?![0-9A-Za-z])")
_XPRV_RE = LazyPattern(r"(?<![0-9A-Za-z])(?:[xyzt]prv|[YZUV]prv|xpriv)[1-9A-HJ-NP-Za-km-z]{90,}(?![0-9A-Za-z])")
_B58_LONG_RE = LazyPattern(r"(?<![0-9A-Za-z])[1-9A-HJ-NP-Za-km-z]{85,90}(?![0-9A-Za-z])")

# Context that makes a bare 64-hex a key …
_KEY_CONTEXT_RE = LazyPattern(
    r"key|priv|secret|seed|mnemonic|私钥|密钥|秘钥|ключ|приват|clave|chave|anahtar|khóa|키|秘密鍵|鍵|clé|cle\b"
    r"|schlüssel|kunci|مفتاح|کلید|की|คีย์|klucz|chiave|sleutel|wallet import",
    re.IGNORECASE,
)
# … unless it says transaction: users are told to share transaction hashes.
_TX_CONTEXT_RE = LazyPattern(
    r"\btx|txid|txn|hash|transac|transfer|交易|哈希|转账|хэш|хеш|транзакц|перевод|transacción|transação"
    r"|işlem|giao dịch|트랜잭션|거래|トランザクション|取引|transaktion|transaksi|معامل|تراکنش|लेनदेन"
    r"|ธุรกรรม|transakcj|transazione|transactie|explorer|scan\b|etherscan|bscscan|tronscan|solscan"
    r"|block|deposit|withdraw|credited|confirm|充值|提币|入金|出金|депозит|вывод",
    re.IGNORECASE,
)

# Exchange API secrets and passphrases handed out: "secret key: …", "passphrase = …".
_API_SECRET_RE = LazyPattern(
    r"(?:api[\s_-]?secret|secret[\s_-]?key|secretkey|api[\s_-]?passphrase|passphrase|pass phrase|"
    r"api[\s_-]?key\s*(?:and|&|/)\s*secret|secret|密钥|秘钥|口令|секретный ключ|кодовая фраза|"
    r"clave secreta|chave secreta|gizli anahtar|khóa bí mật|시크릿\s?키|シークレットキー|clé secrète|"
    r"geheimer schlüssel|kunci rahasia)"
    r"\s*(?:is|was|=|:|：|-|—|是|为|это|es|é|est|ist|adalah|là|は|는)?\s*[\"'`«“]?"
    r"(?P<value>[A-Za-z0-9+/=_\-!@#$%^&*.~]{8,128})",
    re.IGNORECASE,
)
# Passwords given out, in the languages of the big communities. The keyword must be followed by
# the value ("my password is X", "пароль: X", "密码是X"), and the value must look like a password.
_PASSWORD_RE = LazyPattern(
    r"(?:\b(?:password|passwd|pwd|passcode|pw)\b\s*(?:saya|aku|ku)?\s*(?:is|was|è|é|e|adalah|=|:|：|-|—)?"
    r"|\b(?:pass|pin)\b\s*(?:=|:|：)"
    r"|пароль\s*(?:[:=\-—]|это|от\s+\w+\s*[:\-—]?)?|парол[ья]\s*[:\-—]"
    r"|密码(?:是|为|：|:|=)?|口令(?:是|为|：|:)?"
    r"|contraseña\s*(?:es|:|=)?|senha\s*(?:é|e|:|=)?|şifre(?:m|miz)?\s*(?::|=|ise)?"
    r"|mật khẩu\s*(?:là|:|=)?|비밀번호(?:는|은)?\s*(?::|=)?|パスワード(?:は|：|:)?"
    r"|mot de passe\s*(?:est|:|=)?|passwort\s*(?:ist|lautet|:|=)?|kata sandi\s*(?:saya|aku)?\s*(?:adalah|:|=)?"
    r"|كلمة (?:المرور|السر)\s*(?:هي|:)?|رمز(?: عبور)?\s*(?:من)?\s*(?::|هست|است)?|पासवर्ड\s*(?:है|:)?"
    r"|รหัสผ่าน\s*(?:คือ|:)?|hasło\s*(?:to|:|=)?|wachtwoord\s*(?:is|:|=)?)"
    r"\s*[\"'`«“]?(?P<value>[^\s\"'`»”，。,]{4,64})",
    re.IGNORECASE,
)
_PLACEHOLDER_RE = LazyPattern(
    r"^(?:[x*•.#_\-]+|<.*>|\[.*\]|\{.*\}|your[\w-]*|ваш\w*|你的\w*|hidden|redacted|example|changeme|"
    r"required|incorrect|wrong|correct|reset|changed|expired|invalid|not|none|null|same|xxx+.*)$",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}>'\"»。，、！？）"
_EMAIL_RE = LazyPattern(r"^[^@\s]+@[^@\s]+\.[^\W\d_]{2,}$")


def _looks_secret(value: str, min_len: int = 4) -> bool:
    """A handed-out password or secret: mixes letters with digits or symbols, or is a long number."""
    value = value.strip(_TRAILING + "([{<")
    if len(value) < min_len or _PLACEHOLDER_RE.match(value) or "://" in value or _EMAIL_RE.match(value):
        return False
    if not any(c.isascii() and c.isalnum() for c in value):
        return False  # running text of another script glued to the keyword, not a password
    letters = any(c.isalpha() for c in value)
    digits = any(c.isdigit() for c in value)
    symbols = any(not c.isalnum() and not unicodedata.category(c).startswith("M") for c in value)
    if letters and (digits or symbols):
        return True
    if digits and not letters:
        return len(value) >= 6 and not symbols
    # All letters: a password only when case is mixed inside the word ("SunFlower").
    return any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)


def _base58check_ok(text: str) -> bool:
    num = 0
    for ch in text:
        num = num * 58 + _B58_INDEX[ch]
    raw = num.to_bytes((num.bit_length() + 7) // 8, "big")
    if len(raw) < 5:
        return False
    body, check = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == check


class SecretAnalyser:
    """Flags secrets posted in the open. Reasons name the kind of secret, never its text."""

    name = "secret"

    def __init__(self, cache: FeatureCache, bip39: Bip39Index) -> None:
        self._cache = cache
        self._bip39 = bip39

    def analyse(self, message: AnalysisInput) -> list[Finding]:
        if len(message.text) < 8:
            return []
        f = self._cache.get(message)
        text = f.text
        findings: list[Finding] = []
        tokens = f.tokens
        if len(tokens) >= MIN_WORDS and (
            (self._bip39.count_members(tokens) >= MIN_WORDS - 2 and self._bip39.may_hold_run(tokens))
            or (not text.isascii() and f.nfc is not text)
        ):
            run = self._bip39.longest_run(f.nfc)
            if run is not None:
                span = clamp_span(run.start, run.end, len(text)) if f.nfc is text else Span.at(0, len(text))
                lang = run.language.replace("_", " ")
                typo = " (one word mistyped)" if run.typos else ""
                findings.append(self._finding(
                    f"seed phrase: {run.words} words from the {lang} BIP-39 wordlist{typo}",
                    span, kind="seed_phrase", words=str(run.words), wordlist=run.language,
                ))
        if len(text) >= 50 and max(map(len, tokens), default=0) >= 50 and _LONG_RUN_RE.search(text):
            findings.extend(self._keys(text, f.lower))
        hits = f.hits
        if "gate.secret" in hits:
            for m in _API_SECRET_RE.finditer(text):
                if _looks_secret(m.group("value"), 8):
                    findings.append(self._finding(
                        "an API secret or passphrase was posted", Span.at(m.start("value"), m.end("value")),
                        kind="api_secret",
                    ))
                    break
        if "gate.password" in hits:
            for m in _PASSWORD_RE.finditer(text):
                value = m.group("value")
                if _looks_secret(value):
                    end = m.start("value") + len(value.rstrip(_TRAILING))
                    findings.append(self._finding(
                        "a password was posted", Span.at(m.start("value"), end), kind="password",
                    ))
                    break
        return findings

    def _keys(self, text: str, lower: str) -> list[Finding]:
        found: list[Finding] = []
        for m in _XPRV_RE.finditer(text):
            found.append(self._finding("an extended private key (xprv) was posted",
                                       Span.at(m.start(), m.end()), kind="xprv"))
        for m in _WIF_RE.finditer(text):
            if _base58check_ok(m.group()) or _KEY_CONTEXT_RE.search(self._around(lower, m.start(), m.end())):
                found.append(self._finding("a private key (WIF) was posted",
                                           Span.at(m.start(), m.end()), kind="wif"))
        for m in _B58_LONG_RE.finditer(text):
            around = self._around(lower, m.start(), m.end())
            if _KEY_CONTEXT_RE.search(around) and not _TX_CONTEXT_RE.search(around):
                found.append(self._finding("a private key (base58) was posted",
                                           Span.at(m.start(), m.end()), kind="base58_key"))
        for m in _HEX64_RE.finditer(text):
            around = self._around(lower, m.start(), m.end())
            if _TX_CONTEXT_RE.search(around):
                continue
            if _KEY_CONTEXT_RE.search(around):
                found.append(self._finding("a raw private key (64 hex digits) was posted",
                                           Span.at(m.start(), m.end()), kind="hex_key"))
        return found

    @staticmethod
    def _around(lower: str, start: int, end: int) -> str:
        # The words next to the value decide: 80 characters before, 30 after, the value itself excluded.
        return lower[max(0, start - 80):start] + " " + lower[end:end + 30]

    def _finding(self, reason: str, span: Span, **detail: str) -> Finding:
        return Finding.of(analyser=self.name, reason=reason, flag=Flag.secret, spans=(span,), detail=detail)
