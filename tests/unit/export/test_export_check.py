"""The compiled schema check gives jsonschema's verdict on a real export and on every broken copy of it."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from storyline.errors import ExportError
from storyline.export import export
from storyline.export.check import compile_schema
from storyline.export.json_export import schema, validate

WRONG = [None, -3, 2.5, "x", True, [], {}]


def _trimmed(value):
    """The export with one record a list: every field, small enough to break one way after another."""
    if isinstance(value, dict):
        return {k: _trimmed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_trimmed(v) for v in value[:1]]
    return value


def _paths(value, at=()):
    """Every place in the export: (path, value)."""
    yield at, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*at, k))
    elif isinstance(value, list):
        for k, v in enumerate(value):
            yield from _paths(v, (*at, k))


def _put(data, path, value):
    out = copy.deepcopy(data)
    if not path:
        return value
    node = out
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value
    return out


def test_the_compiled_check_agrees_with_jsonschema(store, tmp_path):
    data = _trimmed(json.loads(export(store, "json", tmp_path / "x.json").read_text()))
    check, full = compile_schema(schema()), jsonschema.Draft202012Validator(schema())
    assert check is not None and check(data)
    tried = broken = 0
    for path, _ in list(_paths(data)):
        for wrong in WRONG:
            bad = _put(data, path, wrong)
            valid = full.is_valid(bad)
            assert check(bad) == valid, (path, wrong)
            tried, broken = tried + 1, broken + (not valid)
        if path and isinstance(path[-1], str):  # a field taken away
            parent = copy.deepcopy(data)
            node = parent
            for k in path[:-1]:
                node = node[k]
            del node[path[-1]]
            assert check(parent) == full.is_valid(parent), ("missing", path)
    assert tried > 500 and broken > 300  # the copies did break the schema in many ways


def test_an_invalid_export_still_names_its_fault(store, tmp_path):
    data = json.loads(export(store, "json", tmp_path / "x.json").read_text())
    data["events"][0]["n_reports"] = "many"
    with pytest.raises(ExportError, match="events/0/n_reports"):
        validate(data)


def test_a_keyword_it_does_not_know_leaves_the_work_to_jsonschema():
    assert compile_schema({"type": "object", "patternProperties": {"^x": {"type": "string"}}}) is None
    assert compile_schema({"type": "array", "items": {"type": "integer", "minimum": 0}})([0, 1.0, 3])


def test_the_streamed_export_is_the_whole_export_in_one_piece(store, tmp_path):
    from storyline.export import Selection
    from storyline.export.json_export import build

    streamed = export(store, "json", tmp_path / "x.json").read_text(encoding="utf-8")
    assert streamed == json.dumps(build(Selection(store)), ensure_ascii=False, indent=1)


def test_a_bad_record_stops_the_streamed_export_and_is_named(store, tmp_path, monkeypatch):
    from storyline.export import json_export

    monkeypatch.setattr(json_export, "timeline", lambda *_a: iter([{"date": 20220112}]))
    with pytest.raises(ExportError, match="at timeline/0"):
        export(store, "json", tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()  # no half export left where a good one would be
