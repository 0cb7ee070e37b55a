"""Arguments of one trigger: source and target actor ids for verb, noun and adjective events."""
from __future__ import annotations

from spacy.tokens import Token

from .match import patient_head
from .patterns import Pattern, lexicon
from .roles import VERB_TAGS, ActorIndex, _uniq, actors_of, mentioned_in, of_chain, prep_objects, subject_of

_ARG_PREPS = {"for", "of", "to", "on", "about", "into", "with", "at", "in"}  # not adjuncts: after, despite, amid
_NOUN_TARGET_PREPS = {"with", "against", "on", "of", "to", "toward", "towards", "into"}


def _verb_targets(tok: Token, p: Pattern, idx: ActorIndex, src: list[str]) -> list[str]:
    """Fill the pattern's target slots in order; the first slot that yields actors wins."""
    lex = lexicon()
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if tok.dep_ == "amod" and tok.tag_ == "VBG" or patient_head(tok):
        objs.append(tok.head)
    for slot in p.target:
        got: list[str] = []
        if slot in ("dobj", "dobj_actor", "dobj_event", "dobj_poss"):
            for o in objs:
                got += (slot == "dobj_poss" and _possessor(o, idx)) or actors_of(o, idx)
        elif slot == "dative":
            got = [a for c in tok.children if c.dep_ == "dative" for a in actors_of(c, idx)]
            got += [a for o in prep_objects(tok, {"to"}) for a in actors_of(o, idx)]
        elif slot == "loc":
            heads = [c for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in lex["location_preps"]]
            heads += [c for o in objs for x in of_chain(o, 2) for c in x.children  # "the level of its forces along"
                      if c.dep_ == "prep" and c.lower_ in lex["location_preps"]]
            if any(p.lemma_.lower() in lex["border_nouns"] for h in heads for p in h.children):  # "border with X"
                heads += [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
            got = mentioned_in(heads, idx, src, places=True)
        elif slot in ("embedded", "embedded_actors", "embedded_subject"):
            emb = embedded(tok, p)
            if slot == "embedded":
                for e in emb:
                    for o in prep_objects(e, {"with", "between", "to", "against", "on"}):
                        got += actors_of(o, idx)
            elif slot == "embedded_subject":
                got = [a for e in emb for a in subject_of(e, idx)[0]]
            else:  # "demanded that the bank be reconnected": a passive clause names no addressee
                emb = [e for e in emb if not any(c.dep_ in ("nsubjpass", "auxpass") for c in e.children)]
                got = mentioned_in(emb + objs, idx, src, skip=_described(emb + objs))
        elif slot.endswith("_deep"):  # "the status it had granted to X", "duty on goods imported from X"
            prep = slot.removesuffix("_deep")
            heads = objs if prep == "dobj" else prep_objects(tok, {prep}) or [
                c for c in tok.children if c.dep_ == "prep" and c.lower_ == prep]  # "pull X out of Y"
            got = mentioned_in(heads, idx, src, skip=_described(heads))
        elif slot == "purpose":  # "deployed troops to reinforce operations against X"
            heads = [c for c in tok.children if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                         for a in c.children)]
            got = mentioned_in(heads, idx, src)
        else:
            prep = slot.removesuffix("_actor").removesuffix("_poss")
            for o in prep_objects(tok, {prep}) + [x for d in objs for c in _amount_chain(d)
                                                  for x in prep_objects(c, {prep})]:
                got += (slot.endswith("_poss") and _possessor(o, idx)) or actors_of(o, idx)
        got = [a for a in got if not any(_own(a, s, p, idx) for s in src)]
        if got:
            return _uniq(got)
    return []


def city_country_of(heads: list[Token], idx: ActorIndex) -> list[str]:
    """The country of a city among these phrases ("reached Gaza City", "arrived in Port-au-Prince")."""
    from .location import city_of

    for h in heads:
        for x in h.subtree:
            got = city_of(x) if x.pos_ == "PROPN" else None
            if got:
                return [idx.by_country.get(got[0]) or got[0]]
    return []


