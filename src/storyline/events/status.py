"""What a report says of an event's reality: occurred, scheduled, conditional, denied, hypothetical."""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp.clauses import aux_words
from .patterns import lexicon


def _condition_child(tok: Token) -> bool:
    lex = lexicon()
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex["conditional_marks"] for m in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "upon") and any(
                p.dep_ == "pobj" and p.lemma_.lower() in lex["conditional_nouns"]
                and any(q.lower_ == "of" for q in p.children) for p in c.children):
            return True
    return False


def has_condition(gov: Token) -> bool:
    """The event is the consequence of a condition ("would impose X if Y invades"): a threat."""
    return _condition_child(gov) or any(_condition_child(c) for c in gov.children if c.dep_ == "dobj")


def in_condition(tok: Token) -> bool:
    """The event is itself the condition ("if Russia invades", "in the event of an invasion")."""
    lex = lexicon()
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex["conditional_marks"] for m in a.children):
            return True
        if a.dep_ == "pobj" and a.lemma_.lower() in lex["conditional_nouns"] and a.head.lower_ in ("in", "upon") \
                and tok.i > a.i:
            return True
    return False


_ARG_PREPS = ("for", "of", "to", "on", "from", "about")


def _governors(trigger: Token) -> list[Token]:
    """Words the event is an argument of (not an adjunct of): "plan to <V>", "call for <a meeting>"."""
    out: list[Token] = []
    cur = trigger
    while cur.dep_ != "ROOT" and len(out) < 6:
        if cur.dep_ == "prep" and cur.lower_ not in _ARG_PREPS:
            break
        if cur.dep_ in ("relcl", "parataxis") or (cur.dep_ == "advcl" and cur is not trigger):
            break
        if cur.dep_ == "conj":  # a conjunct shares its head's governors but is not governed by its head
            cur = _conj_anchor(cur)
            continue
        cur = cur.head
        if cur.tag_.startswith("VB") or cur.pos_ in ("ADJ", "NOUN"):
            out.append(cur)
    return out


def _conj_anchor(conj: Token) -> Token:
    """The head a conjunct is coordinated with; a finite verb hung on an infinitive ("refused to extend X
    and withdrew") is misattached: it coordinates with the infinitive's finite governor."""
    head = conj.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if conj.tag_ in _FINITE and head.tag_ in ("VB", "VBG") and head.dep_ in ("xcomp", "ccomp") \
            and head.head.tag_ in _FINITE:
        return head.head
    return head


_FINITE = ("VBD", "VBZ", "VBP")


def _reported_future(v: Token) -> bool:
    """"Russia said it would resume ...": "would" under a past saying verb is the future of the past (a
    plan announced), not a hypothesis; unless the clause is conditional ("would ... if")."""
    lex = lexicon()
    if v.dep_ != "ccomp" or v.head.tag_ != "VBD" or v.head.lemma_.lower() not in lex["reported_speech"]:
        return False
    return not _condition_child(v)


def status_of(trigger: Token, gov: Token) -> str:
    """Status from conditions, negation, governing verbs, modals and aspect around the event's verb."""
    lex = lexicon()
    if in_condition(trigger):
        return "conditional"
    governors = _governors(trigger)
    for t in (trigger, gov):
        if any(c.dep_ == "neg" for c in t.children):
            return "denied"
    for a in governors:
        lem = a.lemma_.lower()
        if lem in lex["negating_governors"] or any(
                f"{lem} {c.lower_}" in lex["negating_phrases"] for c in a.children if c.dep_ in ("prt", "advmod")):
            return "denied"  # "refused to", "ruled out concessions", "stopped short of endorsing"
        if any(c.dep_ == "neg" for c in a.children) and lem not in ("say", "tell"):
            return "denied"
    for a in governors:
        if a.lemma_.lower() in lex["hypothetical_governors"]:
            return "hypothetical"
        if a.lemma_.lower() in lex["scheduled_governors"]:
            return "scheduled"
    auxes = aux_words(gov) + (aux_words(trigger) if trigger is not gov else [])
    if "would" in auxes and _reported_future(gov if "would" in aux_words(gov) else trigger):
        return "scheduled"
    if any(x in lex["modal_hypothetical"] for x in auxes):
        return "hypothetical"
    if any(x in lex["modal_future"] for x in auxes):
        return "scheduled"
    if any(x.lower_ == "going" for x in gov.ancestors if x.i < gov.i) or (
            gov.dep_ == "xcomp" and gov.head.lower_ == "going"):
        return "scheduled"
    if any(x.lower_ == "next" for x in trigger.children):
        return "scheduled"
    if gov.tag_ == "VBG" and any(x.lemma_ == "be" for x in gov.children if x.dep_ in ("aux", "auxpass")):
        return "ongoing"
    return "occurred"
