"""Chains of inferred dates: a happening dated by inference is weaker evidence than one dated by its
report's metadata, and a day that needs an inferred report is never surer than that report.

An invented crisis: Norland and Sutria at odds over the border town of Pell, with Velmar mediating."""
from storyline.model import Document
from time_story import dated, solver

run = solver({"Norland": "NOR", "Norlandic": "NOR", "Sutria": "SUT", "Sutrian": "SUT", "Velmar": "VEL"})


def test_an_inferred_happening_counts_less_than_a_dated_one():
    # two reports tell shelling on a Saturday: one dated by its metadata (March 2), one only by a
    # dateline without a year (March 16); a third report's "Saturday" matches both equally well
    given = dated("given", "2024-03-03", "Norland and Sutria shelled each other on Saturday near Pell, officials said.")
    inferred = Document(id="inferred", body=("PELL, Mar 16 (Agency) - Norland and Sutria shelled each other on Saturday "
                                             "along the river, officials said."))
    third = Document(id="third", body=("Norland and Sutria shelled each other on Saturday, the Velmar mission said.\n"
                                       "Residents fled."))
    out = run(given, inferred, third)
    assert out["inferred"][0] == "2024-03-16" and out["inferred"][1] < 1.0
    day, conf, note = out["third"]
    assert day in ("2024-03-02", "2024-03-03") and "in given" in note, out["third"]
    assert conf < out["inferred"][1]  # two reports disagree: the day is told, not sure


TALKS = dated("talks", "2024-03-12", "Norland and Sutria held talks on Monday in Velmar, the Velmar foreign ministry said.")
MONDAY = Document(id="monday", body=("Norland and Sutria held talks on Monday in Velmar, "
                                     "two days after Norland shelled Sutria on Saturday."))


def test_a_link_that_only_agrees_does_not_cap_the_day():
    # the capture day and the lead decide the shelling report's day on their own; that the inferred
    # report "monday" agrees with it does not make it only as sure as "monday"
    shelling = Document(id="shelling", captured="2024-03-09",
                        body="Norland shelled Sutria on Saturday, officials said.\nResidents fled.")
    out = run(TALKS, MONDAY, shelling)
    assert out["monday"][0] == "2024-03-11"
    day, conf, note = out["shelling"]
    assert day == "2024-03-09" and "in monday" in note
    assert conf > out["monday"][1]


def test_a_day_that_needs_an_inferred_report_is_no_surer_than_it():
    # the past date only bounds the report (every day of two months fits it); the Saturday it names is
    # placed by the inferred report "monday" alone
    report = Document(id="report", body=("Sutria said Norland shelled its villages on Saturday.\n"
                                         "The truce agreed on February 20, 2024 had collapsed."))
    out = run(TALKS, MONDAY, report)
    day, conf, note = out["report"]
    assert day == "2024-03-09" and "in monday" in note
    assert 0 < conf <= out["monday"][1]


def test_captures_and_releases_are_happenings_too():
    # a pilot shot down and captured on Wednesday, released on Friday: the undated report that announces
    # the release is placed by the report of the release itself
    release = dated("release", "2024-03-02", "Sutria released the captured Norlandic pilot on Friday at the Pell crossing.")
    promise = Document(id="promise", body=("Sutria's president told parliament on Thursday that the Norlandic pilot "
                                           "will be released on Friday.\nThe pilot was captured on Wednesday."))
    day, conf, note = run(release, promise)["promise"]
    assert day in ("2024-02-29", "2024-03-01") and "in release" in note, (day, conf, note)
