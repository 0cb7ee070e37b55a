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
    """The store as an export sees it: only timeline events unless every event is asked for."""

    def __init__(self, store, all_events: bool = False) -> None:
        self._store, self._all = store, all_events

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def events(self, timeline_only: bool = True):
        return self._store.events(timeline_only=timeline_only and not self._all)


def export(store, fmt: str, out: str | Path, all_events: bool = False) -> Path:
    """Write the store in one format; conditional, denied or doubtful events only with ``all_events``.

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
        written = write(Selection(store, all_events), tmp)
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
