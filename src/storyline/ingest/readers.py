"""One reader per input kind; each yields raw Documents (body not yet cleaned) or skips.

A reader never raises for bad input: it yields an ``InputSkipped`` naming the input and
the reason, so one broken file or record never stops a run.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import (E001, E004, E006, E007, E010, E011, E012, E013, E014, E015, E017, InputSkipped, failed)
from ..model import Document
from ..time.dates import PUBLISHED_YEARS, day_in_range
from .decode import bom_encoding, decode
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
    if found and not day_in_range(found):  # a page's metadata saying year 9999 is no date
        found = None
    yield Document(id=doc_id, title=page.title, body=page.text, url=url or page.url,
                   published=published or found,
                   published_source="given" if published else ("metadata" if found else None),
                   published_confidence=1.0 if (published or found) else None,
                   source_path=source, source_kind=kind)


#: JSONL keys and the Python types each may hold (numbers are taken as their text where a string is meant)
_FIELDS: dict[str, tuple[type, ...]] = {
    "id": (str, int), "title": (str, int, float), "text": (str,), "html": (str,), "url": (str,),
    "published": (str,),
}
_TYPE_NAMES = {"id": "a string or a number", "title": "a string", "text": "a string", "html": "a string",
               "url": "a string", "published": "an ISO date string"}


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number",
            float: "a number", str: "a string"}.get(type(value), type(value).__name__)


def check_record(rec: Any) -> str | None:
    """Why a JSONL record cannot be a report (wrong types, broken Unicode, no text), or None."""
    if not isinstance(rec, dict):
        return E006
    for key, types in _FIELDS.items():
        value = rec.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, types):
            if key == "published" and isinstance(value, (int, float)) and not isinstance(value, bool):
                return E012.format(value=str(value)[:40])
            return E013.format(field=key, expected=_TYPE_NAMES[key], got=_json_type(value))
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return E014.format(field=key)
    if not (str(rec.get("text") or "").strip() or str(rec.get("html") or "").strip()):
        return E006
    return None


def _lines(path: Path) -> Iterator[bytes]:
    """The file's lines as UTF-8 bytes; a UTF-16/32 file (byte-order mark) is decoded first."""
    with path.open("rb") as fh:
        wide = bom_encoding(fh.read(4))
        fh.seek(0)
        if not wide:
            yield from fh
            return
        for line in io.TextIOWrapper(fh, encoding=wide, errors="replace", newline=None):
            yield line.lstrip("\ufeff").encode("utf-8", errors="surrogatepass")


def read_jsonl(path: Path, max_mb: float = 25.0) -> Iterator[Item]:
    """One report per line: id, title, text or html, url, published (all optional but text or html).

    Each line is checked on its own (types, Unicode, dates), so one bad line is one skip.
    """
    stem = stem_of(path)
    limit = max_mb * 1024 * 1024
    for n, raw in enumerate(_lines(path), start=1):
        src = f"{path}:{n}"
        if not raw.strip():
            continue
        if len(raw) > limit:
            yield InputSkipped(src, E004.format(limit=f"{max_mb:g}"))
            continue
        try:
            yield from _jsonl_record(raw, src, f"{stem}-{n}")
        except Exception as exc:  # noqa: BLE001 - one bad line is one skip
            yield failed(src, "reading", exc)


def _jsonl_record(raw: bytes, src: str, default_id: str) -> Iterator[Item]:
    try:
        rec = json.loads(decode(raw))
    except RecursionError:
        yield InputSkipped(src, E015)
        return
    except ValueError as exc:
        yield InputSkipped(src, f"{E006} ({str(exc)[:120]})")
        return
    problem = check_record(rec)
    if problem:
        yield InputSkipped(src, problem)
        return
    doc_id = str(rec.get("id") if rec.get("id") not in (None, "") else default_id)
    title = str(rec["title"]) if rec.get("title") is not None else None
    published = iso_day(rec.get("published"))
    if rec.get("published") and not published:
        yield InputSkipped(src, E012.format(value=str(rec["published"])[:40]))
        return
    if published and not day_in_range(published):
        lo, hi = PUBLISHED_YEARS
        yield InputSkipped(src, E017.format(what="'published'", value=published, lo=lo, hi=hi))
        return
    if rec.get("text") and str(rec["text"]).strip():
        yield Document(id=doc_id, title=title, body=rec["text"], url=rec.get("url"),
                       published=published, published_source="given" if published else None,
                       published_confidence=1.0 if published else None,
                       source_path=src, source_kind="jsonl")
    else:
        for item in _html_document(rec["html"], doc_id, src, "jsonl", rec.get("url"), published):
            if isinstance(item, Document) and title:
                item.title = title  # the title comes from its key when given
            yield item


def gzip_cut(path: Path) -> str | None:
    """Why a .gz file does not decompress to its end (cut short, corrupt), or None when it does."""
    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except (EOFError, OSError, gzip.BadGzipFile, ValueError) as exc:
        return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return None


def read_warc(path: Path, max_mb: float = 25.0) -> Iterator[Item]:
    """Every HTML response record of a WARC crawl, with its URL and capture date as fallback.

    The records before a cut are kept, and a cut file always says so: warcio stops quietly at the
    end of a truncated gzip stream, so a .gz is checked to its end first.
    """
    from warcio.archiveiterator import ArchiveIterator

    stem = stem_of(path)
    limit = int(max_mb * 1024 * 1024)
    found = 0
    cut = gzip_cut(path) if path.name.lower().endswith(".gz") else None
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
                try:
                    for item in _html_document(html, doc_id, src, "warc", url):
                        if isinstance(item, Document):
                            item.captured = captured  # an upper bound of the publication date, not the date
                        yield item
                except Exception as exc:  # noqa: BLE001 - one bad record is one skip
                    yield failed(src, "reading", exc)
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on broken files
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        yield InputSkipped(str(path), E007.format(detail=f"{cut or detail} (after {found} HTML records)"))
        return
    if cut:
        yield InputSkipped(str(path), E007.format(detail=f"{cut} (after {found} HTML records)"))
