"""Evidence a report gives about its own date: datelines, "today, <date>", and dated happenings."""
from __future__ import annotations

import re
from datetime import date

from storyline.model import Mention
from storyline.time.cues import cues
from storyline.time.extract import candidates
from storyline.time.rules import month_num
from storyline.time.sentences import sentence_of, sentence_spans

_CITY = re.compile(r"^\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:\([^)]{0,40}\))?\s*,\s*)?$")
_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—:|/]|\s*$)")
_TODAY = re.compile(r"(?i)\btoday\b[\s,(]*(?:\w+day,?\s+)?$")
_BREAK = re.compile(r"[;:—–]|,\s+(?:while|whereas|but|when|although)\b")
_NAME = re.compile(r"\b[A-Z][\w.’'-]*[\w.]")

#: a partial or full date: (year or None, month, day)
DayParts = tuple[int | None, int, int]


def _day_parts(rule: str, m: re.Match[str]) -> DayParts | None:
    gd = m.groupdict()
    if rule == "iso":
        return int(gd["year"]), int(gd["mm"]), int(gd["dd"])
    if rule in ("month_day", "day_month"):
        return (int(gd["year"]) if gd.get("year") else None, month_num(gd["month"]),
                int(re.match(r"\d+", gd["day"]).group()))
    return None


def dateline(body: str) -> DayParts | None:
    """A date opening the report ("December 8, 2021 – ...", "WASHINGTON, Jan 4 (Reuters) -")."""
    head = body.lstrip()[:300]
    first = head.split("\n", 1)[0]
    for start, end, rule, m in candidates(first):
        parts = _day_parts(rule, m)
        if parts and _CITY.match(first[:start]) and _AFTER.match(first[end:end + 45]):
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


def happening_classes(text: str) -> set[str]:
    """Classes of scheduled happenings (consult, call, visit, vote, sign) a clause names."""
    low = text.lower()
    found = set()
    for cls, nouns in cues()["happenings"].items():
        if any(re.search(r"\b" + re.escape(n) + r"\b", low) for n in nouns):
            found.add(cls)
    return found


def actor_keys(text: str, start: int, end: int, mentions: list[Mention] | None) -> set[str]:
    """Actors named in text[start:end]: mention actor ids when given, else crude capitalised-name keys."""
    if mentions is not None:
        return {m.actor for m in mentions if m.start >= start and m.end <= end}
    c = cues()
    skip = set(c["not_names"]) | set(c["months"]) | set(c["weekdays"])
    keys = set()
    for m in _NAME.finditer(text, start, end):
        w = m.group().lower().rstrip(".")
        if w not in skip:
            keys.add(w[:5])
    return keys


def clause_span(text: str, pos: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause of the sentence holding pos (split at ";", dashes and ", while/when/but")."""
    s, e = sentence_of(spans, pos)
    cut_s, cut_e = s, e
    for b in _BREAK.finditer(text, s, e):
        if b.end() <= pos:
            cut_s = b.end()
        elif b.start() >= pos and cut_e == e:
            cut_e = b.start()
    return cut_s, cut_e


def clause_index(text: str, mentions: list[Mention] | None) -> dict[int, tuple[set[str], set[str]]]:
    """For each expression start offset: (actor keys, happening classes) of its clause."""
    spans = sentence_spans(text)
    out: dict[int, tuple[set[str], set[str]]] = {}
    for start, _end, _rule, _m in candidates(text):
        cs, ce = clause_span(text, start, spans)
        out[start] = (actor_keys(text, cs, ce, mentions), happening_classes(text[cs:ce]))
    return out


def parts_date(parts: DayParts, year: int) -> date | None:
    """A DayParts with the year filled in (its own year when it has one)."""
    try:
        return date(parts[0] or year, parts[1], parts[2])
    except ValueError:
        return None
