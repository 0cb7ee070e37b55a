"""One EventMention per trigger per sentence: type, actors, status, clause, place and confidence."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import EventMention, Mention
from .anaphora import agreement_objects, agreement_parties, antecedent, is_reference
from .args import embedded, noun_args, verb_args
from .location import attacked_city, country_of_city, location_of
from .match import match
from .patterns import Pattern, lexicon
from .roles import VERB_TAGS, ActorIndex, actors_of, subject_of
from .status import has_condition, status_of

_STATUS_WEIGHT = {"occurred": 1.0, "ongoing": 1.0, "scheduled": 0.9, "denied": 0.7,
                  "threatened": 0.6, "conditional": 0.5, "hypothetical": 0.5}
_CLAUSE_CUT = ("ccomp", "advcl", "relcl", "parataxis")


def _clause(head: Token, cut: list[Token]) -> tuple[int, int]:
    """Char span of the head's clause without sub-clauses and embedded events, around the head."""
    drop: set[int] = set()
    for c in head.children:
        if c.dep_ in _CLAUSE_CUT or (c.dep_ == "conj" and c.tag_ in VERB_TAGS):
            drop |= {x.i for x in c.subtree}
    for e in cut:
        if e is not head:
            drop |= {x.i for x in e.subtree}
    keep = sorted(x.i for x in head.subtree if x.i not in drop)
    lo = hi = head.i
    keep_set = set(keep)
    while lo - 1 in keep_set:
        lo -= 1
    while hi + 1 in keep_set:
        hi += 1
    doc = head.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _adj_args(tok: Token, idx: ActorIndex, earlier: list[EventMention]) -> tuple[list[str], list[str], Token]:
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
    tgt = [a for j in judged for a in actors_of(j, idx)]
    if not tgt:
        tgt = _anaphoric_target(judged, earlier, src, idx)
    return src, [a for a in tgt if a not in src], gov


def _anaphoric_target(objs: list[Token], earlier: list[EventMention], src: list[str], idx: ActorIndex) -> list[str]:
    """"that demand", "the strike", "the accusation": the actor of the earlier event the noun points to."""
    for o in objs:
        got = antecedent(o, earlier, src, idx.same_side)
        if got:
            return got
    return []


_REF_PREPS = ("against", "over", "to", "of", "about", "on", "for")


def _reacted_to(tok: Token) -> list[Token]:
    """Nouns a reacting verb takes as its object: "condemned the strike", "protested against the move"."""
    out = [c for c in tok.children if c.dep_ == "dobj"]
    out += [x for c in tok.children if c.dep_ == "oprd" for x in c.children  # "called the attack barbaric"
            if x.dep_ == "compound" and x.pos_ == "NOUN"]  # misparsed as one noun phrase
    out += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in _REF_PREPS
            for p in c.children if p.dep_ == "pobj"]
    return out


def _own_actors(noun: Token, idx: ActorIndex) -> bool:
    """An event noun with an actor of its own: "Peru's strike", "the attack on Chile", "its decision"."""
    return any(x.i in idx.tok for x in noun.subtree) or any(
        c.dep_ == "poss" for c in noun.children) or bool(idx.place_actor(noun))


_STRUCK_TYPES = ("ASSAULT", "COERCE")
_STRUCK_PREPS = ("on", "against", "at")


def _city_target(tok: Token, p: Pattern, idx: ActorIndex, src: list[str], tgt: list[str], place):
    """A city struck ("attack Odesa", "struck the port of Odesa") is a place: the target is its country.

    Also an assault placed in a city with no target named ("struck targets in Odesa") targets that city's
    country, unless it is the attacker's own side. Any actor minted on the city's name is replaced.
    """
    heads = [c for c in tok.children if c.dep_ == "dobj"] if p.pos == "verb" else []
    heads += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in _STRUCK_PREPS
              for o in c.children if o.dep_ == "pobj"]
    if p.pos == "noun":
        heads += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                  if o.dep_ == "pobj" and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "by")]
    hit = attacked_city(heads)
    if hit is not None:
        code, city, city_tok = hit
        on_city = {idx.tok[x.i] for x in city_tok.subtree if x.i in idx.tok}
        country = idx.by_country.get(code) or code
        if any(idx.same_side(country, s) for s in src):
            return tgt, place
        kept = [a for a in tgt if a not in on_city or idx.kind(a) == "country"]
        return list(dict.fromkeys(kept + [country])) if country not in kept else kept, city
    if place is not None and not tgt:
        code = country_of_city(place[0])
        country = (idx.by_country.get(code) or code) if code else None
        if country and not any(idx.same_side(country, s) for s in src):
            return [country], place
    return tgt, place


