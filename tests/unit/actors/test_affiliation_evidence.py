"""A new person's affiliation clues, whatever matcher proposed the person."""
from __future__ import annotations

import spacy

from storyline.actors.matcher import Cand
from storyline.actors.people import affiliation_evidence


def test_a_person_candidate_without_token_offsets_still_gets_its_clues():
    """Person candidates from the acronym matcher carry only characters (KeyError: 'tokens' on Reuters)."""
    doc = spacy.blank("en")("Reuters quoted John Roe ( GRA ) on Monday.")
    start = doc.text.index("John Roe")
    person = Cand(start, start + len("John Roe"), "person:john_roe", "ner", "org", 1, {"country": None})
    assert affiliation_evidence(doc, person, [], [], None) == []
    far = Cand(1000, 1010, "person:nobody", "ner", "org", 1, {})
    assert affiliation_evidence(doc, far, [], [], None) == []
