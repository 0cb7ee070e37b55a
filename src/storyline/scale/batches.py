"""Per-report results as Arrow batches, and the one writer that loads them into DuckDB.

A Ray worker turns the analysis of a batch of reports into one Arrow table per store table (mentions,
event mentions, time values, actors), typed by the store's own schema, so the results travel through
Ray's object store in bulk and the driver loads each table with one ``INSERT ... SELECT`` instead of one
statement per row. A report whose results Arrow cannot hold (a value of the wrong type) is skipped in the
worker with its reason; a batch DuckDB refuses is loaded again report by report, so one bad report loses
only itself. The store stays single-writer: only the driver calls ``load``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pyarrow as pa

from ..errors import InputSkipped, failed
from ..store import Store

#: store table -> what a worker fills it from
TABLES = ("mentions", "event_mentions", "timexes", "actors")


def schemas(store: Store) -> dict[str, pa.Schema]:
    """The Arrow schema of each table a worker fills, read from the store (so the two never disagree)."""
    return {t: store.con.sql(f"SELECT * FROM {t} LIMIT 0").to_arrow_table().schema for t in TABLES}


@dataclass
class Batch:
    """One batch's results: the reports analysed (in order), their tables, and the reports skipped."""

    docs: list[str] = field(default_factory=list)
    tables: dict[str, pa.Table] = field(default_factory=dict)
    skipped: list[InputSkipped] = field(default_factory=list)


#: the column of a batch's actors table that names the report they came from (not a store column)
DOC = "_doc"


def _rows(analysis) -> dict[str, list[dict]]:
    doc_id, mentions, actors, ems, timexes = analysis
    return {"mentions": [m.to_dict() for m in mentions], "event_mentions": [e.to_dict() for e in ems],
            "timexes": [t.to_dict() for t in timexes], "actors": [{**a.to_dict(), DOC: doc_id} for a in actors]}


def batch_schemas(store: Store) -> dict[str, pa.Schema]:
    """The schemas workers build their tables with: the store's, the actors' with the report they came from."""
    out = schemas(store)
    out["actors"] = out["actors"].append(pa.field(DOC, pa.string()))
    return out


def to_batch(results: list, schema: dict[str, pa.Schema]) -> Batch:
    """Arrow tables of a batch's analyses (``pipeline.Analysis`` or ``InputSkipped`` each)."""
    out = Batch()
    parts: dict[str, list[pa.Table]] = {t: [] for t in TABLES}
    for result in results:
        if isinstance(result, InputSkipped):
            out.skipped.append(result)
            continue
        try:
            mine = {t: pa.Table.from_pylist(rows, schema=schema[t]) for t, rows in _rows(result).items()}
        except Exception as exc:  # noqa: BLE001 - a value Arrow cannot hold: this report only is skipped
            out.skipped.append(failed(result[0], "storing the analysis", exc))
            continue
        out.docs.append(result[0])
        for t, table in mine.items():
            parts[t].append(table)
    out.tables = {t: pa.concat_tables(parts[t]) if parts[t] else schema[t].empty_table() for t in TABLES}
    return out


def _quoted(names) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _merge_actors(store: Store, actors: pa.Table) -> pa.Table | None:
    """The batch's actors merged, in report order, with the stored ones, as ``save_analysis`` does one by one:
    a new actor is added, a known one gets its empty fields filled and its aliases unioned."""
    rows = actors.drop_columns([DOC]).to_pylist()
    if not rows:
        return None
    schema = actors.schema.remove(actors.schema.get_field_index(DOC))
    cols = schema.names
    ids = list(dict.fromkeys(r["id"] for r in rows))
    marks = ", ".join("?" for _ in ids)
    cur = store.con.execute(f"SELECT {_quoted(cols)} FROM actors WHERE id IN ({marks})", ids)
    known = {row[0]: dict(zip(cols, row)) for row in cur.fetchall()}
    changed: dict[str, dict] = {}
    for a in rows:
        old = known.get(a["id"])
        if old is None:
            known[a["id"]] = changed[a["id"]] = dict(a)
            continue
        fills = {c: a[c] for c in cols if c not in ("id", "aliases") and old[c] in (None, "") and a[c] not in (None, "")}
        merged = list(dict.fromkeys([*(old["aliases"] or []), *(a["aliases"] or [])]))
        if merged != (old["aliases"] or []):
            fills["aliases"] = merged
        if fills:
            old.update(fills)
            changed[a["id"]] = old
    return pa.Table.from_pylist(list(changed.values()), schema=schema) if changed else None


def _load(store: Store, docs: list[str], tables: dict[str, pa.Table]) -> None:
    """One transaction: the reports' old results out, the batch's in, the reports marked analysed."""
    con = store.con
    ids = pa.table({"id": pa.array(docs, pa.string())})
    with store.transaction():
        con.register("sl_ids", ids)
        try:
            for table in ("mentions", "event_mentions", "parsed_timexes"):
                con.execute(f"DELETE FROM {table} WHERE doc IN (SELECT id FROM sl_ids)")
            # the time values keep the report date they were resolved against, as the local engine does
            con.register("sl_tx", tables["timexes"])
            con.execute("INSERT INTO parsed_timexes BY NAME SELECT d.published AS dct, t.* FROM sl_tx t "
                        "LEFT JOIN documents d ON d.id = t.doc")
            actors = _merge_actors(store, tables["actors"])
            if actors is not None:
                con.register("sl_actors", actors)
                con.execute("DELETE FROM actors WHERE id IN (SELECT id FROM sl_actors)")
                con.execute("INSERT INTO actors BY NAME SELECT * FROM sl_actors")
            for table in ("mentions", "event_mentions"):
                con.register("sl_rows", tables[table])
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM sl_rows")
                con.unregister("sl_rows")
            con.execute("UPDATE documents SET analysed = TRUE WHERE id IN (SELECT id FROM sl_ids)")
        finally:
            for name in ("sl_ids", "sl_tx", "sl_actors", "sl_rows"):
                try:
                    con.unregister(name)
                except Exception:  # noqa: BLE001 - not registered in this transaction
                    pass


def _only(tables: dict[str, pa.Table], doc: str) -> dict[str, pa.Table]:
    """One report's rows of a batch."""
    import pyarrow.compute as pc

    return {t: tab.filter(pc.equal(tab[DOC if t == "actors" else "doc"], doc)) for t, tab in tables.items()}


def load(store: Store, batch: Batch, on_skip: Callable[[InputSkipped], None] | None = None) -> int:
    """Write a batch to the store (the driver only): in one transaction, else report by report; the reports
    a worker skipped, or the store refuses, are dropped and recorded. Returns the reports written."""
    from ..pipeline import _is_one_report

    skipped = list(batch.skipped)
    written = 0
    if batch.docs:
        try:
            _load(store, batch.docs, batch.tables)
            written = len(batch.docs)
        except Exception as exc:  # noqa: BLE001
            if not _is_one_report(exc):
                raise
            for doc in batch.docs:  # one bad value must not lose the batch: each report on its own
                try:
                    _load(store, [doc], _only(batch.tables, doc))
                    written += 1
                except Exception as one:  # noqa: BLE001
                    if not _is_one_report(one):
                        raise
                    skipped.append(failed(doc, "storing the analysis", one))
    for skip in skipped:
        store.drop_document(skip.source)
        store.record_skip(skip.source, skip.reason, skip.trace)
        if on_skip:
            on_skip(skip)
    return written
