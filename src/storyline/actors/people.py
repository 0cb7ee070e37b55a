"""People: catalogue names, short names within a report, misspellings, and new people with affiliations."""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span

from .catalogue import Catalogue, surface_key
from .matcher import Cand

#: words spaCy often keeps at the front of a PERSON entity ("Ministers Ryabkov")
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "ministers", "deputy", "foreign", "defence", "defense",
    "secretary", "secretaries", "general", "gen", "gen.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr",
    "dr.", "sir", "chancellor", "king", "queen", "prince", "crown", "senator", "sen.", "rep.", "ambassador",
    "chief", "colonel", "col.", "lt.", "admiral", "adm.", "commander", "spokesman", "spokeswoman",
    "spokesperson", "envoy", "state", "of", "the", "former", "chairman", "chair", "premier", "lady", "lord",
    "governor", "mayor", "pope", "ayatollah", "sheikh", "emir", "director", "head", "leader", "said", "says",
}
#: title words that do not make the name before them a portfolio
NOT_OFFICE = {"the", "of", "said", "says", "state", "former", "lady", "lord", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
              "dr", "dr.", "sir"}
APPOSITION_OPENERS = {"the", "a", "an", "former", "ex", "then", "who", "now", "currently"}
STOPS = {".", ";", "(", ")", ":", "!", "?", "—", "–"}
#: honorifics that make a following place name a person ("Mr Lincoln")
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lady", "lord"}
#: a title after one of these is part of a place or a name of something else ("in Gen Kardashve")
LOCATIVES = {"in", "at", "near", "to", "from", "into", "outside", "inside", "around", "across", "via"}
FUZZY_FULL = 90      # whole-name similarity for a misspelt catalogued person
FUZZY_SHORT = 86     # a lone surname against catalogued surnames
FUZZY_FIRST = 80     # first names must agree too when both are written


def slug(text: str) -> str:
    """snake_case ASCII slug for new actor ids."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


#: lower-case particles inside a name ("Mohammad bin Salman", "Abdel Fattah el-Sisi", "Ank van der Berg")
PARTICLES = {"bin", "ibn", "bint", "binti", "al", "el", "ul", "ud", "van", "von", "der", "den", "de", "da", "di",
             "du", "la", "le", "del", "della", "dos", "das", "ben", "abu", "y"}
#: entity labels spaCy gives to a piece of a split name ("Shah Mahmood" PERSON + "Qureshi" GPE)
NAME_PIECE_LABELS = {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"}
#: title words after which a name tagged as an organisation is a person ("Foreign Minister, Shah Mahmood Qureshi")
OFFICE_BEFORE = TITLE_WORDS - NOT_OFFICE - {"said", "says", "vice", "prime", "foreign", "defence", "defense",
                                            "deputy", "crown", "general"} | {"minister", "general"}
#: words that make an entity an organisation, never a person's name (kept here: orgs imports this module)
_ORG_HINTS = {"institute", "university", "bank", "company", "corporation", "group", "foundation", "center", "centre",
              "agency", "committee", "association", "fund", "party", "times", "post", "news", "network", "press",
              "commission", "organization", "organisation", "union", "federation", "court", "forum", "movement",
              "front", "brigade", "battalion", "regiment", "council", "service", "league", "board", "office",
              "bureau", "ministry", "army", "force", "forces", "police", "government", "assembly", "parliament"}


def _name_word(tok, stops) -> bool:
    """A capitalised word that may continue a person's name: not a title, a demonym or a catalogue name."""
    return (tok.is_alpha and tok.is_title and tok.pos_ == "PROPN" and tok.lower_ not in TITLE_WORDS
            and tok.text not in stops)


def _extend(doc: Doc, s: int, e: int, stops) -> tuple[int, int]:
    """Widen a name spaCy cut ("Shah Mahmood" + "Qureshi", "Ank van der" + "Berg", "Sameh" + "Hassan
    Shoukry"): over particles followed by a capitalised word, a one-word entity or a PERSON entity
    right after, and untagged capitalised words right before."""
    while e < len(doc):
        k = e
        while k < len(doc) and (doc[k].lower_ in PARTICLES or doc[k].text in ("-", "'")) and k - e < 3:
            k += 1
        tok = doc[k] if k < len(doc) else None
        if tok is None or not _name_word(tok, stops):
            break
        if k > e and doc[k - 1].text in ("-", "'") and doc[k - 1].whitespace_:
            break  # "Khan - Pakistan": a dash between words, not inside a name
        if tok.ent_type_ == "PERSON":
            end = k + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            e = end
            continue
        if tok.ent_type_ in NAME_PIECE_LABELS and tok.ent_iob_ == "B" and (
                k + 1 >= len(doc) or doc[k + 1].ent_iob_ != "I"):
            e = k + 1
            continue
        if k > e and tok.ent_type_ in ("", "PERSON"):  # "van der" + an untagged "Berg"
            e = k + 1
            continue
        if not tok.ent_type_ and not (k + 1 < len(doc) and doc[k + 1].is_title and doc[k + 1].is_alpha):
            e = k + 1  # an untagged last word; a run of capitals (a headline) is left alone
            continue
        break
    if s > 1 and not doc[s - 1].ent_type_ and _name_word(doc[s - 1], stops) and not doc[s - 1].is_sent_start:
        before = doc[s - 2]  # one first name, after a comma or a title ("minister, [Sameh] Hassan Shoukry")
        if before.text in (",", "(", '"', "“") or before.lower_ in TITLE_WORDS - {"of", "the", "state"}:
            s -= 1
    return s, e


