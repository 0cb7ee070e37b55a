"""Fixtures shared by every test: the shared dev data, the scorer, and one spaCy pipeline."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"the shared dev data is not beside the repo ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def gold(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "eval" / "dev_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def scorer(shared_dir: Path):
    """The project's scorer, imported from ../shared/eval/score.py."""
    spec = importlib.util.spec_from_file_location("storyline_score", shared_dir / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples" / "corpus"
