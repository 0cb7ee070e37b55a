"""A Ray worker that dies does not stop the run: it is replaced, its batches are redone report by report,
and the store ends as a local run's."""
from __future__ import annotations

import pytest

from storyline.pipeline import analyse, ingest
from storyline.store import Store

REPORTS = {
    "a": "Border talks\n\nThe foreign ministers of Norway and Chile met in Oslo on Friday, officials said.\n",
    "b": "Aid pledged\n\nJapan pledged new humanitarian aid to Kenya on Monday, the ministry said.\n",
    "c": "Envoy expelled\n\nPeru expelled an envoy from Ghana last week, the government said.\n",
    "d": "Troops withdrawn\n\nRussia withdrew troops from the border with Georgia on Sunday, officials said.\n",
}


def stored(store: Store) -> tuple:
    q = lambda sql: store.con.execute(sql).fetchall()  # noqa: E731
    return (q("SELECT * FROM mentions ORDER BY ALL"), q("SELECT * FROM actors ORDER BY id"),
            q("SELECT id, type, source, target FROM event_mentions ORDER BY ALL"),
            q("SELECT id, analysed FROM documents ORDER BY id"), q("SELECT count(*) FROM skipped"))


@pytest.mark.slow
def test_a_dead_worker_is_replaced_and_its_reports_analysed(tmp_path):
    ray = pytest.importorskip("ray")
    from storyline.scale import RayEngine, session

    (tmp_path / "in").mkdir()
    for name, text in REPORTS.items():
        (tmp_path / "in" / f"{name}.txt").write_text(text)
    with Store(tmp_path / "local.duckdb") as local, Store(tmp_path / "ray.duckdb") as distributed:
        ingest([tmp_path / "in"], local)
        ingest([tmp_path / "in"], distributed)
        assert analyse(local) == 4
        with session(workers=2):
            engine = RayEngine(ray, distributed, 2)
            dead = engine.actors[0]
            ray.kill(dead)  # as a crash or the kernel's OOM killer would
            assert engine.analyse(chunk=2) == 4
            assert engine.actors[0] is not dead
        assert stored(distributed) == stored(local)
        assert stored(local)[2], "the reports tell events"
