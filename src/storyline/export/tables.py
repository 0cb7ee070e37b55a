"""CSV and Parquet exports: one row per event, or one row per evidence span, for spreadsheets and pandas."""
from __future__ import annotations

import csv
from datetime import date
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


#: ISO days: DATE in Parquet (the "date" column stays text: it is a TIMEX value, "2022-W02" or "2021-12")
_DAYS = {"date_start", "date_end", "doc_published"}

#: CAMEO root codes with their names: in a CSV the code alone ("05") is read back as the number 5
CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
}

#: first characters that make a spreadsheet read a cell as a formula (CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _schema(columns: list[str]) -> pa.Schema:
    """An explicit schema, so an empty store still writes a file with typed columns."""
    return pa.schema([(c, _LIST if c in LIST_COLUMNS else pa.date32() if c in _DAYS else _TYPES.get(c, pa.string()))
                      for c in columns])


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _cell(value: Any) -> Any:
    """A text cell a spreadsheet shows as text: one starting like a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_value(value: Any, column: str = "") -> Any:
    if isinstance(value, list):
        return _cell("; ".join("" if v is None else str(v) for v in value))
    if column == "cameo" and value:
        return f"{value} {CAMEO_ROOTS[value]}" if value in CAMEO_ROOTS else _cell(str(value))
    return "" if value is None else _cell(value)


def _write_csv(rows: list[dict[str, Any]], columns: list[str], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _csv_value(row.get(c), c) for c in columns})
    return out


def _write_parquet(rows: list[dict[str, Any]], columns: list[str], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist([{c: _day(r.get(c)) if c in _DAYS else r.get(c) for c in columns} for r in rows],
                                 schema=_schema(columns))
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
