"""normalize(): every temporal expression of a text as TimeExpr, resolved against the report's date."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from storyline.model import TimeExpr
from storyline.time.dates import value_range
from storyline.time.extract import candidates
from storyline.time.rules import clock_hm, resolve
from storyline.time.sentences import sentence_of, sentence_spans
from storyline.time.tense import tense_around

_TENSED = {"month_day", "day_month", "month", "season", "weekday", "relative", "within"}
_SINCE = re.compile(r"(?i)\bsince\s+$")
_POSSESSIVE = re.compile(r"(?:'s|’s)$")
# between a clock time and the day it belongs to: "midnight on November 10", "noon (0800 GMT) Saturday"
_CLOCK_DAY_GAP = re.compile(r"(?i)\s*(?:\([^()]{0,30}\)\s*)?,?\s*(?:on|of)?\s*(?:the\s+)?")
_DAY_RULES = {"weekday", "month_day", "day_month", "iso", "numeric", "day_ref"}
_PARTIAL_DAY = re.compile(r"XXXX-\d\d-\d\d")

#: one found expression before any DCT: (start, end, rule, match, tense)
Prepared = tuple[int, int, str, re.Match[str], str | None]


@lru_cache(maxsize=512)
def prepare(text: str) -> tuple[Prepared, ...]:
    """The DCT-independent half (patterns, tense), cached: the date solver resolves it per candidate day."""
    spans = sentence_spans(text)
    out: list[Prepared] = []
    for start, end, rule, m in candidates(text):
        tense = tense_around(text, start, end, sentence_of(spans, start)) if rule in _TENSED else None
        out.append((start, end, rule, m, tense))
    return tuple(out)


def normalize(text: str, dct: date | str | None, doc: str = "") -> list[TimeExpr]:
    """TIMEX3 expressions of text (char offsets into it); cheap enough to re-run once a DCT is inferred."""
    if isinstance(dct, str):
        dct = date.fromisoformat(dct[:10])
    elif isinstance(dct, datetime):
        dct = dct.date()
    out: list[TimeExpr] = []
    last_day: date | None = None
    last_partial: str | None = None  # a day without a year ("March 6", no DCT): clock times still take it
    items = prepare(text)
    for k, (start, end, rule, m, tense) in enumerate(items):
        ttype, value, anchor = resolve(rule, m, dct, tense, last_day)
        if rule == "clock" and k + 1 < len(items):
            own = _clock_on_day(text, items[k], items[k + 1], dct, last_day)
            if own:
                value, anchor = own, "following timex"
        if rule == "clock" and last_day is None and last_partial and _partial_clock(value):
            value, anchor = last_partial + value[10:], "previous timex"
        span_text = text[start:end]
        poss = _POSSESSIVE.search(span_text)
        if poss:
            end -= len(poss.group())
            span_text = text[start:end]
        name = rule
        since = _SINCE.search(text[max(0, start - 8):start]) if ttype == "DATE" else None
        if since:
            start -= len(since.group())
            span_text, name = text[start:end], "since_" + rule
        if tense:
            name += ":" + tense
        out.append(TimeExpr(doc=doc, start=start, end=end, text=span_text, type=ttype, value=value,
                            anchor=anchor, rule=name))
        rng = value_range(value) if ttype == "DATE" else None
        if rng and rng[0] == rng[1]:
            last_day, last_partial = rng[0], None
        elif rule in _DAY_RULES and (value is None or value.startswith("XXXX")):
            # a day named but not known (no DCT, no year): "that day" and clock times do not reach past it
            last_day, last_partial = None, value if value and _PARTIAL_DAY.fullmatch(value) else None
    return out


def _partial_clock(value: str | None) -> bool:
    """A clock time without its day, not midnight (which belongs to the day after)."""
    return bool(value) and value.startswith("XXXX-XX-XXT") and not value.endswith("T00:00")


def _clock_on_day(text: str, clock: Prepared, nxt: Prepared, dct: date | None, last_day: date | None) -> str | None:
    """A clock time followed by its day ("midnight on November 10" -> 2020-11-10T00:00, "noon on Monday",
    "midnight tonight" -> the start of tomorrow); None when no day follows it."""
    n_start, _n_end, n_rule, n_m, n_tense = nxt
    if n_rule not in _DAY_RULES or not _CLOCK_DAY_GAP.fullmatch(text[clock[1]:n_start]):
        return None
    _t, value, _a = resolve(n_rule, n_m, dct, n_tense, last_day)
    day = value_range(value[:10]) if value else None
    hm = clock_hm(clock[3].groupdict())
    if not day:  # "at 9 a.m. on March 6" without a DCT: the day without its year
        return f"{value}T{hm}" if value and _PARTIAL_DAY.fullmatch(value) and hm != "00:00" else None
    night = n_rule == "day_ref" and "night" in n_m.group().lower()
    d = day[0] + timedelta(days=1) if hm == "00:00" and night else day[0]
    return f"{d.isoformat()}T{hm}"
