"""A bounded loopback load test of `storyline serve`: requests/s, p50/p99 latency, errors, and the
server's peak memory while some connections hammer the SQL box with oversized queries.

    .venv/bin/python bench/web_load.py --db out/t17.duckdb --connections 16 --seconds 30
    .venv/bin/python bench/web_load.py --build 300 --db out/load.duckdb     # first build a 300-report store

--build N stores N Timeline17 articles (../shared/data/t17) with `storyline run` (several minutes).
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OVERSIZED = ["SELECT repeat('x', 1000000) AS big FROM range(1000)", "SELECT length(repeat('x', 1000000000))",
             "SELECT [repeat('y', 100000)] AS l FROM range(5000)",
             "SELECT string_agg(repeat('z', 1000000), '') FROM range(2000)",
             "SELECT * FROM documents, range(1000)"]


def build(db: Path, n: int) -> None:
    topics = sorted((ROOT.parent / "shared" / "data" / "t17").glob("*.jsonl"))
    lines = [ln for t in topics for ln in t.read_text(encoding="utf-8").splitlines()[: n // len(topics) + 1]][:n]
    src = db.with_suffix(".jsonl")
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "storyline", "run", str(src), "--db", str(db), "--workers", "2"], check=True)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "demo.duckdb")
    ap.add_argument("--build", type=int, default=0, help="first store this many Timeline17 articles")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--sql-connections", type=int, default=2, help="of them, how many send oversized SQL")
    ap.add_argument("--seconds", type=float, default=30)
    args = ap.parse_args()
    if args.build:
        build(args.db, args.build)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", str(args.db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/api/events?limit=50")
                events = json.loads(c.getresponse().read())
                c.request("GET", "/api/documents")
                docs = json.loads(c.getresponse().read())
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit("the server did not start")
        pages = ["/", "/api/events?limit=100", "/documents", "/actors", "/sql?q=SELECT+type,count(*)+FROM+events+GROUP+BY+1"]
        pages += [f"/events/{urllib.parse.quote(e['id'], safe='')}" for e in events[:20]]
        pages += [f"/documents/{urllib.parse.quote(d['id'], safe='')}" for d in docs[:20]]
        stop = time.time() + args.seconds
        lat: list[float] = []
        errors: list[str] = []
        sql_answers: dict[int, int] = {}
        lock = threading.Lock()

        def worker(k: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            oversized = k < args.sql_connections
            rnd = random.Random(k)
            while time.time() < stop:
                path = ("/api/sql?q=" + urllib.parse.quote(rnd.choice(OVERSIZED))) if oversized else rnd.choice(pages)
                t = time.perf_counter()
                try:
                    conn.request("GET", path)
                    r = conn.getresponse()
                    body = r.read()
                    ok = r.status < 500 and (oversized or r.status == 200)
                except (OSError, http.client.HTTPException) as exc:
                    ok, r = False, None
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    with lock:
                        errors.append(f"{path}: {exc}")
                with lock:
                    if oversized and r is not None:
                        sql_answers[r.status] = sql_answers.get(r.status, 0) + 1
                    elif ok:
                        lat.append(time.perf_counter() - t)
                    elif r is not None:
                        errors.append(f"{path}: {r.status} {body[:160]!r}")

        peak = [0.0]

        def watch() -> None:
            while time.time() < stop:
                peak[0] = max(peak[0], rss_mb(server.pid))
                time.sleep(0.2)

        threads = [threading.Thread(target=worker, args=(k,)) for k in range(args.connections)]
        threads.append(threading.Thread(target=watch))
        started = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.time() - started
        lat.sort()
        q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [0] * 99
        print(f"{args.connections} connections ({args.sql_connections} sending oversized SQL), {took:.0f} s, "
              f"store {args.db}")
        print(f"page/API requests: {len(lat)}  {len(lat) / took:.1f} req/s  p50 {q[49] * 1000:.0f} ms  "
              f"p99 {q[98] * 1000:.0f} ms  errors {len(errors)}")
        print(f"oversized SQL answers by status: {sql_answers}")
        print(f"server peak memory: {peak[0]:.0f} MB")
        for e in errors[:10]:
            print("  error:", e)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
