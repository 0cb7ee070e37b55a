"""The SQL box: one read-only SELECT over the store, checked before it runs and stopped if slow."""
from __future__ import annotations

import json
import threading
from typing import Any

import duckdb

from ..store.duck import Store

TIMEOUT_S = 10.0
MAX_ROWS = 1000
#: characters of cell text one answer may carry, and of one cell
MAX_BYTES = 2_000_000
MAX_CELL = 10_000
FETCH_ROWS = 64
MAX_LIST = 1000


TOO_BIG = ("the query needs more memory than the SQL box allows: select fewer or shorter values "
           "(LIMIT, left(text, 200))")


class SQLRejected(ValueError):
    """The statement is not one read-only query; the message says what is allowed."""


def _parse(sql: str) -> list:
    """The statements of a query, parsed on a fresh in-memory connection: duckdb's module-level
    functions share one default connection, which concurrent requests would use at once
    ("unfinished result"), and a connection kept open past the request outlives forks badly."""
    con = duckdb.connect()
    try:
        return con.extract_statements(sql)
    finally:
        con.close()


def check(sql: str) -> None:
    """Accept exactly one SELECT (WITH, FROM-first, DESCRIBE, SHOW and SUMMARIZE parse as SELECT)."""
    if not sql.strip():
        raise SQLRejected("empty query: write one SELECT statement, e.g. SELECT * FROM events LIMIT 10")
    try:
        statements = _parse(sql)
    except duckdb.Error as exc:
        raise SQLRejected(f"cannot parse the query: {exc}") from exc
    if len(statements) != 1:
        raise SQLRejected(f"only one statement is allowed, got {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise SQLRejected(f"the store is read-only: only SELECT or WITH queries are allowed, not {kind.name}")


def run(store: Store, sql: str, limit: int = MAX_ROWS) -> dict[str, Any]:
    """Check and run one query in the SQL box's own process (see ``sqlbox``); errors in the query
    itself come back as SQLRejected. Where worker processes cannot start, it runs here."""
    check(sql)
    from . import sqlbox

    return sqlbox.run(store, sql, limit, TIMEOUT_S)


def run_here(store: Store, sql: str, limit: int = MAX_ROWS, timeout: float | None = None) -> dict[str, Any]:
    """Check and run one query in this process.

    What one query may take is bounded three ways: the time limit covers running *and* fetching,
    at most ``limit`` rows and ``MAX_BYTES`` of cell text are fetched (the query is wrapped in a
    LIMIT so DuckDB stops early), and a cell longer than ``MAX_CELL`` characters is cut; the
    connection's memory limit (``data.MEMORY_LIMIT``) stops what would not fit.
    """
    check(sql)
    timeout = TIMEOUT_S if timeout is None else timeout
    con = store.con.cursor()  # its own result: nothing else run on the store's connection can collide
    timer = threading.Timer(timeout, con.interrupt)
    timer.start()
    try:
        result = _fetch(con, sql, limit)
    except duckdb.InterruptException as exc:
        raise SQLRejected(f"the query took longer than {timeout:.0f} s and was stopped") from exc
    except (duckdb.OutOfMemoryException, MemoryError) as exc:
        raise SQLRejected(TOO_BIG) from exc
    except duckdb.Error as exc:
        raise SQLRejected(str(exc).strip()) from exc
    finally:
        timer.cancel()
        con.close()
    return result


#: column types fetched as they are; text is cut inside DuckDB, anything else nested becomes cut text
_SCALAR = ("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
           "UINTEGER", "UBIGINT", "FLOAT", "DOUBLE", "DATE", "TIME", "TIMESTAMP", "INTERVAL", "UUID", "DECIMAL")


def _bounded(name: str, dtype: str) -> str:
    """A projection of one column that can never carry more than MAX_CELL (+1) characters a cell."""
    col = '"' + name.replace('"', '""') + '"'
    if dtype.startswith(_SCALAR):
        return col
    if dtype == "VARCHAR":
        return f"left({col}, {MAX_CELL + 1}) AS {col}"
    if dtype == "VARCHAR[]":
        return f"list_transform({col}[1:{MAX_LIST}], lambda x: left(x, {MAX_CELL + 1})) AS {col}"
    return f"left(CAST({col} AS VARCHAR), {MAX_CELL + 1}) AS {col}"


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, limit: int) -> dict[str, Any]:
    """Rows of the query, streamed in small batches with long values cut inside DuckDB, so neither
    DuckDB nor Python ever holds more than the bounded answer."""
    body = sql.strip().rstrip(";")
    try:  # DuckDB stops after limit + 1 rows instead of computing them all
        rel = con.sql(f"SELECT * FROM (\n{body}\n) AS q LIMIT {int(limit) + 1}")
    except (duckdb.ParserException, duckdb.BinderException):
        rel = con.sql(sql)  # a statement that cannot be a subquery (DESCRIBE, SHOW, ...)
    if rel is None:
        return {"columns": [], "rows": [], "truncated": False}
    cols = list(rel.columns)
    rel = rel.project(", ".join(_bounded(c, str(t)) for c, t in zip(cols, rel.dtypes)))
    rows: list[list[Any]] = []
    size, cut = 0, False
    reader = rel.to_arrow_reader(FETCH_ROWS) if hasattr(rel, "to_arrow_reader") else rel.fetch_arrow_reader(FETCH_ROWS)
    for batch in reader:
        for row in zip(*(col.to_pylist() for col in batch.columns)):
            cells = [_cell(v) for v in row]
            cut = cut or any(isinstance(v, str) and len(v) > MAX_CELL for v in row)
            size += sum(len(c) if isinstance(c, str) else len(json.dumps(c, default=str)) for c in cells)
            rows.append(cells)
            if len(rows) > limit or size > MAX_BYTES:
                break
        if len(rows) > limit or size > MAX_BYTES:
            break
    truncated = len(rows) > limit or size > MAX_BYTES
    return {"columns": cols, "rows": rows[:limit], "truncated": truncated, "cells_cut": cut,
            "limits": {"rows": limit, "bytes": MAX_BYTES, "cell_chars": MAX_CELL}}


def _cell(value: Any) -> Any:
    """A JSON-ready cell, at most MAX_CELL characters long."""
    if isinstance(value, bytes):
        value = value[:MAX_CELL].hex()
    if isinstance(value, str):
        return value if len(value) <= MAX_CELL else value[:MAX_CELL] + "\u2026"
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        text = str(value)
        return text if len(text) <= MAX_CELL else text[:MAX_CELL] + "\u2026"
