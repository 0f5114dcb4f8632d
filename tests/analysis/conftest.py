"""Fixtures for analysis tests: a fictional brand's settings and one pipeline shared per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beacon.config import Settings, load_settings

HERE = Path(__file__).parent
LABELLED = HERE / "labelled.jsonl"
CONFIG = HERE / "labelled-config.toml"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(CONFIG)


@pytest.fixture(scope="session")
def pipeline(settings):
    from beacon.analysis.pipeline import build_pipeline

    return build_pipeline(settings)


@pytest.fixture(scope="session")
def labelled() -> list[dict]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
