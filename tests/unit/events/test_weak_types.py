"""Coverage of the weaker PLOVER types: protest, aid, retreat, cooperate, mobilize, reject, coerce, concede,
support. Sentences are invented; each checks type, source and target."""
from __future__ import annotations

import pytest

CASES = [
    # PROTEST: a group of a country's people; the target is whom they protest against
    ("Chilean farmers marched against the government in Santiago.", "PROTEST", ["CHL"], ["CHL"]),
    ("Peruvian workers went on strike against the government's fuel policy.", "PROTEST", ["PER"], ["PER"]),
    ("Chilean students rallied outside the Peruvian embassy.", "PROTEST", ["CHL"], ["PER"]),
    ("Brazilian miners protested outside the Chilean consulate.", "PROTEST", ["BRA"], ["CHL"]),
    # AID
    ("Japan donated vaccines to Bolivia.", "AID", ["JPN"], ["BOL"]),
    ("Japan granted a $1 billion loan to Peru.", "AID", ["JPN"], ["PER"]),
    ("Chile delivered food and tents to Bolivia.", "AID", ["CHL"], ["BOL"]),
    ("Brazil pledged $200 million in aid to Bolivia.", "AID", ["BRA"], ["BOL"]),
    ("Norway shipped ammunition to Canada.", "AID", ["NOR"], ["CAN"]),
    # RETREAT
    ("Peru pulled back its forces from the border with Chile.", "RETREAT", ["PER"], ["CHL"]),
    ("Chile will pull its troops out of Bolivia.", "RETREAT", ["CHL"], ["BOL"]),
    ("Chile lowered the combat readiness of its troops on the border with Peru.", "RETREAT", ["CHL"], ["PER"]),
    # COOPERATE
    ("Chile and Peru held joint naval exercises.", "COOPERATE", ["CHL"], ["PER"]),
    ("Chile shared intelligence with Peru.", "COOPERATE", ["CHL"], ["PER"]),
    ("Chilean and Peruvian police coordinated arrests of smugglers.", "COOPERATE", ["CHL"], ["PER"]),
    ("Mexico joined forces with Canada against the cartels.", "COOPERATE", ["MEX"], ["CAN"]),
    # MOBILIZE
    ("Chile put its navy on alert along the border with Peru.", "MOBILIZE", ["CHL"], ["PER"]),
    ("Peru moved two armoured brigades toward the Chilean border.", "MOBILIZE", ["PER"], ["CHL"]),
    ("Brazil held military drills near Bolivia.", "MOBILIZE", ["BRA"], ["BOL"]),
    ("Peru sent warships to the coast of Chile.", "MOBILIZE", ["PER"], ["CHL"]),
    ("Thousands of Peruvian soldiers were deployed to the border with Chile.", "MOBILIZE", ["PER"], ["CHL"]),
    # REJECT
    ("Peru turned down Chile's offer of talks.", "REJECT", ["PER"], ["CHL"]),
    ("Mexico blocked Canada's membership bid.", "REJECT", ["MEX"], ["CAN"]),
    ("Chile refused to pay, despite Peruvian demands.", "REJECT", ["CHL"], ["PER"]),
    # COERCE
    ("Peru deported two Chilean journalists.", "COERCE", ["PER"], ["CHL"]),
    ("The arrest of three Chilean activists by Peruvian police angered Santiago.", "COERCE", ["PER"], ["CHL"]),
    ("Chile is holding two Peruvian fishermen.", "COERCE", ["CHL"], ["PER"]),
    # CONCEDE
    ("Chile yielded to pressure from Peru.", "CONCEDE", ["CHL"], ["PER"]),
    ("Peru backed down in its dispute with Chile.", "CONCEDE", ["PER"], []),
    ("Chile apologised to Peru for the incident.", "CONCEDE", ["CHL"], ["PER"]),
    ("Norway dropped its objection to Canada's bid.", "CONCEDE", ["NOR"], ["CAN"]),
    # SUPPORT
    ("Japan expressed solidarity with Chile.", "SUPPORT", ["JPN"], ["CHL"]),
    ("Mexico threw its weight behind Chile's bid.", "SUPPORT", ["MEX"], ["CHL"]),
    # second batch: receivers, convoys, packages, exchanges, relations, places of protests and arrests
    ("Peru received a loan from Japan.", "AID", ["JPN"], ["PER"]),
    ("Japan announced a military aid package for Peru.", "AID", ["JPN"], ["PER"]),
    ("A Brazilian aid convoy reached Bolivia on Monday.", "AID", ["BRA"], ["BOL"]),
    ("Chile and Peru exchanged prisoners of war.", "RETREAT", ["CHL"], ["PER"]),
    ("Chile halted its offensive against Peru.", "RETREAT", ["CHL"], ["PER"]),
    ("Chile and Peru restored diplomatic ties.", "COOPERATE", ["CHL"], ["PER"]),
    ("Chile and Peru will jointly patrol the border.", "COOPERATE", ["CHL"], ["PER"]),
    ("Protesters burned flags outside the Chilean embassy in Lima.", "PROTEST", ["PER"], ["CHL"]),
    ("Two Chilean sailors were detained in Lima.", "COERCE", ["PER"], ["CHL"]),
    ("Chile raised the alert level of its forces along the border with Peru.", "MOBILIZE", ["CHL"], ["PER"]),
    ("Chile softened its stance on Peru.", "CONCEDE", ["CHL"], ["PER"]),
    # third batch: amounts, plural pronouns, possessors, protests against one's own leader
    ("Japan will provide $500 million in grants to Peru.", "AID", ["JPN"], ["PER"]),
    ("Chile and Peru began their largest joint naval exercises.", "COOPERATE", ["CHL"], ["PER"]),
    ("Norway lifted its veto on Canada's membership.", "CONCEDE", ["NOR"], ["CAN"]),
    ("Japan expressed support for Chile's Pacific bid.", "SUPPORT", ["JPN"], ["CHL"]),
    ("Peruvian unions staged a nationwide strike against Maria Lopez's austerity plan.", "PROTEST", ["PER"],
     ["person:maria_lopez"]),
    ("Chilean students marched to demand the resignation of Maria Lopez.", "PROTEST", ["CHL"],
     ["person:maria_lopez"]),
    ("The Chilean embassy in Lima was pelted with stones by demonstrators.", "PROTEST", ["PER"], ["CHL"]),
    ("Japan announced $50 million in humanitarian aid for Peru.", "AID", ["JPN"], ["PER"]),
    ("The withdrawal of Chilean troops from Peru was completed on Monday.", "RETREAT", ["CHL"], ["PER"]),
    ("The release of two Chilean fishermen by Peruvian authorities was welcomed in Santiago.", "RETREAT", ["PER"],
     ["CHL"]),
    ("Peru agreed to Chile's demands.", "CONCEDE", ["PER"], ["CHL"]),
    ("Chile handed over two suspects to Peru.", "COOPERATE", ["CHL"], ["PER"]),
    ("Peru returned the seized trawler to Chile.", "RETREAT", ["PER"], ["CHL"]),
    ("Chile and Peru launched a joint search for the missing plane.", "COOPERATE", ["CHL"], ["PER"]),
    ("Japan voiced support for Chile's bid.", "SUPPORT", ["JPN"], ["CHL"]),
    ("Brazil congratulated Peru on the election.", "SUPPORT", ["BRA"], ["PER"]),
    ("Mexico defended Chile's decision to close the border.", "SUPPORT", ["MEX"], ["CHL"]),
]


