"""A live server on a free localhost port and headless Debian Chromium driven by Playwright.

The store comes from the example corpus through ``storyline.pipeline`` when that runs and
finds events; otherwise from the hand-made sample store of the unit tests.
"""
from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"

sys.path.insert(0, str(ROOT / "tests" / "unit" / "export"))


def _example_store(db: Path) -> bool:
    """Build the store from examples/corpus with the pipeline; False when it cannot."""
    try:
        from storyline.pipeline import run
        from storyline.store import Store

        with Store(db) as store:
            run([ROOT / "examples" / "corpus"], store)
            return store.count("events") > 0
    except Exception as exc:  # the NLP stages are optional here: fall back to the fixtures
        print(f"example corpus not usable for the browser test ({type(exc).__name__}: {exc}); using fixtures")
        return False


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory) -> tuple[Path, str]:
    from storyline_sample import build_store

    folder = tmp_path_factory.mktemp("browser")
    db = folder / "examples.duckdb"
    if _example_store(db):
        return db, "examples"
    for f in folder.glob("examples.duckdb*"):
        f.unlink()
    return build_store(folder / "sample.duckdb"), "fixtures"


@pytest.fixture(scope="session")
def live_server(browser_db):
    """Uvicorn in a thread, serving the store read-only; yields its base URL."""
    import uvicorn

    from storyline.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(browser_db[0])), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 15
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"Debian chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records console errors, page errors and dialogs (an alert() means XSS)."""
    pg = browser.new_page(viewport={"width": 1280, "height": 860})
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(f"console: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    pg.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
