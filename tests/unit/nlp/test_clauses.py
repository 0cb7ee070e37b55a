"""nlp/clauses.py: the one reading of clause, tense and modality that time and events share."""
from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.nlp.clauses import backgrounded, clause_head, future
from storyline.pipeline import _doc_mentions


def _tok(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word, expected", [
    ("The envoy, who visited Kabul last week, met the president on Monday.", "visited", True),
    ("The envoy, who visited Kabul last week, met the president on Monday.", "met", False),
    ("Missiles supplied by Germany struck the fuel depot near Lviv.", "supplied", True),
    ("After the army stormed the town, the rebels surrendered their weapons.", "stormed", True),
    ("After the army stormed the town, the rebels surrendered their weapons.", "surrendered", False),
    ("The minister said the army would withdraw from the valley.", "withdraw", False),
    ("Police arrested twelve students following clashes in the capital.", "clashes", True),
])
def test_background_is_a_relative_participial_or_subordinate_clause(nlp, text, word, expected):
    assert backgrounded(_tok(nlp(text), word)) is expected


def test_a_future_auxiliary_is_read_on_the_clause_head(nlp):
    doc = nlp("The talks that began in Oslo will resume on Friday, officials said.")
    assert future(clause_head(_tok(doc, "resume")))
    assert not future(clause_head(_tok(doc, "began")))


def test_an_event_told_as_background_counts_less_than_the_same_event_as_news(nlp):
    def conf(text):
        doc = nlp(text)
        evs = [e for e in extract_events(doc, "d", _doc_mentions(doc, "d")) if e.type == "ASSAULT"]
        return max(e.confidence for e in evs)

    news = conf("Ugandan troops shelled rebel positions in Kasese on Tuesday.")
    background = conf("Kasese, where Ugandan troops shelled rebel positions on Tuesday, is quiet again.")
    assert background < news
