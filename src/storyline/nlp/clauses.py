"""Clause, tense and modality read off the spaCy parse: the one place both time and events ask.

A token's clause is the verb (or predicate) that heads it; a clause is *main* when it carries the
sentence's assertion (the root, its conjuncts, what a reporting verb says) and *backgrounded* when it
only describes or situates ("the envoy, who visited Kabul, ...", "missiles supplied by X", "after the
army stormed the town"). The cue words live in resources/events/lexicon.json.
"""
from __future__ import annotations

from spacy.tokens import Token

#: dependency labels that open a clause of their own
CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "relcl", "xcomp", "parataxis", "acl")
#: clauses that describe a noun or situate the main one: told as background, not as the sentence's news
_BACKGROUND_DEPS = ("relcl", "acl")


def _lex() -> dict:
    from ..events.patterns import lexicon

    return lexicon()


def aux_words(tok: Token) -> list[str]:
    """The auxiliaries of a verb, lowercased ("will", "would", "has", "been")."""
    return [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]


def clause_head(tok: Token) -> Token:
    """The head of the clause a token sits in (the token itself when it heads one)."""
    cur = tok
    for _ in range(40):
        if cur.dep_ in CLAUSE_DEPS or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def future(verb: Token) -> bool:
    """Whether a verb is told as coming: a future auxiliary ("will", "'ll", "shall", "would" under a
    past saying verb counts in status_of, not here)."""
    return any(a in _lex()["modal_future"] for a in aux_words(verb))


def backgrounded(tok: Token) -> bool:
    """The event is told as background: inside a relative or participial clause, or an adverbial clause
    with a subordinating word ("after", "when", "because"; not "as", which as often tells news beside
    news), or a temporal/causal adjunct phrase ("after
    the coup", "following clashes"); not the sentence's own news."""
    marks, preps = _lex()["background_clause_marks"], _lex()["background_preps"]
    cur = tok
    for _ in range(40):
        if cur.dep_ in _BACKGROUND_DEPS:
            return True
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in cur.children):
            return True
        if cur.dep_ == "prep" and cur.lower_ in preps:
            return True
        if cur.head is cur:
            return False
        cur = cur.head
    return False


__all__ = ["CLAUSE_DEPS", "aux_words", "backgrounded", "clause_head", "future"]