def _speech_time(tok: Token) -> list[list[int]]:
    """"X said on Sunday that its missiles had struck ...": a past perfect reported event lies before the
    saying, so the dates attached to the saying verb are not its own (spans to skip when dating)."""
    if not (tok.dep_ == "ccomp" and tok.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in tok.children)):
        return []
    say = tok.head
    return [[c.left_edge.idx, c.right_edge.idx + len(c.right_edge)] for c in say.children
            if c.dep_ in ("prep", "npadvmod") and c.i < tok.i]


def _shares_date(v: Token) -> bool:
    """A verb with no subject of its own coordinated with or hung on another ("refused on Monday to extend
    X and withdrew", "pulled out on Saturday, accusing Ukraine"): its governor's date is its date."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in v.children):
        return False
    return v.dep_ == "conj" and v.head.tag_ in VERB_TAGS or v.dep_ == "advcl" and v.tag_ in _BARE


def _own_news(v: Token) -> bool:
    """An act the report tells as its news: not past perfect ("had demanded"), not the background of a
    temporal clause ("since Russia invaded"). Undated, it is dated by the report's day in fusion."""
    lex = lexicon()
    for t in [v, *v.ancestors]:
        if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in t.children):
            return False
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex["background_marks"] for c in t.children):
            return False
        if t.dep_ in ("ROOT", "relcl") or t.dep_ == "ccomp" and t.head.lemma_.lower() in lex["reported_speech"]:
            break
    return True


_BARE = ("VBG", "VBN", "VB")


def _foreign_clauses(head: Token, trigger: Token) -> list[list[int]]:
    """Spans of clauses told beside the event, not around it: "X condemned the strike, his spokesman said,
    adding that all parties had committed on Friday": Friday dates the commitment, not the condemnation.

    Sub-clauses of the event's head and of every word above it that do not hold the trigger. A bare
    participle with no subject of its own ("Speaking on Friday, X condemned ...") shares the time of its
    governor: only the clauses inside it are foreign.
    """
    out: list[list[int]] = []
    holders = {trigger.i, head.i} | {a.i for a in trigger.ancestors} | {a.i for a in head.ancestors}

    def walk(t: Token) -> None:
        for c in t.children:
            if c.i in holders or not (c.dep_ in _CLAUSE_CUT or c.dep_ == "xcomp"
                                      or (c.dep_ == "conj" and c.tag_ in VERB_TAGS)):
                continue
            bare = c.tag_ in _BARE and c.dep_ in ("advcl", "xcomp") and not any(
                x.dep_ in ("nsubj", "nsubjpass", "mark") for x in c.children)
            if bare:
                walk(c)
            elif c.dep_ != "xcomp":
                out.append([c.left_edge.idx, c.right_edge.idx + len(c.right_edge)])
    for h in [head, *head.ancestors]:
        walk(h)
    return out


def _light_object(noun: Token, trigger_verbs: set[int]) -> bool:
    """"carried out the attack", "signed the agreement": a light verb tells the event itself."""
    head = noun.head
    return noun.dep_ == "dobj" and head.i not in trigger_verbs and head.lemma_.lower() in lexicon()["light_verbs"]


def _tail(noun: Token, gov: Token) -> int:
    """Last token of the verb's trailing modifiers after an embedded noun, up to a sub-clause."""
    end = noun.right_edge.i
    for i in range(noun.right_edge.i + 1, gov.right_edge.i + 1):
        t = noun.doc[i]
        if t.dep_ in _CLAUSE_CUT or t.dep_ in ("cc", "conj") or (t.lower_ in ("which", "who", "that", "when")):
            break
        end = i
    return end


