"""Exports: the store leaves in the shapes people already use.

Each format is one module with ``write(store, out_path) -> Path``; this table maps a
``--format`` name to it so the CLI and the web page share one list.
"""
from __future__ import annotations

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
    """The store as an export sees it: only timeline events unless every event is asked for."""

    def __init__(self, store, all_events: bool = False) -> None:
        self._store, self._all = store, all_events

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def events(self, timeline_only: bool = True):
        return self._store.events(timeline_only=timeline_only and not self._all)


def export(store, fmt: str, out: str | Path, all_events: bool = False) -> Path:
    """Write the store in one format; conditional, denied or doubtful events only with ``all_events``."""
    return writer(fmt)(Selection(store, all_events), Path(out))
