"""The `storyline` command: run, ingest, analyse, export, stats, serve.

The library raises narrow errors; this module turns each into one clear line and an exit code.
"""
from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import duckdb
import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.table import Table

from ..errors import StoreError, StorylineError
from ..settings import KEY_DAYS_SHOWN
from ..store import DEFAULT_DB, Store
from ..store.check import verify


def _plain_help_types() -> None:
    """typer labels every parameter with its Python type (``<bool>`` on flags, ``<list[str]>`` on the
    paths); the help reads better with the metavars given below, and nothing on flags or arguments."""
    from typer import core

    option = getattr(core.TyperOption, "display_type_rich", None)
    if option is not None and not getattr(option, "_storyline", False):
        def option_type(self, ctx):
            return None if self.is_flag else (self.metavar or option(self, ctx))
        option_type._storyline = True
        core.TyperOption.display_type_rich = option_type
    if hasattr(core.TyperArgument, "display_type_rich"):
        core.TyperArgument.display_type_rich = lambda self, ctx: None


_plain_help_types()

app = typer.Typer(help="Storyline: turn raw news reports into a sourced, dated event timeline.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, soft_wrap=True)
out = Console()

DbOpt = Annotated[Path, typer.Option("--db", metavar="FILE", help="DuckDB store file (created when missing).")]
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or globs.")]
MaxMb = Annotated[float, typer.Option("--max-mb", metavar="MB",
                                      help="Skip single-report files larger than this (MB).")]


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}")
    raise typer.Exit(code=1)


@contextmanager
def _open(db: Path, read_only: bool = False) -> Iterator[Store]:
    """The store for one command; a damaged store is one line, and a store this command created
    is removed again when the command fails before storing a report."""
    if read_only and not db.exists():
        _fail(FileNotFoundError(f"no store at {db}: run `storyline run PATH --db {db}` first"))
    if db.is_dir():
        _fail(StoreError(f"--db {db} is a folder; give a file name such as {db / 'crisis.duckdb'}"))
    created = not db.exists()
    try:
        store = Store(db, read_only=read_only)
    except StorylineError as exc:
        _fail(exc)
        raise
    ok = False
    try:
        with store:
            yield store
            ok = True
    except duckdb.Error as exc:
        _fail(StoreError(f"the store {db} cannot be read ({str(exc).splitlines()[0][:160]}); it may be "
                         f"damaged: rebuild it with `storyline run`, or restore a copy"))
    finally:
        if created and not ok:
            _remove_if_empty(db)


def _remove_if_empty(db: Path) -> None:
    """A failed first run leaves no store file without a report in it behind."""
    try:
        with Store(db, read_only=True) as store:
            empty = store.count("documents") == 0
    except (StorylineError, duckdb.Error):
        return
    if empty:
        for path in (db, db.with_name(db.name + ".wal")):
            path.unlink(missing_ok=True)


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=err,
                    transient=False, disable=not err.is_terminal)


#: export formats by file ending, for `run --export y.csv` and `export --out y.csv` without --format
SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".parquet": "parquet", ".html": "html", ".htm": "html",
                  ".gexf": "gexf", ".graphml": "graphml"}
ENGINES = ("local", "ray")


def _format_for(fmt: str | None, path: Path | None) -> str:
    """The export format asked for, else the one the file name says; checked before any work is done."""
    from ..export import FORMATS

    if fmt is None:
        if path is None or path.suffix.lower() not in SUFFIX_FORMATS:
            if path is not None and path.suffix:
                _fail(ValueError(f"cannot tell the export format from {path.name!r}: add --format "
                                 f"({', '.join(FORMATS)})"))
            return "json"
        return SUFFIX_FORMATS[path.suffix.lower()]
    if fmt not in FORMATS:
        _fail(ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}"))
    return fmt


def _check_max_mb(max_mb: float) -> None:
    if not math.isfinite(max_mb) or max_mb <= 0:
        _fail(ValueError(f"--max-mb must be a positive number of megabytes, not {max_mb}"))


def _check_engine(engine: str, workers: int) -> None:
    if engine not in ENGINES:
        _fail(ValueError(f"unknown engine {engine!r}: use local or ray"))
    if workers < 1:
        _fail(ValueError(f"--workers must be 1 or more, not {workers}"))


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


Engine = Annotated[str, typer.Option("--engine", metavar="ENGINE", help="local, or ray to run the analysis and the "
                                     "stories' key days on a Ray cluster (pip install 'storyline[distributed]').")]
RayAddress = Annotated[Optional[str], typer.Option("--ray-address", metavar="ADDRESS", help="With --engine ray: the "
                                                   "cluster's HOST:PORT, or auto (default: start a local one "
                                                   "of --workers CPUs).")]