def _titled_name(doc: Doc, ent: Span, stops) -> bool:
    """An ORG/GPE entity that is a person's name: two to four capitalised words right after a
    title ("Foreign Minister Shah Mahmood Qureshi") or a title and a comma."""
    if not 2 <= len(ent) <= 4 or ent.start == 0:
        return False
    if not all(t.lower_ in PARTICLES or t.text == "-" or _name_word(t, stops) for t in ent):
        return False
    if any(t.lower_ in _ORG_HINTS for t in ent):
        return False
    j = ent.start - 1
    if doc[j].text == ",":
        j -= 1
    return j >= 0 and doc[j].lower_ in OFFICE_BEFORE


def person_cores(doc: Doc, demonyms: frozenset[str] | set[str] = frozenset(),
                 stops: frozenset[str] | set[str] = frozenset()) -> list[Span]:
    """PERSON entities without leading titles or demonyms and trailing possessives; an entity
    right before an office word is a portfolio ("[Moldovan Energy] Minister Ion Rusu"), not a name.
    A name spaCy cut in pieces is widened (``_extend``); an ORG entity right after a title is a
    person. ``stops``: one-word catalogue names a name never runs into ("... Qureshi Pakistan")."""
    out = []
    stops = set(stops) | set(demonyms)
    taken = -1  # entities already swallowed by a widened name
    for ent in doc.ents:
        if ent.start < taken:
            continue
        if ent.label_ != "PERSON" and not (ent.label_ in ("ORG", "GPE", "NORP", "FAC") and _titled_name(doc, ent, stops)):
            continue
        s, e = ent.start, ent.end
        while s < e and (doc[s].lower_ in TITLE_WORDS or doc[s].text in demonyms
                         or not doc[s].is_alpha and doc[s].text not in ("-",)):
            s += 1
        while e > s and (doc[e - 1].lower_ in ("'s", "’s", "'", "’") or doc[e - 1].is_punct):
            e -= 1
        if e < len(doc) and doc[e].lower_ in TITLE_WORDS and doc[e].lower_ not in NOT_OFFICE and doc[e].is_title:
            continue
        if s < e and e == ent.end:
            s2, e = _extend(doc, s, e, stops)
            s = s2 if s == ent.start else s
            taken = e
        if s < e and any(t.is_title or t.is_upper for t in doc[s:e]):
            out.append(doc[s:e])
    return out


def titled(doc: Doc, core: Span) -> bool:
    """A title or honorific right before a name ("Gen. Smith", "Mr Smith"), not after a locative."""
    s = core.start
    if s == 0 or doc[s - 1].lower_ not in TITLE_WORDS or doc[s - 1].lower_ in ("the", "of", "said", "says", "state"):
        return False
    j = s - 1
    while j > 0 and doc[j - 1].lower_ in TITLE_WORDS and doc[j - 1].lower_ not in ("the", "of", "said", "says"):
        j -= 1
    return j == 0 or doc[j - 1].lower_ not in LOCATIVES


def is_acronym(text: str) -> bool:
    """'GER', 'U.S.': capitals only, 2-4 letters."""
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 4


