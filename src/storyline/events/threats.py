"""Conditional threats: "would impose sanctions if X invades", "would withdraw from the deal if Kyiv breaks
its guarantees", "reserves the right to withdraw if ...". The threat is made when uttered; the threatened
act itself stays conditional."""
from __future__ import annotations

from spacy.tokens import Token

from ..model import EventMention
from .patterns import Pattern, lexicon
from .roles import ActorIndex, actors_of, prep_objects, subject_of
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


def _vowed(tok: Token) -> bool:
    """A promised act: "would respond", "will pay a heavy price", "the right to respond", "vowed to retaliate"."""
    lex = lexicon()
    if any(c.dep_ == "aux" and c.lower_ in lex["modal_future"] | {"would", "shall"} for c in tok.children):
        return True
    return tok.dep_ in ("xcomp", "acl", "advcl") and tok.head.lemma_.lower() in lex["vowing_words"]


def _hit_by(earlier: list[EventMention], own: list[str], idx: ActorIndex) -> list[str]:
    """Who last struck this side in the report: the one a promised response is aimed at."""
    for em in reversed(earlier):
        if em.type in lexicon()["hostile_types"] and em.status in ("occurred", "ongoing") and any(
                idx.same_side(t, s) for t in em.target for s in own):
            got = [a for a in em.source if not any(idx.same_side(a, s) for s in own)]
            if got:
                return got
    return []


def promised(tok: Token, p: Pattern, idx: ActorIndex, earlier: list[EventMention]) -> tuple[list[str], list[str]] | None:
    """(source, target) of a threat told as a promised act, or None when the act is no promise.

    "X would respond (at a time and place of its choosing)": X threatens whoever last struck X's side.
    "those responsible for the attack will pay a heavy price", said Y: Y threatens the attack's author.
    """
    from .anaphora import antecedent
    from .statements import _speaker

    if not _vowed(tok):
        return None
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.lemma_.lower() == "pay":  # the payer is threatened, the speaker threatens
        src, _ = _speaker(tok, idx)
        tgt = [a for s in subj for a in actors_of(s, idx)]
        for s in subj:  # "those responsible for the attack"
            for x in s.subtree:
                if x.dep_ == "pobj" and x.head.lower_ == "for" and not tgt:
                    tgt = [a for a in idx_actors(x, idx)] or antecedent(x, earlier, src, idx.same_side)
        return src, [a for a in tgt if not any(idx.same_side(a, s) for s in src)]
    src = subject_of(tok, idx)[0]
    if not src and tok.dep_ == "acl" and tok.head.head is not tok.head:  # "had the right to respond"
        src = subject_of(tok.head.head, idx)[0]
    tgt = [a for o in prep_objects(tok, {"to", "against"}) for a in actors_of(o, idx)]
    tgt = [a for a in tgt if not any(idx.same_side(a, s) for s in src)] or _hit_by(earlier, src, idx)
    return src, tgt


def idx_actors(tok: Token, idx: ActorIndex) -> list[str]:
    return list(dict.fromkeys(idx.tok[x.i] for x in tok.subtree if x.i in idx.tok))


def released(tok: Token, idx: ActorIndex, src: list[str], tgt: list[str],
             earlier: list[EventMention]) -> tuple[list[str], list[str]]:
    """A release undoes a capture. "X said the pilot will be released": told without an agent, the speaker's
    side releases; with nobody named released, it is whoever that side seized before in the report."""
    from .statements import _speaker

    if not src and any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
        src = [a for a in _speaker(tok, idx)[0] if a not in tgt]
    if src and not tgt:
        for em in reversed(earlier):
            if em.type == "COERCE" and em.target and any(idx.same_side(a, s) for a in em.source for s in src):
                tgt = [a for a in em.target if not any(idx.same_side(a, s) for s in src)]
                break
    return src, tgt
