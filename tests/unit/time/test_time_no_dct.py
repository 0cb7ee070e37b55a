"""Reports that stay undated: normalize without a DCT keeps what the text itself fixes (full dates, days
without a year as XXXX, times on those days, "the following day" after a full date) and leaves every
value that would need the report's day as None, never a guess."""
import pytest

from storyline.model import Document
from storyline.time import infer_published, normalize


def values(text: str) -> dict[str, str | None]:
    return {t.text: t.value for t in normalize(text, None)}


@pytest.mark.parametrize("text,span,value", [
    ("The border accord was signed on May 2, 2011 in Pell.", "May 2, 2011", "2011-05-02"),
    ("The border accord was signed on 2 May in Pell.", "2 May", "XXXX-05-02"),
    ("They met on Oct. 5.", "Oct. 5", "XXXX-10-05"),
    ("Envoys met in January 2021.", "January 2021", "2021-01"),
    ("Envoys met in October.", "October", "XXXX-10"),
    ("Drought struck in the summer of 2019.", "the summer of 2019", "2019-SU"),
    # what the text fixes carries on to what leans on it
    ("Fighting began on May 2, 2011, at 10 a.m.", "10 a.m.", "2011-05-02T10:00"),
    ("Fighting began on May 2, 2011. The following day, talks opened.", "The following day", "2011-05-03"),
    ("The envoy came on March 6 at 9 a.m.", "9 a.m.", "XXXX-03-06T09:00"),
    ("The envoy left at 5 p.m. on March 7.", "5 p.m.", "XXXX-03-07T17:00"),
])
def test_what_the_text_fixes_keeps_its_value(text, span, value):
    assert values(text)[span] == value


@pytest.mark.parametrize("text,span", [
    ("Norland shelled Sutria on Saturday.", "Saturday"),
    ("Norland shelled Sutria yesterday.", "yesterday"),
    ("Talks resume next week.", "next week"),
    ("Prices fell last month.", "last month"),
    ("The plant closed three years ago.", "three years ago"),
    ("Earlier in the week, the two sides spoke.", "Earlier in the week"),
    # a day named but not known ends what an earlier full date reaches
    ("Fighting began on May 2, 2011. On Saturday talks ended; that day a deal was signed.", "that day"),
])
def test_what_needs_the_report_day_stays_none(text, span):
    assert values(text)[span] is None


def test_an_undated_report_lists_the_days_that_fit():
    anchor = Document(id="anchor", published="2024-11-20", published_source="metadata", published_confidence=1.0,
                      body="Norland suspended its participation in the border commission last month.")
    doc = Document(id="amb", body="Norland said on Saturday that it was suspending its participation in the commission.")
    day, conf, note = infer_published([anchor, doc])["amb"]
    assert day is None and conf == 0.0 and "too uncertain" in note
    assert "2024-10-05, 2024-10-12, 2024-10-19, 2024-10-26" in note  # the Saturdays of "last month"
    assert values(doc.body)["Saturday"] is None  # and its expressions stay unresolved
