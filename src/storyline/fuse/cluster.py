"""Which event mentions tell the same happening: type, actors (affiliation level), dates, place, status."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..events.dates import value_range
from ..model import Actor, EventMention
from .dating import window as _window

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}
_STATUS_GROUP = {"occurred": "real", "ongoing": "real", "scheduled": "real", "denied": "denied",
                 "conditional": "unreal", "hypothetical": "unreal", "threatened": "unreal"}


def expander(actors: dict[str, Actor]) -> Callable[[list[str]], set[str]]:
    """Actor ids plus the state or organisation each person acts for."""
    def expand(ids: list[str]) -> set[str]:
        out = set(ids)
        for i in ids:
            a = actors.get(i)
            if a is not None and a.affiliation:
                out.add(a.affiliation)
        return out
    return expand


def _range(em: EventMention) -> tuple[date, date] | None:
    rng = value_range(em.date)
    return (rng[0], rng[1]) if rng else None


@dataclass
class Cluster:
    """Mentions fused so far and what they jointly imply (actor sets, the narrowest date range)."""

    type: str
    symmetric: bool
    src: set[str]
    tgt: set[str]
    group: str
    span: tuple[date, date] | None = None
    location: str | None = None
    deal: bool = False  # about an agreement's life (leaving it, suspending it, refusing to extend it)
    members: list[EventMention] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)  # reports of the members: a same-report fit is one lookup
    abouts: list[tuple] = field(default_factory=list)  # what the members that answer another event answer
    latest_start: date | None = None   # the members' undated windows: latest start and earliest end
    earliest_end: date | None = None

    def add(self, em: EventMention, s: set[str], t: set[str], about: tuple | None = None) -> None:
        self.members.append(em)
        self.docs.add(em.doc)
        if about is not None:
            self.abouts.append(about)
        self.src |= s
        self.tgt |= t
        self.symmetric = self.symmetric or em.symmetric
        rng = _range(em)
        if rng:
            self.span = rng if self.span is None else (max(self.span[0], rng[0]), min(self.span[1], rng[1]))
        self.location = self.location or em.location
        self.deal = self.deal or about_deal(em)


def _actors_fit(c: Cluster, s: set[str], t: set[str], symmetric: bool) -> int:
    """Shared actors (0 = incompatible); meetings compare participants regardless of side."""
    if symmetric or c.symmetric:
        p1, p2 = c.src | c.tgt, s | t
        shared = len(p1 & p2)
        return shared if shared >= min(2, len(p1), len(p2)) else 0
    if s and c.src and not (s & c.src):
        return 0
    if t and c.tgt and not (t & c.tgt):
        return 0
    shared = len(s & c.src) + len(t & c.tgt)
    if not (s & c.src) and not (t & c.tgt):
        return 0
    return shared


#: ways of leaving an agreement ("suspended its participation", "pulled out of", "refused to extend"): told
#: of one deal by one party on one day, they are one happening whatever verb each report chose
LEAVING = ("REJECT", "RETREAT", "SANCTION")


def about_deal(em: EventMention) -> bool:
    return "parties" in (em.context or [])


def _same_kind(c: Cluster, em: EventMention) -> bool:
    return em.type == c.type or (c.deal and about_deal(em) and em.type in LEAVING and c.type in LEAVING)


def _about(em: EventMention, by_id: dict[str, EventMention]) -> tuple[str, tuple[date, date] | None] | None:
    """What a denial is about: the type and dates of the event it answers (context "about:<mention id>")."""
    ref = next((by_id.get(x[6:]) for x in em.context or [] if x.startswith("about:")), None)
    return (ref.type, _range(ref)) if ref is not None else None


def _other_referent(c: Cluster, mine: tuple | None) -> bool:
    """Two denials of different things ("denied any role in the bombing", "rejected India's account of the
    strike"): answered events of another type or on days that cannot meet are different denials."""
    if mine is None:
        return False
    for theirs in c.abouts:
        if theirs[0] != mine[0]:
            return True
        if theirs[1] and mine[1] and (theirs[1][1] < mine[1][0] or mine[1][1] < theirs[1][0]):
            return True
    return False


def _fits(c: Cluster, em: EventMention, s: set[str], t: set[str], rng: tuple[date, date] | None = None,
          about: tuple | None = None) -> int:
    if not _same_kind(c, em) or _STATUS_GROUP.get(em.status, "real") != c.group:
        return 0
    if _other_referent(c, about):
        return 0
    if em.location and c.location and em.location != c.location:
        return 0
    rng = rng or _range(em)
    if rng and c.span and (rng[1] < c.span[0] or c.span[1] < rng[0]):
        return 0
    return _actors_fit(c, s, t, em.symmetric)


def _order(em: EventMention) -> tuple:
    rng = value_range(em.date)
    return (not em.source, rng is None, _PRECISION_RANK.get(rng[2], 9) if rng else 9, -em.confidence, em.id)


def cluster_mentions(mentions: list[EventMention], actors: dict[str, Actor],
                     published: dict[str, str | None] | None = None) -> list[list[EventMention]]:
    """Greedy fusion: full, precisely dated mentions seed events; vaguer ones join the best fit.

    ``published`` (report id -> ISO day) bounds undated mentions to the weeks around their report.
    """
    expand = expander(actors)
    by_id = {m.id: m for m in mentions}
    clusters: list[Cluster] = []
    # blocking: a fit needs the same kind of event and a shared actor, so only such clusters are tried
    index: dict[tuple[str, str], list[int]] = {}
    published = published or {}
    for em in sorted(mentions, key=_order):
        s, t = expand(em.source), expand(em.target)
        window = _window(em, published)
        about = _about(em, by_id)
        own = window or _range(em)
        best, best_at, score = None, -1, 0
        kind = _kind(em.type)
        tried = sorted({i for a in s | t for i in index.get((kind, a), ())})
        for i in tried:
            c = clusters[i]
            fit = _fits(c, em, s, t, own, about)
            if fit and own and c.span is None and c.latest_start is not None and (
                    c.earliest_end < own[0] or own[1] < c.latest_start):  # some member's window misses ours
                fit = 0
            if fit:
                fit = fit * 10 + (5 if em.doc in c.docs else 0) + len(c.members)
            if fit > score:
                best, best_at, score = c, i, fit
        if best is None:
            if not em.source:  # a mention without a source only supports an event told elsewhere
                continue
            best = Cluster(em.type, em.symmetric, set(), set(), _STATUS_GROUP.get(em.status, "real"),
                           deal=about_deal(em))
            clusters.append(best)
            best_at = len(clusters) - 1
        new_actors = (s | t) - (best.src | best.tgt)
        best.add(em, s, t, about)
        if window:
            best.latest_start = max(best.latest_start or window[0], window[0])
            best.earliest_end = min(best.earliest_end or window[1], window[1])
        for a in new_actors:
            index.setdefault((_kind(best.type), a), []).append(best_at)
    return [c.members for c in clusters]


def _kind(event_type: str) -> str:
    """Types that can fuse share a kind: their own, or LEAVING for the ways of leaving a deal."""
    return "LEAVING" if event_type in LEAVING else event_type
