"""Source and target from sentence structure: actor mentions mapped onto dependency heads."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from .patterns import lexicon, regions

VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
MOD_DEPS = ("compound", "amod", "nmod", "npadvmod", "poss")


class ActorIndex:
    """Which token belongs to which actor, and what kind each actor is, for one parsed report."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.tok: dict[int, str] = {}
        self.mentions = sorted(mentions, key=lambda m: m.start)
        for m in self.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for t in span or []:
                self.tok.setdefault(t.i, m.actor)
        actors = doc._.actors if Doc.has_extension("actors") else None
        self.actors = actors or {}
        self.by_country = {a.country: a.id for a in self.actors.values()
                           if getattr(a, "kind", None) == "country" and a.country}

    def affiliation(self, actor_id: str) -> str | None:
        a = self.actors.get(actor_id)
        return getattr(a, "affiliation", None) if a is not None else None

    def same_side(self, a: str, b: str) -> bool:
        """A person and the state or organisation they act for are one side of an event."""
        return a == b or self.affiliation(a) == b or self.affiliation(b) == a

    def kind(self, actor_id: str) -> str:
        """Actor kind from the actors component, else guessed from the id's shape."""
        a = self.actors.get(actor_id)
        if a is not None and getattr(a, "kind", None):
            return a.kind
        if actor_id.startswith("person:") or (actor_id.islower() and "_" in actor_id):
            return "person"
        return "country" if actor_id.isupper() and len(actor_id) == 3 else "organization"

    def place_actor(self, tok: Token) -> str | None:
        """A region named as an object ("Crimea") stands for the country it belongs to."""
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        name = (ent.text if ent is not None else tok.text).lower().removeprefix("the ")
        code = regions().get(name)
        if not code:
            return None
        return self.by_country.get(code) or (code if code in self.actors or not self.actors else None)


def _uniq(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in ids if i))


def conjuncts(tok: Token) -> list[Token]:
    """The token and the heads coordinated with it ("X, Y and Z")."""
    out, todo = [tok], [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                todo.append(c)
    return out


def in_condition(tok: Token) -> bool:
    """True when the token sits inside an "if"/"unless" clause."""
    lex = lexicon()
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex["conditional_marks"] for c in a.children):
            return True
    return False


def resolve_pronoun(tok: Token, idx: ActorIndex) -> list[str]:
    """he/she/it/they -> the main-clause subject if compatible, else the nearest preceding actor."""
    lex = lexicon()
    low = tok.lower_
    if low in lex["pronouns_person"]:
        ok = lambda a: idx.kind(a) == "person"  # noqa: E731
    elif low in lex["pronouns_thing"]:
        ok = lambda a: idx.kind(a) != "person"  # noqa: E731
    elif low in lex["pronouns_plural"]:
        ok = lambda a: idx.kind(a) != "person"  # noqa: E731
    else:
        return []
    sent = tok.sent
    if not in_condition(tok):
        root = sent.root
        for s in root.children:
            if s.dep_ in ("nsubj", "nsubjpass") and s.i < tok.i:
                got = [a for a in actors_of(s, idx, depth=2, pronouns=False) if ok(a)]
                if got:  # "X and Y ... their": a plural pronoun takes every conjunct
                    return got if low in lex["pronouns_plural"] else got[:1]
    lo = sent.start_char
    before = _previous_sentence(sent)
    prev = before.start_char if before is not None else lo
    for m in reversed(idx.mentions):  # this sentence first
        if lo <= m.start < tok.idx and ok(m.actor):
            return [m.actor]
    if before is not None:  # "Chile accused Peru of spying. It said ...": the previous subject
        for s in before.root.children:
            if s.dep_ in ("nsubj", "nsubjpass"):
                got = [a for a in actors_of(s, idx, depth=2, pronouns=False) if ok(a)]
                if got:  # "X and Y ... their": a plural pronoun takes every conjunct
                    return got if low in lex["pronouns_plural"] else got[:1]
    for m in reversed(idx.mentions):
        if prev <= m.start < lo and ok(m.actor):
            return [m.actor]
    return []


