"""Fusion fills what sentences leave to their story: an agreement's parties, a report's news day."""
from __future__ import annotations

from storyline.events import assign_dates
from storyline.fuse import exportable, fuse
from storyline.model import Actor, Document, TimeExpr

ACTORS = {i: Actor(id=i, name=i, kind="country", country=i) for i in ("CHL", "PER", "JPN", "BRA", "BOL")}


def _run(events, reports):
    ems, tx, docs = [], [], {}
    for doc_id, (text, published, values) in reports.items():
        ems += events(text, doc_id)
        for phrase, value in values.items():
            i = text.index(phrase)
            tx.append(TimeExpr(doc=doc_id, start=i, end=i + len(phrase), text=phrase, value=value))
        docs[doc_id] = Document(id=doc_id, body=text, published=published, published_confidence=1.0)
    assign_dates(ems, tx)
    return fuse(ems, ACTORS, docs)[0]


SIGNING = "Chile, Peru and Japan signed the fisheries pact in Lima on Monday."


def test_leaving_the_agreement_targets_the_other_parties(events):
    evs = _run(events, {
        "a": (SIGNING, "2023-03-06", {"on Monday": "2023-03-06"}),
        "b": ("Chile signed the fisheries pact with Peru and Japan. Peru suspended its participation in the "
              "pact on Friday.", "2023-06-02", {"on Friday": "2023-06-02"}),
    })
    left = [e for e in evs if e.type == "SANCTION"]
    assert len(left) == 1 and left[0].source == ["PER"] and set(left[0].target) == {"CHL", "JPN"}


def test_an_extension_told_without_parties_takes_the_signings(events):
    evs = _run(events, {
        "a": (SIGNING, "2023-03-06", {"on Monday": "2023-03-06"}),
        "b": ("Chile, Peru and Japan signed the fisheries pact in March. The pact was extended on "
              "Thursday.", "2023-06-02", {"in March": "2023-03", "on Thursday": "2023-06-01"}),
    })
    ext = [e for e in evs if e.type == "AGREE" and e.date == "2023-06-01"]
    assert len(ext) == 1 and {*ext[0].source, *ext[0].target} == {"CHL", "PER", "JPN"}
    assert ext[0].date == "2023-06-01"


def test_no_agreement_in_the_story_no_parties(events):
    evs = _run(events, {"b": ("Peru suspended its participation in the pact.", "2023-06-02", {})})
    assert all(not e.target for e in evs if e.type == "SANCTION")


def test_an_undated_spoken_act_lies_on_its_reports_day(events):
    evs = _run(events, {"a": ("Chile rejected Peru's proposal.", "2023-06-02", {}),
                        "b": ("Chile had rejected Japan's proposal.", "2023-06-02", {})})
    rej = {tuple(e.target): e for e in evs if e.type == "REJECT"}
    assert rej[("PER",)].date == "2023-06-02" and rej[("PER",)].precision == "day"
    assert "(2023-06-02)" in rej[("PER",)].summary
    assert rej[("JPN",)].date is None


def test_reports_days_apart_leave_it_undated(events):
    evs = _run(events, {"a": ("Chile rejected Peru's proposal.", "2023-06-02", {}),
                        "b": ("Chile rejected Peru's proposal.", "2023-06-20", {})})
    assert [e.date for e in evs if e.type == "REJECT"] == [None]


def test_ways_of_leaving_one_deal_on_one_day_are_one_happening(events):
    evs = _run(events, {
        "a": (SIGNING, "2023-03-06", {"on Monday": "2023-03-06"}),
        "b": ("Peru suspended its participation in the pact on Friday.", "2023-06-02", {"on Friday": "2023-06-02"}),
        "c": ("Peru pulled out of the pact on Friday.", "2023-06-02", {"on Friday": "2023-06-02"}),
    })
    left = [e for e in evs if e.type in ("SANCTION", "RETREAT", "REJECT")]
    assert len(left) == 1 and left[0].n_reports == 2


def test_an_extension_with_the_story_parties_is_confident_enough_to_show(events):
    evs = _run(events, {
        "a": (SIGNING, "2023-03-06", {"on Monday": "2023-03-06"}),
        "b": ("Chile, Peru and Japan signed the fisheries pact in March. The pact was extended on Thursday, "
              "Lopez announced.", "2023-06-02", {"in March": "2023-03", "on Thursday": "2023-06-01"}),
    })
    ext = [e for e in evs if e.type == "AGREE" and e.date == "2023-06-01"]
    assert len(ext) == 1 and exportable(ext[0])


def _inferred(events, body: str, published: str):
    ems = events(body, "a")
    assign_dates(ems, [])
    doc = Document(id="a", body=body, published=published, published_source="inferred", published_confidence=0.3)
    return fuse(ems, ACTORS, {"a": doc})[0]


def test_a_lead_naming_the_inferred_day_dates_the_reports_news(events):
    evs = _inferred(events, "Chile said on Friday that talks would go on.\nPeru rejected the claim of Japan.",
                    "2023-06-02")  # a Friday
    assert [e.date for e in evs if e.type == "REJECT"] == ["2023-06-02"]


def test_an_unsure_inferred_day_does_not_date_news(events):
    evs = _inferred(events, "Chile said on Friday that talks would go on.\nPeru rejected the claim of Japan.",
                    "2023-06-03")  # a Saturday: the lead's Friday is not the report's day
    assert [e.date for e in evs if e.type == "REJECT"] == [None]
