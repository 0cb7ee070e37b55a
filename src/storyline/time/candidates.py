"""Candidate days for an undated report: bounded windows the anchors propose, never the corpus span.

Why windows: a weekday or "last month" fits every week or month of a story; only a real anchor (the
capture day, a dateline, a date named as today, a date the text speaks of, a dated happening the text
seems to name) says where to look. Each proposes a window of days; the union is cut by hard bounds
(not after the capture day, not before a past date with a year).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from storyline.time.anchors import parts_date
from storyline.time.evidence import ReportEvidence

WINDOW = 60         # days after a named absolute date (or around an anchor) a report is looked for
FUTURE_WINDOW = 45  # days before a coming absolute date a report is looked for
CAPTURE_DAYS = 14   # a report is usually published within this many days before its capture
LINK_BEFORE = 10    # candidate days proposed around a matched happening: [first - 10, last + 40]
LINK_AFTER = 40


def candidate_days(r: ReportEvidence, anchors: list[date]) -> set[date]:
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
            spans += [(d, d) for d in years_near(near, parts[1], parts[2])]
    own = list(r.own_full)
    for mo, dy in r.yearless:
        own += years_near(near, mo, dy)
    spans += [(d - timedelta(days=FUTURE_WINDOW), d + timedelta(days=WINDOW)) for d in own]
    for found in r.links.values():
        spans += [(lo - timedelta(days=LINK_BEFORE), hi + timedelta(days=LINK_AFTER)) for lo, hi in found]
    days = set(_merge(spans))
    if r.captured:
        days = {d for d in days if d <= r.captured}
    if r.lower:
        days = {d for d in days if d >= r.lower}
    return days


def widens(anchors: list[date], day: date) -> bool:
    """Whether a newly dated day lies beyond WINDOW of every anchor so far (yearless dates may now fit it)."""
    if not anchors:
        return True
    k = bisect_left(anchors, day)
    return min(abs((day - a).days) for a in anchors[max(0, k - 1):k + 1]) > WINDOW


def years_near(anchors: list[date], month: int, day: int) -> list[date]:
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
