"""One Event per cluster of mentions: merged actors, the most precise date, every evidence span."""
from __future__ import annotations

import hashlib
from collections import Counter

from ..model import Actor, Event, EventMention, Evidence
from .summary import summarize

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}
_STATUS_ORDER = ("occurred", "ongoing", "scheduled", "denied", "threatened", "conditional", "hypothetical")


#: an event whose only source (or target) is a vague collective ("the West", "the allies": a group with
#: neither a Wikidata id nor a country) says little about who acted: its confidence is scaled down
VAGUE_FACTOR = 0.3


def _vague(ids: list[str], actors: dict[str, Actor]) -> bool:
    known = [actors[i] for i in ids if i in actors]
    return bool(known) and len(known) == len(ids) and all(
        a.kind == "group" and not a.wikidata and not a.country for a in known)


def _ordered(ids: list[str]) -> list[str]:
    count = Counter(ids)
    first = {x: i for i, x in reversed(list(enumerate(ids)))}
    return sorted(count, key=lambda x: (-count[x], first[x]))


def merge(members: list[EventMention], actors: dict[str, Actor]) -> Event:
    """Fuse mentions of one happening into one Event (stable id from the sorted mention ids)."""
    ids = sorted(m.id for m in members)
    eid = "e" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:10]
    lead = max(members, key=lambda m: (bool(m.source) and bool(m.target), m.confidence))
    symmetric = any(m.symmetric for m in members)
    src = _ordered([a for m in members for a in m.source])
    tgt = _ordered([a for m in members for a in m.target])
    if symmetric:
        src = list(lead.source) or src[:1]
        tgt = [a for a in _ordered(list(lead.target) + src + tgt) if a not in src]
    else:
        tgt = [a for a in tgt if a not in src] or tgt
    dated = [m for m in members if m.date]
    best = min(dated, key=lambda m: (_PRECISION_RANK.get(m.precision or "", 9),
                                     -sum(1 for x in dated if x.date == m.date), m.id)) if dated else None
    statuses = Counter(m.status for m in members)
    status = min(statuses, key=lambda s: (-statuses[s], _STATUS_ORDER.index(s) if s in _STATUS_ORDER else 99))
    places = Counter(m.location for m in members if m.location)
    place = places.most_common(1)[0][0] if places else None
    where = next((m for m in members if m.location == place), None)
    conf = 1.0
    for m in members:
        conf *= 1.0 - m.confidence
    seen: set[tuple] = set()
    evidence = []
    for m in sorted(members, key=lambda m: (m.doc, m.start)):
        if (m.doc, m.start, m.end) not in seen:
            seen.add((m.doc, m.start, m.end))
            evidence.append(Evidence(doc=m.doc, start=m.start, end=m.end, text=m.text))
    modes = Counter(m.mode for m in members if m.mode)
    ev = Event(
        id=eid, type=lead.type, source=src, target=tgt, status=status,
        mode=lead.mode or (modes.most_common(1)[0][0] if modes else None), cameo=lead.cameo,
        date=best.date if best else None, date_start=best.date_start if best else None,
        date_end=best.date_end if best else None, precision=best.precision if best else None,
        location=place, lat=where.lat if where else None, lon=where.lon if where else None,
        evidence=evidence, mentions=ids, n_reports=len({m.doc for m in members}),
        confidence=round(min(0.99, 1.0 - conf), 3), symmetric=symmetric)
    if _vague(ev.source, actors) or _vague(ev.target, actors):
        ev.confidence = round(ev.confidence * VAGUE_FACTOR, 3)
    ev.summary = summarize(ev, actors)
    return ev