def _own(a: str, s: str, p: Pattern, idx: ActorIndex) -> bool:
    """A target on the source's own side is dropped; except that people protest against their own leaders
    ("Argentine unions struck against President X's measures")."""
    return a == s if p.type == "PROTEST" else idx.same_side(a, s)


def _amount_chain(tok: Token) -> list[Token]:
    """An object and what it measures: "$1.5 billion in grants to X", "tens of thousands of troops to X"."""
    return of_chain(tok, 3, ("of", "in"), lambda t: t.like_num or t.pos_ == "NUM" or t.lemma_.lower() in lexicon()["amount_words"])


def _possessor(tok: Token, idx: ActorIndex) -> list[str]:
    """Whose thing it is: "Finland's NATO bid" is Finland's (the possessor before any modifier)."""
    return [a for c in tok.children if c.dep_ == "poss" for a in actors_of(c, idx)]


def _described(heads: list[Token]) -> set[int]:
    """Tokens that describe rather than take part: an agreement's name and relative clauses ("the deal that
    let Ukraine ship grain"), and verbs coordinated with the embedded one ("to extend X and withdrew")."""
    from .anaphora import table

    nouns = table()["agreement_nouns"]
    out: set[int] = set()
    for h in heads:
        for x in h.subtree:
            if x.lemma_.lower() in nouns and x.pos_ in ("NOUN", "PROPN") or (
                    x.dep_ == "conj" and x.tag_ in VERB_TAGS and x.head.i == h.i):
                out |= {y.i for y in x.subtree}
    for h in heads:  # "the Black Sea Grain Initiative": a named agreement is described by its head noun
        if h.lower_ in nouns or h.lemma_.lower() in nouns:
            out |= {y.i for y in h.subtree}
    return out


def embedded(tok: Token, p: Pattern) -> list[Token]:
    """Heads of an embedded event: "call for <a meeting>", "accuse X of <massing>", "threaten to <V>"."""
    out = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    if p.embed or p.prep:
        for o in prep_objects(tok, {p.embed or p.prep}):
            out.append(o)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == (p.embed or p.prep):
                out += [x for x in c.children if x.dep_ == "pcomp"]
    if "embedded" in p.target or "embedded_actors" in p.target:
        out += [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]  # "talks ... were hosted by X"
    return out


def verb_args(tok: Token, p: Pattern, idx: ActorIndex) -> tuple[list[str], list[str]]:
    """Subject is the source (the by-agent in the passive); slots give the target."""
    src, passive_tgt = subject_of(tok, idx)
    if patient_head(tok) and not any(c.dep_ == "agent" for c in tok.children):
        src = []  # "the captured airman": who captured is not said here
    if tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and not src:  # "Brazilian miners protested ...": the
        src = actors_of(tok.head, idx)  # sentence's verb parsed as a modifier of its subject noun, left as root
    if passive_tgt and not src and (p.type == "MOBILIZE" or p.mode in lexicon()["own_force_modes"]):
        src, passive_tgt = passive_tgt, []  # "Nigerian troops were deployed": the forces moved are their own
    if p.reverse:  # "Peru received a loan from Japan", "secured a loan from the IMF": the giver is "from"
        giver = [a for o in prep_objects(tok, {"from"}) + [x for d in tok.children if d.dep_ == "dobj"
                                                           for x in prep_objects(d, {"from"})]
                 for a in actors_of(o, idx)]
        return (_uniq(giver), src) if giver else ([], [])
    tgt = passive_tgt or _verb_targets(tok, p, idx, src)
    return src, [a for a in tgt if not any(_own(a, s, p, idx) for s in src)]


def _gov_verb(tok: Token) -> Token | None:
    """The verb a noun hangs from, through "a series of" and prepositions like "for"."""
    t = tok
    for _ in range(4):
        h = t.head
        if h is t:
            return None
        if h.tag_ in VERB_TAGS:
            return h
        t = h
    return None


