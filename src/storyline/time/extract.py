"""Find candidate temporal expressions with regular patterns (no parser): spans plus the rule that fired."""
from __future__ import annotations

import re
from functools import lru_cache

from storyline.time.cues import cues

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ANY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\b\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))s?"
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
_MOD = r"(?:early|mid|late|Early|Mid|Late)"
_REFS = (r"nowadays|currently|at\s+present|at\s+the\s+moment|right\s+now|now|recently|lately|in\s+the\s+past"
         r"|in\s+recent\s+(?:days|weeks|months|years|times)|in\s+the\s+future|soon"
         r"|in\s+the\s+coming\s+(?:days|weeks|months)")
_ANAPHORA = (r"that\s+same\s+day|the\s+same\s+day|that\s+day|the\s+(?:next|following|previous|preceding)\s+day"
             r"|a\s+day\s+(?:later|earlier)|that\s+(?:same\s+)?(?:week|month|year)|the\s+same\s+(?:week|month|year)")


def _num() -> str:
    """Alternation of number words and digits (longest first so "a couple of" beats "a")."""
    words = sorted(cues()["numbers"], key=len, reverse=True)
    vague = sorted(cues()["vague_numbers"], key=len, reverse=True)
    alts = [re.escape(w) for w in words + vague]
    return r"(?:\d+(?:\.\d+)?|(?i:" + "|".join(alts) + r"))"


def _g(name: str, pat: str) -> str:
    return f"(?P<{name}>{pat})"


