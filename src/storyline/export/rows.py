"""Flat rows of the store shared by the table, graph, timeline and HTML exports and the web page.

Every export reads the store through these few functions, so an event looks the same
(names, ISO3 codes, date label) in a CSV, a GEXF graph and the web timeline.
"""
from __future__ import annotations

from typing import Any

from ..model import Actor, Event

#: columns of the one-row-per-event table, in order (POLECAT / ACLED style)
EVENT_COLUMNS = [
    "id", "date", "date_start", "date_end", "precision", "type", "mode", "cameo", "status",
    "source_names", "source_ids", "source_iso3", "source_kinds",
    "target_names", "target_ids", "target_iso3", "target_kinds",
    "location", "lat", "lon", "summary", "n_reports", "confidence", "symmetric", "story",
    "evidence_text", "doc_ids",
]

#: list-valued columns of that table ("; "-joined in CSV)
LIST_COLUMNS = [c for c in EVENT_COLUMNS if c.split("_")[0] in ("source", "target") or c == "doc_ids"]

#: columns of the one-row-per-evidence-span table
EVIDENCE_COLUMNS = [
    "event", "doc", "start", "end", "text", "doc_title", "doc_published", "doc_url",
    "event_type", "event_date",
]


def date_text(date: str | dict | None) -> str | None:
    """An event date as one string: a TIMEX value, or 'start/end' for a range."""
    if isinstance(date, dict):
        return f"{date.get('start')}/{date.get('end')}"
    return date


def actor_index(store) -> dict[str, Actor]:
    """Actors by id, to turn the ids events carry into names, kinds and ISO3 codes."""
    return {a.id: a for a in store.actors()}


def doc_index(store) -> dict[str, dict[str, Any]]:
    """Title, date, URL and body of every report, by id."""
    return {d.id: {"title": d.title, "published": d.published, "url": d.url, "body": d.body}
            for d in store.documents()}


def actor_name(actors: dict[str, Actor], actor_id: str) -> str:
    """The display name of an actor id; the id itself when the actor is not stored."""
    actor = actors.get(actor_id)
    return actor.name if actor else actor_id


def _side(actors: dict[str, Actor], ids: list[str], prefix: str) -> dict[str, list]:
    found = [actors.get(i) for i in ids]
    return {
        f"{prefix}_names": [a.name if a else i for a, i in zip(found, ids)],
        f"{prefix}_ids": list(ids),
        f"{prefix}_iso3": [a.country if a else None for a in found],
        f"{prefix}_kinds": [a.kind if a else None for a in found],
    }


def event_row(ev: Event, actors: dict[str, Actor]) -> dict[str, Any]:
    """One event as a flat record: list columns stay lists (Parquet); CSV joins them."""
    row: dict[str, Any] = {
        "id": ev.id, "date": date_text(ev.date), "date_start": ev.date_start, "date_end": ev.date_end,
        "precision": ev.precision, "type": ev.type, "mode": ev.mode, "cameo": ev.cameo,
        "status": ev.status,
        **_side(actors, ev.source or [], "source"),
        **_side(actors, ev.target or [], "target"),
        "location": ev.location, "lat": ev.lat, "lon": ev.lon, "summary": ev.summary,
        "n_reports": ev.n_reports, "confidence": ev.confidence, "symmetric": bool(ev.symmetric),
        "story": ev.story,
        "evidence_text": ev.evidence[0].text if ev.evidence else None,
        "doc_ids": list(dict.fromkeys(e.doc for e in ev.evidence)),
    }
    return row


def event_rows(store) -> list[dict[str, Any]]:
    """Every fused event as a flat record, in date order."""
    actors = actor_index(store)
    return [event_row(ev, actors) for ev in store.events()]


def evidence_rows(store) -> list[dict[str, Any]]:
    """One record per evidence span, with the report it comes from."""
    docs = doc_index(store)
    rows = []
    for ev in store.events():
        for e in ev.evidence:
            doc = docs.get(e.doc, {})
            rows.append({
                "event": ev.id, "doc": e.doc, "start": e.start, "end": e.end, "text": e.text,
                "doc_title": doc.get("title"), "doc_published": doc.get("published"),
                "doc_url": doc.get("url"), "event_type": ev.type, "event_date": date_text(ev.date),
            })
    return rows


def headline(ev: Event, actors: dict[str, Actor]) -> str:
    """A short title for an event: its summary, else 'TYPE: sources -> targets'."""
    if ev.summary:
        return ev.summary
    src = ", ".join(actor_name(actors, a) for a in ev.source) or "?"
    tgt = ", ".join(actor_name(actors, a) for a in ev.target)
    return f"{ev.type}: {src}" + (f" \u2192 {tgt}" if tgt else "")


def paragraph_context(body: str, start: int, end: int) -> tuple[str, str, str]:
    """The text before, inside and after a span, within the paragraph (line) that holds it."""
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    if end < start:
        start, end = end, start
    p_start = body.rfind("\n", 0, start) + 1
    p_end = body.find("\n", end)
    p_end = len(body) if p_end < 0 else p_end
    return body[p_start:start], body[start:end], body[end:p_end]
