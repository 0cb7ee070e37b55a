"""Throughput of `storyline run` against a bare spaCy `nlp.pipe` over the same texts.

    python bench/throughput.py N [--corpus DIR] [--workers K]

Builds N reports by varying the example corpus (each copy gets its own id and an edition
line, so none is a duplicate), runs `storyline run` on them in a subprocess (fresh store),
then a bare `nlp.pipe` of the same cleaned bodies in this process, and prints reports/s,
words/s, their ratio and the peak memory of each. A script that prints figures, not a test.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(src: Path, dest: Path, n: int) -> None:
    """N plain-text reports made from the example corpus (txt files and the cleaned others)."""
    from storyline.clean import clean_document
    from storyline.ingest import iter_raw
    from storyline.model import Document

    base = [d for d in iter_raw([src]) if isinstance(d, Document)]
    base = [clean_document(d) for d in base]
    if not base:
        sys.exit(f"no reports under {src}")
    dest.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        d = base[i % len(base)]
        (dest / f"bench{i:06d}.txt").write_text(f"{d.title or 'Report'}\n\n{d.body}\n\nEdition {i}.\n", encoding="utf-8")


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of reports")
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    try:
        make_corpus(args.corpus, tmp / "in", args.n)
        texts = [p.read_text(encoding="utf-8").split("\n", 2)[2] for p in sorted((tmp / "in").glob("*.txt"))]
        words = sum(len(t.split()) for t in texts)

        cmd = [sys.executable, "-m", "storyline", "run", str(tmp / "in"), "--db", str(tmp / "b.duckdb"),
               "--export", str(tmp / "out.json"), "--workers", str(args.workers)]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        t_run = time.perf_counter() - t0
        run_peak = peak_mb(resource.RUSAGE_CHILDREN)

        from storyline.nlp import BATCH_SIZE, MODEL
        import spacy

        nlp = spacy.load(MODEL)
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=args.workers):
            pass
        t_pipe = time.perf_counter() - t0
        pipe_peak = peak_mb(resource.RUSAGE_SELF)

        print(f"reports: {args.n}   words: {words}   workers: {args.workers}")
        print(f"storyline run : {args.n / t_run:8.1f} reports/s  {words / t_run:9.0f} words/s  "
              f"({t_run:.1f} s, includes start-up, ingest, export)  peak {run_peak:.0f} MB")
        print(f"bare nlp.pipe : {args.n / t_pipe:8.1f} reports/s  {words / t_pipe:9.0f} words/s  "
              f"({t_pipe:.1f} s)  peak {pipe_peak:.0f} MB")
        print(f"ratio run/pipe: {t_pipe / t_run:.2f} of bare spaCy speed")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
