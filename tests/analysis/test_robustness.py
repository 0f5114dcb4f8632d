"""Property tests: whatever the input, one JSON line per record, in order, never a crash."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from beacon.cli_analyze import analyse_stream, parse_jsonl_line, read_records, telegram_text
from beacon.verdict import AnalysisInput

_FAST = hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                                  st.dictionaries(st.text(max_size=8), inner,
                                                                                  max_size=3)), max_leaves=8)
messages = st.fixed_dictionaries(
    {"id": st.one_of(st.text(min_size=1, max_size=10), st.integers()), "text": st.text(max_size=300)},
    optional={
        "platform": json_values,
        "chat": json_values,
        "author": st.one_of(json_values, st.fixed_dictionaries({}, optional={
            "id": json_values, "name": json_values, "username": json_values})),
        "mentions_bot": json_values,
    },
)
garbage_lines = st.text(max_size=80).map(lambda s: s.replace("\n", " ").replace("\r", " "))
records = st.lists(st.one_of(messages.map(lambda m: ("ok", m)), garbage_lines.map(lambda g: ("raw", g)),
                             json_values.map(lambda v: ("raw", json.dumps(v)))), max_size=12)


def run_stream(pipeline, text: str) -> tuple[list[dict], object]:
    out = io.StringIO()
    summary = analyse_stream(pipeline, io.StringIO(text), out)
    return [json.loads(line) for line in out.getvalue().splitlines()], summary


@_FAST
@given(records)
def test_one_output_per_line_in_order(pipeline, recs):
    raw_lines = [json.dumps(m, ensure_ascii=False) if kind == "ok" else m for kind, m in recs]
    # A plain first message: an input that is one JSON document with "messages" is a Telegram export.
    raw_lines.insert(0, '{"id": "first", "text": "hello"}')
    out, summary = run_stream(pipeline, "".join(line + "\n" for line in raw_lines))
    assert len(out) == len(raw_lines)
    for n, (line, got) in enumerate(zip(raw_lines, out), 1):
        record = parse_jsonl_line(line, n)
        if hasattr(record, "message"):
            assert got["id"] == record.id and "error" not in got
            assert got["support_request"] in (True, False)
            assert got["language"] is None or (isinstance(got["language"], str) and len(got["language"]) == 2)
            if not got["support_request"]:
                assert got["category"] is None and got["urgency"] is None
        else:
            assert got == {"id": record.id, "line": n, "error": record.error}
    assert summary.errors == sum(1 for o in out if "error" in o)


@_FAST
@given(st.text(max_size=500))
def test_any_unicode_text_is_analysed(pipeline, text):
    verdict = pipeline.analyse(AnalysisInput(text=text))
    for finding in verdict.findings:
        for span in finding.spans:
            assert 0 <= span.start <= span.end <= len(text)


@_FAST
@given(st.lists(st.one_of(st.text(max_size=30), st.fixed_dictionaries(
    {"type": st.sampled_from(["plain", "link", "text_link", "mention", "bold"]), "text": json_values},
    optional={"href": json_values})), max_size=6))
def test_telegram_text_arrays_flatten(parts):
    flat = telegram_text(parts)
    assert isinstance(flat, str)
    for part in parts:
        if isinstance(part, str):
            assert part in flat


def test_megabyte_texts_do_not_blow_up(pipeline):
    seed = "my withdrawal is stuck please help "
    huge = (seed * (1_048_576 // len(seed) + 1))[:1_048_576]
    feed = "\n".join([
        json.dumps({"id": "big", "text": huge}),
        json.dumps({"id": "cjk", "text": "提币一直没到账" * 150_000}),
        json.dumps({"id": "one-word", "text": "a" * 1_048_576}),
        json.dumps({"id": "after", "text": "deposit not credited, please check"}),
    ]) + "\n"
    out, summary = run_stream(pipeline, feed)
    assert [o["id"] for o in out] == ["big", "cjk", "one-word", "after"]
    assert out[0]["support_request"] is True and out[0]["language"] == "en"
    assert out[1]["language"] == "zh"
    assert out[3]["support_request"] is True
    assert summary.errors == 0


def test_lone_surrogates_and_nul(pipeline):
    feed = '{"id": "s", "text": "withdrawal \\ud800 stuck \\u0000 please"}\n{"id": "\\udfff", "text": "x"}\n'
    out, summary = run_stream(pipeline, feed)
    assert [o.get("error") for o in out] == [None, None]
    assert out[0]["support_request"] is True


def test_export_detection_falls_back_to_lines():
    # Looks like the start of a document but is JSON Lines after all: every line still reported.
    text = '{\n"id": 1}\n{"id": 2, "text": "hi"}\n'
    recs = list(read_records(io.StringIO(text)))
    assert [r.line for r in recs] == [1, 2, 3]


def test_unicode_line_separators_stay_inside_one_output_line(pipeline):
    feed = json.dumps({"id": "a\x85b\u2028c\u2029", "text": "line one\u2028line two"}, ensure_ascii=False) + "\n"
    out = io.StringIO()
    analyse_stream(pipeline, io.StringIO(feed), out)
    (line,) = out.getvalue().splitlines()
    assert json.loads(line)["id"] == "a\x85b\u2028c\u2029"
