"""One EventMention per trigger per sentence: type, actors, status, clause, place and confidence.

The loop lives here; what each part finds lives in its own module: triggers (match), arguments (args,
reactions, statements), clauses and what dates them (spans), threats (threats), places (location).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import settings
from ..model import EventMention, Mention
from ..nlp.clauses import backgrounded
from .classify import classifier
from .combine import blend, learned_pattern, proposal, trigger_for, type_defaults, vetoed
from .features import sentence_features, sentence_vector
from .anaphora import agreement_objects, agreement_parties, is_agreement, is_reference, table
from .args import _described, embedded, noun_args, verb_args
from .location import city_of, city_target, location_of, place_target
from .match import match
from .patterns import Pattern, export_mode, lexicon, modes, patterns
from .reactions import adj_args, anaphoric_target, light_object, own_actors, reacted_to
from .roles import ActorIndex, mentioned_in, subject_phrase_actors
from .spans import (clause, foreign_clauses, keep_paragraph, own_news, relative_clause_time, shares_date,
                    speech_time, tail)
from .statements import statement
from .status import status_of
from .threats import released
from .threats import condition_actors, promised, threat_status, threatened

_STATUS_WEIGHT = {"occurred": 1.0, "ongoing": 1.0, "scheduled": 0.9, "denied": 0.7,
                  "threatened": 0.6, "conditional": 0.5, "hypothetical": 0.5}

Item = tuple[EventMention, Token, list[Token], Token]  # (mention, trigger, embedded events cut out, clause head)


def _mention(doc_id: str, n: int, sent: Span, tok: Token, p: Pattern, src: list[str], tgt: list[str],
             status: str, span: tuple[int, int], place, typ: str | None = None) -> EventMention:
    symmetric = p.symmetric
    if symmetric and not tgt and len(src) > 1:
        src, tgt = src[:1], src[1:]
    conf = p.conf * _STATUS_WEIGHT.get(status, 0.6) * (1.0 if src else 0.5) * (1.0 if tgt else 0.8)
    return EventMention(
        id=f"{doc_id}:{n}", doc=doc_id, type=typ or p.type, source=src, target=tgt,
        start=sent.start_char, end=sent.end_char, text=sent.text, trigger=tok.text, mode=export_mode(typ or p.type, p.mode),
        cameo=p.cameo, status=status, clause_start=span[0], clause_end=span[1],
        location=place[0] if place else None, lat=place[1] if place else None,
        lon=place[2] if place else None, symmetric=symmetric, confidence=round(conf, 3))


def _args(tok: Token, p: Pattern, idx: ActorIndex, verbs: set[int], trig: set[int],
          earlier: list[EventMention]):
    """(source, target, governor, clause head, embedded events cut, trailing token) or None to skip."""
    cut: list[Token] = []
    end = None
    if p.threat:
        got = promised(tok, p, idx, earlier)
        if got is None:
            return None
        return got[0], got[1], tok, tok, [], None
    if p.pos == "verb":
        src, tgt = verb_args(tok, p, idx)
        if src and not tgt:
            refs = [o for o in reacted_to(tok) if not own_actors(o, idx)]
            tgt = anaphoric_target(refs, earlier, src, idx)
        if p.mode == "release":
            src, tgt = released(tok, idx, src, tgt, earlier)
        if src and not tgt and "parties" in _from(p.type, "target_from"):  # "pulled out of the deal"
            tgt = agreement_parties(tok, earlier, src, idx.same_side)
        if src and not tgt and "condition" in _from(p.type, "target_from"):  # "reserved the right to
            tgt = condition_actors(tok, idx, src)  # withdraw if Kyiv ...": whom the condition names
        gov = head = tok
        cut = [e for e in embedded(tok, p) if any(x.i in trig for x in e.subtree)]
    elif p.pos == "noun":
        if is_reference(tok, own_actors(tok, idx)) and not light_object(tok, verbs):
            return None  # "condemned the strike": told before, the verb reacts to it
        src, tgt, gov = noun_args(tok, p, idx, verbs)
        head = tok if gov.i in verbs and gov is not tok else gov
        if head is tok and gov is not tok:  # embedded: trailing modifiers of the verb are ours
            end = tail(tok, gov)
    else:
        if tok.head.i in verbs:
            return None
        src, tgt, gov = adj_args(tok, idx, earlier)
        head = tok.head
    return src, tgt, gov, head, cut, end


def domestic_target(heads: list[Token], src: list[str], idx: ActorIndex) -> list[str]:
    """A protest aimed at the protesters' own rulers ("against the government", "outside parliament",
    "demanding the president's resignation"): the target is the protesters' own state, or its leader when
    named ("demanding the resignation of President X")."""
    rulers = lexicon()["domestic_targets"]
    if not any(x.lemma_.lower() in rulers and x.i not in idx.tok and x.i != h.i for h in heads for x in h.subtree):
        return []
    countries = [s for s in src if idx.kind(s) == "country"][:1]
    named = [idx.tok[x.i] for h in heads for x in h.subtree if x.i in idx.tok and idx.tok[x.i] not in src]
    leaders = [a for a in named if idx.kind(a) == "person" and (
        idx.affiliation(a) is None or any(idx.same_side(a, c) for c in countries))]
    if leaders:
        return leaders[:1]
    if any(not any(idx.same_side(a, s) for s in src) for a in named):
        return []  # "in protest against European Union trade policy": someone else is named
    return countries


def _from(typ: str, key: str) -> tuple[str, ...]:
    return tuple(type_defaults()[typ].get(key, ()))


def fallback_args(tok: Token, gov: Token, p: Pattern, idx: ActorIndex, src: list[str], tgt: list[str],
                  place) -> tuple[list[str], list[str], object]:
    """Where the parse names no source or target, the fallbacks types.json declares for the type:
    a protest aimed at the protesters' own rulers (`domestic`), an arrest in a named country
    (`place_if_passive`), leaving a city's country (`city`), the city or place struck (`struck`, `place`)."""
    if src and not tgt and "domestic" in _from(p.type, "target_from"):  # "farmers marched against the government"
        tgt = domestic_target([tok, gov], src, idx)
    if p.pos == "verb" and tgt and not src and "place_if_passive" in _from(p.type, "source_from") and _passive(tok):
        src = place_target([tok], idx, tgt) or city_country([tok], idx, tgt)  # "X was arrested in India"
    if p.pos == "verb" and src and not tgt and "city" in _from(p.type, "target_from"):
        tgt = city_country([tok], idx, src)  # "evacuated staff from its embassy in Y"
    if type_defaults()[p.type].get("struck"):
        tgt, place = city_target(tok, p, idx, src, tgt, place)
        if src and not tgt and "place" in _from(p.type, "target_from"):
            tgt = place_target([tok] if p.pos == "verb" else [tok, gov], idx, src)
    return src, tgt, place


