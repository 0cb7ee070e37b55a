"""The Ray engine and worker processes store exactly what one local process stores."""
from __future__ import annotations

import pytest

from storyline.pipeline import analyse, ingest
from storyline.store import Store



REPORTS = {
    "a": "Border talks\n\nThe foreign ministers of Norway and Chile met in Oslo on Friday, officials said.\n",
    "b": "Aid pledged\n\nJapan pledged new humanitarian aid to Kenya on Monday, the ministry said.\n",
    "c": "Envoy expelled\n\nPeru expelled an envoy from Ghana last week, the government said.\n",
}


def stored(store: Store) -> tuple:
    q = lambda sql: store.con.execute(sql).fetchall()  # noqa: E731
    return (q("SELECT doc, actor, start, \"end\" FROM mentions ORDER BY ALL"),
            q("SELECT id, type, source, target FROM event_mentions ORDER BY ALL"),
            q("SELECT id FROM documents WHERE NOT analysed"))


def two_stores(tmp_path):
    """The same three reports ingested into two stores, for two ways of analysing them."""
    (tmp_path / "in").mkdir()
    for name, text in REPORTS.items():
        (tmp_path / "in" / f"{name}.txt").write_text(text)
    a, b = Store(tmp_path / "a.duckdb"), Store(tmp_path / "b.duckdb")
    ingest([tmp_path / "in"], a)
    ingest([tmp_path / "in"], b)
    return a, b


@pytest.mark.slow
def test_ray_engine_matches_local_engine(tmp_path):
    pytest.importorskip("ray")
    from storyline.scale import analyse_with_ray

    local, distributed = two_stores(tmp_path)
    with local, distributed:
        assert analyse(local) == 3
        assert analyse_with_ray(distributed, workers=2, chunk=2) == 3
        assert stored(distributed) == stored(local)
        assert stored(local)[0], "the reports name actors"


@pytest.mark.slow
def test_worker_processes_store_what_one_process_stores(tmp_path):
    one, two = two_stores(tmp_path)
    with one, two:
        assert analyse(one) == 3
        assert analyse(two, chunk=1, n_process=2) == 3
        assert stored(two) == stored(one)
