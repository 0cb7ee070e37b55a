"""normalize(): every temporal expression of a text as TimeExpr, resolved against the report's date."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from storyline.model import TimeExpr
from storyline.time.dates import value_range
from storyline.time.extract import candidates
from storyline.time.rules import resolve
from storyline.time.sentences import sentence_of, sentence_spans
from storyline.time.tense import tense_around

_TENSED = {"month_day", "day_month", "month", "season", "weekday", "relative", "within"}
_SINCE = re.compile(r"(?i)\bsince\s+$")
_POSSESSIVE = re.compile(r"(?:'s|’s)$")

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
    for start, end, rule, m, tense in prepare(text):
        ttype, value, anchor = resolve(rule, m, dct, tense, last_day)
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
        if rng and rng[0] == rng[1] and rule != "anaphora":
            last_day = rng[0]
    return out
