"""The JSON API and the read-only SQL box."""
from __future__ import annotations

import pytest

from storyline_sample import EVENTS


def test_events_and_filters(client):
    assert len(client.get("/api/events").json()) == len(EVENTS)
    assert {e["id"] for e in client.get("/api/events", params={"actor": "UKR"}).json()} == {"e4"}
    assert {e["id"] for e in client.get("/api/events", params={"type": "ACCUSE"}).json()} == {"e2"}
    assert {e["id"] for e in client.get("/api/events", params={"min_reports": 2}).json()} == {"e1"}
    got = client.get("/api/events", params={"start": "2022-01-05", "end": "2022-01-31"}).json()
    assert {e["id"] for e in got} == {"e1", "e4"}


def test_event_document_actor_detail(client):
    ev = client.get("/api/events/e1").json()
    assert ev["n_reports"] == 2 and [r["id"] for r in ev["reports"]] == ["d1_nato_council", "d2_talks_held"]
    doc = client.get("/api/documents/d1_nato_council").json()
    assert doc["published"] == "2022-01-04" and len(doc["mentions"]) == 5 and len(doc["timexes"]) == 2
    assert len(client.get("/api/documents").json()) == 3
    actor = client.get("/api/actors/RUS").json()
    assert len(actor["events"]) == 5 and actor["counterparts"][0] == {"id": "NATO", "name": "NATO", "n_events": 3}
    assert {a["id"] for a in client.get("/api/actors").json()} >= {"RUS", "NATO", "UKR"}


@pytest.mark.parametrize("url", ["/api/events/nope", "/api/documents/nope", "/api/actors/nope", "/api/export/xlsx"])
def test_api_404(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert url.rsplit("/", 1)[1] in r.json()["detail"]


def test_sql_select(client):
    r = client.get("/api/sql", params={"q": "SELECT id, n_reports FROM events WHERE n_reports > 1"})
    assert r.status_code == 200 and r.json()["rows"] == [["e1", 2]]
    r = client.post("/api/sql", json={"q": "WITH t AS (SELECT count(*) AS n FROM documents) SELECT n FROM t"})
    assert r.json()["rows"] == [[3]]
    assert "<td>e1</td>" in client.get("/sql", params={"q": "SELECT id FROM events ORDER BY id"}).text


@pytest.mark.parametrize("sql", ["DROP TABLE events", "INSERT INTO events (id, type) VALUES ('x', 'y')",
                                 "SELECT 1; DROP TABLE events", "DELETE FROM documents", "COPY events TO 'x.csv'",
                                 "ATTACH 'other.duckdb'"])
def test_sql_writes_rejected(client, sql):
    r = client.get("/api/sql", params={"q": sql})
    assert r.status_code == 400 and ("read-only" in r.json()["detail"] or "one statement" in r.json()["detail"])
    page = client.get("/sql", params={"q": sql})
    assert page.status_code == 400 and "only" in page.text
    assert client.get("/api/sql", params={"q": "SELECT count(*) FROM events"}).json()["rows"] == [[len(EVENTS)]]


def test_sql_cannot_read_files(client):
    r = client.get("/api/sql", params={"q": "SELECT * FROM read_text('/etc/hostname')"})
    assert r.status_code == 400


def test_sql_errors_are_400(client):
    assert client.get("/api/sql", params={"q": "SELECT * FROM no_such_table"}).status_code == 400
    assert client.get("/api/sql", params={"q": "   "}).status_code == 400


def test_export_download(client):
    r = client.get("/api/export/csv")
    assert r.status_code == 200 and r.text.startswith("id,date,")
    assert "attachment" in r.headers["content-disposition"]


def test_missing_store_is_503(tmp_path):
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    r = TestClient(create_app(str(tmp_path / "none.duckdb")), base_url="http://localhost").get("/api/events")
    assert r.status_code == 503 and "no store" in r.json()["detail"]
