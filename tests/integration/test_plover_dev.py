"""PLOVER's own hand-coded sentences (../shared/data/plover_gsr_dev.jsonl), scored as a new user would run it.

The floors are the figures measured when the classifier was trained, less a small margin: a real drop in
event coding on text nobody here wrote fails CI. (The issue's targets are higher; see
docs/event_classifier.md for where we stand.)
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "plover_score.py"
GOLD = ROOT.parent / "shared" / "data" / "plover_gsr_dev.jsonl"
CLI = Path(sys.executable).with_name("storyline")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not GOLD.exists(), reason="../shared/data not beside the repo")]


def test_plover_dev_sentences_hold_their_measured_floors():
    r = subprocess.run([sys.executable, str(SCORER), str(GOLD), "--cmd", str(CLI), "--json"],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads([x for x in r.stdout.splitlines() if x.startswith("{")][-1])
    assert got["type_acc"] >= 0.54, got        # measured 0.566 (0.27 before the classifier)
    assert got["macro_f1"] >= 0.55, got        # measured 0.580 (0.33)
    assert got["source_recall"] >= 0.50, got   # measured 0.529 (0.25)
    assert got["target_recall"] >= 0.37, got   # measured 0.397 (0.25)
    assert got["events_per_sentence"] <= 1.5, got
