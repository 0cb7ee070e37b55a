"""infer_published(): date undated reports from their own text and the dated reports of the same story."""
from __future__ import annotations

from datetime import date, timedelta

from storyline.model import Document, Mention
from storyline.time.anchors import DayParts, clause_index, dateline, parts_date, today_dates
from storyline.time.dates import value_range
from storyline.time.normalize import normalize, prepare
from storyline.time.sentences import sentence_spans

#: (ISO date or None, confidence 0..1, note: the anchors used or why null)
Guess = tuple[str | None, float, str]
#: a dated happening of an anchor report: (actor keys, happening classes, first day, last day, doc id)
Happening = tuple[set[str], set[str], date, date, str]

WINDOW = 60          # days either side of an anchor a story's reports are searched in
W_PARTIAL = 5.0      # dateline without a year
W_TODAY = 4.0        # "today, January 4"
W_CROSS_DAY = 3.0    # a relative day equals the absolute day another report gives the same happening
W_CROSS_WEEK = 1.5   # a relative week holds that day
W_OWN = 1.0          # an absolute day spoken of as past (or coming) lies shortly before (after) the DCT
W_WEEK = 1.0         # a coming day the report places in "this/next week" lies in that week
W_LEAD = 1.0         # the weekday of a lead sentence in past tense is the DCT (0.6: the day before)
_ABSOLUTE = {"iso", "numeric", "month_day", "day_month"}


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
        if parts and parts[0]:
            d = parts_date(parts, parts[0])
            if d:
                out[doc.id] = (d.isoformat(), 0.95, f"dateline {d.isoformat()}")
                anchors[doc.id] = d
                continue
        pending.append(doc)
    by_id = {d.id: d for d in docs}
    happenings: list[Happening] = []
    for aid in anchors:
        happenings += _happenings(by_id[aid], anchors[aid], mentions)
    base = dict(anchors)
    guesses = {doc.id: _guess(doc, happenings, base, mentions) for doc in pending}
    while pending:
        best = max(pending, key=lambda d: (guesses[d.id][0] is not None, guesses[d.id][1]))
        pending.remove(best)
        out[best.id] = guesses[best.id]
        if guesses[best.id][0] is None:
            continue
        day = date.fromisoformat(guesses[best.id][0])
        anchors[best.id] = day
        new = _happenings(best, day, mentions)
        happenings += new
        for doc in pending:  # only reports linked to the new anchor (or with none before) can change
            if not base or _linked(doc, new, mentions):
                guesses[doc.id] = _guess(doc, happenings, base or {best.id: day}, mentions)
    return out


def _happenings(doc: Document, dct: date, mentions: dict[str, list[Mention]] | None) -> list[Happening]:
    """Day- and week-level dates of an anchor report, with the actors and happening nouns of their clause."""
    index = clause_index(doc.body, _doc_mentions(doc, mentions))
    out: list[Happening] = []
    for (start, *_), t in zip(prepare(doc.body), normalize(doc.body, dct, doc.id)):
        rng = value_range(t.value) if t.type == "DATE" else None
        actors, classes = index.get(start, (set(), set()))
        if rng and (rng[1] - rng[0]).days <= 6 and classes and len(actors) >= 2:
            out.append((actors, classes, rng[0], rng[1], doc.id))
    return out


def _doc_mentions(doc: Document, mentions: dict[str, list[Mention]] | None) -> list[Mention] | None:
    return None if mentions is None else mentions.get(doc.id, [])


def _matches(actors: set[str], classes: set[str], hs: list[Happening]) -> list[Happening]:
    """Happenings of other reports sharing two actors and a kind of happening with a clause."""
    return [h for h in hs if len(actors & h[0]) >= 2 and classes & h[1]]


def _linked(doc: Document, hs: list[Happening], mentions: dict[str, list[Mention]] | None) -> bool:
    index = clause_index(doc.body, _doc_mentions(doc, mentions))
    return any(_matches(a, c, hs) for a, c in index.values())


def _window(doc: Document, links: list[Happening], anchors: dict[str, date]) -> set[date]:
    """Candidate days: around linked reports' happenings and the report's own full dates, else all anchors."""
    centres = [h[2] for h in links]
    for start, end, rule, m, _t in prepare(doc.body):
        if rule in _ABSOLUTE and m.groupdict().get("year"):
            t = normalize(doc.body[start:end], None)
            rng = value_range(t[0].value) if t else None
            if rng:
                centres.append(rng[0])
    if not centres:
        centres = list(anchors.values())
    days: set[date] = set()
    for c in set(centres):
        days.update(c + timedelta(days=k) for k in range(-WINDOW, WINDOW + 1))
    return days


def _guess(doc: Document, hs: list[Happening], anchors: dict[str, date],
           mentions: dict[str, list[Mention]] | None) -> Guess:
    """Score every candidate day against the report's constraints; keep the best, say which held."""
    body = doc.body
    prepared = prepare(body)
    index = clause_index(body, _doc_mentions(doc, mentions))
    links = {p[0]: _matches(*index.get(p[0], (set(), set())), hs) for p in prepared
             if p[2] in ("weekday", "day_ref", "relative")}
    links = {k: v for k, v in links.items() if v}
    days = _window(doc, [h for v in links.values() for h in v], anchors)
    if not days:
        return None, 0.0, "no anchor: no dated report and no full date in the text"
    actors = {k: v[0] for k, v in index.items()}
    partial = dateline(body)
    todays = today_dates(body)
    lead_end = _lead_end(body)
    scored: list[tuple[float, date, list[str]]] = []
    for d in days:
        s, why = _score(d, doc, prepared, links, actors, partial, todays, lead_end)
        scored.append((s, d, why))
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


def _overlap(a: set[str], b: set[str]) -> float:
    """How surely two clauses name the same happening: shared actors over the smaller cast."""
    return len(a & b) / max(1, min(len(a), len(b)))


def _score(d: date, doc: Document, prepared, links: dict[int, list[Happening]], index_actors: dict[int, set[str]],
           partial: DayParts | None, todays: list[DayParts], lead_end: int) -> tuple[float, list[str]]:
    """Weighted count of the constraints candidate day d satisfies, and their descriptions."""
    s = 0.0
    why: list[str] = []
    if partial and not partial[0] and parts_date(partial, d.year) == d:
        s += W_PARTIAL
        why.append("dateline without year")
    for parts in todays:
        if parts_date(parts, d.year) == d:
            s += W_TODAY
            why.append("date named as today")
    timexes = normalize(doc.body, d, doc.id)
    weeks: list[tuple[date, date]] = []
    coming: list[tuple[str, date]] = []
    lead_done = False
    for (start, end, rule, m, tense), t in zip(prepared, timexes):
        rng = value_range(t.value) if t.type == "DATE" else None
        if not rng:
            continue
        day_level = rng[0] == rng[1]
        actors = index_actors.get(start, set())
        for h in sorted(links.get(start, []), key=lambda h: -_overlap(actors, h[0])):
            if day_level and h[2] == h[3] == rng[0]:
                s += W_CROSS_DAY * _overlap(actors, h[0])
                why.append(f"{t.text!r} = {h[2].isoformat()} in {h[4]}")
                break
            if not day_level and rule == "relative" and rng[0] <= h[2] and h[3] <= rng[1]:
                s += W_CROSS_WEEK * _overlap(actors, h[0])
                why.append(f"{t.text!r} holds {h[2].isoformat()} of {h[4]}")
                break
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
        if rule == "weekday" and tense == "past" and start < lead_end and not lead_done:
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
    return s, why
