"""PLOVER coverage: every listed verb is in the data files with its roles."""
from __future__ import annotations

import pytest

CASES = [
    ("Chile clashed with Peru on the border.", "ASSAULT", ["CHL"], ["PER"]),
    ("Chile fought Peru for three days.", "ASSAULT", ["CHL"], ["PER"]),
    ("Peru shelled Chile overnight.", "ASSAULT", ["PER"], ["CHL"]),
    ("Peru bombed Bolivia.", "ASSAULT", ["PER"], ["BOL"]),
    ("Chile captured Peruvian soldiers.", "COERCE", ["CHL"], ["PER"]),
    ("Chile captured the town from Peru.", "ASSAULT", ["CHL"], ["PER"]),
    ("Peru recaptured the town from Chile.", "ASSAULT", ["PER"], ["CHL"]),
    ("Chile seized Peruvian fishing boats.", "COERCE", ["CHL"], ["PER"]),
    ("Chile shot down a Peruvian drone.", "ASSAULT", ["CHL"], ["PER"]),
    ("Peru killed two Chilean soldiers.", "ASSAULT", ["PER"], ["CHL"]),
    ("Japan brokered a deal between Chile and Peru.", "COOPERATE", ["JPN"], ["CHL", "PER"]),
    ("Japan mediated between Chile and Peru.", "COOPERATE", ["JPN"], ["CHL", "PER"]),
    ("Chile and Peru agreed to a ceasefire.", "AGREE", ["CHL"], ["PER"]),
    ("Chile blamed Peru for the blast.", "ACCUSE", ["CHL"], ["PER"]),
    ("Chile condemned Peru.", "ACCUSE", ["CHL"], ["PER"]),
    ("Brazil deployed peacekeepers to Bolivia.", "MOBILIZE", ["BRA"], ["BOL"]),
    ("Peruvian troops stormed Chile's embassy.", "ASSAULT", ["PER"], ["CHL"]),
    ("Chile evacuated its citizens from Peru.", "RETREAT", ["CHL"], ["PER"]),
    ("Japan recognised Bolivia.", "COOPERATE", ["JPN"], ["BOL"]),
]


@pytest.mark.parametrize("text,type_,src,tgt", CASES, ids=[c[0].split()[1] for c in CASES])
def test_verb_coverage(events, only, text, type_, src, tgt):
    em = only(events(text), type_)
    assert em.source == src and sorted(em.target) == sorted(tgt)


def test_violating_a_ceasefire_asks_for_its_parties(events, only):
    em = only(events("Peru violated the ceasefire on Sunday."), "ASSAULT")
    assert em.source == ["PER"] and "parties" in em.context


def test_denial_rejects(events, only):
    em = only(events("Chile denied Peru access to the port."), "REJECT")
    assert em.source == ["CHL"] and em.target == ["PER"]


def test_a_reference_prefers_the_complete_event(events, only):
    text = "Peru shelled Chile on Saturday, while Chilean air defences shot down two others. Japan condemned the attack."
    em = only(events(text), "ACCUSE")
    assert em.target == ["PER"]
