"""Undated reports of a recurring story (weekly truces between the same two sides) are not dated a week
early: past dates named in the text do not pull the report to the earliest day they allow, and a match
that shares the whole cast (mediator included) beats one that only overlaps it.

An invented crisis: Valdoria and Kestria at war since Sunday, September 26, 2021; a truce agreed in Orvik
(mediator Orvand) on Saturday, October 9; a second truce on Saturday, October 16; a third brokered by
Tesmor that took effect on Monday, October 25."""
from datetime import date

from storyline.model import Document
from time_story import dated, solver

run = solver({"Valdoria": "VAL", "Valdorian": "VAL", "Kestria": "KES", "Kestrian": "KES", "Ganra": "KES", "Marn": "VAL",
              "Orvand": "ORV", "Orvik": "ORV", "Tesmor": "TES", "Tesmoran": "TES"})


WAR = dated("d1", "2021-09-27", "Heavy fighting broke out on Sunday between Valdoria and Kestria, and Kestria shelled "
                                "Marn on Sunday, Valdoria said.")
ORVIK = dated("d2", "2021-10-09", "Valdoria and Kestria agreed a humanitarian ceasefire on Saturday after ten hours of "
                                  "talks in Orvik, the Orvand foreign minister said.")
SECOND = dated("d4", "2021-10-18", "Valdoria and Kestria accused each other of breaking the new humanitarian ceasefire "
                                   "they agreed on Saturday.")
LATER = dated("d5", "2021-10-27", "Valdoria and Kestria traded blame on Tuesday for violations of the ceasefire "
                                  "brokered by Tesmor.")
DATED = (WAR, ORVIK, SECOND, LATER)

SECOND_TRUCE = Document(id="u2", body=(  # written on Sunday, October 17
    "Valdoria and Kestria agreed a new humanitarian ceasefire on Saturday, their foreign ministries said.\n"
    "The first truce, agreed in Orvik on October 9, collapsed within hours.\n"
    "Fighting has raged since September 26."))
THIRD_TRUCE = Document(id="u3", body=(  # written on Tuesday, October 26
    "A humanitarian ceasefire between Valdoria and Kestria brokered by Tesmor took effect on Monday.\n"
    "The second truce, which took effect on October 17, also failed within hours."))
ORVIK_TRUCE = Document(id="u1", body=(  # written on Saturday, October 9
    "Valdoria and Kestria agreed a humanitarian ceasefire on Saturday after talks in Orvik, "
    "the Orvand foreign minister said.\nFighting between Valdoria and Kestria has raged since September 26."))


def _day(guess) -> date | None:
    return date.fromisoformat(guess[0]) if guess[0] else None


def test_named_past_dates_do_not_pull_a_report_a_week_early():
    out = run(*DATED, SECOND_TRUCE, THIRD_TRUCE)
    second, third = _day(out["u2"]), _day(out["u3"])
    # once: 2021-10-09 and 2021-10-18, the day of the latest date each names (a week early)
    assert second is None or date(2021, 10, 16) <= second <= date(2021, 10, 17), out["u2"]
    assert third is None or date(2021, 10, 25) <= third <= date(2021, 10, 26), out["u3"]


def test_the_saturday_of_the_new_truce_is_the_one_matched():
    day, _conf, note = run(*DATED, SECOND_TRUCE)["u2"]
    assert "'Saturday' = 2021-10-16 in d4" in note and day in ("2021-10-16", "2021-10-17")


def test_the_whole_cast_beats_an_overlapping_one():
    # both truces were agreed on a Saturday by the same two sides; only the first in Orvik, with Orvand
    out = run(*DATED, ORVIK_TRUCE)
    assert out["u1"][0] in ("2021-10-09", "2021-10-10"), out["u1"]
    assert "in d2" in out["u1"][2]
