"""The JSON API: the same views as the pages, for scripts and notebooks."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query
from fastapi.responses import Response

from ..errors import ExportError
from ..export import FORMATS, export
from ..store.duck import Store
from . import data
from .app import get_store
from .sql import SQLRejected, run

router = APIRouter(prefix="/api", tags=["api"])

_SUFFIX = {"json": ".json", "csv": ".csv", "parquet": ".parquet", "events": ".csv", "timelinejs": ".json",
           "gexf": ".gexf", "graphml": ".graphml", "html": ".html"}


def _found(item: Any, what: str, key: str) -> Any:
    if item is None:
        raise HTTPException(status_code=404, detail=f"no {what} with id {key!r}")
    return item


@router.get("/events", summary="Fused events, filtered")
def events(actor: str | None = None, type: str | None = None, status: str | None = None,
           start: str | None = Query(None, description="ISO date: events ending on or after it"),
           end: str | None = Query(None, description="ISO date: events starting on or before it"),
           min_reports: int = 1, limit: int = Query(1000, ge=1, le=100000), offset: int = Query(0, ge=0),
           timeline: bool = Query(False, description="only events that pass the export filter (real source "
                                                     "and target, factual status, enough confidence)"),
           story: str | None = Query(None, description="only this story's events (its id or name)"),
           store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    chosen = _story(store, story)
    return data.events(store, actor, type, status, start, end, min_reports, timeline,
                       story=chosen.id if chosen else None)[offset:offset + limit]


@router.get("/key-days", summary="The key days, most important first, with their events and evidence")
def key_days(story: str | None = Query(None, description="a story's id or name (GET /api/stories lists them)"),
             limit: int = Query(60, ge=1, le=10000), store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    chosen = _story(store, story)
    return data.key_days(store, chosen.id if chosen else None, limit)


@router.get("/stories", summary="Stories: groups of reports about one unfolding story, largest first")
def stories(store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    return data.stories(store)


def _story(store: Store, key: str | None):
    try:
        return data.story(store, key)
    except LookupError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc


@router.get("/events/{event_id:path}", summary="One event with its evidence in each report")
def event(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    return _found(data.event(store, event_id), "event", event_id)


@router.get("/documents", summary="Reports (without their text)")
def documents(store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    return data.documents(store)


@router.get("/documents/{doc_id:path}", summary="One report with its mentions, timexes and evidence")
def document(doc_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    return _found(data.document(store, doc_id), "document", doc_id)


@router.get("/actors", summary="Actors with their numbers of events and mentions")
def actors(store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    return data.actors(store)


@router.get("/actors/{actor_id:path}", summary="One actor, its events and counterparts")
def actor(actor_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    return _found(data.actor(store, actor_id), "actor", actor_id)


def _sql(store: Store, q: str) -> dict[str, Any]:
    try:
        return run(store, q)
    except SQLRejected as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc


@router.get("/sql", summary="Run one read-only SELECT over the store")
def sql_get(q: str = Query(..., description="one SELECT or WITH statement"),
            store: Store = Depends(get_store)) -> dict[str, Any]:
    return _sql(store, q)


@router.post("/sql", summary="Run one read-only SELECT over the store (body: {\"q\": ...})")
def sql_post(q: str = Body(..., embed=True), store: Store = Depends(get_store)) -> dict[str, Any]:
    return _sql(store, q)


@router.get("/export/{fmt}", summary="Download the store in one export format")
def download(fmt: str, story: str | None = Query(None, description="only this story (its id or name)"),
             store: Store = Depends(get_store)) -> Response:
    if fmt not in FORMATS:
        raise HTTPException(status_code=404, detail=f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    chosen = _story(store, story)
    name = f"storyline{'-evidence' if fmt == 'events' else ''}{_SUFFIX.get(fmt, '.' + fmt)}"
    with tempfile.TemporaryDirectory() as tmp:
        try:
            path = export(store, fmt, Path(tmp) / name, story=chosen.id if chosen else None)
        except ExportError as exc:
            raise HTTPException(status_code=500, detail=str(exc)) from exc
        content = path.read_bytes()
    return Response(content, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
