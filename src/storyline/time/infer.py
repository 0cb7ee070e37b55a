"""infer_published(): date undated reports from their own text and the dated reports of the same story."""
from __future__ import annotations

from datetime import date, timedelta

from storyline.model import Document, Mention
from storyline.time.anchors import clause_index, dateline, parts_date, today_dates
from storyline.time.dates import value_range
from storyline.time.normalize import normalize, prepare
from storyline.time.sentences import sentence_spans

#: (ISO date or None, confidence 0..1, note: the anchors used or why null)
Guess = tuple[str | None, float, str]
#: a dated happening of an anchor report: (actor keys, happening classes, first day, last day, doc id)
Happening = tuple[set[str], set[str], date, date, str]
#: per candidate day: (score of the report's own constraints, their notes, {offset: (text, rule, day range)})
Base = tuple[float, list[str], dict[int, tuple[str, str, tuple[date, date]]]]

WINDOW = 60          # days either side of an anchor a story's reports are searched in
W_PARTIAL = 5.0      # dateline without a year
W_TODAY = 4.0        # "today, January 4"
W_CROSS_DAY = 3.0    # a relative day equals the absolute day another report gives the same happening
W_CROSS_WEEK = 1.5   # a relative week holds that day
W_OWN = 1.0          # an absolute day spoken of as past (or coming) lies shortly before (after) the DCT
W_WEEK = 1.0         # a coming day the report places in "this/next week" lies in that week
W_LEAD = 1.0         # the weekday of a lead sentence in past tense is the DCT (0.6: the day before)
_ABSOLUTE = {"iso", "numeric", "month_day", "day_month"}
_RELATIVE = {"weekday", "day_ref", "relative"}


class _Report:
    """What the solver keeps about one undated report between rounds (internal, never exported)."""

    def __init__(self, doc: Document, mentions: list[Mention] | None):
        self.doc = doc
        self.prepared = prepare(doc.body)
        self.index = clause_index(doc.body, mentions)
        self.partial = dateline(doc.body)
        self.todays = today_dates(doc.body)
        self.lead_end = _lead_end(doc.body)
        self.links: dict[int, list[Happening]] = {}
        self.link_days: dict[int, dict[date, tuple[float, str]]] = {}
        self.base: dict[date, Base] = {}
        self.own_centres = _own_full_dates(doc.body, self.prepared)

    def link(self, hs: list[Happening]) -> bool:
        """Attach the happenings of other reports its relative expressions may name; True if any."""
        hit = False
        for start, _e, rule, _m, _t in self.prepared:
            if rule not in _RELATIVE:
                continue
            actors, classes = self.index.get(start, (set(), set()))
            for h in _matches(actors, classes, hs):
                self.links.setdefault(start, []).append(h)
                if h[2] == h[3]:  # keep, per day, the surest happening on it
                    w = _overlap(actors, h[0])
                    days = self.link_days.setdefault(start, {})
                    if w > days.get(h[2], (0.0, ""))[0]:
                        days[h[2]] = (w, h[4])
                hit = True
        return hit


