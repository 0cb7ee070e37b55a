"""Worker processes of `run --workers 2` do not outlive a run killed with SIGKILL."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPORT = ("Talks {i}\n\n" + "The foreign ministers of Chile and Peru met in Lima on Monday to discuss the "
          "border, officials said. " * 30 + "\n")


def children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_die_with_a_killed_run(tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(60):
        (tmp_path / "in" / f"r{i}.txt").write_text(REPORT.format(i=i))
    run = subprocess.Popen([sys.executable, "-m", "storyline", "run", str(tmp_path / "in"), "--db",
                            str(tmp_path / "s.duckdb"), "--workers", "2"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.time() + 120
        while len(workers) < 2 and time.time() < deadline and run.poll() is None:
            workers = children(run.pid)
            time.sleep(0.2)
        assert len(workers) >= 2, "the run did not start its workers"
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        deadline = time.time() + 10
        while any(alive(w) for w in workers) and time.time() < deadline:
            time.sleep(0.2)
        assert not [w for w in workers if alive(w)], "workers outlived the killed run"
    finally:
        if run.poll() is None:
            run.kill()
        for w in workers:  # reparented once the run died: kill them by their recorded ids
            try:
                os.kill(w, signal.SIGKILL)
            except OSError:
                pass
