"""What a sentence leaves to its report and story: agreement parties, the report's news day; and dates
of neighbouring clauses that are not the event's."""
from __future__ import annotations

from storyline.events import assign_dates
from storyline.model import TimeExpr


def _timex(text: str, phrase: str, value: str) -> TimeExpr:
    start = text.index(phrase)
    return TimeExpr(doc="d", start=start, end=start + len(phrase), text=phrase, value=value)


def test_a_date_in_a_neighbouring_clause_is_not_the_events(events, only):
    text = "Maria Lopez condemned the raid, her aide said, adding that Peru had signed the pact on Friday."
    ems = events(text)
    assign_dates(ems, [_timex(text, "on Friday", "2023-05-05")])
    assert only(ems, "ACCUSE").date is None


def test_a_participle_shares_its_governors_date(events, only):
    text = "Returning home on Friday, Maria Lopez condemned Peru."
    ems = events(text)
    assign_dates(ems, [_timex(text, "on Friday", "2023-05-05")])
    assert only(ems, "ACCUSE").date == "2023-05-05"


def test_the_saying_date_still_dates_the_said_event(events, only):
    text = "Chile said on Monday that it was suspending its participation in the pact."
    ems = events(text)
    assign_dates(ems, [_timex(text, "on Monday", "2023-05-08")])
    assert only(ems, "SANCTION").date == "2023-05-08"


def test_leaving_an_agreement_asks_for_its_parties(events, only):
    em = only(events("Chile suspended its participation in the fisheries pact."), "SANCTION")
    assert em.source == ["CHL"] and em.target == [] and "parties" in em.context
    em = only(events("Peru withdrew from the arrangement."), "RETREAT")
    assert "parties" in em.context
    em = only(events("Peru withdrew its troops."), "RETREAT")
    assert "parties" not in em.context


def test_refusing_to_extend_a_deal_targets_its_parties_not_its_description(events, only):
    em = only(events("Peru refused to extend the deal that had let Chile sell copper to Japan."), "REJECT")
    assert em.source == ["PER"] and em.target == [] and "parties" in em.context


def test_an_agreement_extended_renewed_rejoined_resumed(events, only):
    em = only(events("The fisheries pact between Chile and Peru was extended for 120 days."), "AGREE")
    assert em.trigger == "extended" and em.mode is None and em.symmetric  # AGREE has no codebook modes
    em = only(events("The truce was renewed on Monday."), "AGREE")
    assert em.source == [] and "parties" in em.context
    em = only(events("Bolivia rejoined the initiative a week later."), "COOPERATE")
    assert em.source == ["BOL"] and "parties" in em.context
    em = only(events("Chile said it would resume its participation in the deal."), "COOPERATE")
    assert em.status == "scheduled" and "parties" in em.context


def test_would_under_a_past_saying_is_a_plan_unless_conditional(events, only):
    assert only(events("Chile said it would meet Peru."), "CONSULT").status == "scheduled"
    assert only(events("Chile said it would attack Peru if Peru crossed the border."), "ASSAULT").status \
        == "conditional"
    assert only(events("Chile could meet Peru."), "CONSULT").status == "hypothetical"


def test_news_day_only_for_the_reports_own_acts(events, only):
    assert "day" in only(events("Chile rejected Peru's proposal."), "REJECT").context
    assert "day" not in only(events("Chile had rejected Peru's proposal."), "REJECT").context
    assert "day" not in only(events("Since Chile accused Peru of spying, trade has slowed."), "ACCUSE").context
    assert "day" not in only(events("Japan attacked Brazil."), "ASSAULT").context  # not a spoken act


def test_a_verb_without_its_own_subject_shares_its_governors_date(events, only):
    text = "Peru refused on Monday to extend the pact and withdrew from the arrangement."
    ems = events(text)
    assign_dates(ems, [_timex(text, "on Monday", "2023-07-17")])
    assert only(ems, "RETREAT").date == "2023-07-17"
    text = "Chile pulled out on Saturday, accusing Peru of spying."
    ems = events(text)
    assign_dates(ems, [_timex(text, "on Saturday", "2023-07-15")])
    assert only(ems, "ACCUSE").date == "2023-07-15" and only(ems, "RETREAT").date == "2023-07-15"


def test_calling_an_attack_barbaric_accuses_its_author(events, only):
    em = only(events("Peru shelled Chile. Maria Lopez called the attack barbaric."), "ACCUSE")
    assert em.source == ["person:maria_lopez"] and em.target == ["PER"]


def test_calling_something_a_relief_for_someone_is_no_request(events):
    assert not [e for e in events("Maria Lopez called the sailing a day of relief for Peru.") if e.type == "REQUEST"]
    assert [e for e in events("Chile called for talks with Peru.") if e.type == "REQUEST"]


def test_a_passive_demand_names_no_addressee(events, only):
    em = only(events("Chile demanded that the bank of Peru be reconnected to Japan."), "REQUEST")
    assert em.target == []
