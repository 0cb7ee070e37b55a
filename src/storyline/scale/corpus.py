"""The corpus pass on Ray: what is independent per story runs on the workers, the rest on the driver.

The corpus pass (``pipeline.finalize``) is not sharded by story as a whole, because its steps before the
stories are global by nature:

* the publication dates a report lacks are inferred from the other reports (``time.infer_published``);
* the stories themselves are the communities of one graph over every report (``fuse.group_reports``);
* fusion runs before an event has a story, and one event may gather reports of two stories (its story is
  the one most of its reports are in), so fusing story by story would split such events;
* the parties of an agreement's later life ("the deal was extended") come from the AGREE events of any
  story (``fuse.fill_parties``), before a second fusion.

Once the events have their stories, each story's key days depend only on its own reports, time values,
events and actor mentions: they are ranked on the Ray workers (the analysis's, already warm), a few
stories to a worker, while the driver ranks the whole corpus's key days. The result is the list
``fuse.story_key_days`` returns, in its order.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..model import Document, Event, EventMention, KeyDay, Mention, Story, TimeExpr


def story_days(shards: list[tuple]) -> list[list[KeyDay]]:
    """One task's stories: each story's key days, as ``story_key_days`` ranks them."""
    from ..fuse.salience import key_days

    return [key_days(docs, timexes, events, mentions, actors, story=sid)
            for sid, docs, timexes, events, mentions, actors in shards]


def _shards(stories: list[Story], n: int) -> list[list[int]]:
    """Story indexes in ``n`` groups of about the same number of reports (largest first, to the lightest)."""
    groups: list[list[int]] = [[] for _ in range(max(n, 1))]
    weight = [0] * len(groups)
    for i in sorted(range(len(stories)), key=lambda i: (-len(stories[i].docs), i)):
        g = min(range(len(groups)), key=lambda g: (weight[g], g))
        groups[g].append(i)
        weight[g] += len(stories[i].docs)
    return [g for g in groups if g]


def sharded_story_key_days(ray, submit: Callable[[int, list[tuple]], object], tasks: int):
    """A drop-in for ``fuse.story_key_days`` that ranks the stories' key days on Ray in ``tasks`` shards:
    ``submit(k, shard)`` sends shard k to a worker (``story_days`` there) and returns its object ref."""

    def story_key_days(documents: dict[str, Document], timexes: list[TimeExpr], events: list[Event],
                       stories: list[Story], mentions: list[EventMention] | None = None,
                       actors: dict[str, list[Mention]] | None = None) -> list[KeyDay]:
        from ..fuse.salience import _Report, key_days

        by_id = {m.id: m for m in mentions or []}
        refs = []
        if len(stories) > 1:  # as story_key_days: one story's days are the corpus's, not ranked twice
            by_doc: dict[str, list[TimeExpr]] = defaultdict(list)
            for t in timexes:
                by_doc[t.doc].append(t)
            for group in _shards(stories, tasks):
                shard = []
                for i in group:
                    st = stories[i]
                    docs = {d: documents[d] for d in st.docs if d in documents}
                    mine = set(st.events)
                    evs = [e for e in events if e.id in mine]
                    shard.append((st.id, docs, [t for d in docs for t in by_doc.get(d, ())], evs,
                                  {m: by_id[m] for e in evs for m in e.mentions if m in by_id},
                                  {d: (actors or {}).get(d, []) for d in docs}))
                refs.append((group, submit(len(refs), shard)))
        made = {d.id: _Report(d, (actors or {}).get(d.id)) for d in documents.values()}
        out = key_days(documents, timexes, events, by_id, actors, _made=made)  # the whole corpus, here meanwhile
        per_story: dict[int, list[KeyDay]] = {}
        for group, ref in refs:
            per_story.update(zip(group, ray.get(ref)))
        for i in range(len(stories) if refs else 0):
            out += per_story[i]
        return out

    return story_key_days
