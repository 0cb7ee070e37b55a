"""The learned half of event coding: it ships in the package, loads offline, and codes what patterns miss.

The per-type sentences in tests/data/event_types_*.jsonl were written and labelled by hand for these tests
(never trained on); the floors are the measured shares less a small margin, so a real drop fails CI.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import pytest

from storyline.events.classify import NONE, classifier
from storyline.events.combine import PLOVER_TYPES, blend, proposal, vetoed

DATA = Path(__file__).resolve().parents[2] / "data"
SENTENCES = [json.loads(x) for f in sorted(DATA.glob("event_types_*.jsonl"))
             for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
#: measured on the written test sentences (10 a type): the sentence's events include its type
FLOORS = {"ACCUSE": 6, "AGREE": 6, "AID": 7, "ASSAULT": 6, "COERCE": 7, "CONCEDE": 8, "CONSULT": 8,
          "COOPERATE": 7, "MOBILIZE": 7, "PROTEST": 6, "REJECT": 3, "REQUEST": 3, "RETREAT": 4, "SANCTION": 8,
          "SUPPORT": 7, "THREATEN": 4}  # measured one more each (142 of 190 with NONE)


def test_the_model_ships_in_the_package_and_loads_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    classifier.cache_clear()
    model = classifier()
    assert set(model.types.labels) == set(PLOVER_TYPES) | {NONE}
    assert model.modes is not None and all(lab.split(".")[0] in PLOVER_TYPES for lab in model.modes.labels)


def test_probabilities_are_a_distribution_over_the_16_types_and_none(nlp):
    doc = nlp("Police in Lima arrested twelve students after a march on Tuesday.")
    probs = classifier().type_probs(next(doc.sents))
    assert math.isclose(sum(probs.values()), 1.0, abs_tol=1e-5) and len(probs) == 17
    assert max(probs, key=probs.get) == "COERCE"


def test_modes_come_from_the_codebook_within_the_type(nlp):
    doc = nlp("Fighter jets bombed rebel positions from the air near the northern border overnight.")
    feats = __import__("storyline.events.features", fromlist=["x"]).sentence_features(next(doc.sents))
    assert classifier().mode_of(feats, "ASSAULT") == "aerial"


def test_the_classifier_codes_an_event_no_pattern_knows(events):
    # an offer is AGREE by the codebook; the patterns only see the talks
    ems = events("Chile offered to host talks between the two governments next month.")
    learned = [e for e in ems if "learned" in e.context]
    assert learned and learned[0].type == "AGREE" and learned[0].source == ["CHL"]
    assert learned[0].trigger == "offered"


def test_blend_weighs_the_pattern_by_the_classifier():
    # the pattern's precision, pulled towards the classifier's probability of the same type
    assert blend(0.8, 0.05) < blend(0.8, 0.5) < 0.8 < blend(0.8, 0.99) <= 0.99
    assert blend(0.6, 0.9) > blend(0.6, 0.2)


def test_no_proposal_when_the_classifier_thinks_nothing_happened():
    assert proposal({"ASSAULT": 0.2, NONE: 0.7}, set()) is None
    assert proposal({"ASSAULT": 0.7, NONE: 0.1}, set()) == "ASSAULT"
    assert proposal({"ASSAULT": 0.7, NONE: 0.1}, {"ASSAULT"}) is None  # a pattern coded it already
    assert vetoed({"ASSAULT": 0.01, NONE: 0.9}, "ASSAULT") and not vetoed({"ASSAULT": 0.2, NONE: 0.7}, "ASSAULT")


@pytest.fixture(scope="module")
def found(nlp):
    from storyline.events import extract_events
    from storyline.pipeline import _doc_mentions

    hits: Counter = Counter()
    for r in SENTENCES:
        doc = nlp(r["text"])
        ems = extract_events(doc, "t", _doc_mentions(doc, "t"))
        hits[r["type"]] += (not ems) if r["type"] == NONE else any(e.type == r["type"] for e in ems)
    return hits


@pytest.mark.parametrize("typ", PLOVER_TYPES)
def test_each_type_is_found_in_sentences_written_for_it(found, typ):
    assert sum(r["type"] == typ for r in SENTENCES) == 10
    assert found[typ] >= FLOORS[typ], (typ, found[typ])


def test_sentences_that_tell_no_event_mostly_stay_empty(found):
    assert found[NONE] >= 28  # of 30; measured 30


def test_a_lead_without_a_pattern_event_takes_the_classifiers_best_type_from_a_lower_probability(events):
    probs = {"MOBILIZE": 0.36, "RETREAT": 0.11, NONE: 0.16}
    assert proposal(probs, set(), lead=True) == "MOBILIZE"
    assert proposal(probs, set()) is None  # deeper in a report the classifier must be surer
    assert proposal(probs, {"ASSAULT"}, lead=True) is None  # a pattern coded the lead's news already
    navy = "The Peruvian navy strengthened its patrols near the disputed islands after the incident."
    lead = [e for e in events(navy) if "learned" in e.context]
    assert lead and lead[0].type == "MOBILIZE" and lead[0].source == ["PER"]
    assert not [e for e in events("The islands have been disputed for a century. " + navy) if e.type == "MOBILIZE"]
