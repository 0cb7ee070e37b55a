"""TimelineJS3 JSON: load the file in Knight Lab's TimelineJS to publish a slide timeline.

TimelineJS renders ``text.text`` as HTML, so every piece of report text is escaped here.
Undated events have no place on a TimelineJS time axis; they are left out and counted
on the title slide, so a reader knows the timeline is not the whole corpus.
"""
from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from .rows import actor_index, actor_name, doc_index, headline

_MAX_QUOTES = 5


def _date(iso: str | None, precision: str | None) -> dict[str, int] | None:
    """A TimelineJS date object, as precise as the event's date is."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
    except (ValueError, IndexError):
        return None
    if precision in ("year", "decade"):
        return {"year": year}
    if precision in ("month", "season"):
        return {"year": year, "month": month}
    return {"year": year, "month": month, "day": day}


def _text(ev, actors, docs) -> str:
    """The slide body: who did what, then the evidence quotes with their report."""
    src = ", ".join(actor_name(actors, a) for a in ev.source)
    tgt = ", ".join(actor_name(actors, a) for a in ev.target)
    facts = [f"<b>{escape(ev.type)}</b>" + (f" ({escape(ev.mode)})" if ev.mode else ""),
             escape(src) + (f" \u2192 {escape(tgt)}" if tgt else ""),
             f"status: {escape(ev.status)}", f"{ev.n_reports} report(s)"]
    if ev.location:
        facts.append(escape(ev.location))
    parts = [f"<p>{' · '.join(facts)}</p>"]
    for e in ev.evidence[:_MAX_QUOTES]:
        doc = docs.get(e.doc, {})
        title = escape(doc.get("title") or e.doc)
        if (doc.get("url") or "").lower().startswith(("http://", "https://")):  # never javascript:
            title = f'<a href="{escape(doc["url"], quote=True)}">{title}</a>'
        when = f", {escape(doc['published'])}" if doc.get("published") else ""
        parts.append(f"<blockquote>{escape(e.text)}<br><small>{title}{when}</small></blockquote>")
    return "".join(parts)


def build(store) -> dict[str, Any]:
    """The TimelineJS3 object: a title slide and one slide per dated event."""
    actors, docs = actor_index(store), doc_index(store)
    events, undated = [], 0
    for ev in store.events():
        start = _date(ev.date_start, ev.precision)
        if start is None:
            undated += 1
            continue
        slide: dict[str, Any] = {
            "unique_id": ev.id,
            "start_date": start,
            "text": {"headline": escape(headline(ev, actors)), "text": _text(ev, actors, docs)},
            "group": ev.type,
        }
        end = _date(ev.date_end, ev.precision)
        if end and ev.date_end != ev.date_start and ev.precision not in ("day", None):
            slide["end_date"] = end
        events.append(slide)
    note = f"{len(events)} dated events from {len(docs)} reports."
    if undated:
        note += f" {undated} undated event(s) are not shown."
    return {"title": {"text": {"headline": "Storyline timeline", "text": escape(note)}}, "events": events}


def write(store, out: Path) -> Path:
    """Write the TimelineJS3 JSON file."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(build(store), ensure_ascii=False, indent=1), encoding="utf-8")
    return out
