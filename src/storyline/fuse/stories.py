"""Stories: reports linked by events they share or by a strong overlap of the actors they code."""
from __future__ import annotations

import hashlib
import math
from collections import Counter

from ..model import Actor, Document, Event, EventMention, Story
from .cluster import expander

MIN_SHARED_ACTORS = 2
MIN_JACCARD = 0.5
#: a report is compared with at most this many earlier reports per shared rare actor
WINDOW = 64


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _similar_pairs(cast: dict[str, set[str]], order: list[str]) -> set[tuple[str, str]]:
    """Pairs of reports that may reach MIN_JACCARD, by prefix filtering (not every pair: corpora grow).

    Sorted by how rare each actor is, two sets with Jaccard >= t must share one of the first
    |x| - ceil(t * |x|) + 1 actors of each; so only reports sharing such a prefix actor are compared,
    and of those only the WINDOW nearest in ``order`` (by date): a story is told within days.
    """
    freq: Counter[str] = Counter(a for actors in cast.values() for a in actors)
    index: dict[str, list[str]] = {}
    pairs: set[tuple[str, str]] = set()
    for doc in order:
        ordered = sorted(cast[doc], key=lambda a: (freq[a], a))
        prefix = ordered[: len(ordered) - math.ceil(MIN_JACCARD * len(ordered)) + 1] if ordered else []
        for a in prefix:
            seen = index.setdefault(a, [])
            pairs.update((other, doc) for other in seen[-WINDOW:])
            seen.append(doc)
    return pairs


def build_stories(events: list[Event], mentions: list[EventMention], actors: dict[str, Actor],
                  documents: dict[str, Document]) -> list[Story]:
    """Connected components over reports; sets Document.story and Event.story in place."""
    expand = expander(actors)
    docs = sorted(set(documents) | {m.doc for m in mentions})
    parent = {d: d for d in docs}

    def union(a: str, b: str) -> None:
        ra, rb = _find(parent, a), _find(parent, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for ev in events:
        evdocs = sorted({e.doc for e in ev.evidence})
        for d in evdocs[1:]:
            union(evdocs[0], d)
    cast: dict[str, set[str]] = {d: set() for d in docs}
    for m in mentions:
        cast[m.doc] |= expand(m.source) | expand(m.target)
    order = sorted(docs, key=lambda d: ((documents[d].published or "9999") if d in documents else "9999", d))
    for a, b in _similar_pairs(cast, order):
        shared = cast[a] & cast[b]
        if len(shared) >= MIN_SHARED_ACTORS and len(shared) / max(len(cast[a] | cast[b]), 1) >= MIN_JACCARD:
            union(a, b)
    groups: dict[str, list[str]] = {}
    for d in docs:
        groups.setdefault(_find(parent, d), []).append(d)
    stories = []
    for members in sorted(groups.values()):
        sid = "s" + hashlib.sha1("|".join(members).encode()).hexdigest()[:8]
        evs = [e for e in events if {x.doc for x in e.evidence} & set(members)]
        count: Counter[str] = Counter()
        for e in evs:
            count.update(e.source + e.target)
        top = [actors[a].name if a in actors else a for a, _ in count.most_common(3)]
        label = " / ".join(top) if top else (documents[members[0]].title or members[0]
                                               if members[0] in documents else members[0])
        stories.append(Story(id=sid, label=label, docs=members, events=[e.id for e in evs]))
        for d in members:
            if d in documents:
                documents[d].story = sid
        for e in evs:
            e.story = e.story or sid
    return stories


def find_story(stories: list[Story], key: str) -> Story:
    """The story a person names: its id, else its name, else the one story whose name contains the words."""
    want = " ".join(key.lower().split())
    for st in stories:
        if st.id == key:
            return st
    named = [st for st in stories if st.label.lower() == want]
    if len(named) == 1:
        return named[0]
    part = [st for st in stories if all(w in st.label.lower() for w in want.split())]
    if len(part) == 1:
        return part[0]
    if len(part) > 1:
        raise LookupError(f"several stories match {key!r}: " + "; ".join(f"{s.id} ({s.label})" for s in part[:8]))
    known = "; ".join(f"{s.id} ({s.label})" for s in sorted(stories, key=lambda s: -len(s.docs))[:8])
    raise LookupError(f"no story {key!r}" + (f"; the largest are: {known}" if known else "; the store has none"))
