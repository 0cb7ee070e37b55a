"""Every date value the time stage writes leaves in a shape the export schema (and EXPORT.md) accepts."""
from __future__ import annotations

from datetime import date

import jsonschema
import pytest

from storyline.export.json_export import schema, schema_date
from storyline.time import normalize

TEXTS = ["They met last weekend.", "Talks resume next weekend.", "It happened this summer.", "in the autumn of 2011",
         "during the 1990s", "in May 2012", "in 2012", "next week", "on Monday", "on March 3, 2012",
         "at 10 a.m. on Friday", "in the spring", "last winter", "the weekend of May 26"]


def _date_schema():
    return {**schema()["$defs"]["date"], "$defs": schema()["$defs"]}


@pytest.mark.parametrize("text", TEXTS)
def test_every_date_value_the_time_stage_writes_is_exportable(text):
    values = [t.value for t in normalize(text, date(2012, 5, 30)) if t.type in ("DATE", "TIME") and t.value]
    assert values, f"no value for {text!r}"
    for value in values:
        out = schema_date(value)
        jsonschema.validate(out, _date_schema())
        assert out is None or isinstance(out, dict) or out == value or out == value[:10]


def test_a_weekend_leaves_as_its_two_days():
    assert schema_date("2012-W21-WE", "2012-05-26", "2012-05-27") == {"start": "2012-05-26", "end": "2012-05-27"}
    assert schema_date("2012-W21-WE") == {"start": "2012-05-26", "end": "2012-05-27"}
    assert schema_date("2012-SU") == {"start": "2012-06-01", "end": "2012-08-31"}
    assert schema_date("2012-W21") == "2012-W21" and schema_date("2012-05") == "2012-05"
    assert schema_date("9999-12-31") is None and schema_date("PRESENT_REF") is None


def test_a_stored_weekend_event_exports_and_validates(tmp_path):
    from storyline.export import export
    from storyline.model import Document, Event, Evidence
    from storyline.store import Store

    body = "Protesters marched in Damascus at the weekend, activists said."
    with Store(tmp_path / "s.duckdb") as store:
        store.add_document(Document("d", body, published="2012-05-28", content_hash="h"))
        ev = Event("e1", "PROTEST", ["SYR"], ["SYR"], date="2012-W21-WE", date_start="2012-05-26",
                   date_end="2012-05-27", precision="week", evidence=[Evidence("d", 0, len(body), body)])
        store.save_corpus([], [], [ev], [])
        import json

        path = export(store, "json", tmp_path / "o.json", all_events=True)
        assert json.loads(path.read_text())["events"][0]["date"] == {"start": "2012-05-26", "end": "2012-05-27"}
