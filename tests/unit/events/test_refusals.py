"""Denied recognition is a refusal: "would never recognise X" -> REJECT, not a denied COOPERATE."""
from __future__ import annotations

import pytest

NEVER = [
    "Chile said it would never recognise Bolivia.",
    "Chile will never recognise Bolivia.",
    "Chile does not recognise Bolivia.",
    "Chile said it would not recognize Bolivia's independence.",
]


@pytest.mark.parametrize("text", NEVER)
def test_never_recognise_rejects(events, only, text):
    ems = events(text)
    em = only(ems, "REJECT")
    assert em.source == ["CHL"] and em.target == ["BOL"] and em.status == "occurred"
    assert not [e for e in ems if e.type == "COOPERATE"]


def test_recognition_still_cooperates(events, only):
    em = only(events("Japan recognised Bolivia."), "COOPERATE")
    assert em.source == ["JPN"] and em.target == ["BOL"]
