"""infer_published(): date undated reports from their own text, their capture day and the dated reports of the story.

Report, never invent: a day is returned only when a real anchor holds on it (another report's dated
happening, a capture day, a dateline, a date named as today, an absolute date the text speaks of) and
the confidence reaches MIN_CONFIDENCE; otherwise the date stays None and the note says why. A weekday
alone ("on Thursday") never dates a report: it only picks the day once an anchor bounds the window.

Scale: dated happenings are indexed by (actor, class, shape) so a report's expressions are compared
only with happenings that could match them (same weekday, same month-day, ...); candidate days come
from the anchors (bounded windows), not from the whole corpus span; reports are committed best first
with lazy re-scoring (only reports a new anchor touches are scored again, when they come up).
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import combinations
from datetime import date, timedelta

from storyline.model import Document, Mention
from storyline.time.anchors import clause_index, dateline, parts_date, today_dates
from storyline.time.dates import value_range
from storyline.time.normalize import normalize, prepare
from storyline.time.rules import month_num, resolve, weekday_num
from storyline.time.sentences import sentence_spans

#: (ISO date or None, confidence 0..1, note: the anchors used or why null)
Guess = tuple[str | None, float, str]

MIN_CONFIDENCE = 0.1  # below this the report stays undated (note says why)
WINDOW = 60           # days after a named absolute date (or around an anchor) a report is looked for
FUTURE_WINDOW = 45    # days before a coming absolute date a report is looked for
CAPTURE_DAYS = 14     # a report is usually published within this many days before its capture
LINK_BEFORE = 10      # candidate days proposed around a matched happening: [first - 10, last + 40]
LINK_AFTER = 40
MAX_LINK_RANGES = 64  # per expression: the surest matched happening days kept (bounds the window)
W_PARTIAL = 5.0       # dateline without a year
W_TODAY = 4.0         # "today, January 4"
W_CROSS_DAY = 3.0     # a relative day equals the absolute day another report gives the same happening
W_CROSS_WEEK = 1.5    # one holds the other, within a week
W_CROSS_MONTH = 1.0   # one holds the other, within a month ("last month" / "in July")
W_ONE_ACTOR = 0.5     # a match on one shared actor counts half of one on two or more
W_CAST_SPECIFIC = 0.5 # a match loses up to this share for actors only one side names
W_CAPTURE = 2.0       # the capture day (falls linearly to 0 CAPTURE_DAYS before it)
W_OWN = 1.0           # an absolute day spoken of as past (or coming) lies shortly before (after) the DCT
OWN_FRESH = 7         # a past day named by date is less likely within this many days (a weekday would do)
OWN_FLAT = 30         # within this many days every report day fits an absolute day as well
W_WEEK = 1.0          # a coming day the report places in "this/next week" lies in that week
W_LEAD = 1.0          # the weekday of a lead sentence in past tense is the DCT (0.6: the day before)
W_SAME_DAY_COMING = 0.5  # a coming happening named by weekday is rarely told on its own day: its links count half

_ABSOLUTE = {"iso", "numeric", "month_day", "day_month"}
_WITH_YEAR = {"iso", "numeric", "month_year", "year", "season_year"}  # and month_day/day_month with a year
_LINKABLE = {"weekday", "day_ref", "relative", "month", "month_day", "day_month", "ago"}

#: a dated happening: (actors, classes, first day, last day, doc id, confidence of that report's date)
Happening = tuple[frozenset, frozenset, date, date, str, float]


def _shapes(lo: date, hi: date) -> list[tuple]:
    """Index buckets a happening goes in: any, and by weekday / month-day / month when it allows."""
    out: list[tuple] = [("any",)]
    if lo == hi:
        out += [("wd", lo.weekday()), ("md", lo.month, lo.day)]
    else:
        out.append(("range",))
    if (lo.year, lo.month) == (hi.year, hi.month):
        out.append(("mon", lo.month))
    return out


def _query_shapes(rule: str, m, year_given: bool) -> list[tuple] | None:
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


class _Index:
    """Dated happenings by actor pair (or lone actor), class and shape; lists only grow, so a report
    remembers where it stopped reading each one."""

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


def _queries(actors: frozenset, classes: frozenset, shapes: list[tuple]) -> list[tuple]:
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


class _Report:
    """What the solver keeps about one undated report between rounds (internal, never exported)."""

    def __init__(self, doc: Document, mentions: list[Mention] | None):
        self.doc = doc
        self.prepared = prepare(doc.body)
        index = clause_index(doc.body, mentions, [p[0] for p in self.prepared])
        self.partial = dateline(doc.body)
        self.todays = today_dates(doc.body)
        self.captured = _day(doc.captured)
        lead_end = _lead_end(doc.body)
        self.lead: int | None = None
        self.relevant: list[int] = []      # prepared indexes resolved per candidate day
        self.own: list[int] = []           # absolute days it speaks of
        self.yearless: list[tuple[int, int]] = []  # (month, day) of absolute days without a year
        self.own_full: list[date] = []     # absolute days with a year
        self.lower: date | None = None     # absolute past dates with a year: the report is not older
        self.linkable: list[tuple[int, int, frozenset, frozenset, list[tuple]]] = []  # (i, start, actors, classes, shapes)
        self.weekday_cues = 0
        for i, (start, end, rule, m, tense) in enumerate(self.prepared):
            gd = m.groupdict()
            year_given = rule in _WITH_YEAR or bool(gd.get("year"))
            if rule == "weekday":
                self.weekday_cues += 1
                if self.lead is None and tense == "past" and start < lead_end:
                    self.lead = i
            if rule in _ABSOLUTE:
                self.own.append(i)
                if year_given:
                    d = _resolved_day(rule, m, None, tense)
                    if d:
                        self.own_full.append(d)
                elif rule in ("month_day", "day_month"):
                                self.yearless.append((month_num(gd["month"]), int(re.match(r"\d+", gd["day"]).group())))
            since = re.search(r"(?i)\bsince\s+$", doc.body[max(0, start - 8):start])
            if year_given and (tense == "past" or since):
                rng = value_range(resolve(rule, m, None, tense, None)[1])
                if rng and rng[0].year >= 1900:
                    self.lower = max(self.lower, rng[0]) if self.lower else rng[0]
            actors, classes = index.get(start, (set(), set()))
            if rule in _LINKABLE and actors and classes:
                shapes = _query_shapes(rule, m, year_given)
                if shapes:
                    self.linkable.append((i, start, frozenset(actors), frozenset(classes), shapes))
            if rule in _LINKABLE or rule in _ABSOLUTE:
                self.relevant.append(i)
        self.keys = {(a, c) for *_x, actors, classes, _s in self.linkable for a in actors for c in classes}
        self.seen: dict[tuple, int] = {}
        # per linkable expression start: {(first, last): (weight, doc, confidence)}
        self.links: dict[int, dict[tuple[date, date], tuple[float, str, float]]] = {}
        # the same, per start: ({day: link}, sorted days, [(first, last, link)] of week/month happenings)
        self.by_day: dict[int, tuple[dict, list[date], list[tuple]]] = {}
        self.base: dict[date, tuple] = {}

    def link(self, index: _Index) -> None:
        """Attach the happenings added to the index since the last call that this report's expressions may name."""
        for _i, start, actors, classes, shapes in self.linkable:
            found = self.links.setdefault(start, {})
            changed = False
            for key in _queries(actors, classes, shapes):
                lst = index.buckets.get(key)
                if not lst:
                    continue
                pos = self.seen.get((start, key), 0)
                self.seen[(start, key)] = len(lst)
                for h in lst[pos:]:
                    if h[4] == self.doc.id or not (classes & h[1]):
                        continue
                    shared = len(actors & h[0])
                    w = shared / max(1, min(len(actors), len(h[0])))
                    if shared < 2:
                        w *= W_ONE_ACTOR
                    # the same cast, mediator included, is likelier the same happening than a cast that
                    # only overlaps (a truce agreed in one capital vs another between the same two sides)
                    w *= 1 - W_CAST_SPECIFIC * (1 - shared / len(actors | h[0]))
                    rng = (h[2], h[3])
                    if w > found.get(rng, (0.0,))[0]:
                        found[rng] = (w, h[4], h[5])
                        changed = True
            if len(found) > MAX_LINK_RANGES:
                keep = sorted(found.items(), key=lambda kv: (kv[1][0] * kv[1][2], kv[0]), reverse=True)
                found = self.links[start] = dict(keep[:MAX_LINK_RANGES])
            if changed or start not in self.by_day:
                days = {lo: v for (lo, hi), v in found.items() if lo == hi}
                self.by_day[start] = (days, sorted(days), [(lo, hi, v) for (lo, hi), v in found.items() if lo != hi])


