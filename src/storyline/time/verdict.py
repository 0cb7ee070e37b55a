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
    scored: list[tuple[float, date, list[str], float, list[tuple]]] = []  # (score, day, notes, full score, links)
    for d in days:
        if d not in r.base:
            r.base[d] = own_score(d, r)
        s, why, kinds, resolved = r.base[d]
        cs, cwhy, links = cross_score(r, resolved)
        if not kinds and not links:
            continue  # no anchor holds on this day: a weekday alone never dates a report
        scored.append((s + cs, d, cwhy + why, s + sum(x[0] for x in links), links))
    if not scored:
        return None, 0.0, "no anchor holds: only weekday cues agree with the candidate days"
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    best, day, why, full, links = scored[0]
    if best <= 0:
        return None, 0.0, "no constraint holds on any candidate day"
    tied = sorted({x[1] for x in scored if x[0] >= best - 1e-9})
    runs = _runs(tied)  # tied days in runs of consecutive days: a run is one uncertain stretch, runs are rivals
    run = next(x for x in runs if x[0] <= day <= x[-1])
    conf = _confidence(full, _runner(scored, run), len(runs), len(run))
    weak = {doc: c for _raw, c, doc in links if c < conf}
    if weak:  # a chain of inferences is no surer than the links it rests on
        conf = min(conf, round(_chain_cap(r, days, day, run, weak), 2))
    note = "; ".join(dict.fromkeys(why))
    if conf < MIN_CONFIDENCE:
        return None, 0.0, (f"too uncertain: best day {day.isoformat()} at confidence {conf:.2f} < {MIN_CONFIDENCE}"
                           f" ({len(tied)} day(s) fit equally: {_spread(runs)}); cues: {note}")
    return day.isoformat(), conf, note  # published_source says "inferred"


def _runner(scored: list[tuple], run: list[date]) -> float:
    """The best full score outside the chosen run (and the day on either side of it)."""
    lo, hi = run[0] - timedelta(days=1), run[-1] + timedelta(days=1)
    return max((x[3] for x in scored if not lo <= x[1] <= hi), default=0.0)


def _confidence(best: float, runner: float, runs: int, run: int) -> float:
    """How sure the chosen day is, from the evidence as if every report it leans on were right (how far
    it leads, rival runs of tied days, the length of its own run). The lesser trust in inferred reports
    already chose the day, and the chain cap bounds the result: counting it here too would discount a
    chain twice."""
    support = best / (best + 2.0)
    margin = max(0.0, best - runner) / best
    conf = support * (0.4 + 0.6 * margin) / (1 + 0.5 * (runs - 1)) / (1 + 0.25 * (run - 1))
    return round(min(MAX_SURE, conf), 2)


def _chain_cap(r: ReportEvidence, days: set[date], day: date, run: list[date], weak: dict[str, float]) -> float:
    """The most a day can be trusted given the less sure reports it leans on. If the day still leads
    without them, they only agree with it: no cap. If it needs them together, it is no surer than the
    surest of them (the best path); and a report it needs even when the others stay is on every path,
    so the day is no surer than that one (the weakest link of the chain). The reports leaned on were
    capped the same way when they were dated, so along a chain confidence never rises."""
    if _leads(r, days, day, run, frozenset(weak)):
        return 1.0
    cap = max(weak.values())
    if len(weak) > 1:
        for doc, c in weak.items():
            if c < cap and not _leads(r, days, day, run, frozenset([doc])):
                cap = c
    return cap


def _leads(r: ReportEvidence, days: set[date], day: date, run: list[date], skip: frozenset[str]) -> bool:
    """Whether day, scored without the links to the reports in skip, still beats every day outside its run."""
    lo, hi = run[0] - timedelta(days=1), run[-1] + timedelta(days=1)
    mine, rival = None, 0.0
    for d in days:
        s, _why, kinds, resolved = r.base[d]
        cs, _cwhy, links = cross_score(r, resolved, skip)
        if not kinds and not links:
            continue
        if d == day:
            mine = s + cs
        elif not lo <= d <= hi:
            rival = max(rival, s + cs)
    return mine is not None and mine > rival + 1e-9


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
