"""Date of each event mention from the temporal expression that governs it (clause first, then sentence)."""
from __future__ import annotations

import re
from datetime import date

from ..model import EventMention, TimeExpr
from ..time.dates import value_range as time_range


#: precision of a TIMEX3 DATE value, by its shape
_PRECISION = ((re.compile(r"\d{4}-\d{2}-\d{2}"), "day"), (re.compile(r"\d{4}-W\d{2}(-WE)?"), "week"),
              (re.compile(r"\d{4}-\d{2}"), "month"), (re.compile(r"\d{4}-(SP|SU|FA|AU|WI)"), "season"),
              (re.compile(r"\d{4}"), "year"), (re.compile(r"\d{3}X?"), "decade"))


def value_range(value: str | None) -> tuple[date, date, str] | None:
    """Inclusive day range and precision of a TIMEX DATE value; None for durations, sets, refs.
    The range is the time stage's reading of the value (one reading for the whole product)."""
    if not value:
        return None
    v = value.strip()
    rng = time_range(v)
    if rng is None:
        return None
    precision = next((p for rx, p in _PRECISION if rx.fullmatch(v)), "day")
    return rng[0], rng[1], precision


def _usable(t: TimeExpr) -> bool:
    return (t.type or "DATE") in ("DATE", "TIME") and value_range(_day_value(t.value)) is not None


def _day_value(value: str | None) -> str | None:
    """A TIME value ("2022-01-04T10:00") dates its day."""
    return value.split("T")[0] if value and "T" in value else value


def _trigger_pos(em: EventMention) -> int:
    if em.trigger_start is not None:
        return em.trigger_start
    lo = (em.clause_start or em.start) - em.start
    at = em.text.find(em.trigger, max(lo, 0)) if em.trigger else -1
    return em.start + (at if at >= 0 else 0)


def _inside(t: TimeExpr, lo: int | None, hi: int | None) -> bool:
    return lo is not None and hi is not None and lo <= t.start and t.end <= hi


def _pick(cands: list[TimeExpr], pos: int) -> TimeExpr | None:
    return min(cands, key=lambda t: (min(abs(t.start - pos), abs(t.end - pos)), t.start)) if cands else None


def assign_dates(event_mentions: list[EventMention], timexes: list[TimeExpr]) -> None:
    """Set date, date_start, date_end, precision in place; undated when the text gives no date."""
    by_doc: dict[str, list[TimeExpr]] = {}
    for t in timexes:
        if _usable(t):
            by_doc.setdefault(t.doc, []).append(t)
    by_sent: dict[tuple[str, int], list[EventMention]] = {}
    for em in event_mentions:
        by_sent.setdefault((em.doc, em.start), []).append(em)
    for em in event_mentions:
        pool = [t for t in by_doc.get(em.doc, []) if em.start <= t.start and t.end <= em.end]
        skip = em.skip_spans or []
        pool = [t for t in pool if not any(a <= t.start and t.end <= b for a, b in skip)]
        pos = _trigger_pos(em)
        chosen = _pick([t for t in pool if _inside(t, em.clause_start, em.clause_end)], pos)
        if chosen is None and "own-clause" in (em.context or []):  # the time reference of another event:
            _set(em, None)                                           # the sentence's dates are the other's
            continue
        if chosen is None:
            others = [o for o in by_sent[(em.doc, em.start)] if o is not em]
            free = [t for t in pool if not any(_inside(t, o.clause_start, o.clause_end) for o in others)]
            chosen = _pick(free, pos)
        if chosen is None and "shares-date" in (em.context or []):  # its governor's date, which another
            chosen = _pick(pool, pos)                                # event's clause holds
        _set(em, chosen)


def _set(em: EventMention, t: TimeExpr | None) -> None:
    if t is None:
        em.date = em.date_start = em.date_end = em.precision = None
        return
    value = _day_value(t.value)
    rng = value_range(value)
    assert rng is not None
    em.date, em.date_start, em.date_end, em.precision = value, rng[0].isoformat(), rng[1].isoformat(), rng[2]
