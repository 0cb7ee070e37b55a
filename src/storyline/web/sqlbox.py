"""The SQL box's own process: what one untrusted query can take is bounded by the kernel, not by
good behaviour. DuckDB's memory limit does not cover every allocation (``repeat('x', 10^9)`` builds a
gigabyte string outside it), and an interrupt is not seen inside one long function call. So queries
run in worker processes whose data segment is capped (RLIMIT_DATA: DuckDB answers "out of memory"),
and a query still running after its time limit is stopped by ending its worker. The web server only
ever holds the bounded answer."""
from __future__ import annotations

import os
import threading
from concurrent.futures import ProcessPoolExecutor, TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

#: memory one SQL worker may use (its data segment), and how many queries run at once
WORKER_MB = 768
WORKERS = 2
#: seconds a worker gets beyond the query's own time limit (to start, open the store, send back)
GRACE_S = 5.0

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_slots = threading.BoundedSemaphore(WORKERS)  # a query waits here, not in the pool: its time starts when it runs


def _init(parent: int, limit_mb: int) -> None:
    """Worker start: cap its memory, never outlive the server."""
    import resource

    from ..scale.workers import init_worker

    init_worker(parent)
    limit = limit_mb * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    except (ValueError, OSError):
        pass


def _query(path: str, sql: str, limit: int, timeout: float) -> dict[str, Any]:
    """In the worker: open the store (or the copy the server reads) read-only and run the query."""
    from ..errors import StoreError
    from ..store.duck import Store
    from .data import _locked_down
    from .sql import TOO_BIG, SQLRejected, run_here

    try:
        with _locked_down(Store(path, read_only=True)) as store:
            return run_here(store, sql, limit, timeout)
    except SQLRejected as exc:
        return {"error": str(exc)}
    except MemoryError:
        return {"error": TOO_BIG}
    except StoreError as exc:
        return {"error": f"the store could not be opened for the query ({exc}); try again"}


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            import multiprocessing

            _pool = ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init, initargs=(os.getpid(), WORKER_MB))
        return _pool


def _reset(pool: ProcessPoolExecutor) -> None:
    """End a pool whose worker is stuck or dead; the next query starts a new one."""
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    for proc in list(getattr(pool, "_processes", {}).values()):
        try:
            proc.kill()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def run(store, sql: str, limit: int, timeout: float) -> dict[str, Any]:
    """The query's answer from a worker; SQLRejected for the query's own errors, over time or memory."""
    from .sql import TOO_BIG, SQLRejected, run_here

    if os.environ.get("STORYLINE_SQL_IN_PROCESS"):
        return run_here(store, sql, limit, timeout)
    with _slots:
        for _attempt in range(2):
            pool = _get_pool()
            try:
                future = pool.submit(_query, store.path, sql, limit, timeout)
                break
            except (BrokenProcessPool, RuntimeError):  # another query just ended this pool
                _reset(pool)
        else:
            return run_here(store, sql, limit, timeout)  # workers cannot start here: bounded in-process
        try:
            result = future.result(timeout=timeout + GRACE_S)
        except FutureTimeout as exc:
            _reset(pool)
            raise SQLRejected(f"the query took longer than {timeout:.0f} s and was stopped") from exc
        except BrokenProcessPool as exc:
            ended_by_other = _pool is not pool
            _reset(pool)
            if ended_by_other:
                raise SQLRejected("the SQL box restarted after another query; run the query again") from exc
            raise SQLRejected(TOO_BIG) from exc
    if "error" in result:
        raise SQLRejected(result["error"])
    return result


def shutdown() -> None:
    """Stop the workers (the server stops)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
