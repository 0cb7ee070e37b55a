"""CI: the wheel installs and works on its own, outside the editable checkout.

Builds the wheel, installs it in a fresh venv (its dependencies from PyPI), runs the demo corpus
through it from another folder, and serves the store to check that /docs renders from the
package alone (every asset it names is served locally, none from another host).

    python scripts/wheel_check.py [WORK_DIR]     (default: build/wheel-check)
"""
from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sh(*args: str | Path, cwd: Path | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=cwd, check=True)


def get(url: str) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, headers={"Host": "localhost"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.headers.get("content-type", ""), r.read()


def check_docs(storyline: Path, db: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([str(storyline), "serve", "--db", str(db), "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                get(base + "/api/events")
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("storyline serve did not start")
                time.sleep(0.5)
        status, _, page = get(base + "/docs")
        html = page.decode()
        assert status == 200 and "swagger-ui" in html, "no Swagger UI at /docs"
        assert not re.search(r"(src|href)=\"(https?:)?//", html), "/docs loads from another host"
        assets = re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", html)
        assert any(a.endswith("swagger-ui-bundle.js") for a in assets), assets
        for asset in assets:
            status, ctype, body = get(base + asset)
            assert status == 200 and body, f"{asset} not served"
            print(f"  {asset}: {len(body)} bytes, {ctype}")
        spec = json.loads(get(base + "/openapi.json")[2])
        assert "/api/events" in spec["paths"]
        print("/docs renders from the installed package alone")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    work = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "wheel-check").resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    sh(sys.executable, "-m", "pip", "wheel", ROOT, "-w", work / "dist", "--no-deps", "-q")
    wheel = next((work / "dist").glob("storyline-*.whl"))
    sh(sys.executable, "-m", "venv", work / "venv")
    sh(work / "venv" / "bin" / "pip", "install", "-q", "--upgrade", "pip")
    sh(work / "venv" / "bin" / "pip", "install", "-q", wheel)
    storyline = work / "venv" / "bin" / "storyline"
    run_dir = work / "run"  # not the checkout: only the installed package is on the path
    run_dir.mkdir()
    sh(storyline, "run", ROOT / "examples" / "corpus", "--db", "demo.duckdb", "--export", "demo.json", cwd=run_dir)
    data = json.loads((run_dir / "demo.json").read_text())
    assert data["documents"] and data["events"], "the demo gave no events from the wheel"
    print(f"wheel demo: {len(data['documents'])} reports, {len(data['events'])} events")
    # the event classifier ships in the wheel and loads with no network (HF_HUB_OFFLINE for good measure)
    probe = ("from storyline.events.classify import classifier; m = classifier(); "
             "assert len(m.types.labels) == 17, m.types.labels; print('classifier:', len(m.types.index), 'features')")
    subprocess.run([str(work / "venv" / "bin" / "python"), "-c", probe], cwd=run_dir, check=True,
                   env={"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
    check_docs(storyline, run_dir / "demo.duckdb")


if __name__ == "__main__":
    main()
