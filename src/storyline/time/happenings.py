"""Dated happenings: what the dated reports of a story say happened when, filed so that an undated
report's expressions meet only the happenings they could name.

Why an index: comparing every expression with every dated happening is quadratic in the story. A
happening is filed under its actors, its classes (meet, sign, attack, ...) and its shape (weekday,
month-day, month, range), and an expression reads only the buckets its own shape could match: "on
Thursday" never reads a Tuesday, "on March 15" never reads a March 16.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from itertools import combinations

from storyline.model import Document, Mention
from storyline.time.anchors import clause_index
from storyline.time.dates import value_range
from storyline.time.normalize import normalize, prepare
from storyline.time.rules import month_num, weekday_num

#: a dated happening: (actors, classes, first day, last day, doc id, confidence of that report's date)
Happening = tuple[frozenset, frozenset, date, date, str, float]

W_ONE_ACTOR = 0.5      # a match on one shared actor counts half of one on two or more
W_CAST_SPECIFIC = 0.5  # a match loses up to this share for actors only one side names
TRUST_POWER = 0.5      # a link counts confidence ** this of the report it leans on (see trust)


def happenings(doc: Document, dct: date, mentions: list[Mention] | None, conf: float) -> list[Happening]:
    """Day-, week- and month-level dates of a dated report, with the actors and happening words of their clause."""
    prepared = prepare(doc.body)
    index = clause_index(doc.body, mentions, [p[0] for p in prepared])
    out: list[Happening] = []
    for (start, *_), t in zip(prepared, normalize(doc.body, dct, doc.id)):
        rng = value_range(t.value) if t.type == "DATE" else None
        actors, classes = index.get(start, (set(), set()))
        if rng and (rng[1] - rng[0]).days <= 31 and classes and actors:
            out.append((frozenset(actors), frozenset(classes), rng[0], rng[1], doc.id, conf))
    return out


def match_weight(actors: frozenset, cast: frozenset) -> float:
    """How surely a clause naming actors tells the happening of cast: the shared share of the smaller
    side, halved for a single shared actor; the same cast, mediator included, is likelier the same
    happening than a cast that only overlaps (a truce agreed in one capital vs another by the same sides)."""
    shared = len(actors & cast)
    w = shared / max(1, min(len(actors), len(cast)))
    if shared < 2:
        w *= W_ONE_ACTOR
    return w * (1 - W_CAST_SPECIFIC * (1 - shared / len(actors | cast)))


def trust(conf: float) -> float:
    """The share of full weight a link to a report dated with this confidence gets. Softer than the
    confidence itself: the solver's confidences are conservative (every inferred day of the dev and
    example sets is right, at confidences from 0.14 to 0.38), and the confidence of a chained day is
    capped by its links anyway; weighting by the raw number would discount a chain twice."""
    return conf ** TRUST_POWER


def _shapes(lo: date, hi: date) -> list[tuple]:
    """Buckets a happening goes in: any, and by weekday / month-day / month when it allows."""
    out: list[tuple] = [("any",)]
    if lo == hi:
        out += [("wd", lo.weekday()), ("md", lo.month, lo.day)]
    else:
        out.append(("range",))
    if (lo.year, lo.month) == (hi.year, hi.month):
        out.append(("mon", lo.month))
    return out


def query_shapes(rule: str, m: re.Match[str], year_given: bool) -> list[tuple] | None:
    """Buckets an expression can match in; None when it cannot link (absolute with a year)."""
    gd = m.groupdict()
    if rule == "weekday":
        return [("wd", weekday_num(gd["weekday"])), ("range",)]
    if rule in ("month_day", "day_month"):
        if year_given:
            return None
        return [("md", month_num(gd["month"]), int(re.match(r"\d+", gd["day"]).group())), ("range",)]
    if rule == "month":
        return [("mon", month_num(gd["month"]))]
    return [("any",)]


class HappeningIndex:
    """Dated happenings by actor pair (or lone actor), class and shape. Lists only grow, so a report
    remembers where it stopped reading each one and reads only what came since."""

    def __init__(self) -> None:
        self.buckets: dict[tuple, list[Happening]] = defaultdict(list)
        self.signatures: set[tuple] = set()

    def add(self, h: Happening) -> set[tuple]:
        """Index a happening (once per cast, classes and days: many reports tell the same one);
        returns the (actor, class) keys it touches."""
        sig = h[:4]
        if sig in self.signatures:
            return set()
        self.signatures.add(sig)
        actors = sorted(h[0])
        shapes = _shapes(h[2], h[3])
        keys = set()
        for c in h[1]:
            for a in actors:
                keys.add((a, c))
                for shape in shapes:
                    self.buckets[("A", a, c, shape)].append(h)  # for one-actor clauses
                    if len(actors) == 1:
                        self.buckets[("S", a, c, shape)].append(h)  # one-actor happenings
            for a, b in combinations(actors, 2):
                for shape in shapes:
                    self.buckets[("P", a, b, c, shape)].append(h)
        return keys


def queries(actors: frozenset, classes: frozenset, shapes: list[tuple]) -> list[tuple]:
    """Buckets a clause reads: its actor pairs (and lone-actor happenings), or its lone actor's."""
    out = []
    names = sorted(actors)
    for c in classes:
        for shape in shapes:
            if len(names) == 1:
                out.append(("A", names[0], c, shape))
                continue
            out += [("P", a, b, c, shape) for a, b in combinations(names, 2)]
            out += [("S", a, c, shape) for a in names]
    return out