def infer_published(docs: list[Document], mentions: dict[str, list[Mention]] | None = None) -> dict[str, Guess]:
    """Every report's date: given ones unchanged, datelines next, then the best-supported undated report first."""
    out: dict[str, Guess] = {}
    anchors: dict[str, date] = {}
    pending: list[Document] = []
    for doc in docs:
        if doc.published:
            note = doc.published_note or f"given ({doc.published_source or 'metadata'})"
            out[doc.id] = (doc.published[:10], doc.published_confidence or 1.0, note)
            anchors[doc.id] = date.fromisoformat(doc.published[:10])
            continue
        parts = dateline(doc.body)
        d = parts_date(parts, parts[0]) if parts and parts[0] else None
        if d:
            out[doc.id] = (d.isoformat(), 0.95, f"dateline {d.isoformat()}")
            anchors[doc.id] = d
        else:
            pending.append(doc)
    if not pending:
        return out
    by_id = {d.id: d for d in docs}
    happenings = [h for aid in anchors for h in _happenings(by_id[aid], anchors[aid], _ments(aid, mentions))]
    reports = {d.id: _Report(d, _ments(d.id, mentions)) for d in pending}
    for r in reports.values():
        r.link(happenings)
    base = dict(anchors)
    guesses = {i: _guess(r, base) for i, r in reports.items()}
    while reports:
        best = max(reports, key=lambda i: (guesses[i][0] is not None, guesses[i][1]))
        out[best] = guesses[best]
        del reports[best]
        if guesses[best][0] is None:
            continue
        day = date.fromisoformat(guesses[best][0])
        new = _happenings(by_id[best], day, _ments(best, mentions))
        first = not base
        base = base or {best: day}
        for i, r in reports.items():  # only reports linked to the new anchor (or with none before) can change
            if r.link(new) or first:
                guesses[i] = _guess(r, base)
    return out


def _ments(doc_id: str, mentions: dict[str, list[Mention]] | None) -> list[Mention] | None:
    return None if mentions is None else mentions.get(doc_id, [])


def _happenings(doc: Document, dct: date, mentions: list[Mention] | None) -> list[Happening]:
    """Day- and week-level dates of an anchor report, with the actors and happening nouns of their clause."""
    index = clause_index(doc.body, mentions)
    out: list[Happening] = []
    for (start, *_), t in zip(prepare(doc.body), normalize(doc.body, dct, doc.id)):
        rng = value_range(t.value) if t.type == "DATE" else None
        actors, classes = index.get(start, (set(), set()))
        if rng and (rng[1] - rng[0]).days <= 6 and classes and len(actors) >= 2:
            out.append((actors, classes, rng[0], rng[1], doc.id))
    return out


def _matches(actors: set[str], classes: set[str], hs: list[Happening]) -> list[Happening]:
    """Happenings of other reports sharing two actors and a kind of happening with a clause."""
    return [h for h in hs if len(actors & h[0]) >= 2 and classes & h[1]]


def _overlap(a: set[str], b: set[str]) -> float:
    """How surely two clauses name the same happening: shared actors over the smaller cast."""
    return len(a & b) / max(1, min(len(a), len(b)))


def _own_full_dates(body: str, prepared) -> list[date]:
    """Full dates (with a year) the report names: a story's date lies near them."""
    out = []
    for start, end, rule, m, _t in prepared:
        if rule in _ABSOLUTE and m.groupdict().get("year"):
            t = normalize(body[start:end], None)
            rng = value_range(t[0].value) if t else None
            if rng:
                out.append(rng[0])
    return out


def _window(r: _Report, anchors: dict[str, date]) -> set[date]:
    """Candidate days: around linked happenings and the report's own full dates, else around all anchors."""
    centres = {h[2] for hs in r.links.values() for h in hs} | set(r.own_centres)
    if not centres:
        centres = set(anchors.values())
    days: set[date] = set()
    for c in centres:
        days.update(c + timedelta(days=k) for k in range(-WINDOW, WINDOW + 1))
    return days


def _guess(r: _Report, anchors: dict[str, date]) -> Guess:
    """Score every candidate day against the report's constraints; keep the best, say which held."""
    days = _window(r, anchors)
    if not days:
        return None, 0.0, "no anchor: no dated report and no full date in the text"
    scored: list[tuple[float, date, list[str]]] = []
    for d in days:
        if d not in r.base:
            r.base[d] = _base_score(d, r)
        s, why, resolved = r.base[d]
        cs, cwhy = _cross_score(r, resolved)
        scored.append((s + cs, d, cwhy + why))
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    best, day, why = scored[0]
    if best <= 0:
        return None, 0.0, "no constraint holds on any candidate day (window from " + _ids(anchors) + ")"
    runner = max((s for s, d, _ in scored[1:] if abs((d - day).days) > 1), default=0.0)
    ties = sum(1 for s, _, _ in scored if s >= best - 1e-9)
    support = best / (best + 2.0)
    margin = (best - runner) / best
    conf = round(min(0.9, support * (0.4 + 0.6 * margin)) / (1 + 0.5 * (ties - 1)), 2)
    return day.isoformat(), conf, "inferred: " + "; ".join(dict.fromkeys(why))


