"""The JSON export: the shape of EXPORT.md, validated against ``export.schema.json``."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ExportError


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of the export, kept in the package beside this module."""
    return json.loads(resources.files("storyline.export").joinpath("export.schema.json").read_text())


def build(store) -> dict[str, Any]:
    """Everything the store holds, as one JSON-ready object."""
    docs = []
    for d in store.documents():
        rec = d.to_dict()
        docs.append(rec)
    events = []
    for ev in store.events():
        rec = ev.to_dict()
        events.append(rec)
    return {
        "storyline_version": _version(),
        "documents": docs,
        "actors": [a.to_dict() for a in store.actors()],
        "mentions": [m.to_dict() for m in store.mentions()],
        "timexes": [t.to_dict() for t in store.timexes()],
        "events": events,
        "stories": [s.to_dict() for s in store.stories()],
    }


def validate(data: dict[str, Any]) -> None:
    """Raise ExportError naming the first field that breaks the schema."""
    import jsonschema

    try:
        jsonschema.validate(data, schema())
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path)
        raise ExportError(f"export does not match its schema at {where or 'top'}: {exc.message}") from exc


def write(store, out: Path) -> Path:
    data = build(store)
    validate(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def _version() -> str:
    from .. import __version__

    return __version__
