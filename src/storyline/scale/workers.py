"""Worker processes of ``--workers N`` die with the run that started them.

A run killed with SIGKILL cannot stop its pool, so each worker asks the kernel to kill it when its
parent dies (Linux prctl PR_SET_PDEATHSIG) and, where that is not available, watches its parent.
"""
from __future__ import annotations

import os
import threading
import time

PR_SET_PDEATHSIG = 1
#: seconds between two looks at the parent (the fallback where prctl is missing)
WATCH_S = 1.0


def _parent_death_signal() -> bool:
    """Ask Linux to SIGKILL this process when its parent dies; False where that is not possible."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            os._exit(1)
        time.sleep(WATCH_S)


def init_worker(parent_pid: int) -> None:
    """Pool initializer: never outlive the run (parent) whose pid is given."""
    _parent_death_signal()
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), daemon=True, name="storyline-parent-watch").start()
