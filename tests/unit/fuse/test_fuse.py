"""Fusion: one event per happening across reports and sentences, different happenings kept apart."""
from __future__ import annotations

from storyline.events import assign_dates
from storyline.fuse import exportable, fuse
from storyline.model import Actor, Document, TimeExpr

ACTORS = {
    "CHL": Actor(id="CHL", name="Chile", kind="country", country="CHL"),
    "PER": Actor(id="PER", name="Peru", kind="country", country="PER"),
    "JPN": Actor(id="JPN", name="Japan", kind="country", country="JPN"),
    "BRA": Actor(id="BRA", name="Brazil", kind="country", country="BRA"),
    "MEX": Actor(id="MEX", name="Mexico", kind="country", country="MEX"),
    "person:maria_lopez": Actor(id="person:maria_lopez", name="Maria Lopez", kind="person", affiliation="CHL"),
    "person:kenji_sato": Actor(id="person:kenji_sato", name="Kenji Sato", kind="person", affiliation="JPN"),
}


def _timexes(doc_id: str, text: str, values: dict[str, str]) -> list[TimeExpr]:
    out = []
    for phrase, value in values.items():
        i = text.index(phrase)
        out.append(TimeExpr(doc=doc_id, start=i, end=i + len(phrase), text=phrase, value=value))
    return out


def _run(events, reports: dict[str, tuple[str, dict[str, str]]]):
    ems, tx, docs = [], [], {}
    for doc_id, (text, values) in reports.items():
        ems += events(text, doc_id)
        tx += _timexes(doc_id, text, values)
        docs[doc_id] = Document(id=doc_id, body=text)
    assign_dates(ems, tx)
    evs, stories = fuse(ems, ACTORS, docs)
    return evs, stories, docs


def test_two_reports_of_one_meeting_fuse(events):
    evs, stories, docs = _run(events, {
        "a": ("Chile and Peru met in Lima on Monday.", {"on Monday": "2023-03-06"}),
        "b": ("Lopez held talks with Peru in Lima on March 6.", {"March 6": "2023-03-06"}),
    })
    meet = [e for e in evs if e.type == "CONSULT"]
    assert len(meet) == 1
    ev = meet[0]
    assert ev.n_reports == 2 and {x.doc for x in ev.evidence} == {"a", "b"} and len(ev.mentions) == 2
    assert ev.date == "2023-03-06" and ev.location == "Lima" and ev.symmetric
    assert "meet" in ev.summary and "Lima" in ev.summary and "2023-03-06" in ev.summary
    assert exportable(ev)
    assert len(stories) == 1 and sorted(stories[0].docs) == ["a", "b"] and docs["a"].story == stories[0].id


def test_same_actors_different_days_stay_apart(events):
    evs, _, _ = _run(events, {
        "a": ("Chile and Peru spoke by phone on Tuesday.\nChile and Peru met again on Friday.",
              {"on Tuesday": "2021-12-07", "on Friday": "2021-12-10"}),
    })
    consult = [e for e in evs if e.type == "CONSULT"]
    assert sorted(e.date for e in consult) == ["2021-12-07", "2021-12-10"]


def test_repeated_mention_in_one_report_fuses_with_undated(events):
    evs, _, _ = _run(events, {
        "a": ("Japan attacked Brazil on Sunday. Brazil said the country was attacked by Japan.",
              {"on Sunday": "2022-05-01"}),
    })
    assault = [e for e in evs if e.type == "ASSAULT"]
    assert len(assault) == 1 and len(assault[0].evidence) == 2 and assault[0].date == "2022-05-01"
    assert assault[0].n_reports == 1


def test_person_fuses_with_affiliation_and_ids_are_stable(events):
    reports = {
        "a": ("Sato condemned Mexico.", {}),
        "b": ("Japan condemned Mexico.", {}),
    }
    evs, _, _ = _run(events, reports)
    accuse = [e for e in evs if e.type == "ACCUSE"]
    assert len(accuse) == 1 and accuse[0].n_reports == 2
    again, _, _ = _run(events, reports)
    assert [e.id for e in again] == [e.id for e in evs]


def test_different_types_and_conditional_not_exported(events):
    evs, _, _ = _run(events, {
        "a": ("Chile accused Peru of spying. Chile warned it could attack Peru if it refused.", {}),
    })
    types = {e.type for e in evs}
    assert "ACCUSE" in types
    assert not any(exportable(e) for e in evs if e.status in ("conditional", "hypothetical"))


def test_undated_mention_stays_near_its_report(events):
    ems, docs = [], {}
    a = "Chile condemned Peru on Monday."
    b = "Chile condemned Peru."
    ems += events(a, "a") + events(b, "b")
    assign_dates(ems, _timexes("a", a, {"on Monday": "2022-07-25"}))
    docs = {"a": Document(id="a", body=a, published="2022-07-26"), "b": Document(id="b", body=b, published="2023-07-17")}
    evs, _ = fuse(ems, ACTORS, docs)
    assert len([e for e in evs if e.type == "ACCUSE"]) == 2
    docs["b"].published = "2022-07-27"
    evs, _ = fuse(ems, ACTORS, docs)
    assert len([e for e in evs if e.type == "ACCUSE"]) == 1


def test_summary_names_a_person_with_the_state_once(events):
    from storyline.fuse.summary import summarize
    from storyline.model import Event

    ev = Event(id="e", type="ASSAULT", source=["JPN", "person:kenji_sato"], target=["BRA"], location="Odesa")
    line = summarize(ev, ACTORS)
    assert line.startswith("Kenji Sato (Japan) attacks Brazil") and line.count("Japan") == 1
