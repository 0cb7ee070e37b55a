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


def _bag(doc: Document, cast: Counter, stop: frozenset[str]) -> Counter:
    """One report's terms: its words and (as '@id') the actors it names."""
    words = Counter(w.strip("'-") for w in _WORD.findall(doc.body.lower()))
    bag = Counter({w: n for w, n in words.items() if w not in stop and len(w) > 2})
    for a, n in cast.items():
        bag["@" + a] += n
    return bag


class Vectors:
    """The reports' vectors, sparse (compressed rows): at most STORY_TERMS weights a report."""

    def __init__(self, rows: list[tuple[np.ndarray, np.ndarray]]) -> None:
        self.n = len(rows)
        self.ptr = np.cumsum([0] + [len(i) for i, _ in rows])
        self.idx = np.concatenate([i for i, _ in rows]) if rows else np.zeros(0, np.int64)
        self.val = np.concatenate([v for _, v in rows]) if rows else np.zeros(0, np.float32)
        self.row = np.repeat(np.arange(self.n), np.diff(self.ptr))

    def dense(self, lo: int, hi: int) -> np.ndarray:
        """Rows lo..hi as a dense block."""
        dims = settings.STORY_DIMENSIONS
        block = np.zeros((hi - lo, dims), dtype=np.float32)
        a, b = self.ptr[lo], self.ptr[hi]
        block.reshape(-1)[(self.row[a:b] - lo) * dims + self.idx[a:b]] = self.val[a:b]
        return block


def _vectors(documents: dict[str, Document], cast: dict[str, Counter], order: list[str]) -> Vectors:
    """L2-normalised TF-IDF vectors of the reports' strongest terms, hashed into STORY_DIMENSIONS and kept
    sparse (a dense reports-by-dimensions matrix is 16 KB a report)."""
    stop = _stop_words()
    bags = {doc_id: _bag(documents[doc_id], cast.get(doc_id, Counter()), stop) for doc_id in order}
    df = Counter(t for bag in bags.values() for t in bag)
    n = max(len(order), 1)
    dims = settings.STORY_DIMENSIONS
    rows = []
    row = np.zeros(dims, dtype=np.float32)
    for doc_id in order:
        weights = {}
        for t, c in bags.pop(doc_id).items():
            if df[t] < 2:
                continue  # a word of one report links it to nothing (a word of every report weighs little)
            w = (1.0 + math.log(c)) * math.log(n / df[t] + 1.0)
            weights[t] = w * (settings.STORY_ACTOR_WEIGHT if t.startswith("@") else 1.0)
        row[:] = 0.0
        for t, w in sorted(weights.items(), key=lambda kv: -kv[1])[:settings.STORY_TERMS]:
            row[zlib.crc32(t.encode()) % dims] += w
        norm = float(np.linalg.norm(row))
        if norm:
            row /= norm
        idx = np.flatnonzero(row)
        rows.append((idx, row[idx].copy()))
    return Vectors(rows)


#: reports a block of the similarity computation holds as dense rows, and as dense columns: the memory
#: of the stories step stays about (rows + columns) x STORY_DIMENSIONS x 4 bytes however large the feed
_ROWS, _COLUMNS = 256, 2048


def _graph(vectors: Vectors):
    """Each report linked to its STORY_NEIGHBOURS nearest reports (cosine STORY_MIN_SIMILARITY or more),
    the similarity as the link's weight; a block of rows against a block of columns at a time."""
    import networkx as nx

    graph = nx.Graph()
    n = vectors.n
    graph.add_nodes_from(range(n))
    k = settings.STORY_NEIGHBOURS
    columns = [(c, min(c + _COLUMNS, n)) for c in range(0, n, _COLUMNS)]
    only = vectors.dense(0, n) if len(columns) == 1 else None  # a small feed: one dense block, made once
    for lo in range(0, n, _ROWS):
        hi = min(lo + _ROWS, n)
        rows = only[lo:hi] if only is not None else vectors.dense(lo, hi)
        sims = np.empty((hi - lo, n), dtype=np.float32)
        for c_lo, c_hi in columns:
            sims[:, c_lo:c_hi] = rows @ (only if only is not None else vectors.dense(c_lo, c_hi)).T
        for r in range(hi - lo):
            sims[r, lo + r] = -1.0
        top = np.argsort(-sims, axis=1)[:, :k]
        near = np.take_along_axis(sims, top, axis=1)
        keep = near >= settings.STORY_MIN_SIMILARITY
        graph.add_weighted_edges_from(zip((np.nonzero(keep)[0] + lo).tolist(), top[keep].tolist(),
                                          near[keep].astype(float).tolist()))
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
    graph = _graph(_vectors(docs, cast, order))
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