class PersonResolver:
    """Gives each PERSON entity not named by the catalogue an actor id."""

    def __init__(self, catalogue: Catalogue, places=None):
        self.cat = catalogue
        self.places = places if places is not None else ()
        self.full = {surface_key(n): pid for n, pid in catalogue.person_names.items()}
        self.full_keys = list(self.full)
        self.short: dict[str, list[str]] = {}
        for r in catalogue.records.values():
            for s in r.get("short", []) if r["kind"] == "person" else []:
                self.short.setdefault(surface_key(s), []).append(r["id"])
        self.short_keys = list(self.short)

    def fuzzy(self, text: str, when) -> str | None:
        """A misspelt catalogued person ('Stolenberg'), never a different person ('Jim' vs 'John Smith')."""
        key = surface_key(text)
        words = key.split()
        if len(words) > 1:
            hit = process.extractOne(key, self.full_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_FULL)
            if hit:
                pid = self.full[hit[0]]
                theirs = hit[0].split()
                if fuzz.ratio(words[0], theirs[0]) >= FUZZY_FIRST or words[0].rstrip(".") == theirs[0][:1]:
                    return pid
            return None
        if len(key) < 5:
            return None
        hits = process.extract(key, self.short_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_SHORT, limit=5)
        ids = {pid for k, _, _ in hits if k[:1] == key[:1] for pid in self.short[k]}
        ids = [i for i in ids if self.cat.active(i, when, slack_days=365)] or list(ids)
        return ids[0] if len(ids) == 1 else None

    def mintable(self, doc: Doc, core: Span) -> bool:
        """Whether an unknown PERSON entity may become a new person: not a place, not an acronym."""
        if is_acronym(core.text):
            return False
        if any(t.lower_ in ("copyright", "©", "(c)") for t in doc[max(0, core.start - 4):core.start]):
            return False  # "Copyright © 2021 Jane Roe": a rights holder, not an actor
        if core.text in self.places:
            return core.start > 0 and doc[core.start - 1].lower_ in HONORIFICS
        return True

    def resolve(self, doc: Doc, cores: list[Span], cands: list[Cand], when) -> list[Cand]:
        """Candidates for person entities the catalogue matcher did not name."""
        named = [c for c in cands if c.actor and self.cat.kind(c.actor) == "person"]
        covered = [(c.start, c.end) for c in cands if c.actor]
        known_last: dict[str, str] = {}
        text = doc.text if named else ""
        for c in named:  # surnames of people named in full in this report
            words = text[c.start:c.end].split()
            if len(words) > 1:
                known_last.setdefault(surface_key(words[-1]), c.actor)
        out: list[Cand] = []
        pending: list[tuple[Span, str | None, str]] = []
        for core in sorted(cores, key=lambda s: -len(s)):
            if any(s <= core.start_char and core.end_char <= e for s, e in covered):
                continue
            key = surface_key(core.text)
            if key in self.full:
                pending.append((core, self.full[key], "catalogue"))
            elif len(core) == 1 and key in known_last:
                pending.append((core, known_last[key], "coref"))
            else:
                pid = self.fuzzy(core.text, when)
                if pid:
                    pending.append((core, pid, "fuzzy"))
                elif self.mintable(doc, core):
                    pending.append((core, None, "ner"))
                else:
                    continue
            if len(core) > 1:
                actor = pending[-1][1] or "person:" + slug(core.text)
                known_last.setdefault(surface_key(core[-1].text), actor)
        for core, actor, method in pending:
            if actor is None:
                key = surface_key(core[-1].text)
                actor = known_last.get(key) if len(core) == 1 else None
                if actor is None and len(core) == 1 and not titled(doc, core):
                    continue  # a lone unknown name, never introduced in full nor with a title
                actor = actor or "person:" + slug(core.text)
                method = "coref" if actor != "person:" + slug(core.text) else "ner"
            out.append(Cand(core.start_char, core.end_char, actor, method, "person", 1,
                            {"tokens": (core.start, core.end), "new": actor.startswith("person:")}))
        return out


def affiliation_evidence(doc: Doc, person: Cand, mentions: list[Cand], blocks: list[Cand], cat: Catalogue) -> list[tuple[int, str, str | None]]:
    """(strength, actor id, role) clues for a new person: a title before, '(USA)' after, an apposition."""
    tokens = person.info.get("tokens")
    if tokens is None:  # a person candidate from another matcher (an acronym's spelt-out name) has only chars
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        tokens = (span.start, span.end)
    s_tok, e_tok = tokens
    clues: list[tuple[int, str, str | None]] = []
    for b in blocks:
        if b.info.get("person_tok") == s_tok:
            clues.append((4, b.info["affil"], b.info.get("role")))
    state = [m for m in mentions if m.actor and cat.kind(m.actor) in ("country", "organization", "group")]
    by_tok = {}
    for m in state:
        t = doc.char_span(m.start, m.end, alignment_mode="expand")
        if t is not None:
            by_tok.setdefault(t.start, m)
    nxt = doc[e_tok] if e_tok < len(doc) else None
    if nxt is not None and nxt.text == "(" and e_tok + 1 in by_tok:
        clues.append((3, by_tok[e_tok + 1].actor, None))
    if nxt is not None and nxt.text == "," and e_tok + 1 < len(doc) and (
            doc[e_tok + 1].lower_ in APPOSITION_OPENERS or e_tok + 1 in by_tok):
        stop = e_tok + 1
        while stop < min(len(doc), e_tok + 14) and doc[stop].text not in STOPS and doc[stop].text != ",":
            stop += 1
        hit = next((k for k in range(e_tok + 1, stop) if k in by_tok), None)
        if hit is not None:
            # "the former US ambassador to Kiev and vice president of ...": the first office is the role
            cut = next((k for k in range(hit + 1, stop) if doc[k].lower_ in ("and", "who", "which")), stop)
            clues.append((2, by_tok[hit].actor, doc[e_tok + 1:cut].text))
    j = s_tok
    while j > 0 and doc[j - 1].lower_ in TITLE_WORDS and doc[j - 1].lower_ not in ("the", "said", "says", "of"):
        j -= 1
    if j < s_tok:
        role = doc[j:s_tok].text
        sent = doc[s_tok].sent
        near = [m for tok, m in by_tok.items() if sent.start <= tok < sent.end]
        if near:
            best = min(near, key=lambda m: abs(m.start - person.start))
            clues.append((1, best.actor, role))
        else:
            clues.append((0, "", role))
    return clues
