"""A wrong --ray-address fails at once with one clear line (Ray alone retries for minutes)."""
from __future__ import annotations

import socket
import time

import pytest
from typer.testing import CliRunner


def test_a_ray_address_with_no_cluster_fails_at_once(tmp_path):
    pytest.importorskip("ray")
    from storyline.cli.main import app

    with socket.socket() as s:  # a port nothing listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["analyse", "--db", str(tmp_path / "s.duckdb"), "--engine", "ray",
                                      "--ray-address", f"127.0.0.1:{port}"])
    assert result.exit_code != 0
    assert f"no Ray cluster answers at 127.0.0.1:{port}" in result.output
    assert "ray start --head" in result.output
    assert time.perf_counter() - started < 30
