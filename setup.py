"""Build step beside pyproject.toml: compiles the analysis hot path with Cython when it can.

Everything else (metadata, dependencies, packages) is in pyproject.toml. The modules are plain Python
and run as such when they are not compiled: set BEACON_PURE_PYTHON=1 to skip compilation, and a
machine without a C compiler gets a warning and the pure-Python modules instead of a failed install.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError, PlatformError

ROOT = Path(__file__).resolve().parent


class OptionalBuildExt(build_ext):
    """A failed compilation leaves that module in pure Python instead of failing the install."""

    def initialize_options(self) -> None:
        super().initialize_options()
        self.failed: set[str] = set()

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:  # one compiler per core: the modules are independent
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        try:
            super().run()
        except PlatformError as exc:
            self.extensions = []  # nothing was built, so nothing is to be installed
            print(f"beacon: no C compiler ({exc}); the analysis modules stay pure Python", file=sys.stderr)

    def build_extensions(self) -> None:
        super().build_extensions()
        # What failed is no output: the install copies only what was built.
        self.extensions = [ext for ext in self.extensions if ext.name not in self.failed]

    def build_extension(self, ext) -> None:  # noqa: ANN001 - setuptools' Extension
        try:
            super().build_extension(ext)
        except (CCompilerError, ExecError, PlatformError, OSError) as exc:
            self.failed.add(ext.name)
            print(f"beacon: could not compile {ext.name} ({exc}); it stays pure Python", file=sys.stderr)


def ext_modules() -> list:
    if os.environ.get("BEACON_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []
    modules = runpy.run_path(str(ROOT / "beacon" / "analysis" / "compiled.py"))
    sources = [str(p.relative_to(ROOT)) for p in modules["source_paths"](ROOT)]
    # annotation_typing off: annotations stay hints, as in CPython (Cython would otherwise enforce
    # ``x: dict`` as an exact type); the compiled modules behave exactly like the .py files.
    return cythonize(sources, quiet=True, compiler_directives={"language_level": 3, "annotation_typing": False})


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
