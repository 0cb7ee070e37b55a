"""What the pages and the API read: the store opened read-only, and the views they show.

Everything here is a plain dict ready for JSON or a template, so the HTML pages and the
JSON API always agree.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..export.rows import actor_index, actor_name, date_text, headline
from ..model import Event
from ..store.duck import Store
from . import snapshot


#: memory one store connection of the web page may use (the SQL box is untrusted): a query that
#: needs more fails with an out-of-memory error instead of growing the server
MEMORY_LIMIT = "256MB"


def open_store(path: str) -> Store:
    """The store read-only, with file access from SQL turned off and memory capped (the SQL box is
    untrusted); while a run holds the file for writing, a copy of it (see ``snapshot``)."""
    if not Path(path).exists():
        raise StoreError(f"no store at {path}; run the pipeline first or pass --db")
    try:
        return _locked_down(Store(path, read_only=True))
    except StoreError as exc:
        if not snapshot.locked(exc):
            raise
    try:
        return snapshot.snapshot(path, lambda copy: _locked_down(Store(copy, read_only=True)))
    except (StoreError, OSError, duckdb.Error) as exc:
        raise StoreError(f"the store is being written and no readable copy could be taken yet ({exc}); "
                         f"try again in a moment") from exc


def _locked_down(store: Store) -> Store:
    try:
        for setting in (f"memory_limit = '{MEMORY_LIMIT}'",
                        "temp_directory = ''",  # no spilling to disk: over the limit is an error
                        "enable_external_access = false", "lock_configuration = true"):
            store.con.execute(f"SET {setting}").fetchall()
    except duckdb.Error:  # another request of this process locked it already
        if store.con.execute("SELECT current_setting('enable_external_access')").fetchone()[0]:
            store.close()
            raise StoreError("cannot turn off file access for SQL on this store")
    return store


def event_dict(ev: Event, actors: dict) -> dict[str, Any]:
    """An event as JSON, with actor names and a headline added to the stored fields."""
    d = ev.to_dict()
    d["date_text"] = date_text(ev.date)
    d["label"] = headline(ev, actors)
    d["source_names"] = [actor_name(actors, a) for a in ev.source]
    d["target_names"] = [actor_name(actors, a) for a in ev.target]
    d["docs"] = list(dict.fromkeys(e.doc for e in ev.evidence))
    return d


def events(store: Store, actor: str | None = None, type: str | None = None, status: str | None = None,
           start: str | None = None, end: str | None = None, min_reports: int = 1,
           timeline_only: bool = False, story: str | None = None) -> list[dict[str, Any]]:
    """Events, filtered as the timeline filters them (dates compare as ISO text); ``story``: its events only."""
    actors = actor_index(store)
    out = []
    for ev in store.events(timeline_only=timeline_only):
        if story and ev.story != story:
            continue
        if actor and actor not in ev.source and actor not in ev.target:
            continue
        if (type and ev.type != type) or (status and ev.status != status) or ev.n_reports < min_reports:
            continue
        if start and (ev.date_end or ev.date_start or "") < start:
            continue
        if end and (not ev.date_start or ev.date_start > end):
            continue
        out.append(event_dict(ev, actors))
    return out


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with its evidence grouped by report, or None."""
    ev = next(iter(store.events(event_id=event_id)), None)
    if ev is None:
        return None
    d = event_dict(ev, actor_index(store))
    reports = []
    for doc_id in d["docs"]:
        doc = store.document(doc_id)
        spans = [e.to_dict() for e in ev.evidence if e.doc == doc_id]
        reports.append({"id": doc_id, "title": doc.title if doc else None,
                        "published": doc.published if doc else None, "url": doc.url if doc else None,
                        "body": doc.body if doc else "", "evidence": spans})
    d["reports"] = reports
    return d