Workers = Annotated[int, typer.Option("--workers", metavar="N", help="spaCy processes (with --engine ray: Ray "
                                      "workers, one spaCy model each).")]


def _analyse(store: Store, workers: int, engine: str = "local", address: str | None = None) -> dict[str, int]:
    from ..pipeline import analyse, finalize, release_parser

    todo = len(store.unanalysed())
    skips: list = []
    on_ray = None  # with --engine ray: its workers, kept for the stories' key days of the corpus pass
    with _progress() as bar:
        task = bar.add_task("analysing (loading the spaCy model)" if todo else "analysing", total=todo)

        def advance(_what: str, n: int) -> None:
            bar.update(task, advance=n, description="analysing")
        if engine == "ray":
            from ..scale import RayEngine

            try:
                on_ray = RayEngine.open(store, address, max(workers, 1))  # joins, or starts, the cluster
                on_ray.analyse(progress=advance, on_skip=skips.append)
            except StorylineError as exc:
                _fail(exc)
        elif engine == "local":
            analyse(store, advance, n_process=workers, on_skip=skips.append)
        else:
            _fail(ValueError(f"unknown engine {engine!r}: use local or ray"))
    if todo and engine == "local":
        release_parser()  # this command parses nothing more: the corpus pass starts without the model
    with _progress() as bar:
        task = bar.add_task("dating and fusing", total=store.count("documents"))
        counts = finalize(store, on_skip=skips.append, progress=lambda _what, n: bar.advance(task, n),
                          rank_days=on_ray.rank_days if on_ray else None)
    if on_ray:
        on_ray.close()
    for skip in skips:
        _say_skip(skip)
    _say_log(store, skips)
    err.print("analysed: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return counts


@app.command()
def run(paths: PathsArg, db: DbOpt = Path(DEFAULT_DB),
        export: Annotated[Optional[Path], typer.Option("--export", metavar="FILE", help="Write the export here "
                                                       "(format from its ending: .json, .csv, .parquet, .html, ...).")] = None,
        fmt: Annotated[Optional[str], typer.Option("--format", metavar="FORMAT", help="Export format, when the "
                                                   "file ending does not say it (see `storyline export --help`).")] = None,
        all_events: AllEvents = False, max_mb: MaxMb = 25.0, workers: Workers = 1, engine: Engine = "local",
        ray_address: RayAddress = None) -> None:
    """Ingest reports, analyse them with every stage, and optionally export.

    Example: storyline run examples/corpus --db crisis.duckdb --export out.json
    """
    fmt = _format_for(fmt, export)  # every option is checked before any report is read
    _check_max_mb(max_mb)
    _check_engine(engine, workers)
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
    _check_max_mb(max_mb)
    with _open(db) as store:
        _ingest(paths, store, max_mb)


@app.command()
def analyse(db: DbOpt = Path(DEFAULT_DB), workers: Workers = 1, engine: Engine = "local",
            ray_address: RayAddress = None) -> None:
    """Analyse stored reports not analysed yet, then redo the corpus pass (dates, fusion).

    Example: storyline analyse --db crisis.duckdb --engine ray --workers 2
    """
    _check_engine(engine, workers)
    with _open(db) as store:
        _analyse(store, workers, engine, ray_address)


AllEvents = Annotated[bool, typer.Option("--all-events", metavar="", help="Also export conditional, denied, hypothetical "
                                          "and low-confidence events (they are always in the store).")]


StoryOpt = Annotated[Optional[str], typer.Option("--story", metavar="STORY", help="Only this story: its id or "
                                                  "(part of) its name, as `storyline timeline --stories` lists them.")]


def _export(store: Store, fmt: str, path: Path, all_events: bool = False, story: str | None = None) -> None:
    from ..export import export as do_export
    from ..fuse.stories import find_story

    try:
        chosen = find_story(store.stories(), story).id if story else None
    except LookupError as exc:
        _fail(exc)
    try:
        written = do_export(store, fmt, path, all_events=all_events, story=chosen)
    except StorylineError as exc:
        _fail(exc)
    else:
        err.print(f"wrote {fmt} export to {written}")


@app.command()
def export(db: DbOpt = Path(DEFAULT_DB),
           fmt: Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", help="json, csv, "
                                                      "parquet, events, timelinejs, gexf, graphml or html "
                                                      "(default: from the --out ending, else json).")] = None,
           out_path: Annotated[Optional[Path], typer.Option("--out", "-o", metavar="FILE", help="Output file "
                                                            "(default: storyline.<format>).")] = None,
           all_events: AllEvents = False, story: StoryOpt = None) -> None:
    """Write the store in one of the field's formats.

    Example: storyline export --format csv --out events.csv --db crisis.duckdb
    """
    fmt = _format_for(fmt, out_path)
    if out_path is None:
        out_path = Path("storyline" + next((k for k, v in SUFFIX_FORMATS.items() if v == fmt),
                                           ".csv" if fmt == "events" else ".json"))
    with _open(db, read_only=True) as store:
        _export(store, fmt, out_path, all_events, story)


