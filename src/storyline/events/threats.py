"""Conditional threats: "would impose sanctions if X invades", "would withdraw from the deal if Kyiv breaks
its guarantees", "reserves the right to withdraw if ...". The threat is made when uttered; the threatened
act itself stays conditional."""
from __future__ import annotations

from spacy.tokens import Token

from .patterns import Pattern, lexicon
from .roles import ActorIndex, subject_of
from .status import has_condition, status_of


def condition_actors(gov: Token, idx: ActorIndex, src: list[str]) -> list[str]:
    """Who a conditional threat is aimed at: the actor of the condition ("if it invades", "a Russian attack")."""
    lex = lexicon()
    for c in gov.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex["conditional_marks"] for m in c.children):
            got = [a for a in subject_of(c, idx)[0] if a not in src and not any(idx.same_side(a, s) for s in src)]
            if got:
                return got
        if c.dep_ == "prep" and c.lower_ in ("in", "upon"):
            heads = [x for x in c.subtree if x.dep_ in ("poss", "amod", "compound", "nsubj") and x.i in idx.tok]
            got = [idx.tok[x.i] for x in heads if idx.tok[x.i] not in src]
            if got:
                return got[:1]
    return []


def threat_status(gov: Token) -> str:
    """A threat is made when uttered: its own status ignores the modal of the threatened act."""
    st = status_of(gov.head, gov.head) if gov.dep_ in ("ccomp", "xcomp") and gov.head is not gov else "occurred"
    return st if st in ("denied", "scheduled") else "occurred"


def threatened(p: Pattern, about_deal: bool, gov: Token, idx: ActorIndex, src: list[str],
               tgt: list[str]) -> list[str]:
    """Actors a conditional act threatens, or [] when it is no conditional threat.

    A hostile act ("would impose sanctions if ...") or leaving an agreement ("would pull out of the deal
    if ...") told as the consequence of a condition: aimed at the condition's actor, else the act's target.
    """
    lex = lexicon()
    leaving = about_deal and p.type in lex["leaving_types"]
    if not src or not (p.type in lex["hostile_types"] or leaving) or not has_condition(gov):
        return []
    return condition_actors(gov, idx, src) or tgt