def documents(store: Store) -> list[dict[str, Any]]:
    """Every report without its text, with how many actors and events it yields."""
    n_mentions = Counter(m.doc for m in store.mentions())
    n_events = Counter(e.doc for ev in store.events() for e in {x.doc: x for x in ev.evidence}.values())
    return [{"id": d.id, "title": d.title, "published": d.published, "published_source": d.published_source,
             "url": d.url, "story": d.story, "chars": len(d.body),
             "n_mentions": n_mentions[d.id], "n_events": n_events[d.id]} for d in store.documents()]


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One report with its mentions, timexes and the evidence spans of events drawn from it."""
    doc = store.document(doc_id)
    if doc is None:
        return None
    actors = actor_index(store)
    mentions = [{**m.to_dict(), "name": actor_name(actors, m.actor)} for m in store.mentions(doc_id)]
    evidence = [{**e.to_dict(), "event": ev.id, "type": ev.type, "label": headline(ev, actors)}
                for ev in store.events() for e in ev.evidence if e.doc == doc_id]
    events = {}
    for e in evidence:
        events.setdefault(e["event"], {"id": e["event"], "type": e["type"], "label": e["label"], "spans": 0})
        events[e["event"]]["spans"] += 1
    return {**doc.to_dict(), "mentions": mentions, "timexes": [t.to_dict() for t in store.timexes(doc_id)],
            "evidence": evidence, "events": list(events.values()),
            "actors": sorted({m["actor"]: m["name"] for m in mentions}.items(), key=lambda kv: kv[1])}


def actors(store: Store) -> list[dict[str, Any]]:
    """Every actor with its number of events and mentions."""
    n_events = Counter(a for ev in store.events() for a in dict.fromkeys([*ev.source, *ev.target]))
    n_mentions = Counter(m.actor for m in store.mentions())
    return [{**a.to_dict(), "n_events": n_events[a.id], "n_mentions": n_mentions[a.id]}
            for a in store.actors()]


def actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    """One actor, its events and its counterparts (the actors on the other side), most frequent first."""
    index = actor_index(store)
    if actor_id not in index:
        return None
    evs, counterparts = [], Counter()
    for ev in store.events():
        if actor_id in ev.source or actor_id in ev.target:
            evs.append(event_dict(ev, index))
            other = ev.target if actor_id in ev.source else ev.source
            counterparts.update(a for a in dict.fromkeys(other) if a != actor_id)
    return {**index[actor_id].to_dict(), "events": evs,
            "counterparts": [{"id": a, "name": actor_name(index, a), "n_events": n}
                             for a, n in counterparts.most_common()]}


def stories(store: Store) -> list[dict[str, Any]]:
    """Every story with its name and size, largest first."""
    return [{"id": s.id, "label": s.label, "n_docs": len(s.docs), "n_events": len(s.events)}
            for s in sorted(store.stories(), key=lambda s: (-len(s.docs), s.id))]


def story(store: Store, key: str | None):
    """The story a request names (id, name or part of it); None for all reports; LookupError if unknown."""
    from ..fuse.stories import find_story

    return find_story(store.stories(), key) if key else None


def key_days(store: Store, story_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """The key days of the corpus or of one story, with their events and their evidence in context."""
    from ..export import Selection
    from ..export.html_page import key_days as days_in_context

    from .. import settings

    limit = limit or settings.KEY_DAYS_LISTED
    actors = actor_index(store)
    selection = Selection(store, all_events=True, story=story_id)
    wanted = store.key_days(story=story_id, limit=limit)
    ids = {e for k in wanted for e in k.events}
    events = {ev.id: {"id": ev.id, "type": ev.type, "label": headline(ev, actors), "status": ev.status,
                      "n_reports": ev.n_reports, "timeline": ev.timeline} for ev in store.events() if ev.id in ids}
    docs = {d.id: {"title": d.title, "published": d.published, "url": d.url, "body": d.body}
            for d in store.documents_by_ids(sorted({e.doc for k in wanted for e in k.evidence}))}
    return days_in_context(selection, docs, events, limit=limit)
