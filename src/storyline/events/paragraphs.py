"""spaCy component "storyline_paragraphs": a line break always starts a sentence (one paragraph a line).

Add it before the parser (``nlp.add_pipe("storyline_paragraphs", before="parser")``): headings without a
full stop otherwise glue onto the next paragraph and give verbs the wrong subject.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("storyline_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Mark the first token after a newline as a sentence start."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws or prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    return doc
