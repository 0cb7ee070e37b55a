"""Turn one matched pattern into a TIMEX3 (type, value, anchor) against the DCT and the tense."""
from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.time import dates as D
from storyline.time.cues import cues

#: (type, value, anchor); value None when the expression cannot be resolved (e.g. no DCT)
Resolved = tuple[str, str | None, str]

_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_ADV = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y"}
_REF = {"recently": "PAST_REF", "lately": "PAST_REF", "in the past": "PAST_REF", "in the future": "FUTURE_REF",
        "soon": "FUTURE_REF"}


def month_num(text: str) -> int:
    """Month number of a month name or abbreviation."""
    return cues()["months"][text.lower().rstrip(".")]


def weekday_num(text: str) -> int:
    """Weekday number (Monday 0) of a weekday name or abbreviation."""
    return cues()["weekdays"][text.lower().rstrip(".")]


def number(text: str) -> str:
    """Digits for a number word, "X" for a vague one ("several")."""
    t = re.sub(r"\s+", " ", text.lower())
    nums = cues()["numbers"]
    if t in nums:
        return str(nums[t])
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return t
    return "X"


def duration(num: str, unit: str) -> str:
    """TIMEX3 duration value: ("48", "hours") -> PT48H, ("a", "decade") -> P10Y."""
    u = unit.lower().rstrip("s").replace("centurie", "century")
    letter, timed, mult = cues()["units"][u]
    n = number(num)
    if n != "X" and mult != 1:
        n = str(int(float(n) * mult)) if float(n).is_integer() else str(float(n) * mult)
    return ("PT" if timed else "P") + n + letter


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _year2(y: str) -> int:
    n = int(y)
    return n if len(y) == 4 else (2000 + n if n < 50 else 1900 + n)


def resolve(rule: str, m: re.Match[str], dct: date | None, tense: str | None, last_day: date | None) -> Resolved:
    """Dispatch one candidate to its rule; anchors say what the value leans on."""
    gd = m.groupdict()
    if rule == "iso":
        return "DATE", _day(D.safe_date(int(gd["year"]), int(gd["mm"]), int(gd["dd"]))), "absolute"
    if rule == "numeric":
        a, b = int(gd["a"]), int(gd["b"])
        mo, dy = (b, a) if a > 12 else (a, b)  # US order unless the first number cannot be a month
        return "DATE", _day(D.safe_date(_year2(gd["yy"]), mo, dy)), "absolute"
    if rule in ("month_day", "day_month"):
        mo, dy = month_num(gd["month"]), int(re.match(r"\d+", gd["day"]).group())
        if gd.get("year"):
            return "DATE", _day(D.safe_date(int(gd["year"]), mo, dy)), "absolute"
        if dct is None:
            return "DATE", f"XXXX-{mo:02d}-{dy:02d}", "no dct"
        return "DATE", _day(D.year_for_day(mo, dy, dct, tense)), f"dct+{tense or 'nearest'}"
    if rule == "month_year":
        return "DATE", D.month_value(int(gd["year"]), month_num(gd["month"])), "absolute"
    if rule == "month":
        return _month(gd, dct, tense)
    if rule == "season_year":
        return "DATE", f"{gd['year']}-{cues()['seasons'][gd['season'].lower()]}", "absolute"
    if rule == "season":
        return _season(gd, dct, tense)
    if rule == "decade":
        return "DATE", gd["decade"] or (("19" if int(gd["short"]) >= 3 else "20") + gd["short"]), "absolute"
    if rule == "quarter":
        q = ("Q" if gd["part"].lower() == "quarter" else "H") + str(_ORD[gd["ord"].lower()])
        year = gd.get("year") or (str(dct.year) if dct else "XXXX")
        return "DATE", f"{year}-{q}", "absolute" if gd.get("year") else "dct"
    if rule == "year":
        return "DATE", gd["year"], "absolute"
    if dct is None:  # relative days stay None; anaphora and clock times still take an absolute day named before
        return _no_dct(rule, gd, last_day)
    if rule == "day_ref":
        return _day_ref(gd, dct)
    if rule == "this_part":
        return "TIME", f"{dct.isoformat()}T{_PART[gd['part'].lower()]}", "dct"
    if rule == "weekday":
        return _weekday(gd, dct, tense)
    if rule in ("relative", "within"):
        return _relative(gd, dct, tense, rule)
    if rule == "ago":
        return _ago(gd, dct)
    return _no_dct(rule, gd, last_day)