def _ids(anchors: dict[str, date]) -> str:
    return ", ".join(sorted(anchors)) or "none"


def _lead_end(body: str) -> int:
    """End offset of the first two sentences: where a news lead states the day of its main event."""
    spans = sentence_spans(body)
    return spans[min(1, len(spans) - 1)][1] if spans else 0


def _cross_score(r: _Report, resolved: dict[int, tuple[str, str, tuple[date, date]]]) -> tuple[float, list[str]]:
    """Relative expressions that land on the date other reports give the same happening."""
    s = 0.0
    why: list[str] = []
    for start, days in r.link_days.items():
        if start not in resolved:
            continue
        text, rule, (lo, hi) = resolved[start]
        if lo == hi:
            if lo in days:
                s += W_CROSS_DAY * days[lo][0]
                why.append(f"{text!r} = {lo.isoformat()} in {days[lo][1]}")
        elif rule == "relative":
            inside = [(w, day, doc) for day, (w, doc) in days.items() if lo <= day <= hi]
            if inside:
                w, day, doc = max(inside)
                s += W_CROSS_WEEK * w
                why.append(f"{text!r} holds {day.isoformat()} of {doc}")
    return s, why


def _base_score(d: date, r: _Report) -> Base:
    """Weighted count of the report's own constraints candidate day d satisfies (cached per day)."""
    s = 0.0
    why: list[str] = []
    if r.partial and not r.partial[0] and parts_date(r.partial, d.year) == d:
        s += W_PARTIAL
        why.append("dateline without year")
    for parts in r.todays:
        if parts_date(parts, d.year) == d:
            s += W_TODAY
            why.append("date named as today")
    weeks: list[tuple[date, date]] = []
    coming: list[tuple[str, date]] = []
    resolved: dict[int, tuple[str, str, tuple[date, date]]] = {}
    lead_done = False
    for (start, end, rule, m, tense), t in zip(r.prepared, normalize(r.doc.body, d, r.doc.id)):
        rng = value_range(t.value) if t.type == "DATE" else None
        if not rng:
            continue
        resolved[start] = (t.text, rule, rng)
        day_level = rng[0] == rng[1]
        if rule in _ABSOLUTE and day_level:
            gap = (d - rng[0]).days
            if (tense == "past" and 0 <= gap <= WINDOW) or (tense == "future" and -45 <= gap < 0) \
                    or (tense is None and abs(gap) <= WINDOW):
                s += W_OWN * (1 - 0.5 * abs(gap) / WINDOW)  # news tells of recent days: nearer is likelier
                why.append(f"{t.text!r} {tense or 'near'}")
        gd = m.groupdict()
        if rule == "relative" and gd.get("runit", "").lower() == "week" and \
                ((gd.get("rmod") or "").lower() in ("next", "coming") or tense != "past"):
            weeks.append(rng)
        if day_level and (tense == "future" or (gd.get("wmod") or "").lower() in ("next", "coming", "this")):
            coming.append((t.text, rng[0]))
        if rule == "weekday" and tense == "past" and start < r.lead_end and not lead_done:
            lead_done = True
            if rng[0] == d:
                s += W_LEAD
                why.append(f"lead {t.text!r} is the day")
            elif rng[0] == d - timedelta(days=1):
                s += 0.6 * W_LEAD
                why.append(f"lead {t.text!r} is the day before")
    if weeks:
        for text, day in coming:
            if any(a <= day <= b for a, b in weeks):
                s += W_WEEK
                why.append(f"{text!r} within the week named")
    return s, why, resolved
