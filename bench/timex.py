"""Temporal expressions normalised against a given report date, on the independent timex set.

    python bench/timex.py [--set eval/timex/cases.jsonl] [--split dev|test|all] [--misses]

Each case gives a document date (DCT) and a text; ``storyline.time.normalize`` runs on it. An
expected expression is found when an extracted one overlaps its text (as ../shared/eval/score.py
matches them) and right when its value is the expected one or an accepted alternative. Spurious
counts extracted expressions that overlap no expected one. Odd-numbered cases are for looking at,
even-numbered ones for measuring only. Prints figures, not a test.
"""
from __future__ import annotations

import argparse
import sys
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from splits import load, show_misses  # noqa: E402


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w' ]+", " ", text.lower())).strip()


def overlaps(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a and b) and (a in b or b in a)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=ROOT / "eval" / "timex" / "cases.jsonl")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()

    from storyline.time import normalize

    cases = load(args.set, args.split)
    total = found = right = spurious = 0
    lines = []
    for case in cases:
        got = normalize(case["text"], case["dct"])
        used: set[int] = set()
        for want in case["timexes"]:
            total += 1
            ok = {want["value"], *want.get("accept", [])}
            cands = [i for i, t in enumerate(got) if i not in used and overlaps(t.text, want["text"])]
            if not cands:
                lines.append(f"  not found {case['id']} {want['text']!r} -> {want['value']} (dct {case['dct']})")
                continue
            found += 1
            hit = next((i for i in cands if got[i].value in ok), None)
            if hit is not None:
                right += 1
                used.add(hit)
            else:
                used.add(cands[0])
                lines.append(f"  wrong {case['id']} {want['text']!r}: got {got[cands[0]].value}, want {want['value']}"
                             f" (dct {case['dct']})")
        for i, t in enumerate(got):
            if i not in used and not any(overlaps(t.text, w["text"]) for w in case["timexes"]):
                spurious += 1
                lines.append(f"  spurious {case['id']} {t.text!r} -> {t.value}")
    print(f"timex: found {found / max(total, 1):.2f} value {right / max(total, 1):.2f} "
          f"spurious {spurious} ({len(cases)} cases, {total} expressions)")
    if args.misses:
        show_misses(lines, args.split)


if __name__ == "__main__":
    main()
