"""Key days leave the store in every view: the JSON export's `timeline`, `storyline timeline`, the web
page's "Key days" view and its API, and the self-contained HTML page; each can keep to one story.

The sample store (tests/storyline_sample.py) ranks its days with the real salience: January 12 (the
NATO-Russia Council, told by two reports) first, then the shelling of January 14 and January 4.
"""
from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.cli.main import app
from storyline.export import export
from storyline.export.html_page import payload
from storyline.export.json_export import validate
from storyline.web.app import create_app


def test_the_json_export_lists_the_key_days_most_important_first(store, tmp_path):
    data = json.loads(export(store, "json", tmp_path / "out.json").read_text(encoding="utf-8"))
    validate(data)
    days = data["timeline"]
    assert [d["date"] for d in days] == ["2022-01-12", "2022-01-14", "2022-01-04"]
    assert [d["score"] for d in days] == sorted((d["score"] for d in days), reverse=True)
    first = days[0]
    assert first["events"] == ["e1"] and first["n_reports"] == 2
    bodies = {d["id"]: d["body"] for d in data["documents"]}
    assert any(first["summary"] == " ".join(bodies[e["doc"]][e["start"]:e["end"]].split()) for e in first["evidence"])
    exported = {e["id"] for e in data["events"]}
    assert all(set(d["events"]) <= exported for d in days)


def test_an_export_of_one_story_keeps_its_reports_events_and_days(store, tmp_path):
    data = json.loads(export(store, "json", tmp_path / "s2.json", story="s2").read_text(encoding="utf-8"))
    validate(data)
    assert [d["id"] for d in data["documents"]] == ["d3_shelling"]
    assert [e["id"] for e in data["events"]] == ["e4"]
    assert [d["date"] for d in data["timeline"]] == ["2022-01-14"] and data["timeline"][0]["story"] == "s2"
    assert {m["doc"] for m in data["mentions"]} == {"d3_shelling"}


def test_the_html_page_carries_each_day_with_its_events_and_evidence_in_context(store):
    days = payload(store)["key_days"]
    first = days[0]
    assert first["date"] == "2022-01-12" and [e["id"] for e in first["events"]] == ["e1"]
    assert first["events"][0]["label"] == "NATO-Russia Council meets in Brussels"
    for ev in first["evidence"]:
        assert ev["text"] and ev["title"] and ev["published"]
        assert "\n" not in ev["before"] + ev["after"]  # the rest of its paragraph, no more


def test_storyline_timeline_prints_the_key_days(sample_db):
    runner = CliRunner()
    result = runner.invoke(app, ["timeline", "--db", str(sample_db), "--days", "2"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "1. 2022-01-12" in text and "2. 2022-01-14" in text and "2022-01-04" not in text
    assert "2 report(s)" in text
    one = runner.invoke(app, ["timeline", "--db", str(sample_db), "--story", "shelling", "--evidence", "1"])
    assert one.exit_code == 0 and "2022-01-14" in one.output and "2022-01-12" not in one.output
    assert "d3_shelling:" in one.output
    listed = runner.invoke(app, ["timeline", "--db", str(sample_db), "--stories"])
    assert "NATO-Russia talks" in listed.output and "Shelling of Avdiivka" in listed.output
    unknown = runner.invoke(app, ["timeline", "--db", str(sample_db), "--story", "Mars"])
    assert unknown.exit_code == 1 and "no story 'Mars'" in unknown.output


def test_the_web_page_and_api_show_key_days_and_filter_by_story(sample_db):
    with TestClient(create_app(str(sample_db)), base_url="http://localhost") as client:
        page = client.get("/days")
        assert page.status_code == 200 and 'id="key-days"' in page.text and "/static/keydays.js" in page.text
        assert "<script>alert(1)" not in page.text  # report text travels as escaped JSON only
        days = client.get("/api/key-days").json()
        assert [d["date"] for d in days] == ["2022-01-12", "2022-01-14", "2022-01-04"]
        assert days[0]["evidence"][0]["start"] < days[0]["evidence"][0]["end"]
        assert [d["date"] for d in client.get("/api/key-days", params={"story": "Shelling"}).json()] == ["2022-01-14"]
        assert client.get("/api/key-days", params={"story": "Mars"}).status_code == 404
        stories = client.get("/api/stories").json()
        assert [s["id"] for s in stories] == ["s1", "s2"]
        assert [e["id"] for e in client.get("/api/events", params={"story": "s2"}).json()] == ["e4"]
        assert client.get("/", params={"story": "s1"}).status_code == 200
        csv = client.get("/api/export/csv", params={"story": "s2"}).text
        assert "e4" in csv and "e1" not in csv
