"""The embedded DuckDB store: one file anyone can open with SQL.

Each input is committed in its own transaction, so a run killed half-way keeps what it
stored and a re-run resumes; a report whose cleaned body was stored before is not stored
again. Corpus-level results (timexes, fused events, stories) are replaced whole in one
transaction, because they are recomputed from the stored per-report analysis.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..model import Actor, Document, Event, EventMention, Evidence, KeyDay, Mention, Story, TimeExpr

DEFAULT_DB = "storyline.duckdb"

_DOC_COLS = [f for f in Document.__dataclass_fields__]
_ACTOR_COLS = [f for f in Actor.__dataclass_fields__]
_MENTION_COLS = [f for f in Mention.__dataclass_fields__]
_TIMEX_COLS = [f for f in TimeExpr.__dataclass_fields__]
_EM_COLS = [f for f in EventMention.__dataclass_fields__]
_EVENT_COLS = [f for f in Event.__dataclass_fields__ if f != "evidence"]
_STORY_COLS = [f for f in Story.__dataclass_fields__]
_KEY_DAY_COLS = [f for f in KeyDay.__dataclass_fields__ if f != "evidence"]


def _q(cols: Iterable[str]) -> str:
    """Quote column names (``end`` is a keyword)."""
    return ", ".join(f'"{c}"' for c in cols)


#: rows per INSERT statement: one multi-row statement is far faster than DuckDB's executemany
INSERT_CHUNK = 200


def _insert(con: duckdb.DuckDBPyConnection, table: str, cols: list[str], rows: list[tuple]) -> None:
    """Insert rows: many at once as one Arrow table, a few as multi-row statements."""
    if not rows:
        return
    from .. import settings

    if len(rows) >= settings.SCALE_ARROW_ROWS and _insert_arrow(con, table, cols, rows):
        return
    marks = "(" + ", ".join("?" for _ in cols) + ")"
    for i in range(0, len(rows), INSERT_CHUNK):
        part = rows[i:i + INSERT_CHUNK]
        con.execute(f"INSERT INTO {table} ({_q(cols)}) VALUES " + ", ".join([marks] * len(part)),
                    [v for row in part for v in row])


def _insert_arrow(con: duckdb.DuckDBPyConnection, table: str, cols: list[str], rows: list[tuple]) -> bool:
    """One INSERT of an Arrow table; False when the values make no Arrow column (mixed types), left to SQL."""
    import pyarrow as pa

    try:
        data = pa.table({c: pa.array([r[k] for r in rows]) for k, c in enumerate(cols)})
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError, TypeError):
        return False
    con.register("_storyline_rows", data)
    try:
        con.execute(f"INSERT INTO {table} ({_q(cols)}) SELECT * FROM _storyline_rows")
    finally:
        con.unregister("_storyline_rows")
    return True


def _date_to_db(value: Any) -> str | None:
    """An event date is a TIMEX value or a {start, end} range; the store keeps 'start/end'."""
    if isinstance(value, dict):
        return f"{value.get('start')}/{value.get('end')}"
    return value


def _date_from_db(value: str | None) -> str | dict | None:
    if value and "/" in value:
        start, end = value.split("/", 1)
        return {"start": start, "end": end}
    return value


class Store:
    """A Storyline corpus in one DuckDB file."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        if not read_only:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:  # locked by another process, not a database, ...
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        if not read_only:
            self.con.execute(resources.files("storyline.store").joinpath("schema.sql").read_text())

    # ------------------------------------------------------------------ plumbing
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Everything inside is stored together or not at all."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _rows(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    # ------------------------------------------------------------------ documents
    def find_duplicate(self, doc: Document) -> str | None:
        """The id already stored under this id or with this cleaned body, if any."""
        row = self.con.execute(
            "SELECT id FROM documents WHERE id = ? OR content_hash = ? LIMIT 1", [doc.id, doc.content_hash]
        ).fetchone()
        return row[0] if row else None

    def add_document(self, doc: Document) -> bool:
        """Store one report in its own transaction; False when it (or its body) is already there."""
        with self.transaction() as con:
            if self.find_duplicate(doc):
                return False
            _insert(con, "documents", _DOC_COLS, [doc.to_row(_DOC_COLS)])
        return True

    def record_skip(self, source: str, reason: str, trace: str | None = None) -> None:
        """One skipped input; the traceback of an unexpected error goes to the log file beside the store."""
        self.con.execute("INSERT INTO skipped (input, reason) VALUES (?, ?)", [source, reason])
        if trace:
            self.log(f"skipped {source}: {reason}\n{trace}")

    @property
    def log_path(self) -> Path:
        """The log file beside the store ('crisis.duckdb' -> 'crisis.errors.log')."""
        p = Path(self.path)
        return p.with_name(p.stem + ".errors.log")

    def log(self, text: str) -> None:
        """Append to the log file; a log that cannot be written never stops a run."""
        from datetime import datetime

        try:
            with self.log_path.open("a", encoding="utf-8", errors="replace") as fh:
                fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} {text.rstrip()}\n")
        except OSError:
            pass

    def drop_document(self, doc_id: str) -> None:
        """Remove one report and its per-report analysis (a report that cannot be analysed is skipped)."""
        with self.transaction() as con:
            for table, key in (("mentions", "doc"), ("event_mentions", "doc"), ("parsed_timexes", "doc"),
                               ("documents", "id")):
                con.execute(f"DELETE FROM {table} WHERE {key} = ?", [doc_id])

    def documents(self, where: str = "", params: list | None = None) -> Iterator[Document]:
        """Stream stored documents in id order without loading the corpus at once."""
        sql = f"SELECT {_q(_DOC_COLS)} FROM documents {where} ORDER BY id"
        cur = self.con.cursor().execute(sql, params or [])
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(256):
            for row in batch:
                yield Document.from_dict(dict(zip(names, row)))

    def documents_by_ids(self, ids: list[str]) -> list[Document]:
        """Several reports in one query (the analysis reads the corpus chunk by chunk)."""
        if not ids:
            return []
        return list(self.documents(f"WHERE id IN ({', '.join('?' for _ in ids)})", list(ids)))

    def document(self, doc_id: str) -> Document | None:
        return next(self.documents("WHERE id = ?", [doc_id]), None)

    def unanalysed(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM documents WHERE NOT analysed ORDER BY id").fetchall()]

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def set_published(self, doc_id: str, published: str | None, source: str | None,
                      confidence: float | None, note: str | None) -> None:
        self.con.execute(
            "UPDATE documents SET published = ?, published_source = ?, published_confidence = ?, "
            "published_note = ? WHERE id = ?", [published, source, confidence, note, doc_id])

    # ------------------------------------------------------------------ per-report analysis
    def save_analysis(self, doc_id: str, mentions: list[Mention], actors: Iterable[Actor],
                      event_mentions: list[EventMention], timexes: list[TimeExpr] | None = None) -> None:
        """Replace one report's NLP results and mark it analysed, atomically; time values are kept with
        the report date they were resolved against."""
        with self.transaction() as con:
            con.execute("DELETE FROM mentions WHERE doc = ?", [doc_id])
            con.execute("DELETE FROM event_mentions WHERE doc = ?", [doc_id])
            con.execute("DELETE FROM parsed_timexes WHERE doc = ?", [doc_id])
            if timexes:
                dct = con.execute("SELECT published FROM documents WHERE id = ?", [doc_id]).fetchone()
                _insert(con, "parsed_timexes", ["dct", *_TIMEX_COLS],
                        [(dct[0] if dct else None, *t.to_row(_TIMEX_COLS)) for t in timexes])
            self._upsert_actors(con, actors)
            _insert(con, "mentions", _MENTION_COLS, [m.to_row(_MENTION_COLS) for m in mentions])
            _insert(con, "event_mentions", _EM_COLS, [e.to_row(_EM_COLS) for e in event_mentions])
            con.execute("UPDATE documents SET analysed = TRUE WHERE id = ?", [doc_id])

    def save_analyses(self, results: list[tuple]) -> None:
        """Several reports' ``save_analysis`` in one transaction and one insert a table: all or none."""
        if not results:
            return
        ids = [r[0] for r in results]
        marks = ", ".join("?" for _ in ids)
        with self.transaction() as con:
            for table in ("mentions", "event_mentions", "parsed_timexes"):
                con.execute(f"DELETE FROM {table} WHERE doc IN ({marks})", ids)
            dcts = dict(con.execute(f"SELECT id, published FROM documents WHERE id IN ({marks})", ids).fetchall())
            _insert(con, "parsed_timexes", ["dct", *_TIMEX_COLS],
                    [(dcts.get(doc_id), *t.to_row(_TIMEX_COLS)) for doc_id, *_r, timexes in results
                     for t in timexes or []])
            actors: dict[str, Actor] = {}
            for _doc, _m, found, _e, _t in results:
                for a in found:
                    known = actors.setdefault(a.id, a)
                    if known is not a:  # one actor named by several reports: its aliases united, as one by one
                        known = actors[a.id] = Actor.from_dict(known.to_dict())
                        for c in _ACTOR_COLS:
                            if c not in ("id", "aliases") and getattr(known, c) in (None, "") \
                                    and getattr(a, c) not in (None, ""):
                                setattr(known, c, getattr(a, c))
                        known.aliases = list(dict.fromkeys([*known.aliases, *a.aliases]))
            self._upsert_actors(con, actors.values())
            _insert(con, "mentions", _MENTION_COLS, [m.to_row(_MENTION_COLS) for r in results for m in r[1]])
            _insert(con, "event_mentions", _EM_COLS, [e.to_row(_EM_COLS) for r in results for e in r[3]])
            con.execute(f"UPDATE documents SET analysed = TRUE WHERE id IN ({marks})", ids)

    def _upsert_actors(self, con: duckdb.DuckDBPyConnection, actors: Iterable[Actor]) -> None:
        """Insert new actors; for known ones, union the aliases and fill fields still empty."""
        actors = list(actors)
        if not actors:
            return
        marks = ", ".join("?" for _ in actors)
        cur = con.execute(f"SELECT {_q(_ACTOR_COLS)} FROM actors WHERE id IN ({marks})", [a.id for a in actors])
        known = {row[0]: dict(zip(_ACTOR_COLS, row)) for row in cur.fetchall()}
        new = []
        for a in actors:
            old = known.get(a.id)
            if old is None:
                new.append(a.to_row(_ACTOR_COLS))
                known[a.id] = dict(zip(_ACTOR_COLS, a.to_row(_ACTOR_COLS)))
                continue
            changes = {c: getattr(a, c) for c in _ACTOR_COLS
                       if c not in ("id", "aliases") and old[c] in (None, "") and getattr(a, c) not in (None, "")}
            merged = list(dict.fromkeys([*(old["aliases"] or []), *a.aliases]))
            if merged != (old["aliases"] or []):
                changes["aliases"] = merged
            if changes:
                sets = ", ".join(f'"{c}" = ?' for c in changes)
                con.execute(f"UPDATE actors SET {sets} WHERE id = ?", [*changes.values(), a.id])
                old.update(changes)
        _insert(con, "actors", _ACTOR_COLS, new)

    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        where, params = ("WHERE doc = ?", [doc_id]) if doc_id else ("", [])
        return [Mention.from_dict(r) for r in
                self._rows(f"SELECT * FROM mentions {where} ORDER BY doc, start", params)]

    def iter_rows(self, table: str, record: type, order: str = "doc, start") -> Iterator[Any]:
        """Every row of a per-report table as records, streamed in batches (an export of a large store)."""
        cur = self.con.cursor().execute(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(2048):
            for row in batch:
                yield record.from_dict(dict(zip(names, row)))

    def actors(self) -> list[Actor]:
        return [Actor.from_dict(r) for r in self._rows("SELECT * FROM actors ORDER BY id")]

    def event_mentions(self) -> list[EventMention]:
        return [EventMention.from_dict(r) for r in self._rows("SELECT * FROM event_mentions ORDER BY doc, start")]

    # ------------------------------------------------------------------ corpus-level results
    def save_corpus(self, timexes: list[TimeExpr], event_mentions: list[EventMention],
                    events: list[Event], stories: list[Story], key_days: list[KeyDay] | None = None) -> None:
        """Replace the corpus-wide results (recomputed from the per-report analysis) in one go."""
        with self.transaction() as con:
            for table in ("timexes", "events", "evidence", "stories", "key_days", "key_day_evidence"):
                con.execute(f"DELETE FROM {table}")
            key_days = key_days or []
            _insert(con, "key_days", _KEY_DAY_COLS, [k.to_row(_KEY_DAY_COLS) for k in key_days])
            _insert(con, "key_day_evidence", ["story", "date", "doc", "start", "end", "text"],
                    [(k.story, k.date, e.doc, e.start, e.end, e.text) for k in key_days for e in k.evidence])
            _insert(con, "timexes", _TIMEX_COLS, [t.to_row(_TIMEX_COLS) for t in timexes])
            # dates are resolved in the corpus pass: one joined UPDATE, not one statement per mention
            con.execute("CREATE OR REPLACE TEMP TABLE em_dates (id VARCHAR, date VARCHAR, date_start VARCHAR, "
                        "date_end VARCHAR, precision VARCHAR)")
            _insert(con, "em_dates", ["id", "date", "date_start", "date_end", "precision"],
                    [(em.id, em.date, em.date_start, em.date_end, em.precision) for em in event_mentions])
            con.execute("UPDATE event_mentions SET date = d.date, date_start = d.date_start, "
                        "date_end = d.date_end, precision = d.precision FROM em_dates d WHERE event_mentions.id = d.id")
            con.execute("DROP TABLE em_dates")
            rows, ev_rows = [], []
            for ev in events:
                row = dict(zip(_EVENT_COLS, ev.to_row(_EVENT_COLS)))
                row["date"] = _date_to_db(ev.date)
                rows.append(tuple(row.values()))
                ev_rows += [(ev.id, e.doc, e.start, e.end, e.text) for e in ev.evidence]
            _insert(con, "events", _EVENT_COLS, rows)
            _insert(con, "evidence", ["event", "doc", "start", "end", "text"], ev_rows)
            _insert(con, "stories", _STORY_COLS, [s.to_row(_STORY_COLS) for s in stories])
            con.execute("CREATE OR REPLACE TEMP TABLE doc_story (id VARCHAR, story VARCHAR)")
            _insert(con, "doc_story", ["id", "story"], [(d, s.id) for s in stories for d in s.docs])
            con.execute("UPDATE documents SET story = (SELECT story FROM doc_story WHERE doc_story.id = documents.id)")
            con.execute("DROP TABLE doc_story")

    def parsed_timexes(self) -> dict[str, tuple[str | None, list[TimeExpr]]]:
        """doc -> (the report date its values were resolved against, the values) from the parse."""
        out: dict[str, tuple[str | None, list[TimeExpr]]] = {}
        for r in self._rows('SELECT * FROM parsed_timexes ORDER BY doc, start'):
            dct = r.pop("dct")
            out.setdefault(r["doc"], (dct, []))[1].append(TimeExpr(**r))
        return out

    def timexes(self, doc_id: str | None = None) -> list[TimeExpr]:
        where, params = ("WHERE doc = ?", [doc_id]) if doc_id else ("", [])
        return [TimeExpr.from_dict(r) for r in
                self._rows(f"SELECT * FROM timexes {where} ORDER BY doc, start", params)]

    def events(self, timeline_only: bool = False, event_id: str | None = None) -> list[Event]:
        """Fused events in date order; ``timeline_only`` keeps those passing the export filter,
        ``event_id`` just that one."""
        clauses, params = (["timeline"] if timeline_only else []), []
        if event_id is not None:
            clauses.append("id = ?")
            params.append(event_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        ev_where = "WHERE event = ?" if event_id is not None else ""
        evidence: dict[str, list[Evidence]] = {}
        for r in self._rows(f'SELECT * FROM evidence {ev_where} ORDER BY event, doc, start', params[-1:]):
            evidence.setdefault(r.pop("event"), []).append(Evidence.from_dict(r))
        out = []
        for r in self._rows(f"SELECT * FROM events {where} ORDER BY date_start NULLS LAST, id", params):
            r["date"] = _date_from_db(r["date"])
            ev = Event.from_dict(r)
            ev.evidence = evidence.get(ev.id, [])
            out.append(ev)
        return out

    def stories(self) -> list[Story]:
        return [Story.from_dict(r) for r in self._rows("SELECT * FROM stories ORDER BY id")]

    def key_days(self, story: str | None = None, limit: int | None = None) -> list[KeyDay]:
        """The key days of the whole corpus (``story`` None) or of one story, most important first."""
        if not self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'key_days'"
                                ).fetchone()[0]:
            return []  # a store made before key days: run `storyline analyse` to rank them
        where = "story IS NULL" if story is None else "story = ?"
        params = [] if story is None else [story]
        top = f" LIMIT {int(limit)}" if limit else ""
        days = [KeyDay.from_dict(r) for r in
                self._rows(f"SELECT * FROM key_days WHERE {where} ORDER BY rank{top}", params)]
        if days:
            marks = ", ".join("?" for _ in days)
            evidence: dict[str, list[Evidence]] = {}
            for r in self._rows(f'SELECT date, doc, start, "end", text FROM key_day_evidence WHERE {where} '
                                f"AND date IN ({marks}) ORDER BY rowid", params + [k.date for k in days]):
                evidence.setdefault(r.pop("date"), []).append(Evidence.from_dict(r))
            for k in days:
                k.evidence = evidence.get(k.date, [])
        return days

    def skipped(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM skipped ORDER BY skipped_at")

    # ------------------------------------------------------------------ SQL for people
    def query(self, sql: str, limit: int = 1000) -> dict[str, Any]:
        """Run one read-only statement; the caller opened the store read-only for untrusted SQL."""
        cur = self.con.execute(sql)
        if cur.description is None:
            return {"columns": [], "rows": []}
        cols = [d[0] for d in cur.description]
        rows = [[_jsonable(v) for v in row] for row in cur.fetchmany(limit)]
        return {"columns": cols, "rows": rows}


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except TypeError:
        return str(value)
