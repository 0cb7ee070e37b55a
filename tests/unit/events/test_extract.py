"""Event coding from sentence structure: types, roles, voice, nominal events, status."""
from __future__ import annotations

import pytest

from storyline.events.patterns import modes


TYPES = [
    ("Chile reached a trade agreement with Peru.", "AGREE", ["CHL"], ["PER"]),
    ("Chile signed a trade agreement with Peru.", "SUPPORT", ["CHL"], ["PER"]),  # the codebook: signing is SUPPORT
    ("Japan met Brazil in Geneva.", "CONSULT", ["JPN"], ["BRA"]),
    ("Canada praised Mexico for its restraint.", "SUPPORT", ["CAN"], ["MEX"]),
    ("Chile apologised to Peru for the incident.", "CONCEDE", ["CHL"], ["PER"]),
    ("Norway cooperated with Canada on fisheries.", "COOPERATE", ["NOR"], ["CAN"]),
    ("Japan sent weapons to Brazil.", "AID", ["JPN"], ["BRA"]),
    ("Peru withdrew its troops from Bolivia.", "RETREAT", ["PER"], ["BOL"]),
    ("Chile urged Peru to reopen the border.", "REQUEST", ["CHL"], ["PER"]),
    ("Canada accused Mexico of spying.", "ACCUSE", ["CAN"], ["MEX"]),
    ("Brazil rejected Japan's proposal.", "REJECT", ["BRA"], ["JPN"]),
    ("Peru threatened Chile with severe consequences.", "THREATEN", ["PER"], ["CHL"]),
    ("Farmers from Chile protested against Peru.", "PROTEST", ["CHL"], ["PER"]),
    ("Canada sanctioned Mexico.", "SANCTION", ["CAN"], ["MEX"]),
    ("Peru massed troops on the border with Bolivia.", "MOBILIZE", ["PER"], ["BOL"]),
    ("Chile seized Peruvian fishing boats.", "COERCE", ["CHL"], ["PER"]),
    ("Japan attacked Brazil.", "ASSAULT", ["JPN"], ["BRA"]),
]


@pytest.mark.parametrize("text,type_,src,tgt", TYPES, ids=[f"{t[1]}-{i}" for i, t in enumerate(TYPES)])
def test_each_type(events, only, text, type_, src, tgt):
    em = only(events(text), type_)
    assert em.source == src and em.target == tgt
    codebook = modes()[type_]["codebook"]  # the mode is one the PLOVER codebook defines for the type, if it has any
    assert em.cameo and (em.mode in codebook if codebook else em.mode is None)
    assert (em.start, em.end) == (0, len(text)) and em.text == text


def test_passive_voice_agent_is_source(events, only):
    em = only(events("Bolivia was invaded by Peru."), "ASSAULT")
    assert em.source == ["PER"] and em.target == ["BOL"] and em.status == "occurred"


def test_nominal_event_with_year_and_by_agent(events, only):
    em = only(events("The vote followed the 2019 invasion of Bolivia by Peru."), "ASSAULT")
    assert em.source == ["PER"] and em.target == ["BOL"] and em.trigger == "invasion"


def test_talks_between_are_symmetric(events, only):
    em = only(events("Talks between Chile and Peru ended without a deal."), "CONSULT")
    assert em.symmetric and {*em.source, *em.target} == {"CHL", "PER"}


def test_coordinated_subject_meets(events, only):
    em = only(events("Japan and Brazil will meet in Geneva."), "CONSULT")
    assert {*em.source, *em.target} == {"JPN", "BRA"} and em.status == "scheduled"
    assert em.location == "Geneva" and em.lat and em.lon


def test_reported_speech_source_is_inner_subject(events, only):
    em = only(events("Lopez said that Japan attacked Brazil."), "ASSAULT")
    assert em.source == ["JPN"] and em.target == ["BRA"]


