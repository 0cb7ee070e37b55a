"""Key days: a day matters when reports tell it, and most when later reports still refer back to it.

The records are built by hand (no NLP): each report's temporal expressions carry the values the time
stage would give them, and events are fused events with their evidence.
"""
from __future__ import annotations

from storyline import settings
from storyline.fuse import dating_timexes, key_days, story_key_days
from storyline.fuse.dating import is_stamp, window
from storyline.model import Document, Event, EventMention, Evidence, Story, TimeExpr


def _doc(doc_id: str, published: str, body: str, url: str | None = None) -> Document:
    return Document(id=doc_id, body=body, published=published, url=url)


def _tx(doc: Document, phrase: str, value: str, type_: str = "DATE") -> TimeExpr:
    i = doc.body.index(phrase)
    return TimeExpr(doc=doc.id, start=i, end=i + len(phrase), text=phrase, type=type_, value=value)


def _event(eid: str, day: str, tellers: list[tuple[Document, str]], type_: str = "ASSAULT") -> Event:
    evidence = [Evidence(doc=d.id, start=d.body.index(s), end=d.body.index(s) + len(s), text=s) for d, s in tellers]
    return Event(id=eid, type=type_, source=["RUS"], target=["UKR"], date=day, date_start=day, date_end=day,
                 precision="day", evidence=evidence, n_reports=len({d.id for d, _ in tellers}))


def test_a_day_later_reports_refer_back_to_outranks_a_day_only_its_own_reports_tell():
    a = _doc("a", "2022-03-17", "The council voted today.")
    b = _doc("b", "2022-03-25", "Since the March 17 vote, talks have stalled.")
    c = _doc("c", "2022-04-02", "The vote of March 17 still divides the council.")
    d = _doc("d", "2022-03-21", "Ministers met today.\nThey met again today, officials said.")
    tx = [_tx(a, "today", "2022-03-17"), _tx(b, "March 17", "2022-03-17"), _tx(c, "March 17", "2022-03-17"),
          _tx(d, "today", "2022-03-21")]
    days = key_days({x.id: x for x in (a, b, c, d)}, tx, [])
    assert [k.date for k in days] == ["2022-03-17", "2022-03-21"]
    top = days[0]
    assert top.rank == 1 and top.n_reports == 3 and top.n_references == 2
    assert {e.doc for e in top.evidence} == {"a", "b", "c"}
    assert all(e.text == {"a": a, "b": b, "c": c}[e.doc].body for e in top.evidence)  # each a whole sentence


def test_an_event_counts_for_the_day_its_text_gives_not_the_day_it_was_published():
    """'The council voted on Thursday' in a report of Sunday March 20 is evidence for Thursday March 17."""
    r = _doc("r", "2022-03-20", "The Security Council voted on Thursday to extend the mission.")
    vote = _event("e1", "2022-03-17", [(r, r.body)], type_="AGREE")
    tx = [_tx(r, "on Thursday", "2022-03-17")]
    days = key_days({"r": r}, tx, [vote])
    assert [k.date for k in days] == ["2022-03-17"]
    assert days[0].events == ["e1"] and days[0].summary == r.body


def test_a_report_that_tells_an_event_undated_still_supports_the_day_fusion_found():
    a = _doc("a", "2022-05-02", "Russian forces shelled Kharkiv on Sunday.")
    b = _doc("b", "2022-05-03", "Russian forces shelled Kharkiv, officials said.")
    c = _doc("c", "2022-05-03", "Russian forces shelled Kharkiv last week, the mayor said.")
    ms = {"a:0": EventMention("a:0", "a", "ASSAULT", ["RUS"], ["UKR"], 0, len(a.body), a.body,
                              date="2022-05-01", date_start="2022-05-01", date_end="2022-05-01", precision="day"),
          "b:0": EventMention("b:0", "b", "ASSAULT", ["RUS"], ["UKR"], 0, len(b.body), b.body),
          "c:0": EventMention("c:0", "c", "ASSAULT", ["RUS"], ["UKR"], 0, len(c.body), c.body,
                              date="2022-W17", date_start="2022-04-25", date_end="2022-05-01", precision="week")}
    ev = _event("e1", "2022-05-01", [(a, a.body), (b, b.body), (c, c.body)])
    ev.mentions = list(ms)
    days = key_days({x.id: x for x in (a, b, c)}, [_tx(a, "on Sunday", "2022-05-01")], [ev], ms)
    day = next(k for k in days if k.date == "2022-05-01")
    assert day.n_reports == 3 and day.events == ["e1"]
    only_dated = key_days({"a": a}, [_tx(a, "on Sunday", "2022-05-01")], [_event("e1", "2022-05-01", [(a, a.body)])])
    assert day.score > only_dated[0].score


