#!/usr/bin/env python3
"""Extraction quality on the three gold sets.

Runs `storyline run` on each corpus into a temporary store, exports JSON, scores it with
../shared/eval/score.py and prints one headline line per set (per-block lines with --verbose).

    python bench/quality.py [--verbose] [--only dev,examples,dev2,heldout] [--keep DIR]

The held-out set (eval/heldout) is for measuring generalisation, not for tuning.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
SETS = {
    "dev": (SHARED / "seeds", SHARED / "eval" / "dev_gold.json"),
    "examples": (ROOT / "examples" / "corpus", ROOT / "eval" / "examples_gold.json"),
    "dev2": (ROOT / "eval" / "dev2" / "corpus", ROOT / "eval" / "dev2" / "gold.json"),
    "heldout": (ROOT / "eval" / "heldout" / "corpus", ROOT / "eval" / "heldout" / "gold.json"),
}


def run_set(name: str, corpus: Path, gold: Path, work: Path, verbose: bool) -> int:
    out = work / name
    out.mkdir(parents=True, exist_ok=True)
    export = out / "out.json"
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "storyline", "run", str(corpus), "--db", str(out / "db.duckdb"),
                           "--export", str(export)], capture_output=True, text=True, cwd=ROOT)
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        print(f"{name:9s} storyline run failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
        return 1
    score = subprocess.run([sys.executable, str(SCORER), str(gold), str(export), "--quiet"],
                           capture_output=True, text=True, cwd=ROOT)
    lines = [line for line in score.stdout.splitlines() if line.strip()]
    if score.returncode != 0 or not lines:
        print(f"{name:9s} scoring failed: {score.stderr.strip()[-500:]}")
        return 1
    print(f"{name:9s} {lines[-1]}  [{secs:.1f}s]")
    if verbose:
        for line in lines[:-1]:
            print(f"          {line}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="also print the per-block lines")
    ap.add_argument("--only", help="comma-separated subset of: " + ",".join(SETS))
    ap.add_argument("--keep", type=Path, help="keep stores and exports in this folder")
    args = ap.parse_args(argv)
    names = args.only.split(",") if args.only else list(SETS)
    rc = 0
    with tempfile.TemporaryDirectory(prefix="storyline-quality-") as tmp:
        work = args.keep or Path(tmp)
        for name in names:
            corpus, gold = SETS[name]
            rc |= run_set(name, corpus, gold, work, args.verbose)
    return rc


if __name__ == "__main__":
    sys.exit(main())
