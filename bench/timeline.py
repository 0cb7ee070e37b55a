#!/usr/bin/env python3
"""Key days at corpus scale: one `storyline run` over every dev article of ../shared/data/t17 (both
topics in one store, as one mixed feed), timed, with its peak memory, then per topic the date F1 of
the key days against the human timeline and the two baselines `../shared/eval/timeline_score.py` prints.

    python bench/timeline.py [--workers N] [--max-docs N] [--keep DIR] [--topics A,B] [--rescore]

`--rescore` with `--keep DIR` reuses the store a previous run left there and redoes only the corpus pass
(`storyline analyse`: dates, fusion, stories, key days), timed: the way to tune salience and stories.

Each topic is scored on the key days of its story (the story most of its articles fell into), which is
what `storyline timeline --story` prints; `corpus` is the whole feed's ranking cut to the topic's span.
Also printed: how the feed split into stories (B-cubed F1 over the articles, each article's topic as
gold) and what fusion did (events, events told by several reports, the most told one).
A script that prints figures, not a test.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "t17"
SCORER = ROOT.parent / "shared" / "eval" / "timeline_score.py"


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MB."""
    children: dict[int, list[int]] = defaultdict(list)
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children[int(fields[1])].append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total / 2**20


def run_timed(cmd: list[str]) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run a command; its wall time and the peak resident memory of its process tree (sampled)."""
    peak = [0.0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)

    def watch() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
            time.sleep(0.5)
    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    out, err = proc.communicate()
    thread.join()
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), time.perf_counter() - started, peak[0]


def _scorer():
    spec = importlib.util.spec_from_file_location("timeline_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bcubed(clusters: list[list[str]], gold: dict[str, str]) -> float:
    of = {d: i for i, c in enumerate(clusters) for d in c if d in gold}
    members, classes = defaultdict(set), defaultdict(set)
    for d, i in of.items():
        members[i].add(d)
        classes[gold[d]].add(d)
    p = sum(len(members[of[d]] & classes[gold[d]]) / len(members[of[d]]) for d in of) / max(len(of), 1)
    r = sum(len(members[of[d]] & classes[gold[d]]) / len(classes[gold[d]]) for d in of) / max(len(of), 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=1, help="spaCy processes for the run (default 1)")
    ap.add_argument("--max-docs", type=int, default=0, help="articles per topic, evenly over time (0 = all)")
    ap.add_argument("--topics", default=None, help="comma-separated (default: every topic in the folder)")
    ap.add_argument("--keep", type=Path, help="keep the inputs, store and export in this folder")
    ap.add_argument("--rescore", action="store_true", help="with --keep: redo only the corpus pass on the kept store")
    a = ap.parse_args(argv)
    ts = _scorer()
    topics = a.topics.split(",") if a.topics else sorted(p.name[:-6] for p in DATA.glob("*.jsonl"))
    work = a.keep or Path(tempfile.mkdtemp(prefix="storyline-timeline-"))
    work.mkdir(parents=True, exist_ok=True)
    docs_of, gold_of = {}, {}
    for topic in topics:
        docs = [json.loads(x) for x in (DATA / f"{topic}.jsonl").read_text().splitlines() if x.strip()]
        docs = ts.evenly(docs, a.max_docs)
        (work / f"{topic}.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
        docs_of[topic] = docs
        gold_of.update({d["id"]: topic for d in docs})
    db, out = work / "dev.duckdb", work / "dev.json"
    n = sum(len(v) for v in docs_of.values())
    if a.rescore and db.exists():
        proc, secs, peak = run_timed([sys.executable, "-m", "storyline", "analyse", "--db", str(db)])
        what = f"corpus pass over the kept store of {n} articles"
    else:
        db.unlink(missing_ok=True)
        proc, secs, peak = run_timed([sys.executable, "-m", "storyline", "run",
                                      *[str(work / f"{t}.jsonl") for t in topics], "--db", str(db), "--export",
                                      str(out), "--workers", str(a.workers)])
        what = (f"run: {n} articles ({', '.join(f'{t} {len(v)}' for t, v in docs_of.items())}), "
                f"--workers {a.workers},")
    if proc.returncode != 0:
        print(f"storyline failed ({proc.returncode}): {proc.stderr[-1500:]}")
        return 1
    load = os.getloadavg()[0]
    print(f"{what} {secs:.0f} s ({n / secs:.2f} articles/s), peak memory {peak:.0f} MB "
          f"(load average {load:.1f} on {os.cpu_count()} cores at the end)")

    from storyline.store import Store

    with Store(db, read_only=True) as store:
        stories = store.stories()
        corpus_days = [k.date for k in store.key_days()]
        events = store.events()
        timexes = store.timexes()
        story_days = {s.id: [k.date for k in store.key_days(story=s.id)] for s in stories}
    print(f"stories: {len(stories)}; B-cubed F1 over the articles (topic as gold) "
          f"{bcubed([s.docs for s in stories], gold_of):.3f}; largest: "
          + "; ".join(f"{s.label} ({len(s.docs)})" for s in sorted(stories, key=lambda s: -len(s.docs))[:len(topics)]))
    told = [e for e in events if e.n_reports > 1]
    top = max(events, key=lambda e: e.n_reports) if events else None
    print(f"fusion: {len(events)} events ({sum(e.timeline for e in events)} on the timeline), {len(told)} told by "
          f"several reports (mean {sum(e.n_reports for e in told) / max(len(told), 1):.1f} reports)"
          + (f", most told: {top.summary!r} by {top.n_reports} reports" if top else ""))
    for topic, docs in docs_of.items():
        ids = {d["id"] for d in docs}
        mine = Counter(s.id for s in stories for d in s.docs if d in ids)
        story = mine.most_common(1)[0][0] if mine else None
        pubvol = ts.ranked({d: (c,) for d, c in Counter(x.get("published") for x in docs).items() if ts.day(d)})
        tx = Counter(ts.day(t.value) for t in timexes if t.doc in ids)
        tx.pop(None, None)
        timexvol = ts.ranked({d: (c,) for d, c in tx.items()})
        for i, tl in enumerate(json.loads((DATA / f"{topic}.timelines.json").read_text())):
            gold = sorted({d for d, _ in tl})
            k, lo, hi = len(gold), gold[0], gold[-1]
            f1 = {name: ts.f1([d for d in days if lo <= d <= hi][:k], gold) for name, days in (
                ("story", story_days.get(story, [])), ("corpus", corpus_days), ("pubvol", pubvol),
                ("timexvol", timexvol))}
            print(f"{topic} #{i}: k={k} date F1 storyline {f1['story']:.3f} (whole feed {f1['corpus']:.3f}) "
                  f"pubvol {f1['pubvol']:.3f} timexvol {f1['timexvol']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
