"""The flow: ingest -> clean -> store, then per-report NLP, then the corpus pass.

Each arrow is one function call on the one data model. Per-report work (parsing, actors,
event mentions) is stored report by report, so a killed run resumes where it stopped; the
corpus pass (publication dates, temporal values, event dates, fusion, stories) is cheap and
recomputed whole from what is stored.
"""
from __future__ import annotations

import importlib.util
import os
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean_document, content_hash
from .errors import E008, InputSkipped, ModelError, failed
from .ingest import discover, read_safely
from .model import Document, Event, EventMention, Mention, TimeExpr
from .store import Store

Progress = Callable[[str, int], None]  # (what happened, how many) -> None
OnSkip = Callable[[InputSkipped], None]  # told of each report skipped after ingest (analysis, corpus pass)


def _has(module: str) -> bool:
    """Whether a stage is installed; a stage that exists but fails to import still raises."""
    return importlib.util.find_spec(module) is not None


@dataclass
class IngestReport:
    """What one ingest did, for the CLI to tell the user."""

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: list[InputSkipped] = field(default_factory=list)


def ingest(paths: Iterable[str | Path], store: Store, max_mb: float = 25.0,
           progress: Progress | None = None) -> IngestReport:
    """Read, clean and store every report; each report is committed on its own.

    Any error while reading, cleaning or storing one report skips that report (a row in
    ``skipped``, its traceback in the store's log) and the run goes on. ``progress`` counts files.
    """
    report = IngestReport()
    for entry in discover(paths):
        if isinstance(entry, InputSkipped):
            _skip(store, report, entry)
            continue
        for item in read_safely(entry, max_mb):
            if isinstance(item, InputSkipped):
                _skip(store, report, item)
                continue
            source = item.source_path or item.id
            try:
                doc = clean_document(item)
            except InputSkipped as skip:
                _skip(store, report, skip)
                continue
            except Exception as exc:  # noqa: BLE001 - one report must not stop a run
                _skip(store, report, failed(source, "cleaning", exc))
                continue
            try:
                _add(store, report, doc)
            except Exception as exc:  # noqa: BLE001
                if not _is_one_report(exc):
                    raise
                _skip(store, report, failed(source, "storing", exc))
        if progress:
            progress("read", 1)
    return report


def _is_one_report(exc: Exception) -> bool:
    """Whether a store error is this report's (bad values) rather than the store's (disk, lock)."""
    import duckdb

    if not isinstance(exc, duckdb.Error):
        return True  # a value the binding cannot convert (bad Unicode, a wrong type)
    return isinstance(exc, (duckdb.ConversionException, duckdb.InvalidInputException,
                            duckdb.ConstraintException, duckdb.OutOfRangeException))


def _skip(store: Store, report: IngestReport, skip: InputSkipped) -> None:
    report.skipped.append(skip)
    store.record_skip(skip.source, skip.reason, skip.trace)


def _add(store: Store, report: IngestReport, doc: Document) -> None:
    """Store a cleaned report unless it is there already; duplicates and id clashes are settled
    the same way whatever the input order (see ``store.identity``)."""
    from .store import identity

    given = doc.id
    same = identity.with_text(store, doc.content_hash)
    if same is not None:
        kept = identity.given_id(same)
        if kept == given:
            report.already.append(same.id)
            return
        if kept < given:
            _skip(store, report, InputSkipped(doc.source_path or doc.id, E008.format(other=same.id)))
            return
        store.drop_document(same.id)  # the new one has the smaller id: it is the one kept
        _skip(store, report, InputSkipped(same.source_path or same.id, E008.format(other=given)))
        identity.settle(store, kept)
    if identity.named(store, given):
        doc.id = f"{given}~{doc.content_hash[:8]}"
        store.add_document(doc)
        identity.settle(store, given)
        doc.id = next(d.id for d in identity.named(store, given) if d.content_hash == doc.content_hash)
    else:
        store.add_document(doc)
    report.added.append(doc.id)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


#: (doc id, mentions, actors, event mentions, time expressions): one report's results from its one parse
Analysis = tuple[str, list[Mention], list, list[EventMention], list[TimeExpr]]

#: characters per piece of a long report: spaCy refuses texts over 1,000,000 characters (E088) and
#: its parser needs about 1 GB per 100,000, so a longer report is analysed in pieces cut at paragraphs
MAX_PIECE = 100_000


def pieces(body: str, size: int = MAX_PIECE) -> list[tuple[int, str]]:
    """(offset, text) pieces of at most ``size`` characters, cut at a paragraph end, else a sentence
    end, else a space; one piece when the report is short enough."""
    out, start = [], 0
    while len(body) - start > size:
        end = start + size
        half = start + size // 2
        cut = body.rfind("\n", half, end)
        if cut < 0:
            cut = body.rfind(". ", half, end - 1)
            cut = cut + 1 if cut >= 0 else body.rfind(" ", half, end)
        end = cut if cut > start else end
        out.append((start, body[start:end]))
        start = end
    out.append((start, body[start:]))
    return out


