"""spaCy component "storyline_time": doc._.timexes from doc._.dct, so the nlp pass dates expressions too."""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from storyline.model import TimeExpr
from storyline.nlp.clauses import aux_words, clause_head, future
from storyline.time.extract import candidates
from storyline.time.normalize import normalize
from storyline.time.rules import resolve

if not Doc.has_extension("dct"):
    Doc.set_extension("dct", default=None)
if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=None)
if not Doc.has_extension("doc_id"):
    Doc.set_extension("doc_id", default="")


class TimeComponent:
    """Run normalize on doc.text; where the parse shows a future auxiliary on the governing verb, trust it."""

    def __init__(self, nlp: Language, name: str, refine: bool = True):
        self.name = name
        self.refine = refine

    def __call__(self, doc: Doc) -> Doc:
        dct = doc._.dct
        if isinstance(dct, str):
            dct = date.fromisoformat(dct[:10])
        doc._.timexes = normalize(doc.text, dct, doc._.doc_id or "")
        if self.refine and dct is not None and doc.has_annotation("DEP"):
            doc._.timexes = [self._refine(doc, t, dct) for t in doc._.timexes]
        return doc

    def _refine(self, doc: Doc, t: TimeExpr, dct: date) -> TimeExpr:
        """A bare weekday whose head verb has a future auxiliary resolves forward (cue words can miss it)."""
        if not (t.rule or "").startswith("weekday:past"):
            return t
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            return t
        head = clause_head(span.root.head)
        if future(head) or "would" in aux_words(head):
            return _forward(t, dct)
        return t


def _forward(t: TimeExpr, dct: date) -> TimeExpr:
    """The expression resolved as coming (the parse found a future auxiliary on its verb)."""
    found = candidates(t.text)
    if len(found) != 1:
        return t
    ttype, value, anchor = resolve(found[0][2], found[0][3], dct, "future", None)
    return TimeExpr(doc=t.doc, start=t.start, end=t.end, text=t.text, type=ttype, value=value,
                    anchor=anchor, rule="weekday:future+parse")


def reresolve(text: str, dct: date | None, parsed: list[TimeExpr], doc: str = "") -> list[TimeExpr]:
    """A report's values against a new report date, keeping what its parse decided (a weekday under
    "will" is the coming one): the corpus pass needs no second parse when a date is inferred later."""
    forward = {(t.start, t.end) for t in parsed if (t.rule or "").endswith("+parse")}
    out = []
    for t in normalize(text, dct, doc):
        if dct is not None and (t.start, t.end) in forward and (t.rule or "").startswith("weekday:past"):
            t = _forward(t, dct)
        out.append(t)
    return out


@Language.factory("storyline_time", default_config={"refine": True})
def make_time_component(nlp: Language, name: str, refine: bool) -> TimeComponent:
    """Factory registered with spaCy: nlp.add_pipe("storyline_time") after importing this module."""
    return TimeComponent(nlp, name, refine)
