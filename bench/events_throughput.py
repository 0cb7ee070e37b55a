#!/usr/bin/env python3
"""Events throughput: parse + actors + events + fusion on N reports; prints events/s and reports/s.

    .venv/bin/python bench/events_throughput.py [N]

Reports are the example corpus's .txt files (repeated up to N) or, without it, synthetic reports.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SYNTHETIC = [
    "Chile and Peru met in Lima on Monday. Peru accused Chile of massing troops on the border with Bolivia.",
    "Japan said it would impose sanctions on Brazil if it attacked Peru. Brazil rejected the accusation.",
    "Talks between Canada and Mexico are scheduled for next week. Canada urged Mexico to release the prisoners.",
]


def reports(n: int) -> list[tuple[str, str]]:
    files = sorted((ROOT / "examples").rglob("*.txt"))
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files] or SYNTHETIC
    return [(f"r{i:05d}", texts[i % len(texts)]) for i in range(n)]


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    from storyline.events import assign_dates, extract_events
    from storyline.fuse import fuse
    from storyline.model import Document
    from storyline.nlp import load_nlp

    try:
        nlp, with_actors = load_nlp(with_actors=True), True
    except Exception:  # actors component missing: events run on no mentions
        nlp, with_actors = load_nlp(with_actors=False), False
    docs = reports(n)
    t0 = time.perf_counter()
    ems, actors = [], {}
    for (doc_id, text), sdoc in zip(docs, nlp.pipe((t for _, t in docs), batch_size=16)):
        mentions = list(sdoc._.actor_mentions) if with_actors else []
        if with_actors:
            actors.update(sdoc._.actors)
        ems += extract_events(sdoc, doc_id, mentions)
    t1 = time.perf_counter()
    assign_dates(ems, [])
    events, stories = fuse(ems, actors, {d: Document(id=d, body=t) for d, t in docs})
    t2 = time.perf_counter()
    total = t2 - t0
    print(f"reports {n}  event mentions {len(ems)}  events {len(events)}  stories {len(stories)}")
    print(f"parse+actors+events {t1 - t0:.2f}s  fusion {t2 - t1:.3f}s  total {total:.2f}s")
    print(f"reports/s {n / total:.1f}  event mentions/s {len(ems) / total:.1f}  events/s {len(events) / total:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
