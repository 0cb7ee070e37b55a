"""Odd but valid reports go through every stage without an error and without inventing events."""
from __future__ import annotations

import json
import subprocess
import sys

ODD = {
    "numbers.txt": "Market table\n\n" + "\n".join(f"{i} {i * 3.5:.2f} {i % 7}" for i in range(200)),
    "one-long-line.txt": "Long\n\n" + ("The committee met again and the talks went on. " * 2000),
    "unicode.txt": "Ünïcödé ✓\n\nBeijing and Moscow — «talks» held in Zürich on 3 März? 🤝 The ministers "
                   "met in Zürich on Monday, officials said.\n",
    "no-sentences.txt": "Tags\n\nRussia Ukraine NATO Kremlin Biden Putin Kyiv Moscow Washington Brussels\n",
    "dates-only.txt": "Calendar\n\nJanuary 1, 2020\nFebruary 30, 2021\n2021-13-45\nnext week\nlast Friday\n",
    "future.txt": "Summit plans\n\nThe leaders of Chile and Peru will meet in Lima on March 3, 2031, "
                  "their offices said on Tuesday.\n",
    "headline-only.html": "<html><head><title>Only a title</title></head><body><h1>Only a title</h1></body></html>",
}


def test_odd_reports_run_end_to_end(tmp_path):
    (tmp_path / "in").mkdir()
    for name, text in ODD.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    proc = subprocess.run([sys.executable, "-m", "storyline", "run", str(tmp_path / "in"), "--db",
                           str(tmp_path / "s.duckdb"), "--export", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text())
    ids = {d["id"] for d in data["documents"]}
    assert {"numbers", "one-long-line", "unicode", "future"} <= ids
    assert "headline-only" not in ids and "headline-only.html: E005" in proc.stderr
    # the only events are the ones the texts tell
    for ev in data["events"]:
        assert ev["evidence"] and all(e["doc"] in ids for e in ev["evidence"])
    future = [e for e in data["events"] if any(x["doc"] == "future" for x in e["evidence"])]
    assert future and all(e["status"] == "scheduled" and e["date"] == "2031-03-03" for e in future)
