"""Find candidate actor spans in a parsed Doc: catalogue names, demonyms, metonyms, hyphen pairs."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .catalogue import FORMS, Catalogue, surface_key

#: forms of a person's name that only count on a proper noun or a named entity
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PRO_ANTI = {"pro", "anti", "non"}


@dataclass
class Cand:
    """A span that may name an actor, before overlaps are settled."""

    start: int                 # char offsets into doc.text
    end: int
    actor: str | None          # None: a span that only blocks others (a title before a name)
    method: str = "catalogue"
    form: str = "names"
    prio: int = 0              # wins ties of equal length
    info: dict = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start


class CatalogueMatcher:
    """PhraseMatchers built once from the catalogue: exact case for one word, any case for several."""

    def __init__(self, vocab: Vocab, catalogue: Catalogue, tokenizer, settings: dict):
        self.cat = catalogue
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        surfaces = {s for r in catalogue.records.values() for f in FORMS for s in r.get(f, [])}
        one, many = [], []
        for s in sorted(surfaces):
            doc = tokenizer(s)
            (one if len(doc) == 1 else many).append(doc)
            if len(doc) == 1 and s[:1].islower():
                one.append(tokenizer(s[:1].upper() + s[1:]))  # "separatists" at a sentence start
        self.exact.add("CAT", one)
        self.lower.add("CAT", many)
        self.single = {d.text for d in one}
        self.venue_after = set(settings.get("venue_after", []))
        self.locative_before = set(settings.get("locative_before", []))
        self.origin_after = set(settings.get("origin_after", []))

    def __call__(self, doc: Doc, when, person_cores: list[Span]) -> list[Cand]:
        """Every catalogue candidate in a doc, filtered by context."""
        out: list[Cand] = []
        spans = [doc[s:e] for _, s, e in self.exact(doc)] + [doc[s:e] for _, s, e in self.lower(doc)]
        for span in spans:
            cand = self._candidate(span, when, person_cores)
            if cand:
                out.append(cand)
        out.extend(self._hyphen_parts(doc, when))
        return out

    def _candidate(self, span: Span, when, person_cores: list[Span]) -> Cand | None:
        found = self.cat.candidates(span.text)
        if not found:
            return None
        best = min(FORMS.index(f) for _, f in found)
        form = FORMS[best]
        ids = [i for i, f in found if f == form]
        if not self._keep(span, form, ids, person_cores):
            return None
        ruled = surface_key(span.text) in self.cat.ambiguity and span.doc.has_annotation("SENT_START")
        aid = self.cat.choose(span.text, ids, when, span.sent.text if ruled else "")
        if aid is None:
            return None
        prio = 2 if form in ("names", "metonyms") else 1
        return Cand(span.start_char, span.end_char, aid, "catalogue", form, prio, {"tokens": (span.start, span.end)})

    def _keep(self, span: Span, form: str, ids: list[str], person_cores: list[Span]) -> bool:
        """Context filters: places are not actors, 'pro-Russian' is not Russia, 'Hunter Biden' is not Biden."""
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        prev2 = doc[span.start - 2] if span.start > 1 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        kinds = {self.cat.kind(i) for i in ids}
        if form == "adj" and prev is not None and (prev.text in ("-", "–") and prev2 is not None
                                                    and prev2.lower_ in PRO_ANTI):
            return False
        if nxt is not None and nxt.text in ("-", "–") and span.end + 1 < len(doc) \
                and doc[span.end + 1].lower_ in self.origin_after and not nxt.whitespace_:
            return False  # "Sierra Leone-flagged", "Geneva-based": a place of origin
        if form == "capital":
            if prev is not None and prev.lower_ in self.locative_before:
                return False
            if nxt is not None and nxt.lower_ in self.venue_after:
                return False
            if self._elsewhere(span, ids):
                return False
        if form == "short" or (len(span) == 1 and kinds <= {"country", "group"}):
            # a surname or a one-word name inside a longer, different person's name
            for core in person_cores:
                if core.start <= span.start and span.end <= core.end and len(core) > len(span):
                    if not any(self.cat.kind(i) == "person" for i, _ in self.cat.candidates(core.text)):
                        return False
        if form == "short":
            tok = span[-1]
            if not (tok.pos_ == "PROPN" or tok.ent_type_ in NAME_LABELS):
                return False
        return True

    def _elsewhere(self, span: Span, ids: list[str]) -> bool:
        """'Tripoli in Lebanon', 'Paris, Texas': a capital's name placed in another country or state."""
        doc = span.doc
        k = span.end
        if k + 1 >= len(doc) or doc[k].lower_ not in ("in", ","):
            return False
        for n in (3, 2, 1):
            found = self.cat.candidates(doc[k + 1:k + 1 + n].text) if k + 1 + n <= len(doc) else []
            states = {i for i, f in found if f == "names" and self.cat.kind(i) == "country"}
            if states:
                owners = {self.cat.records[i].get("country") or i for i in ids}
                return not (states & owners)
        return False

    def _hyphen_parts(self, doc: Doc, when) -> list[Cand]:
        """'U.S.-Russian' is one token: each part that names an actor is its own mention."""
        out: list[Cand] = []
        for tok in doc:
            text = tok.text
            if "-" not in text[1:-1] and "–" not in text[1:-1]:
                continue
            pos = 0
            parts = text.replace("–", "-").split("-")
            for i, part in enumerate(parts):
                start = pos
                pos += len(part) + 1
                if not part or part not in self.single:
                    continue
                if i > 0 and parts[i - 1].lower() in PRO_ANTI:
                    continue
                if i + 1 < len(parts) and parts[i + 1].lower() in self.origin_after:
                    continue
                found = self.cat.candidates(part)
                kinds = {f for _, f in found}
                form = next(f for f in FORMS if f in kinds)
                ids = [a for a, f in found if f == form]
                if form == "short":
                    continue
                aid = self.cat.choose(part, ids, when)
                if aid:
                    s = tok.idx + start
                    out.append(Cand(s, s + len(part), aid, "catalogue", form, 3, {"hyphen": True}))
        return out
