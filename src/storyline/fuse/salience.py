"""Key days: which days of a crisis mattered, ranked by what the reports make of them.

A report votes for the days it tells: each day its temporal expressions name ("on Thursday", "the
March 17 vote", "last night": the time stage resolved them against the report's date), and the day
of each fused event it gives evidence for (fusion dated the event from whichever report names its
day, so a report that tells it undated still counts for that day). A vote weighs more when

* the report was published after the day: it refers back to it (the strongest sign it mattered);
* it comes from the report's lead, and less the deeper in the report it sits (background);
* it is for an event of a weighty type (an attack, an agreement) between prominent actors.

A report's votes are shared among the days it names (a chronology is one report, not thirty), and a
day's score is the sum of its reports' votes, raised by the number of distinct outlets, lowered
when its events only retell the days before, and lowered for days long before the corpus begins (a
background fact retold in every report stays on its own day and does not crowd out the crisis).
Every weight lives in ``storyline.settings``.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from .. import settings
from ..model import Document, Event, EventMention, Evidence, KeyDay, Mention, Story, TimeExpr
from ..time.sentences import sentence_of, sentence_spans
from .dating import is_stamp

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(T.*)?$")
#: the clock time and zone a byline stamp carries after its date ("08.43 GMT")
_CLOCK = re.compile(r"\s*(\d{1,2}[.:]\d{2}\s*([AP]M|GMT|BST|UTC|ET|EST|EDT)?\b)?[\s,.:-]*", re.IGNORECASE)
_FACTUAL = ("occurred", "ongoing")
SUMMARY_CHARS = 220
SUMMARY_MIN_CHARS = 40


@dataclass
class _Signal:
    """One reason a report gives for a day: a span, its weight, and the event it tells (if any)."""

    weight: float
    doc: str
    start: int
    end: int
    event: str | None = None


def _day(value: str | None) -> str | None:
    m = _DAY.match(value or "")
    return m.group(1) if m else None


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class _Report:
    """What salience needs of one report: paragraph starts, sentences, its date and outlet."""

    def __init__(self, doc: Document, actors: list[Mention] | None = None):
        self.doc = doc
        self.actors = sorted(actors or [], key=lambda m: m.start)
        self._actor_starts = [m.start for m in self.actors]
        self.lines = [0] + [i + 1 for i, c in enumerate(doc.body) if c == "\n"]
        self._sentences: list[tuple[int, int]] | None = None
        self.published = doc.published
        self.outlet = (urlsplit(doc.url).hostname or None) if doc.url else None

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.lines, pos) - 1

    def sentence(self, pos: int) -> tuple[int, int]:
        if self._sentences is None:
            self._sentences = sentence_spans(self.doc.body)
        return sentence_of(self._sentences, pos)

    def topical(self, pos: int, prominence: dict[str, float]) -> float:
        """1 + SALIENCE_PROMINENCE x the prominence of the most prominent actor named in the sentence at pos:
        a day told in sentences about the story's central actors counts more than one told in an aside."""
        if not self.actors or not prominence:
            return 1.0
        start, end = self.sentence(pos)
        lo, hi = bisect_right(self._actor_starts, start - 1), bisect_right(self._actor_starts, end - 1)
        top = max((prominence.get(m.actor, 0.0) for m in self.actors[lo:hi]), default=0.0)
        return 1.0 + settings.SALIENCE_PROMINENCE * top

    def position(self, pos: int) -> float:
        """How much a vote from this offset counts: the lead most, deeper paragraphs less."""
        p = self.paragraph(pos)
        lead = 1.0 + settings.SALIENCE_LEAD_BOOST if p < 2 else 1.0
        return lead / (1.0 + p / settings.SALIENCE_POSITION_DECAY)

    def relation(self, day: str) -> float:
        """Weight of naming ``day`` from this report: referring back, telling today, or looking ahead."""
        if not self.published:
            return settings.SALIENCE_REFERENCE_SAME_DAY
        if self.published > day:
            then, now = _iso(day), _iso(self.published)
            remembered = then and now and (now - then).days > settings.SALIENCE_REMEMBERED_DAYS
            return settings.SALIENCE_REFERENCE_LATER * (1.0 + (settings.SALIENCE_REMEMBERED if remembered else 0.0))
        if self.published == day:
            return settings.SALIENCE_REFERENCE_SAME_DAY
        return settings.SALIENCE_REFERENCE_AHEAD

    def stamp(self, t: TimeExpr) -> bool:
        """The report's own date line ("Tuesday 4 January 2005 08.43 GMT"): its date, not a reference."""
        return is_stamp(t, self.doc)


