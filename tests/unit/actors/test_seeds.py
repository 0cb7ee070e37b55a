"""The component over the dev reports, scored with the shared scorer's own actor logic."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from storyline.actors import merge_actors, pipe_with_dates

SHARED = Path(__file__).parents[3].parent / "shared"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.skipif(not (SEEDS.is_dir() and (SHARED / "eval" / "score.py").exists()),
                                reason="../shared dev data absent")


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scored(nlp):
    score = _score_module()
    gold = json.loads((SHARED / "eval" / "dev_gold.json").read_text(encoding="utf-8"))
    published = {g["id"]: g["published"]["value"] for g in gold["documents"]}
    ids, items = [], []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        first = next(i for i, line in enumerate(lines) if line.strip())  # the title line
        ids.append(path.stem)
        items.append(("\n".join(lines[first + 1:]).strip("\n"), published.get(path.stem)))
    mentions, tables = [], []
    for doc_id, doc in zip(ids, pipe_with_dates(nlp, items)):
        for m in doc._.actor_mentions:
            m.doc = doc_id
            mentions.append(m.to_dict())
        tables.append(doc._.actors)
    pred = {"actors": [a.to_dict() for a in merge_actors(tables).values()], "mentions": mentions}
    resolver = score.ActorResolver(gold["actors"])
    gold_docs = [g for g in gold["documents"] if g["id"] in ids]
    return score, gold, gold_docs, pred, resolver


def test_actor_scores_on_seeds(scored):
    score, gold, gold_docs, pred, resolver = scored
    for g in gold_docs:  # per document, so one good report cannot hide a bad one
        res = score.score_actors([g], pred, resolver)
        assert res["actors_r"] >= 0.95, (g["id"], res["misses"])
        assert res["actors_p"] >= 0.95, (g["id"], res["misses"])
    total = score.score_actors(gold_docs, pred, resolver)
    assert total["actors_f1"] >= 0.95, total["misses"]


def test_gold_people_resolve_with_affiliation(scored):
    _, gold, gold_docs, pred, resolver = scored
    actors = {a["id"]: a for a in pred["actors"]}
    for g in gold_docs:
        in_doc = {m["actor"] for m in pred["mentions"] if m["doc"] == g["id"]}
        for gid in g["actors"]:
            want = gold["actors"][gid]
            if want["kind"] != "person":
                continue
            hits = [actors[a] for a in in_doc if resolver.resolve_one(actors[a]) == gid]
            assert hits, (g["id"], gid)
            assert all(h["affiliation"] == want["affiliation"] for h in hits), (g["id"], gid, hits)
