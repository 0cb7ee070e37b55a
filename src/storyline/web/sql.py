"""The SQL box: one read-only SELECT over the store, checked before it runs and stopped if slow."""
from __future__ import annotations

import threading
from typing import Any

import duckdb

from ..store.duck import Store

TIMEOUT_S = 10.0
MAX_ROWS = 1000


class SQLRejected(ValueError):
    """The statement is not one read-only query; the message says what is allowed."""


def check(sql: str) -> None:
    """Accept exactly one SELECT (WITH, FROM-first, DESCRIBE, SHOW and SUMMARIZE parse as SELECT)."""
    if not sql.strip():
        raise SQLRejected("empty query: write one SELECT statement, e.g. SELECT * FROM events LIMIT 10")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise SQLRejected(f"cannot parse the query: {exc}") from exc
    if len(statements) != 1:
        raise SQLRejected(f"only one statement is allowed, got {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise SQLRejected(f"the store is read-only: only SELECT or WITH queries are allowed, not {kind.name}")


def run(store: Store, sql: str, limit: int = MAX_ROWS) -> dict[str, Any]:
    """Check and run one query; errors in the query itself come back as SQLRejected."""
    check(sql)
    timer = threading.Timer(TIMEOUT_S, store.con.interrupt)
    timer.start()
    try:
        result = store.query(sql, limit=limit + 1)
    except duckdb.InterruptException as exc:
        raise SQLRejected(f"the query took longer than {TIMEOUT_S:.0f} s and was stopped") from exc
    except duckdb.Error as exc:
        raise SQLRejected(str(exc).strip()) from exc
    finally:
        timer.cancel()
    result["truncated"] = len(result["rows"]) > limit
    result["rows"] = result["rows"][:limit]
    return result
