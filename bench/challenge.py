"""Single-sentence event coding on the challenge set: recall and precision per PLOVER type.

    python bench/challenge.py [--set eval/challenge/sentences.jsonl] [--split dev|test|all] [--misses]

The split: odd-numbered sentences are for development (look at their misses), even-numbered
ones for measuring only (do not read them while changing patterns).

Each sentence goes through the production pipeline (parse, actors) and the event coder alone
(no dates, no fusion). An expected event is found when a coded event has its type (or an
accepted alternative), shares a source actor and, when one is expected, a target actor (either
way round for meetings and agreements); a person counts for the state or organisation they act
for. Precision counts coded events with both a source and a target. Prints figures, not a test.
"""
from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from splits import load, show_misses  # noqa: E402
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return text.removeprefix("the ").strip()


def names(ids: list[str], actors: dict, catalogue) -> set[str]:
    """Names of the actors and of whoever each person acts for."""
    out = set()
    for i in ids:
        a = actors.get(i) or catalogue.get(i)
        if a is None:
            out.add(norm(i))
            continue
        out.add(norm(a.name))
        aff = a.affiliation and (actors.get(a.affiliation) or catalogue.get(a.affiliation))
        if aff:
            out.add(norm(aff.name))
    return out


def matches(gold: dict, pred: tuple) -> bool:
    ptype, src, tgt, _ = pred
    if ptype not in {gold["type"], *gold.get("also", [])}:
        return False
    gs, gt = {norm(x) for x in gold["source"]}, {norm(x) for x in gold.get("target", [])}

    def fits(s: set, t: set) -> bool:
        return bool(s & gs) and (not gt or bool(t & gt))

    return fits(src, tgt) or (gold["type"] in SYMMETRIC and fits(tgt, src))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=ROOT / "eval" / "challenge" / "sentences.jsonl")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all",
                    help="dev: odd-numbered sentences (look at them); test: even-numbered (measure only)")
    ap.add_argument("--misses", action="store_true", help="print every missed and spurious event")
    args = ap.parse_args()

    from storyline.actors import load_catalogue
    from storyline.events import extract_events
    from storyline.nlp import load_nlp

    nlp, catalogue = load_nlp(), load_catalogue()
    records = load(args.set, args.split)
    found, expected, right, coded, status_ok = Counter(), Counter(), Counter(), Counter(), Counter()
    lines = []
    for rec in records:
        doc = nlp(rec["text"])
        ems = extract_events(doc, rec["id"], doc._.actor_mentions)
        preds = [(em.type, names(em.source, doc._.actors, catalogue), names(em.target, doc._.actors, catalogue),
                  em.status) for em in ems if em.source and em.target]
        used = set()
        for g in rec["events"]:
            expected[g["type"]] += 1
            hit = next((i for i, p in enumerate(preds) if i not in used and matches(g, p)), None)
            if hit is None:
                lines.append(f"  missed {rec['id']} {g['type']} {g['source']}->{g.get('target')}: {rec['text'][:110]}")
                continue
            used.add(hit)
            found[g["type"]] += 1
            status_ok[g["type"]] += preds[hit][3] == g.get("status", "occurred")
        for i, p in enumerate(preds):
            coded[p[0]] += 1
            if i in used or any(matches(g, p) for g in rec["events"]):
                right[p[0]] += 1
            else:
                lines.append(f"  spurious {rec['id']} {p[0]} {sorted(p[1])}->{sorted(p[2])}: {rec['text'][:110]}")
    print(f"{'type':10} {'recall':>7} {'precision':>9} {'status':>7}  (expected / coded)")
    for t in sorted(set(expected) | set(coded)):
        r = found[t] / expected[t] if expected[t] else 0.0
        p = right[t] / coded[t] if coded[t] else 0.0
        s = status_ok[t] / found[t] if found[t] else 0.0
        print(f"{t:10} {r:7.2f} {p:9.2f} {s:7.2f}  ({expected[t]} / {coded[t]})")
    R = sum(found.values()) / max(sum(expected.values()), 1)
    P = sum(right.values()) / max(sum(coded.values()), 1)
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"challenge: recall {R:.2f} precision {P:.2f} F1 {F:.2f} status {sum(status_ok.values()) / max(sum(found.values()), 1):.2f}"
          f" ({len(records)} sentences, {sum(expected.values())} expected events)")
    if args.misses:
        show_misses(lines, args.split)


if __name__ == "__main__":
    main()
