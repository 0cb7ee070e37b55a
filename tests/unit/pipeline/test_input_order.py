"""The same inputs in any order give the same stored reports under the same ids."""
from __future__ import annotations

import itertools
import json

from storyline.pipeline import ingest
from storyline.store import Store

TEXT = "The foreign ministers of Chile and Peru met in Lima on {day} to discuss the border, officials said."


def inputs(tmp_path):
    """Repeated texts under different ids, and different texts under one id ('brief')."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "b-copy.txt").write_text("Talks\n\n" + TEXT.format(day="Monday"))
    (d / "a-original.txt").write_text("Talks\n\n" + TEXT.format(day="Monday"))
    (d / "one.jsonl").write_text(json.dumps({"id": "brief", "text": TEXT.format(day="Tuesday")}) + "\n")
    (d / "two.jsonl").write_text(json.dumps({"id": "brief", "text": TEXT.format(day="Friday")}) + "\n"
                                 + json.dumps({"id": "z-copy", "text": TEXT.format(day="Tuesday")}) + "\n")
    (d / "three.jsonl").write_text(json.dumps({"id": "brief", "text": TEXT.format(day="Sunday")}) + "\n")
    return sorted(d.iterdir())


def test_duplicates_and_id_clashes_settle_the_same_in_every_order(tmp_path):
    files = inputs(tmp_path)
    seen = set()
    for k, order in enumerate(itertools.permutations(files)):
        if k % 7:  # 120 orders: a spread of them is enough
            continue
        with Store(tmp_path / f"s{k}.duckdb") as store:
            for f in order:  # one file per call, as separate runs would
                ingest([f], store)
            seen.add(tuple(store.con.execute("SELECT id, content_hash FROM documents ORDER BY id").fetchall()))
    assert len(seen) == 1
    ids = [i for i, _ in seen.pop()]
    assert "a-original" in ids and "b-copy" not in ids and "z-copy" not in ids
    assert sum(i == "brief" for i in ids) == 1 and sum(i.startswith("brief~") for i in ids) == 2
