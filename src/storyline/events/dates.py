"""Date of each event mention from the temporal expression that governs it (clause first, then sentence)."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import EventMention, TimeExpr


_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def value_range(value: str | None) -> tuple[date, date, str] | None:
    """Inclusive day range and precision of a TIMEX DATE value; None for durations, sets, refs."""
    if not value:
        return None
    v = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
            s = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return s, s + timedelta(days=6), "week"
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1), "month"
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v):
            y, (a, b) = int(m[1]), _SEASONS[m[2]]
            ey, em_ = y + (b - 1) // 12, (b - 1) % 12 + 1
            end = date(ey + (em_ == 12), em_ % 12 + 1, 1)
            return date(y, a, 1), end - timedelta(days=1), "season"
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := re.fullmatch(r"(\d{3})X?", v):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31), "decade"
    except ValueError:
        return None
    return None


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
