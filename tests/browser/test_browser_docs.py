"""The API docs render in Chromium with the network cut off: Swagger UI comes from the package."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_api_docs_render_offline(page, live_server, shots):
    outside = []

    def only_local(route):
        if route.request.url.startswith(live_server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(live_server + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15000)
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    assert "/api/events" in page.inner_text(".swagger-ui")
    page.screenshot(path=str(shots / "docs.png"), full_page=False)
    assert not outside, f"/docs asked another host for {outside}"
    assert not [p for p in page.problems if "Content Security Policy" in p], page.problems
