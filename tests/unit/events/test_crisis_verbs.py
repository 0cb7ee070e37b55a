"""Crisis verbs beyond the demo corpus: captures and releases, trade sanctions, promised responses,
assaults aimed at the place they hit. Several paraphrases per rule (active, participle, reported speech)."""
from __future__ import annotations

import pytest

CASES = [
    ("Chile captured a Peruvian pilot.", "COERCE", ["CHL"], ["PER"]),
    ("The Peruvian pilot captured by Chilean forces was questioned.", "COERCE", ["CHL"], ["PER"]),
    ("Chilean troops detained two Peruvian fishermen.", "COERCE", ["CHL"], ["PER"]),
    ("Chile raised the customs duty on all goods imported from Peru to 200 percent.", "SANCTION", ["CHL"], ["PER"]),
    ("Chile imposed a duty on Peruvian imports.", "SANCTION", ["CHL"], ["PER"]),
    ("Chile withdrew Peru's trade status.", "SANCTION", ["CHL"], ["PER"]),
    ("Chile said it was withdrawing the trade status it had granted to Peru.", "SANCTION", ["CHL"], ["PER"]),
    ("Chile revoked the trade privileges it had given Peru.", "SANCTION", ["CHL"], ["PER"]),
    ("Chile downed two Peruvian jets.", "ASSAULT", ["CHL"], ["PER"]),
    ("Chilean jets struck a target inside Peru.", "ASSAULT", ["CHL"], ["PER"]),
    ("Chilean warplanes carried out a strike on a camp near the border in Peru.", "ASSAULT", ["CHL"], ["PER"]),
]


@pytest.mark.parametrize("text,type_,src,tgt", CASES, ids=[c[0][:30] for c in CASES])
def test_crisis_verbs(events, only, text, type_, src, tgt):
    em = only(events(text), type_)
    assert em.source == src and sorted(em.target) == sorted(tgt)


@pytest.mark.parametrize("text", [
    "Peru shelled Chile on Monday. Chile said it would respond at a time and place of its choosing.",
    "Peru shelled Chile on Monday. The Chilean foreign minister said Chile had the right to respond.",
    "Peru shelled Chile on Monday. Chile vowed to retaliate.",
    "Peru shelled Chile on Monday. Chile will respond to Peru, Lopez said.",
])
def test_a_promised_response_threatens_the_attacker(events, only, text):
    em = only(events(text), "THREATEN")
    assert em.source == ["CHL"] and em.target == ["PER"] and em.status == "occurred"


def test_a_past_response_is_no_threat(events):
    assert not [e for e in events("Peru shelled Chile. Chile responded on Tuesday.") if e.type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "Peru attacked Chile. Chile said on Friday that those responsible for the attack would pay a heavy price.",
    "Peru attacked Chile. Those responsible for the attack will pay a heavy price, Chile said.",
])
def test_paying_a_price_threatens_the_attacks_author(events, only, text):
    em = only(events(text), "THREATEN")
    assert em.source == ["CHL"] and em.target == ["PER"]


@pytest.mark.parametrize("text", [
    "Chilean troops detained two Peruvian fishermen. Chile freed the fishermen on Monday.",
    "Chilean troops detained two Peruvian fishermen. Chile released them on Monday.",
    "Chile's president, Maria Lopez, said the Peruvian pilot captured by Chilean forces will be released on Friday.",
    "Chile handed the captured Peruvian airman back to Peru on Friday.",
])
def test_a_release_undoes_a_capture(events, only, text):
    em = only(events(text), "RETREAT")
    assert em.source in (["CHL"], ["person:maria_lopez"]) and "PER" in em.target


@pytest.mark.parametrize("text", ["A video released by Chilean officials showed the pilot.",
                                  "Chile released a statement on Peru."])
def test_releasing_a_document_is_no_release(events, text):
    assert not [e for e in events(text) if e.type == "RETREAT"]


def test_bombs_released_are_an_assault(events, only):
    em = only(events("Chilean jets released their bombs over a hillside in Peru."), "ASSAULT")
    assert em.source == ["CHL"]


def test_a_since_phrase_does_not_date_the_event(events):
    from storyline.events import assign_dates
    from storyline.model import TimeExpr

    text = "Chilean jets bombed a camp in Peru on Tuesday, the first such raid since the 1971 war."
    ems = events(text)
    tx = [TimeExpr(doc="d", start=text.index("Tuesday"), end=text.index("Tuesday") + 7, text="Tuesday",
                   value="2019-02-26"),
          TimeExpr(doc="d", start=text.index("1971"), end=text.index("1971") + 4, text="1971", value="1971")]
    assign_dates(ems, tx)
    em = next(e for e in ems if e.trigger == "bombed")
    assert em.date == "2019-02-26"
