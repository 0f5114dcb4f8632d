"""Imports flow one way: kernel ← adapters ← nothing domain; domain never imports adapters."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = ("community", "moderation", "announcements")
# package -> top-level packages it must never import
FORBIDDEN = {
    "beacon": {"community", "moderation", "announcements", "bots"},
    "community": {"bots"},
    "moderation": {"bots"},
    "announcements": {"bots"},
    "bots": {"community", "moderation", "announcements"},
}
# The kernel's wiring (builder, CLI, demo) is where the parts meet; it may import them lazily.
# Settings is the composition root of the typed config sections each feature declares.
WIRING = {"beacon/config.py", "beacon/app.py", "beacon/cli.py", "beacon/demo.py", "beacon/analysis/pipeline.py",
          "beacon/migrations/env.py"}  # the one schema history: every package's tables meet there


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _modules():
    for package in FORBIDDEN:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield package, path


@pytest.mark.parametrize("package,path", list(_modules()), ids=lambda p: str(p)[-60:] if isinstance(p, Path) else p)
def test_imports_flow_one_way(package: str, path: Path) -> None:
    rel = path.relative_to(ROOT).as_posix()
    if rel in WIRING:
        return
    bad = _imports(path) & FORBIDDEN[package]
    assert not bad, f"{rel} imports {sorted(bad)}"


@pytest.mark.parametrize("package,path", list(_modules()), ids=lambda p: str(p)[-60:] if isinstance(p, Path) else p)
def test_every_module_has_a_docstring(package: str, path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if path.name == "__init__.py" and not tree.body:
        return
    assert ast.get_docstring(tree), f"{path.relative_to(ROOT)} has no module docstring"
