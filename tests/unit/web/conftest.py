"""A TestClient over the sample store (built in a temporary folder)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "export"))
from storyline_sample import build_store  # noqa: E402


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "sample.duckdb")


@pytest.fixture(scope="module")
def client(sample_db: Path):
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    with TestClient(create_app(str(sample_db))) as c:
        yield c