def object_actors(verb: Token, idx: ActorIndex, src: list[str]) -> list[str]:
    """Actors named anywhere in a verb's complements, nearest first: its object phrase ("banned Ugandan
    opposition candidates", "rejected calls by X"), its argument prepositions ("a protest with X") and the
    event it embeds ("agreed to provide aid for X"); not its adjuncts of time and place, nor the source's side."""
    preps = lexicon()["object_preps"]
    groups = [[c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")],
              [c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps],
              [d for c in verb.children if c.dep_ in ("xcomp", "ccomp") for d in c.children  # not its subject
               if d.dep_ in ("dobj", "dative") or d.dep_ == "prep" and d.lower_ in preps]]
    if any(is_reference(h, bool(mentioned_in([h], idx, []))) for h in groups[0]):
        return []  # "called that move outrageous": whom the move was aimed at comes from the report (fuse)
    for heads in groups:
        got = [a for a in mentioned_in(heads, idx, src, skip=_described(heads))
               if not any(idx.same_side(a, s) for s in src)]
        if got:
            return got
    return []


def _passive(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)


def city_country(heads: list[Token], idx: ActorIndex, exclude: list[str]) -> list[str]:
    """The country of the first city named under these heads ("from its embassy in Port-au-Prince")."""
    for h in heads:
        for x in h.subtree:
            got = city_of(x) if x.pos_ == "PROPN" else None
            if got:
                country = idx.by_country.get(got[0]) or got[0]
                if not any(idx.same_side(country, s) for s in exclude):
                    return [country]
    return []


def answered(earlier: list[EventMention], accusers: list[str], idx: ActorIndex) -> EventMention | None:
    """The hostile act a denial answers: the latest one the report told by the denial's target (the accuser:
    "rejected India's account" of India's strike), else the latest one told."""
    hostile = [em for em in earlier if em.type in lexicon()["hostile_types"] and em.source]
    by_them = [em for em in hostile if any(idx.same_side(a, t) for a in em.source for t in accusers)]
    got = (by_them or hostile)[-1:]
    return got[0] if got else None


def _left_unnamed(tok: Token, p: Pattern, tgt: list[str], earlier: list[EventMention]) -> bool:
    """"Moscow had pulled out on Saturday": leaving with nothing named, in a report that has just told of an
    agreement's life (an agreement signed, left, resumed): the agreement is what was left."""
    if tgt or p.type not in lexicon()["leaving_types"] or any(
            c.dep_ in ("dobj", "prep") and (c.dep_ == "dobj" or c.lower_ in ("from", "of")) for c in tok.children):
        return False
    recent = [em for em in earlier[-table()["window_mentions"]:] if em.start >= tok.idx - table()["window_chars"]]
    return any(is_agreement(em) or "parties" in em.context for em in recent)


def _sentence(doc: Doc, doc_id: str, sent: Span, idx: ActorIndex, out: list[EventMention]) -> list[Item]:
    lex = lexicon()
    found = [(t, p) for t in sent if (p := match(t)) is not None]
    verbs = {t.i for t, p in found if p.pos == "verb"}
    trig = {t.i for t, _ in found}
    items: list[Item] = []

    def add(em: EventMention, tok: Token, cut: list[Token], head: Token) -> None:
        items.append((em, tok, cut, head))

    for tok, p in found:
        got = _args(tok, p, idx, verbs, trig, out + [i[0] for i in items])
        if got is None:
            continue
        src, tgt, gov, head, cut, end = got
        if not src and "place" in _from(p.type, "source_from"):  # "protesters in Lima", "crowds in Nairobi"
            src = place_target([tok, gov], idx, []) or city_country([tok, gov], idx, [])
            tgt = [a for a in tgt if a not in src]
        about_deal = p.pos == "verb" and p.type in lex["party_types"] and (
            p.parties or bool(agreement_objects(tok)) or _left_unnamed(tok, p, tgt, out))
        if not src and not tgt and not about_deal:
            continue
        if p.needs_target and not tgt and not (p.symmetric and len(src) > 1) or p.needs_person_target and not any(idx.kind(a) == "person" for a in tgt):
            continue  # "Japan hit a record high": hitting with no one hit is no attack
        status = threat_status(tok) if p.threat else status_of(tok, gov)
        typ = None
        if p.denied_as and status == "denied":  # "would never recognise Kosovo": a refusal, made
            typ, status = p.denied_as, "occurred"
        place = location_of([tok, gov] + [c for c in gov.children if c.dep_ == "dobj"])
        src, tgt, place = fallback_args(tok, gov, p, idx, src, tgt, place)
        span = clause(head, cut)
        if end is not None:
            span = (span[0], max(span[1], doc[end].idx + len(doc[end])))
            cut = []
        em = _mention(doc_id, len(out) + len(items), sent, tok, p, src, tgt, status, span, place, typ=typ)
        if typ is not None:
            d = type_defaults()[typ]
            em.mode, em.cameo, em.symmetric = None, d["cameo"], d["symmetric"]
        if p.type == "REJECT" and not about_deal and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex["denied_nouns"] for c in tok.children):
            ref = answered(out + [i[0] for i in items], tgt, idx)
            if ref is not None:
                em.context.append("about:" + ref.id)
        if about_deal and not em.target:
            em.context.append("parties")
        if p.mode in lex["agreement_acts"]:  # an agreement made or signed (AGREE, or SUPPORT when signed)
            em.context.append("agreement")
        if p.pos == "verb" and shares_date(tok):
            em.context.append("shares-date")
        if relative_clause_time(head):
            em.context.append("own-clause")
        if status in ("occurred", "ongoing") and p.type in lex["news_day_types"] \
                and own_news(tok if p.pos == "verb" else gov):
            em.context.append("day")
        add(em, tok, cut, head)
        aimed = threatened(p, about_deal, gov, idx, src, tgt)
        if aimed:
            em.status = "conditional"
            threat = _mention(doc_id, len(out) + len(items), sent, tok, p, src, aimed, threat_status(gov),
                              span, place, typ="THREATEN")
            threat.mode, threat.cameo = export_mode("THREATEN", "conditional"), "13"
            threat.confidence = round(0.7 * _STATUS_WEIGHT.get(threat.status, 0.6), 3)
            add(threat, tok, cut, head)
    for tok in sent:
        said = statement(tok, idx, out + [i[0] for i in items])
        if said is None:
            continue
        p, src, tgt, gov = said
        status = status_of(tok, gov)
        em = _mention(doc_id, len(out) + len(items), sent, tok, p, src, tgt, status, clause(gov, []), None)
        if status in ("occurred", "ongoing") and p.type in lex["news_day_types"] and own_news(gov):
            em.context.append("day")
        if relative_clause_time(gov):
            em.context.append("own-clause")
        add(em, tok, [], gov)
    return _learned(doc, doc_id, sent, idx, out, items)


