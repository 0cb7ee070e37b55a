"""Turn the paths a user gives (files, folders, globs) into the input files to read."""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import E018, E019, InputSkipped

#: file endings Storyline reads, and the reader kind for each
KINDS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".warc.gz": "warc",
}


def kind_of(path: Path) -> str | None:
    """The reader kind from the file name, looking at double endings like .warc.gz first."""
    name = path.name.lower()
    for suffix in sorted(KINDS, key=len, reverse=True):
        if name.endswith(suffix):
            return KINDS[suffix]
    return None


def stem_of(path: Path) -> str:
    """The document id a file gives: its name without the (possibly double) extension."""
    name = path.name
    for suffix in sorted(KINDS, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _walk(folder: Path, seen_dirs: set[str]) -> Iterator[Path | InputSkipped]:
    """Files under a folder in name order; hidden entries and unreadable folders are reported, not lost."""
    try:
        real = os.path.realpath(folder)
        if real in seen_dirs:  # a symlink back up the tree
            return
        seen_dirs.add(real)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputSkipped(str(folder), E019.format(detail=exc.strerror or exc))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if entry.name.startswith("."):
            yield InputSkipped(str(path), E018.format(what="folder" if is_dir else "file"))
        elif is_dir:
            yield from _walk(path, seen_dirs)
        else:
            yield path


def discover(paths: Iterable[str | Path]) -> Iterator[Path | InputSkipped]:
    """Every file under the given paths, recursively, in a stable order; globs expanded.

    Files named explicitly are read even when hidden; inside folders, hidden entries and folders
    that cannot be listed come out as skips, so nothing is dropped without a word.
    """
    seen: set[str] = set()
    seen_dirs: set[str] = set()
    for raw in paths:
        raw = str(raw)
        matches = sorted(glob.glob(raw, recursive=True)) if any(c in raw for c in "*?[") else [raw]
        for m in matches:
            p = Path(m)
            if not p.exists():
                continue  # the caller says which given paths do not exist
            found = _walk(p, seen_dirs) if p.is_dir() else iter([p])
            for f in found:
                key = f.source if isinstance(f, InputSkipped) else str(f)
                if key in seen:
                    continue
                seen.add(key)
                yield f


def files_of(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputSkipped]]:
    """The files discover() finds and the entries it reports, apart."""
    files, skips = [], []
    for f in discover(paths):
        (skips if isinstance(f, InputSkipped) else files).append(f)
    return files, skips