def infer_published(docs: list[Document], mentions: dict[str, list[Mention]] | None = None) -> dict[str, Guess]:
    """Every report's date: given ones unchanged, datelines next, then the best-anchored undated report first."""
    out: dict[str, Guess] = {}
    anchors: list[date] = []
    index = _Index()
    pending: list[Document] = []
    for doc in docs:
        if doc.published:
            note = doc.published_note or f"given ({doc.published_source or 'metadata'})"
            conf = doc.published_confidence or 1.0
            out[doc.id] = (doc.published[:10], conf, note)
        else:
            parts = dateline(doc.body)
            d = parts_date(parts, parts[0]) if parts and parts[0] else None
            if not d:
                pending.append(doc)
                continue
            conf = 0.95
            out[doc.id] = (d.isoformat(), conf, f"dateline {d.isoformat()}")
        day = date.fromisoformat(out[doc.id][0])
        anchors.append(day)
        for h in _happenings(doc, day, _ments(doc.id, mentions), conf):
            index.add(h)
    if not pending:
        return out
    anchors.sort()
    reports = {d.id: _Report(d, _ments(d.id, mentions)) for d in pending}
    by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
    year_sensitive: set[str] = set()
    for i, r in reports.items():
        for k in r.keys:
            by_key[k].add(i)
        if r.yearless or (r.partial and not r.partial[0]) or r.todays:
            year_sensitive.add(i)
    heap: list[tuple] = []
    version: dict[str, int] = {}
    dirty: set[str] = set()

    def push(i: str) -> None:
        r = reports[i]
        r.link(index)
        g = _guess(r, anchors)
        version[i] = version.get(i, 0) + 1
        guesses[i] = g
        heapq.heappush(heap, (-(g[0] is not None), -g[1], i, version[i]))

    guesses: dict[str, Guess] = {}
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
        widens = not anchors or min(abs((day - a).days) for a in _near(anchors, day)) > WINDOW
        anchors.insert(bisect_left(anchors, day), day)
        touched: set[str] = set()
        for h in _happenings(r.doc, day, _ments(i, mentions), g[1]):
            for k in index.add(h):
                touched |= by_key.get(k, set())
        if widens:
            touched |= year_sensitive
        dirty |= touched
    return out


