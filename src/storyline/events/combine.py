"""Patterns and the learned classifier, combined by measured confidence.

Patterns are precise where they fire; the classifier knows the whole sentence. A pattern event's
confidence blends its pattern's precision with the classifier's probability for its type; where no
pattern fired, the classifier's best type becomes an event on the predicate that carries most of that
type's evidence, with its actors read off the parse like any pattern event's.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from .. import settings
from ..errors import PatternError
from .classify import NONE, classifier
from .patterns import Pattern, lexicon

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_TYPE_KEYS = {"cameo": str, "symmetric": bool, "target": list, "one_sided": bool, "struck": bool,
              "source_from": list, "target_from": list}
_FALLBACKS = {"source_from": {"place", "place_if_passive"}, "target_from": {"domestic", "object", "parties", "condition", "city", "place"}}
_SLOT_SEP = ("=", "|", ">", "_")


@lru_cache(maxsize=1)
def type_defaults() -> dict[str, dict]:
    """types.json, checked: every PLOVER type once, known keys of the right kind."""
    raw = json.loads(resources.files("storyline.resources").joinpath("events", "types.json").read_text("utf-8"))
    out = {}
    for typ, row in raw.items():
        if typ.startswith("_"):
            continue
        if typ not in PLOVER_TYPES:
            raise PatternError(f"types.json: unknown PLOVER type {typ!r}")
        for k, v in row.items():
            if k not in _TYPE_KEYS or not isinstance(v, _TYPE_KEYS[k]):
                raise PatternError(f"types.json: {typ}: unknown key or wrong kind {k!r}: {v!r}")
            if k in _FALLBACKS and set(v) - _FALLBACKS[k]:
                raise PatternError(f"types.json: {typ}: unknown {k} {sorted(set(v) - _FALLBACKS[k])}")
        out[typ] = row
    missing = set(PLOVER_TYPES) - set(out)
    if missing:
        raise PatternError(f"types.json: no entry for {sorted(missing)}")
    return out


def one_sided(typ: str) -> bool:
    """Whether an event of this type stands without a target (POLECAT: a protest, a mobilisation, an offer)."""
    return bool(type_defaults().get(typ, {}).get("one_sided"))


def _parts(feature: str) -> set[str]:
    body = feature.split("=", 1)[-1]
    for sep in _SLOT_SEP[1:]:
        body = body.replace(sep, " ")
    return set(body.split())


def trigger_for(sent: Span, feats: list[str], typ: str) -> Token | None:
    """The predicate (verb, else event noun) whose features weigh most for ``typ``: where the event is told."""
    model = classifier().types
    col = model.labels.index(typ)
    weight = [(_parts(f), float(model.weights[model.index[f], col])) for f in dict.fromkeys(feats) if f in model.index]
    best, best_score = None, 0.0
    skip = lexicon()["attribution_verbs"] | lexicon()["reported_speech"]
    for t in sent:
        if t.pos_ not in ("VERB", "NOUN") or t.ent_type_ or t.is_stop or t.lemma_.lower() in skip:
            continue  # "..., officials said": the saying is not the event
        lem = t.lemma_.lower()
        score = sum(w for parts, w in weight if lem in parts)
        if t.pos_ == "NOUN":
            score *= settings.NOUN_TRIGGER_FACTOR  # a verb tells the act; a noun may only name its object
        if score > best_score:
            best, best_score = t, score
    return best


def learned_pattern(tok: Token, typ: str, mode: str | None) -> Pattern:
    """A pattern for a classifier-coded event: the type's default slots on the chosen trigger."""
    d = type_defaults()[typ]
    return Pattern(lemma=tok.lemma_.lower(), pos="noun" if tok.pos_ == "NOUN" else "verb", type=typ, mode=mode,
                   cameo=d["cameo"], target=tuple(d["target"]), symmetric=d["symmetric"],
                   conf=settings.CLASSIFIER_EVENT_FACTOR)


def blend(pattern_conf: float, prob: float) -> float:
    """An event's confidence from its pattern's precision, lowered when the classifier doubts its type: down
    to (1 - w) times at p = 0, unchanged from p = 0.5 (measured: raising it admitted more wrong events on
    the development sets than right ones)."""
    w = settings.CLASSIFIER_WEIGHT
    return min(0.99, pattern_conf ** (1 - w) * max(prob, 1e-3) ** w)


def vetoed(probs: dict[str, float], typ: str) -> bool:
    """The classifier is sure the sentence tells no event and gives the pattern's type next to nothing."""
    return probs.get(typ, 0.0) < settings.PATTERN_VETO_PROB and probs.get(NONE, 0.0) > settings.NONE_VETO_PROB


def proposal(probs: dict[str, float], have: set[str], lead: bool = False) -> str | None:
    """The classifier's best type when it is sure enough and no pattern coded it already. A report's lead
    with no event of its own takes the best type from a lower probability: wire copy leads with its news."""
    typ, p = max(((t, p) for t, p in probs.items() if t != NONE), key=lambda x: x[1])
    floor = settings.CLASSIFIER_LEAD_MIN_PROB if lead and not have else settings.CLASSIFIER_MIN_PROB
    if p < floor or typ in have or probs.get(NONE, 0.0) > p:
        return None
    return typ


__all__ = ["PLOVER_TYPES", "blend", "learned_pattern", "proposal", "trigger_for", "type_defaults", "vetoed"]
