"""CSV and Parquet exports: one row per event, or one row per evidence span, for spreadsheets and pandas."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ExportError
from .rows import EVENT_COLUMNS, EVIDENCE_COLUMNS, LIST_COLUMNS, event_rows, evidence_rows

_LIST = pa.list_(pa.string())
_TYPES: dict[str, pa.DataType] = {
    "lat": pa.float64(), "lon": pa.float64(), "confidence": pa.float64(),
    "n_reports": pa.int32(), "symmetric": pa.bool_(), "start": pa.int32(), "end": pa.int32(),
}


def _schema(columns: list[str]) -> pa.Schema:
    """An explicit schema, so an empty store still writes a file with typed columns."""
    return pa.schema([(c, _LIST if c in LIST_COLUMNS else _TYPES.get(c, pa.string())) for c in columns])


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join("" if v is None else str(v) for v in value)
    return "" if value is None else value


def _write_csv(rows: list[dict[str, Any]], columns: list[str], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _csv_value(row.get(c)) for c in columns})
    return out


def _write_parquet(rows: list[dict[str, Any]], columns: list[str], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=_schema(columns))
    try:
        pq.write_table(table, out)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc}") from exc
    return out


def write_csv(store, out: Path) -> Path:
    """Events as CSV, list columns joined with '; '."""
    return _write_csv(event_rows(store), EVENT_COLUMNS, Path(out))


def write_parquet(store, out: Path) -> Path:
    """Events as Parquet, list columns kept as lists."""
    return _write_parquet(event_rows(store), EVENT_COLUMNS, Path(out))


def write_evidence(store, out: Path) -> Path:
    """Evidence spans, one per row: Parquet when ``out`` ends .parquet, else CSV."""
    out = Path(out)
    if out.suffix.lower() == ".parquet":
        return _write_parquet(evidence_rows(store), EVIDENCE_COLUMNS, out)
    return _write_csv(evidence_rows(store), EVIDENCE_COLUMNS, out)
