"""One self-contained HTML file (timeline + evidence, no server, no network) to send to a colleague.

The page reuses the web page's template, script and styles; the vendored timeline library
and the data are inlined. The data goes in as JSON inside a ``<script type="application/json">``
with ``<``, ``>`` and ``&`` escaped, so report text cannot close the script element.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import EVENT_STATUSES, EVENT_TYPES
from .rows import actor_index, date_text, doc_index, headline, paragraph_context

_MAX_EVIDENCE = 20


def safe_json(data: Any) -> str:
    """JSON that is safe inside an HTML <script> element (no '<', '>', '&' or line separators)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _in_context(e, docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An evidence span with the rest of its paragraph and its report's title, date and URL."""
    doc = docs.get(e.doc, {})
    before, text, after = paragraph_context(doc.get("body") or e.text, e.start, e.end) \
        if doc.get("body") else ("", e.text, "")
    return {"doc": e.doc, "start": e.start, "end": e.end, "title": doc.get("title"),
            "published": doc.get("published"), "url": doc.get("url"), "before": before, "text": text, "after": after}


def key_days(store, docs: dict[str, dict[str, Any]], events: dict[str, dict[str, Any]],
             limit: int | None = None) -> list[dict[str, Any]]:
    """The key days with their events (as the timeline shows them) and their evidence in context."""
    from .. import settings

    out = []
    for k in store.key_days(limit=limit or settings.KEY_DAYS_LISTED):
        evs = [events[i] for i in k.events if i in events]
        out.append({"rank": k.rank, "date": k.date, "score": k.score, "summary": k.summary, "story": k.story,
                     "n_reports": k.n_reports, "n_references": k.n_references,
                     "events": [{"id": e["id"], "type": e["type"], "label": e["label"], "status": e["status"],
                                 "n_reports": e["n_reports"], "timeline": e["timeline"]} for e in evs],
                     "evidence": [_in_context(e, docs) for e in k.evidence]})
    return out


def payload(store, title: str = "Storyline timeline") -> dict[str, Any]:
    """Everything the timeline script needs: events with their evidence in context, actors, stories and
    the key days."""
    actors, docs = actor_index(store), doc_index(store)
    events = []
    for ev in store.events():
        evidence = [_in_context(e, docs) for e in ev.evidence[:_MAX_EVIDENCE]]
        events.append({
            "id": ev.id, "type": ev.type, "mode": ev.mode, "status": ev.status, "date": date_text(ev.date),
            "start": ev.date_start, "end": ev.date_end, "precision": ev.precision,
            "label": headline(ev, actors), "summary": ev.summary, "source": ev.source, "target": ev.target,
            "location": ev.location, "n_reports": ev.n_reports, "confidence": ev.confidence,
            "n_evidence": len(ev.evidence), "evidence": evidence, "timeline": ev.timeline, "story": ev.story,
        })
    used = {a for e in events for a in (*e["source"], *e["target"])}
    return {
        "title": title,
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "n_documents": len(docs),
        "actors": {a: {"name": actors[a].name if a in actors else a,
                       "kind": actors[a].kind if a in actors else "other",
                       "country": actors[a].country if a in actors else None} for a in sorted(used)},
        "types": [t for t in EVENT_TYPES if any(e["type"] == t for e in events)]
        + sorted({e["type"] for e in events} - set(EVENT_TYPES)),
        "statuses": [s for s in EVENT_STATUSES if any(e["status"] == s for e in events)],
        "events": events,
        "stories": [{"id": st.id, "label": st.label, "n_docs": len(st.docs)}
                    for st in sorted(store.stories(), key=lambda st: (-len(st.docs), st.id)) if st.events],
        "key_days": key_days(store, docs, {e["id"]: e for e in events}),
        "key_days_shown": _shown(),
    }


def _shown() -> int:
    from .. import settings

    return settings.KEY_DAYS_SHOWN


def _static(name: str) -> str:
    """A packaged static file, without its source-map comment (the map is not shipped)."""
    text = resources.files("storyline.web").joinpath("static", name).read_text(encoding="utf-8")
    return re.sub(r"(//|/\*)# sourceMappingURL=\S*( \*/)?", "", text)


def _inline(code: str, tag: str) -> str:
    """Code safe to inline in a <script> or <style> element: no closing tag inside it."""
    return re.sub(f"</({tag})", r"<\\/\1", code, flags=re.IGNORECASE)


def render(store, title: str = "Storyline timeline") -> str:
    """The HTML text of the self-contained page."""
    from ..web.templating import environment

    template = environment().get_template("export.html")
    vendor = "vendor/vis-timeline/vis-timeline-graph2d.min"
    return template.render(
        title=title,
        data_json=safe_json({**payload(store, title), "mode": "file"}),
        css=_inline(_static(f"{vendor}.css") + "\n" + _static("storyline.css"), "style"),
        js=_inline(_static(f"{vendor}.js") + "\n;\n" + _static("timeline.js") + "\n;\n" + _static("keydays.js"),
                   "script"),
    )


def write(store, out: Path) -> Path:
    """Write the self-contained HTML page."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(store), encoding="utf-8")
    return out
