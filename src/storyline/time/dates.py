"""Calendar arithmetic on TIMEX3 values: ISO weeks, months, weekdays and the day range of a value."""
from __future__ import annotations

import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

#: years a report's publication date may fall in: the date arithmetic around it (weeks, "next
#: year", decades) stays far from Python's date limits, and a year 9999 is a typo, not news
PUBLISHED_YEARS = (1800, 2199)
#: years a date a report mentions may fall in (history is fine; year 1 or 9999 would overflow)
VALUE_YEARS = (2, 9997)


def day_in_range(value: object, years: tuple[int, int] = PUBLISHED_YEARS) -> date | None:
    """The ISO day at the start of value when it is a real day within ``years``, else None."""
    try:
        d = value if isinstance(value, date) else date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None
    return d if years[0] <= d.year <= years[1] else None


def iso_week(d: date) -> str:
    """TIMEX3 week value (2022-W02) of a day."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_start(d: date) -> date:
    """Monday of the ISO week holding d."""
    return d - timedelta(days=d.weekday())


def reference_week(dct: date, future: bool) -> date:
    """Monday of the week "this week" means: on a Sunday, a forward-looking report means the coming week."""
    start = week_start(dct)
    if dct.weekday() == 6 and future:
        start += timedelta(days=7)
    return start


def month_value(y: int, m: int) -> str:
    """TIMEX3 month value."""
    return f"{y:04d}-{m:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """Shift a (year, month) by n months."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def weekday_after(dct: date, wd: int, include_today: bool) -> date:
    """The next day with weekday wd (today counts when include_today)."""
    delta = (wd - dct.weekday()) % 7
    if delta == 0 and not include_today:
        delta = 7
    return dct + timedelta(days=delta)


def weekday_before(dct: date, wd: int, include_today: bool) -> date:
    """The most recent day with weekday wd (today counts when include_today)."""
    delta = (dct.weekday() - wd) % 7
    if delta == 0 and not include_today:
        delta = 7
    return dct - timedelta(days=delta)


def safe_date(y: int, m: int, d: int) -> date | None:
    """A date, or None when the day does not exist (February 30)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def year_for_day(m: int, d: int, dct: date, tense: str | None) -> date | None:
    """Resolve a yearless day: past -> not after DCT, future -> not before, unknown -> nearest."""
    cands = [x for x in (safe_date(dct.year + k, m, d) for k in (-1, 0, 1)) if x]
    if not cands:
        return None
    if tense == "past":
        ok = [x for x in cands if x <= dct]
        return max(ok) if ok else min(cands, key=lambda x: abs((x - dct).days))
    if tense == "future":
        ok = [x for x in cands if x >= dct]
        return min(ok) if ok else min(cands, key=lambda x: abs((x - dct).days))
    return min(cands, key=lambda x: (abs((x - dct).days), x > dct))


def year_for_month(m: int, dct: date, tense: str | None, strict: bool = False) -> int:
    """Year of a bare month name: past -> latest not after DCT's month, future -> earliest not before."""
    here = dct.year * 12 + dct.month - 1
    past = dct.year if (m < dct.month or (m == dct.month and not strict)) else dct.year - 1
    future = dct.year if (m > dct.month or (m == dct.month and not strict)) else dct.year + 1
    if tense == "past":
        return past
    if tense == "future":
        return future
    dp = here - (past * 12 + m - 1)
    df = (future * 12 + m - 1) - here
    return past if dp <= df else future


def value_range(value: str | None) -> tuple[date, date] | None:
    """Inclusive day range of a TIMEX3 DATE value (day, week or weekend, month, season, year, decade), else None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        d = safe_date(int(m[1]), int(m[2]), int(m[3]))
        return (d, d) if d else None
    m = re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value)
    if m:
        try:
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        if m[3]:
            return start + timedelta(days=5), start + timedelta(days=6)
        return start, start + timedelta(days=6)
    m = re.match(r"^(\d{4})-(\d{2})$", value)
    if m:
        y, mo = int(m[1]), int(m[2])
        ny, nm = add_months(y, mo, 1)
        return date(y, mo, 1), date(ny, nm, 1) - timedelta(days=1)
    m = re.match(r"^(\d{4})-(SP|SU|FA|AU|WI)$", value)
    if m:
        y = int(m[1])
        a, b = SEASON_MONTHS["FA" if m[2] == "AU" else m[2]]
        if m[2] == "WI":
            return date(y, 12, 1), date(y + 1, 3, 1) - timedelta(days=1)
        ny, nm = add_months(y, b, 1)
        return date(y, a, 1), date(ny, nm, 1) - timedelta(days=1)
    m = re.match(r"^(\d{4})$", value)
    if m:
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    m = re.match(r"^(\d{3})X?$", value)  # a decade: "199" is the 1990s
    if m:
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    return None
