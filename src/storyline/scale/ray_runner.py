"""Run the per-report analysis on Ray; the store stays on the driver, one writer.

Parsing is the costly, embarrassingly parallel part, so only it goes to the cluster: each
Ray actor loads the spaCy pipeline once and analyses batches of reports; the driver writes
each batch's results to DuckDB as they come back (still one transaction per report, so a
killed run resumes). The corpus pass (dates, fusion) stays local: it is cheap.
"""
from __future__ import annotations

from collections.abc import Callable

from ..errors import InputSkipped, StorylineError
from ..model import Document
from ..pipeline import _save
from ..store import Store


def _worker_class():
    import ray

    @ray.remote
    class AnalysisWorker:
        """Holds one loaded spaCy pipeline for its whole life."""

        def analyse(self, docs: list[dict]) -> list:
            from ..pipeline import analyse_batch

            return analyse_batch([Document.from_dict(d) for d in docs])

    return AnalysisWorker


def analyse_with_ray(store: Store, address: str | None = None, workers: int = 2, chunk: int = 32,
                     progress: Callable[[str, int], None] | None = None,
                     on_skip: Callable[[InputSkipped], None] | None = None) -> int:
    """Analyse every unanalysed report on Ray (local or at ``address``); returns how many."""
    try:
        import ray
        from ray.util import ActorPool
    except ImportError as exc:
        raise StorylineError("Ray is not installed: pip install 'storyline[distributed]'") from exc
    todo = store.unanalysed()
    if not todo:
        return 0
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, ignore_reinit_error=True)
    try:
        worker = _worker_class()
        pool = ActorPool([worker.remote() for _ in range(workers)])
        batches = ([d.to_dict() for d in store.documents_by_ids(todo[k:k + chunk])]
                   for k in range(0, len(todo), chunk))
        for results in pool.map_unordered(lambda a, batch: a.analyse.remote(batch), batches):
            _save(store, results, progress, on_skip)  # a report that failed is skipped, as locally
    finally:
        if started:
            ray.shutdown()
    return len(todo)
