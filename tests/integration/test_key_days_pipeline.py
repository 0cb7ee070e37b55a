"""Dating and key days through the whole pipeline (`storyline run` on a small JSONL feed): an event is
dated by what the text says, not by the day the report came out, and later reports that refer back to a
day make it the key day.
"""
from __future__ import annotations

import json

import pytest

REPORTS = [
    # Sunday March 20, 2022: "on Thursday" is March 17
    {"id": "sun", "published": "2022-03-20", "title": "Shelling of Kharkiv",
     "text": "Russian forces shelled Kharkiv on Thursday, killing dozens of civilians, Ukrainian officials said.\n"
             "The city council said rescue work went on through the weekend."},
    {"id": "mon", "published": "2022-03-21", "title": "Kharkiv mourns",
     "text": "Kharkiv buried its dead on Monday, four days after the March 17 shelling.\n"
             "Officials said the attack was the deadliest on the city since the war began."},
    {"id": "apr", "published": "2022-04-02", "title": "A month of war in Kharkiv",
     "text": "The shelling of March 17 remains the deadliest day Kharkiv has known, residents said.\n"
             "Ukraine and Turkey held talks in Istanbul on Tuesday."},
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from storyline.pipeline import run
    from storyline.store import Store

    work = tmp_path_factory.mktemp("kharkiv")
    (work / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    db = work / "kharkiv.duckdb"
    with Store(db) as store:
        run([work / "feed.jsonl"], store)
    return db


def test_an_event_told_on_sunday_as_thursday_s_is_dated_thursday(store_path):
    from storyline.store import Store

    with Store(store_path, read_only=True) as store:
        shelling = [e for e in store.events() if e.type == "ASSAULT" and "sun" in {x.doc for x in e.evidence}]
    assert shelling, "no attack coded in the Sunday report"
    assert all(e.date == "2022-03-17" for e in shelling)


def test_the_day_later_reports_refer_back_to_is_the_first_key_day(store_path):
    from storyline.store import Store

    with Store(store_path, read_only=True) as store:
        days = store.key_days()
    top = days[0]
    assert top.date == "2022-03-17" and top.rank == 1
    assert top.n_reports == 3 and top.n_references == 3
    assert {e.doc for e in top.evidence} == {"sun", "mon", "apr"}
    sunday = next((k for k in days if k.date == "2022-03-20"), None)  # the day the first report came out
    assert sunday is None or sunday.score < top.score / 2
