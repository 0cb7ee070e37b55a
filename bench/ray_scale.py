#!/usr/bin/env python3
"""The whole pipeline on Ray against one process, stage by stage, and what that says of 10 and 100 nodes.

    python bench/ray_scale.py [--docs N] [--workers K] [--cores-per-node C]

On N real news articles of ../shared/data/t17 (both topics, evenly over time; 615 is all of them):

1. one process, stage by stage: ingest; the parse (spaCy's own components, timed inside the pipeline) and
   the per-report analysis (Storyline's components and event extraction); the store write of the local
   engine (row by row) and of the Ray engine (Arrow batches: built in the worker, loaded by the driver);
   the corpus pass (of it, the stories' key days, the part sharded on Ray); the JSON export;
2. the same corpus with `--engine ray` on a local cluster of K workers (K CPUs), timed the same way, and
   whether its export is identical to the one-process export;
3. an Amdahl projection: the per-report work (parse, analysis, Arrow batch, stories' key days) spreads over
   the nodes, the rest stays on the driver (ingest, the DuckDB load, the global corpus pass, the export).

A script that prints figures, not a test. Figures of a shared 2-core machine move by 10-20% between runs.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "t17"
sys.path.insert(0, str(ROOT / "src"))

#: spaCy's own components: the parse (everything else in the pipeline is Storyline's per-report analysis)
SPACY = {"tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner", "morphologizer"}


def corpus(n: int, dest: Path) -> tuple[int, int]:
    """N articles spread evenly over the topics and their months, as one JSONL feed; (reports, words)."""
    topics = sorted(DATA.glob("*.jsonl"))
    if not topics:
        sys.exit(f"no Timeline17 topics in {DATA}")
    per = -(-n // len(topics))
    lines, words = [], 0
    for topic in topics:
        docs = [x for x in topic.read_text(encoding="utf-8").splitlines() if x.strip()]
        step = max(1, len(docs) // per)
        for x in docs[::step][:per]:
            lines.append(x)
            words += len(json.loads(x)["text"].split())
    lines = lines[:n]
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines), words


class Timed:
    """A pipeline component whose time is summed; spaCy chains generators, so the time read at a component
    is everything upstream too (``cumulative``), and a component's own time is the difference."""

    def __init__(self, name: str, proc) -> None:
        self.name, self.proc, self.cumulative = name, proc, 0.0

    def __call__(self, doc):
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, **kw):
        it = iter(self.proc.pipe(docs, **kw) if hasattr(self.proc, "pipe") else (self.proc(d) for d in docs))
        while True:
            t = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                self.cumulative += time.perf_counter() - t
                return
            self.cumulative += time.perf_counter() - t
            yield doc

    def __getattr__(self, name):
        return getattr(self.proc, name)


def timed_pipeline() -> list[Timed]:
    """Wrap every component of the cached Storyline pipeline (the one analyse_documents uses) in a timer."""
    from storyline.nlp import load_nlp
    from storyline.pipeline import _has

    nlp = load_nlp(with_actors=_has("storyline.actors"))
    wrapped = []
    for i, (name, proc) in enumerate(nlp._components):
        nlp._components[i] = (name, Timed(name, proc))
        wrapped.append(nlp._components[i][1])
    return wrapped


def own_times(wrapped: list[Timed]) -> dict[str, float]:
    out, before = {}, 0.0
    for w in wrapped:
        out[w.name] = w.cumulative - before
        before = w.cumulative
    return out


#: the stages that run on the workers
PARALLEL = ("analysis", "arrow batch (worker side)", "stories' key days")
#: CPU seconds of this process per stage, beside the wall seconds: on a shared machine the wall time of a
#: stage grows with the other programs' load, its CPU time much less (what one free core would take)
CPU: dict[str, float] = {}


def clock(times: dict, key: str):
    class _C:
        def __enter__(self):
            self.t, self.c = time.perf_counter(), time.process_time()

        def __exit__(self, *exc):
            times[key] = times.get(key, 0.0) + time.perf_counter() - self.t
            CPU[key] = CPU.get(key, 0.0) + time.process_time() - self.c
    return _C()