def _near(anchors: list[date], day: date) -> list[date]:
    """The anchors next to day in the sorted list (for a nearest-distance check)."""
    k = bisect_left(anchors, day)
    return anchors[max(0, k - 1):k + 1] or anchors


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _ments(doc_id: str, mentions: dict[str, list[Mention]] | None) -> list[Mention] | None:
    return None if mentions is None else mentions.get(doc_id, [])


def _resolved_day(rule: str, m, dct: date | None, tense: str | None) -> date | None:
    rng = value_range(resolve(rule, m, dct, tense, None)[1])
    return rng[0] if rng and rng[0] == rng[1] else None


def _happenings(doc: Document, dct: date, mentions: list[Mention] | None, conf: float) -> list[Happening]:
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


def _merge(spans: list[tuple[date, date]]) -> list[date]:
    """Every day of a list of inclusive day ranges, each once."""
    out: list[date] = []
    last: date | None = None
    for a, b in sorted(spans):
        if last is not None and a <= last:
            a = last + timedelta(days=1)
        if a > b:
            continue
        out += [a + timedelta(days=k) for k in range((b - a).days + 1)]
        last = b
    return out


def _years_near(anchors: list[date], month: int, day: int) -> list[date]:
    """The month-day in every year where it lies within WINDOW days of an anchor (dated report)."""
    if not anchors:
        return []
    out = []
    for y in range(anchors[0].year - 1, anchors[-1].year + 2):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        lo, hi = bisect_left(anchors, d - timedelta(days=WINDOW)), bisect_right(anchors, d + timedelta(days=WINDOW))
        if hi > lo:
            out.append(d)
    return out


def _candidates(r: _Report, anchors: list[date]) -> set[date]:
    """Days the anchors propose: bounded windows around the capture, datelines, own dates and matched happenings."""
    spans: list[tuple[date, date]] = []
    if r.captured:
        spans.append((r.captured - timedelta(days=CAPTURE_DAYS), r.captured))
    near = list(anchors)
    if r.captured:
        near = sorted(set(near) | {r.captured})
    for parts in ([r.partial] if r.partial and not r.partial[0] else []) + list(r.todays):
        if parts[0]:
            d = parts_date(parts, parts[0])
            spans += [(d, d)] if d else []
        else:
            spans += [(d, d) for d in _years_near(near, parts[1], parts[2])]
    own = list(r.own_full)
    for mo, dy in r.yearless:
        own += _years_near(near, mo, dy)
    spans += [(d - timedelta(days=FUTURE_WINDOW), d + timedelta(days=WINDOW)) for d in own]
    for found in r.links.values():
        spans += [(lo - timedelta(days=LINK_BEFORE), hi + timedelta(days=LINK_AFTER)) for lo, hi in found]
    days = set(_merge(spans))
    if r.captured:
        days = {d for d in days if d <= r.captured}
    if r.lower:
        days = {d for d in days if d >= r.lower}
    return days


