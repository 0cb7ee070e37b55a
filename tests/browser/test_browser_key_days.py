"""The Key days view in real Chromium, on a store built from real news: twenty CNN articles on Egypt's
2011 protests (../shared/data/t17). The view lists the key days, most important first; opening a day
shows its events and its evidence, highlighted; the self-contained HTML export carries the same section.
"""
from __future__ import annotations

import json

import httpx
import pytest

pytestmark = pytest.mark.browser

ARTICLES = 20


@pytest.fixture(scope="module")
def egypt_db(shared_dir, tmp_path_factory):
    from storyline.pipeline import run
    from storyline.store import Store

    source = shared_dir / "data" / "t17" / "EgyptianProtest_cnn.jsonl"
    if not source.exists():
        pytest.skip("the Timeline17 Egypt topic is not in ../shared/data/t17")
    lines = source.read_text(encoding="utf-8").splitlines()
    work = tmp_path_factory.mktemp("egypt")
    (work / "egypt.jsonl").write_text("\n".join(lines[i * len(lines) // ARTICLES] for i in range(ARTICLES)) + "\n",
                                      encoding="utf-8")
    db = work / "egypt.duckdb"
    with Store(db) as store:
        run([work / "egypt.jsonl"], store)
        assert store.key_days(), "twenty Egypt articles gave no key days"
    return db


@pytest.fixture(scope="module")
def egypt_server(egypt_db):
    from conftest import serve_store

    yield from serve_store(egypt_db)


def test_key_days_view_opens_a_day_with_its_evidence_highlighted(page, egypt_server, shots):
    days = httpx.get(f"{egypt_server}/api/key-days").json()
    page.goto(egypt_server + "/")
    page.click("nav a[href='/days']")
    page.wait_for_selector("#key-days details.day")
    listed = page.eval_on_selector_all("#key-days details.day", "ds => ds.map(d => d.dataset.date)")
    assert listed == [d["date"] for d in days][:len(listed)] and len(listed) == min(10, len(days))
    assert all(d["date"].startswith("2011-") for d in days[:5])  # the protests' days, not the byline dates
    page.screenshot(path=str(shots / "key-days.png"), full_page=True)

    first = page.locator("#key-days details.day").first
    first.locator("summary").click()
    page.wait_for_selector("#key-days details.day[open] mark.evidence")
    marks = page.eval_on_selector_all("#key-days details.day[open] mark.evidence", "ms => ms.map(m => m.textContent)")
    assert marks == [e["text"] for e in days[0]["evidence"]]
    shown = page.eval_on_selector_all("#key-days details.day[open] .day-events li", "ls => ls.map(l => l.dataset.event)")
    assert shown == [e["id"] for e in days[0]["events"]]
    page.screenshot(path=str(shots / "key-days-open.png"), full_page=True)

    if shown:  # an event opens its own page, its evidence highlighted in each report
        page.click("#key-days details.day[open] .day-events li a")
        page.wait_for_url("**/events/**")
        assert page.locator("mark.evidence").count() > 0
    assert page.problems == []


def test_more_days_on_request(page, egypt_server):
    days = httpx.get(f"{egypt_server}/api/key-days").json()
    page.goto(egypt_server + "/days")
    page.wait_for_selector("#key-days details.day")
    if len(days) <= 10:
        assert page.locator("#key-days button.more").is_hidden()
        return
    page.click("#key-days button.more")
    assert page.locator("#key-days details.day").count() == min(20, len(days))


def test_the_html_export_carries_the_key_days(page, egypt_db, tmp_path, shots):
    from storyline.export import export
    from storyline.store import Store

    with Store(egypt_db, read_only=True) as store:
        out = export(store, "html", tmp_path / "egypt.html")
        first = store.key_days(limit=1)[0]
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    page.goto(out.as_uri())
    page.wait_for_selector("#key-days details.day")
    day = page.locator(f"#key-days details.day[data-date='{first.date}']")
    day.locator("summary").click()
    page.wait_for_selector("#key-days details.day[open] mark.evidence")
    marks = page.eval_on_selector_all("#key-days details.day[open] mark.evidence", "ms => ms.map(m => m.textContent)")
    assert marks == [e.text for e in first.evidence]
    links = page.locator("#key-days details.day[open] .day-events li a")
    if links.count():  # an event of the day opens in the timeline's evidence panel
        links.first.click()
        page.wait_for_selector("#detail:not([hidden]) mark.evidence")
    page.screenshot(path=str(shots / "export-key-days.png"), full_page=True)
    data = json.loads(page.eval_on_selector("#storyline-data", "s => s.textContent"))
    assert data["key_days"][0]["date"] == first.date
    assert page.problems == []
