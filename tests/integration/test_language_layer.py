"""One language layer: the spaCy parse of a report is computed once, and time is one of its components.

The corpus pass takes the time values the parse gave, and re-resolves a report's values only when its
date has changed since (an inferred date, a correction).
"""
from __future__ import annotations

import json

import pytest

from storyline import pipeline
from storyline.store import Store

pytestmark = pytest.mark.slow

TEXT = ("On Thursday, the Chilean ministers who arrived in Geneva will sign an agreement with Peru, "
        "the foreign ministry said.")


@pytest.fixture()
def store(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "geneva", "text": TEXT, "published": "2022-01-05"}) + "\n")
    with Store(tmp_path / "s.duckdb") as st:
        pipeline.run([feed], st)
        yield st


def test_a_weekday_under_will_is_the_coming_one_in_the_store_and_on_the_event(store):
    (t,) = [t for t in store.timexes() if t.text == "Thursday"]
    assert t.value == "2022-01-06" and t.rule.endswith("+parse")  # the parse's value, not a regex re-run
    signing = [e for e in store.events() if e.type == "SUPPORT"]  # the codebook: signing is SUPPORT
    assert signing and signing[0].status == "scheduled" and signing[0].date == "2022-01-06"


def test_the_corpus_pass_re_resolves_only_a_report_whose_date_changed(store):
    assert store.parsed_timexes()["geneva"][0] == "2022-01-05"
    store.set_published("geneva", "2022-01-12", "metadata", 1.0, "corrected")
    pipeline.finalize(store)
    (t,) = [t for t in store.timexes() if t.text == "Thursday"]
    assert t.value == "2022-01-13" and t.rule.endswith("+parse")  # still the coming Thursday, without a new parse
