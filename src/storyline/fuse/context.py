"""What a sentence leaves out and its story supplies: the parties of an agreement, the report's news day.

* "parties": an agreement's life told without its parties ("Russia suspended its participation in the
  deal", "the deal was extended", "Moscow rejoined") takes them from the AGREE event its story fused: the
  signing the same reports tell. The actor the sentence names keeps its side; the others are the target.
* "day": an undated act a report tells as its own news (not past perfect, not a background clause) lies on
  the report's publication day, when that day is known well enough (a confident publication date, or a
  lead that names the day: "Russia said on Sunday ..." in a report inferred to be Sunday's); this is the
  only place a publication day dates an event, and only news the report itself breaks.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from ..model import Document, Event, EventMention, Story

#: publication days inferred with less confidence than this do not date a report's news
MIN_PUBLISHED_CONFIDENCE = 0.8
#: an undated event several reports tell is dated only when their days agree within this many days
MAX_SPREAD_DAYS = 1
_REAL = ("occurred", "ongoing", "scheduled")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def fill_parties(mentions: list[EventMention], events: list[Event], stories: list[Story],
                 expand: Callable[[list[str]], set[str]], published: dict[str, str | None]) -> list[EventMention]:
    """Copies of the mentions with the agreement's parties filled in where a mention asks for them."""
    story_of = {d: s.id for s in stories for d in s.docs}
    signed = {m.id for m in mentions if "agreement" in m.context}
    deals = [e for e in events if (e.type == "AGREE" or signed & set(e.mentions)) and e.status in _REAL
             and len(set(e.source + e.target)) >= 2]
    if not deals:
        return mentions
    out = []
    for em in mentions:
        if "parties" not in em.context or em.target:
            out.append(em)
            continue
        own = expand(em.source)
        when = _day(em.date_start) or _day(published.get(em.doc))
        cands = []
        for ev in deals:
            parties = ev.source + ev.target
            if own and not (expand(parties) & own):
                continue
            start = _day(ev.date_start)
            if when and start and start > when:
                continue  # an agreement signed later is not the one left or extended
            same_story = ev.story is not None and ev.story == story_of.get(em.doc) or em.doc in {
                x.doc for x in ev.evidence}
            cands.append((same_story, ev.n_reports, ev.confidence, start or date.min, ev))
        if not cands:
            out.append(em)
            continue
        best = max(cands, key=lambda c: c[:4])
        if not best[0]:
            out.append(em)
            continue
        parties = list(dict.fromkeys(best[4].source + best[4].target))
        if em.source:
            tgt = [a for a in parties if not (expand([a]) & own)]
            out.append(replace(em, target=tgt, confidence=_filled(em, em.source, tgt)) if tgt else em)
        else:
            out.append(replace(em, source=parties[:1], target=parties[1:], symmetric=True,
                               confidence=_filled(em, parties[:1], parties[1:])))
    return out


#: parties taken from the story are surer than none, less sure than parties the sentence names
FILLED_FACTOR = 0.9


def _filled(em: EventMention, src: list[str], tgt: list[str]) -> float:
    """Confidence once the story supplied the sides the sentence left out (extraction halves a mention
    without a source and takes a fifth off one without a target)."""
    base = em.confidence / ((1.0 if em.source else 0.5) * (1.0 if em.target else 0.8))
    return round(min(0.99, base * FILLED_FACTOR * (1.0 if src else 0.5) * (1.0 if tgt else 0.8)), 3)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def lead_day(doc: Document) -> bool:
    """The report's lead tells its news on its publication day by name ("Russia said on Sunday that ...",
    published on a Sunday): its day is the day of its news, however it was inferred."""
    day = _day(doc.published)
    if day is None or not doc.body:
        return False
    lead = doc.body.strip().split("\n", 1)[0].lower()
    return re.search(r"\bon " + _WEEKDAYS[day.weekday()] + r"\b", lead) is not None


def news_confidence(documents: dict[str, Document]) -> dict[str, float | None]:
    """How sure each report's publication day is, for dating its news: a lead naming the day counts as sure."""
    return {d.id: max(d.published_confidence or 0.0, MIN_PUBLISHED_CONFIDENCE) if lead_day(d)
            else d.published_confidence for d in documents.values()}


def news_day(ev: Event, members: list[EventMention], published: dict[str, str | None],
             confidence: dict[str, float | None]) -> None:
    """Date an undated event told as news by its earliest reporting day (in place); reports published
    days apart leave it undated."""
    if ev.date or not members:
        return
    every = [d for m in members if (d := _day(published.get(m.doc)))]
    days = [d for m in members if "day" in m.context and (d := _day(published.get(m.doc)))
            and (confidence.get(m.doc) is None or confidence[m.doc] >= MIN_PUBLISHED_CONFIDENCE)]
    if days and (max(every) - min(every)).days <= MAX_SPREAD_DAYS:  # reports days apart: the day is unclear
        # news told without a date is dated by the report's day, the convention of news event coding
        d = min(days).isoformat()
        ev.date = ev.date_start = ev.date_end = d
        ev.precision = "day"