def _no_dct(rule: str, gd: dict, last_day: date | None = None) -> Resolved:
    """Rules that need no DCT (durations, sets, refs, anaphora); others stay unresolved."""
    if rule == "past_duration":
        return "DURATION", duration(gd["num"] or "1", gd["unit"]), "absolute"
    if rule == "duration":
        return "DURATION", duration(gd["num"], gd["unit"]), "absolute"
    if rule == "set":
        if gd.get("adv"):
            return "SET", _ADV[gd["adv"].lower()], "absolute"
        if gd.get("weekday"):
            return "SET", "XXXX-WXX-" + str(weekday_num(gd["weekday"]) + 1), "absolute"
        unit = (gd.get("sunit") or gd.get("unit2") or "day").lower()
        unit = {"night": "day", "morning": "day", "evening": "day"}.get(unit, unit)
        return "SET", duration("1", unit), "absolute"
    if rule == "ref":
        word = re.sub(r"\s+", " ", gd["word"].lower())
        if word.startswith("in recent") or word in ("recently", "lately", "in the past"):
            return "DATE", _REF.get(word, "PAST_REF"), "absolute"
        if word in _REF:
            return "DATE", _REF[word], "absolute"
        if word.startswith("in the coming"):
            return "DATE", "FUTURE_REF", "absolute"
        return "DATE", "PRESENT_REF", "absolute"
    if rule == "anaphora":
        return _anaphora(gd, last_day)
    if rule == "clock":
        hm = clock_hm(gd)
        if hm == "00:00" and last_day:  # "agreed on Saturday, in force from midnight": the night after
            return "TIME", f"{(last_day + timedelta(days=1)).isoformat()}T00:00", "previous timex+1"
        return "TIME", ((last_day.isoformat() if last_day else "XXXX-XX-XX") + "T" + hm), "previous timex"
    return "DATE", None, "no dct"


def clock_hm(gd: dict) -> str:
    """HH:MM of a clock match; midnight is the start of a day (00:00), the day chosen by the caller."""
    if gd.get("word"):
        return "12:00" if gd["word"].lower() == "noon" else "00:00"
    h = int(gd["h"]) % 12 + (12 if gd["ap"].lower().startswith("p") else 0)
    return f"{h:02d}:{gd['min'] or '00'}"


def _day_ref(gd: dict, dct: date) -> Resolved:
    word = re.sub(r"\s+", " ", gd["word"].lower())
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
             "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    day = (dct + timedelta(days=shift)).isoformat()
    part = gd.get("part")
    if word in ("tonight", "last night"):
        return "TIME", day + "TNI", "dct"
    if part:
        return "TIME", day + "T" + _PART[part.lower()], "dct"
    return "DATE", day, "dct"


def _weekday(gd: dict, dct: date, tense: str | None) -> Resolved:
    """Direction from the modifier, else from tense: future -> this or the next such day, past -> this or last."""
    wd = weekday_num(gd["weekday"])
    mod = (gd.get("wmod") or "").lower()
    if mod == "next":
        day = D.week_start(dct) + timedelta(days=7 + wd)
    elif mod in ("last", "past", "previous"):
        day = D.weekday_before(dct, wd, include_today=False)
    elif mod == "coming":
        day = D.weekday_after(dct, wd, include_today=False)
    elif mod == "this":
        day = D.reference_week(dct, tense != "past") + timedelta(days=wd)
    elif tense == "future":  # agency style names today by its weekday too ("takes effect at noon on Saturday")
        day = D.weekday_after(dct, wd, include_today=True)
    else:
        day = D.weekday_before(dct, wd, include_today=True)
    part = gd.get("part")
    if part:
        return "TIME", day.isoformat() + "T" + _PART[part.lower()], f"dct+{mod or tense or 'past'}"
    return "DATE", day.isoformat(), f"dct+{mod or tense or 'past'}"


