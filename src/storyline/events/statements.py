"""Events told by a turn of phrase rather than a trigger word:

* responsibility: "X said Y bears responsibility for making sure ..." is a demand on Y (REQUEST); "... for
  the attack" lays blame on Y (ACCUSE). The speaker is the source; the bearer of the duty the target.
* denial of involvement: "Y had nothing to do with the attack" rejects the accusation (REJECT), aimed at
  whoever accused Y's side before in the report, and at whom Y told it ("told Ankara that ...").
* reaction drawn: "the attack drew condemnation from X" is X accusing the attacker (ACCUSE).

Each returns (pattern, source, target, governing word) like a trigger; the words are data
(resources/events/lexicon.json: responsibility_verbs, blame_nouns, involvement_nouns, drawn_reactions, ...).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..model import EventMention
from .anaphora import antecedent, referring_types
from .patterns import Pattern, lexicon
from .roles import VERB_TAGS, ActorIndex, actors_of, prep_objects, subject_of

REQUEST = Pattern(lemma="responsibility", pos="stmt", type="REQUEST", mode="demand", cameo="10", conf=0.6)
BLAME = Pattern(lemma="responsibility", pos="stmt", type="ACCUSE", mode="blame", cameo="11", conf=0.6)
DENY = Pattern(lemma="nothing", pos="stmt", type="REJECT", mode="deny", cameo="12", conf=0.6)
DRAWN = Pattern(lemma="condemnation", pos="stmt", type="ACCUSE", mode="condemn", cameo="11", conf=0.6)

Found = tuple[Pattern, list[str], list[str], Token]


def _speaker(tok: Token, idx: ActorIndex) -> tuple[list[str], Token | None]:
    """Subject of the nearest saying verb above the token, and that verb."""
    speech = lexicon()["reported_speech"]
    for a in tok.ancestors:
        if a.tag_ in VERB_TAGS and a.lemma_.lower() in speech:
            return subject_of(a, idx)[0], a
    return [], None


def _bearer(tok: Token, idx: ActorIndex) -> list[str]:
    """Who bears the responsibility: "Y bears responsibility", "Y is responsible", and the misparse
    "the UN bore responsibility" read as one noun phrase ("bore" a compound)."""
    verbs = lexicon()["responsibility_verbs"]
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in verbs or tok.dep_ == "acomp" and head.lemma_ == "be":
        return [a for c in head.children if c.dep_ == "nsubj" for a in actors_of(c, idx)]
    mods = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod")]
    bear = next((c for c in mods if c.lower_ in ("bear", "bears", "bore", "borne")), None)
    if bear is None:
        return []
    return list(dict.fromkeys(idx.tok[x.i] for x in tok.subtree if x.i < bear.i and x.i in idx.tok))


def responsibility(tok: Token, idx: ActorIndex) -> Found | None:
    if tok.lemma_.lower() not in ("responsibility", "responsible"):
        return None
    bearer = _bearer(tok, idx)
    src, say = _speaker(tok, idx)
    tgt = [a for a in bearer if not any(idx.same_side(a, s) for s in src)]
    if not src or not tgt or say is None:
        return None
    blame = lexicon()["blame_nouns"]
    objs = prep_objects(tok, {"for"})
    acts = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for x in c.children
            if x.dep_ == "pcomp"]
    is_blame = not acts and any(o.lemma_.lower() in blame or (referring_types(o) or []) == ["ASSAULT"]
                                for o in objs)
    return (BLAME if is_blame else REQUEST), src, tgt, say


def _accusers(earlier: list[EventMention], own: list[str], idx: ActorIndex) -> list[str]:
    """Source of the latest accusation aimed at this side told before in the report."""
    for em in reversed(earlier):
        if em.type == "ACCUSE" and any(idx.same_side(t, s) for t in em.target for s in own):
            got = [a for a in em.source if not any(idx.same_side(a, s) for s in own)]
            if got:
                return got
    return []


def _involvement(tok: Token) -> bool:
    """"had nothing to do with", "had no role in", "had no part in", "no involvement in"."""
    lex = lexicon()
    if tok.lower_ == "nothing" and tok.dep_ == "dobj" and tok.head.lemma_ == "have":
        return any(c.lemma_ == "do" and any(p.dep_ == "prep" and p.lower_ == "with" for p in c.children)
                   for c in tok.children)
    return tok.lemma_.lower() in lex["involvement_nouns"] and tok.dep_ == "dobj" and tok.head.lemma_ == "have" \
        and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def denial(tok: Token, idx: ActorIndex, earlier: list[EventMention]) -> Found | None:
    if not _involvement(tok):
        return None
    have = tok.head
    src = subject_of(have, idx)[0]
    if not src:
        return None
    tgt = _accusers(earlier, src, idx)
    tell = have.head if have.dep_ == "ccomp" else None
    if tell is not None and tell.lemma_.lower() in lexicon()["telling_verbs"]:
        tgt += [a for c in tell.children if c.dep_ in ("dobj", "dative") for a in actors_of(c, idx)]
    tgt = [a for a in dict.fromkeys(tgt) if not any(idx.same_side(a, s) for s in src)]
    return DENY, src, tgt, have


def drawn(tok: Token, idx: ActorIndex, earlier: list[EventMention]) -> Found | None:
    """"the attack drew condemnation from X", "Y faced criticism from X"."""
    lex = lexicon()
    verb = tok.head
    if tok.dep_ != "dobj" or tok.lemma_.lower() not in lex["reaction_nouns"] \
            or verb.lemma_.lower() not in lex["drawing_verbs"]:
        return None
    src = [a for o in prep_objects(tok, {"from"}) + prep_objects(verb, {"from"}) for a in actors_of(o, idx)]
    if not src:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    tgt = [a for s in subj for a in actors_of(s, idx)]
    if not tgt:
        tgt = [a for s in subj for a in antecedent(s, earlier, src, idx.same_side)]
    tgt = [a for a in dict.fromkeys(tgt) if not any(idx.same_side(a, s) for s in src)]
    return (DRAWN, src, tgt, verb) if tgt else None


def statement(tok: Token, idx: ActorIndex, earlier: list[EventMention]) -> Found | None:
    """The event a turn of phrase at this token tells, if any."""
    if tok.pos_ not in ("NOUN", "PRON", "ADJ"):
        return None
    return responsibility(tok, idx) or denial(tok, idx, earlier) or drawn(tok, idx, earlier)
