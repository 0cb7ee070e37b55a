"""Exports: the store leaves in the shapes people already use.

Each format is one module with ``write(store, out_path) -> Path``; this table maps a
``--format`` name to it so the CLI and the web page share one list.
"""
from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path
from typing import Callable

from ..errors import ExportError

#: format name -> "module:function"; the function takes (store, out_path) and returns the path written
FORMATS: dict[str, str] = {
    "json": "storyline.export.json_export:write",
    "csv": "storyline.export.tables:write_csv",
    "parquet": "storyline.export.tables:write_parquet",
    "events": "storyline.export.tables:write_evidence",
    "timelinejs": "storyline.export.timelinejs:write",
    "gexf": "storyline.export.graph:write_gexf",
    "graphml": "storyline.export.graph:write_graphml",
    "html": "storyline.export.html_page:write",
}


def writer(fmt: str) -> Callable:
    """The writer of one format, or an error naming the formats there are."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    module, func = FORMATS[fmt].split(":")
    try:
        return getattr(import_module(module), func)
    except (ImportError, AttributeError) as exc:
        raise ExportError(f"the {fmt} export is not available: {exc}") from exc


class Selection:
    """The store as an export sees it: only timeline events unless every event is asked for, and only
    one story's reports, events and key days when a story is given."""

    def __init__(self, store, all_events: bool = False, story: str | None = None) -> None:
        self._store, self._all, self._story = store, all_events, story
        self._docs: set[str] | None = None
        if story is not None:
            found = [s for s in store.stories() if s.id == story]
            if not found:
                raise ExportError(f"no story {story!r} in this store (`storyline timeline --stories` lists them)")
            self._docs = set(found[0].docs)

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def events(self, timeline_only: bool = True, **kw):
        evs = self._store.events(timeline_only=timeline_only and not self._all, **kw)
        return evs if self._story is None else [e for e in evs if e.story == self._story]

    def documents(self, *args, **kw):
        docs = self._store.documents(*args, **kw)
        return docs if self._docs is None else (d for d in docs if d.id in self._docs)

    def mentions(self, *args, **kw):
        rows = self._store.mentions(*args, **kw)
        return rows if self._docs is None else [m for m in rows if m.doc in self._docs]

    def iter_rows(self, table: str, record: type, order: str = "doc, start"):
        rows = self._store.iter_rows(table, record, order)
        return rows if self._docs is None else (r for r in rows if r.doc in self._docs)

    def timexes(self, *args, **kw):
        rows = self._store.timexes(*args, **kw)
        return rows if self._docs is None else [t for t in rows if t.doc in self._docs]

    def stories(self):
        rows = self._store.stories()
        return rows if self._story is None else [s for s in rows if s.id == self._story]

    def key_days(self, story: str | None = None, limit: int | None = None):
        return self._store.key_days(story=self._story if story is None else story, limit=limit)


def export(store, fmt: str, out: str | Path, all_events: bool = False, story: str | None = None) -> Path:
    """Write the store in one format; conditional, denied or doubtful events only with ``all_events``;
    only one story (its id) with ``story``.

    The file is written beside its destination under a temporary name and moved into place when it
    is complete, so a failure (a full disk, a killed run) never leaves half a file where a good
    export was.
    """
    out = Path(out)
    write = writer(fmt)
    if out.is_dir():
        raise ExportError(f"cannot write the export to {out}: it is a folder; give a file name")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot write the export to {out}: "
                          f"{_blocking_file(out.parent) or exc.strerror or exc}") from exc
    tmp = out.with_name(f".{out.stem}.{os.getpid()}.partial{out.suffix}")
    try:
        written = write(Selection(store, all_events, story), tmp)
        os.replace(written, out)
    except OSError as exc:
        raise ExportError(f"cannot write the export to {out}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _blocking_file(folder: Path) -> str | None:
    """The file standing where a folder of the path should be, if any ('out.json/x.csv')."""
    for parent in (folder, *folder.parents):
        if parent.exists():
            return f"{parent} is a file, not a folder" if not parent.is_dir() else None
    return None