def stripped(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("storyline_version", None)
    return data


def workers_cpu(prefix: str = "ray::AnalysisWorker") -> float:
    """CPU seconds (user + system) of the live Ray analysis workers of this machine (Linux /proc)."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                if not fh.read().startswith(prefix.encode()):
                    continue
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
    return total


def one_process(feed: Path, work: Path) -> tuple[dict, Path]:
    """The local engine, in this process, each stage timed."""
    from storyline.export import export
    from storyline.fuse import story_key_days
    from storyline.pipeline import _save, analyse_documents, finalize, ingest
    from storyline.scale.batches import batch_schemas, load, to_batch
    from storyline.store import Store

    t: dict[str, float] = {}
    with clock(t, "spaCy model load"):
        wrapped = timed_pipeline()
    with Store(work / "local.duckdb") as store, Store(work / "arrow.duckdb") as arrow:
        with clock(t, "ingest"):
            ingest([feed], store)
        ingest([feed], arrow)
        docs = store.documents_by_ids(store.unanalysed())
        with clock(t, "analysis"):  # the parse and the per-report analysis, as one process runs them
            results = list(analyse_documents(docs))
        parts = own_times(wrapped)
        # the first component's time holds the tokenizer (the pipeline's input generator makes the Docs)
        t["  parse (spaCy, tokenizer included)"] = sum(v for k, v in parts.items() if k in SPACY)
        t["  Storyline components (actors, time)"] = sum(v for k, v in parts.items() if k not in SPACY)
        t["  events and the rest of the loop"] = t["analysis"] - wrapped[-1].cumulative
        schema = batch_schemas(arrow)
        with clock(t, "arrow batch (worker side)"):
            batches = [to_batch(results[k:k + 32], schema) for k in range(0, len(results), 32)]
        with clock(t, "store write, Arrow (driver)"):
            for b in batches:
                load(arrow, b)
        with clock(t, "store write, rows (local engine)"):
            _save(store, results, None)

        def ranked(*a, **kw):
            with clock(t, "stories' key days"):
                return story_key_days(*a, **kw)
        with clock(t, "corpus pass"):
            counts = finalize(store, rank_days=ranked)
        out = work / "local.json"
        with clock(t, "export"):
            export(store, "json", out)
    t["counts"] = counts
    return t, out


def process_pool(feed: Path, work: Path, workers: int) -> dict:
    """The analysis alone with the local engine's pool of ``workers`` processes (`run --workers K`), for what
    K processes give on this machine without Ray."""
    import resource

    from storyline.pipeline import analyse, ingest
    from storyline.store import Store

    t: dict[str, float] = {}
    with Store(work / "pool.duckdb") as store:
        ingest([feed], store)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with clock(t, "analysis + row writes"):
            analyse(store, n_process=workers)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    t["  of it, the workers' CPU (all workers)"] = (after.ru_utime + after.ru_stime
                                                    - before.ru_utime - before.ru_stime)
    return t


def on_ray(feed: Path, work: Path, workers: int) -> tuple[dict, Path]:
    """The Ray engine on a local cluster of ``workers`` CPUs, each stage timed."""
    import ray

    from storyline.export import export
    from storyline.pipeline import finalize, ingest
    from storyline.scale import RayEngine
    from storyline.store import Store

    t: dict[str, float] = {}
    with clock(t, "ray start"):
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        with Store(work / "ray.duckdb") as store:
            with clock(t, "ingest"):
                ingest([feed], store)
            stats: dict = {}
            with clock(t, "analysis + Arrow write (workers, driver)"):
                engine = RayEngine(ray, store, workers)
                engine.analyse(stats=stats)
            t["  of it, the workers' CPU (all workers)"] = workers_cpu()
            t["  of it, the driver's own work"] = stats["driver_s"]
            t["  of it, the driver waiting for workers"] = stats["wait_s"]
            with clock(t, "corpus pass (stories' key days on Ray)"):
                finalize(store, rank_days=engine.rank_days)
            out = work / "ray.json"
            with clock(t, "export"):
                export(store, "json", out)
    finally:
        ray.shutdown()
    return t, out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200, help="articles (default 200; 615 is all of t17)")
    ap.add_argument("--workers", type=int, default=2, help="Ray workers of the local cluster (default 2)")
    ap.add_argument("--cores-per-node", type=int, default=2, help="cores of a node in the projection (default 2)")
    ap.add_argument("--no-pool", dest="pool", action="store_false", help="skip the local worker-process run")
    ap.add_argument("--cpu", action="store_true", help="project from the stages' CPU seconds, not their wall "
                    "seconds (on a machine other programs load)")
    a = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="storyline-ray-scale-"))
    n, words = corpus(a.docs, work / "feed.jsonl")
    print(f"corpus: {n} T17 articles, {words} words ({words / n:.0f} per article); {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at the start")

    local_t, local_out = one_process(work / "feed.jsonl", work)
    load_local = os.getloadavg()[0]
    ray_t, ray_out = on_ray(work / "feed.jsonl", work, a.workers)
    pool_t = process_pool(work / "feed.jsonl", work, a.workers) if a.pool else {}
    print(f"load average (1 min) after the one-process run {load_local:.1f}, after the Ray run "
          f"{os.getloadavg()[0]:.1f} (2.0 or more: other programs took cores from the run)")

    local_total = sum(local_t[k] for k in ("spaCy model load", "ingest", "analysis", "store write, rows (local engine)",
                                           "corpus pass", "export"))
    ray_total = sum(v for k, v in ray_t.items() if k != "ray start" and not k.startswith(" "))
    print(f"\none process (local engine): {local_total:.1f} s, {n / local_total:.2f} reports/s, "
          f"{words / local_total:.0f} words/s")
    for k, v in local_t.items():
        if k != "counts":
            cpu = f"  cpu {CPU[k]:7.2f} s {1000 * CPU[k] / n:7.1f} ms/report" if k in CPU else ""
            print(f"  {k:40s} {v:7.2f} s  {1000 * v / n:7.1f} ms/report{cpu}")
    print(f"  ({local_t['counts']})")
    print(f"\nRay, {a.workers} local workers: {ray_total:.1f} s without the cluster's start "
          f"({ray_t['ray start']:.1f} s), {n / ray_total:.2f} reports/s; ratio to one process "
          f"{local_total / ray_total:.2f}x")
    for k, v in ray_t.items():
        print(f"  {k:40s} {v:7.2f} s  {1000 * v / n:7.1f} ms/report")
    if pool_t:
        print(f"\nfor comparison, the analysis with the local engine's {a.workers} worker processes (no Ray):")
        for k, v in pool_t.items():
            print(f"  {k:40s} {v:7.2f} s  {1000 * v / n:7.1f} ms/report")
    same = stripped(local_out) == stripped(ray_out)
    print(f"  export identical to the one-process export: {same}")

    # Amdahl: per report, what spreads over the cluster's cores and what the driver does alone (the driver's
    # own share of the Ray analysis: reading and sending reports, receiving and loading the Arrow batches)
    # the parallel part in CPU seconds with --cpu (what a free core takes); the driver's part always in wall
    # seconds (its DuckDB work runs on several threads, so its CPU seconds overstate it)
    per = {k: (CPU[k] if a.cpu and k in PARALLEL else local_t[k]) / n
           for k in ("ingest", "analysis", "arrow batch (worker side)", "corpus pass", "stories' key days", "export")}
    driver = ray_t["  of it, the driver's own work"] / n
    parallel = per["analysis"] + per["arrow batch (worker side)"] + per["stories' key days"]
    corpus_global = per["corpus pass"] - local_t["stories' key days"] / n
    serial = per["ingest"] + driver + corpus_global + per["export"]
    unit = "CPU" if a.cpu else "wall"
    print(f"\nper report, one core ({unit} seconds of the one-process run for the parallel part, wall seconds "
          f"for the driver's): parallel {1000 * parallel:.1f} ms "
          f"(parse + analysis + Arrow batch + stories' key days), sequential on the driver {1000 * serial:.1f} ms "
          f"(ingest {1000 * per['ingest']:.1f} + dispatch and DuckDB load {1000 * driver:.1f} + global corpus "
          f"pass {1000 * corpus_global:.1f} + export {1000 * per['export']:.1f}); parallel share "
          f"{parallel / (parallel + serial):.3f}")
    c = a.cores_per_node
    for nodes in (1, 10, 100):
        secs = serial + parallel / (nodes * c)
        print(f"  {nodes:3d} node(s) of {c} cores: {1 / secs:7.1f} reports/s "
              f"(speed-up {(serial + parallel) / secs:5.1f}x over one core)")
    print(f"  bound, any number of nodes: {1 / serial:.1f} reports/s (the driver's sequential work)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
