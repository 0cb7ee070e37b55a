"""Arrow batches from the Ray workers load into the store as the local engine's row-by-row writes do, and a
bad report in a batch is skipped with its reason while the others are kept."""
from __future__ import annotations

from storyline.model import Actor, Document, EventMention, Mention, TimeExpr
from storyline.scale.batches import batch_schemas, load, to_batch
from storyline.store import Store


def _doc(i: str, published: str | None = "2022-03-01") -> Document:
    return Document(id=i, body=f"Report {i}. Russia and Ukraine met in Istanbul on Tuesday.", published=published,
                    content_hash=f"h{i}")


def _analysis(i: str, actor_name: str = "Russia", country: str | None = "RUS", alias: str = "Russia",
              text: str = "Russia") -> tuple:
    mentions = [Mention(doc=i, actor="RUS", start=10, end=16, text=text), Mention(doc=i, actor="UKR", start=21,
                                                                                    end=28, text="Ukraine")]
    actors = [Actor(id="RUS", name=actor_name, kind="state", country=country, aliases=[alias]),
              Actor(id="UKR", name="Ukraine", kind="state", country="UKR", aliases=["Ukraine"])]
    ems = [EventMention(id=f"{i}:0", doc=i, type="CONSULT", source=["RUS"], target=["UKR"], start=0, end=40,
                        text="Russia and Ukraine met", symmetric=True, skip_spans=[[1, 2]], context=["day"])]
    timexes = [TimeExpr(doc=i, start=44, end=51, text="Tuesday", value="2022-03-01", anchor="dct")]
    return (i, mentions, actors, ems, timexes)


def _stored(store: Store) -> tuple:
    q = lambda sql: store.con.execute(sql).fetchall()  # noqa: E731
    return (q("SELECT * FROM mentions ORDER BY ALL"), q("SELECT * FROM actors ORDER BY id"),
            q("SELECT * FROM event_mentions ORDER BY id"), q("SELECT * FROM parsed_timexes ORDER BY ALL"),
            q("SELECT id, analysed FROM documents ORDER BY id"), q("SELECT input, reason FROM skipped ORDER BY ALL"))


def _two(tmp_path, docs: list[Document]) -> tuple[Store, Store]:
    a, b = Store(tmp_path / "rows.duckdb"), Store(tmp_path / "arrow.duckdb")
    for d in docs:
        a.add_document(d)
        b.add_document(d)
    return a, b


def test_batches_store_what_row_by_row_writes_store(tmp_path):
    rows, arrow = _two(tmp_path, [_doc("a"), _doc("b", None), _doc("c")])
    first = [_analysis("a", country=None, alias="Russia"), _analysis("b", alias="Moscow")]
    second = [_analysis("c", actor_name="Russian Federation", alias="the Kremlin")]
    with rows, arrow:
        for batch in (first, second):  # actors' aliases union and empty fields fill in report order
            for r in batch:
                rows.save_analysis(*r)
            assert load(arrow, to_batch(batch, batch_schemas(arrow))) == len(batch)
        assert _stored(arrow) == _stored(rows)
        rus = arrow.con.execute("SELECT name, country, aliases FROM actors WHERE id = 'RUS'").fetchone()
        assert rus == ("Russia", "RUS", ["Russia", "Moscow", "the Kremlin"])
        dcts = arrow.con.execute("SELECT doc, dct FROM parsed_timexes ORDER BY doc").fetchall()
        assert dcts == [("a", "2022-03-01"), ("b", None), ("c", "2022-03-01")]


def test_a_report_arrow_cannot_hold_is_skipped_with_its_reason_and_the_batch_kept(tmp_path):
    _, store = _two(tmp_path, [_doc("a"), _doc("b"), _doc("c")])
    told = []
    with store:
        batch = to_batch([_analysis("a"), _analysis("b", text="Rus\ud800sia"), _analysis("c")], batch_schemas(store))
        assert batch.docs == ["a", "c"] and [s.source for s in batch.skipped] == ["b"]
        assert load(store, batch, told.append) == 2
        assert [s.source for s in told] == ["b"]
        assert "storing the analysis" in told[0].reason and "surrogates" in told[0].reason
        assert store.con.execute("SELECT id FROM documents ORDER BY id").fetchall() == [("a",), ("c",)]
        assert store.con.execute("SELECT DISTINCT doc FROM mentions ORDER BY doc").fetchall() == [("a",), ("c",)]


def test_a_batch_the_store_refuses_is_loaded_report_by_report(tmp_path):
    _, store = _two(tmp_path, [_doc("a"), _doc("b"), _doc("c")])
    with store:
        store.save_analysis(*_analysis("a"))
        clash = _analysis("c")
        clash[3][0].id = "a:0"  # an event mention id report a already holds: DuckDB refuses the whole batch
        told = []
        assert load(store, to_batch([_analysis("b"), clash], batch_schemas(store)), told.append) == 1
        assert [s.source for s in told] == ["c"] and "storing the analysis" in told[0].reason
        assert store.con.execute("SELECT id, analysed FROM documents ORDER BY id").fetchall() == [
            ("a", True), ("b", True)]
        assert store.con.execute("SELECT id, doc FROM event_mentions ORDER BY id").fetchall() == [
            ("a:0", "a"), ("b:0", "b")]


def test_a_worker_skip_is_recorded_and_its_report_dropped(tmp_path):
    from storyline.errors import InputSkipped

    _, store = _two(tmp_path, [_doc("a"), _doc("b")])
    with store:
        gone = InputSkipped("b", "E016 analysis failed: ValueError: bad")
        assert load(store, to_batch([_analysis("a"), gone], batch_schemas(store))) == 1
        assert store.con.execute("SELECT input, reason FROM skipped").fetchall() == [("b", gone.reason)]
        assert store.con.execute("SELECT id FROM documents").fetchall() == [("a",)]
