"""Every page answers, unknown ids are 404, and report text is always shown escaped."""
from __future__ import annotations

import re

import pytest

from storyline.web.highlight import Span, highlight
from storyline_sample import SCRIPT

PAGES = ["/", "/events/e1", "/events/e5", "/documents", "/documents/d1_nato_council", "/documents/d3_shelling",
         "/actors", "/actors/RUS", "/actors/person%3Ajens_stoltenberg", "/sql", "/docs", "/openapi.json"]


@pytest.mark.parametrize("url", PAGES)
def test_page_ok(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/events/nope", "/documents/nope", "/actors/nope"])
def test_unknown_page_404(client, url):
    r = client.get(url)
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "nope" in r.text


def test_event_page_highlights_every_span(client):
    html = client.get("/events/e1").text
    marks = re.findall(r'<mark class="evidence">(.*?)</mark>', html)
    assert marks == ["the NATO-Russia Council will meet in Brussels on January 12",
                     "Russian and NATO officials met in Brussels on Wednesday for more than four hours of talks."]


@pytest.mark.parametrize("url", ["/documents/d3_shelling", "/events/e4", "/", "/api/export/html"])
def test_script_text_escaped(client, url):
    html = client.get(url).text
    assert SCRIPT not in html
    assert "alert(1)" in html


def test_report_title_and_url_escaped(client):
    html = client.get("/documents/d3_shelling").text
    assert "<b>shells</b>" not in html and "&lt;b&gt;shells&lt;/b&gt;" in html
    assert 'href="javascript:' not in html


def test_report_view_marks_actors_dates_and_events(client):
    html = client.get("/documents/d1_nato_council").text
    assert re.search(r'<span class="mention"[^>]*>Jens Stoltenberg</span>', html)
    assert re.search(r'<span class="timex"[^>]*>on Tuesday</span>', html)
    assert re.search(r'<mark class="evidence"[^>]*data-event="e2"[^>]*>Moscow accused', html) or \
        re.search(r'<mark class="evidence mention"[^>]*>Moscow</mark>', html)


def test_actor_page_lists_events_and_counterparts(client):
    html = client.get("/actors/RUS").text
    assert "/events/e4" in html and "/actors/UKR" in html and "/actors/USA" in html


def test_highlight_splits_overlaps_and_escapes():
    text = "a <b> NATO said"
    out = str(highlight(text, [Span(0, 15, "evidence", mark=True), Span(6, 10, "mention", "actor: NATO"),
                               Span(30, 40, "bad"), Span(5, 3, "bad")]))
    assert out == ('<mark class="evidence">a &lt;b&gt; </mark><mark class="evidence mention" title="actor: NATO">'
                   'NATO</mark><mark class="evidence"> said</mark>')
