"""A readable one-line summary of a fused event, e.g. "NATO and Russia meet in Brussels on 2022-01-12"."""
from __future__ import annotations

from ..model import Actor, Event

_VERBS = {  # type -> (singular, plural) verb phrase put between source and target
    "AGREE": ("agrees with", "agree with"), "CONSULT": ("meets", "meet"), "SUPPORT": ("supports", "support"),
    "CONCEDE": ("concedes to", "concede to"), "COOPERATE": ("cooperates with", "cooperate with"),
    "AID": ("aids", "aid"), "RETREAT": ("withdraws from", "withdraw from"),
    "REQUEST": ("makes demands of", "make demands of"), "ACCUSE": ("accuses", "accuse"),
    "REJECT": ("rejects", "reject"), "THREATEN": ("threatens", "threaten"),
    "PROTEST": ("protests against", "protest against"), "SANCTION": ("sanctions", "sanction"),
    "MOBILIZE": ("mobilizes against", "mobilize against"), "COERCE": ("coerces", "coerce"),
    "ASSAULT": ("attacks", "attack"),
}
_NO_TARGET = {"AGREE": "agrees", "PROTEST": "protests", "MOBILIZE": "mobilizes", "RETREAT": "withdraws",
              "CONCEDE": "concedes", "COOPERATE": "cooperates", "REQUEST": "makes a demand", "AID": "gives aid",
              "ASSAULT": "attacks", "THREATEN": "threatens", "SANCTION": "imposes sanctions", "COERCE": "cracks down",
              "ACCUSE": "accuses", "REJECT": "rejects", "SUPPORT": "voices support", "CONSULT": "meets"}
_MODES = {  # PLOVER codebook mode -> (singular, plural), where it says more than the type
    "phone": ("speaks with", "speak with"), "visit": ("visits", "visit"),
    "discontinue": ("cuts ties with", "cut ties with"), "troops": ("deploys troops against", "deploy troops against"),
    "aerial": ("strikes from the air", "strike from the air"), "arrest": ("arrests", "arrest"),
    "release": ("releases", "release"), "ceasefire": ("agrees a ceasefire with", "agree a ceasefire with")}


def _name(i: str, actors: dict[str, Actor]) -> str:
    return actors[i].name if i in actors else i


def _labels(ids: list[str], actors: dict[str, Actor]) -> list[str]:
    """One label per side: a person named with the state or body they act for, which is then not repeated
    ("Vladimir Putin (Russia)", never "Russia and Vladimir Putin")."""
    ids = list(dict.fromkeys(ids))
    acting = {actors[i].affiliation: i for i in ids if i in actors and actors[i].affiliation in ids}
    out = []
    for i in ids:
        if i in acting:
            continue  # named with its person
        a = actors.get(i)
        if a is not None and a.affiliation in acting and acting[a.affiliation] == i:
            out.append(f"{a.name} ({_name(a.affiliation, actors)})")
        else:
            out.append(_name(i, actors))
    return out


def _names(ids: list[str], actors: dict[str, Actor]) -> str:
    names = _labels(ids, actors)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else "someone"


def summarize(ev: Event, actors: dict[str, Actor]) -> str:
    """Subject, verb, object, place and date in one line; non-factual statuses are flagged."""
    date = ev.date if isinstance(ev.date, str) else None
    if isinstance(ev.date, dict):
        date = f"{ev.date.get('start')} to {ev.date.get('end')}"
    when = ""
    if date:
        when = f" on {date}" if ev.precision == "day" else (f" between {date.replace(' to ', ' and ')}"
                                                           if isinstance(ev.date, dict) else f" in {date}")
    where = f" in {ev.location}" if ev.location else ""
    if ev.symmetric and ev.type in ("CONSULT", "AGREE", "COOPERATE"):
        verb = _MODES.get(ev.mode or "", _VERBS[ev.type])[1].split(" with")[0]
        line = f"{_names(ev.source + ev.target, actors)} {verb}{where}{when}"
    else:
        sing, plur = _MODES.get(ev.mode or "", _VERBS.get(ev.type, ("acts on", "act on")))
        verb = sing if len(_labels(ev.source, actors)) == 1 else plur
        if ev.target:
            line = f"{_names(ev.source, actors)} {verb} {_names(ev.target, actors)}{where}"
        else:  # POLECAT: the target is optional ("APEC agrees", "farmers protest in Lima")
            line = f"{_names(ev.source, actors)} {_NO_TARGET.get(ev.type) or verb.rsplit(' ', 1)[0]}{where}"
        line += f" ({date})" if date else ""
    if ev.status not in ("occurred", "ongoing"):
        line += f" [{ev.status}]"
    return line