def _condition_actors(gov: Token, idx: ActorIndex, src: list[str]) -> list[str]:
    """Who a conditional threat is aimed at: the actor of the condition ("if it invades", "a Russian attack")."""
    lex = lexicon()
    for c in gov.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex["conditional_marks"] for m in c.children):
            got = [a for a in subject_of(c, idx)[0] if a not in src]
            if got:
                return got
        if c.dep_ == "prep" and c.lower_ in ("in", "upon"):
            heads = [x for x in c.subtree if x.dep_ in ("poss", "amod", "compound", "nsubj") and x.i in idx.tok]
            got = [idx.tok[x.i] for x in heads if idx.tok[x.i] not in src]
            if got:
                return got[:1]
    return []


def _paragraph(em: EventMention, doc: Doc) -> None:
    """Evidence never crosses a line break (one paragraph a line): keep the trigger's line."""
    if "\n" not in em.text:
        return
    pos = (em.trigger_start if em.trigger_start is not None else em.start) - em.start
    lo = em.text.rfind("\n", 0, pos) + 1
    hi = em.text.find("\n", pos)
    hi = len(em.text) if hi < 0 else hi
    em.start, em.end, em.text = em.start + lo, em.start + hi, em.text[lo:hi]
    em.clause_start = max(em.clause_start or em.start, em.start)
    em.clause_end = min(em.clause_end or em.end, em.end)


def _threat_status(gov: Token) -> str:
    """A threat is made when uttered: its own status ignores the modal of the threatened act."""
    st = status_of(gov.head, gov.head) if gov.dep_ in ("ccomp", "xcomp") and gov.head is not gov else "occurred"
    return st if st in ("denied", "scheduled") else "occurred"


def _mention(doc_id: str, n: int, sent: Span, tok: Token, p: Pattern, src: list[str], tgt: list[str],
             status: str, clause: tuple[int, int], place, typ: str | None = None) -> EventMention:
    symmetric = p.symmetric
    if symmetric and not tgt and len(src) > 1:
        src, tgt = src[:1], src[1:]
    conf = p.conf * _STATUS_WEIGHT.get(status, 0.6) * (1.0 if src else 0.5) * (1.0 if tgt else 0.8)
    return EventMention(
        id=f"{doc_id}:{n}", doc=doc_id, type=typ or p.type, source=src, target=tgt,
        start=sent.start_char, end=sent.end_char, text=sent.text, trigger=tok.text, mode=p.mode,
        cameo=p.cameo, status=status, clause_start=clause[0], clause_end=clause[1],
        location=place[0] if place else None, lat=place[1] if place else None,
        lon=place[2] if place else None, symmetric=symmetric, confidence=round(conf, 3))