def _shift(analysis: Analysis, offset: int, n_before: int) -> Analysis:
    """A piece's results with offsets into the whole report and event mention ids after earlier pieces'."""
    doc_id, mentions, actors, ems, timexes = analysis
    for m in [*mentions, *timexes]:
        m.start, m.end = m.start + offset, m.end + offset
    renamed = {em.id: f"{doc_id}:{n_before + k}" for k, em in enumerate(ems)}
    for em in ems:
        em.id = renamed[em.id]
        em.start, em.end = em.start + offset, em.end + offset
        for name in ("clause_start", "clause_end", "trigger_start"):
            if getattr(em, name) is not None:
                setattr(em, name, getattr(em, name) + offset)
        em.skip_spans = [[a + offset, b + offset] for a, b in em.skip_spans]
        em.context = [_renamed_ref(c, renamed) for c in em.context]
    return doc_id, mentions, actors, ems, timexes


def _renamed_ref(item: str, renamed: dict[str, str]) -> str:
    kind, sep, ref = item.partition(":")
    return f"{kind}{sep}{renamed[ref]}" if sep and ref in renamed else item


def _merge(parts: list[Analysis]) -> Analysis:
    """One report's results from its pieces: mentions and event mentions in order, actors once each."""
    actors: dict[str, object] = {}
    for _d, _m, piece_actors, _e, _t in parts:
        for a in piece_actors:
            known = actors.setdefault(a.id, a)
            if known is not a:
                known.aliases = list(dict.fromkeys([*known.aliases, *a.aliases]))
    return (parts[0][0], [m for p in parts for m in p[1]], list(actors.values()), [e for p in parts for e in p[3]],
            [t for p in parts for t in p[4]])


def analyse_documents(docs: Iterable[Document]) -> Iterator[Analysis]:
    """Parse reports and run every per-report stage that exists (no store needed); streams.

    A report longer than ``MAX_PIECE`` characters is analysed piece by piece, its offsets kept.
    Used in this process by ``analyse`` and inside worker processes and Ray workers.
    """
    from .nlp import load_nlp
    from .time.dates import day_in_range

    has_actors, has_events = _has("storyline.actors"), _has("storyline.events")
    nlp = load_nlp(with_actors=has_actors)
    extract = None
    if has_events:
        from .events import extract_events as extract

    def with_dates() -> Iterator[tuple]:
        for d in docs:
            parts = pieces(d.body)
            for k, (offset, text) in enumerate(parts):
                sdoc = nlp.make_doc(text)
                if sdoc.has_extension("dct"):  # titles and time values resolve by the report's date
                    sdoc._.dct = day_in_range(d.published)
                if sdoc.has_extension("doc_id"):
                    sdoc._.doc_id = d.id
                yield sdoc, (d.id, offset, k + 1 == len(parts))

    def parsed() -> Iterator[tuple]:
        for batch in word_batches(with_dates()):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))

    done: list[Analysis] = []
    for sdoc, (doc_id, offset, last) in parsed():
        mentions = _doc_mentions(sdoc, doc_id) if has_actors else []
        actors = list(sdoc._.actors.values()) if has_actors else []
        ems = extract(sdoc, doc_id, mentions) if extract else []
        timexes = list(sdoc._.timexes or []) if sdoc.has_extension("timexes") else []
        if offset or not last:
            done.append(_shift((doc_id, mentions, actors, ems, timexes), offset, sum(len(p[3]) for p in done)))
        if last:
            yield _merge(done) if done else (doc_id, mentions, actors, ems, timexes)
            done = []


def word_batches(items: Iterable[tuple]) -> Iterator[list[tuple]]:
    """(tokenized doc, context) pairs in batches of at most SCALE_BATCH_WORDS tokens and SCALE_BATCH_DOCS
    reports (a report longer than the budget goes alone): many short reports a batch, few long ones."""
    from . import settings

    batch: list[tuple] = []
    words = 0
    for item in items:
        n = len(item[0])
        if batch and (words + n > settings.SCALE_BATCH_WORDS or len(batch) >= settings.SCALE_BATCH_DOCS):
            yield batch
            batch, words = [], 0
        batch.append(item)
        words += n
    if batch:
        yield batch


