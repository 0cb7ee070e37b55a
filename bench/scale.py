"""Scale figures in one run: real news against the bare parse, then growing feeds and adding to them.

    python bench/scale.py [--sizes 1000,5000,10000] [--real N|all] [--add 100] [--skip-real] [--workers K]

(a) The T17 articles (../shared/data/t17, 615 real news reports): `storyline run` with a JSON export
    against a bare `nlp.pipe` of the same cleaned bodies, each in a fresh process timed from its
    start (interpreter, model load and all), reports/s, words/s and their ratio.
(b) For each size N of the varied corpus (bench/corpus.py): `storyline run` of N reports in a fresh
    process (reports/s, peak RSS read from wait4), then `storyline run` of --add new reports of the
    same feed into that store (its time as a share of the full run). A script that prints figures.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
T17 = ROOT.parent / "shared" / "data" / "t17"


@dataclass
class Timed:
    """One command in a fresh process: wall seconds, CPU seconds (user + system: what a shared machine's
    other load changes least), peak RSS in MB."""

    wall: float
    cpu: float
    peak: float

    def __str__(self) -> str:
        return f"{self.wall:.1f} s wall, {self.cpu:.1f} s CPU, peak {self.peak:.0f} MB"


def timed(cmd: list[str]) -> Timed:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    out, errs = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{errs[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # the children's ru_maxrss is the largest of all so far: each child reports its own peak instead
    peak = json.loads(out.strip().splitlines()[-1])["peak_mb"]
    return Timed(wall, cpu, peak)


def run_cmd(inputs: list[Path], db: Path, export: Path | None, workers: int) -> list[str]:
    cmd = [sys.executable, __file__, "--child-run", "--", *map(str, inputs), "--db", str(db), "--workers", str(workers)]
    return cmd + (["--export", str(export)] if export else [])


def _child_run(argv: list[str]) -> None:
    """`storyline run ARGS` in this process, then its peak RSS as one JSON line."""
    import resource

    from storyline.cli.main import app

    try:
        app(["run", *argv], standalone_mode=False)
    finally:
        print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _child_parse(path: str) -> None:
    """A bare spaCy parse of the texts in PATH (a JSON list), then its peak RSS."""
    import resource

    import spacy

    from storyline.nlp import BATCH_SIZE, MODEL

    texts = json.loads(Path(path).read_text(encoding="utf-8"))
    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def real_news(tmp: Path, limit: int | None, workers: int) -> dict:
    """(a): the run and the bare parse of the same cleaned bodies."""
    import duckdb

    feed = tmp / "t17.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        recs = [json.loads(line) for p in sorted(T17.glob("*.jsonl")) for line in p.read_text(encoding="utf-8").splitlines()]
        for rec in recs[:limit] if limit else recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    db = tmp / "t17.duckdb"
    run = timed(run_cmd([feed], db, tmp / "t17.json", workers))
    with duckdb.connect(str(db), read_only=True) as con:
        texts = [r[0] for r in con.execute("SELECT body FROM documents ORDER BY id").fetchall()]
    (tmp / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    pipe = timed([sys.executable, __file__, "--child-parse", str(tmp / "texts.json")])
    n, words = len(texts), sum(len(t.split()) for t in texts)
    print(f"(a) real news: {n} T17 reports, {words} words (each command in a fresh process, start-up included)")
    for name, t in (("storyline run ", run), ("bare nlp.pipe ", pipe)):
        print(f"    {name}: {n / t.wall:6.2f} reports/s {words / t.wall:7.0f} words/s by the clock; "
              f"{n / t.cpu:6.2f} reports/s {words / t.cpu:7.0f} words/s of CPU ({t})")
    print(f"    ratio run/pipe: {pipe.wall / run.wall:.2f} by the clock, {pipe.cpu / run.cpu:.2f} by CPU time", flush=True)
    return {"reports": n, "words": words, "run": asdict(run), "pipe": asdict(pipe),
            "ratio_wall": pipe.wall / run.wall, "ratio_cpu": pipe.cpu / run.cpu}


def feeds(tmp: Path, sizes: list[int], add: int, seed: int, workers: int) -> list[dict]:
    """(b): each size in a fresh store, then ``add`` more reports of the same feed into it."""
    from corpus import generate

    rows = []
    for n in sizes:
        recs = generate(n + add, seed)
        first, more = tmp / f"feed{n}.jsonl", tmp / f"more{n}.jsonl"
        first.write_text("".join(json.dumps(r) + "\n" for r in recs[:n]), encoding="utf-8")
        more.write_text("".join(json.dumps(r) + "\n" for r in recs[n:]), encoding="utf-8")
        words = sum(len(r["text"].split()) for r in recs[:n])
        db = tmp / f"feed{n}.duckdb"
        full = timed(run_cmd([first], db, tmp / f"feed{n}.json", workers))
        add_t = timed(run_cmd([more], db, tmp / f"feed{n}.json", workers))
        row = {"reports": n, "words": words, "full": asdict(full), "add": add, "add_run": asdict(add_t),
               "add_share_wall": add_t.wall / full.wall, "add_share_cpu": add_t.cpu / full.cpu}
        print(f"(b) {n:6d} reports ({words} words): {n / full.wall:6.2f} reports/s by the clock, "
              f"{n / full.cpu:6.2f} of CPU ({full})", flush=True)
        print(f"    +{add} reports: {add_t}; {add_t.wall / full.wall:.1%} of the full run by the clock, "
              f"{add_t.cpu / full.cpu:.1%} by CPU", flush=True)
        rows.append(row)
        db.unlink(missing_ok=True)  # the next size needs the disk more than this store
    if len(rows) > 1:
        print(f"    peak RSS at {rows[-1]['reports']} / at {rows[0]['reports']}: "
              f"{rows[-1]['full']['peak'] / rows[0]['full']['peak']:.2f}x")
    return rows


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-run":
        return _child_run(sys.argv[3:])
    if len(sys.argv) > 1 and sys.argv[1] == "--child-parse":
        return _child_parse(sys.argv[2])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,10000", help="feed sizes, comma-separated ('' for none)")
    ap.add_argument("--real", default="all", help="how many T17 articles for (a): a number or all")
    ap.add_argument("--skip-real", action="store_true")
    ap.add_argument("--add", type=int, default=100, help="reports added to each store")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="storyline-scale-"))
    figures: dict = {}
    try:
        if not args.skip_real:
            figures["real"] = real_news(tmp, None if args.real == "all" else int(args.real), args.workers)
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        if sizes:
            figures["feeds"] = feeds(tmp, sizes, args.add, args.seed, args.workers)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
