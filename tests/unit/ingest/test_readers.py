"""Each input kind, and each kind of bad input, on files the tests write."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from storyline.errors import InputSkipped
from storyline.ingest import iter_raw
from storyline.model import Document

STORY = ("Ministers from both countries met in Vienna on Monday to discuss the ceasefire.\n\n"
         "The talks lasted six hours and ended without a joint statement, officials said.\n")

HTML = """<!doctype html><html><head><title>Ceasefire talks end in Vienna</title>
<meta property="article:published_time" content="2023-03-06T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ceasefire talks end in Vienna</h1>
<p>Ministers from both countries met in Vienna on Monday to discuss the ceasefire along the border.</p>
<p>The talks lasted six hours and ended without a joint statement, officials from both delegations said.</p>
<div class="ad">Advertisement</div></article>
<section class="comments"><h3>Leave a Reply</h3><p>Great article!</p></section>
<footer>Copyright 2023 Example News. All rights reserved.</footer></body></html>"""


def items(*paths: Path) -> tuple[list[Document], list[InputSkipped]]:
    got = list(iter_raw([str(p) for p in paths]))
    return [d for d in got if isinstance(d, Document)], [s for s in got if isinstance(s, InputSkipped)]


def test_txt_first_line_is_title_rest_is_body(tmp_path):
    (tmp_path / "vienna-talks.txt").write_text("\n\nTalks end in Vienna\n\n" + STORY, encoding="utf-8")
    docs, skips = items(tmp_path)
    assert not skips
    assert docs[0].id == "vienna-talks"
    assert docs[0].title == "Talks end in Vienna"
    assert "met in Vienna on Monday" in docs[0].body and "Talks end" not in docs[0].body


def test_html_main_text_title_and_date(tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    docs, skips = items(tmp_path / "page.html")
    assert not skips
    doc = docs[0]
    assert doc.title == "Ceasefire talks end in Vienna"
    assert doc.published == "2023-03-06" and doc.published_source == "metadata"
    assert "six hours" in doc.body
    assert "Great article" not in doc.body and "Home" not in doc.body


def test_jsonl_keys_and_optional_fields(tmp_path):
    recs = [
        {"id": "r1", "title": "Talks end", "text": STORY, "url": "https://example.org/r1", "published": "2023-03-06"},
        {"text": "Second report without id or title. " * 5},
        {"id": "r3", "html": HTML},
        {"id": "bad", "title": "no text at all"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\nnot json\n", encoding="utf-8")
    docs, skips = items(path)
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"r1", "feed-2", "r3"}
    assert by_id["r1"].published == "2023-03-06" and by_id["r1"].url == "https://example.org/r1"
    assert by_id["r1"].body == STORY  # all of text is body
    assert by_id["feed-2"].title is None  # the title comes only from its key
    assert "six hours" in by_id["r3"].body
    assert len(skips) == 2 and all("E006" in s.reason for s in skips)


def _warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


def test_warc_html_responses_with_url(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc_bytes([("https://example.org/a", HTML),
                                  ("https://example.org/b", HTML.replace("six hours", "nine hours"))]))
    docs, skips = items(path)
    assert not skips
    assert [d.url for d in docs] == ["https://example.org/a", "https://example.org/b"]
    assert docs[0].id.startswith("crawl-") and docs[0].id != docs[1].id
    assert docs[0].source_kind == "warc" and docs[0].captured and len(docs[0].captured) == 10


def test_truncated_warc_keeps_records_before_the_cut(tmp_path):
    data = _warc_bytes([("https://example.org/a", HTML)])
    whole = gzip.decompress(data)
    path = tmp_path / "cut.warc"
    path.write_bytes(whole + whole[: len(whole) // 2])  # a second record cut in half
    docs, skips = items(path)
    assert len(docs) == 1
    assert len(skips) == 1 and "E007" in skips[0].reason and str(path) in skips[0].source


@pytest.mark.parametrize("name,content,code", [
    ("empty.txt", b"", "E001"),
    ("blank.txt", b"\n\n  \n", "E001"),
    ("image.txt", bytes(range(256)) * 8, "E002"),
    ("bad-utf8.txt", "Headline\n\nLe ministre a parlé".encode("utf-8")[:-2] + b"\x81\x8d\x8f\x90", "E003"),
    ("notes.pdf", b"%PDF-1.4 something", "E010"),
])
def test_bad_input_is_skipped_with_a_reason(tmp_path, name, content, code):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text("Title\n\n" + STORY, encoding="utf-8")
    docs, skips = items(tmp_path)
    assert [d.id for d in docs] == ["good"]  # the run goes on
    assert len(skips) == 1 and skips[0].reason.startswith(code) and name in skips[0].source


def test_windows_1252_text_is_decoded(tmp_path):
    (tmp_path / "legacy.txt").write_bytes("Title\n\nThe minister\x92s visit was \x93productive\x94.".encode("latin-1"))
    docs, _ = items(tmp_path)
    assert "minister’s visit was “productive”" in docs[0].body


def test_huge_file_is_skipped_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # 100 MB, sparse: the size check must come before any read
        fh.truncate(100 * 1024 * 1024)
    docs, skips = items(big)
    assert not docs and skips[0].reason.startswith("E004")


def test_folders_are_read_recursively_and_globs_expand(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("Deep\n\n" + STORY, encoding="utf-8")
    (tmp_path / "top.txt").write_text("Top\n\n" + STORY, encoding="utf-8")
    assert {d.id for d in items(tmp_path)[0]} == {"deep", "top"}
    assert [d.id for d in list(iter_raw([str(tmp_path / "**" / "deep.txt")]))] == ["deep"]


def test_a_copyright_year_is_not_a_publication_date(tmp_path):
    page = HTML.replace('<meta property="article:published_time" content="2023-03-06T10:00:00Z">', "")
    page = page.replace("Copyright 2023", "&copy; 2022 Example News")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    docs, _ = items(tmp_path / "p.html")
    assert docs[0].published is None


def test_malformed_html_still_yields_its_text(tmp_path):
    broken = ("<html><head><title>Broken page</title><body><div><p>Rescue teams reached the flooded villages "
              "on Sunday after two days of heavy rain, the regional governor said.<p>More than three hundred "
              "people were moved to schools and sports halls, officials said<div><b>unclosed")
    (tmp_path / "broken.html").write_text(broken, encoding="utf-8")
    docs, skips = items(tmp_path / "broken.html")
    assert not skips and "flooded villages" in docs[0].body


def test_html_with_no_text_is_skipped(tmp_path):
    from storyline.pipeline import ingest
    from storyline.store import Store

    (tmp_path / "empty.html").write_text("<html><head><title>x</title><script>var a=1;</script></head>"
                                         "<body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([tmp_path / "empty.html"], store)
        assert not report.added and report.skipped[0].reason.startswith("E005")
        assert store.count("documents") == 0 and store.count("skipped") == 1


def test_jsonl_published_timestamps_become_days_and_bad_values_are_skipped(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": STORY, "published": "2022-07-22T10:00:00Z"},
        {"id": "b", "text": STORY + " More.", "published": "last Tuesday"},
    ]), encoding="utf-8")
    docs, skips = items(path)
    assert [(d.id, d.published) for d in docs] == [("a", "2022-07-22")]
    assert skips[0].reason.startswith("E012") and "last Tuesday" in skips[0].reason
