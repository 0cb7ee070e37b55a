"""The flow: ingest -> clean -> store, then per-report NLP, then the corpus pass.

Each arrow is one function call on the one data model. Per-report work (parsing, actors,
event mentions) is stored report by report, so a killed run resumes where it stopped; the
corpus pass (publication dates, temporal values, event dates, fusion, stories) is cheap and
recomputed whole from what is stored.
"""
from __future__ import annotations

import importlib.util
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .clean import clean_document, content_hash
from .errors import E008, InputSkipped
from .ingest import iter_raw
from .model import Document, EventMention, Mention, TimeExpr
from .store import Store

Progress = Callable[[str, int], None]  # (what happened, how many) -> None


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
    """Read, clean and store every report; each report is committed on its own."""
    report = IngestReport()
    for item in iter_raw(paths, max_mb):
        if isinstance(item, InputSkipped):
            _skip(store, report, item)
        else:
            try:
                doc = clean_document(item)
            except InputSkipped as skip:
                _skip(store, report, skip)
            else:
                _add(store, report, doc)
        if progress:
            progress("read", 1)
    return report


def _skip(store: Store, report: IngestReport, skip: InputSkipped) -> None:
    report.skipped.append(skip)
    store.record_skip(skip.source, skip.reason)


def _add(store: Store, report: IngestReport, doc: Document) -> None:
    """Store a cleaned report unless it is there already (same id and text) or a duplicate."""
    other = store.find_duplicate(doc)
    if other is not None:
        stored = store.document(other)
        if stored is not None and stored.content_hash == doc.content_hash:
            if other == doc.id:
                report.already.append(doc.id)
            else:
                _skip(store, report, InputSkipped(doc.source_path or doc.id, E008.format(other=other)))
            return
        # same id, different report (two "index.html" in different folders): keep both
        doc.id = f"{doc.id}~{doc.content_hash[:8]}"
        if store.find_duplicate(doc):
            report.already.append(doc.id)
            return
    store.add_document(doc)
    report.added.append(doc.id)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


Analysis = tuple[str, list[Mention], list, list[EventMention]]  # (doc id, mentions, actors, event mentions)


def analyse_documents(docs: Iterable[Document]) -> Iterator[Analysis]:
    """Parse reports and run every per-report stage that exists (no store needed); streams.

    Used in this process by ``analyse`` and inside Ray workers by ``storyline.scale``.
    """
    from .nlp import BATCH_SIZE, load_nlp

    has_actors, has_events = _has("storyline.actors"), _has("storyline.events")
    nlp = load_nlp(with_actors=has_actors)
    extract = None
    if has_events:
        from .events import extract_events as extract

    def with_dates() -> Iterator[tuple]:
        for d in docs:
            sdoc = nlp.make_doc(d.body)
            if sdoc.has_extension("dct"):  # titles resolve by the report's date
                sdoc._.dct = date.fromisoformat(d.published) if d.published else None
            yield sdoc, d.id

    for sdoc, doc_id in nlp.pipe(with_dates(), as_tuples=True, batch_size=BATCH_SIZE):
        mentions = _doc_mentions(sdoc, doc_id) if has_actors else []
        actors = list(sdoc._.actors.values()) if has_actors else []
        ems = extract(sdoc, doc_id, mentions) if extract else []
        yield doc_id, mentions, actors, ems


def _analyse_batch(docs: list[dict]) -> list[Analysis]:
    """One worker process's share: rebuild the Documents, analyse them (the pipeline loads once per process)."""
    return list(analyse_documents([Document.from_dict(d) for d in docs]))


def analyse(store: Store, progress: Progress | None = None, chunk: int = 64, n_process: int = 1) -> int:
    """Parse every report not yet analysed; store its mentions, actors and event mentions.

    With ``n_process`` > 1 the reports go to a pool of worker processes, each holding one loaded
    pipeline (spaCy's own n_process cannot carry Storyline's records back); this process stays the
    only writer of the store.
    """
    todo = store.unanalysed()
    if n_process > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=n_process) as pool:
            pending: deque = deque()
            for ids in _chunks(todo, chunk):  # a few batches in flight at a time: memory stays flat
                pending.append(pool.submit(_analyse_batch, [d.to_dict() for d in store.documents_by_ids(ids)]))
                if len(pending) > 2 * n_process:
                    _save(store, pending.popleft().result(), progress)
            while pending:
                _save(store, pending.popleft().result(), progress)
        return len(todo)

    def stream() -> Iterator[Document]:
        for ids in _chunks(todo, chunk):
            yield from store.documents_by_ids(ids)

    _save(store, analyse_documents(stream()), progress)
    return len(todo)


def _save(store: Store, results: Iterable[Analysis], progress: Progress | None) -> None:
    for doc_id, mentions, actors, ems in results:
        store.save_analysis(doc_id, mentions, actors, ems)
        if progress:
            progress("analysed", 1)


def _doc_mentions(sdoc, doc_id: str) -> list[Mention]:
    out = []
    for m in sdoc._.actor_mentions:
        m.doc = doc_id
        out.append(m)
    return out


def finalize(store: Store) -> dict[str, int]:
    """The corpus pass: publication dates, temporal values, event dates, fusion and stories."""
    docs = {d.id: d for d in store.documents()}
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in store.mentions():
        mentions[m.doc].append(m)
    if _has("storyline.time"):
        _date_reports(store, docs, mentions)
    timexes: list[TimeExpr] = []
    if _has("storyline.time"):
        from .time import normalize

        for d in docs.values():
            dct = date.fromisoformat(d.published) if d.published else None
            timexes += normalize(d.body, dct, doc=d.id)
    ems: list[EventMention] = store.event_mentions()
    events, stories = [], []
    if _has("storyline.events") and _has("storyline.fuse"):
        from .events import assign_dates
        from .fuse import exportable, fuse

        assign_dates(ems, timexes)
        events, stories = fuse(ems, {a.id: a for a in store.actors()}, docs)
        for ev in events:
            ev.timeline = exportable(ev)
    store.save_corpus(timexes, ems, events, stories)
    return {"documents": len(docs), "timexes": len(timexes), "event_mentions": len(ems),
            "events": len(events), "stories": len(stories)}


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
    """Everything: ingest, analyse with every stage that exists, and the corpus pass."""
    report = ingest(paths, store, max_mb, progress)
    analyse(store, progress, n_process=n_process)
    return report, finalize(store)


__all__ = ["IngestReport", "analyse", "analyse_documents", "content_hash", "finalize", "ingest", "run"]
