"""Fixtures shared by every test: the shared dev data, the scorer, one spaCy pipeline, and
hand-built actor mentions for the event tests (so they need no catalogue)."""
from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import pytest

from storyline.model import Mention

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


# ---------------------------------------------------------------- NLP

#: surface form -> actor id; ids follow the catalogue's shapes (ISO3 country, person:slug)
NAMES = {
    "Chile": "CHL", "Chilean": "CHL", "Santiago": "CHL", "Peru": "PER", "Peruvian": "PER", "Lima": "PER",
    "Japan": "JPN", "Japanese": "JPN", "Brazil": "BRA", "Brazilian": "BRA", "Bolivia": "BOL",
    "Norway": "NOR", "Canada": "CAN", "Mexico": "MEX", "Tasmania": "AUS",
    "Maria Lopez": "person:maria_lopez", "Lopez": "person:maria_lopez",
    "Kenji Sato": "person:kenji_sato", "Sato": "person:kenji_sato",
}


def find_mentions(text: str, doc_id: str = "d") -> list[Mention]:
    """Every listed name as a mention, longest first, never overlapping."""
    taken: set[int] = set()
    out = []
    for name in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken |= set(range(m.start(), m.end()))
            out.append(Mention(doc_id, NAMES[name], m.start(), m.end(), name))
    return sorted(out, key=lambda m: m.start)


@pytest.fixture(scope="session")
def nlp():
    """The production pipeline (paragraphs, parser, NER, actors), loaded once for every test."""
    from storyline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def run(nlp):
    """Annotate one text at a report date; returns (actor mentions, actors)."""
    def _run(text: str, dct: date | None = None):
        doc = nlp.make_doc(text)
        doc._.dct = dct
        doc = nlp(doc)
        return doc._.actor_mentions, doc._.actors
    return _run


@pytest.fixture(scope="session")
def events(nlp):
    """extract(text) -> event mentions of that text."""
    from storyline.events import extract_events

    def run(text: str, doc_id: str = "d"):
        return extract_events(nlp(text), doc_id, find_mentions(text, doc_id))
    return run


@pytest.fixture(scope="session")
def only():
    """only(ems, TYPE) -> the first event mention of that type (fails listing what was found)."""
    return _only


def _only(ems, type_):
    got = [e for e in ems if e.type == type_]
    assert got, f"no {type_} in {[(e.type, e.trigger, e.source, e.target) for e in ems]}"
    return got[0]
