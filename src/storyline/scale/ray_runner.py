"""The per-report analysis on Ray: workers parse and analyse, the driver is the store's one writer.

Each Ray actor loads the spaCy pipeline once and analyses batches of reports; it sends each batch's
results back as Arrow tables (``batches.to_batch``), and the driver loads every table of a batch in one
transaction (``batches.load``). Batches are written in the order they were cut, whichever worker finishes
first, so the store (actors' aliases included) is the one a local run writes. A worker that dies is
replaced; its batch is analysed again report by report, and a report that still kills its worker is
skipped with that reason: bad input never stops a run. A killed run keeps every batch written and resumes.
After the analysis the same warm workers rank the stories' key days of the corpus pass (``corpus.py``).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .. import settings
from ..errors import E016, InputSkipped, ModelError, StorylineError
from ..model import Document
from ..store import Store


def _ray():
    try:
        import ray
    except ImportError as exc:
        raise StorylineError("Ray is not installed: pip install 'storyline[distributed]'") from exc
    return ray


def connect(address: str | None = None, workers: int = 2) -> tuple[object, bool]:
    """Ray, connected: to the cluster at ``address`` ("auto", "HOST:PORT"), else to a local one of ``workers``
    CPUs started here; and whether this call started the connection (a session already open, a test's or a
    notebook's, is used as it is)."""
    ray = _ray()
    if ray.is_initialized():
        return ray, False
    if address:
        _reachable(address)
    try:
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    except Exception as exc:  # noqa: BLE001 - no cluster there, a wrong address: one clear line
        where = f"the Ray cluster at {address}" if address else "a local Ray cluster"
        raise StorylineError(f"cannot connect to {where}: {type(exc).__name__}: {exc}") from exc
    return ray, True


@contextmanager
def session(address: str | None = None, workers: int = 2) -> Iterator[object]:
    """``connect``, as a context: a connection started here is closed (a local cluster stopped) on leaving."""
    ray, started = connect(address, workers)
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


#: seconds to wait for a cluster's head to answer before saying it cannot be reached (Ray itself retries
#: for minutes when an address is wrong)
CONNECT_TIMEOUT_S = 10.0


def _reachable(address: str) -> None:
    """Fail at once, with one clear line, when a HOST:PORT address has nothing listening."""
    import socket

    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not port.isdigit():
        return  # "auto", "local": Ray finds the cluster itself
    try:
        socket.create_connection((host or "127.0.0.1", int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise StorylineError(f"no Ray cluster answers at {address} ({exc}): start one with `ray start --head` "
                             f"and give the address it prints") from exc


def _worker_class():
    ray = _ray()

    @ray.remote(num_cpus=1)
    class AnalysisWorker:
        """Holds one loaded spaCy pipeline for its whole life; answers each batch with Arrow tables, then
        ranks stories' key days in the same warm process."""

        def __init__(self, schema: dict) -> None:
            self.schema = schema

        def analyse(self, docs: list[dict]):
            from ..pipeline import analyse_batch
            from .batches import to_batch

            return to_batch(analyse_batch([Document.from_dict(d) for d in docs]), self.schema)

        def key_days(self, shard: list[tuple]) -> list:
            from .corpus import story_days

            return story_days(shard)

    return AnalysisWorker


class RayEngine:
    """The workers of one Ray session: they analyse the reports, then rank the stories' key days.

    ``engine = RayEngine.open(store, address, workers)``, ``engine.analyse()``, then
    ``finalize(store, rank_days=engine.rank_days)`` and ``engine.close()``; or ``RayEngine(ray, store, workers)``
    inside a ``session``.
    """

    def __init__(self, ray, store: Store, workers: int) -> None:
        from .batches import batch_schemas

        self.ray, self.store, self.workers = ray, store, workers
        self.started = False  # whether close() disconnects (``open`` connected)
        self.schema = batch_schemas(store)
        self.cls = _worker_class()
        self.actors = [self.cls.remote(self.schema) for _ in range(workers)]

    @classmethod
    def open(cls, store: Store, address: str | None = None, workers: int = 2) -> "RayEngine":
        """Connect (``connect``) and start the workers; ``close()`` stops what this started."""
        ray, started = connect(address, workers)
        engine = cls(ray, store, workers)
        engine.started = started
        return engine

    def close(self) -> None:
        """Stop the workers, and the connection when ``open`` made it (a local cluster ends with it)."""
        for actor in self.actors:
            try:
                self.ray.kill(actor)
            except Exception:  # noqa: BLE001 - already gone
                pass
        self.actors = []
        if self.started:
            self.ray.shutdown()
            self.started = False

    def analyse(self, chunk: int | None = None, progress: Callable[[str, int], None] | None = None,
                on_skip: Callable[[InputSkipped], None] | None = None, stats: dict | None = None) -> int:
        """Analyse every unanalysed report; returns how many. ``stats``, when given, receives the driver's own
        seconds (``driver_s``: reading the reports, sending them, receiving and loading the batches) and its
        seconds waiting for the workers (``wait_s``)."""
        todo = self.store.unanalysed()
        if not todo:
            return 0
        # small corpora are cut finer, so that every worker gets a share
        chunk = chunk or max(1, min(settings.RAY_BATCH_REPORTS,
                                    -(-len(todo) // (self.workers * settings.RAY_BATCHES_IN_FLIGHT))))
        dispatch = _Dispatch(self, progress, on_skip)
        started = time.perf_counter()
        dispatch.run([todo[k:k + chunk] for k in range(0, len(todo), chunk)])
        if stats is not None:
            total = time.perf_counter() - started
            stats.update(driver_s=total - dispatch.waited, wait_s=dispatch.waited, batches=-(-len(todo) // chunk))
        return len(todo)

    @property
    def rank_days(self) -> Callable:
        """``fuse.story_key_days`` with the stories ranked on these workers (for ``pipeline.finalize``)."""
        from .corpus import sharded_story_key_days

        def submit(k: int, shard: list[tuple]):
            return self.actors[k % len(self.actors)].key_days.remote(shard)
        return sharded_story_key_days(self.ray, submit, len(self.actors))

    def replace(self, w: int, dead) -> None:
        """Worker ``w`` died (``dead``, its handle): killed for good and started again, once (the other
        batches it held fail too, and must not kill its successor)."""
        if self.actors[w] is not dead:
            return
        try:
            self.ray.kill(dead)
        except Exception:  # noqa: BLE001 - already gone
            pass
        self.actors[w] = self.cls.remote(self.schema)


def analyse_with_ray(store: Store, address: str | None = None, workers: int = 2, chunk: int | None = None,
                     progress: Callable[[str, int], None] | None = None,
                     on_skip: Callable[[InputSkipped], None] | None = None, stats: dict | None = None) -> int:
    """Analyse every unanalysed report on Ray (a local cluster, or the one at ``address``); returns how many."""
    if not store.unanalysed():
        return 0
    with session(address, workers) as ray:
        return RayEngine(ray, store, workers).analyse(chunk, progress, on_skip, stats)


class _Dispatch:
    """Batches out to the workers (a few queued on each), results back and written in batch order."""

    def __init__(self, engine: RayEngine, progress, on_skip) -> None:
        self.engine, self.ray, self.store, self.schema = engine, engine.ray, engine.store, engine.schema
        self.actors = engine.actors
        self.progress, self.on_skip = progress, on_skip
        self.load = {i: 0 for i in range(len(self.actors))}  # batches queued on each worker
        self.pending: dict = {}  # object ref -> (batch number, worker, report ids, its actor)
        self.waited = 0.0  # seconds the driver spent waiting for a worker

    def submit(self, number: int, ids: list[str]) -> None:
        w = min(self.load, key=lambda i: (self.load[i], i))
        docs = [d.to_dict() for d in self.store.documents_by_ids(ids)]
        actor = self.actors[w]
        ref = actor.analyse.remote(docs)
        self.pending[ref] = (number, w, ids, actor)
        self.load[w] += 1

    def run(self, batches: list[list[str]]) -> None:
        from .batches import Batch, load

        done: dict[int, Batch] = {}  # finished batches waiting for an earlier one
        queue = list(enumerate(batches))
        queue.reverse()
        nxt = 0
        while queue or self.pending:
            while queue and len(self.pending) < settings.RAY_BATCHES_IN_FLIGHT * len(self.actors):
                self.submit(*queue.pop())
            if self.pending:
                t = time.perf_counter()
                [ref], _ = self.ray.wait(list(self.pending), num_returns=1)
                self.waited += time.perf_counter() - t
                number, w, ids, actor = self.pending.pop(ref)
                self.load[w] -= 1
                try:
                    done[number] = self.ray.get(ref)
                except self.ray.exceptions.RayTaskError as exc:
                    if isinstance(exc.cause, ModelError):
                        raise exc.cause from None
                    done[number] = self._alone(ids, exc)
                except self.ray.exceptions.RayError as exc:  # the worker died (a crash, out of memory)
                    self.engine.replace(w, actor)
                    done[number] = self._alone(ids, exc)
            while nxt in done:
                batch = done.pop(nxt)
                written = load(self.store, batch, self.on_skip)
                if self.progress:
                    self.progress("analysed", written + len(batch.skipped))
                nxt += 1

    def _alone(self, ids: list[str], exc: Exception):
        """A batch whose worker failed, analysed again report by report; a report that fails alone is skipped."""
        from .batches import Batch

        out = Batch(tables={})
        parts = []
        if len(ids) == 1:
            out.skipped.append(InputSkipped(ids[0], E016.format(stage="analysis on Ray",
                                                                  detail=f"{type(exc).__name__}: {str(exc)[:160]}")))
            out.tables = {t: s.empty_table() for t, s in self.schema.items()}
            return out
        for doc in ids:
            actor = self.actors[0]
            try:
                parts.append(self.ray.get(actor.analyse.remote([d.to_dict() for d in self.store.documents_by_ids([doc])])))
            except self.ray.exceptions.RayError as one:
                if isinstance(one, self.ray.exceptions.RayTaskError) and isinstance(one.cause, ModelError):
                    raise one.cause from None
                if not isinstance(one, self.ray.exceptions.RayTaskError):
                    self.engine.replace(0, actor)
                parts.append(self._alone([doc], one))
        return _concat(parts, self.schema)


def _concat(parts: list, schema: dict):
    import pyarrow as pa

    from .batches import Batch

    out = Batch()
    for p in parts:
        out.docs += p.docs
        out.skipped += p.skipped
    out.tables = {t: pa.concat_tables([p.tables[t] for p in parts if p.tables.get(t) is not None] or
                                      [s.empty_table()]) for t, s in schema.items()}
    return out
