"""The HTML pages: timeline, event, report, actor and SQL views, rendered server-side."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import HTMLResponse

from ..export import FORMATS
from ..export.html_page import payload, safe_json
from ..store.duck import Store
from . import data
from .app import get_store
from .highlight import Span, highlight
from .sql import SQLRejected, run
from .templating import environment

router = APIRouter(include_in_schema=False)

_EXAMPLE_SQL = ("SELECT type, count(*) AS events, sum(n_reports) AS reports\n"
                "FROM events GROUP BY type ORDER BY events DESC")


def _page(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(environment().get_template(name).render(formats=list(FORMATS), **context))


def _need(item: Any, what: str, key: str) -> Any:
    if item is None:
        raise HTTPException(status_code=404, detail=f"There is no {what} with id \u201c{key}\u201d in this store.")
    return item


def _story(store: Store, key: str | None):
    try:
        return data.story(store, key)
    except LookupError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc


@router.get("/", response_class=HTMLResponse)
def timeline(story: str | None = None, store: Store = Depends(get_store)) -> HTMLResponse:
    """The zoomable timeline; its data is embedded so the page needs one request. ``story``: one story only."""
    from ..export import Selection

    chosen = _story(store, story)
    view = Selection(store, all_events=True, story=chosen.id) if chosen else store
    return _page("timeline.html", data_json=safe_json({**payload(view), "mode": "web",
                                                       "story": chosen.id if chosen else None}))


@router.get("/days", response_class=HTMLResponse)
def days(story: str | None = None, store: Store = Depends(get_store)) -> HTMLResponse:
    """The key days, most important first; each opens its events and its evidence, highlighted."""
    from .. import settings

    chosen = _story(store, story)
    listed = data.key_days(store, chosen.id if chosen else None)
    return _page("days.html", story=chosen, stories=[s for s in data.stories(store) if s["n_events"]],
                 data_json=safe_json({"mode": "web", "key_days": listed,
                                      "key_days_shown": settings.KEY_DAYS_SHOWN}))


@router.get("/events/{event_id:path}", response_class=HTMLResponse)
def event(event_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
    """One event, with every evidence span highlighted in the report it comes from."""
    ev = _need(data.event(store, event_id), "event", event_id)
    for report in ev["reports"]:
        spans = [Span(e["start"], e["end"], "evidence", mark=True) for e in report["evidence"]]
        report["html"] = highlight(report["body"], spans)
    return _page("event.html", ev=ev)


@router.get("/documents", response_class=HTMLResponse)
def documents(store: Store = Depends(get_store)) -> HTMLResponse:
    return _page("documents.html", docs=data.documents(store))


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document(doc_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
    """One cleaned report with its actors, dates and event evidence marked."""
    doc = _need(data.document(store, doc_id), "report", doc_id)
    spans = [Span(e["start"], e["end"], "evidence", f"{e['type']}: {e['label']}", {"event": e["event"]}, mark=True)
             for e in doc["evidence"]]
    spans += [Span(m["start"], m["end"], "mention", f"actor: {m['name']}", {"actor": m["actor"]})
              for m in doc["mentions"]]
    spans += [Span(t["start"], t["end"], "timex", f"{t['type']} {t['value'] or '?'}") for t in doc["timexes"]]
    return _page("document.html", doc=doc, html=highlight(doc["body"], spans))


@router.get("/actors", response_class=HTMLResponse)
def actors(store: Store = Depends(get_store)) -> HTMLResponse:
    return _page("actors.html", actors=data.actors(store))


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor(actor_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
    return _page("actor.html", actor=_need(data.actor(store, actor_id), "actor", actor_id))


@router.get("/sql", response_class=HTMLResponse)
def sql(q: str = "", store: Store = Depends(get_store)) -> HTMLResponse:
    """The SQL box; a rejected query is shown with its reason (status 400)."""
    if not q.strip():
        return _page("sql.html", q=_EXAMPLE_SQL, result=None, error=None)
    try:
        return _page("sql.html", q=q, result=run(store, q), error=None)
    except SQLRejected as exc:
        response = _page("sql.html", q=q, result=None, error=str(exc))
        response.status_code = 400
        return response
