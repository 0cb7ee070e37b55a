"""Turns of phrase that tell events, conditional threats of leaving, reactions and pronouns across sentences."""
from __future__ import annotations

from storyline.events import assign_dates
from storyline.model import TimeExpr


def test_bearing_responsibility_for_a_task_is_a_demand_on_the_bearer(events, only):
    em = only(events("Lopez said Peru bore responsibility for making sure the truce was respected."), "REQUEST")
    assert em.source == ["person:maria_lopez"] and em.target == ["PER"] and em.status == "occurred"


def test_bearing_responsibility_for_an_attack_is_blame(events, only):
    em = only(events("Chile said Peru bears responsibility for the attack."), "ACCUSE")
    assert em.source == ["CHL"] and em.target == ["PER"]


def test_responsibility_nobody_speaks_of_is_no_event(events):
    assert not [e for e in events("Peru bears responsibility for the ships.") if e.type in ("REQUEST", "ACCUSE")]


def test_nothing_to_do_with_rejects_the_accusers_and_the_addressee(events, only):
    ems = events("Japan accused Peru of shelling Bolivia. Peru told Canada that it had nothing to do with "
                 "the shelling.")
    em = only(ems, "REJECT")
    assert em.source == ["PER"] and set(em.target) == {"JPN", "CAN"}


def test_condemnation_drawn_from_someone_accuses_the_attacker(events, only):
    ems = events("Japan struck Brazil. The strike drew condemnation from Chile.")
    em = only(ems, "ACCUSE")
    assert em.source == ["CHL"] and em.target == ["JPN"]


def test_a_time_reference_at_a_distance_keeps_its_own_date(events):
    text = "Japan said on Sunday that its jets struck Brazil, a day after the raid drew criticism from Chile."
    ems = events(text)
    i = text.index("on Sunday")
    assign_dates(ems, [TimeExpr(doc="d", start=i, end=i + 9, text="on Sunday", value="2023-03-05")])
    accuse = [e for e in ems if e.type == "ACCUSE"]
    assert accuse and accuse[0].source == ["CHL"] and accuse[0].date is None


def test_reserving_the_right_to_withdraw_if_is_a_threat(events, only):
    em = only(events("Lopez said Peru reserved the right to withdraw again if Chile broke its guarantees."),
              "THREATEN")
    assert em.source == ["PER"] and em.target == ["CHL"] and em.status == "occurred"


def test_a_conditional_pullout_from_a_deal_is_a_threat(events, only):
    ems = events("Peru said it would pull out of the pact if Chile broke its promises.")
    assert only(ems, "THREATEN").target == ["CHL"]
    assert only(ems, "RETREAT").status == "conditional"


def test_that_move_misparsed_as_a_clause_still_points_back(events, only):
    ems = events("Peru suspended its participation in the pact.\nLopez called that move purely outrageous.")
    em = only(ems, "ACCUSE")
    assert em.source == ["person:maria_lopez"] and em.target == ["PER"]


def test_a_later_conjunct_has_its_own_time(events, only):
    em = only(events("Peru suspended its participation last month but rejoined a few days later."), "COOPERATE")
    assert "shares-date" not in em.context


def test_pronoun_takes_the_previous_sentences_subject(events, only):
    em = only(events("Chile met Peru in Lima. It accused Japan of spying."), "ACCUSE")
    assert em.source == ["CHL"] and em.target == ["JPN"]


def test_pronoun_does_not_reach_into_the_previous_paragraph(events):
    ems = events("Chile met Peru in Lima.\nIt accused Japan of spying.")
    assert all(e.source == [] for e in ems if e.type == "ACCUSE")


def test_leaving_without_an_object_after_an_agreement_is_about_it(events, only):
    ems = events("Chile signed the fisheries pact with Peru. Peru pulled out on Friday.")
    assert "parties" in only(ems, "RETREAT").context