def test_pronoun_refers_to_speaker(events, only):
    em = only(events("Canada said it would sanction Mexico."), "SANCTION")
    assert em.source == ["CAN"] and em.target == ["MEX"]


def test_modifier_actor_counts_for_head(events, only):
    em = only(events("Peruvian troops attacked Bolivia."), "ASSAULT")
    assert em.source == ["PER"]


def test_call_for_meeting_takes_target_from_with(events, only):
    ems = events("Chile called for a meeting with Peru.")
    assert only(ems, "REQUEST").target == ["PER"]
    meeting = only(ems, "CONSULT")
    assert {*meeting.source, *meeting.target} == {"CHL", "PER"} and meeting.status == "scheduled"


def test_conditional_attack_is_not_an_attack_but_a_threat_is_made(events, only):
    ems = events("Canada said it would impose sanctions on Mexico if it attacked Chile.")
    assault = only(ems, "ASSAULT")
    assert assault.status == "conditional" and assault.source == ["MEX"]
    threat = only(ems, "THREATEN")
    assert threat.source == ["CAN"] and threat.target == ["MEX"] and threat.status == "occurred"


def test_in_the_event_of_is_conditional(events, only):
    em = only(events("Japan will support Brazil in the event of an invasion of Brazil by Chile."), "ASSAULT")
    assert em.status == "conditional"


def test_denied_and_hypothetical_and_ongoing(events, only):
    assert only(events("Japan did not attack Brazil."), "ASSAULT").status == "denied"
    assert only(events("Japan refused to meet Brazil."), "CONSULT").status == "denied"
    assert only(events("Japan could attack Brazil."), "ASSAULT").status == "hypothetical"
    assert only(events("Chile fears that Peru is considering invading Bolivia."), "ASSAULT").status == "hypothetical"
    assert only(events("Peru is sending troops to Bolivia."), "MOBILIZE").status == "ongoing"


def test_ruled_out_is_a_rejection_that_occurred(events, only):
    em = only(events("Chile ruled out talks with Peru."), "REJECT")
    assert em.status == "occurred" and em.source == ["CHL"]


def test_person_source_and_affiliation_not_its_own_target(events, only):
    em = only(events("Sato condemned Brazil."), "ACCUSE")
    assert em.source == ["person:kenji_sato"] and em.target == ["BRA"]


def test_no_actor_no_event(events, only):
    assert events("The weather attacked the harvest and officials met yesterday.") == []


def test_a_classifier_event_finds_its_target_inside_the_object_phrase(nlp):
    """The object fallback (types.json `target_from: object`) reads the trigger's complements, not its adjuncts."""
    from storyline.events.extract import object_actors
    from storyline.events.roles import ActorIndex
    from storyline.pipeline import _doc_mentions

    def targets(text, verb, src):
        doc = nlp(text)
        tok = next(t for t in doc if t.text == verb)
        return object_actors(tok, ActorIndex(doc, _doc_mentions(doc, "d")), src)

    assert targets("The Kenyan cabinet barred Somali traders from the border markets on Monday.", "barred",
                   ["KEN"]) == ["SOM"]
    assert targets("Chile lodged a formal complaint with Bolivia over the river dispute.", "lodged",
                   ["CHL"]) == ["BOL"]
    # what a verb's time and place adjuncts name is no target; nor is the source's own side
    assert targets("Chilean police arrested forty students in Santiago after the march.", "arrested",
                   ["CHL"]) == []


def test_the_lead_sentence_tells_the_news_and_counts_more(nlp):
    from storyline.events import extract_events
    from storyline.pipeline import _doc_mentions

    def conf(text):
        doc = nlp(text)
        return max(e.confidence for e in extract_events(doc, "d", _doc_mentions(doc, "d")) if e.type == "ASSAULT")

    lead = conf("Ugandan troops shelled rebel positions in Kasese on Tuesday. The town was quiet on Wednesday.")
    later = conf("The town was quiet on Wednesday. Ugandan troops shelled rebel positions in Kasese on Tuesday.")
    assert lead > later
