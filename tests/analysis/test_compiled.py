"""The analysis modules compiled with Cython are current, and behave exactly like their pure-Python source."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from beacon.analysis import compiled

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
PACKAGES = ("beacon", "bots", "community", "moderation", "announcements")


def _import_all() -> None:
    for name in compiled.MODULES:
        importlib.import_module(name)


def test_every_listed_module_has_its_source():
    assert all(path.is_file() for path in compiled.source_paths(ROOT))


def test_no_compiled_module_is_older_than_its_source():
    _import_all()
    assert compiled.stale() == [], "edited after the last build: run `make` (setup.py build_ext --inplace)"


@pytest.mark.skipif(os.environ.get("BEACON_PURE_PYTHON") is not None, reason="pure Python asked for")
def test_the_development_install_runs_them_compiled():
    """`make setup` compiles them (Cython is a dev dependency, the machine has a C compiler); a silent
    fall-back to pure Python would make every benchmark figure wrong."""
    pytest.importorskip("Cython")
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler: the modules stay pure Python")
    _import_all()
    assert [name for name in compiled.MODULES if not compiled.compiled(name)] == []


def test_a_stale_compiled_module_is_named_and_warned_about(tmp_path, monkeypatch, caplog):
    built = tmp_path / "fake.cpython-311-x86_64-linux-gnu.so"
    built.write_bytes(b"")
    source = tmp_path / "fake.py"
    source.write_text("")
    past = time.time() - 60
    os.utime(built, (past, past))
    module = types.ModuleType("fakepkg.fake")
    module.__file__ = str(built)
    monkeypatch.setitem(sys.modules, "fakepkg.fake", module)
    monkeypatch.setattr(compiled, "MODULES", ("fakepkg.fake",))
    assert compiled.stale() == ["fakepkg.fake"]

    from beacon.analysis.pipeline import build_pipeline
    from tests.moderation_analysis.conftest import nimbus_settings

    with caplog.at_level("WARNING"):
        build_pipeline(nimbus_settings())
    assert "fakepkg.fake" in caplog.text and "older than their source" in caplog.text

    os.utime(built, None)  # rebuilt: current again
    assert compiled.stale() == []


def test_pure_python_gives_byte_identical_output(tmp_path):
    """`beacon analyze` on the labelled and held-out corpora from a copy of the sources without any
    compiled module prints exactly what the installed (compiled) modules print."""
    pure = tmp_path / "pure"
    for package in PACKAGES:
        shutil.copytree(ROOT / package, pure / package,
                        ignore=shutil.ignore_patterns("*.so", "*.c", "__pycache__"))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join((HERE / name).read_text(encoding="utf-8")
                              for name in ("labelled.jsonl", "heldout/halcyon.jsonl")), encoding="utf-8")
    config = HERE / "labelled-config.toml"
    probe = ("import sys, beacon.analysis.pipeline; "
             "sys.stdout.write(beacon.analysis.pipeline.__file__)")

    def run(pythonpath: Path | None) -> tuple[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        if pythonpath is not None:
            env["PYTHONPATH"] = str(pythonpath)
        where = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                               check=True, cwd=tmp_path).stdout
        out = subprocess.run([sys.executable, "-m", "beacon.cli_analyze", str(corpus), "--config", str(config)],
                             env=env, capture_output=True, text=True, check=True, cwd=tmp_path).stdout
        return where, out

    pure_where, pure_out = run(pure)
    installed_where, installed_out = run(None)
    assert pure_where.startswith(str(pure)) and pure_where.endswith(".py")
    assert len(pure_out.splitlines()) > 600
    assert pure_out == installed_out
