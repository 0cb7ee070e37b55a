"""The JSON export: the shape of EXPORT.md, validated against ``export.schema.json``."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ExportError


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of the export, kept in the package beside this module."""
    return json.loads(resources.files("storyline.export").joinpath("export.schema.json").read_text())


#: event date values EXPORT.md names (day, month, year, ISO week); any other TIMEX3 value (a weekend
#: "2012-W21-WE", a season, a decade) leaves as its day range, which every reader of the export understands
EXPORT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def schema_date(value: str | dict | None, start: str | None = None, end: str | None = None) -> str | dict | None:
    """An event date in a shape the export schema accepts: the value itself, else {start, end}, else None."""
    from ..time.dates import VALUE_YEARS, day_in_range, value_range

    if isinstance(value, dict):
        start, end, value = value.get("start"), value.get("end"), None
    if isinstance(value, str) and EXPORT_DATE.match(value):
        rng = value_range(value)
        if rng and day_in_range(rng[0], VALUE_YEARS) and day_in_range(rng[1], VALUE_YEARS):
            return value
        return None
    if isinstance(value, str) and not (start and end):
        rng = value_range(value)
        start, end = (rng[0].isoformat(), rng[1].isoformat()) if rng else (None, None)
    lo, hi = day_in_range(start, VALUE_YEARS), day_in_range(end, VALUE_YEARS)
    if lo and hi and lo <= hi:
        return lo.isoformat() if lo == hi else {"start": lo.isoformat(), "end": hi.isoformat()}
    return None


def build(store) -> dict[str, Any]:
    """Everything the store holds, as one JSON-ready object."""
    docs = []
    for d in store.documents():
        rec = d.to_dict()
        docs.append(rec)
    events = []
    for ev in store.events():
        rec = ev.to_dict()
        rec["date"] = schema_date(ev.date, ev.date_start, ev.date_end)
        events.append(rec)
    return {
        "storyline_version": _version(),
        "documents": docs,
        "actors": [a.to_dict() for a in store.actors()],
        "mentions": [m.to_dict() for m in store.mentions()],
        "timexes": [t.to_dict() for t in store.timexes()],
        "events": events,
        "stories": [s.to_dict() for s in store.stories()],
        "timeline": timeline(store, {e["id"] for e in events}),
    }


def timeline(store, exported: set[str]) -> list[dict[str, Any]]:
    """The key days, most important first, each naming only events the export carries."""
    return [{"date": k.date, "score": k.score, "events": [e for e in k.events if e in exported],
             "summary": k.summary, "story": k.story, "rank": k.rank, "n_reports": k.n_reports,
             "n_references": k.n_references, "evidence": [e.to_dict() for e in k.evidence]}
            for k in store.key_days()]


@lru_cache(maxsize=1)
def _compiled():
    from .check import compile_schema

    return compile_schema(schema())


def validate(data: dict[str, Any]) -> None:
    """Raise ExportError naming the first field that breaks the schema; the compiled check clears a valid
    export fast, jsonschema names what is wrong with an invalid one."""
    import jsonschema

    check = _compiled()
    if check is not None and check(data):
        return
    try:
        jsonschema.validate(data, schema())
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path)
        raise ExportError(f"export does not match its schema at {where or 'top'}: {exc.message}") from exc


def write(store, out: Path) -> Path:
    """The export written record by record as it is read from the store, each record checked against its
    part of the schema: memory holds one record, not the corpus (the file is the same as one json.dumps)."""
    checks = _section_checks()
    if checks is None:  # a schema the compiled checks cannot follow: build it whole, as before
        data = build(store)
        validate(data)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return out
    from ..model import Mention, TimeExpr

    exported: set[str] = set()

    def events():
        for ev in store.events():
            rec = ev.to_dict()
            rec["date"] = schema_date(ev.date, ev.date_start, ev.date_end)
            exported.add(rec["id"])
            yield rec

    sections = {
        "documents": lambda: (d.to_dict() for d in store.documents()),
        "actors": lambda: (a.to_dict() for a in store.actors()),
        "mentions": lambda: (m.to_dict() for m in store.iter_rows("mentions", Mention)),
        "timexes": lambda: (t.to_dict() for t in store.iter_rows("timexes", TimeExpr)),
        "events": events,
        "stories": lambda: (s.to_dict() for s in store.stories()),
        "timeline": lambda: timeline(store, exported),
    }
    encode = json.JSONEncoder(ensure_ascii=False, indent=1).encode  # json.dumps(rec, ensure_ascii=False, indent=1)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("{\n \"storyline_version\": " + json.dumps(_version(), ensure_ascii=False))
        for name, records in sections.items():
            fh.write(f",\n {json.dumps(name)}: ")
            n = 0
            for n, rec in enumerate(records(), 1):
                if not checks[name](rec):
                    _fail(name, n - 1, rec)
                fh.write(("[\n  " if n == 1 else ",\n  ") + encode(rec).replace("\n", "\n  "))
            fh.write("\n ]" if n else "[]")
        fh.write("\n}")
    return out


@lru_cache(maxsize=1)
def _section_checks() -> dict[str, Any] | None:
    """A compiled check of one record of each list of the export, or None when the schema asks more of the
    whole (a list's length, a field beyond the lists) than records checked one by one can tell."""
    from .check import compile_schema

    full = schema()
    props = full.get("properties", {})
    if set(full) - {"$schema", "$id", "title", "description", "type", "required", "$defs", "properties"} \
            or full.get("type") != "object" or set(props) - {"storyline_version", *_SECTIONS} \
            or not set(full.get("required", [])) <= set(props):
        return None
    checks = {}
    for name in _SECTIONS:
        part = props.get(name, {})
        if set(part) - {"type", "items", "description"} or part.get("type") != "array" or "items" not in part:
            return None
        checks[name] = compile_schema({**part["items"], "$defs": full.get("$defs", {})})
        if checks[name] is None:
            return None
    return checks


_SECTIONS = ("documents", "actors", "mentions", "timexes", "events", "stories", "timeline")


def _fail(section: str, index: int, record: dict[str, Any]) -> None:
    """Raise ExportError naming the field of this record that breaks the schema, as ``validate`` does."""
    import jsonschema

    full = schema()
    part = {**full["properties"][section]["items"], "$defs": full.get("$defs", {})}
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(part).iter_errors(record))
    where = "/".join(str(p) for p in (section, index, *(error.absolute_path if error else ())))
    raise ExportError(f"export does not match its schema at {where}: {error.message if error else 'invalid'}")


def _version() -> str:
    from .. import __version__

    return __version__
