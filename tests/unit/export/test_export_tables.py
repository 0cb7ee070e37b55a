"""CSV and Parquet exports read back with pandas/pyarrow match the store row for row."""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from storyline.export import FORMATS, export, writer
from storyline.export.rows import EVENT_COLUMNS, EVIDENCE_COLUMNS
from storyline.errors import ExportError
from storyline_sample import EVENTS, SCRIPT


def test_every_format_has_a_writer():
    for fmt in FORMATS:
        assert callable(writer(fmt))
    with pytest.raises(ExportError, match="choose one of"):
        writer("xlsx")


def test_csv_one_row_per_event(store, tmp_path):
    out = export(store, "csv", tmp_path / "events.csv")
    df = pd.read_csv(out, keep_default_na=False)
    assert list(df.columns) == EVENT_COLUMNS
    assert len(df) == len(store.events()) == len(EVENTS)
    e1 = df.set_index("id").loc["e1"]
    assert e1["type"] == "CONSULT" and e1["source_names"] == "NATO" and e1["target_iso3"] == "RUS"
    assert e1["n_reports"] == 2 and e1["doc_ids"] == "d1_nato_council; d2_talks_held"
    assert e1["location"] == "Brussels" and float(e1["lat"]) == pytest.approx(50.85)
    e3 = df.set_index("id").loc["e3"]
    assert (e3["date"], e3["date_start"], e3["date_end"], e3["precision"]) == ("2021-12", "2021-12-01", "2021-12-31", "month")
    assert df.set_index("id").loc["e5"]["date"] == ""  # undated stays in the table
    assert df.set_index("id").loc["e4"]["evidence_text"] == "Russian forces shelled the town of Avdiivka."


def test_parquet_keeps_lists_and_types(store, tmp_path):
    table = pq.read_table(export(store, "parquet", tmp_path / "events.parquet"))
    assert table.column_names == EVENT_COLUMNS
    rows = {r["id"]: r for r in table.to_pylist()}
    assert len(rows) == len(EVENTS)
    assert rows["e1"]["doc_ids"] == ["d1_nato_council", "d2_talks_held"]
    assert rows["e2"]["target_kinds"] == ["organization"] and rows["e2"]["target_iso3"] == [None]
    assert rows["e1"]["symmetric"] is True and rows["e5"]["date"] is None
    assert str(table.schema.field("n_reports").type) == "int32"


@pytest.mark.parametrize("name", ["evidence.csv", "evidence.parquet"])
def test_evidence_long_table(store, tmp_path, name):
    out = export(store, "events", tmp_path / name)
    df = pd.read_parquet(out) if name.endswith(".parquet") else pd.read_csv(out, keep_default_na=False)
    assert list(df.columns) == EVIDENCE_COLUMNS
    assert len(df) == sum(len(ev.evidence) for ev in store.events()) == 7
    docs = {d.id: d for d in store.documents()}
    for row in df.to_dict("records"):
        body = docs[row["doc"]].body
        assert body[int(row["start"]):int(row["end"])] == row["text"]
        assert row["doc_title"] == docs[row["doc"]].title
        assert str(row["doc_published"]) == docs[row["doc"]].published  # a DATE in Parquet, text in CSV
    assert any(SCRIPT in t for t in df["text"])  # report text kept verbatim in data files


def test_empty_store_writes_typed_empty_files(tmp_path):
    from storyline.store.duck import Store

    with Store(tmp_path / "empty.duckdb") as st:
        assert pq.read_table(export(st, "parquet", tmp_path / "e.parquet")).num_rows == 0
        assert len(pd.read_csv(export(st, "csv", tmp_path / "e.csv"))) == 0
        assert export(st, "html", tmp_path / "e.html").stat().st_size > 0