def analyse_batch(docs: list[Document]) -> list[Analysis | InputSkipped]:
    """Analyse a batch; when it fails, each report alone, so one bad report loses only itself."""
    try:
        return list(analyse_documents(docs))
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001 - retried report by report below
        if len(docs) == 1:
            return [failed(docs[0].id, "analysis", exc)]
    out: list[Analysis | InputSkipped] = []
    for d in docs:
        try:
            out += analyse_documents([d])
        except ModelError:
            raise
        except Exception as exc:  # noqa: BLE001
            out.append(failed(d.id, "analysis", exc))
    return out


def _analyse_batch(docs: list[dict]) -> list[Analysis | InputSkipped]:
    """One worker process's share: rebuild the Documents, analyse them (the pipeline loads once per process)."""
    return analyse_batch([Document.from_dict(d) for d in docs])


def analyse(store: Store, progress: Progress | None = None, chunk: int | None = None, n_process: int = 1,
            on_skip: OnSkip | None = None) -> int:
    """Parse every report not yet analysed; store its mentions, actors and event mentions.

    A report whose analysis fails is skipped: taken out of ``documents``, listed in ``skipped``
    with its traceback in the store's log, and told to ``on_skip``; the others are stored.
    With ``n_process`` > 1 the reports go to a pool of worker processes, each holding one loaded
    pipeline (spaCy's own n_process cannot carry Storyline's records back); this process stays the
    only writer of the store.
    """
    from . import settings

    chunk = chunk or settings.SCALE_SAVE_BATCH  # reports analysed, then stored in one transaction
    todo = store.unanalysed()
    if n_process > 1:
        from concurrent.futures import ProcessPoolExecutor

        from .scale.workers import init_worker

        with ProcessPoolExecutor(max_workers=n_process, initializer=init_worker, initargs=(os.getpid(),)) as pool:
            pending: deque = deque()

            def collect() -> None:
                future, batch = pending.popleft()
                try:
                    results = future.result()
                except ModelError:
                    raise
                except Exception:  # noqa: BLE001 - a worker died or could not send back: redo here
                    results = analyse_batch([Document.from_dict(d) for d in batch])
                _save(store, results, progress, on_skip)

            for ids in _chunks(todo, chunk):  # a few batches in flight at a time: memory stays flat
                batch = [d.to_dict() for d in store.documents_by_ids(ids)]
                pending.append((pool.submit(_analyse_batch, batch), batch))
                if len(pending) > 2 * n_process:
                    collect()
            while pending:
                collect()
        return len(todo)

    for ids in _chunks(todo, chunk):
        _save(store, analyse_batch(store.documents_by_ids(ids)), progress, on_skip)
    return len(todo)


def release_parser() -> None:
    """Give the loaded spaCy pipeline's memory back before the corpus pass (about 250 MB of a run's peak);
    for a process that parses no more, such as one `storyline run`: a later parse loads the model again."""
    import gc

    from .nlp import load_nlp

    load_nlp.cache_clear()
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)  # hand freed heap pages back (glibc only)
    except (OSError, AttributeError):
        pass


def _save(store: Store, results: Iterable[Analysis | InputSkipped], progress: Progress | None,
          on_skip: OnSkip | None = None) -> None:
    """Store a batch's analyses in one transaction; when that fails on a report's values, report by report."""
    results = list(results)
    done = [r for r in results if not isinstance(r, InputSkipped)]
    try:
        store.save_analyses(done)
        batch_saved = True
    except Exception as exc:  # noqa: BLE001 - retried report by report below
        if not _is_one_report(exc):
            raise
        batch_saved = False
    for result in results:
        if not isinstance(result, InputSkipped) and not batch_saved:
            doc_id, mentions, actors, ems, timexes = result
            try:
                store.save_analysis(doc_id, mentions, actors, ems, timexes)
            except Exception as exc:  # noqa: BLE001
                if not _is_one_report(exc):
                    raise
                result = failed(doc_id, "storing the analysis", exc)
        if isinstance(result, InputSkipped):
            store.drop_document(result.source)
            store.record_skip(result.source, result.reason, result.trace)
            if on_skip:
                on_skip(result)
        if progress:
            progress("analysed", 1)


def _doc_mentions(sdoc, doc_id: str) -> list[Mention]:
    out = []
    for m in sdoc._.actor_mentions:
        m.doc = doc_id
        out.append(m)
    return out


