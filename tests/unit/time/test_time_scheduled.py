"""Scheduled happenings: present tense of a timetable looks forward, agency style names today by its
weekday, and a plan seen from the past ("was due to") does not push a weekday a week ahead."""
from datetime import date

import pytest

from storyline.time import normalize

SAT = date(2024, 6, 8)  # a Saturday


def value(text: str, span: str, dct: date = SAT) -> str | None:
    return {t.text: t.value for t in normalize(text, dct)}[span]


@pytest.mark.parametrize("text,want", [
    # the present tense of a schedule looks forward
    ("The new tariff takes effect on Tuesday.", "2024-06-11"),
    ("The embargo comes into force on Tuesday, the council said.", "2024-06-11"),
    ("The licence expires on Tuesday.", "2024-06-11"),
    ("The permit is due on Tuesday.", "2024-06-11"),
    ("The grace period runs out on Tuesday.", "2024-06-11"),
    ("The border crossing opens on Tuesday.", "2024-06-11"),
    # and a coming weekday may be today
    ("The truce will take effect at noon on Saturday.", "2024-06-08"),
    ("The renewal takes effect on Saturday, when the first term ends.", "2024-06-08"),
    ("Both delegations are expected to sign the accord on Saturday.", "2024-06-08"),
])
def test_a_schedule_looks_forward_from_today(text, want):
    span = "Tuesday" if "Tuesday" in text else "Saturday"
    assert value(text, span) == want


@pytest.mark.parametrize("text", [
    "The truce was due to take effect at noon on Saturday but collapsed within hours.",
    "The ceasefire, which was expected to start on Saturday, did not hold.",
    "The vote had been planned for Saturday.",
])
def test_a_plan_seen_from_the_past_is_not_pushed_a_week_ahead(text):
    assert value(text, "Saturday", date(2024, 6, 10)) == "2024-06-08"  # Monday report: the Saturday just gone


def test_next_weekday_is_still_the_following_week():
    assert value("The summit opens next Saturday.", "next Saturday") == "2024-06-15"


def test_a_call_for_a_meeting_still_looks_forward():
    assert value("The envoy had called for a meeting on June 12.", "June 12", date(2024, 6, 4)) == "2024-06-12"
    assert value("The envoy had called for a meeting on Wednesday.", "Wednesday", date(2024, 6, 4)) == "2024-06-05"


@pytest.mark.parametrize("text,span,want", [
    ("The truce took effect at midnight on November 10, officials said.", "midnight", "2020-11-10T00:00"),
    ("Midnight of November 10 marked the end of the war.", "Midnight", "2020-11-10T00:00"),
    ("On November 9 the leaders signed a deal that ended the war at midnight.", "midnight", "2020-11-10T00:00"),
    ("The ceasefire holds from midnight tonight.", "midnight", "2020-11-13T00:00"),
    ("A truce was agreed on Saturday and took effect at midnight.", "midnight", "2020-11-08T00:00"),
    ("Talks begin at noon on Monday.", "noon", "2020-11-16T12:00"),
    ("The truce begins at 8 a.m. (0400 GMT) on Monday.", "8 a.m.", "2020-11-16T08:00"),
])
def test_clock_times_take_their_day(text, span, want):
    assert value(text, span, date(2020, 11, 12)) == want
