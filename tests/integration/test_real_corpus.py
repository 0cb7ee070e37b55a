"""Real news runs to a valid export: 60 articles of each Timeline17 topic in ../shared/data/t17
through `storyline run` (the command a user types), with the export checked against its schema."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

PER_TOPIC = 60


@pytest.mark.slow
def test_sixty_articles_of_each_topic_run_to_a_valid_export(shared_dir, tmp_path):
    from storyline.export.json_export import validate

    topics = sorted((shared_dir / "data" / "t17").glob("*.jsonl"))
    if not topics:
        pytest.skip("no Timeline17 topics in ../shared/data/t17")
    (tmp_path / "in").mkdir()
    for topic in topics:  # every 4th article, so a slice spans the topic's time
        lines = topic.read_text(encoding="utf-8").splitlines()
        step = max(1, len(lines) // PER_TOPIC)
        (tmp_path / "in" / topic.name).write_text("\n".join(lines[::step][:PER_TOPIC]) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    started = time.time()
    proc = subprocess.run([sys.executable, "-m", "storyline", "run", str(tmp_path / "in"), "--db",
                           str(tmp_path / "t17.duckdb"), "--export", str(out), "--workers", "2"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    validate(data)
    assert len(data["documents"]) >= 0.8 * PER_TOPIC * len(topics), proc.stderr[-2000:]
    assert data["events"], "real news gave no timeline events"
    print(f"{len(data['documents'])} reports, {len(data['events'])} events in {time.time() - started:.0f} s")
