"""`beacon analyze`: JSON Lines and Telegram exports in, one JSON line per record out, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from beacon.cli_analyze import register
from tests.analysis.conftest import CONFIG


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command("noop")  # a second command, so `analyze` is addressed by name as in `beacon analyze`
    def noop() -> None:
        pass

    return app


def run(app, args, stdin: str = "", env: dict | None = None):
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", "--config", str(CONFIG), *args], input=stdin, env=env)
    return result


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def msg(id_, text, **kw) -> str:
    return json.dumps({"id": id_, "platform": "telegram", "chat": "c", "text": text,
                       "author": {"id": "42", "name": "Ann", "username": "ann"}, **kw}, ensure_ascii=False)


def test_jsonl_in_order_with_contract_fields(app):
    feed = "\n".join([
        msg("a", "my withdrawal of 200 USDT is stuck since yesterday, please help"),
        msg(2, "good morning everyone"),
        msg("c", "reach me at ann.private@example.org about my deposit"),
    ]) + "\n"
    result = run(app, [], feed)
    assert result.exit_code == 0, result.output
    out = lines(result)
    assert [o["id"] for o in out] == ["a", 2, "c"]
    for o in out:
        assert {"id", "language", "support_request", "category", "urgency", "flags", "reasons"} <= set(o)
    assert out[0]["support_request"] is True and out[0]["category"] == "deposit_withdrawal"
    assert out[0]["urgency"] == "high" and out[0]["language"] == "en"
    assert out[1]["support_request"] is False and out[1]["category"] is None and out[1]["urgency"] is None
    assert "pii" in out[2]["flags"]
    assert "ann.private@example.org" not in result.stdout
    for reason in out[2]["reasons"]:
        assert set(reason) >= {"analyser", "flag", "reason", "spans"}
        assert all(isinstance(s, list) and len(s) == 2 for s in reason["spans"])


def test_bad_lines_are_reported_in_place_and_the_rest_analysed(app):
    feed = "\n".join([
        msg("ok1", "deposit not credited after 3 hours"),
        "{not json",
        json.dumps({"id": "x", "platform": "telegram"}),  # no text
        json.dumps({"text": "no id here"}),
        json.dumps([1, 2, 3]),
        "",
        json.dumps({"id": "n", "text": 5}),
        msg("ok2", "hello"),
    ]) + "\n"
    result = run(app, [], feed)
    assert result.exit_code == 3
    out = lines(result)
    assert len(out) == 8
    assert out[0]["id"] == "ok1" and "error" not in out[0]
    assert out[1] == {"id": None, "line": 2, "error": out[1]["error"]} and "JSON" in out[1]["error"]
    assert out[2]["id"] == "x" and out[2]["line"] == 3 and "text" in out[2]["error"]
    assert out[3]["id"] is None and out[3]["line"] == 4 and "id" in out[3]["error"]
    assert out[4]["id"] is None and "object" in out[4]["error"]
    assert out[5]["line"] == 6 and "empty" in out[5]["error"]
    assert out[6]["id"] == "n" and "text" in out[6]["error"]
    assert out[7]["id"] == "ok2" and "error" not in out[7]


def test_file_argument_and_summary_on_stderr(app, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(msg("f1", "KYC verification keeps failing at the selfie step") + "\n", encoding="utf-8")
    result = run(app, [str(path)])
    assert result.exit_code == 0
    (out,) = lines(result)
    assert out["category"] == "kyc"
    assert "support requests" in result.stderr  # the summary table


def test_missing_file_is_one_line_error(app, tmp_path):
    result = run(app, [str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1


def test_config_error_exits_2_with_one_line(app, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[brand]\nnmae = 'typo'\n")
    result = CliRunner().invoke(app, ["analyze", "--config", str(bad)], input=msg("a", "hi") + "\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "config error" in result.stderr


def test_config_from_environment(app):
    result = CliRunner().invoke(app, ["analyze"], input=msg("a", "hi there friends") + "\n",
                                env={"BEACON_CONFIG": str(CONFIG)})
    assert result.exit_code == 0 and lines(result)[0]["id"] == "a"


EXPORT = {
    "name": "Kestrel Community",
    "type": "public_supergroup",
    "id": 1234567,
    "messages": [
        {"id": 1, "type": "service", "date": "2024-05-01T10:00:00", "actor": "Ann", "actor_id": "user42",
         "action": "join_group_by_link", "text": "", "text_entities": []},
        {"id": 2, "type": "message", "date": "2024-05-01T10:01:00", "from": "Ann", "from_id": "user42",
         "text": "my deposit has not arrived after 4 hours, please check",
         "text_entities": [{"type": "plain", "text": "my deposit has not arrived after 4 hours, please check"}]},
        {"id": 3, "type": "message", "date": "2024-05-01T10:02:00", "from": "Kestrel Care", "from_id": "user7",
         "text": ["Hi ", {"type": "mention", "text": "@ann"}, ", my withdrawal is stuck too, please check"],
         "text_entities": []},
        {"id": 4, "type": "message", "date": "2024-05-01T10:03:00", "from": "Bob", "from_id": "user43",
         "text": ["claim your reward at ", {"type": "text_link", "text": "the official page",
                                             "href": "https://kestrel-rewards.xyz/claim"}],
         "text_entities": []},
        {"id": 5, "type": "message", "date": "2024-05-01T10:04:00", "from": "Cy", "from_id": "user44",
         "photo": "photos/p.jpg", "text": ""},
    ],
}


def test_telegram_export_entities_and_service_messages(app, tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(EXPORT, ensure_ascii=False, indent=1), encoding="utf-8")
    result = run(app, [str(path)])
    assert result.exit_code == 0, result.output
    out = lines(result)
    assert [o["id"] for o in out] == [2, 3, 4, 5]  # the service message is skipped
    assert out[0]["support_request"] is True and out[0]["category"] == "deposit_withdrawal"
    assert out[1]["support_request"] is False  # written by staff (user7 in the config)
    assert "phishing" in out[2]["flags"]  # the link hidden behind "the official page"
    assert out[3]["language"] is None
    assert "telegram export" in result.stderr


def test_telegram_export_on_stdin(app):
    result = run(app, [], json.dumps(EXPORT, indent=2))
    assert result.exit_code == 0
    assert [o["id"] for o in lines(result)] == [2, 3, 4, 5]


def test_secret_and_pii_text_never_echoed(app):
    email = "someone.private@example.org"
    words = "ocean frown meadow humble travel glance tired spoon apology label ginger mercy"
    result = run(app, [], msg("s", f"help my funds are gone, contact {email}, phrase: {words}") + "\n")
    assert result.exit_code == 0
    assert email not in result.stdout and "meadow" not in result.stdout and "ginger" not in result.stdout
    assert {"secret", "pii"} <= set(lines(result)[0]["flags"])


def test_runs_as_a_module_with_stdout_only_json():
    feed = (msg("m1", "Mi retiro lleva 10 horas pendiente") + "\n" + "oops\n").encode()
    env = dict(os.environ, BEACON_CONFIG=str(CONFIG))
    proc = subprocess.run([sys.executable, "-m", "beacon.cli_analyze"], input=feed, capture_output=True, env=env)
    assert proc.returncode == 3
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert out[0]["id"] == "m1" and out[0]["language"] == "es" and out[0]["support_request"] is True
    assert out[1]["line"] == 2 and out[1]["id"] is None
    assert b"beacon analyze" in proc.stderr
