"""New organisations from ORG entities, with filters against noise.

An ORG entity the catalogue does not name becomes ``org:<slug>`` only when it looks like an
organisation (an organisation word, or an acronym) and is none of these:
- a place (the gazetteer): a location for events, not an actor;
- a truncated part of a catalogued name ("Treaty Organization" of "North Atlantic Treaty
  Organization"), or a near spelling of one: it names that actor when the report names it
  too, else it is dropped;
- a short acronym (2-4 capitals) the report never spells out ("The GER noted"): dropped. One
  spelled out in the report ("Global Energy Review (GER)") names the spelt-out organisation.
"""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process
from spacy.tokens import Doc

from .catalogue import Catalogue, surface_key
from .matcher import Cand
from .people import is_acronym, slug

ORG_WORDS = {
    "institute", "university", "bank", "company", "corporation", "corp", "inc", "group", "foundation", "center",
    "centre", "agency", "committee", "association", "fund", "academy", "party", "times", "post", "news",
    "network", "press", "journal", "commission", "organization", "organisation", "union", "federation",
    "court", "institution", "forum", "tribunal", "movement", "front", "brigade", "battalion", "regiment",
    "council", "service", "club", "society", "league", "board", "office", "bureau", "school", "college",
    "cooperation", "community", "alliance", "authority", "assembly", "congress", "coalition", "army", "ministry",
}
#: words skipped when reading an acronym's letters off its long form
ACRONYM_SKIP = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "&"}
FUZZY_ORG = 92          # whole-name similarity to a catalogued organisation's name
FUZZY_WORD = 80         # ... and every word to a word of it
MIN_FRAGMENT_WORDS = 2  # one word of a catalogued name ("Treaty") is too little to resolve


class OrgFinder:
    """Tables of catalogued organisation names built once; one call per report."""

    def __init__(self, catalogue: Catalogue, places=()):
        self.cat = catalogue
        self.places = places
        self.fragments: dict[str, set[str]] = defaultdict(set)  # part of a catalogued name -> owners
        self.full: dict[str, str] = {}
        for r in catalogue.records.values():
            if r["kind"] not in ("organization", "group"):
                continue
            for name in r["names"]:
                words = surface_key(name).split()
                if len(words) < 2:
                    continue
                self.full[" ".join(words)] = r["id"]
                for i in range(len(words)):
                    for j in range(i + 1, len(words) + 1):
                        if (i, j) != (0, len(words)):
                            self.fragments[" ".join(words[i:j])].add(r["id"])
        self.full_keys = list(self.full)

    @staticmethod
    def _same_words(a: str, b: str) -> bool:
        """A spelling variant word by word ('Organisation'/'Organization'), not another body
        ('Asian'/'African Development Bank')."""
        wa, wb = a.split(), b.split()
        if len(wa) != len(wb):
            return fuzz.ratio(a, b) >= 95
        return all(fuzz.ratio(x, y) >= FUZZY_WORD for x, y in zip(wa, wb))

    def truncated(self, text: str) -> set[str] | None:
        """Owners of a catalogued name this text is a part or a near spelling of (None: neither)."""
        key = surface_key(text)
        if key in self.fragments:
            return self.fragments[key]
        if len(key.split()) >= 2:
            hit = process.extractOne(key, self.full_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_ORG)
            if hit and self._same_words(key, hit[0]):
                return {self.full[hit[0]]}
        return None

    @staticmethod
    def spelt_out(doc: Doc, cands: list[Cand]) -> dict[str, tuple[str, str, str | None]]:
        """Acronyms the report defines: 'Long Name (LN)' -> {'LN': (actor, long name, country)}."""
        out: dict[str, tuple[str, str, str | None]] = {}
        for i, tok in enumerate(doc):
            if tok.text != "(" or i + 2 >= len(doc) or doc[i + 2].text != ")" or not is_acronym(doc[i + 1].text):
                continue
            acr = doc[i + 1].text.replace(".", "")
            j, letters = i, []
            while j > 0 and len(letters) < len(acr) and (doc[j - 1].is_title or doc[j - 1].is_upper
                                                          or doc[j - 1].lower_ in ACRONYM_SKIP):
                j -= 1
                if doc[j].lower_ not in ACRONYM_SKIP:
                    letters.insert(0, doc[j].text[0].upper())
            while j < i and doc[j].lower_ in ACRONYM_SKIP:
                j += 1
            if "".join(letters) != acr or j >= i:
                continue
            long = doc[j:i]
            named = next((c for c in cands if c.actor and c.start == long.start_char and c.end == long.end_char), None)
            if named is not None:
                out[acr] = (named.actor, long.text, None)
            else:
                out[acr] = ("org:" + slug(long.text), long.text, None)
        return out

    def __call__(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """ORG entities the catalogue lacks ('United States Institute of Peace'): a new organisation."""
        out = []
        named_here = {c.actor for c in cands if c.actor}
        defined = self.spelt_out(doc, cands)
        long_forms = {(name, actor, country) for actor, name, country in defined.values()}
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
            while len(span) > 1 and span[-1].lower_ in ("'s", "’s", "'", "’"):
                span = span[:-1]
            inside = [c for c in cands if c.actor and span.start_char <= c.start and c.end <= span.end_char]
            if any(self.cat.kind(c.actor) in ("organization", "person") or c.length == len(span.text) for c in inside):
                continue
            if span.text in self.places:
                continue
            owners = self.truncated(span.text)
            if owners is not None:
                here = owners & named_here  # "Treaty Organization" where the report names NATO
                if len(here) == 1 and len(span) >= MIN_FRAGMENT_WORDS:
                    out.append(Cand(span.start_char, span.end_char, next(iter(here)), "fuzzy", "org", 1,
                                    {"tokens": (span.start, span.end)}))
                continue
            spelt = next((x for x in long_forms if x[0] == span.text), None)
            if spelt is not None:  # "Global Energy Review (GER)": spelt out, so an organisation
                out.append(Cand(span.start_char, span.end_char, spelt[1], "ner", "org", 1,
                                {"country": spelt[2], "name": spelt[0]}))
                continue
            words = {t.lower_ for t in span}
            acronym = len(span) == 1 and span.text.isupper() and 2 <= len(span.text) <= 6
            if not (words & ORG_WORDS or acronym) or not any(t.is_title or t.is_upper for t in span):
                continue
            country = next((c.actor for c in inside if self.cat.kind(c.actor) == "country"), None)
            actor, name = "org:" + slug(span.text), span.text
            if is_acronym(span.text):
                if span.text.replace(".", "") not in defined:
                    continue
                actor, name, country = defined[span.text.replace(".", "")]
            out.append(Cand(span.start_char, span.end_char, actor, "ner", "org", 1,
                            {"country": country, "name": name}))
        return out + self.groups(doc, cands)

    def groups(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """People named by a community the catalogue lacks ("Druze villagers", "Hutu rebels", "Islamic
        militants"): a NORP name modifying a plural noun of people is a group acting together."""
        out = []
        for ent in doc.ents:
            if ent.label_ != "NORP" or not ent.text[:1].isupper():
                continue
            if any(c.actor and c.start < ent.end_char and ent.start_char < c.end for c in cands):
                continue  # a country's demonym or a catalogued group
            head = ent.root.head
            if ent.root.dep_ not in ("amod", "compound") or head.tag_ != "NNS" or head.i != ent.end:
                continue
            out.append(Cand(ent.start_char, head.idx + len(head), "group:" + slug(ent.text), "ner", "org", 1,
                            {"country": None, "name": f"{ent.text} {head.text}"}))
        return out

