"""Which tokens trigger an event: verb, noun and adjective patterns with their constraints checked."""
from __future__ import annotations

from spacy.tokens import Token

from .patterns import Pattern, lexicon, patterns
from .roles import VERB_TAGS, of_chain


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _objects(tok: Token) -> list[Token]:
    """Objects with their "of" chains: "massing tens of thousands of soldiers" has object soldiers."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "amod" and tok.tag_ == "VBG":  # "of massing troops" parsed as a modifier
        objs.append(tok.head)
    if patient_head(tok):  # "the pilot captured by X", "a video released by X": the noun is the object
        objs.append(tok.head)
    chain = [x for o in objs for x in of_chain(o, 3)]
    return chain + [c for x in chain for c in x.children if c.dep_ == "compound"]  # "the alert level"


def patient_head(tok: Token) -> bool:
    """A past participle modifying a noun names what was done to it: "the pilot captured by X"."""
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN")


def _verb_ok(tok: Token, p: Pattern) -> bool:
    kids = list(tok.children)
    if p.prt and not any(c.dep_ in ("prt", "advmod") and c.lower_ in p.prt for c in kids):
        return False
    if p.prep and not any(c.dep_ == "prep" and c.lower_ == p.prep for c in kids):
        return False
    if p.no_dobj and any(c.dep_ in ("dobj", "oprd") for c in kids):
        return False
    if p.obj and not any(_lemma(o) in p.obj or o.lower_ in p.obj for o in _objects(tok)):
        return False
    if p.not_obj and any(_lemma(o) in p.not_obj for o in _objects(tok)):
        return False
    if p.oprd:  # the predicate may be misparsed as a dependent of the object ("called that demand 'X'")
        near = kids + [g for c in kids if c.dep_ == "dobj" for g in c.children]
        if not any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "attr", "dobj", "amod") and _lemma(c) in p.oprd
                   for c in near if c.i > tok.i):
            return False
    if p.subtree_any:
        lems = {_lemma(x) for x in tok.subtree}
        cond = "IF" in p.subtree_any and (lems & set(lexicon()["conditional_marks"]) or "event" in lems)
        if not (lems & set(p.subtree_any) or cond):
            return False
    return True


def _noun_ok(tok: Token, p: Pattern) -> bool:
    if p.plural and tok.tag_ not in ("NNS", "NNPS"):
        return False
    if p.needs_compound and not any(c.dep_ in ("compound", "amod", "nmod") and _lemma(c) in p.needs_compound
                                    for c in tok.children):
        return False
    if p.light_only and _by_agent(tok):  # "the release of X by Y": a nominal with its agent tells the event
        return True
    if p.light_only:
        head = tok.head
        if tok.dep_ == "pobj" and head.head.dep_ == "dobj":  # "signed a series of agreements"
            head = head.head.head
        elif tok.dep_ == "nsubjpass":  # "his release was announced by X"
            return _lemma(head) in p.light_only
        elif tok.dep_ != "dobj":
            return False
        return _lemma(head) in p.light_only
    return True


def _by_agent(tok: Token) -> bool:
    """A named "by" phrase on the noun, or hung on its "of" object ("the arrest of X by Iranian police")."""
    heads = [tok] + [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj"]
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(x.pos_ in ("PROPN", "ADJ") for x in c.subtree)
               for h in heads for c in h.children)


def match(tok: Token) -> Pattern | None:
    """The first pattern whose lemma and constraints fit this token, or None."""
    table = patterns()
    lem = _lemma(tok)
    if tok.tag_ in VERB_TAGS or tok.pos_ == "VERB":
        for p in table["verb"].get(lem, []):
            if _verb_ok(tok, p):
                return p
    if tok.pos_ in ("NOUN", "PROPN"):
        for p in table["noun"].get(lem, []):
            if _noun_ok(tok, p):
                return p
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "attr"):
        for p in table["adj"].get(lem, []):
            return p
    return None
