"""Stories: the reports of one unfolding story, found by what they talk about and who acts in them.

A mixed feed (a war, a protest movement, an election, all in one store) splits into its stories:

* each report is a bag of the words of its text (TF-IDF, stop words out) and of the actors it names
  (weighted up: "Hosni Mubarak" says more about a story than "said"), hashed into a fixed number of
  dimensions so that comparing every report with every other is one matrix product per block;
* each report is linked to its nearest reports when they are similar enough, and the stories are the
  communities of that graph (Louvain): groups of reports more linked among themselves than to the rest,
  so one report that resembles two stories does not fuse them. A report like no other stays on its own.

A story is named by the actors that set it apart from the rest of the feed, and by its months.
"""
from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections import Counter, defaultdict

import numpy as np

from .. import settings
from ..model import Actor, Document, Event, EventMention, Mention, Story
from .cluster import expander

_WORD = re.compile(r"[a-z][a-z'\-]{2,}")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "would", "could", "also", "year", "years", "time",
                                    "people", "new", "like", "just", "news", "reuters", "cnn", "guardian"}


def _bags(documents: dict[str, Document], cast: dict[str, Counter]) -> dict[str, Counter]:
    """Each report's terms: its words and (as '@id') the actors it names."""
    stop = _stop_words()
    bags = {}
    for doc_id, doc in documents.items():
        words = Counter(w.strip("'-") for w in _WORD.findall(doc.body.lower()))
        bag = Counter({w: n for w, n in words.items() if w not in stop and len(w) > 2})
        for a, n in cast.get(doc_id, Counter()).items():
            bag["@" + a] += n
        bags[doc_id] = bag
    return bags


def _vectors(bags: dict[str, Counter], order: list[str]) -> np.ndarray:
    """L2-normalised TF-IDF vectors of the reports' strongest terms, hashed into STORY_DIMENSIONS."""
    df = Counter(t for bag in bags.values() for t in bag)
    n = max(len(bags), 1)
    dims = settings.STORY_DIMENSIONS
    out = np.zeros((len(order), dims), dtype=np.float32)
    for i, doc_id in enumerate(order):
        weights = {}
        for t, c in bags[doc_id].items():
            if df[t] < 2:
                continue  # a word of one report links it to nothing (a word of every report weighs little)
            w = (1.0 + math.log(c)) * math.log(n / df[t] + 1.0)
            weights[t] = w * (settings.STORY_ACTOR_WEIGHT if t.startswith("@") else 1.0)
        for t, w in sorted(weights.items(), key=lambda kv: -kv[1])[:settings.STORY_TERMS]:
            out[i, zlib.crc32(t.encode()) % dims] += w
        norm = float(np.linalg.norm(out[i]))
        if norm:
            out[i] /= norm
    return out


