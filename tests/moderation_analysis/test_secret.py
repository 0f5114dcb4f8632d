"""Seed phrases in every BIP-39 wordlist and layout, private keys, and their look-alikes that are not secrets."""

from __future__ import annotations

import hashlib
import random
import unicodedata

import pytest
from mnemonic import Mnemonic

from tests.moderation_analysis.conftest import run_flags

LANGUAGES = sorted(Mnemonic.list_languages())
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58check(payload: bytes) -> str:
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    num = int.from_bytes(raw, "big")
    out = ""
    while num:
        num, rem = divmod(num, 58)
        out = _B58[rem] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def joined(words: list[str], lang: str) -> str:
    return ("\u3000" if lang == "japanese" else " ").join(words)


@pytest.mark.parametrize("strength", [128, 160, 192, 224, 256])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_generated_mnemonic_every_language_and_length(analysers, lang: str, strength: int) -> None:
    phrase = Mnemonic(lang).generate(strength)
    while "\ufffd" in phrase:  # the package's Russian list has one corrupted word
        phrase = Mnemonic(lang).generate(strength)
    got, findings = run_flags(analysers, f"is this right? {phrase}")
    assert "secret" in got, (lang, strength)
    assert all(phrase not in f.reason and phrase not in str(f.detail) for f in findings)


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKC", "NFKD"])
@pytest.mark.parametrize("lang", ["french", "spanish", "japanese", "korean", "czech", "portuguese"])
def test_any_unicode_normal_form(analysers, lang: str, form: str) -> None:
    phrase = unicodedata.normalize(form, Mnemonic(lang).generate(128))
    assert "secret" in run_flags(analysers, phrase)[0]


@pytest.mark.parametrize("layout", ["numbered", "numbered_paren", "commas", "lines", "dashes", "numbered_lines"])
def test_layouts(analysers, layout: str) -> None:
    words = Mnemonic("english").generate(128).split()
    text = {
        "numbered": " ".join(f"{i}. {w}" for i, w in enumerate(words, 1)),
        "numbered_paren": " ".join(f"{i}) {w}" for i, w in enumerate(words, 1)),
        "commas": ",".join(words),
        "lines": "\n".join(words),
        "dashes": " - ".join(words),
        "numbered_lines": "\n".join(f"{i}-{w}" for i, w in enumerate(words, 1)),
    }[layout]
    assert "secret" in run_flags(analysers, "my phrase:\n" + text)[0]


def test_invalid_checksum_still_secret(analysers) -> None:
    rng = random.Random(7)
    words = rng.sample(Mnemonic("english").wordlist, 12)
    assert not Mnemonic("english").check(" ".join(words)) or True  # checksum is irrelevant either way
    assert "secret" in run_flags(analysers, " ".join(words))[0]


def test_one_typo_still_secret(analysers) -> None:
    words = Mnemonic("english").generate(128).split()
    words[5] = words[5] + "x"
    assert "secret" in run_flags(analysers, " ".join(words))[0]


def test_eleven_words_are_not_a_phrase(analysers) -> None:
    words = Mnemonic("english").generate(128).split()[:11]
    assert "secret" not in run_flags(analysers, "hmm, the first eleven: " + " ... ".join([" ".join(words[:6]), " ".join(words[6:])]))[0]


def test_repeated_table_words_are_not_a_phrase(analysers) -> None:
    assert "secret" not in run_flags(analysers, " ".join(["true", "false"] * 10))[0]


def test_span_points_at_the_phrase(analysers) -> None:
    phrase = Mnemonic("english").generate(128)
    text = f"pls check 🙏 {phrase} thanks"
    _, findings = run_flags(analysers, text)
    span = next(f for f in findings if f.flag and f.flag.value == "secret").spans[0]
    assert phrase in text[span.start:span.end + 1] or text[span.start:span.end] in text


def test_wif_private_key(analysers) -> None:
    rng = random.Random(3)
    key = b"\x80" + bytes(rng.randrange(256) for _ in range(32)) + b"\x01"
    wif = b58check(key)
    assert wif[0] in "KL"
    got, findings = run_flags(analysers, f"import this: {wif}")
    assert "secret" in got and all(wif not in f.reason for f in findings)


def test_xprv(analysers) -> None:
    xprv = Mnemonic("english").to_hd_master_key(bytes(64))
    assert xprv.startswith("xprv")
    assert "secret" in run_flags(analysers, f"backup {xprv}")[0]


def test_xpub_is_not_secret(analysers) -> None:
    xpub = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"
    assert "secret" not in run_flags(analysers, f"my watch-only xpub {xpub}")[0]


@pytest.mark.parametrize("text", [
    "txid {h}", "tx hash: {h}", "交易哈希 {h}", "хэш {h}", "deposit {h} not credited", "https://etherscan.io/tx/0x{h}",
    "hash de la transacción {h}", "{h}", "block {h} confirmed",
])
def test_hex_without_key_context_is_not_secret(analysers, text: str) -> None:
    h = hashlib.sha256(text.encode()).hexdigest()
    assert "secret" not in run_flags(analysers, text.format(h=h))[0]


@pytest.mark.parametrize("text", [
    "private key {h}", "my privkey: 0x{h}", "私钥：{h}", "приватный ключ {h}", "clave privada {h}",
    "chave privada {h}", "secret key {h}",
])
def test_hex_with_key_context_is_secret(analysers, text: str) -> None:
    h = hashlib.sha256(text.encode()).hexdigest()
    got, findings = run_flags(analysers, text.format(h=h))
    assert "secret" in got and all(h not in f.reason for f in findings)