@app.command()
def stats(db: DbOpt = Path(DEFAULT_DB)) -> None:
    """Count what the store holds.

    Example: storyline stats --db crisis.duckdb
    """
    with _open(db, read_only=True) as store:
        try:
            verify(store)  # counts come from metadata: read every row once so damage shows here
        except StorylineError as exc:
            _fail(exc)
        table = Table("table", "rows", title=str(db))
        present = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        for name in ("documents", "actors", "mentions", "timexes", "event_mentions", "events", "stories",
                     "key_days", "skipped"):
            if name in present:  # a store made before key days has no key_days table
                table.add_row(name, str(store.count(name)))
        out.print(table)
        undated = store.con.execute("SELECT count(*) FROM documents WHERE published IS NULL").fetchone()[0]
        out.print(f"reports without a publication date: {undated}")


@app.command()
def timeline(db: DbOpt = Path(DEFAULT_DB),
             days: Annotated[int, typer.Option("--days", "-k", metavar="K", min=1,
                                               help="How many key days to print.")] = KEY_DAYS_SHOWN,
             story: StoryOpt = None,
             evidence: Annotated[int, typer.Option("--evidence", metavar="N", min=0,
                                                   help="Also print N evidence spans under each day.")] = 0,
             stories: Annotated[bool, typer.Option("--stories", metavar="", help="List the stories instead "
                                                   "(id, name, reports, events).")] = False) -> None:
    """Print the crisis's key days, most important first, each with a one-line summary from the evidence.

    Example: storyline timeline --db crisis.duckdb --days 5 --story "Egypt"
    """
    from rich.markup import escape

    from ..fuse.stories import find_story

    with _open(db, read_only=True) as store:
        if stories:
            table = Table("story", "name", "reports", "events", title=f"stories in {db}")
            for st in sorted(store.stories(), key=lambda s: -len(s.docs)):
                table.add_row(st.id, escape(st.label), str(len(st.docs)), str(len(st.events)))
            out.print(table)
            return
        chosen = None
        if story:
            try:
                chosen = find_story(store.stories(), story)
            except LookupError as exc:
                _fail(exc)
        key_days = store.key_days(story=chosen.id if chosen else None, limit=days)
        if not key_days:
            _fail(StoreError(f"no key days in {db}: run `storyline analyse --db {db}` to rank them"))
        out.print(f"[bold]Key days of {escape(chosen.label) if chosen else escape(str(db))}[/bold] "
                  f"(most important first; {len(key_days)} shown)", highlight=False)
        for k in key_days:
            out.print(f"\n[bold]{k.rank}. {k.date}[/bold]  [dim]score {k.score:.2f} · {k.n_reports} report(s) · "
                      f"{k.n_references} later report(s) refer back · {len(k.events)} event(s)[/dim]", highlight=False)
            out.print(f"   {escape(k.summary)}", highlight=False)
            for e in k.evidence[:evidence]:
                out.print(f"     [dim]{escape(e.doc)}:[/dim] {escape(' '.join(e.text.split()))}", highlight=False)


@app.command()
def serve(db: DbOpt = Path(DEFAULT_DB),
          port: Annotated[int, typer.Option("--port", metavar="PORT", help="Port on 127.0.0.1.")] = 8000,
          host: Annotated[str, typer.Option("--host", metavar="HOST", help="Interface to listen on.")] = "127.0.0.1",
          allow_host: Annotated[Optional[list[str]], typer.Option(
              "--allow-host", metavar="NAME", help="Also answer requests for this host name (repeatable); "
              "by default only localhost names and --host are answered.")] = None) -> None:
    """Open the timeline, evidence and SQL box in a local web page.

    Example: storyline serve --db crisis.duckdb --port 8000, then open http://127.0.0.1:8000
    """
    if not db.exists():
        _fail(FileNotFoundError(f"no store at {db}: run `storyline run PATH --db {db}` first"))
    from ..web import serve as do_serve

    err.print(f"serving {db} at http://{host}:{port}  (Ctrl+C to stop)")
    do_serve(str(db), host=host, port=port, allowed_hosts=allow_host)


def main() -> None:  # pragma: no cover - console entry point
    try:
        app()
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(1)