def _guess(r: _Report, anchors: list[date]) -> Guess:
    """Score every candidate day against the report's constraints; keep the best anchored one, say which held."""
    days = _candidates(r, anchors)
    if not days:
        if r.weekday_cues:
            return None, 0.0, "no anchor: only weekday cues; no absolute date, dateline, capture day or matching dated report"
        return None, 0.0, "no anchor: no dated report, capture day or full date in the text to place it"
    scored: list[tuple[float, date, list[str], float | None]] = []
    for d in days:
        if d not in r.base:
            r.base[d] = _base_score(d, r)
        s, why, kinds, resolved = r.base[d]
        cs, cwhy, caps = _cross_score(r, resolved)
        if not kinds and not caps:
            continue  # no anchor holds on this day: a weekday alone never dates a report
        chain = max(caps)[1] if caps and not kinds else None  # the strongest link's anchor bounds the chain
        scored.append((s + cs, d, cwhy + why, chain))
    if not scored:
        return None, 0.0, "no anchor holds: only weekday cues agree with the candidate days"
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    best, day, why, chain = scored[0]
    if best <= 0:
        return None, 0.0, "no constraint holds on any candidate day"
    tied = sorted({d for s, d, _, _ in scored if s >= best - 1e-9})
    runs = _runs(tied)  # tied days in runs of consecutive days: a run is one uncertain stretch, runs are rivals
    run = next(x for x in runs if x[0] <= day <= x[-1])
    lo, hi = run[0] - timedelta(days=1), run[-1] + timedelta(days=1)
    runner = max((s for s, d, _, _ in scored if not lo <= d <= hi), default=0.0)
    ties = len(runs)
    support = best / (best + 2.0)
    margin = (best - runner) / best
    conf = support * (0.4 + 0.6 * margin) / (1 + 0.5 * (ties - 1)) / (1 + 0.25 * (len(run) - 1))
    conf = round(min(0.9, conf), 2)
    if chain is not None:
        conf = min(conf, round(chain, 2))  # a chain of inferences is no surer than its anchor
    note = "; ".join(dict.fromkeys(why))
    if conf < MIN_CONFIDENCE:
        spread = ", ".join(x[0].isoformat() + (f"..{x[-1].isoformat()}" if len(x) > 1 else "") for x in runs[:6])
        return None, 0.0, (f"too uncertain: best day {day.isoformat()} at confidence {conf:.2f} < {MIN_CONFIDENCE}"
                           f" ({len(tied)} day(s) fit equally: {spread}{', ...' if ties > 6 else ''}); cues: {note}")
    return day.isoformat(), conf, note  # published_source says "inferred"


def _own_prior(past_gap: int | None, gap: int) -> float:
    """How well a report day fits an absolute day it names gap days away. News names the days of the
    last week by weekday and older ones by date, so a past date is likelier a week or more back than
    on the days just after it (the old "nearer is likelier" pulled every report to the earliest day
    its dates allow, a week early); beyond a month, farther is less likely."""
    if past_gap is not None and past_gap < OWN_FRESH:
        return 0.8
    if gap <= OWN_FLAT:
        return 1.0
    return 1 - 0.5 * (gap - OWN_FLAT) / (WINDOW - OWN_FLAT)


def _runs(days: list[date]) -> list[list[date]]:
    """Sorted days cut into runs of consecutive days."""
    runs: list[list[date]] = []
    for d in days:
        if runs and (d - runs[-1][-1]).days <= 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def _lead_end(body: str) -> int:
    """End offset of the first two sentences: where a news lead states the day of its main event."""
    spans = sentence_spans(body)
    return spans[min(1, len(spans) - 1)][1] if spans else 0


