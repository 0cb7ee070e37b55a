"""Whether a store can be read to its last row: DuckDB checks a block's checksum only when it reads
the block, and row counts come from metadata, so a damaged file can look fine until a query."""
from __future__ import annotations

from ..errors import StoreError
from .duck import Store


def verify(store: Store) -> None:
    """Read every column of every table once; raises StoreError naming the damage."""
    import duckdb

    tables = [r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
    for table in tables:
        try:
            store.con.execute(f'SELECT count(*), sum(hash(COLUMNS(*))) FROM "{table}"').fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"the store {store.path} is damaged (table {table}: "
                             f"{str(exc).splitlines()[0][:160]}); rebuild it with `storyline run`, "
                             f"or restore a copy") from exc
