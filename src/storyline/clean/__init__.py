"""Cleaning: boilerplate out, title kept, publication date from the dateline, duplicates hashed."""
from __future__ import annotations

import hashlib
import re

from ..errors import E005, E009, InputSkipped
from ..model import Document
from .boilerplate import clean_lines
from .dateline import find_dateline
from .language import guess_language

__all__ = ["clean_document", "content_hash"]


def content_hash(body: str) -> str:
    """Same cleaned text, same hash: case and spacing do not make a new report."""
    norm = re.sub(r"\s+", " ", body.lower()).strip()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def clean_document(doc: Document) -> Document:
    """Clean one raw Document in place and return it; raises InputSkipped when nothing is left."""
    source = doc.source_path or doc.id
    kept, removed = clean_lines(doc.body.split("\n"))
    if doc.title and kept and kept[0].strip() == doc.title.strip():
        kept = kept[1:]  # a repeated headline is not body
    if not kept:
        raise InputSkipped(source, E005)
    doc.body = "\n".join(kept)
    doc.removed = removed
    lang = guess_language(doc.body)
    if lang != "en":
        raise InputSkipped(source, E009.format(lang=lang))
    doc.language = lang
    if not doc.published:
        found = find_dateline(kept)
        if found:
            doc.published, text = found
            doc.published_source, doc.published_confidence = "dateline", 0.95
            doc.published_note = f"dateline {text!r}"
        elif not doc.published_note:
            doc.published_note = "no date in metadata or dateline"
    doc.content_hash = content_hash(doc.body)
    return doc
