"""The `storyline` command: run, ingest, analyse, export, stats, serve.

The library raises narrow errors; this module turns each into one clear line and an exit code.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import StorylineError
from ..store import DEFAULT_DB, Store

app = typer.Typer(help="Storyline: turn raw news reports into a sourced, dated event timeline.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, soft_wrap=True)
out = Console()

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB store file (created when missing).")]
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or globs.")]
MaxMb = Annotated[float, typer.Option("--max-mb", help="Skip single-report files larger than this (MB).")]


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}")
    raise typer.Exit(code=1)


def _open(db: Path, read_only: bool = False) -> Store:
    if read_only and not db.exists():
        _fail(FileNotFoundError(f"no store at {db}: run `storyline run PATH --db {db}` first"))
    try:
        return Store(db, read_only=read_only)
    except StorylineError as exc:
        _fail(exc)
        raise


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=False, disable=not err.is_terminal)


def _say_skip(skip) -> None:
    err.print(f"[yellow]skipped[/yellow] {skip.source}: {skip.reason}", highlight=False)


def _say_log(store: Store, skips) -> None:
    """Where the tracebacks of unexpected errors went, once."""
    if any(getattr(s, "trace", None) for s in skips):
        err.print(f"tracebacks of the unexpected errors above: {store.log_path}", highlight=False)


def _ingest(paths: list[str], store: Store, max_mb: float):
    from ..ingest import files_of
    from ..pipeline import ingest

    for p in paths:
        if not any(c in p for c in "*?[") and not Path(p).exists():
            err.print(f"[yellow]skipped[/yellow] {p}: no such file or folder", highlight=False)
    files, noted = files_of(paths)
    if not files and not noted:
        _fail(FileNotFoundError(f"no input files found under: {' '.join(paths)}"))
    with _progress() as bar:
        task = bar.add_task("reading", total=len(files))
        report = ingest(paths, store, max_mb, lambda _what, n: bar.advance(task, n))
    for skip in report.skipped:
        _say_skip(skip)
    _say_log(store, report.skipped)
    err.print(f"stored {len(report.added)} new report(s); {len(report.already)} already stored; "
              f"{len(report.skipped)} skipped")
    return report


Engine = Annotated[str, typer.Option("--engine", help="local, or ray to analyse on a Ray cluster.")]
RayAddress = Annotated[Optional[str], typer.Option("--ray-address", help="Ray cluster address (default: "
                                                   "start a local one).")]
Workers = Annotated[int, typer.Option("--workers", help="spaCy processes (or Ray workers).")]


def _analyse(store: Store, workers: int, engine: str = "local", address: str | None = None) -> dict[str, int]:
    from ..pipeline import analyse, finalize

    todo = len(store.unanalysed())
    skips: list = []
    with _progress() as bar:
        task = bar.add_task("analysing", total=todo)
        advance = lambda _what, n: bar.advance(task, n)  # noqa: E731
        if engine == "ray":
            from ..scale import analyse_with_ray

            try:
                analyse_with_ray(store, address=address, workers=max(workers, 1), progress=advance,
                                 on_skip=skips.append)
            except StorylineError as exc:
                _fail(exc)
        elif engine == "local":
            analyse(store, advance, n_process=workers, on_skip=skips.append)
        else:
            _fail(ValueError(f"unknown engine {engine!r}: use local or ray"))
    counts = finalize(store, on_skip=skips.append)
    for skip in skips:
        _say_skip(skip)
    _say_log(store, skips)
    err.print("analysed: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return counts


@app.command()
def run(paths: PathsArg, db: DbOpt = Path(DEFAULT_DB),
        export: Annotated[Optional[Path], typer.Option("--export", help="Write the export here.")] = None,
        fmt: Annotated[str, typer.Option("--format", help="Export format (see `storyline export --help`).")] = "json",
        all_events: AllEvents = False, max_mb: MaxMb = 25.0, workers: Workers = 1, engine: Engine = "local",
        ray_address: RayAddress = None) -> None:
    """Ingest reports, analyse them with every stage, and optionally export.

    Example: storyline run examples/corpus --db crisis.duckdb --export out.json
    """
    with _open(db) as store:
        _ingest(paths, store, max_mb)
        _analyse(store, workers, engine, ray_address)
        if export:
            _export(store, fmt, export, all_events)


@app.command()
def ingest(paths: PathsArg, db: DbOpt = Path(DEFAULT_DB), max_mb: MaxMb = 25.0) -> None:
    """Read, clean and store reports without analysing them.

    Example: storyline ingest crawl.warc.gz reports/*.html --db crisis.duckdb
    """
    with _open(db) as store:
        _ingest(paths, store, max_mb)


@app.command()
def analyse(db: DbOpt = Path(DEFAULT_DB), workers: Workers = 1, engine: Engine = "local",
            ray_address: RayAddress = None) -> None:
    """Analyse stored reports not analysed yet, then redo the corpus pass (dates, fusion).

    Example: storyline analyse --db crisis.duckdb --engine ray --workers 2
    """
    with _open(db) as store:
        _analyse(store, workers, engine, ray_address)


AllEvents = Annotated[bool, typer.Option("--all-events", help="Also export conditional, denied, hypothetical "
                                          "and low-confidence events (they are always in the store).")]


def _export(store: Store, fmt: str, path: Path, all_events: bool = False) -> None:
    from ..export import export as do_export

    try:
        written = do_export(store, fmt, path, all_events=all_events)
    except StorylineError as exc:
        _fail(exc)
    else:
        err.print(f"wrote {fmt} export to {written}")


@app.command()
def export(db: DbOpt = Path(DEFAULT_DB),
           fmt: Annotated[str, typer.Option("--format", "-f", help="json, csv, parquet, events, timelinejs, "
                                            "gexf, graphml or html.")] = "json",
           out_path: Annotated[Path, typer.Option("--out", "-o", help="Output file.")] = Path("storyline.json"),
           all_events: AllEvents = False) -> None:
    """Write the store in one of the field's formats.

    Example: storyline export --format csv --out events.csv --db crisis.duckdb
    """
    with _open(db, read_only=True) as store:
        _export(store, fmt, out_path, all_events)


@app.command()
def stats(db: DbOpt = Path(DEFAULT_DB)) -> None:
    """Count what the store holds.

    Example: storyline stats --db crisis.duckdb
    """
    with _open(db, read_only=True) as store:
        table = Table("table", "rows", title=str(db))
        for name in ("documents", "actors", "mentions", "timexes", "event_mentions", "events", "stories", "skipped"):
            table.add_row(name, str(store.count(name)))
        out.print(table)
        undated = store.con.execute("SELECT count(*) FROM documents WHERE published IS NULL").fetchone()[0]
        out.print(f"reports without a publication date: {undated}")


@app.command()
def serve(db: DbOpt = Path(DEFAULT_DB),
          port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8000,
          host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1") -> None:
    """Open the timeline, evidence and SQL box in a local web page.

    Example: storyline serve --db crisis.duckdb --port 8000, then open http://127.0.0.1:8000
    """
    if not db.exists():
        _fail(FileNotFoundError(f"no store at {db}: run `storyline run PATH --db {db}` first"))
    from ..web import serve as do_serve

    err.print(f"serving {db} at http://{host}:{port}  (Ctrl+C to stop)")
    do_serve(str(db), host=host, port=port)


def main() -> None:  # pragma: no cover - console entry point
    try:
        app()
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(1)