def extract_events(doc: Doc, doc_id: str, mentions: list[Mention]) -> list[EventMention]:
    """Event mentions of one parsed report; dates come later from assign_dates."""
    idx = ActorIndex(doc, mentions)
    out: list[EventMention] = []
    lex = lexicon()
    for sent in doc.sents:
        found = [(t, p) for t in sent if (p := match(t)) is not None]
        verbs = {t.i for t, p in found if p.pos == "verb"}
        trig = {t.i for t, _ in found}
        sent_out: list[tuple[EventMention, Token, list[Token]]] = []
        head_of: dict[int, Token] = {}
        for tok, p in found:
            cut: list[Token] = []
            if p.pos == "verb":
                src, tgt = verb_args(tok, p, idx)
                if src and not tgt:
                    refs = [o for o in _reacted_to(tok) if not _own_actors(o, idx)]
                    tgt = _anaphoric_target(refs, out, src, idx)
                if src and not tgt and p.type in ("RETREAT", "SANCTION"):
                    tgt = agreement_parties(tok, out, src, idx.same_side)
                gov = head = tok
                cut = [e for e in embedded(tok, p) if any(x.i in trig for x in e.subtree)]
            elif p.pos == "noun":
                if is_reference(tok, _own_actors(tok, idx)) and not _light_object(tok, verbs):
                    continue  # "condemned the strike": told before, the verb reacts to it
                src, tgt, gov = noun_args(tok, p, idx, verbs)
                head = tok if gov.i in verbs and gov is not tok else gov
                if head is tok and gov is not tok:  # embedded: trailing modifiers of the verb are ours
                    tail = _tail(tok, gov)
            else:
                if tok.head.i in verbs:
                    continue
                src, tgt, gov = _adj_args(tok, idx, out)
                head = tok.head
            about_deal = p.pos == "verb" and (p.parties or bool(agreement_objects(tok))) \
                and p.type in lex["party_types"]
            if not src and not tgt and not about_deal:
                continue
            if (p.needs_target or p.symmetric or p.type in ("ACCUSE", "REQUEST", "SANCTION", "ASSAULT",
                                                            "COERCE", "AID", "THREATEN", "REJECT")) and not tgt:
                if src:  # a one-sided event: kept only for fusion, never exported on its own
                    pass
            if p.needs_person_target and not any(idx.kind(a) == "person" for a in tgt):
                continue
            status = status_of(tok, gov)
            place = location_of([tok, gov] + [c for c in gov.children if c.dep_ == "dobj"])
            if p.type in _STRUCK_TYPES:
                tgt, place = _city_target(tok, p, idx, src, tgt, place)
            clause = _clause(head, cut)
            if p.pos == "noun" and head is tok and gov is not tok:
                clause = (clause[0], max(clause[1], doc[tail].idx + len(doc[tail])))
                cut = []
            em = _mention(doc_id, len(out) + len(sent_out), sent, tok, p, src, tgt, status, clause, place)
            if about_deal and not em.target:
                em.context.append("parties")
            if p.pos == "verb" and _shares_date(tok):
                em.context.append("shares-date")
            if status in ("occurred", "ongoing") and p.type in lex["news_day_types"] \
                    and _own_news(tok if p.pos == "verb" else gov):
                em.context.append("day")
            sent_out.append((em, tok, cut))
            head_of[id(em)] = head
            if p.type in lex["hostile_types"] and src and tgt and has_condition(gov):
                em.status = "conditional"
                threatened = _condition_actors(gov, idx, src) or tgt
                threat = _mention(doc_id, len(out) + len(sent_out), sent, tok, p, src, threatened,
                                  _threat_status(gov),
                                  clause, place, typ="THREATEN")
                threat.mode, threat.cameo = "conditional", "13"
                threat.confidence = round(0.7 * _STATUS_WEIGHT.get(threat.status, 0.6), 3)
                sent_out.append((threat, tok, cut))
                head_of[id(threat)] = head
        for em, tok, cut in _dedupe(sent_out):
            end = tok.right_edge.idx + len(tok.right_edge)
            em.trigger_start = tok.idx
            em.skip_spans = [[e.left_edge.idx, max(end, e.right_edge.idx + len(e.right_edge))] for e in cut]
            em.skip_spans += _speech_time(tok)
            em.skip_spans += _foreign_clauses(head_of[id(em)], tok)
            _paragraph(em, doc)
            em.id = f"{doc_id}:{len(out)}"  # numbered after dedupe: ids stay unique in the report
            out.append(em)
    return out


def _dedupe(items: list[tuple[EventMention, Token, list[Token]]]) -> list[tuple[EventMention, Token, list[Token]]]:
    """One sentence telling one event twice ("impose sanctions": verb and noun) keeps the better one."""
    best: dict[tuple, tuple[EventMention, Token, list[Token]]] = {}
    for item in items:
        em = item[0]
        key = (em.type, tuple(sorted(set(em.source) | set(em.target))) if em.symmetric else
               (tuple(em.source), tuple(em.target)))
        keep = best.get(key)
        if keep is None or (em.confidence > keep[0].confidence):
            best[key] = item
    kept = {id(v[0]) for v in best.values()}
    for a in best.values():
        for b in best.values():
            if a is not b and a[0].type == b[0].type and id(a[0]) in kept and id(b[0]) in kept \
                    and set(a[0].source) <= set(b[0].source) and set(a[0].target) <= set(b[0].target) \
                    and (len(a[0].source) + len(a[0].target)) < (len(b[0].source) + len(b[0].target)):
                kept.discard(id(a[0]))
    return [it for it in items if id(it[0]) in kept]
