"""Reactions to events told before: "condemned the strike", "called that move outrageous",
"X's demands are unacceptable". The target is the actor of the event the reacting words point to."""
from __future__ import annotations

from spacy.tokens import Token

from ..model import EventMention
from .anaphora import antecedent, misparsed_reference
from .patterns import lexicon
from .roles import VERB_TAGS, ActorIndex, actors_of, subject_of

_REF_PREPS = ("against", "over", "to", "of", "about", "on", "for")


def adj_args(tok: Token, idx: ActorIndex, earlier: list[EventMention]) -> tuple[list[str], list[str], Token]:
    """"X's demands are unacceptable" / "called that demand unacceptable": evaluator and evaluated."""
    head = tok.head
    judged = [c for c in head.children if c.dep_ in ("nsubj", "dobj", "nsubjpass") and c.i != tok.i]
    if tok.dep_ == "acomp":  # copula: the evaluator speaks from the governing verb
        gov = head
        for _ in range(3):
            if gov.dep_ in ("ccomp", "xcomp") and gov.head.tag_ in VERB_TAGS:
                gov = gov.head
                break
            gov = gov.head
        src = subject_of(gov, idx)[0] if gov is not head else []
        judged = [c for c in head.children if c.dep_ == "nsubj"]
    else:
        gov = head
        src = subject_of(head, idx)[0]
        judged = [c for c in head.children if c.dep_ == "dobj"] or judged
        judged += [c for c in head.children if misparsed_reference(c)]
    tgt = [a for j in judged if not misparsed_reference(j) for a in actors_of(j, idx)]
    if not tgt:
        tgt = anaphoric_target(judged, earlier, src, idx)
    return src, [a for a in tgt if a not in src], gov


def anaphoric_target(objs: list[Token], earlier: list[EventMention], src: list[str], idx: ActorIndex) -> list[str]:
    """"that demand", "the strike", "the accusation": the actor of the earlier event the noun points to."""
    for o in objs:
        got = antecedent(o, earlier, src, idx.same_side)
        if got:
            return got
    return []


def reacted_to(tok: Token) -> list[Token]:
    """Nouns a reacting verb takes as its object: "condemned the strike", "protested against the move"."""
    out = [c for c in tok.children if c.dep_ == "dobj"]
    out += [x for c in tok.children if c.dep_ == "oprd" for x in c.children  # "called the attack barbaric"
            if x.dep_ == "compound" and x.pos_ == "NOUN"]  # misparsed as one noun phrase
    out += [c for c in tok.children if misparsed_reference(c)]  # "called that move outrageous"
    out += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in _REF_PREPS
            for p in c.children if p.dep_ == "pobj"]
    return out


def own_actors(noun: Token, idx: ActorIndex) -> bool:
    """An event noun with an actor of its own: "Peru's strike", "the attack on Chile", "its decision"."""
    return any(x.i in idx.tok for x in noun.subtree) or any(
        c.dep_ == "poss" for c in noun.children) or bool(idx.place_actor(noun))


def light_object(noun: Token, trigger_verbs: set[int]) -> bool:
    """"carried out the attack", "signed the agreement": a light verb tells the event itself."""
    head = noun.head
    return noun.dep_ == "dobj" and head.i not in trigger_verbs and head.lemma_.lower() in lexicon()["light_verbs"]
