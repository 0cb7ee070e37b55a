"""infer_published(): date undated reports from their own text, their capture day and the dated reports of the story.

Report, never invent: a day is returned only when a real anchor holds on it (another report's dated
happening, a capture day, a dateline, a date named as today, an absolute date the text speaks of) and
the confidence reaches MIN_CONFIDENCE; otherwise the date stays None and the note says why. A weekday
alone ("on Thursday") never dates a report: it only picks the day once an anchor bounds the window.

This module only orders the work; the parts live beside it: evidence (what a report says about its own
date), happenings (the index of dated happenings), candidates (the days worth scoring), constraints
(how well a day fits) and verdict (the day, its confidence and the note).

Scale: reports are committed best first with lazy re-scoring. Only reports a newly dated report
touches (through the (actor, class) keys of its happenings, or a yearless date once the story widens)
are scored again, and only when they come up.
"""
from __future__ import annotations

import heapq
from bisect import insort
from collections import defaultdict
from datetime import date

from storyline.model import Document, Mention
from storyline.time.anchors import dateline, parts_date
from storyline.time.candidates import widens
from storyline.time.evidence import ReportEvidence
from storyline.time.happenings import HappeningIndex, happenings
from storyline.time.verdict import MIN_CONFIDENCE, Guess, guess

DATELINE_CONFIDENCE = 0.95  # a full date opening the report


def infer_published(docs: list[Document], mentions: dict[str, list[Mention]] | None = None) -> dict[str, Guess]:
    """Every report's date: given ones unchanged, datelines next, then the best-anchored undated report first."""
    out: dict[str, Guess] = {}
    anchors: list[date] = []
    index = HappeningIndex()
    pending: list[Document] = []
    dated: list[Document] = []
    for doc in docs:
        if doc.published:
            note = doc.published_note or f"given ({doc.published_source or 'metadata'})"
            out[doc.id] = (doc.published[:10], doc.published_confidence or 1.0, note)
        else:
            parts = dateline(doc.body)
            d = parts_date(parts, parts[0]) if parts and parts[0] else None
            if not d:
                pending.append(doc)
                continue
            out[doc.id] = (d.isoformat(), DATELINE_CONFIDENCE, f"dateline {d.isoformat()}")
        anchors.append(date.fromisoformat(out[doc.id][0]))
        dated.append(doc)
    if pending:  # the dated reports' happenings are evidence only for undated ones: read them only then
        for doc in dated:
            for h in happenings(doc, date.fromisoformat(out[doc.id][0]), _ments(doc.id, mentions), out[doc.id][1]):
                index.add(h)
        anchors.sort()
        out.update(_solve(pending, mentions, anchors, index))
    return out


def _solve(pending: list[Document], mentions: dict[str, list[Mention]] | None, anchors: list[date],
           index: HappeningIndex) -> dict[str, Guess]:
    """Commit the undated reports one at a time, the surest first; each dated one becomes evidence."""
    out: dict[str, Guess] = {}
    reports = {d.id: ReportEvidence(d, _ments(d.id, mentions)) for d in pending}
    by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
    year_sensitive: set[str] = set()
    for i, r in reports.items():
        for k in r.keys:
            by_key[k].add(i)
        if r.year_sensitive:
            year_sensitive.add(i)
    heap: list[tuple] = []
    version: dict[str, int] = {}
    guesses: dict[str, Guess] = {}
    dirty: set[str] = set()

    def push(i: str) -> None:
        r = reports[i]
        r.link(index)
        g = guesses[i] = guess(r, anchors)
        version[i] = version.get(i, 0) + 1
        heapq.heappush(heap, (-(g[0] is not None), -g[1], i, version[i]))

    for i in reports:
        push(i)
    while heap:
        _has, _c, i, v = heapq.heappop(heap)
        if i not in reports or v != version[i]:
            continue
        if i in dirty:
            dirty.discard(i)
            push(i)
            continue
        g = guesses[i]
        if g[0] is None and dirty:  # undated so far: let every touched report be scored again first
            for j in list(dirty):
                dirty.discard(j)
                push(j)
            push(i)
            continue
        out[i] = g
        r = reports.pop(i)
        for k in r.keys:
            by_key[k].discard(i)
        year_sensitive.discard(i)
        if g[0] is None:
            continue
        day = date.fromisoformat(g[0])
        touched = set(year_sensitive) if widens(anchors, day) else set()
        insort(anchors, day)
        for h in happenings(r.doc, day, _ments(i, mentions), g[1]):
            for k in index.add(h):
                touched |= by_key.get(k, set())
        dirty |= touched
    return out


def _ments(doc_id: str, mentions: dict[str, list[Mention]] | None) -> list[Mention] | None:
    return None if mentions is None else mentions.get(doc_id, [])


__all__ = ["Guess", "MIN_CONFIDENCE", "infer_published"]
