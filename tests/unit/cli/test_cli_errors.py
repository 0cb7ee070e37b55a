"""Every mistake on the command line, and every damaged store, is one line and exit code 1, found
before any work is done; a failed first run leaves no store behind."""
from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from storyline.cli.main import app

runner = CliRunner()
REPORT = "Oslo talks\n\nThe delegations of Chile and Peru met in Oslo on Friday, officials said.\n"


def one_line_error(result, text: str) -> None:
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert lines[-1].startswith("error:") and text in lines[-1], result.output
    assert "Traceback" not in result.output


@pytest.fixture()
def inputs(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(REPORT)
    return tmp_path / "in"


@pytest.mark.parametrize("args,text", [
    (["--format", "xls", "--export", "x.xls"], "unknown export format 'xls'"),
    (["--export", "x.xyz"], "cannot tell the export format from 'x.xyz'"),
    (["--engine", "spark"], "unknown engine 'spark'"),
    (["--max-mb", "nan"], "--max-mb must be a positive number"),
    (["--max-mb", "-1"], "--max-mb must be a positive number"),
    (["--workers", "0"], "--workers must be 1 or more"),
])
def test_bad_options_are_reported_before_ingest_and_leave_no_store(tmp_path, inputs, monkeypatch, args, text):
    import storyline.pipeline as pipeline

    monkeypatch.setattr(pipeline, "ingest", lambda *a, **k: pytest.fail("ingest ran before the options were checked"))
    db = tmp_path / "s.duckdb"
    one_line_error(runner.invoke(app, ["run", str(inputs), "--db", str(db), *args]), text)
    assert not db.exists()


def test_a_failed_first_run_leaves_no_empty_store(tmp_path):
    db = tmp_path / "s.duckdb"
    one_line_error(runner.invoke(app, ["run", str(tmp_path / "nowhere"), "--db", str(db)]), "no input files found")
    assert not db.exists() and not (tmp_path / "s.duckdb.wal").exists()


def test_run_takes_the_export_format_from_the_file_ending(tmp_path, inputs):
    out = tmp_path / "y.csv"
    result = runner.invoke(app, ["run", str(inputs), "--db", str(tmp_path / "s.duckdb"), "--export", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("id,date,")
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "s.duckdb"), "--out", str(tmp_path / "z.parquet")])
    assert result.exit_code == 0 and (tmp_path / "z.parquet").read_bytes()[:4] == b"PAR1"


def test_export_to_a_folder_or_under_a_file_is_one_line(tmp_path, inputs):
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    one_line_error(runner.invoke(app, ["export", "--db", str(db), "--out", str(tmp_path)]), "it is a folder")
    (tmp_path / "f.json").write_text("{}")
    one_line_error(runner.invoke(app, ["export", "--db", str(db), "--out", str(tmp_path / "f.json" / "x.json")]),
                   "is a file, not a folder")


def test_a_damaged_store_is_one_line_for_stats_and_export(tmp_path, inputs):
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["run", str(inputs), "--db", str(db)]).exit_code == 0
    size = db.stat().st_size
    with db.open("r+b") as fh:  # scribble over the data blocks, keep the header
        for off in range(size // 4, size, 4096):
            fh.seek(off)
            fh.write(os.urandom(256))
    one_line_error(runner.invoke(app, ["stats", "--db", str(db)]), "damaged")
    one_line_error(runner.invoke(app, ["export", "--db", str(db), "--out", str(tmp_path / "o.json")]), "damaged")


@pytest.mark.parametrize("command", ["run", "ingest", "analyse", "export", "stats", "serve"])
def test_help_names_values_in_words_not_python_types(command):
    text = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"}).output
    assert "<bool>" not in text and "<list[str]>" not in text and "<str>" not in text
