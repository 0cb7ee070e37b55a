"""Ingestion: files, folders and globs of text, HTML, JSONL and WARC into raw Documents."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputSkipped
from ..model import Document
from .discover import discover, kind_of
from .readers import read_path

__all__ = ["discover", "iter_raw", "kind_of", "read_path"]


def iter_raw(paths: Iterable[str | Path], max_mb: float = 25.0) -> Iterator[Document | InputSkipped]:
    """Every report (or skip notice) under the given paths, file by file, record by record."""
    for path in discover(paths):
        yield from read_path(path, max_mb)
