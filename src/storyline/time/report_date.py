"""What a report's own text says of its date: one home, read with the time stage's own grammar.

Three readers used to guess it each their own way (cleaning's dateline, the actors' date for titles,
the time stage's anchors); they now all ask this module, which reads dates with ``extract.candidates``
and ``rules.month_num`` (the one month table, in resources/time/cues.yaml).
"""
from __future__ import annotations

import re
from datetime import date

from .dates import day_in_range
from .extract import candidates
from .rules import month_num

#: a partial or full date: (year or None, month, day)
DayParts = tuple[int | None, int, int]
#: how many leading lines may carry a dateline
DATELINE_LINES = 3
_PLACE = re.compile(r"^\s*(?:[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.]+)?\s*(?:\([^)]{0,40}\))?"
                    r"\s*[,:(]?\s*)?(?:\w+day,?\s+)?$")
_AFTER = re.compile(r"^\s*(?:\(\w[\w ]*\)\s*)?(?:[-–—:|/]|$)")
#: a year standing for a time the report tells of: "in 2014", "since 2014", "early 2014", "2014's"
_YEAR_CUE = re.compile(r"(?i)\b(?:in|since|during|throughout|of|early|late|mid|mid-|from|spring|summer|autumn"
                       r"|fall|winter|year)[ -]$")


def _full(rule: str, m: re.Match[str]) -> date | None:
    """The day a full date names (with its year), or None."""
    gd = m.groupdict()
    try:
        if rule == "iso":
            day = date(int(gd["year"]), int(gd["mm"]), int(gd["dd"]))
        elif rule in ("month_day", "day_month") and gd.get("year"):
            day = date(int(gd["year"]), month_num(gd["month"]), int(re.match(r"\d+", gd["day"]).group()))
        else:
            return None
    except (ValueError, KeyError):
        return None
    return day if day_in_range(day) else None


def full_dates(text: str) -> list[date]:
    """Every full date written in a text, in order ("March 3, 2015", "3 March 2015", "2015-03-03")."""
    return [d for _s, _e, rule, m in candidates(text) if (d := _full(rule, m)) is not None]


def dateline(lines: list[str]) -> tuple[str, str] | None:
    """(ISO day, the dateline's text) when one of the first lines opens with a full date
    ("December 8, 2021 - ...", "GENEVA, 10 January 2022 - ...")."""
    for line in lines[:DATELINE_LINES]:
        line = line.strip()
        for start, end, rule, m in candidates(line):
            day = _full(rule, m)
            if day is not None and _PLACE.match(line[:start]) and _AFTER.match(line[end:end + 45]):
                return day.isoformat(), line[:end].strip()
            break  # only the first expression of a line can be its dateline
    return None


def guess(text: str, today: date | None = None) -> date | None:
    """The day a report seems written on when nothing else gives one (titles are resolved on it):
    the latest full date in the text, else the latest month and year (its 15th), else the latest year
    after a time cue (1 July); never a year after today's (a plan, "by 2030", is not when it was written).
    """
    found = full_dates(text)
    if found:
        return max(found)
    this_year = (today or date.today()).year
    months, years = [], []
    for start, _e, rule, m in candidates(text):
        gd = m.groupdict()
        year = int(gd["year"]) if gd.get("year") else None
        if year is None or not 1900 <= year <= this_year:
            continue
        if rule == "month_year":
            months.append(date(year, month_num(gd["month"]), 15))
        elif rule == "year" and (_YEAR_CUE.search(text[max(0, start - 12):start]) or text[m.end():m.end() + 2]
                                 in ("'s", "’s")):
            years.append(year)
    if months:
        return max(months)
    return date(max(years), 7, 1) if years else None


_CITY = re.compile(r"^\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:\([^)]{0,40}\))?\s*,\s*)?$")
_AFTER_PART = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—:|/]|\s*$)")
_TODAY = re.compile(r"(?i)\btoday\b[\s,(]*(?:\w+day,?\s+)?$")


def _day_parts(rule: str, m: re.Match[str]) -> DayParts | None:
    gd = m.groupdict()
    if rule == "iso":
        return int(gd["year"]), int(gd["mm"]), int(gd["dd"])
    if rule in ("month_day", "day_month"):
        return (int(gd["year"]) if gd.get("year") else None, month_num(gd["month"]),
                int(re.match(r"\d+", gd["day"]).group()))
    return None


def dateline_parts(body: str) -> DayParts | None:
    """A date, perhaps without its year, opening the report ("WASHINGTON, Jan 4 (Reuters) -"): evidence
    for inferring the date of a report that gives none in full."""
    first = body.lstrip()[:300].split("\n", 1)[0]
    for start, end, rule, m in candidates(first):
        parts = _day_parts(rule, m)
        if parts and _CITY.match(first[:start]) and _AFTER_PART.match(first[end:end + 45]):
            return parts
        break
    return None


def today_dates(body: str) -> list[DayParts]:
    """Dates the text names as today ("today, January 4", "today (Tuesday, Jan. 4)")."""
    out = []
    for start, _end, rule, m in candidates(body):
        parts = _day_parts(rule, m)
        if parts and _TODAY.search(body[max(0, start - 30):start]):
            out.append(parts)
    return out
