"""Bare past weekdays bound a report's date from below: a report that tells of something done "on
Wednesday" was written on or after that Wednesday, and the weekdays it tells in the past lie in the
week before it, read as tightly as its date allows. A lead's "Tuesday" followed by a past "Wednesday"
in the body makes the report Wednesday's (or later), not Tuesday's with a Wednesday six days back.

An invented crisis: Norland strikes Sutria on Tuesday, June 11, 2024; Velmar mediates."""
import pytest

from storyline.model import Document
from storyline.time import normalize
from storyline.time.constraints import past_week_share
from storyline.time.evidence import ReportEvidence
from time_story import dated, solver

run = solver({"Norland": "NOR", "Norlandic": "NOR", "Sutria": "SUT", "Sutrian": "SUT", "Velmar": "VEL"})

TUESDAY, WEDNESDAY = "2024-06-11", "2024-06-12"
STRIKE = dated("strike", "2024-06-14", "Norlandic jets struck Sutria on Tuesday, the Velmar mission said.")


def _tellers(body: str) -> list[str]:
    r = ReportEvidence(Document(id="x", body=body), None)
    return [body[r.prepared[i][0]:r.prepared[i][1]] for i in r.past_weekdays]


def test_a_later_past_weekday_in_the_body_moves_the_report_past_the_leads_day():
    report = Document(id="claims", body=("Norlandic jets struck Sutria on Tuesday, officials said.\n"
                                         "On Wednesday, Velmar rejected Norland's account of the raid and "
                                         "said no camp had been hit."))
    day, conf, note = run(STRIKE, report)["claims"]
    assert day == WEDNESDAY and conf > 0, note
    assert "in strike" in note and "is the day before" in note
    got = {t.text: t.value for t in normalize(report.body, day)}
    assert got == {"Tuesday": TUESDAY, "Wednesday": WEDNESDAY}  # not the Wednesday six days back


def test_a_capture_day_alone_with_the_same_two_weekdays():
    report = Document(id="x", captured="2024-06-14", body=(
        "Sutria said on Tuesday that Norland had shelled its border posts.\n"
        "Norland denied it on Wednesday and said Sutrian troops fired first."))
    day, _conf, note = run(report)["x"]
    assert day == WEDNESDAY, note


def test_without_the_later_weekday_the_lead_keeps_its_day():
    report = Document(id="claims", body=("Norlandic jets struck Sutria on Tuesday, officials said.\n"
                                         "Velmar rejected Norland's account of the raid."))
    assert run(STRIKE, report)["claims"][0] == TUESDAY


def test_an_earlier_weekday_in_the_body_does_not_move_the_lead():
    # Saturday before the lead's Tuesday: the loose reading (Saturday three days back) is the right one
    report = Document(id="claims", body=("Norlandic jets struck Sutria on Tuesday, officials said.\n"
                                         "The raid followed an attack on a Norlandic convoy on Saturday."))
    day, _conf, note = run(STRIKE, report)["claims"]
    assert day == TUESDAY, note


@pytest.mark.parametrize("told", ["Velmar rejected Norland's demands on Wednesday last week.",
                                  "Velmar had rejected Norland's demands on Wednesday."])
def test_a_weekday_placed_in_another_week_is_not_read_with_the_others(told):
    report = Document(id="claims", body=("Norlandic jets struck Sutria on Tuesday, officials said.\n"
                                         + told))
    assert run(STRIKE, report)["claims"][0] == TUESDAY


@pytest.mark.parametrize("body,want", [
    ("Norland struck on Tuesday. On Wednesday, Velmar objected.", ["Tuesday", "Wednesday"]),
    ("Norland struck on Tuesday. Talks began on Monday last week.", ["Tuesday"]),
    ("Norland struck on Tuesday. Last week, on Monday, talks failed.", ["Tuesday"]),
    ("Norland struck on Tuesday. Talks failed last Monday.", ["Tuesday"]),       # a modifier says which week
    ("Norland struck on Tuesday. Talks will resume on Friday.", ["Tuesday"]),    # coming, not past
    ("Norland struck on Wednesday, June 5. Velmar objected on Thursday.", ["Thursday"]),  # a date says it
    # the past perfect tells a day earlier than the news: it may lie more than a week back
    ("Norland struck on Tuesday. On Wednesday, Velmar had rejected the demands.", ["Tuesday"]),
    ("Norland struck on Tuesday. Velmar had objected on Wednesday.", ["Tuesday"]),
    ("Norland struck on Tuesday. Velmar said on Wednesday it had been warned.", ["Tuesday", "Wednesday"]),
])
def test_which_weekdays_are_read_as_one_stretch(body, want):
    assert _tellers(body) == want


@pytest.mark.parametrize("days,span", [
    ("Tuesday Wednesday", 1), ("Saturday Monday", 2), ("Wednesday Saturday", 3), ("Friday Saturday Sunday", 2),
    ("Tuesday", None), ("Tuesday Tuesday", None),
])
def test_the_fewest_days_a_set_of_weekdays_covers(days, span):
    body = " ".join(f"Norland struck on {d}." for d in days.split())
    assert ReportEvidence(Document(id="x", body=body), None).week_span == span


def test_past_week_share_falls_from_the_tightest_reading_to_six_days():
    assert past_week_share(1, 1) == 1.0 and past_week_share(6, 1) == 0.0
    assert past_week_share(4, 3) == pytest.approx(2 / 3)  # one day looser than the tightest costs little
    assert past_week_share(5, 2) == pytest.approx(1 / 4)
