"""How well one candidate day fits a report: its own cues, and the dated happenings it seems to name.

Why two halves: the report's own constraints (capture day, dateline, "today", the dates it speaks of,
the lead's weekday, past weekdays read within one week, a coming day inside the week it names) do not
change while the story is solved, so they are cached per day; the cross constraints (a relative
expression landing on the day another report gives the same happening) grow as reports are dated, and
are scored afresh each round.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from storyline.time.anchors import parts_date
from storyline.time.candidates import CAPTURE_DAYS, FUTURE_WINDOW, WINDOW
from storyline.time.dates import value_range
from storyline.time.evidence import ABSOLUTE, ReportEvidence
from storyline.time.happenings import W_ONE_ACTOR, trust
from storyline.time.rules import resolve

W_PARTIAL = 5.0       # dateline without a year
W_TODAY = 4.0         # "today, January 4"
W_CROSS_DAY = 3.0     # a relative day equals the absolute day another report gives the same happening
W_CROSS_WEEK = 1.5    # one holds the other, within a week
W_CROSS_MONTH = 1.0   # one holds the other, within a month ("last month" / "in July")
W_CAPTURE = 2.0       # the capture day (falls linearly to 0 CAPTURE_DAYS before it)
W_OWN = 1.0           # an absolute day spoken of as past (or coming) lies shortly before (after) the DCT
OWN_FRESH = 7         # a past day named by date is less likely within this many days (a weekday would do)
OWN_FLAT = 30         # within this many days every report day fits an absolute day as well
W_WEEK = 1.0          # a coming day the report places in "this/next week" lies in that week
W_LEAD = 1.0          # the weekday of a lead sentence in past tense is the DCT, or the day before (see lead_weights)
LEAD_SAME, LEAD_AFTER = 1.0, 0.6  # shares of W_LEAD: the report of the lead's day, of the day after
LEAD_UNLIKELY = 0.2   # the share of a choice the lead's own words rule out (see lead_weights)
W_PAST_WEEK = 0.5     # bare past weekdays read as the one stretch of a week before the DCT (see own_score)
W_SAME_DAY_COMING = 0.5  # a coming happening named by weekday is rarely told on its own day: its links count half

#: an expression resolved on a candidate day: (text, rule, (first, last), factor for its links)
Resolved = tuple[str, str, tuple[date, date], float]
#: the own constraints of a day: (score, notes, anchor kinds that hold, {expression start: Resolved})
OwnScore = tuple[float, list[str], set[str], dict[int, Resolved]]


def own_score(d: date, r: ReportEvidence) -> OwnScore:
    """The report's own constraints candidate day d satisfies (cached per day by the caller)."""
    s = 0.0
    why: list[str] = []
    kinds: set[str] = set()
    if r.captured:
        gap = (r.captured - d).days
        if 0 <= gap <= CAPTURE_DAYS:
            s += W_CAPTURE * (1 - gap / CAPTURE_DAYS)
            kinds.add("capture")
            why.append(f"captured {r.captured.isoformat()} (on or before)")
    if r.partial and not r.partial[0] and parts_date(r.partial, d.year) == d:
        s += W_PARTIAL
        kinds.add("dateline")
        why.append("dateline without year")
    for parts in r.todays:
        if parts_date(parts, parts[0] or d.year) == d:
            s += W_TODAY
            kinds.add("today")
            why.append("date named as today")
    weeks: list[tuple[date, date]] = []
    coming: list[tuple[str, date]] = []
    resolved: dict[int, Resolved] = {}
    past_days: list[date] = []
    body = r.doc.body
    for i in r.relevant:
        start, end, rule, m, tense = r.prepared[i]
        ttype, value, _a = resolve(rule, m, d, tense, None)
        rng = value_range(value) if ttype in ("DATE", "TIME") else None
        if not rng:
            continue
        text = body[start:end]
        if i in r.past_weekdays:
            past_days.append(rng[0])
        same_day_coming = rule == "weekday" and tense == "future" and rng[0] == d
        resolved[start] = (text, rule, rng, W_SAME_DAY_COMING if same_day_coming else 1.0)
        day_level = rng[0] == rng[1]
        if rule in ABSOLUTE and day_level:
            gap = (d - rng[0]).days
            if (tense == "past" and 0 <= gap <= WINDOW) or (tense == "future" and -FUTURE_WINDOW <= gap < 0) \
                    or (tense is None and abs(gap) <= WINDOW):
                s += W_OWN * _own_prior(gap if tense == "past" else None, abs(gap))
                kinds.add("own date")
                why.append(f"{text!r} {tense or 'near'}")
        gd = m.groupdict()
        if rule == "relative" and (gd.get("runit") or "").lower() == "week" and \
                ((gd.get("rmod") or "").lower() in ("next", "coming") or tense != "past"):
            weeks.append(rng)
        if day_level and (tense == "future" or (gd.get("wmod") or "").lower() in ("next", "coming", "this")):
            coming.append((text, rng[0]))
        if i == r.lead:
            same, after = lead_weights(r.lead_cues)
            told = f" ({', '.join(sorted(r.lead_cues))})" if r.lead_cues else ""
            if rng[0] == d:
                s += same * W_LEAD
                why.append(f"lead {text!r} is the day{told}")
            elif rng[0] == d - timedelta(days=1):
                s += after * W_LEAD
                why.append(f"lead {text!r} is the day before{told}")
    if r.week_span is not None and r.week_span < 6 and len(past_days) == len(r.past_weekdays):
        cost = 1.0 - past_week_share((max(past_days) - min(past_days)).days, r.week_span)
        if cost > 0:  # a bound, not an anchor: days reading them tightly gain nothing, looser ones lose
            s -= cost * W_PAST_WEEK
            why.append(f"past weekdays {(max(past_days) - min(past_days)).days} days apart")
    if weeks:
        for text, day in coming:
            if any(a <= day <= b for a, b in weeks):
                s += W_WEEK
                why.append(f"{text!r} within the week named")
    return s, why, kinds, resolved