def _prominence(reports: dict[str, _Report], events: list[Event]) -> dict[str, float]:
    """Each actor's prominence (0..1): the square root of its share of the reports that name it (or, without
    actor mentions, that tell its events), against the most named actor."""
    count: Counter[str] = Counter()
    for rep in reports.values():
        count.update({m.actor for m in rep.actors})
    if not count:
        for ev in events:
            docs = len({e.doc for e in ev.evidence})
            for a in dict.fromkeys(ev.source + ev.target):
                count[a] += docs
    top = max(count.values(), default=0)
    return {a: math.sqrt(n / top) for a, n in count.items()} if top else {}


def _event_weight(ev: Event, prominence: dict[str, float]) -> float:
    prom = max((prominence.get(a, 0.0) for a in ev.source + ev.target), default=0.0)
    return (settings.SALIENCE_EVENT * (1.0 + settings.SALIENCE_TYPE_WEIGHTS.get(ev.type, 0.0))
            * (1.0 + settings.SALIENCE_PROMINENCE * prom))


def _share(m: EventMention, day: str) -> float:
    """How much a report's own telling of an event supports the event's day: all of it when the report
    dates it that day, a day's share of a week or month it names, a set share when it tells it undated
    (fusion took the day from other reports), none when it names other days."""
    if not m.date_start:
        return settings.SALIENCE_UNDATED_EVENT
    lo, hi = _iso(m.date_start), _iso(m.date_end or m.date_start)
    when = _iso(day)
    if lo is None or hi is None or when is None or not lo <= when <= hi:
        return 0.0
    return 1.0 / ((hi - lo).days + 1)


def _signals(reports: dict[str, _Report], timexes: Iterable[TimeExpr], events: list[Event],
             mentions: dict[str, EventMention] | None = None) -> dict[str, dict[str, list[_Signal]]]:
    """day -> report -> the report's signals for that day."""
    out: dict[str, dict[str, list[_Signal]]] = defaultdict(lambda: defaultdict(list))
    prominence = _prominence(reports, events)
    lead_dated: set[str] = set()
    for t in timexes:
        rep = reports.get(t.doc)
        day = _day(t.value) if t.type in ("DATE", "TIME") else None
        if rep is None or day is None or rep.stamp(t):
            continue
        if rep.paragraph(t.start) < 2:
            lead_dated.add(t.doc)
        w = rep.relation(day) * rep.position(t.start)
        if w > 0:
            w *= rep.topical(t.start, prominence)
            out[day][t.doc].append(_Signal(w, t.doc, t.start, t.end))
    for ev in events:
        if ev.precision != "day" or not ev.date_start or ev.date_start != (ev.date_end or ev.date_start):
            continue
        weight, day = _event_weight(ev, prominence), ev.date_start
        told = [m for i in ev.mentions if (m := (mentions or {}).get(i)) is not None]
        spans = [(m.doc, m.start, m.end, _share(m, day)) for m in told] or [
            (e.doc, e.start, e.end, 1.0) for e in ev.evidence]
        for doc_id, start, end, share in spans:
            rep = reports.get(doc_id)
            if rep is None or not share:
                continue
            # an event a later report tells counts as referring back; told the same day it is the day's news
            rel = max(rep.relation(day), settings.SALIENCE_REFERENCE_SAME_DAY)
            out[day][doc_id].append(_Signal(weight * rel * share * rep.position(start), doc_id, start, end, ev.id))
    if settings.SALIENCE_NEWS_DAY:  # a lead that names no day tells the news of the day it is published
        for doc_id, rep in reports.items():
            if rep.published and doc_id not in lead_dated:
                out[rep.published][doc_id].append(_Signal(settings.SALIENCE_NEWS_DAY, doc_id, 0, 1))
    return out


