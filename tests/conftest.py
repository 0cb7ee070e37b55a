"""Fixtures shared by every test: the shared dev data, the scorer, one spaCy pipeline, and
hand-built actor mentions for the event tests (so they need no catalogue)."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from storyline.model import Mention

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"the shared dev data is not beside the repo ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def gold(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "eval" / "dev_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def scorer(shared_dir: Path):
    """The project's scorer, imported from ../shared/eval/score.py."""
    spec = importlib.util.spec_from_file_location("storyline_score", shared_dir / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples" / "corpus"


# ---------------------------------------------------------------- NLP

#: surface form -> actor id; ids follow the catalogue's shapes (ISO3 country, person:slug)
NAMES = {
    "Chile": "CHL", "Chilean": "CHL", "Santiago": "CHL", "Peru": "PER", "Peruvian": "PER", "Lima": "PER",
    "Japan": "JPN", "Japanese": "JPN", "Brazil": "BRA", "Brazilian": "BRA", "Bolivia": "BOL",
    "Norway": "NOR", "Canada": "CAN", "Mexico": "MEX", "Tasmania": "AUS",
    "Maria Lopez": "person:maria_lopez", "Lopez": "person:maria_lopez",
    "Kenji Sato": "person:kenji_sato", "Sato": "person:kenji_sato",
}


def find_mentions(text: str, doc_id: str = "d") -> list[Mention]:
    """Every listed name as a mention, longest first, never overlapping."""
    taken: set[int] = set()
    out = []
    for name in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken |= set(range(m.start(), m.end()))
            out.append(Mention(doc_id, NAMES[name], m.start(), m.end(), name))
    return sorted(out, key=lambda m: m.start)


@pytest.fixture(scope="session")
def nlp():
    """The production pipeline (paragraphs, parser, NER, actors), loaded once for every test."""
    from storyline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def run(nlp):
    """Annotate one text at a report date; returns (actor mentions, actors)."""
    def _run(text: str, dct: date | None = None):
        doc = nlp.make_doc(text)
        doc._.dct = dct
        doc = nlp(doc)
        return doc._.actor_mentions, doc._.actors
    return _run


@pytest.fixture(scope="session")
def events(nlp):
    """extract(text) -> event mentions of that text."""
    from storyline.events import extract_events

    def run(text: str, doc_id: str = "d"):
        return extract_events(nlp(text), doc_id, find_mentions(text, doc_id))
    return run


@pytest.fixture(scope="session")
def only():
    """only(ems, TYPE) -> the first event mention of that type (fails listing what was found)."""
    return _only


def _only(ems, type_):
    got = [e for e in ems if e.type == type_]
    assert got, f"no {type_} in {[(e.type, e.trigger, e.source, e.target) for e in ems]}"
    return got[0]


# ---------------------------------------------------------------- a hand-made store (exports, web)
@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """The sample corpus of storyline_sample.py written through the Store API."""
    from storyline_sample import build_store

    return build_store(tmp_path_factory.mktemp("store") / "sample.duckdb")


@pytest.fixture()
def store(sample_db: Path):
    from storyline.store import Store

    with Store(sample_db, read_only=True) as st:
        yield st


@pytest.fixture(scope="module")
def client(sample_db: Path):
    """A TestClient of the web app over the sample store."""
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    with TestClient(create_app(str(sample_db)), base_url="http://localhost") as c:  # the page answers local names only
        yield c


# ---------------------------------------------------------------- a live server and headless Chromium
@pytest.fixture(scope="session")
def browser_db(tmp_path_factory) -> tuple[Path, str]:
    """The store the main job builds from the example corpus."""
    from storyline.pipeline import run
    from storyline.store import Store

    db = tmp_path_factory.mktemp("browser") / "examples.duckdb"
    with Store(db) as store:
        run([ROOT / "examples" / "corpus"], store)
        assert store.count("events") > 0, "the example corpus gave no events"
    return db, "examples"


def serve_store(db):
    """Uvicorn in a thread serving a store read-only; yields its base URL (a generator for fixtures)."""
    import uvicorn

    from storyline.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
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
def live_server(browser_db):
    """Uvicorn in a thread, serving the store read-only; yields its base URL."""
    yield from serve_store(browser_db[0])


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        why = f"Debian chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):  # CI installs it (make test): a missing browser there is a failure
            pytest.fail(why)
        pytest.skip(why)
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