def cross_score(r: ReportEvidence, resolved: dict[int, Resolved], skip: frozenset[str] = frozenset()
                ) -> tuple[float, list[str], list[tuple[float, float, str]]]:
    """Relative expressions that land on (or hold) the date other reports give the same happening.

    A link counts by the trust in the report it leans on: a happening dated by inference is weaker
    evidence than one dated by its report's metadata, so one wrong inference does not carry the next
    report with it at full weight. Links to the reports in skip are left out (to test whether a day
    needs them). Returns the score, notes, and per expression (its unweighted score, confidence and id
    of the report it leans on) for the verdict's confidence and the chain's cap."""
    s = 0.0
    why: list[str] = []
    links: list[tuple[float, float, str]] = []
    for start, (days, order, ranges) in r.by_day.items():
        if start not in resolved:
            continue
        text, _rule, (lo, hi), factor = resolved[start]
        best = (0.0, 0.0, "", 0.0, "")  # (weighted score, unweighted score, doc, its confidence, where)
        if lo == hi:
            v = days.get(lo)
            if v and v[1] not in skip:
                best = (W_CROSS_DAY * v[0] * trust(v[2]), W_CROSS_DAY * v[0], v[1], v[2], lo.isoformat())
            cands = [(hlo, hhi, v) for hlo, hhi, v in ranges if hlo <= lo <= hhi]
        else:
            cands = [(d, d, days[d]) for d in order[bisect_left(order, lo):bisect_right(order, hi)]]
            cands += [(hlo, hhi, v) for hlo, hhi, v in ranges
                      if (lo <= hlo and hhi <= hi) or (hlo <= lo and hi <= hhi)]
        wide = (hi - lo).days + 1
        for hlo, hhi, (w, doc, conf) in cands:
            if doc in skip:
                continue
            span = max(wide, (hhi - hlo).days + 1)
            sc = (W_CROSS_WEEK if span <= 7 else W_CROSS_MONTH if span <= 31 else 0.0) * w
            if sc * trust(conf) > best[0]:
                best = (sc * trust(conf), sc, doc, conf, hlo.isoformat() if hlo == hhi else f"{hlo}..{hhi}")
        weighted, raw, doc, conf, where = best
        if weighted > 0:
            s += weighted * factor
            links.append((raw * factor, conf, doc))
            exact = lo == hi and raw * factor >= W_CROSS_DAY * W_ONE_ACTOR and where == lo.isoformat()
            why.append(f"{text!r} = {where} in {doc}" if exact else f"{text!r} holds {where} of {doc}")
    return s, why, links


def lead_weights(lead_cues: frozenset[str]) -> tuple[float, float]:
    """Shares of W_LEAD for a report of the lead weekday's own day and of the day after. News is told
    the same day or the next, the same day a little likelier; a happening late in the day is told the
    next; a lead that says "today" of another happening would have said it of its weekday too, so that
    weekday is an earlier day; one that also calls the weekday's happening "yesterday" (or "today")
    says which day outright."""
    same, after = LEAD_SAME, LEAD_AFTER
    if "late" in lead_cues:
        same, after = LEAD_AFTER, LEAD_SAME
    if "names today" in lead_cues or "yesterday too" in lead_cues:
        same, after = LEAD_UNLIKELY, LEAD_SAME
    if "today too" in lead_cues:
        same, after = LEAD_SAME, LEAD_UNLIKELY
    return same, after


def past_week_share(spread: int, span: int) -> float:
    """The share of W_PAST_WEEK for a DCT that reads a report's bare past weekdays (which lie in the
    week before it) spread days apart, when span is the fewest days they can cover. A report telling
    of things done "on Tuesday" and "on Wednesday" was written on or after that Wednesday: read on the
    Tuesday, the Wednesday would be six days back, and news says "last Wednesday" or a date for that.
    The share falls with the spread from 1 (the tightest reading) to 0 (six days): a reading only a
    day looser than the tightest, as a lead's Wednesday after a body's Saturday, costs little."""
    return max(0.0, (6 - spread) / (6 - span))


def _own_prior(past_gap: int | None, gap: int) -> float:
    """How well a report day fits an absolute day it names gap days away. News names the days of the
    last week by weekday and older ones by date, so a past date is likelier a week or more back than
    on the days just after it (the old "nearer is likelier" pulled every report to the earliest day
    its dates allow, a week early); beyond a month, farther is less likely."""
    if past_gap is not None and past_gap < OWN_FRESH:
        return 0.8
    if gap <= OWN_FLAT:
        return 1.0
    return 1 - 0.5 * (gap - OWN_FLAT) / (WINDOW - OWN_FLAT)