def _learned(doc: Doc, doc_id: str, sent: Span, idx: ActorIndex, out: list[EventMention],
             items: list[Item]) -> list[Item]:
    """Weigh the pattern events by the classifier, drop those it vetoes, and code the type it is sure of
    where no pattern fired (combine.py says how)."""
    feats, vector = sentence_features(sent), sentence_vector(sent)
    model = classifier()
    probs = model.type_probs_of(feats, vector)
    kept: list[Item] = []
    for item in items:
        em = item[0]
        if vetoed(probs, em.type):
            continue
        em.confidence = round(blend(em.confidence, probs.get(em.type, 0.0)) * _told_as(item[1]), 3)
        if em.mode is None and modes()[em.type]["codebook"]:  # the pattern's act names no codebook mode
            em.mode = model.mode_of(feats, em.type, vector)
        kept.append(item)
    typ = proposal(probs, {i[0].type for i in kept}, lead=sent.start == _first_sentence_start(doc))
    tok = trigger_for(sent, feats, typ) if typ else None
    if tok is None or _pattern_declined(tok, typ):
        return kept
    p = learned_pattern(tok, typ, model.mode_of(feats, typ, vector))
    verbs = {i[1].i for i in kept if i[1].pos_ == "VERB"}
    got = _args(tok, p, idx, verbs, {i[1].i for i in kept}, out + [i[0] for i in kept])
    if got is None:
        return kept
    src, tgt, gov, head, cut, _end = got
    if not src and "place" in _from(typ, "source_from"):
        src = [a for a in place_target([tok, gov], idx, []) or city_country([tok, gov], idx, []) if a not in tgt]
    if not src:  # the classifier is sure what happened: who did it may be named loosely in the subject
        src = [a for a in subject_phrase_actors(gov, idx) if a not in tgt]
    status = status_of(tok, gov)
    if src and not tgt and "object" in _from(typ, "target_from"):  # "lodged a protest with X"
        tgt = object_actors(tok if p.pos == "verb" else gov, idx, src)
    src, tgt, place = fallback_args(tok, gov, p, idx, src, tgt, location_of([tok, gov]))
    em = _mention(doc_id, len(out) + len(kept), sent, tok, p, src, tgt, status, clause(head, cut), place)
    em.confidence = round(em.confidence * probs[typ] * _told_as(tok), 3)
    em.context.append("learned")
    if status in ("occurred", "ongoing") and typ in lexicon()["news_day_types"] and own_news(gov):
        em.context.append("day")
    kept.append((em, tok, cut, head))
    return kept


