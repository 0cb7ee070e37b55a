"""The verdict on one undated report: the best anchored day, how sure, and a note saying why (or why not).

Why apart from the scoring: "report, never invent" is decided here. A day is returned only when an
anchor holds on it and the confidence reaches MIN_CONFIDENCE; days tied at the top are grouped into
runs of consecutive days (one uncertain stretch) and rival runs lower the confidence; a day that rests
on other inferred reports is never surer than they are. An undated verdict names the days that fit.
"""
from __future__ import annotations

from datetime import date, timedelta

from storyline.time.candidates import candidate_days
from storyline.time.constraints import cross_score, own_score
from storyline.time.evidence import ReportEvidence

#: (ISO date or None, confidence 0..1, note: the anchors used or why null)
Guess = tuple[str | None, float, str]

MIN_CONFIDENCE = 0.1  # below this the report stays undated (note says why)
MAX_SURE = 0.9        # an inferred day is never surer than this
SHOWN_RUNS = 6        # rival stretches of days listed in a "too uncertain" note


def guess(r: ReportEvidence, anchors: list[date]) -> Guess:
    """Score every candidate day against the report's constraints; keep the best anchored one, say which held."""
    days = candidate_days(r, anchors)
    if not days:
        if r.weekday_cues:
            return None, 0.0, "no anchor: only weekday cues; no absolute date, dateline, capture day or matching dated report"
        return None, 0.0, "no anchor: no dated report, capture day or full date in the text to place it"
    scored: list[tuple[float, date, list[str], float | None]] = []
    for d in days:
        if d not in r.base:
            r.base[d] = own_score(d, r)
        s, why, kinds, resolved = r.base[d]
        cs, cwhy, caps = cross_score(r, resolved)
        if not kinds and not caps:
            continue  # no anchor holds on this day: a weekday alone never dates a report
        chain = max(caps)[1] if caps and not kinds else None  # the strongest link's anchor bounds the chain
        scored.append((s + cs, d, cwhy + why, chain))
    if not scored:
        return None, 0.0, "no anchor holds: only weekday cues agree with the candidate days"
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    best, day, why, chain = scored[0]
    if best <= 0:
        return None, 0.0, "no constraint holds on any candidate day"
    tied = sorted({d for s, d, _, _ in scored if s >= best - 1e-9})
    runs = _runs(tied)  # tied days in runs of consecutive days: a run is one uncertain stretch, runs are rivals
    run = next(x for x in runs if x[0] <= day <= x[-1])
    lo, hi = run[0] - timedelta(days=1), run[-1] + timedelta(days=1)
    runner = max((s for s, d, _, _ in scored if not lo <= d <= hi), default=0.0)
    support = best / (best + 2.0)
    margin = (best - runner) / best
    conf = support * (0.4 + 0.6 * margin) / (1 + 0.5 * (len(runs) - 1)) / (1 + 0.25 * (len(run) - 1))
    conf = round(min(MAX_SURE, conf), 2)
    if chain is not None:
        conf = min(conf, round(chain, 2))  # a chain of inferences is no surer than its anchor
    note = "; ".join(dict.fromkeys(why))
    if conf < MIN_CONFIDENCE:
        return None, 0.0, (f"too uncertain: best day {day.isoformat()} at confidence {conf:.2f} < {MIN_CONFIDENCE}"
                           f" ({len(tied)} day(s) fit equally: {_spread(runs)}); cues: {note}")
    return day.isoformat(), conf, note  # published_source says "inferred"


def _runs(days: list[date]) -> list[list[date]]:
    """Sorted days cut into runs of consecutive days."""
    runs: list[list[date]] = []
    for d in days:
        if runs and (d - runs[-1][-1]).days <= 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def _spread(runs: list[list[date]]) -> str:
    """The first SHOWN_RUNS runs as "day" or "first..last", "..." when there are more."""
    shown = ", ".join(x[0].isoformat() + (f"..{x[-1].isoformat()}" if len(x) > 1 else "") for x in runs[:SHOWN_RUNS])
    return shown + (", ..." if len(runs) > SHOWN_RUNS else "")
