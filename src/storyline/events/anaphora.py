"""Event nouns that refer back ("condemned the strike", "rejected the accusation", "welcomed the decision").

A definite event noun with no actor of its own names an event the report told before. The reacting
event's target is then that earlier event's actor: its source (for a symmetric event, its participants).
Which nouns refer to which event types is data (resources/events/anaphora.json); the search looks back
a bounded window of the same report's earlier event mentions.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

from ..model import EventMention


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    raw = json.loads(resources.files("storyline.resources").joinpath("events", "anaphora.json")
                     .read_text(encoding="utf-8"))
    return {"determiners": frozenset(raw.get("determiners", ())), "nouns": raw.get("nouns", {}),
            "window_mentions": int(raw.get("window_mentions", 12)), "window_chars": int(raw.get("window_chars", 2000)),
            "agreement_nouns": frozenset(raw.get("agreement_nouns", ()))}


def _key(lemma: str) -> str:
    return lemma.lower().rstrip("s") if lemma.lower() not in table()["nouns"] else lemma.lower()


def misparsed_reference(tok: Token) -> bool:
    """"called that move outrageous" parsed as a clause ("that" the subject of a verb "move"): a table noun
    right after a demonstrative it is parsed as the verb of."""
    t = table()
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ccomp", "xcomp") and tok.lower_ in t["nouns"] and any(
        c.dep_ == "nsubj" and c.i == tok.i - 1 and c.tag_ == "DT" and c.lower_ in t["determiners"]
        for c in tok.children)


def referring_types(tok: Token) -> list[str] | None:
    """Event types a definite event noun may point back to, or None when it is not such a reference."""
    t = table()
    if misparsed_reference(tok):
        return list(t["nouns"][tok.lower_])
    if tok.pos_ not in ("NOUN",):
        return None
    types = t["nouns"].get(tok.lemma_.lower()) or t["nouns"].get(tok.lower_.rstrip("s"))
    if not types:
        return None
    kids = list(tok.children) + (list(tok.head.children) if tok.dep_ == "compound" else [])  # misparse
    if not any(c.dep_ in ("det", "predet") and c.lower_ in t["determiners"] for c in kids):
        return None
    return list(types)


def is_reference(tok: Token, own_actors: bool) -> bool:
    """A definite table noun with no actor of its own ("the strike", not "Peru's strike on Chile")."""
    return not own_actors and referring_types(tok) is not None


def antecedent(tok: Token, earlier: list[EventMention], speaker: list[str],
               same_side: Callable[[str, str], bool]) -> list[str]:
    """Actors of the event a reference noun points back to, seen from the speaker's side.

    Candidates: the last ``window_mentions`` mentions of the report within ``window_chars`` before the
    noun, of a type the noun refers to (or the same trigger noun), with an actor not on the speaker's side.
    An event aimed at the speaker's side wins ("London rejected the accusation": the accusation against
    Britain); else the latest.
    """
    types = referring_types(tok)
    if types is None:
        return []
    t = table()
    lemma = tok.lemma_.lower()
    pool = [em for em in earlier[-t["window_mentions"]:] if em.start >= tok.idx - t["window_chars"]
            and em.start < tok.idx]
    ranked: list[tuple[bool, bool, int, list[str]]] = []
    for n, em in enumerate(pool):
        same_noun = _key(em.trigger) == _key(lemma)
        if not (same_noun or em.type in types or "*" in types):
            continue
        actors = list(em.source) + (list(em.target) if em.symmetric else [])
        actors = [a for a in actors if not any(same_side(a, s) for s in speaker)]
        if not actors:
            continue
        aimed = any(same_side(a, s) for a in em.target for s in speaker) and not em.symmetric
        # a complete event (someone did it to someone) wins over a one-sided one ("shot down two others")
        ranked.append((aimed or same_noun, same_noun or em.type in types, bool(em.target), n,
                       list(dict.fromkeys(actors))))
    if not ranked:
        return []
    return max(ranked, key=lambda r: r[:4])[4]


def agreement_objects(tok: Token) -> list[Token]:
    """"withdrew from the deal", "suspended its participation in the agreement", "the deal was extended",
    "refused to extend the deal": the agreement nouns an act is about."""
    nouns = table()["agreement_nouns"]
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [o for c in tok.children if c.dep_ == "xcomp" for o in c.children if o.dep_ in ("dobj", "nsubjpass")]
    preps = [c for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "of", "out")]
    preps += [g for c in preps if c.lower_ == "out" for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
    heads += [p for c in preps for p in c.children if p.dep_ == "pobj"]
    out = []
    for h in heads:
        chain = [h] + [p for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "to")
                       for p in c.children if p.dep_ == "pobj"]
        out += [x for x in chain if x.lemma_.lower() in nouns]
    return out


def is_agreement(em: EventMention) -> bool:
    """An agreement reached or signed: AGREE, or the SUPPORT the codebook makes of a signing."""
    return em.type == "AGREE" or "agreement" in em.context


def agreement_parties(tok: Token, earlier: list[EventMention], speaker: list[str],
                      same_side: Callable[[str, str], bool]) -> list[str]:
    """Leaving an agreement with no counterpart named: the other parties of the latest AGREE (occurred)
    the same report told within the window. Nothing when the report names no agreement's parties."""
    if not agreement_objects(tok):
        return []
    t = table()
    pool = [em for em in earlier[-t["window_mentions"]:] if em.start >= tok.idx - t["window_chars"]]
    for em in reversed(pool):
        if not is_agreement(em) or em.status not in ("occurred", "ongoing"):
            continue
        parties = [a for a in list(em.source) + list(em.target) if not any(same_side(a, s) for s in speaker)]
        if parties and any(same_side(a, s) for a in list(em.source) + list(em.target) for s in speaker):
            return list(dict.fromkeys(parties))
    return []