def _previous_sentence(sent: Span) -> Span | None:
    """The sentence before, when it is in the same paragraph (no line break between): pronouns do not
    reach across paragraphs."""
    if sent.start == 0:
        return None
    doc = sent.doc
    before = doc[sent.start - 1].sent
    # the tokens' own text, not doc.text: that rebuilds the whole report's text on every call
    broken = any("\n" in t.text or "\n" in t.whitespace_ for t in doc[before.start:sent.start])
    return None if broken else before


def actors_of(tok: Token, idx: ActorIndex, depth: int = 3, pronouns: bool = True) -> list[str]:
    """Actors a noun phrase stands for: its head, apposition, modifiers, possessor, coordination."""
    out: list[str] = []
    for t in conjuncts(tok):
        out += _head_actors(t, idx, depth, pronouns)
    return _uniq(out)


def _head_actors(t: Token, idx: ActorIndex, depth: int, pronouns: bool) -> list[str]:
    lex = lexicon()
    if t.i in idx.tok:  # "Armenian and Azerbaijani troops": a coordinated modifier names every party
        coord = [idx.tok[x.i] for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i
                 and any(k.dep_ == "conj" for k in c.children) for x in c.subtree if x.i in idx.tok]
        return _uniq(coord + [idx.tok[t.i]])
    if t.lower_ in lex["relative_pronouns"] and t.head.dep_ == "relcl":
        return actors_of(t.head.head, idx, depth - 1, pronouns) if depth > 0 else []
    if t.pos_ == "PRON":
        return resolve_pronoun(t, idx) if pronouns else []
    if depth <= 0:
        return []
    for dep in (("appos",), ("compound", "amod", "nmod", "npadvmod"), ("poss",)):
        got: list[str] = []
        for c in t.children:
            if c.dep_ in dep and c.i < t.i or (c.dep_ in dep and dep == ("appos",)):
                got += [idx.tok[x.i] for x in c.subtree if x.i in idx.tok]
                if c.dep_ == "poss" and not got and c.pos_ == "PRON" and pronouns:
                    got += resolve_pronoun(c, idx)
        if got:
            return _uniq(got)[:1] if dep == ("poss",) else _uniq(got)
    for x in t.subtree:  # "the organisation for security ... in Europe (OSCE)": a bracketed acronym
        if x.dep_ == "appos" and x.i in idx.tok and x.text.isupper() and x.i > t.i and x.i - t.i < 12:
            return [idx.tok[x.i]]
    for c in t.children:  # "farmers from X", "the leaders of X"
        if c.dep_ == "prep" and (c.lower_ == "from" or c.lower_ == "of" and t.lemma_.lower() in lex["proxy_nouns"]):
            for p in c.children:
                if p.dep_ == "pobj":
                    return actors_of(p, idx, depth - 1, pronouns)
    place = idx.place_actor(t)
    return [place] if place else []


def subject_of(v: Token, idx: ActorIndex, depth: int = 4) -> tuple[list[str], list[str]]:
    """(source, passive target) of a verb, climbing to the controller when it has no subject."""
    src: list[str] = []
    tgt: list[str] = []
    for c in v.children:
        if c.dep_ == "nsubj":
            src += actors_of(c, idx)
        elif c.dep_ == "nsubjpass":
            tgt += actors_of(c, idx)
        elif c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    src += actors_of(p, idx)
    passive = any(c.dep_ in ("nsubjpass", "agent", "auxpass") for c in v.children)
    if src or tgt or depth <= 0 or passive:  # "X had been attacked by drones": no climbing to the speaker
        return _uniq(src), _uniq(tgt)
    return controller(v, idx, depth), []


def _control_slots(g: Token) -> tuple[str, ...]:
    """Who does what a verb embeds: its pattern's ``control`` slot ("urged X to V": X), else any object of a
    verb of the lexicon's ``object_control`` ("forced X to V")."""
    from .match import match  # match reads roles: imported late

    p = match(g)
    if p is not None and p.control:
        return (p.control,)
    return ("dobj", "on") if g.lemma_.lower() in lexicon()["object_control"] else ()