def _fill(template: str, groups: dict[str, str]) -> str:
    """Expand <name> placeholders into named groups (f-strings cannot hold regex backslashes here)."""
    return re.sub(r"<(\w+)>", lambda m: _g(m.group(1), groups[m.group(1)]), template)


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(rule, compiled pattern) in priority order; longer matches win over earlier rules."""
    g = {
        "year": _YEAR, "month": _MONTH, "day": _DAY, "mod": _MOD, "season": _SEASON, "num": _num(),
        "unit": _UNIT, "weekday": _WEEKDAY,
    }
    W = _WEEKDAY_ANY
    raw = [
        ("iso", r"\b<year>-<mm>-<dd>\b", {"mm": r"[01]\d", "dd": r"[0-3]\d"}),
        ("numeric", r"\b<a>/<b>/<yy>\b", {"a": r"[0-3]?\d", "b": r"[0-3]?\d", "yy": r"(?:1[89]|20)?\d\d"}),
        ("month_day", r"\b(?:" + W + r",?\s+)?(?:the\s+)?<month>\s+<day>\b(?:,?\s+<year>\b)?"
                      r"(?!\s*(?:%|percent|per\b|[:.,]\d))", {}),
        ("day_month", r"\b(?:" + W + r",?\s+)?(?:the\s+)?<day>\s+(?:of\s+)?<month>(?:,?\s+<year>\b)?", {}),
        ("month_year", r"\b(?:<mod>[- ])?<month>,?\s+(?:of\s+)?<year>\b", {}),
        ("month", r"\b(?:<mmod>[- ]+)?<month>(?![\w-])",
         {"mmod": r"early|mid|late|last|next|this|coming|past|Early|Mid|Late|Last|Next|This"}),
        ("season_year", r"\b(?:the\s+)?(?:<mod>\s+)?<season>\s+(?:of\s+)?<year>\b", {}),
        ("season", r"\b(?:<smod>\s+|(?<=in\s)the\s+|(?<=In\s)the\s+)<season>\b",
         {"smod": r"(?i:last|next|this|coming|past)"}),
        ("decade", r"\b(?:[Tt]he\s+)?(?:<decade>0s|'<short>0s)\b", {"decade": r"(?:1[89]|20)\d", "short": r"\d"}),
        ("quarter", r"\b(?i:the\s+)?<ord>\s+<part>(?:\s+of\s+<year>)?\b",
         {"ord": r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)", "part": r"quarter|half"}),
        ("year", r"(?<![\w$€£©/.-])<ymod>?<year>(?![\w%-]|[.,]\d)", {"ymod": r"(?:early|mid|late)-?\s?"}),
        ("day_ref", r"(?i:\b<word>(?:\s+<part>)?\b)",
         {"word": r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow"
                  r"|last\s+night", "part": r"morning|afternoon|evening|night"}),
        ("this_part", r"(?i:\bthis\s+<part>\b)", {"part": r"morning|afternoon|evening"}),
        ("weekday", r"\b(?:<wmod>\s+)?<weekday>(?:\s+<part>)?\b",
         {"wmod": r"(?i:next|last|this|coming|past|previous)", "part": r"morning|afternoon|evening|night"}),
        ("relative", r"(?i:\b(?:<edge>\s+)?<rmod>\s+<runit>(?:'s|’s)?\b)",
         {"edge": r"early|late|earlier|later", "rmod": r"this|next|last|coming|current|previous",
          "runit": r"week|weekend|month|year|quarter"}),
        ("within", r"(?i:\b<edge>\s+in\s+the\s+<runit>\b)",
         {"edge": r"earlier|later|early|late", "runit": r"week|month|year"}),
        ("ago", r"(?i:\b<num>[- ]+(?:more\s+)?<unit>\s+ago\b)", {}),
        ("anaphora", r"(?i:\b<word>\b)", {"word": _ANAPHORA}),  # before past_duration: "the next day" is a day
        ("past_duration", r"(?i:\bthe\s+<pmod>\s+(?:<num>\s+)?<unit>\b)",
         {"pmod": r"past|last|next|coming|previous"}),
        ("duration", r"(?i:\b<num>(?:[- ]+|\s+more\s+)<unit>\b(?:-long)?)", {}),
        ("set", r"(?i:\b(?:every|each)\s+(?:<sunit>|<weekday>)\b|\b<adv>\b|\b<times>\s+(?:a|per)\s+<unit2>\b)",
         {"sunit": r"day|night|week|month|year|morning|evening", "adv": r"daily|weekly|monthly|annually|yearly|nightly",
          "times": r"once|twice|\d+\s+times", "unit2": r"day|week|month|year"}),
        ("ref", r"(?i:\b<word>\b)", {"word": _REFS}),
        ("clock", r"\b<h>(?:[:.]<min>)?\s*<ap>|\b<word>\b",
         {"h": r"[01]?\d", "min": r"[0-5]\d", "ap": r"(?i:a\.m\.|p\.m\.|am\b|pm\b)", "word": r"(?i:noon|midnight)"}),
    ]
    return [(name, re.compile(_fill(t, {**g, **extra}))) for name, t, extra in raw]


def candidates(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping (start, end, rule, match), longest first, in text order."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for prio, (rule, pat) in enumerate(patterns()):
        for m in pat.finditer(text):
            if m.end() > m.start() and _plausible(text, rule, m):
                found.append((m.start(), m.end(), prio, rule, m))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for s, e, _, rule, m in found:
        if all(e <= ts or s >= te for ts, te, _, _ in taken):
            taken.append((s, e, rule, m))
    taken.sort(key=lambda c: c[0])
    return taken


_MONTH_PREP = re.compile(r"(?i)\b(?:in|since|until|till|by|from|during|of|through|to|before|after|early|late|mid|"
                         r"last|next|this|between|and|or|throughout|until)\s*$")
_YEAR_PREP = re.compile(r"(?i)\b(?:in|since|until|till|by|from|during|of|through|to|before|after|the|early|late|mid|"
                        r"around|circa|between|and|or|throughout|year|since)\s*$")


def _plausible(text: str, rule: str, m: re.Match[str]) -> bool:
    """Reject the usual false hits: "May" the verb, "S. 1605", "38 percent", "2000 troops"."""
    before = text[max(0, m.start() - 30):m.start()]
    if rule == "month" and not m.group("mmod"):
        return bool(_MONTH_PREP.search(before))
    if rule == "year":
        c = cues()
        prev = before.split()[-1].lower() if before.split() else ""
        if prev in c["non_year_prefixes"] or prev.endswith(("$", "€", "£", "©")):
            return False
        nxt = text[m.end():m.end() + 20].split()
        nxt_word = nxt[0].lower().strip(".,;:") if nxt else ""
        if nxt_word in c["quantity_words"]:
            return False
        if _YEAR_PREP.search(before) or m.group("ymod"):
            return True
        return not (nxt_word.endswith("s") and not nxt_word.endswith("'s") and len(nxt_word) > 3
                    and nxt_word[:1].islower())
    if rule == "duration":
        nxt = text[m.end():m.end() + 6].lower()
        if nxt.lstrip().startswith("ago") or re.match(r"-old", nxt):
            return False
        if m.group("num").lower() in ("a", "an") and re.search(r"(?i)\b(?:once|twice|times|per)\s*$", before):
            return False
        if m.group("num").lower() in ("a", "an", "one") and m.group("unit").lower() == "second":
            return False  # "a second round": an ordinal, not one second
    return True
