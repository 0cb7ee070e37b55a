"""Reading a store while a run writes it: DuckDB lets one process hold a file for writing and no
other process open it, so the page reads a copy of the file (and its write-ahead log) taken when
the file last changed. The copy is a consistent state: DuckDB replays the log up to its last
complete transaction."""
from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

_lock = threading.Lock()
_copies: dict[str, tuple[tuple, Path]] = {}  # store path -> (its file state, the folder of the copy)


def _state(path: Path) -> tuple:
    wal = path.with_name(path.name + ".wal")
    parts = []
    for p in (path, wal):
        try:
            st = p.stat()
            parts.append((st.st_mtime_ns, st.st_size))
        except OSError:
            parts.append(None)
    return tuple(parts)


def locked(exc: BaseException) -> bool:
    """Whether opening failed because another process holds the store (a run writing it)."""
    text = str(exc).lower()
    return "lock" in text or "different configuration" in text


def snapshot(path: str | Path, opens) -> object:
    """``opens(copy_path)`` on a fresh or cached copy of the store; the previous copy is kept when a
    new one cannot be opened (taken in the middle of a write)."""
    path = Path(path)
    with _lock:
        state = _state(path)
        cached = _copies.get(str(path))
        if cached and cached[0] == state:
            return opens(cached[1] / path.name)
        folder = Path(tempfile.mkdtemp(prefix="storyline-snapshot-"))
        try:
            shutil.copy2(path, folder / path.name)
            wal = path.with_name(path.name + ".wal")
            if wal.exists():
                shutil.copy2(wal, folder / wal.name)
            opened = opens(folder / path.name)
        except Exception:
            shutil.rmtree(folder, ignore_errors=True)
            if cached:
                return opens(cached[1] / path.name)
            raise
        if cached:
            shutil.rmtree(cached[1], ignore_errors=True)
        _copies[str(path)] = (state, folder)
        return opened


def drop_all() -> None:
    """Remove every copy (the server stops)."""
    with _lock:
        for _state_, folder in _copies.values():
            shutil.rmtree(folder, ignore_errors=True)
        _copies.clear()


__all__ = ["drop_all", "locked", "snapshot"]
