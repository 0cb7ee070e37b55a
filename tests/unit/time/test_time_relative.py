"""Relative expressions: direction from tense and cue words, ISO weeks, anaphora, durations, sets."""
from datetime import date

import pytest

from storyline.time import normalize


def values(text: str, dct: date) -> dict[str, str | None]:
    return {t.text: t.value for t in normalize(text, dct)}


# --- days without a year ---------------------------------------------------------------
def test_yearless_day_in_january_report_is_last_december():
    assert values("The envoy said on December 7 that nothing changed.", date(2024, 1, 10))["December 7"] == "2023-12-07"


def test_yearless_future_day_stays_this_year():
    got = values("The two ministers will meet on December 30 in Vienna.", date(2024, 12, 20))
    assert got["December 30"] == "2024-12-30"


def test_year_boundary_past_tense():
    got = values("The rebels attacked the port on December 30, officials said.", date(2025, 1, 3))
    assert got["December 30"] == "2024-12-30"


def test_year_boundary_future_tense():
    got = values("Parliament is scheduled to vote on January 5.", date(2024, 12, 28))
    assert got["January 5"] == "2025-01-05"


# --- weekdays --------------------------------------------------------------------------
WED = date(2023, 5, 17)  # a Wednesday


@pytest.mark.parametrize("text,span,value", [
    ("Negotiations will begin on Monday in Cairo.", "Monday", "2023-05-22"),
    ("The delegations began talks in Cairo on Monday.", "Monday", "2023-05-15"),
    ("In a call held Tuesday, the leaders agreed.", "Tuesday", "2023-05-16"),
    ("The minister resigned on Wednesday.", "Wednesday", "2023-05-17"),       # past, same weekday: the DCT
    ("The summit is to open on Wednesday.", "Wednesday", "2023-05-17"),       # future, same weekday: today (agency style)
    ("The summit is to open next Wednesday.", "next Wednesday", "2023-05-24"),
    ("Talks are planned for next Thursday.", "next Thursday", "2023-05-25"),
    ("The ceasefire collapsed last Friday.", "last Friday", "2023-05-12"),
    ("On Saturday, the army will withdraw.", "Saturday", "2023-05-20"),
])
def test_weekday_direction(text, span, value):
    assert values(text, WED)[span] == value


# --- weeks, months, seasons, years -----------------------------------------------------
@pytest.mark.parametrize("text,dct,span,value", [
    ("Inspectors arrive next week.", date(2021, 1, 1), "next week", "2021-W01"),   # 2021-01-01 is in 2020-W53
    ("Inspectors arrived this week.", date(2021, 1, 1), "this week", "2020-W53"),
    ("Inspectors arrived this week.", date(2022, 1, 2), "this week", "2021-W52"),  # a Sunday, past
    ("Inspectors will arrive this week.", date(2022, 1, 2), "this week", "2022-W01"),  # a Sunday, looking ahead
    ("Inspectors arrived last week.", date(2023, 5, 17), "last week", "2023-W19"),
    ("Prices fell last month.", date(2023, 1, 9), "last month", "2022-12"),
    ("Prices will fall next month.", date(2023, 12, 9), "next month", "2024-01"),
    ("Elections are due this year.", date(2023, 5, 17), "this year", "2023"),
    ("The treaty lapsed last year.", date(2023, 5, 17), "last year", "2022"),
    ("Earlier in the week, the two sides spoke.", date(2023, 5, 17), "Earlier in the week", "2023-W20"),
    ("Earlier this month, rockets hit the town.", date(2023, 5, 17), "Earlier this month", "2023-05"),
    # months and seasons
    ("The border was closed in October.", date(2023, 12, 4), "October", "2023-10"),
    ("The border was closed in October.", date(2023, 2, 4), "October", "2022-10"),
    ("The border will reopen in March.", date(2023, 11, 4), "March", "2024-03"),
    ("Both leaders met in Geneva last June.", date(2024, 1, 9), "last June", "2023-06"),
    ("Drought struck in the summer of 2019.", date(2023, 5, 1), "the summer of 2019", "2019-SU"),
    ("Protests began last spring.", date(2023, 11, 1), "last spring", "2023-SP"),
    ("Protests began last spring.", date(2023, 4, 1), "last spring", "2022-SP"),
])
def test_weeks_months_seasons_years(text, dct, span, value):
    assert values(text, dct)[span] == value


@pytest.mark.parametrize("text,dct,want", [
    ("Today the court ruled; yesterday it heard the case; tomorrow it adjourns; tonight it meets.", date(2023, 3, 1),
     {"Today": "2023-03-01", "yesterday": "2023-02-28", "tomorrow": "2023-03-02", "tonight": "2023-03-01TNI"}),
    ("Shelling has intensified in recent weeks and recently spread; the mayor is now in hiding.", date(2023, 3, 1),
     {"in recent weeks": "PAST_REF", "recently": "PAST_REF", "now": "PRESENT_REF"}),
    # "that same day" takes the last day named, not the last month
    ("The envoys will hold talks on Tuesday. The city hosted a summit last May. "
     "The foreign minister flies in that same day.", date(2023, 9, 8),
     {"Tuesday": "2023-09-12", "that same day": "2023-09-12"}),
    # an anaphoric day is a day in its turn: what follows counts from it
    ("Norland shelled Pell on Monday. The following day, talks opened at noon. The next day they collapsed.",
     date(2024, 6, 12), {"The following day": "2024-06-11", "noon": "2024-06-11T12:00", "The next day": "2024-06-12"}),
    ("The plant closed three years ago and reopened two weeks ago.", date(2023, 5, 17),
     {"three years ago": "2020", "two weeks ago": "2023-W18"}),
])
def test_day_words_refs_anaphora_and_ago(text, dct, want):
    got = values(text, dct)
    assert {span: got[span] for span in want} == want


# --- durations and sets ------------------------------------------------------------------
@pytest.mark.parametrize("text,span,value", [
    ("The siege lasted two months.", "two months", "P2M"),
    ("He served three years in jail.", "three years", "P3Y"),
    ("A 48 hours ultimatum.", "48 hours", "PT48H"),
    ("For a decade the mine was shut.", "a decade", "P10Y"),
    ("After several weeks of talks.", "several weeks", "PXW"),
    ("They held a three-day summit.", "three-day", "P3D"),
])
def test_durations(text, span, value):
    t = [x for x in normalize(text, date(2023, 1, 1)) if x.text == span][0]
    assert (t.type, t.value) == ("DURATION", value)


def test_sets():
    got = {t.text: (t.type, t.value) for t in normalize("Monitors report every week and patrol daily.", date(2023, 1, 1))}
    assert got["every week"] == ("SET", "P1W")
    assert got["daily"] == ("SET", "P1D")
