"""Anaphoric event nouns, status of conjoined and negative verbs, places and struck cities."""
from __future__ import annotations


def test_condemned_the_strike_targets_the_attacker(events, only):
    ems = events("Japanese jets struck Brazil on Tuesday.\nCanada strongly condemned the strike.")
    accuse = only(ems, "ACCUSE")
    assert accuse.source == ["CAN"] and accuse.target == ["JPN"]
    assert [e.type for e in ems].count("ASSAULT") == 1  # "the strike" is no second attack


def test_rejected_the_accusation_targets_the_accuser_of_its_side(events, only):
    ems = events("Chile accused Mexico of spying. Peru accused Norway of lying.\nMexico rejected the accusation.")
    reject = only(ems, "REJECT")
    assert reject.source == ["MEX"] and reject.target == ["CHL"]
    assert all(e.status == "occurred" for e in ems)


def test_welcomed_the_decision_points_to_the_latest_event(events, only):
    ems = events("Peru withdrew its troops from Bolivia.\nBolivia welcomed the decision.")
    support = [e for e in ems if e.source == ["BOL"]]
    assert support and support[0].target == ["PER"]


def test_reference_looks_back_only_a_bounded_window(events):
    filler = " ".join("The weather was mild in the valley that week." for _ in range(60))
    ems = events("Japan attacked Brazil.\n" + filler + "\nCanada condemned the attack.")
    assert not any(e.source == ["CAN"] and e.target for e in ems)


def test_definite_noun_with_own_actors_is_a_new_event(events, only):
    ems = events("Canada condemned the attack on Chile by Peru.")
    assert only(ems, "ASSAULT").target == ["CHL"]


def test_rejecting_does_not_negate_a_conjoined_verb(events, only):
    ems = events("Brazil rejected the claim and accused Japan of lying.")
    accuse = only(ems, "ACCUSE")
    assert accuse.status == "occurred" and accuse.target == ["JPN"]
    assert only(ems, "REJECT").status == "occurred"


def test_refusing_is_an_event_and_a_coordinated_withdrawal_occurred(events, only):
    ems = events("Peru refused on Monday to extend the truce and withdrew from Bolivia.")
    assert only(ems, "RETREAT").status == "occurred"
    assert only(ems, "REJECT").status == "occurred"


def test_refused_to_attack_is_denied(events, only):
    assert only(events("Peru refused to attack Bolivia."), "ASSAULT").status == "denied"


def test_common_noun_homograph_is_no_place(events, only):
    em = only(events("Chile signed an agreement with Peru in a deal brokered by Japan."), "SUPPORT")
    assert em.location is None


def test_proper_place_is_kept(events, only):
    em = only(events("Chile signed an agreement with Peru in Istanbul."), "SUPPORT")
    assert em.location == "Istanbul" and em.lat is not None


def test_struck_city_targets_its_country(events, only):
    em = only(events("Japan attacked Odesa on Friday."), "ASSAULT")
    assert em.target == ["UKR"] and em.location == "Odesa"


def test_struck_port_of_city(events, only):
    em = only(events("Japanese missiles struck the port of Odesa."), "ASSAULT")
    assert em.source == ["JPN"] and em.target == ["UKR"] and em.location == "Odesa"


def test_struck_city_replaces_an_actor_minted_on_it(nlp):
    from storyline.events import extract_events
    from storyline.model import Mention

    text = "Japan attacked Odesa."
    ms = [Mention("d", "JPN", 0, 5, "Japan"), Mention("d", "person:odesa", 15, 20, "Odesa")]
    em = next(e for e in extract_events(nlp(text), "d", ms) if e.type == "ASSAULT")
    assert em.target == ["UKR"] and em.location == "Odesa"


def test_assault_placed_in_a_foreign_city_targets_its_country(events, only):
    em = only(events("Japan said its missiles had struck military targets in Odesa."), "ASSAULT")
    assert em.target == ["UKR"]


def test_a_proper_name_part_is_no_town(events, only):
    em = only(events("Peru attacked ships of the Black Sea Fleet near Bolivia."), "ASSAULT")
    assert em.location != "Fleet"


def test_passive_with_agent_does_not_take_the_speaker(events):
    ems = events("Chile said the vessels had been attacked by drones.")
    assert not any(e.type == "ASSAULT" and e.source == ["CHL"] for e in ems)


def test_past_perfect_report_is_not_dated_by_the_saying(events, only):
    from storyline.events import assign_dates
    from storyline.model import TimeExpr

    text = "Japan said on Sunday that its missiles had struck targets in Brazil."
    ems = events(text)
    i = text.index("on Sunday")
    assign_dates(ems, [TimeExpr(doc="d", start=i + 3, end=i + 9, text="Sunday", value="2022-07-24")])
    assert only(ems, "ASSAULT").date is None


def test_leaving_an_agreement_targets_its_other_parties(events, only):
    ems = events("Chile and Peru signed a fishing agreement in May.\nChile withdrew from the agreement on Friday.")
    assert only(ems, "RETREAT").target == ["PER"]


def test_leaving_an_agreement_not_told_stays_one_sided(events, only):
    ems = events("Chile withdrew from the agreement on Friday.")
    assert only(ems, "RETREAT").target == []


def test_suspending_participation_targets_the_other_parties(events, only):
    ems = events("Japan, Brazil and Canada signed a grain agreement.\nJapan suspended its participation in the deal.")
    assert set(only(ems, "SANCTION").target) == {"BRA", "CAN"}