def test_a_report_s_own_date_stamp_is_neither_a_reference_nor_an_event_date():
    r = _doc("r", "2005-01-04", "Iraq news Tuesday 4 January 2005 08.43 GMT Insurgents attacked a convoy today.\n"
                                "The attack came days after the January 2, 2005 bombing.")
    stamp, today, earlier = (_tx(r, "Tuesday 4 January 2005", "2005-01-04"), _tx(r, "today", "2005-01-04"),
                             _tx(r, "January 2, 2005", "2005-01-02"))
    assert is_stamp(stamp, r) and not is_stamp(today, r) and not is_stamp(earlier, r)
    assert dating_timexes([stamp, today, earlier], {"r": r}) == [today, earlier]
    days = key_days({"r": r}, [stamp, today, earlier], [])
    assert {k.date for k in days} == {"2005-01-04", "2005-01-02"}
    today_day = next(k for k in days if k.date == "2005-01-04")
    assert today_day.summary == "Insurgents attacked a convoy today."  # the stamp is cut from the summary


def test_days_long_before_the_corpus_are_background_and_do_not_crowd_out_the_crisis():
    reports = [_doc(f"r{i}", f"2022-05-0{i}", f"Russia annexed Crimea on 18 March 2014.\nShelling hit Kharkiv "
                                              f"today.") for i in range(1, 4)]
    tx = []
    for r in reports:
        tx += [_tx(r, "18 March 2014", "2014-03-18"), _tx(r, "today", r.published)]
    days = key_days({r.id: r for r in reports}, tx, [])
    annexation = next(k for k in days if k.date == "2014-03-18")
    assert annexation.n_references == 3  # one dated day, told by every report
    recent = [k for k in days if k.date >= "2022-05-01"]
    assert len(recent) == 3 and all(k.n_reports == 1 for k in recent)  # the retelling adds nothing to them
    unweighted = settings.SALIENCE_BACKGROUND_FACTOR
    try:
        settings.SALIENCE_BACKGROUND_FACTOR = 1.0
        full = next(k for k in key_days({r.id: r for r in reports}, tx, []) if k.date == "2014-03-18")
    finally:
        settings.SALIENCE_BACKGROUND_FACTOR = unweighted
    assert annexation.score == round(full.score * unweighted, 4)


def test_more_outlets_make_a_day_weigh_more():
    one = [_doc(f"a{i}", "2022-05-03", "Shelling hit Kharkiv yesterday.", f"https://one.example/{i}") for i in range(2)]
    two = [_doc("b0", "2022-05-03", "Shelling hit Kharkiv yesterday.", "https://one.example/x"),
           _doc("b1", "2022-05-03", "Shelling hit Kharkiv yesterday.", "https://two.example/y")]

    def score(docs):
        return key_days({d.id: d for d in docs}, [_tx(d, "yesterday", "2022-05-02") for d in docs], [])[0].score
    assert score(two) > score(one)


def test_an_undated_mention_lies_before_its_report_when_it_occurred_and_after_when_it_is_scheduled():
    told = EventMention("a:0", "a", "CONSULT", ["RUS"], ["UKR"], 0, 1, "x", status="occurred")
    planned = EventMention("a:1", "a", "CONSULT", ["RUS"], ["UKR"], 0, 1, "x", status="scheduled")
    published = {"a": "2022-05-10"}
    lo, hi = window(told, published)
    assert hi.isoformat() == "2022-05-11" and (hi - lo).days > 30  # a day's slack for time zones
    lo, hi = window(planned, published)
    assert lo.isoformat() == "2022-05-09" and hi.isoformat() > "2022-06-01"


def test_each_story_ranks_its_own_days():
    a = _doc("a", "2022-05-03", "Shelling hit Kharkiv yesterday.")
    b = _doc("b", "2011-01-26", "Protesters filled Tahrir Square yesterday.")
    tx = [_tx(a, "yesterday", "2022-05-02"), _tx(b, "yesterday", "2011-01-25")]
    stories = [Story("s1", "Ukraine", ["a"]), Story("s2", "Egypt", ["b"])]
    days = story_key_days({"a": a, "b": b}, tx, [], stories)
    assert sorted(k.date for k in days if k.story is None) == ["2011-01-25", "2022-05-02"]
    assert [k.date for k in days if k.story == "s1"] == ["2022-05-02"]
    assert [k.date for k in days if k.story == "s2"] == ["2011-01-25"]
