"""The /link code: unguessable, single-format, and a parser that never raises and never widens the space."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from community.linking import (
    ALPHABET,
    CODE_LENGTH,
    code_digest,
    format_code,
    new_code,
    parse_code,
    parse_command,
)

codes = st.text(alphabet=ALPHABET, min_size=CODE_LENGTH, max_size=CODE_LENGTH)
separators = st.sampled_from(["", " ", "-", "  ", "_", ".", "\t", " - "])


@given(codes)
def test_formatted_codes_parse_back(code: str) -> None:
    assert parse_code(format_code(code)) == code
    assert parse_code(code.lower()) == code


@given(codes, st.lists(separators, min_size=CODE_LENGTH + 1, max_size=CODE_LENGTH + 1))
def test_case_and_separators_do_not_matter(code: str, seps: list[str]) -> None:
    typed = "".join(sep + ch for sep, ch in zip(seps, code)) + seps[-1]
    assert parse_code(typed) == code
    assert parse_code(typed.lower()) == code


@given(codes)
def test_confusable_letters_read_as_digits(code: str) -> None:
    typed = code.replace("0", "O").replace("1", "l")
    assert parse_code(typed) == code


@settings(max_examples=500)
@given(st.text(max_size=80))
def test_anything_parses_to_a_well_formed_code_or_none(text: str) -> None:
    parsed = parse_code(text)
    assert parsed is None or (len(parsed) == CODE_LENGTH and set(parsed) <= set(ALPHABET))


@given(st.text(alphabet=ALPHABET + "-", max_size=20).filter(
    lambda t: len(t.replace("-", "")) != CODE_LENGTH))
def test_wrong_length_is_refused(text: str) -> None:
    assert parse_code(text) is None


@given(codes, st.sampled_from(sorted(set(string.punctuation) - set("-_."))))
def test_other_characters_are_refused(code: str, junk: str) -> None:
    assert parse_code(code[:4] + junk + code[4:]) is None


def test_new_codes_are_well_formed_and_distinct() -> None:
    made = {new_code() for _ in range(2000)}
    assert len(made) == 2000  # 40 bits: a repeat in 2,000 draws would be a broken generator
    assert all(len(c) == CODE_LENGTH and set(c) <= set(ALPHABET) for c in made)
    assert len(ALPHABET) == 32 and not set("ILOU") & set(ALPHABET)


@given(codes)
def test_digest_is_stable_and_hides_the_code(code: str) -> None:
    assert code_digest(code) == code_digest(parse_code(format_code(code).lower()) or "")
    assert code not in code_digest(code) and len(code_digest(code)) == 64


def test_commands() -> None:
    assert parse_command("/link") == ("link", "")
    assert parse_command("  /LINK abcd-2345 ") == ("link", "abcd-2345")
    assert parse_command("/link@AcmeHelpBot status") == ("link", "status")
    assert parse_command("/unlink") == ("unlink", "")
    assert parse_command("/linked") is None and parse_command("please /link") is None
    assert parse_command("/start") is None


@given(st.text(max_size=60))
def test_command_parser_never_raises(text: str) -> None:
    parsed = parse_command(text)
    assert parsed is None or parsed[0] in ("link", "unlink")
