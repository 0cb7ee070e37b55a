"""A feed stored in two runs gives the store and the export of one run over all of it.

200 reports of the varied benchmark corpus (bench/corpus.py, cut from ../shared/data/t17): one store
gets all of them in one run, another the first 150 and then, in a second run, the 50 that came later
(their publication days fall anywhere, so they date, fuse and group against what is stored).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from storyline.export import export
from storyline.pipeline import run
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[2]
N, FIRST = 200, 150

#: columns that say when a row was written or which input file held it, not what it holds
WHEN = {"ingested_at", "skipped_at", "source_path"}


def _feed(tmp: Path, shared_dir: Path) -> list[dict]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from corpus import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    source = shared_dir / "data" / "t17"
    if not list(source.glob("*.jsonl")):
        pytest.skip("no Timeline17 topics in ../shared/data/t17")
    return generate(N, seed=11, source=source)


def _write(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def _tables(store: Store) -> dict[str, list]:
    out = {}
    for (table,) in store.con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                                      " ORDER BY 1").fetchall():
        cols = [r[0] for r in store.con.execute(f'DESCRIBE "{table}"').fetchall() if r[0] not in WHEN]
        rows = store.con.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM \"{table}\"").fetchall()
        out[table] = sorted(map(repr, rows))
    return out


def _export(store: Store, path: Path) -> dict:
    data = json.loads(export(store, "json", path).read_text(encoding="utf-8"))
    for d in data["documents"]:
        d.pop("source_path", None)
    return data


@pytest.mark.slow
def test_a_feed_in_two_runs_equals_one_run(shared_dir, tmp_path):
    recs = _feed(tmp_path, shared_dir)
    assert len({r["text"] for r in recs}) == N  # a varied feed: no report repeated
    whole = _write(tmp_path / "all.jsonl", recs)
    first, later = _write(tmp_path / "first.jsonl", recs[:FIRST]), _write(tmp_path / "later.jsonl", recs[FIRST:])

    with Store(tmp_path / "one.duckdb") as one:
        report, counts = run([whole], one)
        assert len(report.added) == N and counts["events"] > 50 and counts["stories"] >= 2
        one_tables, one_export = _tables(one), _export(one, tmp_path / "one.json")
    with Store(tmp_path / "two.duckdb") as two:
        run([first], two)
        between = two.count("events")
        report, _ = run([later], two)
        assert len(report.added) == N - FIRST
        assert two.count("events") > between
        two_tables, two_export = _tables(two), _export(two, tmp_path / "two.json")

    for table in one_tables:
        assert one_tables[table] == two_tables[table], f"table {table} differs"
    assert one_export == two_export
