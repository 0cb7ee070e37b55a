"""Hostile and unusual inputs: each bad report is one skip with a reason, the others are read."""
from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from storyline.errors import InputSkipped
from storyline.ingest import iter_raw
from storyline.model import Document

STORY = ("The foreign ministers of Chile and Peru met in Lima on Monday to discuss the border, "
         "officials from both delegations said after the talks.")


def items(*paths: Path) -> tuple[list[Document], list[InputSkipped]]:
    got = list(iter_raw([str(p) for p in paths]))
    return [d for d in got if isinstance(d, Document)], [s for s in got if isinstance(s, InputSkipped)]


@pytest.mark.parametrize("line,code", [
    (json.dumps({"id": "x", "title": {"x": 1}, "text": STORY}), "E013 JSONL field 'title' must be a string, not an object"),
    (json.dumps({"id": "x", "title": ["a", "b"], "text": STORY}), "E013 JSONL field 'title' must be a string, not a list"),
    (json.dumps({"id": "x", "text": ["a", "b"]}), "E013 JSONL field 'text' must be a string, not a list"),
    (json.dumps({"id": "x", "text": 12345}), "E013 JSONL field 'text' must be a string, not a number"),
    (json.dumps({"id": {"a": 1}, "text": STORY}), "E013 JSONL field 'id' must be a string or a number"),
    (json.dumps({"id": "x", "text": STORY, "url": ["u"]}), "E013 JSONL field 'url'"),
    ('{"id": "x", "text": "cut \\ud800 emoji. ' + STORY + '"}', "E014 JSONL field 'text' is not valid Unicode"),
    ("[" * 100_000 + "]" * 100_000, "E015"),
    (json.dumps({"id": "x", "text": STORY, "published": "9999-12-31"}), "E017 'published' '9999-12-31' is out of range"),
    (json.dumps({"id": "x", "text": STORY, "published": 20220101}), "E012"),
])
def test_a_jsonl_line_of_wrong_shape_is_one_skip_and_the_next_line_is_read(tmp_path, line, code):
    path = tmp_path / "feed.jsonl"
    path.write_text(line + "\n" + json.dumps({"id": "good", "text": STORY}) + "\n", encoding="utf-8")
    docs, skips = items(path)
    assert [d.id for d in docs] == ["good"]
    assert len(skips) == 1 and skips[0].reason.startswith(code) and skips[0].source == f"{path}:1"


def test_a_number_id_and_title_are_taken_as_text(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": 7, "title": 2024, "text": STORY}) + "\n")
    docs, skips = items(tmp_path / "feed.jsonl")
    assert not skips and (docs[0].id, docs[0].title, docs[0].body) == ("7", "2024", STORY)


def test_utf16_files_with_a_byte_order_mark_are_decoded(tmp_path):
    (tmp_path / "windows.txt").write_bytes(("Talks in Lima\n\n" + STORY + " Zürich\n").encode("utf-16"))
    (tmp_path / "feed.jsonl").write_bytes((json.dumps({"id": "w", "text": STORY}) + "\n").encode("utf-16"))
    docs, skips = items(tmp_path)
    assert not skips
    assert {d.id: d.title for d in docs} == {"windows": "Talks in Lima", "w": None}
    assert "Zürich" in next(d.body for d in docs if d.id == "windows")


def test_latin1_is_tried_when_windows_1252_fails(tmp_path):
    # byte 0x81 is undefined in Windows-1252; a stray one in Latin-1 text must not lose the report
    text = "Title\n\n" + STORY + " The café was closed.\x81\n"
    (tmp_path / "legacy.txt").write_bytes(text.encode("latin-1"))
    docs, skips = items(tmp_path)
    assert not skips and "café was closed" in docs[0].body


def test_a_dateline_in_year_9999_is_not_a_publication_date(tmp_path):
    from storyline.clean import clean_document

    (tmp_path / "d.txt").write_text("Talks\n\nLIMA, Dec. 31, 9999 - " + STORY + "\n", encoding="utf-8")
    docs, _ = items(tmp_path)
    assert clean_document(docs[0]).published is None


def _warc_gz(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(n):
        html = f"<html><head><title>Report {i}</title></head><body><article><p>{STORY} Report {i}.</p>" \
               f"<p>{STORY}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                      payload=io.BytesIO(html.encode()), http_headers=headers))
    return buf.getvalue()


def test_a_truncated_warc_gz_always_says_so(tmp_path):
    data = _warc_gz(2)
    silent = []
    for cut in range(1, len(data), max(1, len(data) // 60)):
        try:
            gzip.decompress(data[:cut])
            continue  # a cut between two records leaves a whole, shorter crawl
        except (EOFError, OSError):
            pass
        (tmp_path / "cut.warc.gz").write_bytes(data[:cut])
        docs, skips = items(tmp_path / "cut.warc.gz")
        if len(skips) != 1 or "E007" not in skips[0].reason:
            silent.append(cut)
    # the last bytes of a gzip member are its checksum: warcio reads every record and says nothing
    (tmp_path / "cut.warc.gz").write_bytes(data[:-4])
    docs, skips = items(tmp_path / "cut.warc.gz")
    assert len(docs) == 2 and len(skips) == 1 and "E007" in skips[0].reason
    assert not silent, f"cuts at {silent} gave no E007"


def test_hidden_entries_in_folders_are_reported_and_named_ones_read(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "note.txt").write_text("Git\n\n" + STORY)
    (tmp_path / ".draft.txt").write_text("Draft\n\n" + STORY)
    (tmp_path / "ok.txt").write_text("Ok\n\n" + STORY)
    docs, skips = items(tmp_path)
    assert [d.id for d in docs] == ["ok"]
    assert sorted((Path(s.source).name, s.reason.split()[0]) for s in skips) == [(".draft.txt", "E018"), (".git", "E018")]
    assert "hidden folder" in next(s.reason for s in skips if s.source.endswith(".git"))
    docs, skips = items(tmp_path / ".draft.txt")  # named explicitly: read
    assert [d.id for d in docs] == [".draft"] and not skips


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok.txt").write_text("Ok\n\n" + STORY)
    real = os.scandir

    def scandir(path):  # chmod 000 does not stop root, so the refusal is simulated
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, skips = items(tmp_path)
    assert [d.id for d in docs] == ["ok"]
    assert len(skips) == 1 and skips[0].reason == "E019 cannot read folder: Permission denied"


def test_an_unexpected_reader_error_skips_that_input_with_its_traceback(tmp_path, monkeypatch):
    import storyline.ingest.readers as readers

    (tmp_path / "a.html").write_text("<html><body><p>" + STORY + "</p></body></html>")
    (tmp_path / "b.txt").write_text("Ok\n\n" + STORY)

    def broken(*_a, **_k):
        raise KeyError("tokens")

    monkeypatch.setattr(readers, "extract_html", broken)
    docs, skips = items(tmp_path)
    assert [d.id for d in docs] == ["b"]
    assert skips[0].reason == "E016 reading failed: KeyError: 'tokens'"
    assert "Traceback" in skips[0].trace and "broken" in skips[0].trace
