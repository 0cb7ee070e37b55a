"""The JSON, TimelineJS, graph and HTML exports read back with their own readers."""
from __future__ import annotations

import json
import re

import networkx as nx

from storyline.export import export
from storyline.export.json_export import validate
from storyline_sample import ACTORS, EVENTS, SCRIPT


def test_json_export_validates(store, tmp_path):
    data = json.loads(export(store, "json", tmp_path / "x.json").read_text())
    validate(data)
    assert len(data["events"]) == len(EVENTS) and len(data["actors"]) == len(ACTORS)


def test_timelinejs_dated_events_escaped(store, tmp_path):
    data = json.loads(export(store, "timelinejs", tmp_path / "tl.json").read_text())
    slides = {s["unique_id"]: s for s in data["events"]}
    assert set(slides) == {"e1", "e2", "e3", "e4"}  # e5 is undated
    assert "1 undated" in data["title"]["text"]["text"]
    assert slides["e1"]["start_date"] == {"year": 2022, "month": 1, "day": 12}
    assert slides["e3"]["start_date"] == {"year": 2021, "month": 12}
    assert slides["e1"]["group"] == "CONSULT" and slides["e1"]["text"]["headline"]
    assert "<script>" not in json.dumps(data) and "&lt;script&gt;" in slides["e4"]["text"]["text"]
    assert 'href="javascript' not in slides["e4"]["text"]["text"]  # the report's URL is not http(s)
    assert 'href="https://example.org/talks-held"' in slides["e1"]["text"]["text"]


def _check_graph(g: nx.DiGraph) -> None:
    assert {a.id for a in ACTORS} <= set(g.nodes)
    assert g.nodes["RUS"]["iso3"] == "RUS" and g.nodes["RUS"]["wikidata"] == "Q159"
    assert g.nodes["NATO"]["kind"] == "organization"
    assert g.nodes["RUS"]["n_events"] == 5
    assert g["RUS"]["NATO"]["weight"] == 2 and g["RUS"]["NATO"]["types"] == "ACCUSE; REJECT"
    assert g["NATO"]["RUS"]["weight"] == 1 and g["USA"]["RUS"]["types"] == "SANCTION"
    assert g.number_of_edges() == 4


def test_gexf(store, tmp_path):
    _check_graph(nx.read_gexf(export(store, "gexf", tmp_path / "g.gexf")))


def test_graphml(store, tmp_path):
    _check_graph(nx.read_graphml(export(store, "graphml", tmp_path / "g.graphml")))


def test_html_is_self_contained_and_safe(store, tmp_path):
    html = export(store, "html", tmp_path / "page.html").read_text()
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?:", html)  # nothing fetched
    assert "vis.Timeline" in html or "Timeline" in html
    # exactly the two script elements we wrote: data and code; report text cannot close them
    assert html.count("</script>") == 2
    assert SCRIPT not in html and "alert(1)" in html
    data = re.search(r'<script type="application/json" id="storyline-data">(.*?)</script>', html, re.S).group(1)
    payload = json.loads(data)
    assert len(payload["events"]) == len(EVENTS) and payload["mode"] == "file"
    e4 = next(e for e in payload["events"] if e["id"] == "e4")
    assert any(SCRIPT in ev["text"] for ev in e4["evidence"])
