"""The publication date a report states in its dateline ("December 8, 2021 - ...")."""
from __future__ import annotations

import re
from datetime import date

from ..time.dates import day_in_range

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_PLACE = r"(?:[A-Z][A-Za-z.'-]+(?:[ -][A-Z][A-Za-z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+)?\s*[,:(]?\s*)?"
_AFTER = r"\s*(?:\(\w[\w ]*\)\s*)?(?:[-–—:|/]|\u2013|$)"
_PATTERNS = [
    re.compile(rf"^{_PLACE}(?:\w+day,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}}){_AFTER}"),
    re.compile(rf"^{_PLACE}(?:\w+day,?\s+)?(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}}){_AFTER}"),
    re.compile(rf"^{_PLACE}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}}){_AFTER}"),
]
#: how many leading lines may carry a dateline
DATELINE_LINES = 3


def find_dateline(lines: list[str]) -> tuple[str, str] | None:
    """(ISO date, the dateline text) when one of the first lines opens with a full date."""
    for line in lines[:DATELINE_LINES]:
        for pat in _PATTERNS:
            m = pat.match(line.strip())
            if not m:
                continue
            groups = m.groupdict()
            month = int(groups["month"]) if groups.get("month") else _MONTHS[groups["mon"].lower()[:3]]
            try:
                day = date(int(m["year"]), month, int(m["day"]))
            except ValueError:
                continue
            if day_in_range(day):  # "Dec. 31, 9999" is a typo, not the report's date
                return day.isoformat(), m.group(0).strip()
    return None
