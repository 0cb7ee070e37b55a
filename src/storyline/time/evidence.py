"""What one undated report says about its own date, read once and kept between solver rounds.

Why a separate reading: the solver scores many candidate days per report and scores a report again
whenever a newly dated report touches it. The text is parsed here once (expressions, tense, clause
actors, dateline, "today, <date>", the lead's weekday, the bare past weekdays, bounds from full
dates), and `link` only reads the happenings the index gained since the last call.
"""
from __future__ import annotations

import re
from datetime import date

from storyline.model import Document, Mention
from storyline.time.anchors import clause_index, clause_span, dateline, today_dates
from storyline.time.cues import cues
from storyline.time.dates import value_range
from storyline.time.happenings import HappeningIndex, match_weight, queries, query_shapes, trust
from storyline.time.normalize import prepare
from storyline.time.rules import month_num, resolve, weekday_num
from storyline.time.sentences import sentence_spans

ABSOLUTE = {"iso", "numeric", "month_day", "day_month"}
_WITH_YEAR = {"iso", "numeric", "month_year", "year", "season_year"}  # and month_day/day_month with a year
_LINKABLE = {"weekday", "day_ref", "relative", "month", "month_day", "day_month", "ago"}
_SINCE = re.compile(r"(?i)\bsince\s+$")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")

MAX_LINK_RANGES = 64  # per expression: the surest matched happening days kept (bounds the window)

#: a link from an expression to a dated happening: (match weight, doc id, confidence of that report's date)
Link = tuple[float, str, float]


class ReportEvidence:
    """The report's own cues (fixed) and its links to dated happenings (growing as reports are dated)."""

    def __init__(self, doc: Document, mentions: list[Mention] | None):
        self.doc = doc
        self.prepared = prepare(doc.body)
        index = clause_index(doc.body, mentions, [p[0] for p in self.prepared])
        self.partial = dateline(doc.body)
        self.todays = today_dates(doc.body)
        self.captured = day_of(doc.captured)
        lead_end = _lead_end(doc.body)
        spans = sentence_spans(doc.body)
        self.lead: int | None = None
        self.relevant: list[int] = []      # prepared indexes resolved per candidate day
        self.yearless: list[tuple[int, int]] = []  # (month, day) of absolute days without a year
        self.own_full: list[date] = []     # absolute days with a year
        self.lower: date | None = None     # absolute past dates with a year: the report is not older
        self.linkable: list[tuple[int, int, frozenset, frozenset, list[tuple]]] = []  # (i, start, actors, classes, shapes)
        self.weekday_cues = 0
        self.past_weekdays: list[int] = []  # prepared indexes of bare weekdays told in the past ("on Wednesday")
        for i, (start, _end, rule, m, tense) in enumerate(self.prepared):
            gd = m.groupdict()
            year_given = rule in _WITH_YEAR or bool(gd.get("year"))
            if rule == "weekday":
                self.weekday_cues += 1
                if self.lead is None and tense == "past" and start < lead_end:
                    self.lead = i
                if tense == "past" and not gd.get("wmod") and not _loose_weekday(doc.body, start, _end, spans):
                    self.past_weekdays.append(i)
            if rule in ABSOLUTE:
                if year_given:
                    d = _resolved_day(rule, m, tense)
                    if d:
                        self.own_full.append(d)
                elif rule in ("month_day", "day_month"):
                    self.yearless.append((month_num(gd["month"]), int(re.match(r"\d+", gd["day"]).group())))
            since = _SINCE.search(doc.body[max(0, start - 8):start])
            if year_given and (tense == "past" or since):
                rng = value_range(resolve(rule, m, None, tense, None)[1])
                if rng and rng[0].year >= 1900:
                    self.lower = max(self.lower, rng[0]) if self.lower else rng[0]
            actors, classes = index.get(start, (set(), set()))
            if rule in _LINKABLE and actors and classes:
                shapes = query_shapes(rule, m, year_given)
                if shapes:
                    self.linkable.append((i, start, frozenset(actors), frozenset(classes), shapes))
            if rule in _LINKABLE or rule in ABSOLUTE:
                self.relevant.append(i)
        self.lead_cues = _lead_cues(doc.body, self.prepared, self.lead, lead_end, index) \
            if self.lead is not None else frozenset()
        self.week_span = _week_span({weekday_num(self.prepared[i][3].group("weekday")) for i in self.past_weekdays})
        self.keys = {(a, c) for *_x, actors, classes, _s in self.linkable for a in actors for c in classes}
        self.seen: dict[tuple, int] = {}
        # per linkable expression start: {(first, last): link}
        self.links: dict[int, dict[tuple[date, date], Link]] = {}
        # the same, per start: ({day: link}, sorted days, [(first, last, link)] of week/month happenings)
        self.by_day: dict[int, tuple[dict[date, Link], list[date], list[tuple[date, date, Link]]]] = {}
        self.base: dict[date, tuple] = {}  # the report's own constraints per candidate day (cache)

    @property
    def year_sensitive(self) -> bool:
        """Whether a date without a year is among its anchors (its candidates change as the story widens)."""
        return bool(self.yearless or (self.partial and not self.partial[0]) or self.todays)

    def link(self, index: HappeningIndex) -> None:
        """Attach the happenings added to the index since the last call that this report's expressions may name."""
        for _i, start, actors, classes, shapes in self.linkable:
            found = self.links.setdefault(start, {})
            changed = False
            for key in queries(actors, classes, shapes):
                lst = index.buckets.get(key)
                if not lst:
                    continue
                pos = self.seen.get((start, key), 0)
                self.seen[(start, key)] = len(lst)
                for h in lst[pos:]:
                    if h[4] == self.doc.id or not (classes & h[1]):
                        continue
                    w = match_weight(actors, h[0])
                    rng = (h[2], h[3])
                    old = found.get(rng)
                    if not old or w * trust(h[5]) > old[0] * trust(old[2]):  # the surest report telling it
                        found[rng] = (w, h[4], h[5])
                        changed = True
            if len(found) > MAX_LINK_RANGES:
                keep = sorted(found.items(), key=lambda kv: (kv[1][0] * trust(kv[1][2]), kv[0]), reverse=True)
                found = self.links[start] = dict(keep[:MAX_LINK_RANGES])
            if changed or start not in self.by_day:
                days = {lo: v for (lo, hi), v in found.items() if lo == hi}
                self.by_day[start] = (days, sorted(days), [(lo, hi, v) for (lo, hi), v in found.items() if lo != hi])


