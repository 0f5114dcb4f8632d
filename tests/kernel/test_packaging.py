"""Every data file the packages read at run time is declared as package data (a wheel would miss it)."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# setup.py's build output beside the sources (compiled modules, Cython's C): built, not package data.
BUILT = (".c", *EXTENSION_SUFFIXES)


def test_every_data_file_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    declared = config["package-data"]
    packages = [p.rstrip("*") for p in config["packages"]["find"]["include"] if not p.endswith(".*")]
    missing = []
    for package in {p.rstrip("*") for p in packages}:
        base = ROOT / package
        for path in base.rglob("*"):
            if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts \
                    or path.name.endswith(BUILT):
                continue
            relative = path.relative_to(base).as_posix()
            if not any(fnmatch(relative, pattern) for pattern in declared.get(package, [])):
                missing.append(f"{package}/{relative}")
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"
