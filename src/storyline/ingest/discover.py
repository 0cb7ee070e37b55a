"""Turn the paths a user gives (files, folders, globs) into the input files to read."""
from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

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


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under the given paths, recursively, in a stable order; globs expanded."""
    seen: set[Path] = set()
    for raw in paths:
        raw = str(raw)
        matches = sorted(glob.glob(raw, recursive=True)) if any(c in raw for c in "*?[") else [raw]
        for m in matches:
            p = Path(m)
            if not p.exists():
                continue  # the caller says which given paths do not exist
            files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
            for f in files:
                if f.name.startswith(".") or f in seen:
                    continue
                seen.add(f)
                yield f