def finalize(store: Store, on_skip: OnSkip | None = None, progress: Progress | None = None,
             rank_days: Callable | None = None) -> dict[str, int]:
    """The corpus pass: publication dates, temporal values, event dates, fusion and stories.

    Its inputs are checked first (dates in range, values the export accepts), so no stored report
    can break it; a report whose dates cannot be resolved keeps its events, undated. ``rank_days``
    replaces ``fuse.story_key_days`` (the Ray engine ranks the stories' key days on its workers).
    """
    from .time.dates import day_in_range

    docs = {d.id: d for d in store.documents()}
    for d in docs.values():  # a date out of range (an older store, a hand edit) is no date
        if d.published and not day_in_range(d.published):
            d.published = d.published_source = d.published_confidence = None
            d.published_note = "stored publication date out of range"
            store.set_published(d.id, None, None, None, d.published_note)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in store.mentions():
        mentions[m.doc].append(m)
    if _has("storyline.time"):
        try:
            _date_reports(store, docs, mentions)
        except Exception as exc:  # noqa: BLE001 - undated reports stay undated
            store.log(f"dating undated reports failed\n{failed('corpus', 'dating', exc).trace}")
    timexes: list[TimeExpr] = []
    if _has("storyline.time"):
        from .time.component import reresolve

        parsed = store.parsed_timexes()
        for d in docs.values():
            try:
                dct, values = parsed.get(d.id, (None, None))
                if values is None or dct != d.published:  # the report's date changed since its parse
                    values = reresolve(d.body, day_in_range(d.published), values or [], doc=d.id)
                timexes += [_checked(t) for t in values]
            except Exception as exc:  # noqa: BLE001 - this report's dates are lost, not the corpus
                skip = failed(d.id, "resolving dates", exc)
                store.record_skip(skip.source, skip.reason, skip.trace)
                if on_skip:
                    on_skip(skip)
            if progress:
                progress("dated", 1)
    ems: list[EventMention] = store.event_mentions()
    events, stories, days = [], [], []
    if _has("storyline.events") and _has("storyline.fuse"):
        from .events import assign_dates
        from .export.json_export import schema_date
        from .fuse import dating_timexes, exportable, fuse, story_key_days

        assign_dates(ems, dating_timexes(timexes, docs))  # a report's own date stamp dates none of its events
        for em in ems:
            _check_dates(em)
        events, stories = fuse(ems, {a.id: a for a in store.actors()}, docs, mentions)
        for ev in events:
            ev.date = schema_date(ev.date, ev.date_start, ev.date_end)
            _check_dates(ev)
            ev.timeline = exportable(ev)
        days = (rank_days or story_key_days)(docs, timexes, [e for e in events if e.timeline], stories, ems, mentions)
    store.save_corpus(timexes, ems, events, stories, days)
    return {"documents": len(docs), "timexes": len(timexes), "event_mentions": len(ems),
            "events": len(events), "stories": len(stories), "key days": sum(1 for k in days if k.story is None)}


def _checked(t: TimeExpr) -> TimeExpr:
    """A temporal expression whose date lies outside the calendar the later stages can shift keeps no value."""
    from .time.dates import VALUE_YEARS, day_in_range, value_range

    rng = value_range(t.value) if t.type == "DATE" else None
    if rng and not (day_in_range(rng[0], VALUE_YEARS) and day_in_range(rng[1], VALUE_YEARS)):
        t.value = None
    return t


def _check_dates(item: EventMention | Event) -> None:
    """Day bounds that are not real days in range are dropped with the date they bound."""
    from .time.dates import VALUE_YEARS, day_in_range

    for name in ("date_start", "date_end"):
        value = getattr(item, name)
        if value is not None and not day_in_range(value, VALUE_YEARS):
            item.date = item.date_start = item.date_end = None
            item.precision = None
            return


def _date_reports(store: Store, docs: dict[str, Document], mentions: dict[str, list[Mention]]) -> None:
    """Infer the publication date of reports that state none, from their text and each other."""
    from .time import infer_published

    # earlier inferences are recomputed: new reports may anchor old ones better
    for d in docs.values():
        if d.published_source == "inferred":
            d.published = None
    guesses = infer_published(list(docs.values()), dict(mentions))
    for doc_id, (value, confidence, note) in guesses.items():
        d = docs.get(doc_id)
        if d is None or (d.published and d.published_source != "inferred"):
            continue
        d.published, d.published_note = value, note
        d.published_source = "inferred" if value else None
        d.published_confidence = confidence if value else None
        store.set_published(d.id, d.published, d.published_source, d.published_confidence, note)


def run(paths: Iterable[str | Path], store: Store, max_mb: float = 25.0,
        progress: Progress | None = None, n_process: int = 1) -> tuple[IngestReport, dict[str, int]]:
    """Everything: ingest, analyse with every stage that exists, and the corpus pass; reports
    skipped after ingest (analysis, dates) join the ingest report's skips."""
    report = ingest(paths, store, max_mb, progress)
    analyse(store, progress, n_process=n_process, on_skip=report.skipped.append)
    return report, finalize(store, on_skip=report.skipped.append)


__all__ = ["IngestReport", "analyse", "analyse_batch", "analyse_documents", "content_hash", "finalize", "ingest", "run"]