def _pattern_declined(tok: Token, typ: str) -> bool:
    """The word's patterns of this type rule out what is here: it has the type only as a phrasal verb ("called
    the sailing a relief" is no "call for"), or never with this object ("released a statement"). Where the
    patterns are precise, their silence is an answer the classifier does not overrule."""
    pos = "noun" if tok.pos_ == "NOUN" else "verb"
    own = [p for p in patterns()[pos].get(tok.lemma_.lower(), []) if p.type == typ]
    objs = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
    if any(objs & set(p.not_obj) for p in own):
        return True  # "released a statement": a pattern rules this object out by name
    return bool(own) and all(p.prep or p.prt for p in own)


def _told_as(tok: Token) -> float:
    """The factor for how the report tells its event: background to a sentence, or the news of its lead
    (the report's first sentence, where wire copy puts what happened)."""
    if backgrounded(tok):
        return settings.BACKGROUND_EVENT_FACTOR
    return settings.LEAD_EVENT_FACTOR if tok.sent.start == _first_sentence_start(tok.doc) else 1.0


def _first_sentence_start(doc: Doc) -> int:
    return next((s.start for s in doc.sents if any(t.is_alpha for t in s)), 0)


def extract_events(doc: Doc, doc_id: str, mentions: list[Mention]) -> list[EventMention]:
    """Event mentions of one parsed report; dates come later from assign_dates."""
    idx = ActorIndex(doc, mentions)
    out: list[EventMention] = []
    for sent in doc.sents:
        for em, tok, cut, head in _dedupe(_sentence(doc, doc_id, sent, idx, out)):
            end = tok.right_edge.idx + len(tok.right_edge)
            em.trigger_start = tok.idx
            em.skip_spans = [[e.left_edge.idx, max(end, e.right_edge.idx + len(e.right_edge))] for e in cut]
            em.skip_spans += speech_time(tok)
            em.skip_spans += foreign_clauses(head, tok)
            keep_paragraph(em, doc)
            em.id = f"{doc_id}:{len(out)}"  # numbered after dedupe: ids stay unique in the report
            out.append(em)
    return out


def _key(em: EventMention) -> tuple:
    return (em.type, tuple(sorted(set(em.source) | set(em.target))) if em.symmetric else
            (tuple(em.source), tuple(em.target)))


def _dedupe(items: list[Item]) -> list[Item]:
    """One sentence telling one event twice ("impose sanctions": verb and noun) keeps the better one."""
    best: dict[tuple, Item] = {}
    for item in items:
        keep = best.get(_key(item[0]))
        if keep is None or item[0].confidence > keep[0].confidence:
            best[_key(item[0])] = item
    kept = {id(v[0]) for v in best.values()}
    for a in best.values():
        for b in best.values():
            ea, eb = a[0], b[0]
            if a is not b and ea.type == eb.type and id(ea) in kept and id(eb) in kept \
                    and set(ea.source) <= set(eb.source) and set(ea.target) <= set(eb.target) \
                    and (len(ea.source) + len(ea.target)) < (len(eb.source) + len(eb.target)):
                kept.discard(id(ea))
    return [it for it in items if id(it[0]) in kept]
