"""Exports carry the timeline events; --all-events adds the rest; the API can ask for either."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from storyline.export import export
from storyline.store import Store
from storyline.web.app import create_app
from storyline_sample import EVENTS, build_store


@pytest.fixture()
def db(tmp_path):
    path = build_store(tmp_path / "s.duckdb")
    con = duckdb.connect(str(path))
    con.execute("UPDATE events SET timeline = (id <> 'e5')")  # e5: undated, one the filter leaves out
    con.close()
    return path


def test_exports_keep_timeline_events_unless_all_are_asked_for(db, tmp_path):
    with Store(db, read_only=True) as store:
        default = pd.read_csv(export(store, "csv", tmp_path / "a.csv"))
        every = pd.read_csv(export(store, "csv", tmp_path / "b.csv", all_events=True))
    assert sorted(default["id"]) == ["e1", "e2", "e3", "e4"]
    assert len(every) == len(EVENTS)


def test_api_timeline_parameter(db):
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        assert len(client.get("/api/events").json()) == len(EVENTS)
        assert {e["id"] for e in client.get("/api/events", params={"timeline": True}).json()} == {"e1", "e2", "e3", "e4"}