def _cross_score(r: _Report, resolved: dict[int, tuple[str, str, tuple[date, date], float]]
                 ) -> tuple[float, list[str], list[tuple[float, float]]]:
    """Relative expressions that land on (or hold) the date other reports give the same happening."""
    s = 0.0
    why: list[str] = []
    caps: list[tuple[float, float]] = []  # (score, confidence of the report it leans on)
    for start, (days, order, ranges) in r.by_day.items():
        if start not in resolved:
            continue
        text, rule, (lo, hi), factor = resolved[start]
        best = (0.0, "", 0.0, "")
        if lo == hi:
            v = days.get(lo)
            if v:
                best = (W_CROSS_DAY * v[0], v[1], v[2], lo.isoformat())
            cands = [(hlo, hhi, v) for hlo, hhi, v in ranges if hlo <= lo <= hhi]
        else:
            cands = [(d, d, days[d]) for d in order[bisect_left(order, lo):bisect_right(order, hi)]]
            cands += [(hlo, hhi, v) for hlo, hhi, v in ranges
                      if (lo <= hlo and hhi <= hi) or (hlo <= lo and hi <= hhi)]
        wide = (hi - lo).days + 1
        for hlo, hhi, (w, doc, conf) in cands:
            span = max(wide, (hhi - hlo).days + 1)
            sc = (W_CROSS_WEEK if span <= 7 else W_CROSS_MONTH if span <= 31 else 0.0) * w
            if sc > best[0]:
                best = (sc, doc, conf, hlo.isoformat() if hlo == hhi else f"{hlo}..{hhi}")
        best = (best[0] * factor, *best[1:])
        if best[0] > 0:
            s += best[0]
            caps.append((best[0], best[2]))
            exact = lo == hi and best[0] >= W_CROSS_DAY * W_ONE_ACTOR and best[3] == lo.isoformat()
            why.append(f"{text!r} = {best[3]} in {best[1]}" if exact else f"{text!r} holds {best[3]} of {best[1]}")
    return s, why, caps


def _base_score(d: date, r: _Report) -> tuple:
    """The report's own constraints candidate day d satisfies (cached per day): score, notes, anchor kinds, values."""
    s = 0.0
    why: list[str] = []
    kinds: set[str] = set()
    if r.captured:
        gap = (r.captured - d).days
        if 0 <= gap <= CAPTURE_DAYS:
            s += W_CAPTURE * (1 - gap / CAPTURE_DAYS)
            kinds.add("capture")
            why.append(f"captured {r.captured.isoformat()} (on or before)")
    if r.partial and not r.partial[0] and parts_date(r.partial, d.year) == d:
        s += W_PARTIAL
        kinds.add("dateline")
        why.append("dateline without year")
    for parts in r.todays:
        if parts_date(parts, parts[0] or d.year) == d:
            s += W_TODAY
            kinds.add("today")
            why.append("date named as today")
    weeks: list[tuple[date, date]] = []
    coming: list[tuple[str, date]] = []
    resolved: dict[int, tuple[str, str, tuple[date, date], float]] = {}
    body = r.doc.body
    for i in r.relevant:
        start, end, rule, m, tense = r.prepared[i]
        ttype, value, _a = resolve(rule, m, d, tense, None)
        rng = value_range(value) if ttype in ("DATE", "TIME") else None
        if not rng:
            continue
        text = body[start:end]
        same_day_coming = rule == "weekday" and tense == "future" and rng[0] == d
        resolved[start] = (text, rule, rng, W_SAME_DAY_COMING if same_day_coming else 1.0)
        day_level = rng[0] == rng[1]
        if rule in _ABSOLUTE and day_level:
            gap = (d - rng[0]).days
            if (tense == "past" and 0 <= gap <= WINDOW) or (tense == "future" and -FUTURE_WINDOW <= gap < 0) \
                    or (tense is None and abs(gap) <= WINDOW):
                s += W_OWN * _own_prior(gap if tense == "past" else None, abs(gap))
                kinds.add("own date")
                why.append(f"{text!r} {tense or 'near'}")
        gd = m.groupdict()
        if rule == "relative" and (gd.get("runit") or "").lower() == "week" and \
                ((gd.get("rmod") or "").lower() in ("next", "coming") or tense != "past"):
            weeks.append(rng)
        if day_level and (tense == "future" or (gd.get("wmod") or "").lower() in ("next", "coming", "this")):
            coming.append((text, rng[0]))
        if i == r.lead:
            if rng[0] == d:
                s += W_LEAD
                why.append(f"lead {text!r} is the day")
            elif rng[0] == d - timedelta(days=1):
                s += 0.6 * W_LEAD
                why.append(f"lead {text!r} is the day before")
    if weeks:
        for text, day in coming:
            if any(a <= day <= b for a, b in weeks):
                s += W_WEEK
                why.append(f"{text!r} within the week named")
    return s, why, kinds, resolved


__all__ = ["Guess", "MIN_CONFIDENCE", "infer_published"]
