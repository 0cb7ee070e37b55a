"""The store keeps each report once, survives a killed run, and resumes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from storyline.pipeline import ingest
from storyline.store import Store

PARAS = [
    "Envoys from {a} and {b} met in {city} on Monday to discuss the disputed border crossing number {n}.",
    "Officials from {a} said the talks on crossing {n} were frank, while {b} called them a first step.",
    "A further round of talks in {city} about crossing {n} is planned for next month, diplomats said.",
]
PLACES = ["Vienna", "Geneva", "Oslo", "Helsinki", "Doha", "Ankara"]
STATES = ["Norway", "Chile", "Kenya", "Peru", "Japan", "Ghana", "Qatar", "Nepal"]


def write_corpus(folder: Path, n: int, html: bool = False) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b, city = STATES[i % 8], STATES[(i + 3) % 8], PLACES[i % 6]
        paras = [p.format(a=a, b=b, city=city, n=i) for p in PARAS]
        if html:
            body = "".join(f"<p>{p}</p>" for p in paras)
            (folder / f"r{i:04d}.html").write_text(
                f"<html><head><title>Border talks {i}</title></head><body><nav>Home World</nav>"
                f"<article><h1>Border talks {i}</h1>{body}</article><footer>Copyright</footer></body></html>")
        else:
            (folder / f"r{i:04d}.txt").write_text(f"Border talks {i}\n\n" + "\n\n".join(paras) + "\n\nLeave a Reply\n")


def snapshot(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT id, title, body, content_hash FROM documents ORDER BY id").fetchall()
    finally:
        con.close()


def test_rerun_on_the_same_inputs_adds_nothing(tmp_path):
    write_corpus(tmp_path / "in", 5)
    with Store(tmp_path / "s.duckdb") as store:
        first = ingest([tmp_path / "in"], store)
        second = ingest([tmp_path / "in"], store)
        assert len(first.added) == 5 and not second.added and len(second.already) == 5
        assert store.count("documents") == 5


def test_duplicate_body_under_another_name_is_reported_not_stored(tmp_path):
    write_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "z-copy.txt").write_text((tmp_path / "in" / "r0000.txt").read_text())
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([tmp_path / "in"], store)
        assert store.count("documents") == 2
        assert [s.reason for s in report.skipped] == ["E008 duplicate of stored report r0000"]


def test_same_name_different_report_keeps_both(tmp_path):
    write_corpus(tmp_path / "a", 1)
    write_corpus(tmp_path / "b", 2)
    (tmp_path / "b" / "r0000.txt").write_text((tmp_path / "b" / "r0001.txt").read_text().replace("1", "7"))
    with Store(tmp_path / "s.duckdb") as store:
        ingest([tmp_path / "a", tmp_path / "b"], store)
        ids = [d.id for d in store.documents()]
        assert len(ids) == 3 and "r0000" in ids and any(i.startswith("r0000~") for i in ids)


@pytest.mark.slow
def test_ingest_killed_mid_run_then_rerun_equals_one_clean_run(tmp_path):
    write_corpus(tmp_path / "in", 600, html=True)
    cmd = [sys.executable, "-m", "storyline", "ingest", str(tmp_path / "in")]
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    subprocess.run(cmd + ["--db", str(clean_db)], check=True, capture_output=True)

    proc = subprocess.Popen(cmd + ["--db", str(killed_db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not killed_db.exists() and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = snapshot(killed_db)
    assert 0 < len(partial) < 600, "the kill should land mid-run"

    subprocess.run(cmd + ["--db", str(killed_db)], check=True, capture_output=True)
    assert snapshot(killed_db) == snapshot(clean_db)


def test_a_later_report_fills_what_an_earlier_one_left_empty(tmp_path):
    from storyline.model import Actor, Document

    with Store(tmp_path / "s.duckdb") as store:
        for i in ("a", "b"):
            store.add_document(Document(id=i, body=f"text {i}", content_hash=i))
        store.save_analysis("a", [], [Actor("person:ana_ruiz", "Ana Ruiz", "person", aliases=["Ruiz"])], [])
        store.save_analysis("b", [], [Actor("person:ana_ruiz", "Ana Ruiz", "person", affiliation="PER",
                                            role="trade minister", aliases=["Ana Ruiz"])], [])
        (actor,) = store.actors()
        assert actor.affiliation == "PER" and actor.role == "trade minister"
        assert actor.aliases == ["Ruiz", "Ana Ruiz"]
