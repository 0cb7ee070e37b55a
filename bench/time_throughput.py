"""Print the time stage's throughput: normalize (expressions/s, reports/s) and infer_published (reports/s).

    python bench/time_throughput.py [N]      # N synthetic reports, default 500

infer_published runs on N/4, N/2 and N reports, so its growth shows (it should stay near linear).
Every sixth undated report carries a WARC capture day (``Document.captured``), as crawled pages do.
"""
from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from storyline.model import Document
from storyline.time import infer_published, normalize

ACTORS = ["Armenia", "Azerbaijan", "Serbia", "Kosovo", "Ethiopia", "Eritrea", "the European Union", "the United Nations"]
SENTENCES = [
    "{a} and {b} will hold talks on {wd} in Vienna, officials said on {wd2}.",
    "{a} accused {b} on {md} of violating the truce agreed last {month}.",
    "Negotiators met for two days last week and plan another round next month.",
    "The ceasefire, signed on {full}, has largely held since {year}.",
    "Earlier in the week, {a} said it would send observers within 48 hours.",
    "Monitors report every week; the mission was extended for three years in {year}.",
    "A summit between {a} and {b} is scheduled for next {wd}, the ministry said today.",
    "Protests have grown in recent weeks, and the 2,000 troops deployed in the summer of {year} remain.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "May", "June", "September", "November"]


def report(rng: random.Random, i: int, day: date) -> Document:
    """One synthetic report of 8 to 14 sentences."""
    lines = []
    for _ in range(rng.randint(8, 14)):
        a, b = rng.sample(ACTORS, 2)
        other = day + timedelta(days=rng.randint(-20, 20))
        lines.append(rng.choice(SENTENCES).format(
            a=a, b=b, wd=rng.choice(WEEKDAYS), wd2=rng.choice(WEEKDAYS), month=rng.choice(MONTHS),
            md=f"{other:%B} {other.day}", full=f"{other:%B} {other.day}, {other.year}", year=rng.randint(2010, 2022)))
    published = day.isoformat() if i % 3 else None
    captured = (day + timedelta(days=rng.randint(0, 3))).isoformat() if i % 6 == 0 else None
    return Document(id=f"r{i}", body="\n".join(lines), published=published, captured=captured)


def main(n: int) -> None:
    rng = random.Random(4)
    docs = [report(rng, i, date(2023, 1, 1) + timedelta(days=rng.randint(0, 60))) for i in range(n)]
    t0 = time.perf_counter()
    count = sum(len(normalize(d.body, date(2023, 2, 1), d.id)) for d in docs)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        normalize(d.body, date(2023, 2, 2), d.id)
    warm = time.perf_counter() - t0
    words = sum(len(d.body.split()) for d in docs)
    print(f"normalize, first pass : {n} reports, {count} expressions, {words} words in {cold:.2f}s "
          f"-> {count / cold:,.0f} expressions/s, {n / cold:,.0f} reports/s, {words / cold:,.0f} words/s")
    print(f"normalize, re-run (DCT changed, patterns cached): {warm:.2f}s -> {count / warm:,.0f} expressions/s, "
          f"{n / warm:,.0f} reports/s")
    for size in sorted({max(1, n // 4), max(1, n // 2), n}):
        sub = docs[:size]
        t0 = time.perf_counter()
        out = infer_published(sub)
        spent = time.perf_counter() - t0
        undated = sum(1 for d in sub if not d.published)
        dated = sum(1 for d in sub if not d.published and out[d.id][0])
        print(f"infer_published: {len(sub)} reports ({undated} undated, {dated} given a date) in {spent:.2f}s "
              f"-> {len(sub) / spent:,.1f} reports/s")

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