def _graph(vectors: np.ndarray):
    """Each report linked to its STORY_NEIGHBOURS nearest reports (cosine STORY_MIN_SIMILARITY or more),
    the similarity as the link's weight."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(len(vectors)))
    k = settings.STORY_NEIGHBOURS
    for lo in range(0, len(vectors), 512):  # one block of rows at a time: memory stays flat
        sims = vectors[lo:lo + 512] @ vectors.T
        for r in range(sims.shape[0]):
            sims[r, lo + r] = -1.0
        top = np.argsort(-sims, axis=1)[:, :k]
        for r in range(sims.shape[0]):
            for j in top[r]:
                if sims[r, j] >= settings.STORY_MIN_SIMILARITY:
                    graph.add_edge(lo + r, int(j), weight=float(sims[r, j]))
    return graph


def group_reports(documents: dict[str, Document], mentions: list[EventMention],
                  actors: dict[str, Actor], actor_mentions: dict[str, list[Mention]] | None = None) -> list[list[str]]:
    """The reports grouped into stories (each group sorted, groups sorted): communities of the graph of
    nearest reports (Louvain, seeded: the same corpus always gives the same stories)."""
    import networkx as nx

    expand = expander(actors)
    cast: dict[str, Counter] = defaultdict(Counter)
    for doc_id, ms in (actor_mentions or {}).items():
        for m in ms:
            cast[doc_id].update(expand([m.actor]))
    for m in mentions:  # the actors of events count too (a report analysed without actor mentions kept)
        cast[m.doc].update(expand(m.source) | expand(m.target))
    docs = dict(documents)
    for m in mentions:
        docs.setdefault(m.doc, Document(id=m.doc, body=""))
    order = sorted(docs)
    if len(order) < 2:
        return [order] if order else []
    graph = _graph(_vectors(_bags(docs, cast), order))
    communities = nx.community.louvain_communities(graph, weight="weight", resolution=settings.STORY_RESOLUTION,
                                                   seed=0)
    return sorted(sorted(order[i] for i in c) for c in communities)


def _span(docs: list[Document]) -> str:
    """The months a story's reports were published in: 'Jan 2011', 'Jan-Feb 2011', 'Jan 2005-Dec 2005'."""
    days = sorted(d.published for d in docs if d.published)
    if not days:
        return ""
    (y1, m1), (y2, m2) = (days[0][:4], int(days[0][5:7])), (days[-1][:4], int(days[-1][5:7]))
    if (y1, m1) == (y2, m2):
        return f"{_MONTHS[m1 - 1]} {y1}"
    if y1 == y2:
        return f"{_MONTHS[m1 - 1]}-{_MONTHS[m2 - 1]} {y1}"
    return f"{_MONTHS[m1 - 1]} {y1}-{_MONTHS[m2 - 1]} {y2}"


def _names(groups: list[list[str]], cast: dict[str, Counter], actors: dict[str, Actor]) -> list[list[str]]:
    """Per story, the actors that set it apart: named in many of its reports and few of the others'."""
    total = Counter(a for doc_id in cast for a in cast[doc_id])
    n_all = max(len(cast), 1)
    out = []
    for members in groups:
        mine = Counter(a for d in members for a in cast.get(d, ()))
        n = len(members)
        rest = max(n_all - n, 1)
        score = {a: (c / n) * (c / n) / ((total[a] - c) / rest + c / n) for a, c in mine.items() if c >= max(2, n // 10)
                 or n < 4}
        top = sorted(score, key=lambda a: (-score[a], -mine[a], a))[:3]
        out.append([actors[a].name if a in actors else a for a in top])
    return out


def build_stories(events: list[Event], mentions: list[EventMention], actors: dict[str, Actor],
                  documents: dict[str, Document], groups: list[list[str]] | None = None,
                  actor_mentions: dict[str, list[Mention]] | None = None) -> list[Story]:
    """Stories over the reports (``groups`` when already found); sets Document.story and Event.story in
    place: an event belongs to the story most of its reports belong to."""
    if groups is None:
        groups = group_reports(documents, mentions, actors, actor_mentions)
    expand = expander(actors)
    cast: dict[str, set[str]] = defaultdict(set)
    for doc_id, ms in (actor_mentions or {}).items():
        for m in ms:
            cast[doc_id] |= expand([m.actor])
    for m in mentions:
        cast[m.doc] |= expand(m.source) | expand(m.target)
    names = _names(groups, {d: Counter(a) for d, a in cast.items()}, actors)
    story_of: dict[str, str] = {}
    stories = []
    for members, top in zip(groups, names):
        sid = "s" + hashlib.sha1("|".join(members).encode()).hexdigest()[:8]
        docs = [documents[d] for d in members if d in documents]
        when = _span(docs)
        if top:
            label = " / ".join(top) + (f" ({when})" if when else "")
        else:
            first = docs[0] if docs else None
            label = (first.title or first.id) if first else members[0]
        stories.append(Story(id=sid, label=label, docs=members, events=[]))
        for d in members:
            story_of[d] = sid
            if d in documents:
                documents[d].story = sid
    by_id = {s.id: s for s in stories}
    for ev in events:
        votes = Counter(story_of[e.doc] for e in ev.evidence if e.doc in story_of)
        if votes:
            ev.story = min(votes, key=lambda s: (-votes[s], s))
            by_id[ev.story].events.append(ev.id)
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