def _vote(signals: list[_Signal]) -> float:
    ws = sorted((s.weight for s in signals), reverse=True)
    return ws[0] + settings.SALIENCE_REPEAT * sum(ws[1:])


def _novelty(days: dict[str, list[Event]]) -> dict[str, float]:
    """Share of each day's events whose kind (type and actors) the days just before did not tell."""
    sig = {d: {(e.type, frozenset(e.source + e.target)) for e in evs} for d, evs in days.items()}
    out = {}
    for d, mine in sig.items():
        day = _iso(d)
        before: set = set()
        for k in range(1, settings.SALIENCE_NOVELTY_DAYS + 1):
            before |= sig.get((day - timedelta(days=k)).isoformat(), set()) if day else set()
        out[d] = len(mine - before) / len(mine) if mine else 1.0
    return out


_WORD = re.compile(r"[a-z]{3,}")


def _central(evidence: list[Evidence], weights: list[float]) -> str:
    """The evidence sentence that best sums up the day: strongly weighted and sharing the most words with
    the day's other evidence (a centroid summary, as timeline summarisers pick a date's sentence)."""
    from .stories import _stop_words

    stop = _stop_words()
    bags = [Counter(w for w in _WORD.findall(e.text.lower()) if w not in stop) for e in evidence]
    total = sum(bags, Counter())
    top = max(weights, default=1.0) or 1.0

    def score(i: int) -> float:
        bag, n = bags[i], len(evidence[i].text)
        rest = total - bag
        dot = sum(c * rest[w] for w, c in bag.items())
        norm = math.sqrt(sum(c * c for c in bag.values()) * sum(c * c for c in rest.values())) or 1.0
        fit = 1.0 if SUMMARY_MIN_CHARS <= n <= 2 * SUMMARY_CHARS else 0.5
        return (0.2 + dot / norm) * math.sqrt(weights[i] / top) * fit
    best = max(range(len(evidence)), key=lambda i: (score(i), -i)) if evidence else None
    return evidence[best].text if best is not None else ""


