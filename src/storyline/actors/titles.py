"""Titles and organs after a state's name: 'Russian President' by date, 'US troops' as the state.

A title is found as one span so that it beats shorter overlapping candidates; once spans are
settled, ``resolve.split_titles`` gives the state or organisation part its own mention
("Turkish" -> TUR in "Turkish President Recep Tayyip Erdoğan", "UN" -> UN in "the UN chief").
"""
from __future__ import annotations

from spacy.tokens import Doc

from .catalogue import Catalogue
from .matcher import Cand

MODIFIERS = {"former", "then", "new", "outgoing", "incoming", "acting", "current", "ex", "-", "interim"}
PAST = {"former", "then", "ex"}


def _phrases(items, tokenizer) -> dict[tuple[str, ...], str]:
    """Token tuples (lower case) of phrases, so 'Secretary-General' matches however tokenised."""
    return {tuple(t.lower_ for t in tokenizer(p)): p for p in items}


class TitleFinder:
    """Looks right of each state/organisation mention for a title, a role noun or an organ."""

    def __init__(self, catalogue: Catalogue, tokenizer, settings: dict):
        self.cat = catalogue
        self.tokenizer = tokenizer
        self.organs = _phrases(settings.get("organs", []), tokenizer)
        self.roles = _phrases(settings.get("roles", []), tokenizer)
        self.heads = _phrases(settings.get("office_heads", []), tokenizer)
        self.max_portfolio = int(settings.get("max_portfolio_words", 4))
        self._titles: dict[str, dict[tuple[str, ...], str]] = {}
        self._lowers: list[str] = []   # lower-case tokens of the report being read
        self._lowers_of: Doc | None = None

    def titles(self, actor_id: str) -> dict[tuple[str, ...], str]:
        if actor_id not in self._titles:
            self._titles[actor_id] = {tuple(t.lower_ for t in self.tokenizer(k)): office
                                      for k, office in self.cat.titles_for(actor_id).items()}
        return self._titles[actor_id]

    def _longest(self, doc: Doc, i: int, table: dict) -> tuple[int, object] | None:
        lowers = self._lowers if self._lowers_of is doc else [t.lower_ for t in doc]
        for n in range(6, 0, -1):
            key = tuple(lowers[i:i + n])
            if len(key) == n and key in table:
                return i + n, table[key]
        return None

    @staticmethod
    def _person_at(doc: Doc, k: int, person_starts: set[int], strict: bool = False) -> bool:
        """A person's name starts at token k (or right after a comma at k). Strict: a PERSON
        entity or a catalogued person only, not any capitalised proper noun."""
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k >= len(doc):
            return False
        if k in person_starts or (doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "B"):
            return True
        return not strict and doc[k].pos_ == "PROPN" and doc[k].is_title and doc[k].ent_type_ in ("PERSON", "")

    def _office(self, doc: Doc, j: int, person_starts: set[int]) -> int | None:
        """End of '<portfolio words> <office head> [of <portfolio>]' from token j when a person's
        name follows ('Infrastructure Minister Oleksandr Kubrakov', 'deputy energy minister,
        Jane Roe', 'Minister of Infrastructure John Doe'); None otherwise."""
        k, seen_head = j, False
        while k < len(doc) and k - j <= self.max_portfolio + 2:
            if k in person_starts:
                return None
            head = self._longest(doc, k, self.heads)
            if head is not None:
                seen_head, k = True, head[0]
                if self._person_at(doc, k, person_starts, strict=True):
                    return k
                if k < len(doc) and doc[k].lower_ in ("of", "for"):
                    m = k + 1
                    while m < len(doc) and m - k <= self.max_portfolio and m not in person_starts and (
                            doc[m].is_title or doc[m].lower_ in ("and", "&")) and doc[m].ent_type_ != "PERSON":
                        m += 1
                        if doc[m - 1].lower_ not in ("and", "&") and self._person_at(doc, m, person_starts, True):
                            return m
                continue
            tok = doc[k]
            if tok.lower_ in ("and", "&", "-") and k > j:
                k += 1
                continue
            if not tok.is_alpha or tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.ent_type_ == "PERSON":
                return None
            if seen_head and not tok.is_title and tok.pos_ != "NOUN":
                return None
            k += 1
        return None

    def __call__(self, doc: Doc, cands: list[Cand], when, person_starts: set[int]) -> list[Cand]:
        """New candidates: office holders, organ extensions, and blocks over titles before names."""
        out: list[Cand] = []
        self._lowers, self._lowers_of = [t.lower_ for t in doc], doc
        longest: dict[int, int] = {}  # start token -> end of the longest name starting there
        for c in cands:
            if c.actor and c.info.get("tokens"):
                s, e = c.info["tokens"]
                longest[s] = max(longest.get(s, e), e)
        for c in cands:
            toks = c.info.get("tokens")
            if not toks or c.actor is None or self.cat.kind(c.actor) in ("person", None):
                continue
            if longest.get(toks[0], toks[1]) > toks[1]:
                continue  # "Jaish" of "Jaish-e-Mohammed chief X": the whole name takes the title
            j = toks[1]
            if j < len(doc) and doc[j].lower_ in ("'s", "’s", "'"):
                j += 1
            title_start = j  # the title's own words, modifiers included ("new President")
            mods = set()
            while j < len(doc) and doc[j].lower_ in MODIFIERS:
                mods.add(doc[j].lower_)
                j += 1
            hit = self._longest(doc, j, self.titles(c.actor))
            role = None if hit else self._longest(doc, j, self.roles)
            end = (hit or role or (None,))[0]
            end = self._office(doc, j, person_starts) or end  # 'Ukrainian Infrastructure Minister X'
            if end is not None:
                k = end + 1 if end < len(doc) and doc[end].text == "," else end
                title_text = doc[toks[1]:end].text.lstrip("'s’ ").strip()
                if self._person_at(doc, end, person_starts):
                    out.append(Cand(c.start, doc[end - 1].idx + len(doc[end - 1]), None, "title", "block", 4,
                                    {"affil": c.actor, "role": title_text, "person_tok": k,
                                     "affil_span": (c.start, c.end), "affil_method": c.method}))
                    continue
                if hit and not (mods & PAST):
                    holder = self.cat.holder(hit[1], c.actor, when)
                    if holder:
                        out.append(Cand(c.start, doc[end - 1].idx + len(doc[end - 1]), holder, "title", "title", 4,
                                        {"office": hit[1], "of": c.actor, "affil_span": (c.start, c.end),
                                         "affil_method": c.method, "title_start": doc[title_start].idx}))
                continue
            if mods or self.cat.kind(c.actor) != "country":
                continue
            organ = self._longest(doc, j, self.organs)
            if organ:
                out.append(Cand(c.start, doc[organ[0] - 1].idx + len(doc[organ[0] - 1]), c.actor, c.method,
                                "organ", 3, {"tokens": (toks[0], organ[0])}))
        self._lowers, self._lowers_of = [], None
        return out