def noun_args(tok: Token, p: Pattern, idx: ActorIndex, trigger_verbs: set[int]) -> tuple[list[str], list[str], Token]:
    """Possessor/modifier/"by" give the source, with/against/of/on the target, "between" both sides."""
    lex = lexicon()
    src: list[str] = []
    tgt: list[str] = []
    between: list[str] = []
    for c in tok.children:
        if p.poss_target and c.dep_ == "poss":  # "his release": the one released
            tgt += actors_of(c, idx)
        elif c.i < tok.i and c.dep_ in ("poss", "compound", "amod", "nmod"):
            src += [idx.tok[x.i] for x in c.subtree if x.i in idx.tok]
            if c.dep_ == "poss" and c.pos_ == "PRON" and not src:
                src += actors_of(c, idx)
        elif c.dep_ in ("relcl", "acl") and c.lemma_.lower() in lex["light_verbs"] | lex["claiming_verbs"]:
            src += subject_of(c, idx)[0]  # "the attack that X carried out", "an attack claimed by X"
    by = prep_objects(tok, {"by"}) or [b for o in prep_objects(tok, {"of"}) for b in prep_objects(o, {"by"})]
    for o in by:  # "the arrest of X by Y", the "by" often hung on X
        src += actors_of(o, idx)
    for o in prep_objects(tok, {"between", "among"}):
        between += actors_of(o, idx)
    if between:  # "talks between X, ..., and Y": the last conjunct often hangs from the noun
        between += [a for c in tok.children if c.dep_ == "conj" for a in actors_of(c, idx)]
    if p.of_source:  # "the withdrawal of French troops from Mali": who withdraws, and from where
        if not src:
            src += [a for o in prep_objects(tok, {"of"}) for a in actors_of(o, idx)]
        tgt += [a for o in prep_objects(tok, {"from"}) for a in actors_of(o, idx)]
    for o in prep_objects(tok, _NOUN_TARGET_PREPS - ({"of"} if p.of_source else set())):
        tgt += actors_of(o, idx)
    for c in tok.children:  # "sanctions to punish X", "talks aimed at X"
        if c.dep_ in ("acl", "relcl") and not tgt:
            tgt += [a for o in c.children if o.dep_ == "dobj" for a in actors_of(o, idx)]
    gov = _gov_verb(tok) or tok
    light = (gov.lemma_.lower() in lex["light_verbs"] or gov.lemma_.lower() in p.light_only) \
        and gov.i not in trigger_verbs  # "restored ties", "declared a ceasefire": the pattern's own verbs
    if not src and tok.dep_ == "nsubjpass" and gov.i == tok.head.i and gov.lemma_.lower() in lex["light_verbs"]:
        src = subject_of(gov, idx)[0]  # "his release was announced by X": the by-agent
    via_light = (tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.lower_ in _ARG_PREPS) \
        and gov is not tok and (light or gov.i in trigger_verbs)
    if not src and via_light and tok.dep_ != "nsubj":
        src = subject_of(gov, idx)[0]
        if not tgt and light:
            tgt = [a for o in prep_objects(gov, {"with", "to", "against", "on"}) for a in actors_of(o, idx)]
    if not tgt and p.target:  # "drills near X": the pattern's own slots, on the noun, then on its verb
        lex_loc = lex["location_preps"]
        for slot in p.target:
            for h in (tok, gov):
                if slot == "arrive":  # "an aid convoy reached Gaza", "... arrived in Gaza"
                    if h is tok and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lexicon()["arrival_verbs"]:
                        objs = [c for c in tok.head.children if c.dep_ == "dobj"] + prep_objects(
                            tok.head, {"in", "into", "at"})
                        tgt += [a for o in objs for a in actors_of(o, idx)]
                        tgt += city_country_of(objs, idx)
                    continue
                if slot == "loc":
                    heads = [c for c in h.children if c.dep_ == "prep" and c.lower_ in lex_loc]
                    tgt += mentioned_in(heads, idx, src, places=True)
                else:
                    prep = slot.removesuffix("_poss")
                    tgt += [a for o in prep_objects(h, {prep})
                            for a in ((slot.endswith("_poss") and _possessor(o, idx)) or actors_of(o, idx))]
            if tgt:
                break
    src = _uniq(src)
    if between:  # "talks between X and Y": the participants are exactly those named
        src, tgt = between[:1], between[1:]
    return src, [a for a in _uniq(tgt) if not any(_own(a, s, p, idx) for s in src)], gov