@pytest.mark.parametrize("text,type_,src,tgt", CASES, ids=[c[0][:40] for c in CASES])
def test_weak_type_coverage(events, only, text, type_, src, tgt):
    em = only(events(text), type_)
    assert em.source == src
    assert sorted(em.target) == sorted(tgt) or not tgt and not em.target


@pytest.mark.parametrize("text", [
    "The striker scored twice as Chile crushed Peru 3-0 on Sunday.",
    "A strong earthquake struck southern Peru on Monday.",
    "Shares in Tokyo rallied after the Bank of Japan held rates.",
    "Heavy rain forced organisers to move the march to Sunday.",
])
def test_no_event_sentences_stay_quiet(events, text):
    assert [e.type for e in events(text) if e.source and e.target] == []


def test_a_protest_naming_a_foreign_target_is_not_domestic(events):
    ems = [e for e in events("Chilean farmers blocked roads in protest against Peru's trade policy.")
           if e.type == "PROTEST" and e.target]
    assert ems and all(e.target == ["PER"] for e in ems)


def test_a_joint_raid_stays_an_assault(events, only):
    em = only(events("Chilean and Peruvian forces launched a joint raid on the smugglers' camp."), "ASSAULT")
    assert sorted(em.source) == ["CHL", "PER"]


def test_a_blocked_aid_package_is_no_aid(events):
    assert not [e for e in events("Mexico blocked Chile's aid package for Peru.") if e.type == "AID"]


def test_a_refusal_to_concede_is_denied(events, only):
    em = only(events("Chile ruled out any concessions to Peru."), "CONCEDE")
    assert em.source == ["CHL"] and em.target == ["PER"] and em.status == "denied"
