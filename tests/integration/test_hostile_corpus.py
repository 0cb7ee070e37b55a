"""Every kind of bad input in one folder, one `storyline run`: exit code 0, a valid export, each
input either stored or listed in `skipped` with its reason, and a store a later run still finishes."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

STORY = ("The foreign ministers of Chile and Peru met in Lima on {day} to discuss the border, officials from "
         "both delegations said after the talks.")
JSONL = [
    {"id": "r-title-object", "title": {"x": 1}, "text": STORY},
    {"id": "r-title-list", "title": ["a", "b"], "text": STORY},
    "[" * 100_000 + "]" * 100_000,
    '{"id": "r-surrogate", "text": "cut \\ud800 emoji. ' + STORY + '"}',
    {"id": "r-text-list", "text": ["a", "b"]},
    {"id": "r-text-number", "text": 12345},
    {"id": "r-year-9999", "text": STORY, "published": "9999-12-31"},
    {"id": "feeds/2022/a1", "text": STORY.format(day="Tuesday"), "published": "2022-01-05"},
    {"id": "same-id", "text": STORY.format(day="Wednesday"), "published": "2022-01-06"},
    {"id": "same-id", "text": STORY.format(day="Thursday"), "published": "2022-01-07"},
]


def _warc_gz(pages: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(pages):
        html = (f"<html><head><title>Crawl {i}</title></head><body><article><p>{STORY.format(day='Friday')} "
                f"Crawl page {i}.</p><p>{STORY.format(day='Friday')}</p></article></body></html>")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                      payload=io.BytesIO(html.encode()), http_headers=headers))
    return buf.getvalue()


def build(folder: Path) -> None:
    """The hostile folder; each file name says what is wrong with it."""
    folder.mkdir()
    w = lambda name, data: (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())  # noqa: E731
    w("empty.txt", b"")
    w("binary.txt", bytes(range(256)) * 8)
    w("undecodable.txt", b"Title\n\n" + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 60)
    w("notes.pdf", b"%PDF-1.4 not a report")
    w("no-text.html", "<html><head><title>Only a title</title></head><body><h1>Only a title</h1></body></html>")
    w("french.txt", "Titre\n\n" + "Les ministres des affaires étrangères du Chili et du Pérou se sont réunis "
                                 "à Lima lundi pour discuter de la frontière, ont indiqué des responsables. " * 3)
    w("duplicate-a.txt", "Talks\n\n" + STORY.format(day="Saturday"))
    w("duplicate-b.txt", "Talks\n\n" + STORY.format(day="Saturday"))
    w("dateline-9999.txt", "Talks\n\nLIMA, Dec. 31, 9999 - " + STORY.format(day="Sunday"))
    w("utf16.txt", ("Talks in Lima\n\n" + STORY.format(day="Monday") + " Zürich.\n").encode("utf-16"))
    w("latin1.txt", ("Talks\n\n" + STORY.format(day="Monday") + " The café was closed.\x81\n").encode("latin-1"))
    w("malformed.html", "<html><body><div><p>" + STORY.format(day="Monday") + "<p>More talks are planned<div><b>")
    w("feed.jsonl", "\n".join(x if isinstance(x, str) else json.dumps(x) for x in JSONL) + "\n")
    crawl = _warc_gz(3)
    w("crawl-cut.warc.gz", crawl[: len(crawl) - 200])
    w(".hidden.txt", "Hidden\n\n" + STORY.format(day="Monday"))
    (folder / ".git").mkdir()
    w(".git/notes.txt", "Git\n\n" + STORY.format(day="Monday"))
    with (folder / "huge.txt").open("wb") as fh:  # over --max-mb 2, sparse
        fh.truncate(3 * 1024 * 1024)
    prose = STORY.format(day="Monday") + " "
    numbers = " ".join(str(10 ** 59 + i * 7919) for i in range(16_500))  # cheap to parse, >1,000,000 chars
    w("over-a-million-chars.txt", "Long report\n\n" + prose * 5 + "\nSerial numbers: " + numbers + "\n" + prose * 5)


def expected_inputs(folder: Path) -> list[str]:
    """What the run must account for: every file, and every line of the JSONL feed."""
    out = [str(p) for p in sorted(folder.iterdir()) if p.name != "feed.jsonl"]
    out += [f"{folder / 'feed.jsonl'}:{n}" for n in range(1, len(JSONL) + 1)]
    return out


def storyline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storyline", *args], capture_output=True, text=True)


@pytest.mark.slow
def test_one_run_over_every_bad_input_finishes_and_accounts_for_each(tmp_path):
    from storyline.export.json_export import validate

    folder, db, out = tmp_path / "hostile", tmp_path / "h.duckdb", tmp_path / "h.json"
    build(folder)
    proc = storyline("run", str(folder), "--db", str(db), "--export", str(out), "--max-mb", "2")
    assert proc.returncode == 0, proc.stderr[-3000:]
    validate(json.loads(out.read_text(encoding="utf-8")))
    assert "Traceback" not in proc.stderr

    con = duckdb.connect(str(db), read_only=True)
    stored = {r[0].split("#")[0]: r[1] for r in con.execute("SELECT source_path, id FROM documents").fetchall()}
    skipped = {r[0]: r[1] for r in con.execute("SELECT input, reason FROM skipped").fetchall()}
    long_body = con.execute("SELECT length(body), analysed FROM documents WHERE id = 'over-a-million-chars'").fetchone()
    con.close()
    lost = [i for i in expected_inputs(folder) if i not in stored and i not in skipped]
    assert not lost, f"inputs neither stored nor skipped: {lost}"
    feed = str(folder / "feed.jsonl")
    codes = {Path(k).name if ":" not in Path(k).name else k.replace(feed, "feed"): v[:4] for k, v in skipped.items()}
    assert {codes[k] for k in ("empty.txt", "binary.txt", "undecodable.txt", "notes.pdf", "no-text.html",
                               "french.txt", "huge.txt", ".hidden.txt", ".git")} == \
        {"E001", "E002", "E003", "E010", "E005", "E009", "E004", "E018"}
    assert [codes[f"feed:{n}"] for n in range(1, 8)] == ["E013", "E013", "E015", "E014", "E013", "E013", "E017"]
    assert codes["crawl-cut.warc.gz"] == "E007" and "crawl-cut" in " ".join(stored.values())
    assert codes["duplicate-b.txt"] == "E008"
    assert {"utf16", "latin1", "dateline-9999", "malformed", "feeds/2022/a1", "same-id"} <= set(stored.values())
    assert any(i.startswith("same-id~") for i in stored.values())
    assert long_body[0] > 1_000_000 and long_body[1], "the long report is stored and analysed"
    for line in proc.stderr.splitlines():  # one line per skip, in the documented shape
        if line.startswith("skipped "):
            assert ": E0" in line

    again = storyline("run", str(folder), "--db", str(db), "--max-mb", "2")
    assert again.returncode == 0, again.stderr[-3000:]
    assert storyline("analyse", "--db", str(db)).returncode == 0
