"""What the event classifier sees of a sentence: words and parse relations, read off the one spaCy parse.

Training (training/train_events.py) and run time call the same function, so the model sees at run time
exactly what it learnt from. Names are generalised to their entity label ("Peru" -> ENT:GPE) so the
model learns what is done, not who does it.
"""
from __future__ import annotations

import numpy as np
from spacy.tokens import Span, Token

from .patterns import lexicon

#: bump when sentence_features or sentence_vector change: training caches features under this version
FEATURES_VERSION = 1

_ENT_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
_NUM_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
_TIME_LABELS = {"DATE", "TIME"}
_ARG_DEPS = ("dobj", "nsubjpass", "attr", "oprd")


def _word(t: Token) -> str | None:
    """The token as the model sees it: an entity label, a number class, or its lower-case lemma."""
    if t.ent_type_ in _ENT_LABELS:
        return "ENT:" + t.ent_type_
    if t.ent_type_ in _TIME_LABELS:
        return "TIME"
    if t.like_num or t.ent_type_ in _NUM_LABELS:
        return "NUM"
    if t.is_punct or t.is_space:
        return None
    lem = t.lemma_.lower()
    return lem if lem.isascii() and any(ch.isalpha() for ch in lem) else None


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children)


def _main_predicates(sent: Span) -> list[Token]:
    """The sentence's root, and under an attribution verb ("..., officials said") the clause it reports."""
    attribution = lexicon()["attribution_verbs"]
    out = [sent.root]
    root = sent.root
    if root.lemma_.lower() in attribution:
        out += [c for c in root.children if c.dep_ in ("ccomp", "parataxis", "xcomp") and c.i != root.i]
    return out


def sentence_features(sent: Span) -> list[str]:
    """Sparse features of one sentence: lemmas, lemma bigrams, and verb-centred parse relations."""
    feats: list[str] = []
    words = [(t, _word(t)) for t in sent]
    seen_ent = False
    prev = None
    for t, w in words:
        if w is None:
            continue
        if w.startswith("ENT:"):
            if seen_ent and prev == w:
                continue  # one feature per multi-token name
            seen_ent = True
        if not t.is_stop or t.pos_ in ("VERB", "ADP"):
            feats.append("w=" + w)
        prev = w  # (lemma bigrams were tried: they fit the synthetic stories' wording and generalise worse)
    for p in _main_predicates(sent):
        w = _word(p)
        if w:
            feats.append(("main=" if p is not sent.root or p.lemma_.lower() not in lexicon()["attribution_verbs"]
                          else "root=") + w)
            if _negated(p):
                feats.append("mainneg=" + w)
    for t in sent:
        if t.pos_ not in ("VERB", "AUX") and t.dep_ not in ("xcomp", "ccomp"):
            continue
        v = _word(t)
        if not v or v.startswith("ENT:"):
            continue
        neg = _negated(t)
        if neg:
            feats.append("neg=" + v)
        for c in t.children:
            cw = _word(c)
            if c.dep_ in _ARG_DEPS and cw:
                feats.append(f"vo={v}|{cw}")
            elif c.dep_ == "xcomp" and cw:
                feats.append(f"vx={v}>{cw}")
                if neg:
                    feats.append(f"negx={v}>{cw}")
            elif c.dep_ == "prt" and cw:
                feats.append(f"vp={v}_{cw}")
            elif c.dep_ == "prep":
                objs = [_word(g) for g in c.children if g.dep_ == "pobj"]
                for o in objs:
                    if o:
                        feats.append(f"vpo={v}|{c.lower_}|{o}")
            elif c.dep_ in ("nsubj", "nsubjpass") and cw:
                feats.append(f"vs={v}|{cw}")
            elif c.dep_ == "aux" and c.lower_ in lexicon()["modal_future"]:
                feats.append("fut=" + v)
    return feats


def sentence_vector(sent: Span) -> np.ndarray:
    """The parse's own context vectors (the pipeline's tok2vec, already computed): the sentence's mean and its
    main predicate's, each of unit length; zeros when the pipeline kept no tensor."""
    tensor = sent.doc.tensor
    if tensor is None or len(tensor) < sent.end or not tensor.size:
        return np.zeros(2 * VECTOR_DIMS, dtype=np.float32)
    mean = tensor[sent.start:sent.end].mean(axis=0)
    main = tensor[_main_predicates(sent)[-1].i]
    out = np.concatenate([mean / (np.linalg.norm(mean) or 1.0), main / (np.linalg.norm(main) or 1.0)])
    return out.astype(np.float32)


#: width of en_core_web_sm's tok2vec output
VECTOR_DIMS = 96
