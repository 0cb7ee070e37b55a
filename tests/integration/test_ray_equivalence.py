"""The whole pipeline on Ray (2 local workers) exports exactly what one local process exports.

150 real news reports (the leads of Timeline17 articles of two topics, so the feed splits into several
stories and the stories' key days are ranked on the workers) go through `storyline run` twice, in this
process: once locally, once with `--engine ray --workers 2` on a Ray cluster the test starts. The two JSON
exports must be equal, field by field, once the fields that name the run (none today, but a store path or
a time would) are taken out; events, actors and stories are compared first, for a clear message.
"""
from __future__ import annotations

import json
import time

import pytest

PER_TOPIC = 75
#: paragraphs kept of each article: its lead, so the test parses about 30,000 words in each run
PARAGRAPHS = 4
#: fields that differ from one run to another by nature (paths, clocks), never by what was analysed
RUN_FIELDS = {"ingested_at", "storyline_version", "generated", "created"}


@pytest.fixture(scope="module")
def ray_cluster():
    """A local Ray cluster of 2 CPUs, started once for the module; skipped only when Ray cannot start."""
    try:
        import ray
    except ImportError as exc:
        pytest.skip(f"ray is not installed: {exc}")
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    except Exception as exc:  # noqa: BLE001 - no shared memory, no ports: say why and skip
        pytest.skip(f"ray cannot start a local cluster here: {type(exc).__name__}: {exc}")
    yield ray
    ray.shutdown()


def _corpus(shared_dir, dest) -> int:
    topics = sorted((shared_dir / "data" / "t17").glob("*.jsonl"))
    if not topics:
        pytest.skip("no Timeline17 topics in ../shared/data/t17")
    lines = []
    for topic in topics:
        docs = [json.loads(x) for x in topic.read_text(encoding="utf-8").splitlines() if x.strip()]
        step = max(1, len(docs) // PER_TOPIC)
        for d in docs[::step][:PER_TOPIC]:  # spread over the topic's months
            d["text"] = "\n".join(d["text"].split("\n")[:PARAGRAPHS])
            lines.append(json.dumps(d))
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in RUN_FIELDS}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _run(args: list[str]) -> dict:
    from typer.testing import CliRunner

    from storyline.cli.main import app

    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output[-3000:]
    out = args[args.index("--export") + 1]
    with open(out, encoding="utf-8") as fh:
        return json.load(fh)


@pytest.mark.slow
def test_ray_with_two_workers_exports_what_a_local_run_exports(ray_cluster, shared_dir, tmp_path):
    feed = tmp_path / "feed.jsonl"
    n = _corpus(shared_dir, feed)
    started = time.perf_counter()
    local = _run(["run", str(feed), "--db", str(tmp_path / "local.duckdb"), "--export", str(tmp_path / "local.json")])
    mid = time.perf_counter()
    on_ray = _run(["run", str(feed), "--db", str(tmp_path / "ray.duckdb"), "--export", str(tmp_path / "ray.json"),
                   "--engine", "ray", "--workers", "2"])
    print(f"{n} reports: local {mid - started:.1f} s, ray {time.perf_counter() - mid:.1f} s")
    local, on_ray = _strip(local), _strip(on_ray)
    assert len(local["documents"]) >= 0.9 * n
    assert len(local["stories"]) > 1, "the feed splits into stories, so their key days run on the workers"
    assert local["events"] and local["actors"]
    for part in ("events", "actors", "stories", "mentions", "timexes", "documents", "timeline"):
        assert on_ray[part] == local[part], f"the Ray run's {part} differ from the local run's"
    assert on_ray == local