def controller(v: Token, idx: ActorIndex, depth: int) -> list[str]:
    """Subject of a subjectless verb: object control (accuse X of V-ing), else the governor's subject."""
    lex = lexicon()
    if v.dep_ in ("acl", "amod") and v.head.pos_ in ("NOUN", "PROPN") and v.tag_ == "VBG":
        own = actors_of(v.head, idx)
        if own:
            return own
    if v.dep_ == "relcl" or v.dep_ == "acl" and v.tag_ == "VBD" and v.head.pos_ in ("NOUN", "PROPN"):
        return actors_of(v.head, idx)  # a finite verb misparsed as a modifier: "Brazilian miners protested"
    g = v.head
    if g.dep_ == "prep" and v.dep_ in ("pcomp", "pobj", "amod"):
        g = g.head
        if g.dep_ in ("advmod", "acomp") and g.head.tag_ in VERB_TAGS:  # "stopped short of endorsing"
            g = g.head
    if v.dep_ == "amod":  # a participle misparsed as modifier: "of massing troops"
        g = v.head.head.head if v.head.head.dep_ == "prep" else v.head.head
    if g.pos_ == "ADJ" and g.dep_ in ("acomp", "oprd") and g.head.tag_ in VERB_TAGS:
        g = g.head  # "X is ready/willing/prepared to V": the subject of the copula
    if g is v or g.i == v.i:
        return []
    if g.tag_ in VERB_TAGS:
        slots = _control_slots(g) if v.dep_ != "conj" else ()
        if slots:
            for c in g.children:
                if c.dep_ == "dobj" and "dobj" in slots:
                    got = actors_of(c, idx)
                    if got:
                        return got
                if c.dep_ == "prep" and c.lower_ == "on" and "on" in slots:
                    for p in c.children:
                        if p.dep_ == "pobj" and actors_of(p, idx):
                            return actors_of(p, idx)
        return subject_of(g, idx, depth - 1)[0]
    if g.pos_ in ("NOUN", "PROPN"):
        return [a for c in g.children if c.dep_ in MOD_DEPS for a in actors_of(c, idx)]
    return []


def of_chain(tok: Token, steps: int, preps: tuple[str, ...] = ("of",),
             go_on: Callable[[Token], bool] | None = None) -> list[Token]:
    """The token and up to ``steps`` nested "of" objects: "the port of Odesa", "tens of thousands of soldiers";
    ``go_on`` may stop the walk at a token that leads no further (e.g. one that is not an amount)."""
    out, cur = [tok], tok
    for _ in range(steps):
        if go_on is not None and not go_on(cur):
            break
        nxt = [p for c in cur.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
               if p.dep_ == "pobj"]
        if not nxt:
            break
        cur = nxt[0]
        out.append(cur)
    return out


def prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    """Objects of the given prepositions attached to a token."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            out += [p for p in c.children if p.dep_ == "pobj"]
    return out


_NOT_PLACES = {"response", "reaction", "retaliation", "answer", "reply", "return", "protest", "exchange"}


def mentioned_in(tokens: list[Token], idx: ActorIndex, exclude: list[str], places: bool = False,
                 skip: set[int] | None = None) -> list[str]:
    """Every actor mentioned in some subtrees (a looser fallback for locative and embedded slots)."""
    out = []
    skip = skip or set()
    for t in tokens:
        if places and any(p.lemma_.lower() in _NOT_PLACES for p in t.children if p.dep_ == "pobj"):
            continue
        for x in t.subtree:
            if x.i in skip:
                continue
            a = idx.tok.get(x.i) or (idx.place_actor(x) if x.pos_ == "PROPN" else None)
            if a and a not in exclude and not (places and idx.kind(a) == "person"):
                out.append(a)
    return _uniq(out)


def subject_phrase_actors(v: Token, idx: ActorIndex) -> list[str]:
    """Actors named anywhere inside the subject of a verb or of the verbs above it ("students throughout
    Indonesia", "the APEC forum's members"): a looser source for events the classifier codes."""
    cur: Token | None = v
    for _ in range(4):
        if cur is None:
            break
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if subj:
            return mentioned_in(subj, idx, [])
        cur = cur.head if cur.head is not cur else None
    return []


def sentence_of(tok: Token) -> Span:
    return tok.sent