def _one_line(text: str) -> str:
    line = " ".join(text.split()).lstrip("|-–—•*:;,. ")
    if len(line) <= SUMMARY_CHARS:
        return line
    cut = line.rfind(" ", 0, SUMMARY_CHARS - 1)
    return line[: cut if cut > SUMMARY_CHARS // 2 else SUMMARY_CHARS - 1].rstrip(" ,;:-") + "…"


def _span(rep: _Report, s: _Signal, stamps: list[TimeExpr]) -> Evidence:
    """The sentence a signal sits in (an event's own evidence span as it is), without a byline stamp."""
    start, end = (s.start, s.end) if s.event else rep.sentence(s.start)
    for t in stamps:  # "How the right played ... Friday 4 February 2005 00.03 GMT Fascism is ..." -> "Fascism is ..."
        if t.start < end and start < t.end < end:
            after = _CLOCK.match(rep.doc.body, t.end).end()
            if end - after > 20:
                start = after
    return Evidence(doc=rep.doc.id, start=start, end=end, text=rep.doc.body[start:end])


def key_days(documents: dict[str, Document], timexes: Iterable[TimeExpr], events: list[Event],
             mentions: dict[str, EventMention] | None = None, actors: dict[str, list[Mention]] | None = None,
             story: str | None = None, _made: dict[str, _Report] | None = None) -> list[KeyDay]:
    """Every day the reports tell, most important first (rank 1), with its events, evidence and summary.

    ``events`` are the fused events to show and weigh (the exported ones); ``mentions`` (by id) tell how
    each report dated its own telling of them; ``actors`` (actor mentions by report) tell which days are
    told about the story's central actors; ``story`` only labels the days.
    """
    made = _made if _made is not None else {}
    reports = {d.id: made.get(d.id) or _Report(d, (actors or {}).get(d.id)) for d in documents.values()}
    timexes = [t for t in timexes if t.doc in reports]
    stamps: dict[str, list[TimeExpr]] = defaultdict(list)
    for t in timexes:
        if reports[t.doc].stamp(t):
            stamps[t.doc].append(t)
    events = [e for e in events if e.status in _FACTUAL + ("scheduled",)]
    by_id = {e.id: e for e in events}
    signals = _signals(reports, timexes, events, mentions)
    on_day: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        if ev.precision == "day" and ev.date_start:
            on_day[ev.date_start].append(ev)
    novelty = _novelty(on_day)
    known = sorted(r.published for r in reports.values() if r.published)
    background = (_iso(known[0]) - timedelta(days=settings.SALIENCE_BACKGROUND_DAYS)).isoformat() if known else ""
    n_days = Counter(d for per_doc in signals.values() for d in per_doc)  # days each report votes for
    days = []
    for day, per_doc in signals.items():
        score = sum(_vote(sigs) / n_days[doc_id] ** settings.SALIENCE_SPREAD_NORM for doc_id, sigs in per_doc.items())
        outlets = {reports[d].outlet for d in per_doc if reports[d].outlet}
        score *= 1.0 + settings.SALIENCE_SOURCES * math.log(max(len(outlets), 1))
        score *= 1.0 - settings.SALIENCE_NOVELTY * (1.0 - novelty.get(day, 1.0))
        if day < background:
            score *= settings.SALIENCE_BACKGROUND_FACTOR
        if score <= 0:
            continue
        evs = sorted(on_day.get(day, []), key=lambda e: (-e.n_reports, -e.confidence, e.id))
        best = sorted(((max(sigs, key=lambda s: s.weight), doc_id) for doc_id, sigs in per_doc.items()),
                      key=lambda x: (-x[0].weight, x[1]))
        evidence = [_span(reports[doc_id], s, stamps[doc_id]) for s, doc_id in best[:settings.KEY_DAY_EVIDENCE]]
        summary = _one_line(_central(evidence, [s.weight for s, _ in best[:len(evidence)]]))
        refs = sum(1 for d in per_doc if reports[d].published and reports[d].published > day)
        days.append(KeyDay(date=day, score=round(score, 4), events=[e.id for e in evs], summary=summary,
                           story=story, n_reports=len(per_doc), n_references=refs, evidence=evidence))
    days.sort(key=lambda k: (-k.score, -k.n_reports, k.date))
    for i, k in enumerate(days, 1):
        k.rank = i
    return days


def story_key_days(documents: dict[str, Document], timexes: list[TimeExpr], events: list[Event],
                   stories: list[Story], mentions: list[EventMention] | None = None,
                   actors: dict[str, list[Mention]] | None = None) -> list[KeyDay]:
    """The whole corpus's key days (story None), then each story's own, from its reports and events."""
    by_id = {m.id: m for m in mentions or []}
    made = {d.id: _Report(d, (actors or {}).get(d.id)) for d in documents.values()}  # read each report once
    out = key_days(documents, timexes, events, by_id, actors, _made=made)
    if len(stories) > 1:
        by_doc: dict[str, list[TimeExpr]] = defaultdict(list)
        for t in timexes:
            by_doc[t.doc].append(t)
        for st in stories:
            docs = {d: documents[d] for d in st.docs if d in documents}
            mine = set(st.events)
            out += key_days(docs, (t for d in docs for t in by_doc.get(d, ())),
                            [e for e in events if e.id in mine], by_id, actors, story=st.id, _made=made)
    return out
