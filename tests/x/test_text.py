"""Splitting for X's weighted 280 limit (property tests) and buttons rendered as links."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from beacon.actions import Button
from bots.x.text import split_for_x, weighted_length, with_links

words = st.one_of(st.text(alphabet="abcdefghij", min_size=1, max_size=12), st.sampled_from(["提币", "充值", "🙂", "é"]),
                  st.just("https://help.example/a/very/long/path/that/x/shortens/to/twenty-three/characters"))
texts = st.lists(words, max_size=400).map(" ".join) | st.text(max_size=1500)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_parts_fit_and_nothing_is_lost_unless_cut(text: str) -> None:
    parts = split_for_x(text)
    assert len(parts) <= 4
    assert all(0 < weighted_length(p) <= 280 for p in parts)
    joined = "".join("".join(parts).split())
    original = "".join(text.split())
    if parts and parts[-1].endswith("…") and not text.rstrip().endswith("…"):
        assert original.startswith(joined[:-1])
    else:
        assert joined == original


def test_weights_match_x_counting() -> None:
    assert weighted_length("hello") == 5
    assert weighted_length("提币") == 4
    assert weighted_length("see https://example.com/" + "x" * 100) == 4 + 23


def test_links_never_split_and_url_buttons_become_lines() -> None:
    url = "https://help.example/" + "p" * 60
    parts = split_for_x(("word " * 60) + url)
    assert any(url in p for p in parts)
    text = with_links("Read this", ((Button(text="Help centre", url="https://help.example"), Button(text="Ok", data="ok")),))
    assert text == "Read this\nHelp centre: https://help.example"
