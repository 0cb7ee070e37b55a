"""Ingestion: files, folders and globs of text, HTML, JSONL and WARC into raw Documents."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputSkipped, failed
from ..model import Document
from .discover import discover, files_of, kind_of
from .readers import read_path

__all__ = ["discover", "files_of", "iter_raw", "kind_of", "read_path", "read_safely"]


def read_safely(path: Path, max_mb: float = 25.0) -> Iterator[Document | InputSkipped]:
    """Every report of one file; an unexpected error ends this file with a skip, never the run."""
    reader = read_path(path, max_mb)
    while True:
        try:
            item = next(reader)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - one broken input must not stop a run
            yield failed(str(path), "reading", exc)
            return
        yield item


def iter_raw(paths: Iterable[str | Path], max_mb: float = 25.0) -> Iterator[Document | InputSkipped]:
    """Every report (or skip notice) under the given paths, file by file, record by record."""
    for path in discover(paths):
        if isinstance(path, InputSkipped):
            yield path
        else:
            yield from read_safely(path, max_mb)
