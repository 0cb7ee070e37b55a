"""One reader per input kind; each yields raw Documents (body not yet cleaned) or skips.

A reader never raises for bad input: it yields an ``InputSkipped`` naming the input and
the reason, so one broken file or record never stops a run.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from collections.abc import Iterator
from pathlib import Path

from ..errors import E001, E004, E006, E007, E010, E011, E012, InputSkipped
from ..model import Document
from .decode import decode
from .discover import kind_of, stem_of
from .html import extract_html

Item = Document | InputSkipped


def iso_day(value: object) -> str | None:
    """The ISO day of a given publication date ("2022-07-22", "2022-07-22T10:00:00Z", "2022-07-22 10:00");
    None when it is missing or not a date, so a bad value never reaches the analysis."""
    text = str(value or "").strip()
    if len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def read_path(path: Path, max_mb: float = 25.0) -> Iterator[Item]:
    """Read one file of any supported kind."""
    kind = kind_of(path)
    src = str(path)
    if kind is None:
        yield InputSkipped(src, E010.format(suffix=path.suffix or "(none)"))
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield InputSkipped(src, E011.format(detail=exc.strerror or exc))
        return
    if size == 0:
        yield InputSkipped(src, E001)
        return
    # one report per file: a huge one is not a news report; streams (JSONL, WARC) are read record by record
    if kind in ("txt", "html") and size > max_mb * 1024 * 1024:
        yield InputSkipped(src, E004.format(limit=f"{max_mb:g}"))
        return
    reader = {"txt": read_txt, "html": read_html, "jsonl": read_jsonl, "warc": read_warc}[kind]
    try:
        yield from reader(path, max_mb)
    except OSError as exc:
        yield InputSkipped(src, E011.format(detail=exc.strerror or exc))


def _text_of(path: Path) -> str | InputSkipped:
    try:
        return decode(path.read_bytes())
    except ValueError as exc:
        return InputSkipped(str(path), str(exc))


def read_txt(path: Path, max_mb: float = 25.0) -> Iterator[Item]:
    """The first non-empty line is the title, the rest the body."""
    text = _text_of(path)
    if isinstance(text, InputSkipped):
        yield text
        return
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        yield InputSkipped(str(path), E001)
        return
    yield Document(id=stem_of(path), title=lines[first].strip(), body="\n".join(lines[first + 1:]),
                   source_path=str(path), source_kind="txt")


def read_html(path: Path, max_mb: float = 25.0) -> Iterator[Item]:
    """Main text, title and date of one saved web page."""
    text = _text_of(path)
    if isinstance(text, InputSkipped):
        yield text
        return
    yield from _html_document(text, stem_of(path), str(path), "html")


def _html_document(html: str, doc_id: str, source: str, kind: str, url: str | None = None,
                   published: str | None = None) -> Iterator[Item]:
    page = extract_html(html, url)
    if page is None:
        yield InputSkipped(source, "E005 no report text found in the HTML page")
        return
    found = iso_day(page.published)
    yield Document(id=doc_id, title=page.title, body=page.text, url=url or page.url,
                   published=published or found,
                   published_source="given" if published else ("metadata" if found else None),
                   published_confidence=1.0 if (published or found) else None,
                   source_path=source, source_kind=kind)


def read_jsonl(path: Path, max_mb: float = 25.0) -> Iterator[Item]:
    """One report per line: id, title, text or html, url, published (all optional but text or html)."""
    stem = stem_of(path)
    limit = max_mb * 1024 * 1024
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            src = f"{path}:{n}"
            if not raw.strip():
                continue
            if len(raw) > limit:
                yield InputSkipped(src, E004.format(limit=f"{max_mb:g}"))
                continue
            try:
                rec = json.loads(decode(raw))
            except ValueError as exc:
                yield InputSkipped(src, f"{E006} ({exc})")
                continue
            if not isinstance(rec, dict) or not (rec.get("text") or rec.get("html")):
                yield InputSkipped(src, E006)
                continue
            doc_id = str(rec.get("id") or f"{stem}-{n}")
            published = iso_day(rec.get("published"))
            if rec.get("published") and not published:
                yield InputSkipped(src, E012.format(value=str(rec["published"])[:40]))
                continue
            if rec.get("text"):
                yield Document(id=doc_id, title=rec.get("title"), body=str(rec["text"]), url=rec.get("url"),
                               published=published, published_source="given" if published else None,
                               published_confidence=1.0 if published else None,
                               source_path=src, source_kind="jsonl")
            else:
                for item in _html_document(str(rec["html"]), doc_id, src, "jsonl", rec.get("url"), published):
                    if isinstance(item, Document) and rec.get("title"):
                        item.title = rec["title"]  # the title comes from its key when given
                    yield item


def read_warc(path: Path, max_mb: float = 25.0) -> Iterator[Item]:
    """Every HTML response record of a WARC crawl, with its URL and capture date as fallback."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stem = stem_of(path)
    limit = int(max_mb * 1024 * 1024)
    found = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                src = f"{path}#{url}"
                payload = record.content_stream().read(limit + 1)
                if len(payload) > limit:
                    yield InputSkipped(src, E004.format(limit=f"{max_mb:g}"))
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # the file ends inside this record
                    yield InputSkipped(str(path), E007.format(
                        detail=f"record {url} is cut short (after {found} complete HTML records)"))
                    return
                try:
                    html = decode(payload)
                except ValueError as exc:
                    yield InputSkipped(src, str(exc))
                    continue
                found += 1
                doc_id = f"{stem}-{hashlib.sha1((url or str(found)).encode()).hexdigest()[:10]}"
                captured = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                for item in _html_document(html, doc_id, src, "warc", url):
                    if isinstance(item, Document):
                        item.captured = captured  # an upper bound of the publication date, not the date
                    yield item
    except (ArchiveLoadFailed, EOFError, ValueError, OSError) as exc:
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        yield InputSkipped(str(path), E007.format(detail=f"{detail} (after {found} HTML records)"))
