"""Evidence a report gives about its own date: datelines, "today, <date>", and dated happenings."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from storyline.model import Mention
from storyline.time.cues import cues
from storyline.time.extract import candidates
from storyline.time.report_date import DayParts, dateline_parts as dateline, today_dates  # noqa: F401  one home
from storyline.time.sentences import sentence_of, sentence_spans

# clause breaks: ";", dashes, ", while/but/...", ", (days) after/before ..." (another happening's time)
# and ", <participle>"
_BREAK = re.compile(r"[;:—–]|,\s+(?:while|whereas|but|when|although)\b"
                    r"|,\s+(?:(?:a|an|one|two|three|several|few|\d+|some|just|only|shortly|soon|hours?|days?|weeks?"
                    r"|months?)\s+){0,3}(?:after|before|following)\b"
                    r"|,\s+(?=[a-z]+ing\b)")  # ", accusing Ukraine of ...": a participle tells another act
_NAME = re.compile(r"\b[A-Z][\w.’'-]*[\w.]")



@lru_cache(maxsize=1)
def _class_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled alternation per happening class (longest words first)."""
    out = []
    for cls, words in cues()["happenings"].items():
        alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        out.append((cls, re.compile(r"\b(?:" + alts + r")\b")))
    return tuple(out)


def happening_classes(text: str) -> set[str]:
    """Classes of happenings (consult, call, visit, vote, sign, attack, withdraw, ...) a clause names."""
    low = text.lower()
    return {cls for cls, pat in _class_patterns() if pat.search(low)}


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


def clause_index(text: str, mentions: list[Mention] | None,
                 starts: list[int] | None = None) -> dict[int, tuple[set[str], set[str]]]:
    """For each expression start offset (found here unless given): (actor keys, happening classes) of its clause."""
    spans = sentence_spans(text)
    out: dict[int, tuple[set[str], set[str]]] = {}
    for start in (starts if starts is not None else [c[0] for c in candidates(text)]):
        cs, ce = clause_span(text, start, spans)
        out[start] = (actor_keys(text, cs, ce, mentions), happening_classes(text[cs:ce]))
    return out


def parts_date(parts: DayParts, year: int) -> date | None:
    """A DayParts with the year filled in (its own year when it has one)."""
    try:
        return date(parts[0] or year, parts[1], parts[2])
    except ValueError:
        return None
