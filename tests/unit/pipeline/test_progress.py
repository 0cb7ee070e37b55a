"""Progress is counted in units whose total is known up front: files read, reports dated."""
from __future__ import annotations

import json

from storyline.pipeline import finalize, ingest
from storyline.store import Store

TEXT = "The foreign ministers of Chile and Peru met in Lima on {day}, officials said."


def test_the_read_bar_counts_files_and_the_corpus_pass_counts_reports(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Talks\n\n" + TEXT.format(day="Monday"))
    (tmp_path / "in" / "feed.jsonl").write_text("\n".join(json.dumps({"id": f"r{i}", "text": TEXT.format(day=d)})
                                                          for i, d in enumerate(["Tuesday", "Friday", "Sunday"])))
    seen: list[str] = []
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([tmp_path / "in"], store, progress=lambda what, n: seen.extend([what] * n))
        assert len(report.added) == 4 and seen == ["read", "read"]  # two files, whatever they hold
        seen.clear()
        finalize(store, progress=lambda what, n: seen.extend([what] * n))
        assert seen == ["dated"] * 4
