"""The actor network (GEXF for Gephi, GraphML for most other tools): who acts on whom, how often.

Nodes are actors; a directed edge source -> target carries ``weight`` (the number of fused
events) and the event types and ids. Both formats reject None, so missing values are "".
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx

from .rows import actor_index


def build(store) -> nx.DiGraph:
    """The actor graph of the store, weighted by events."""
    actors = actor_index(store)
    g = nx.DiGraph()
    for a in actors.values():
        g.add_node(a.id, label=a.name, name=a.name, kind=a.kind or "other", iso3=a.country or "",
                   wikidata=a.wikidata or "", n_events=0)
    types: dict[tuple[str, str], Counter] = {}
    ids: dict[tuple[str, str], list[str]] = {}
    for ev in store.events():
        for actor_id in dict.fromkeys([*ev.source, *ev.target]):
            if actor_id not in g:  # an id an event carries but the actor table lacks
                g.add_node(actor_id, label=actor_id, name=actor_id, kind="other", iso3="", wikidata="", n_events=0)
            g.nodes[actor_id]["n_events"] += 1
        for s in ev.source:
            for t in ev.target:
                if s != t:
                    types.setdefault((s, t), Counter())[ev.type] += 1
                    ids.setdefault((s, t), []).append(ev.id)
    for (s, t), counts in types.items():
        g.add_edge(s, t, weight=sum(counts.values()),
                   types="; ".join(sorted(counts)),
                   type_counts="; ".join(f"{k}:{v}" for k, v in sorted(counts.items())),
                   events="; ".join(ids[(s, t)]))
    return g


def _prepare(out: Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def write_gexf(store, out: Path) -> Path:
    """Write the actor graph as GEXF."""
    out = _prepare(out)
    nx.write_gexf(build(store), out)
    return out


def write_graphml(store, out: Path) -> Path:
    """Write the actor graph as GraphML."""
    out = _prepare(out)
    nx.write_graphml(build(store), out)
    return out
