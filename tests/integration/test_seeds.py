"""The whole pipeline on the three dev reports in ../shared/seeds, scored by ../shared/eval/score.py.

The floors are the ones the issues set; CI fails when quality drops below them.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def seeds_export(tmp_path_factory, seeds_dir):
    """`storyline run ../shared/seeds --export out.json`, exactly as a user types it."""
    tmp = tmp_path_factory.mktemp("seeds")
    out = tmp / "out.json"
    subprocess.run([sys.executable, "-m", "storyline", "run", str(seeds_dir), "--db", str(tmp / "s.duckdb"),
                    "--export", str(out)], check=True, capture_output=True, text=True)
    return out


@pytest.fixture(scope="module")
def figures(seeds_export, gold, scorer):
    pred = json.loads(seeds_export.read_text(encoding="utf-8"))
    resolver = scorer.ActorResolver(gold["actors"])
    docs = {d["id"]: d for d in pred["documents"]}
    out = {}
    out.update(scorer.score_documents(gold["documents"], docs))
    out.update(scorer.score_timexes(gold["documents"], pred["timexes"]))
    out.update(scorer.score_actors(gold["documents"], pred, resolver))
    out.update(scorer.score_events(gold, pred, resolver))
    return out


def test_documents_block(figures):
    assert figures["boilerplate_removed"] == 1.0, figures
    assert figures["content_kept"] >= 0.99, figures
    assert figures["title_acc"] == 1.0, figures
