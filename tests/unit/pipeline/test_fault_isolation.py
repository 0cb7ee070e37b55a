"""One report that breaks a stage is skipped (one line, a row in `skipped`, its traceback in the
log beside the store); every other report of the run, and of its batch, is kept."""
from __future__ import annotations

import json

import pytest

import storyline.pipeline as pipeline
from storyline.errors import ModelError
from storyline.model import Document, EventMention, Mention
from storyline.pipeline import analyse, finalize, ingest, pieces
from storyline.store import Store

STORY = ("The foreign ministers of Chile and Peru met in Lima on {day} to discuss the border, "
         "officials from both delegations said after the talks.")


def corpus(tmp_path, n: int = 5):
    (tmp_path / "in").mkdir()
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    for i in range(n):
        (tmp_path / "in" / f"r{i}.txt").write_text(f"Report {i}\n\n" + STORY.format(day=days[i % 6]) + f" ({i})\n")
    return tmp_path / "in"


def fake_analysis(bad: str):
    """analyse_documents that fails on the report ``bad`` (and so on every batch holding it)."""
    def analyse_documents(docs):
        out = []
        for d in docs:
            if d.id == bad:
                raise KeyError("tokens")
            out.append((d.id, [Mention(d.id, "CHL", 25, 30, "Chile")], [], [], []))
        return out
    return analyse_documents


@pytest.mark.parametrize("workers", [1, 2])
def test_a_report_that_breaks_the_analysis_loses_only_itself(tmp_path, monkeypatch, workers):
    monkeypatch.setattr(pipeline, "analyse_documents", fake_analysis("r2"))
    skipped = []
    with Store(tmp_path / "s.duckdb") as store:
        ingest([corpus(tmp_path)], store)
        analyse(store, chunk=64, n_process=workers, on_skip=skipped.append)  # all five in one batch
        assert [s.source for s in skipped] == ["r2"]
        assert skipped[0].reason == "E016 analysis failed: KeyError: 'tokens'"
        assert store.unanalysed() == []
        assert sorted(r[0] for r in store.con.execute("SELECT doc FROM mentions").fetchall()) == \
            ["r0", "r1", "r3", "r4"]
        assert store.document("r2") is None  # skipped, not half-stored
        assert [(r["input"], r["reason"][:4]) for r in store.skipped()] == [("r2", "E016")]
        log = store.log_path.read_text()
        assert store.log_path.parent == tmp_path and "KeyError: 'tokens'" in log and "Traceback" in log
        finalize(store)  # the corpus pass runs over what is left


def test_a_missing_model_still_stops_the_run(tmp_path, monkeypatch):
    def no_model(docs):
        raise ModelError("the spaCy model is not installed")
    monkeypatch.setattr(pipeline, "analyse_documents", no_model)
    with Store(tmp_path / "s.duckdb") as store:
        ingest([corpus(tmp_path, 2)], store)
        with pytest.raises(ModelError):
            analyse(store)


def test_a_report_that_breaks_cleaning_is_skipped(tmp_path, monkeypatch):
    real = pipeline.clean_document

    def clean(doc):
        if doc.id == "r1":
            raise ValueError("boom")
        return real(doc)

    monkeypatch.setattr(pipeline, "clean_document", clean)
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([corpus(tmp_path, 3)], store)
        assert sorted(report.added) == ["r0", "r2"]
        assert [s.reason for s in report.skipped] == ["E016 cleaning failed: ValueError: boom"]
        assert "ValueError: boom" in store.log_path.read_text()


def test_the_corpus_pass_survives_dates_out_of_range_already_stored(tmp_path):
    """A store written before dates were checked (or edited by hand) must not break later runs."""
    with Store(tmp_path / "s.duckdb") as store:
        body = "On Dec. 31, 9999 the ministers of Chile and Peru met in Lima on Monday, officials said."
        store.add_document(Document("far", body, published="9999-12-31", content_hash="h1"))
        store.add_document(Document("old", body.replace("9999", "0001"), published="0001-01-01", content_hash="h2"))
        em = EventMention("far:0", "far", "CONSULT", ["CHL"], ["PER"], 0, len(body), body,
                          date="9999-12-31", date_start="9999-12-31", date_end="9999-12-31", precision="day")
        store.save_analysis("far", [], [], [em])
        store.save_analysis("old", [], [], [])
        counts = finalize(store)
        assert counts["documents"] == 2
        assert store.document("far").published is None
        assert all(t.value is None or not t.value.startswith("9999") for t in store.timexes())


def test_long_reports_are_cut_at_paragraphs_and_offsets_add_up():
    body = "\n".join(f"Paragraph {i}. " + "The talks went on. " * 20 for i in range(40))
    parts = pieces(body, size=1000)
    assert len(parts) > 1 and all(len(text) <= 1000 for _, text in parts)
    assert "".join(text for _, text in parts) == body
    assert all(body[off:off + len(text)] == text for off, text in parts)
    assert all(body[off - 1] == "\n" or text.startswith("\n") for off, text in parts[1:])
    one_line = "The talks went on. " * 200  # no paragraph breaks: cut after a sentence
    assert all(text.endswith(".") for _, text in pieces(one_line, size=1000)[:-1])
    assert pieces("short", size=1000) == [(0, "short")]


def test_a_report_over_spacys_length_limit_is_analysed_in_pieces(nlp, monkeypatch):
    """spaCy refuses texts over nlp.max_length (E088); the limit is lowered here to keep the test fast."""
    para = ("Chilean President Maria Lopez met Peruvian officials in Lima on Monday. "
            "Japan sent aid to Peru on Tuesday, the ministry said.")
    body = "\n".join(f"{para} ({i})" for i in range(12))
    monkeypatch.setattr(nlp, "max_length", 600)
    monkeypatch.setattr(pipeline, "MAX_PIECE", 500)
    doc = Document("long", body, published="2022-01-05")
    (doc_id, mentions, actors, ems, timexes), = pipeline.analyse_documents([doc])
    assert doc_id == "long"
    assert mentions and all(body[m.start:m.end] == m.text for m in mentions)
    assert {m.text for m in mentions if m.start > 900} >= {"Japan", "Peru"}  # later pieces are analysed too
    assert ems and len({e.id for e in ems}) == len(ems)
    assert all(body[e.start:e.end] == e.text for e in ems)
    assert timexes and all(body[t.start:t.end] == t.text for t in timexes)  # time values keep their offsets too
    assert len({a.id for a in actors}) == len(actors)
