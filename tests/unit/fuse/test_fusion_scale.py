"""Fusion at corpus scale: one happening told by fifty reports is one event with fifty reports of evidence,
the same kind of happening on another day stays apart, and a background fact retold by every report stays
one event on its own date instead of becoming news of the day each report was published.

Mentions are built by hand, as the event stage and the time stage would leave them.
"""
from __future__ import annotations

import time
from datetime import date, timedelta

from storyline.fuse import fuse
from storyline.fuse.dating import UNDATED_WINDOW_DAYS
from storyline.model import Actor, Document, EventMention

ACTORS = {i: Actor(id=i, name=n, kind="country", country=i)
          for i, n in (("RUS", "Russia"), ("UKR", "Ukraine"), ("IRQ", "Iraq"), ("USA", "United States"))}


def _day(d0: str, k: int) -> str:
    return (date.fromisoformat(d0) + timedelta(days=k)).isoformat()


def _mention(doc: str, n: int, type_: str, src: str, tgt: str, when: str | None = None,
             precision: str = "day", end: str | None = None, context: list[str] | None = None) -> EventMention:
    text = f"{src} and {tgt} ({type_})"
    return EventMention(id=f"{doc}:{n}", doc=doc, type=type_, source=[src], target=[tgt], start=0, end=len(text),
                        text=text, date=when, date_start=when if precision == "day" else (when and f"{when}-01-01"),
                        date_end=(end or when) if precision == "day" else (when and f"{when}-12-31"),
                        precision=precision if when else None, confidence=0.8, context=context or [])


def _docs(published: dict[str, str]) -> dict[str, Document]:
    return {d: Document(id=d, body="", published=p, published_confidence=1.0) for d, p in published.items()}


def test_one_happening_told_by_fifty_reports_is_one_event_with_fifty_reports():
    published, ems = {}, []
    for i in range(50):
        doc = f"r{i:02d}"
        published[doc] = _day("2022-05-01", i % 3)  # published over the three days after the strike
        when = "2022-05-01" if i % 5 == 0 else None  # a fifth give the day; the rest tell it undated
        ems.append(_mention(doc, 0, "ASSAULT", "RUS", "UKR", when))
    events, _ = fuse(ems, ACTORS, _docs(published))
    assert len(events) == 1
    ev = events[0]
    assert ev.n_reports == 50 and len(ev.evidence) == 50 and ev.date == "2022-05-01"


def test_the_same_kind_of_happening_on_another_day_stays_another_event():
    ems = [_mention(doc, 0, "ASSAULT", "RUS", "UKR", day)
           for doc, day in (("a", "2022-05-01"), ("b", "2022-05-01"), ("c", "2022-05-08"), ("d", "2022-05-08"))]
    events, _ = fuse(ems, ACTORS, _docs({"a": "2022-05-02", "b": "2022-05-02", "c": "2022-05-09", "d": "2022-05-09"}))
    assert sorted((e.date, e.n_reports) for e in events) == [("2022-05-01", 2), ("2022-05-08", 2)]


def test_a_background_fact_retold_in_every_report_stays_one_event_on_its_own_date():
    """The 2003 invasion, dated by some reports of 2005 and retold undated by all the others, neither becomes
    news of 2005 nor drags their undated retellings to a day of 2005."""
    published, ems = {}, []
    for i in range(30):
        doc = f"r{i:02d}"
        published[doc] = _day("2005-01-03", 9 * i)  # reports over most of a year
        if i % 3 == 0:
            ems.append(_mention(doc, 0, "ASSAULT", "USA", "IRQ", "2003", precision="year"))
        else:
            ems.append(_mention(doc, 0, "ASSAULT", "USA", "IRQ"))
    ems.append(_mention("r01", 1, "ASSAULT", "USA", "IRQ", "2005-01-12"))  # one real strike of 2005
    events, _ = fuse(ems, ACTORS, _docs(published))
    invasion = [e for e in events if e.date == "2003"]
    assert len(invasion) == 1 and invasion[0].n_reports == 10
    recent = [e for e in events if e.date and e.date.startswith("2005")]
    assert [e.date for e in recent] == ["2005-01-12"]
    # only undated retellings published within the weeks after the strike can be about it; the later ones
    # stay undated and date no day of 2005
    told = {x.doc for x in recent[0].evidence}
    assert told and all(published[d] <= _day("2005-01-12", UNDATED_WINDOW_DAYS) for d in told)
    assert sum(e.n_reports for e in events if e.date is None) == 20 - len(told)  # 20 undated retellings


def test_fusion_of_thousands_of_mentions_about_one_actor_stays_fast():
    """Every mention shares Iraq, so blocking by actor cannot split the work: each cluster keeps its reports
    in a set, so a fit is one lookup, not a scan of the cluster's members."""
    published, ems = {}, []
    for i in range(3000):
        doc = f"r{i:04d}"
        published[doc] = _day("2005-01-01", i // 10)
        ems.append(_mention(doc, 0, "ASSAULT", "USA", "IRQ", _day("2005-01-01", i // 10)))
        ems.append(_mention(doc, 1, "ASSAULT", "USA", "IRQ"))
    started = time.perf_counter()
    events, _ = fuse(ems, ACTORS, _docs(published))
    assert len(events) == 300 and sum(len(e.mentions) for e in events) == 6000  # a day each, all told
    assert time.perf_counter() - started < 60