def day_of(value: str | None) -> date | None:
    """The day of an ISO date or timestamp string; None when absent or malformed."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


_PLUPERFECT = re.compile(r"(?i)\bhad\s+(?:(?:not|never|already|also|just|earlier|\w+ly)\s+)?"
                         r"(?:been|\w+ed|\w+en|met|held|made|left|said|told|sent|struck|fled|begun|won|lost|"
                         r"fought|seen|gone|come|brought|sought|caught|found|withdrawn|drawn|flown|thrown)\b")


def _loose_weekday(body: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a past weekday may lie more than a week before the report: the words around it place it
    in another week ("on Monday last week", "last week, on Monday"), or its clause is in the past
    perfect ("had rejected ... on Wednesday"), told as earlier than the news of the report."""
    words = "|".join(map(re.escape, sorted(cues()["other_week"], key=len, reverse=True)))
    if re.match(rf"(?i),?\s+(?:of\s+)?(?:{words})\b", body[end:end + 30]) \
            or re.search(rf"(?i)\b(?:{words}),?\s+(?:on\s+)?$", body[max(0, start - 30):start]):
        return True
    c0, c1 = clause_span(body, start, spans)  # the verb before the weekday governs it, else the one after it
    before = body[c0:start]
    if re.fullmatch(r"(?i)[\W_]*(?:(?:and|but|then|on|late|early)\W+)*", before):
        return bool(_PLUPERFECT.search(body[end:min(c1, end + 60)]))
    return bool(_PLUPERFECT.search(before))


def _week_span(weekdays: set[int]) -> int | None:
    """The fewest days from the first to the last of some weekdays read as one stretch of a week
    (Tuesday and Wednesday: 1; Saturday and Monday: 2, over the weekend); None for fewer than two."""
    if len(weekdays) < 2:
        return None
    return min(max((w - s) % 7 for w in weekdays) for s in weekdays)


def _resolved_day(rule: str, m: re.Match[str], tense: str | None) -> date | None:
    rng = value_range(resolve(rule, m, None, tense, None)[1])
    return rng[0] if rng and rng[0] == rng[1] else None


def _lead_cues(body: str, prepared: tuple, lead: int, lead_end: int, index: dict) -> frozenset[str]:
    """How the lead tells the day of its weekday (words in quotes are the speaker's, not the writer's):
    "late": the happening came in the evening or night, so it is told the next day;
    "names today": the lead says "today" of another happening, so its weekday is an earlier day;
    "yesterday too": another clause of the lead calls the weekday's happening (same class) "yesterday";
    "today too": another clause calls it "today". A time in the weekday's own clause belongs to another
    verb ("said today that ... on Saturday"): the weekday is not that day."""
    words = cues()["lead_day"]
    start, _end, _rule, m, _tense = prepared[lead]
    out = set()
    late = "|".join(map(re.escape, words["late_before"]))
    if (m.groupdict().get("part") or "").lower() in words["late_parts"] or \
            re.search(rf"(?i)\b(?:{late})\s+(?:on\s+)?$", body[max(0, start - 20):start]):
        out.add("late")
    quoted = [q.span() for q in _QUOTED.finditer(body, 0, lead_end)]
    classes = index.get(start, (set(), set()))[1]
    spans = sentence_spans(body)
    clause = clause_span(body, start, spans)
    for s, e, rule, _m, _t in prepared:
        if s >= lead_end or rule not in ("day_ref", "this_part") or any(a <= s < b for a, b in quoted):
            continue
        word = " ".join(body[s:e].lower().split())
        same = clause_span(body, s, spans) != clause and bool(classes & index.get(s, (set(), set()))[1])
        if word in words["own_day"]:
            out.add("today too" if same else "names today")
        elif word in words["day_before"] and same:
            out.add("yesterday too")
    return frozenset(out)


def _lead_end(body: str) -> int:
    """End offset of the first two sentences: where a news lead states the day of its main event."""
    spans = sentence_spans(body)
    return spans[min(1, len(spans) - 1)][1] if spans else 0
