"""Dating at corpus scale: what in a report dates a happening, and what only dates the report.

* A report's own date stamp ("Tuesday 4 January 2005 08.43 GMT" in its first paragraph) names its
  publication day, not the day of anything it tells: it dates no event and refers to no day.
* An undated mention is told around its report's publication: a happening the report says occurred
  lies on or before that day (a report of January 6 cannot tell an attack of February 14), one it says
  is scheduled lies on or after it. ``window`` gives those days; fusion keeps undated mentions inside.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from ..model import Document, EventMention, TimeExpr

#: an undated mention is told within this many days of its report's publication (a 2023 report's undated
#: "regretted the decision" is no 2022 happening; a build-up told undated in December and in January is one)
UNDATED_WINDOW_DAYS = 45
#: a report dated by its local day may tell a happening of the next day in another time zone
TIME_ZONE_SLACK_DAYS = 1
_YEAR = re.compile(r"\b\d{4}\b")
_CLOCK = re.compile(r"\s*,?\s*\d{1,2}[.:]\d{2}\b")
_PAST = ("occurred", "denied")
_AHEAD = ("scheduled", "threatened", "conditional", "hypothetical")


def is_stamp(t: TimeExpr, doc: Document) -> bool:
    """The report's own date line: a full date naming its publication day, in its first paragraph, at the
    paragraph's start or followed by a clock time."""
    if not doc.published or not t.value or t.value[:10] != doc.published or not _YEAR.search(t.text):
        return False
    before = doc.body[:t.start]
    if "\n" in before:
        return False
    return not before.strip() or _CLOCK.match(doc.body, t.end) is not None


def dating_timexes(timexes: Iterable[TimeExpr], documents: dict[str, Document]) -> list[TimeExpr]:
    """The temporal expressions that may date events: every one but the reports' own date stamps."""
    return [t for t in timexes if t.doc not in documents or not is_stamp(t, documents[t.doc])]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def window(em: EventMention, published: dict[str, str | None]) -> tuple[date, date] | None:
    """Days an undated mention can lie in, from its report's publication day and what it says of the
    happening: before it when it occurred, after it when it is scheduled; None when dated or unknown."""
    day = _day(published.get(em.doc))
    if em.date or day is None:
        return None
    span, slack = timedelta(days=UNDATED_WINDOW_DAYS), timedelta(days=TIME_ZONE_SLACK_DAYS)
    if em.status in _PAST:
        return day - span, day + slack
    if em.status in _AHEAD:
        return day - slack, day + span
    return day - span, day + span
