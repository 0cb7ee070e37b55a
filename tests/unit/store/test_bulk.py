"""Bulk writes store exactly what row-by-row writes store: Arrow inserts, and a batch of analyses in one go."""
from __future__ import annotations

from storyline import settings
from storyline.model import Actor, Document, EventMention, Mention, TimeExpr
from storyline.store import Store
from storyline.store.duck import _insert


def _analysis(i: int) -> tuple:
    doc = f"d{i}"
    mentions = [Mention(doc, "ana" if k % 2 else "KEN", 10 * k, 10 * k + 4, f"m{k}", "ner") for k in range(30)]
    actors = [Actor("ana", "Ana Ruiz", "person", aliases=[f"Ruiz{i}"], role="minister" if i == 2 else None),
              Actor("KEN", "Kenya", "country", country="KEN" if i else None)]
    ems = [EventMention(f"{doc}:{k}", doc, "CONSULT", ["ana"], ["KEN"] if k else [], k, k + 5, "talks",
                        lat=1 if k % 2 else 0.5, skip_spans=[[1, 2]] if k % 3 else [], context=["day"] if k else [],
                        confidence=0.7) for k in range(25)]
    timexes = [TimeExpr(doc, k, k + 3, "Monday", "DATE", "2022-01-03" if k else None) for k in range(20)]
    return doc, mentions, actors, ems, timexes


def _dump(store: Store) -> dict:
    tables = ("documents", "actors", "mentions", "event_mentions", "parsed_timexes")
    out = {}
    for t in tables:
        cols = [r[0] for r in store.con.execute(f"DESCRIBE {t}").fetchall() if r[0] != "ingested_at"]
        quoted = ", ".join(f'"{c}"' for c in cols)
        out[t] = sorted(map(repr, store.con.execute(f"SELECT {quoted} FROM {t}").fetchall()))
    return out


def _store(path, batched: bool) -> dict:
    with Store(path) as store:
        for i in range(4):
            store.add_document(Document(id=f"d{i}", body="x" * 400, content_hash=f"h{i}", published="2022-01-05"))
        results = [_analysis(i) for i in range(4)]
        if batched:
            store.save_analyses(results)
        else:
            for r in results:
                store.save_analysis(*r)
        return _dump(store)


def test_a_batch_of_analyses_stores_what_one_by_one_stores(tmp_path):
    assert _store(tmp_path / "one.duckdb", False) == _store(tmp_path / "batch.duckdb", True)


def test_a_batch_of_analyses_replaces_an_earlier_one(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_document(Document(id="d1", body="x" * 400, content_hash="h1"))
        store.save_analyses([_analysis(1)])
        store.save_analyses([_analysis(1)])
        assert store.count("mentions") == 30 and store.count("event_mentions") == 25
        assert store.count("parsed_timexes") == 20


def test_arrow_and_parameter_inserts_agree_on_every_type(tmp_path):
    rows = [(f"d{k}", k, [["a", "b"], []][k % 2], [[1, 2]] if k % 2 else [], [1, 0.5][k % 2], None, k % 3 == 0)
            for k in range(settings.SCALE_ARROW_ROWS + 5)]
    cols = ["id", "n", "words", "spans", "x", "nothing", "flag"]
    with Store(tmp_path / "s.duckdb") as store:
        for table in ("arrow_rows", "sql_rows"):
            store.con.execute(f"CREATE TABLE {table} (id VARCHAR, n INTEGER, words VARCHAR[], spans INTEGER[][], "
                              "x DOUBLE, nothing VARCHAR, flag BOOLEAN)")
        _insert(store.con, "arrow_rows", cols, rows)
        for row in rows:  # one at a time: below the Arrow threshold
            _insert(store.con, "sql_rows", cols, [row])
        assert store.con.execute("SELECT * FROM arrow_rows ORDER BY id").fetchall() == \
            store.con.execute("SELECT * FROM sql_rows ORDER BY id").fetchall()


def test_values_that_make_no_arrow_column_still_insert(tmp_path):
    rows = [(k, "text" if k % 2 else 3) for k in range(settings.SCALE_ARROW_ROWS)]  # a column of mixed types
    with Store(tmp_path / "s.duckdb") as store:
        store.con.execute("CREATE TABLE t (n INTEGER, v VARCHAR)")
        _insert(store.con, "t", ["n", "v"], rows)
        assert store.con.execute("SELECT count(*), count(DISTINCT v) FROM t").fetchone() == (len(rows), 2)
