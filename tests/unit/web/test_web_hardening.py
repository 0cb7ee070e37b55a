"""The web page is safe to leave open: it answers only local host names, sends security headers,
bounds what one SQL query may take, serves its API docs offline, links every id, and keeps
working while a run writes the store."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from storyline.model import Document, Event, Evidence
from storyline.store import Store
from storyline.web.app import create_app


def test_other_host_names_are_refused(sample_db):
    app = create_app(str(sample_db))
    assert TestClient(app, base_url="http://localhost").get("/api/events").status_code == 200
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
    rebound = TestClient(app, base_url="http://attacker.example")
    assert rebound.get("/api/sql", params={"q": "SELECT 1"}).status_code == 400
    added = create_app(str(sample_db), allowed_hosts=["storyline.lan"])
    assert TestClient(added, base_url="http://storyline.lan").get("/api/events").status_code == 200


@pytest.mark.parametrize("path", ["/", "/api/events", "/docs", "/static/storyline.css", "/nowhere"])
def test_every_answer_carries_security_headers(client, path):
    r = client.get(path)
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"


def test_api_docs_load_everything_from_the_package(client):
    page = client.get("/docs").text
    assert "http://" not in page and "https://" not in page and "<script>" not in page
    for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/vendor/swagger-ui/swagger-ui.css",
                  "/static/swagger-init.js", "/openapi.json"):
        assert asset in page or asset == "/openapi.json"
        assert client.get(asset).status_code == 200
    assert client.get("/redoc").status_code == 404  # it would load ReDoc from a CDN


def test_one_sql_query_cannot_take_the_server_memory(client):
    r = client.get("/api/sql", params={"q": "SELECT repeat('x', 1000000) AS big FROM range(1000)"})
    assert len(r.content) < 3_000_000  # 1 GB of text before
    if r.status_code == 200:
        body = r.json()
        assert body["truncated"] and body["cells_cut"]
    else:
        assert r.status_code == 400 and "memory" in r.json()["detail"]
    r = client.get("/api/sql", params={"q": "SELECT repeat('y', 50000) AS v FROM range(300)"})
    body = r.json()
    assert r.status_code == 200 and body["truncated"] and len(body["rows"]) < 300
    assert len(r.content) < 3_000_000
    page = client.get("/sql", params={"q": "SELECT repeat('y', 50000) AS v FROM range(300)"})
    assert page.status_code == 200 and "first rows only" in page.text


def test_sql_box_still_answers_plain_queries(client):
    body = client.get("/api/sql", params={"q": "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type;"}).json()
    assert body["columns"] == ["type", "n"] and body["rows"] and not body["truncated"]
    assert client.get("/api/sql", params={"q": "DESCRIBE events"}).status_code == 200


@pytest.fixture()
def slashed_db(tmp_path):
    body = "Chile and Peru met in Lima on Monday, officials said."
    with Store(tmp_path / "s.duckdb") as st:
        st.add_document(Document("feeds/2022/a1", body, title="Lima talks", published="2022-01-05", content_hash="h"))
        st.save_corpus([], [], [Event("feeds/2022/a1:e0", "CONSULT", ["CHL"], ["PER"], date="2022-01-03",
                                      date_start="2022-01-03", date_end="2022-01-03", precision="day",
                                      evidence=[Evidence("feeds/2022/a1", 0, len(body), body)])], [])
    return tmp_path / "s.duckdb"


def test_ids_holding_a_slash_have_working_links(slashed_db):
    c = TestClient(create_app(str(slashed_db)), base_url="http://localhost")
    docs = c.get("/documents").text
    assert 'href="/documents/feeds%2F2022%2Fa1"' in docs
    assert c.get("/documents/feeds%2F2022%2Fa1").status_code == 200
    assert c.get("/events/feeds%2F2022%2Fa1%3Ae0").status_code == 200
    assert c.get("/api/documents/feeds%2F2022%2Fa1").json()["id"] == "feeds/2022/a1"
    assert c.get("/api/events/feeds%2F2022%2Fa1%3Ae0").json()["id"] == "feeds/2022/a1:e0"


def test_pages_keep_working_while_a_run_writes_the_store(slashed_db, tmp_path):
    """Another process holding the file for writing (a run) locks readers out; the page reads a copy."""
    writer = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({str(slashed_db)!r})\n"
        "con.execute(\"INSERT INTO skipped (input, reason) VALUES ('x', 'E001 empty file')\")\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        c = TestClient(create_app(str(slashed_db)), base_url="http://localhost")
        r = c.get("/api/documents")
        assert r.status_code == 200 and [d["id"] for d in r.json()] == ["feeds/2022/a1"]
        assert c.get("/").status_code == 200
        sql = c.get("/api/sql", params={"q": "SELECT count(*) FROM skipped"}).json()
        assert sql["rows"] == [[1]]  # the copy holds what the writer committed
    finally:
        writer.kill()
        writer.wait()


def test_concurrent_sql_queries_do_not_collide(sample_db):
    """Requests run in a thread pool: each SQL query reads through its own cursor."""
    import threading

    app = create_app(str(sample_db))
    failures = []

    def ask(k: int) -> None:
        c = TestClient(app, base_url="http://localhost")
        for _ in range(8):
            q = "SELECT type, count(*) FROM events GROUP BY 1" if k % 2 else "SELECT repeat('x', 100000) FROM range(50)"
            r = c.get("/api/sql", params={"q": q})
            if r.status_code != 200:
                failures.append(r.text[:200])

    threads = [threading.Thread(target=ask, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:3]


def test_a_gigabyte_value_is_refused_by_the_sql_box_process(client):
    """DuckDB's own memory limit misses a single huge string; the SQL box's process limit does not."""
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.time()
    r = client.get("/api/sql", params={"q": "SELECT length(repeat('x', 1000000000)) AS n"})
    assert r.status_code == 400 and "memory" in r.json()["detail"]
    assert time.time() - started < 15
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB: this process stayed small
    assert client.get("/api/sql", params={"q": "SELECT 42 AS n"}).json()["rows"] == [[42]]  # and the box works on


def test_the_sql_box_leaves_nothing_open_that_breaks_a_later_fork(client):
    """A DuckDB connection kept open in a request thread made every later forked process crash
    (the --workers pool, Ray's start) in a process that also served the page."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    assert client.get("/sql", params={"q": "SELECT 1"}).status_code == 200
    assert client.get("/api/sql", params={"q": "SELECT 2"}).status_code == 200
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        assert pool.submit(abs, -3).result(timeout=60) == 3
