"""The command line reads like its documentation: every command has help ending in an example."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storyline.cli.main import app

runner = CliRunner()
COMMANDS = ["run", "ingest", "analyse", "export", "stats", "timeline", "serve"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: storyline " + command in " ".join(result.output.split())


def test_every_registered_command_is_covered():
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert names == set(COMMANDS)


def test_ingest_reports_skips_and_counts(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Talks resume\n\nThe two delegations met in Oslo on Friday, "
                                            "officials said.\n", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert result.exit_code == 0
    assert "empty.txt: E001 empty file" in result.output
    assert "stored 1 new report(s); 0 already stored; 1 skipped" in result.output
    again = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert "stored 0 new report(s); 1 already stored" in again.output


def test_missing_inputs_and_missing_store_are_one_clear_line(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 1 and "no input files found" in result.output
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no store at" in result.output


def test_unknown_export_format_names_the_formats(tmp_path):
    (tmp_path / "a.txt").write_text("T\n\nThe delegations met in Oslo on Friday, officials said.\n")
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "xls", "--out", str(tmp_path / "x")])
    assert result.exit_code == 1 and "unknown export format 'xls'" in result.output and "parquet" in result.output


def test_json_export_of_an_ingested_store_validates(tmp_path):
    from storyline.export.json_export import validate

    (tmp_path / "a.txt").write_text("Oslo talks\n\nThe delegations met in Oslo on Friday, officials said.\n")
    db, out = tmp_path / "s.duckdb", tmp_path / "o.json"
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    validate(data)
    assert data["documents"][0]["id"] == "a" and data["documents"][0]["title"] == "Oslo talks"