def _relative(gd: dict, dct: date, tense: str | None, rule: str) -> Resolved:
    """this/next/last week, month, year, quarter, weekend; "earlier in the week" is the DCT's own."""
    unit = gd.get("runit", "").lower()
    mod = (gd.get("rmod") or "this").lower() if rule == "relative" else "this"
    step = {"next": 1, "coming": 1, "last": -1, "previous": -1}.get(mod, 0)
    edge = (gd.get("edge") or "").lower()
    if unit in ("week", "weekend"):
        monday = D.week_start(dct)
        if unit == "weekend":
            start = monday + timedelta(days=7 * step)
        elif step > 0:
            start = monday + timedelta(days=7)
        elif step < 0:  # on a Sunday the week ending today is "last week"
            start = monday - timedelta(days=7 * (dct.weekday() != 6))
        else:
            start = D.reference_week(dct, tense != "past" and edge != "earlier" and rule == "relative")
        value = D.iso_week(start) + ("-WE" if unit == "weekend" else "")
        return "DATE", value, f"dct{step:+d}w"
    if unit == "month":
        y, mo = D.add_months(dct.year, dct.month, step)
        return "DATE", D.month_value(y, mo), f"dct{step:+d}m"
    if unit == "year":
        return "DATE", str(dct.year + step), f"dct{step:+d}y"
    if unit == "quarter":
        q = (dct.month - 1) // 3 + step
        y = dct.year + q // 4
        return "DATE", f"{y}-Q{q % 4 + 1}", f"dct{step:+d}q"
    return "DATE", None, "unknown unit"


def _ago(gd: dict, dct: date) -> Resolved:
    n = number(gd["num"])
    unit = gd["unit"].lower().rstrip("s")
    if n == "X" or "." in n:
        return "DATE", "PAST_REF", "dct"
    k = int(n)
    if unit in ("day", "night"):
        return "DATE", (dct - timedelta(days=k)).isoformat(), "dct"
    if unit in ("week", "fortnight"):
        return "DATE", D.iso_week(dct - timedelta(days=7 * k * (2 if unit == "fortnight" else 1))), "dct"
    if unit == "month":
        return "DATE", D.month_value(*D.add_months(dct.year, dct.month, -k)), "dct"
    if unit == "year":
        return "DATE", str(dct.year - k), "dct"
    if unit == "decade":
        return "DATE", str(dct.year - 10 * k), "dct"
    return "TIME", None, "dct"


def _month(gd: dict, dct: date | None, tense: str | None) -> Resolved:
    mo = month_num(gd["month"])
    mod = (gd.get("mmod") or "").lower()
    if dct is None:
        return "DATE", f"XXXX-{mo:02d}", "no dct"
    if mod in ("last", "past"):
        y = D.year_for_month(mo, dct, "past", strict=True)
    elif mod in ("next", "coming"):
        y = D.year_for_month(mo, dct, "future", strict=True)
    elif mod == "this":
        y = dct.year
    else:
        y = D.year_for_month(mo, dct, tense)
    return "DATE", D.month_value(y, mo), f"dct+{mod or tense or 'nearest'}"


def _season(gd: dict, dct: date | None, tense: str | None) -> Resolved:
    code = cues()["seasons"][gd["season"].lower()]
    if dct is None:
        return "DATE", f"XXXX-{code}", "no dct"
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    mod = (gd.get("smod") or "").lower()
    cur = dct.year if dct.month >= start or code != "WI" else dct.year - 1
    in_season = {"SP": 3 <= dct.month <= 5, "SU": 6 <= dct.month <= 8, "FA": 9 <= dct.month <= 11,
                 "WI": dct.month in (12, 1, 2)}[code]
    started = in_season or (dct.month > start if code != "WI" else False)
    if mod in ("last", "past") or (not mod and tense == "past"):
        y = cur - 1 if (in_season and mod) or not started else cur
    elif mod in ("next", "coming") or (not mod and tense == "future"):
        y = cur + 1 if started else cur
    else:
        y = cur
    return "DATE", f"{y}-{code}", f"dct+{mod or tense or 'this'}"


def _anaphora(gd: dict, last_day: date | None) -> Resolved:
    """"that same day" and kin take the day last named in the text."""
    if last_day is None:
        return "DATE", None, "no previous day"
    word = re.sub(r"\s+", " ", gd["word"].lower())
    if "week" in word:
        return "DATE", D.iso_week(last_day), "previous timex"
    if "month" in word:
        return "DATE", D.month_value(last_day.year, last_day.month), "previous timex"
    if "year" in word:
        return "DATE", str(last_day.year), "previous timex"
    shift = 1 if ("next" in word or "following" in word or "later" in word) else \
        -1 if ("previous" in word or "preceding" in word or "earlier" in word) else 0
    return "DATE", (last_day + timedelta(days=shift)).isoformat(), "previous timex"
