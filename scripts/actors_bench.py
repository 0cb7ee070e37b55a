#!/usr/bin/env python3
"""Words per second of the spaCy pipeline with and without the storyline_actors component.

    .venv/bin/python scripts/actors_bench.py [--corpus examples/corpus] [--repeat 20]

The corpus is ingested and cleaned in memory (as `storyline run` does), its bodies repeated
--repeat times, and each pipeline run over them once after a warm-up.
"""
import argparse
import time
from datetime import date
from pathlib import Path

from storyline.clean import clean_document
from storyline.errors import InputSkipped
from storyline.ingest import iter_raw
from storyline.nlp import BATCH_SIZE, load_nlp


def bodies(corpus: Path) -> list[tuple[str, date | None]]:
    out = []
    for item in iter_raw([corpus], 25.0):
        if isinstance(item, InputSkipped):
            continue
        try:
            d = clean_document(item)
        except InputSkipped:
            continue
        out.append((d.body, date.fromisoformat(d.published) if d.published else None))
    return out


def run(nlp, items) -> float:
    docs = []
    for text, dct in items:
        doc = nlp.make_doc(text)
        if doc.has_extension("dct"):
            doc._.dct = dct
        docs.append(doc)
    t = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[1] / "examples" / "corpus"))
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    items = bodies(Path(args.corpus)) * args.repeat
    words = sum(len(t.split()) for t, _ in items)
    results = {}
    for with_actors in (False, True):
        nlp = load_nlp(with_actors=with_actors)
        run(nlp, items[: max(1, len(items) // args.repeat)])  # warm-up: loads tables and the gazetteer
        results[with_actors] = run(nlp, items)
    base, full = results[False], results[True]
    print(f"{len(items)} reports, {words} words")
    print(f"without actors: {words / base:8.0f} words/s ({base:.2f} s)")
    print(f"with actors:    {words / full:8.0f} words/s ({full:.2f} s)")
    print(f"actors component: {100 * (full - base) / full:.1f}% of the time, "
          f"{words / max(full - base, 1e-9):.0f} words/s on its own")


if __name__ == "__main__":
    main()
