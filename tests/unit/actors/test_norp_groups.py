"""A community the catalogue lacks, acting together, is a group actor; a country's demonym stays the country."""
from __future__ import annotations

from storyline.pipeline import _doc_mentions


def _actors(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {m.text: m.actor for m in _doc_mentions(doc, "t")}


def test_a_community_modifying_people_is_a_group(nlp):
    got = _actors(nlp, "Shiite protesters marched through the capital on Friday.")
    assert got.get("Shiite protesters") == "group:shiite"


def test_a_demonym_is_still_its_country(nlp):
    got = _actors(nlp, "Peruvian farmers blocked the road to the mine on Monday.")
    assert "PER" in got.values() and not any(a.startswith("group:peruvian") for a in got.values())
