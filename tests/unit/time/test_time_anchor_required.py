"""Report, never invent: a date needs a real anchor; capture days bound reports; chains of undated reports."""
from datetime import date

from storyline.model import Document
from storyline.time.infer import MIN_CONFIDENCE
from time_story import dated, solver

run = solver({"Russia": "RUS", "Moscow": "RUS", "Ukraine": "UKR", "Kyiv": "UKR", "United Nations": "UN", "Turkey": "TUR"})


DATED_OTHER = dated("old", "2021-03-02", "Farmers in Kenya planted maize on Monday after early rains, officials said.")
WEEKDAY_ONLY = Document(id="wk", body=("Russia and Ukraine exchanged prisoners on Thursday, officials said.\n"
                                       "The swap had been prepared for weeks."))


def test_weekday_cues_alone_stay_null_with_a_reason():
    out = run(DATED_OTHER, WEEKDAY_ONLY)
    day, conf, note = out["wk"]
    assert day is None and conf == 0.0
    assert "weekday" in note and "no anchor" in note


def test_weekday_alone_without_any_dated_report():
    day, conf, note = run(WEEKDAY_ONLY)["wk"]
    assert day is None and "no anchor" in note


def test_capture_day_and_lead_weekday_give_the_date():
    doc = Document(id="cap", captured="2022-11-18",
                   body=("The grain deal was extended on Thursday for another 120 days, the United Nations said.\n"
                         "Officials welcomed the decision."))
    day, conf, note = run(doc)["cap"]
    assert day == "2022-11-17"  # the Thursday before the capture day, the lead's own day
    assert conf >= MIN_CONFIDENCE and "captured 2022-11-18" in note


def test_capture_day_is_an_upper_bound():
    doc = Document(id="cap2", captured="2022-11-15",
                   body="Russia and Ukraine held talks on Thursday, the United Nations said.")
    given = dated("d", "2022-11-17", "Russia and Ukraine held talks on Thursday, the United Nations said.")
    day, _conf, _note = run(given, doc)["cap2"]
    assert day is not None and date.fromisoformat(day) <= date(2022, 11, 15)


def test_past_full_date_is_a_lower_bound():
    doc = Document(id="lb", captured="2023-01-20",
                   body="Ships have sailed since the deal signed in Istanbul on January 10, 2023, officials said on Friday.")
    day, _conf, _note = run(doc)["lb"]
    assert day is not None and date(2023, 1, 10) <= date.fromisoformat(day) <= date(2023, 1, 20)


def test_chain_of_two_undated_reports_anchored_by_a_dated_one():
    anchor = dated("anchor", "2022-11-17", ("The grain deal was extended on Thursday by the United Nations and Turkey.\n"
                                            "Moscow suspended its participation last month, but later rejoined."))
    middle = Document(id="middle", body=(
        "Russia said on Wednesday that it would resume its participation in the grain deal.\n"
        "Moscow had suspended its participation on Saturday, blaming Ukraine.\n"
        "The deal is due to expire on November 19."))
    last = Document(id="last", body=(
        "Russia said on Saturday that it was suspending its participation in the grain deal with Ukraine.\n"
        "Kyiv called the move blackmail."))
    out = run(anchor, middle, last)
    assert out["middle"][0] is not None and out["last"][0] is not None, (out["middle"], out["last"])
    mid, end = date.fromisoformat(out["middle"][0]), date.fromisoformat(out["last"][0])
    assert mid.weekday() == 2 and date(2022, 10, 1) <= mid <= date(2022, 11, 18)   # a Wednesday, after "last month"
    assert end.weekday() in (5, 6) and date(2022, 10, 1) <= end < mid              # the Saturday it names
    assert "middle" in out["last"][2]                                               # anchored through the chain
    assert out["last"][1] <= out["middle"][1]                                       # no surer than its anchor


def test_chain_without_an_absolute_anchor_stays_null():
    a = Document(id="a", body="Russia said on Saturday that it was suspending its participation in the deal with Ukraine.")
    b = Document(id="b", body=("Russia said on Wednesday that it would resume its participation.\n"
                               "Moscow had suspended its participation on Saturday, blaming Ukraine."))
    out = run(a, b)
    assert out["a"][0] is None and out["b"][0] is None
    assert "no anchor" in out["a"][2] and "no anchor" in out["b"][2]


def test_ambiguous_anchor_stays_null_below_min_confidence():
    anchor = dated("anchor", "2022-11-17", "Moscow suspended its participation in the deal last month.")
    doc = Document(id="amb", body="Russia said on Saturday that it was suspending its participation in the deal.")
    day, conf, note = run(anchor, doc)["amb"]
    assert day is None and conf == 0.0 and "too uncertain" in note  # five Saturdays of October fit equally
