"""The web page in real Chromium: timeline, filters, an event's evidence, reports, actors, SQL."""
from __future__ import annotations

import re

import httpx
import pytest

from storyline.store.duck import Store

pytestmark = pytest.mark.browser


def _rows(page) -> list[list[str]]:
    return page.eval_on_selector_all("#event-list tbody tr",
                                     "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent))")


def test_timeline_filter_event_evidence(page, live_server, shots, browser_db):
    page.goto(live_server + "/")
    page.wait_for_selector(".vis-item.vis-box, .vis-item.vis-range")
    everything = _rows(page)
    assert everything
    page.screenshot(path=str(shots / "timeline.png"), full_page=True)

    # filter by type: only that type is left, in the list and on the timeline
    event_type = page.eval_on_selector("#f-type", "s => s.options[1].value")
    page.select_option("#f-type", event_type)
    rows = _rows(page)
    assert rows and all(r[1] == event_type for r in rows) and len(rows) <= len(everything)
    classes = page.eval_on_selector_all(".vis-item.vis-box, .vis-item.vis-range", "els => els.map(e => e.className)")
    assert all(f"t-{event_type}" in c for c in classes)
    page.click("#f-reset")

    # filter by the actor with most events: the option label carries its count
    options = page.eval_on_selector_all("#f-actor option", "os => os.slice(1).map(o => [o.value, o.textContent])")
    actor, label = max(options, key=lambda o: int(re.search(r"\((\d+)\)$", o[1]).group(1)))
    page.select_option("#f-actor", actor)
    assert len(_rows(page)) == int(re.search(r"\((\d+)\)$", label).group(1))
    page.screenshot(path=str(shots / "timeline-filtered.png"), full_page=True)
    page.click("#f-reset")

    # open a multi-report event if there is one, else the first: its evidence shows highlighted
    item = page.locator(".vis-item.vis-box.multi, .vis-item.vis-range.multi").or_(
        page.locator(".vis-item.vis-box, .vis-item.vis-range")).first
    item.click()
    page.wait_for_selector("#detail:not([hidden]) mark.evidence")
    page.screenshot(path=str(shots / "timeline-selected.png"), full_page=True)
    event_id = page.evaluate("storyline.timeline.getSelection()[0]")
    page.click("#detail a[href^='/events/']")
    page.wait_for_url(re.compile(r"/events/"))
    event = httpx.get(f"{live_server}/api/events/{event_id}").json()
    marks = page.eval_on_selector_all("mark.evidence", "ms => ms.map(m => m.textContent)")
    assert marks and set(marks) <= {e["text"] for e in event["evidence"]}
    assert event["evidence"][0]["text"] in marks
    page.screenshot(path=str(shots / "event.png"), full_page=True)

    # its first report, with actors, dates and evidence marked
    page.click(".report h3 a")
    page.wait_for_selector(".report .body")
    assert page.locator(".report mark.evidence").count() > 0
    page.screenshot(path=str(shots / "report.png"), full_page=True)
    assert page.problems == []


def test_actor_and_sql_pages(page, live_server, shots):
    page.goto(live_server + "/actors")
    page.click("table.data tbody tr:first-child a")
    page.wait_for_selector("h2:has-text('Counterparts')")
    page.screenshot(path=str(shots / "actor.png"), full_page=True)
    page.goto(live_server + "/sql")
    page.click("form.sql button")
    page.wait_for_selector("table.data tbody tr")
    page.screenshot(path=str(shots / "sql.png"), full_page=True)
    page.fill("form.sql textarea", "DROP TABLE events")
    page.click("form.sql button")
    assert "only SELECT" in page.inner_text(".error")
    assert page.problems == [] or all("400" in p for p in page.problems)


def test_script_in_report_stays_text(page, live_server, browser_db):
    """The demo report that quotes a "<script>" tag shows it as text, and no script runs."""
    with Store(browser_db[0], read_only=True) as store:
        doc = next(d for d in store.documents() if "<script>" in d.body)
    page.goto(f"{live_server}/documents/{doc.id}")
    assert "<script>" in page.inner_text(".report .body")
    assert not any(p.startswith(("dialog", "pageerror")) for p in page.problems)


def test_self_contained_html_export(page, browser_db, tmp_path, shots):
    from storyline.export import export
    from storyline.store.duck import Store

    with Store(browser_db[0], read_only=True) as store:
        out = export(store, "html", tmp_path / "storyline.html")
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    page.goto(out.as_uri())
    page.wait_for_selector(".vis-item.vis-box, .vis-item.vis-range")
    page.locator(".vis-item.vis-box, .vis-item.vis-range").first.click()
    page.wait_for_selector("#detail:not([hidden]) mark.evidence")
    page.screenshot(path=str(shots / "export-html.png"), full_page=True)
    assert page.problems == []
