"""The sample store, built once per test module in a temporary folder."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from storyline_sample import build_store  # noqa: E402


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "sample.duckdb")


@pytest.fixture()
def store(sample_db: Path):
    from storyline.store.duck import Store

    with Store(sample_db, read_only=True) as st:
        yield st
