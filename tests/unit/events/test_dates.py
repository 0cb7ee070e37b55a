"""Dates come from the temporal expression that governs the event, never from the publication day."""
from __future__ import annotations

from storyline.events import assign_dates
from storyline.events.dates import value_range
from storyline.model import TimeExpr



def _timex(text: str, phrase: str, value: str, type_: str = "DATE") -> TimeExpr:
    start = text.index(phrase)
    return TimeExpr(doc="d", start=start, end=start + len(phrase), text=phrase, type=type_, value=value)


def test_clause_timex_beats_sentence_timex(events, only):
    text = "On Monday, Chile said that Peru attacked Bolivia on Friday."
    ems = events(text)
    assault = only(ems, "ASSAULT")
    assign_dates(ems, [_timex(text, "On Monday", "2023-05-08"), _timex(text, "on Friday", "2023-05-05")])
    assert assault.date == "2023-05-05" and assault.precision == "day"


def test_sentence_timex_when_clause_has_none(events, only):
    text = "In March 2021, talks between Chile and Peru, which Bolivia hosted, collapsed."
    ems = events(text)
    talks = only(ems, "CONSULT")
    assign_dates(ems, [_timex(text, "March 2021", "2021-03")])
    assert talks.date == "2021-03" and (talks.date_start, talks.date_end) == ("2021-03-01", "2021-03-31")


def test_request_date_is_not_the_requested_meeting_date(events, only):
    text = "Chile called on Tuesday for a meeting with Peru on May 12."
    ems = events(text)
    assign_dates(ems, [_timex(text, "Tuesday", "2023-05-02"), _timex(text, "May 12", "2023-05-12")])
    assert only(ems, "REQUEST").date == "2023-05-02"
    assert only(ems, "CONSULT").date == "2023-05-12"


def test_undated_past_event_and_durations(events, only):
    text = "Japan attacked Brazil for three days."
    ems = events(text)
    assign_dates(ems, [_timex(text, "three days", "P3D", "DURATION")])
    assert only(ems, "ASSAULT").date is None and only(ems, "ASSAULT").date_start is None


def test_value_ranges():
    assert value_range("2022-W02")[:2] == (value_range("2022-01-10")[0], value_range("2022-01-16")[0])
    assert value_range("2014")[2] == "year" and value_range("P2M") is None and value_range("PRESENT_REF") is None
