"""Publication dates for undated reports: datelines, other reports of the story, and honest nulls."""
import re
from datetime import date, timedelta

from storyline.model import Document, Mention
from storyline.time import infer_published

DATED = Document(
    id="a", published="2023-03-10", published_source="metadata", published_confidence=1.0,
    body=("Armenia and Azerbaijan agreed on Friday to hold talks on March 15 in Brussels, "
          "the European Union said.\nThe foreign ministers last met in the autumn."))
UNDATED = Document(
    id="b",
    body=("The foreign ministers of Armenia and Azerbaijan will hold talks on Wednesday in Brussels.\n"
          "Diplomats expect a difficult round after months of border clashes."))


def crude_mentions(doc: Document) -> list[Mention]:
    ids = {"Armenia": "ARM", "Azerbaijan": "AZE", "European Union": "EU"}
    return [Mention(doc=doc.id, actor=ids[m.group()], start=m.start(), end=m.end(), text=m.group())
            for m in re.finditer("|".join(ids), doc.body)]


def test_given_dates_are_returned_unchanged():
    out = infer_published([DATED])
    assert out["a"] == ("2023-03-10", 1.0, "given (metadata)")


def test_undated_report_anchored_by_another_report():
    out = infer_published([DATED, UNDATED])
    day = date.fromisoformat(out["b"][0])
    assert date(2023, 3, 8) <= day <= date(2023, 3, 14)  # the week before Wednesday, March 15
    assert "a" in out["b"][2] and 0 < out["b"][1] < 1


def test_mentions_dict_gives_the_same_answer():
    ments = {d.id: crude_mentions(d) for d in (DATED, UNDATED)}
    out = infer_published([DATED, UNDATED], ments)
    assert date(2023, 3, 8) <= date.fromisoformat(out["b"][0]) <= date(2023, 3, 14)


def test_dateline_with_year():
    doc = Document(id="c", body="December 2, 2022 – Ministers met in Rome on Thursday.\nMore to follow.")
    assert infer_published([doc])["c"][:2] == ("2022-12-02", 0.95)


def test_dateline_without_year_takes_year_from_anchor():
    doc = Document(id="d", body="KYIV, Mar 12 (Agency) - Shelling resumed overnight, officials said.")
    out = infer_published([DATED, doc])
    assert out["d"][0] == "2023-03-12"


def test_date_named_as_today():
    doc = Document(id="e", body="The court ruled today, March 13, that the vote stands.")
    assert infer_published([DATED, doc])["e"][0] == "2023-03-13"


def test_no_anchor_gives_none_with_reason():
    out = infer_published([UNDATED])
    assert out["b"][0] is None and out["b"][1] == 0.0 and "no anchor" in out["b"][2]


def test_past_absolute_date_bounds_the_report_from_below():
    doc = Document(id="f", body="Protesters gathered on March 20 outside parliament, police said.")
    day, _conf, note = infer_published([DATED, doc])["f"]
    # a past date alone fits weeks of report days equally: never earlier than it, and no day picked at random
    assert day is None or date(2023, 3, 20) <= date.fromisoformat(day) <= date(2023, 3, 20) + timedelta(days=60)
    assert day is not None or "too uncertain" in note
    doc = Document(id="g", body="Protesters gathered on Friday outside parliament, a week after the March 20 rally.")
    day = infer_published([DATED, doc])["g"][0]
    assert day is None or date.fromisoformat(day) >= date(2023, 3, 20)
