"""Where an event mention's words are: its clause, the clauses told beside it, and what dates it.

The clause of an event is the head's subtree without sub-clauses and embedded events; its dates are
the dates of that clause. Spans of clauses told beside the event, of the saying verb of a past perfect
report and of embedded events are skipped when dating (``skip_spans``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import EventMention
from .patterns import lexicon
from .roles import VERB_TAGS

CLAUSE_CUT = ("ccomp", "advcl", "relcl", "parataxis")
_BARE = ("VBG", "VBN", "VB")


def clause(head: Token, cut: list[Token]) -> tuple[int, int]:
    """Char span of the head's clause without sub-clauses and embedded events, around the head."""
    drop: set[int] = set()
    for c in head.children:
        if c.dep_ in CLAUSE_CUT or (c.dep_ == "conj" and c.tag_ in VERB_TAGS):
            drop |= {x.i for x in c.subtree}
    for e in cut:
        if e is not head:
            drop |= {x.i for x in e.subtree}
    keep_set = {x.i for x in head.subtree if x.i not in drop}
    lo = hi = head.i
    while lo - 1 in keep_set:
        lo -= 1
    while hi + 1 in keep_set:
        hi += 1
    doc = head.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def speech_time(tok: Token) -> list[list[int]]:
    """"X said on Sunday that its missiles had struck ...": a past perfect reported event lies before the
    saying, so the dates attached to the saying verb are not its own (spans to skip when dating)."""
    if not (tok.dep_ == "ccomp" and tok.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in tok.children)):
        return []
    say = tok.head
    return [[c.left_edge.idx, c.right_edge.idx + len(c.right_edge)] for c in say.children
            if c.dep_ in ("prep", "npadvmod") and c.i < tok.i]


def _own_time(v: Token) -> bool:
    """"rejoined a few days later", "then withdrew": a time of its own, told relative to the governor's."""
    cues = lexicon()["sequence_adverbs"]
    return any(c.dep_ in ("advmod", "npadvmod") and (c.lower_ in cues or any(x.lower_ in cues for x in c.subtree))
               for c in v.children)


def shares_date(v: Token) -> bool:
    """A verb with no subject of its own coordinated with or hung on another ("refused on Monday to extend
    X and withdrew", "pulled out on Saturday, accusing Ukraine"): its governor's date is its date. Not when
    it is told as coming after ("suspended last month but rejoined a few days later")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in v.children) or _own_time(v):
        return False
    return v.dep_ == "conj" and v.head.tag_ in VERB_TAGS or v.dep_ == "advcl" and v.tag_ in _BARE


def own_news(v: Token) -> bool:
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


_BEFORE_AFTER = ("after", "before", "since", "until", "till")


def relative_clause_time(head: Token) -> bool:
    """The event is told as the time reference of another at a distance ("..., a day after the attack drew
    condemnation", "hours before talks began"): the other event's date is not its date; only a date in its
    own clause is. Without a distance ("sanctions put in place in 2014 after it annexed Crimea") the other's
    date still bounds it and is kept."""
    for t in [head, *head.ancestors]:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BEFORE_AFTER for c in t.children):
            return any(c.dep_ == "npadvmod" and c.i < t.i for c in t.children)
        if t.dep_ in ("ccomp", "relcl", "ROOT"):
            return False
    return False


def foreign_clauses(head: Token, trigger: Token) -> list[list[int]]:
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
            if c.i in holders or not (c.dep_ in CLAUSE_CUT or c.dep_ == "xcomp"
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
    for x in head.subtree:  # "the first such strike since the 1971 war": a "since" phrase measures from another time
        if x.dep_ == "prep" and x.lower_ == "since" and x.i not in holders and any(c.dep_ == "pobj" for c in x.children):
            out.append([x.idx, x.right_edge.idx + len(x.right_edge)])
    return out


def tail(noun: Token, gov: Token) -> int:
    """Last token of the verb's trailing modifiers after an embedded noun, up to a sub-clause."""
    end = noun.right_edge.i
    for i in range(noun.right_edge.i + 1, gov.right_edge.i + 1):
        t = noun.doc[i]
        if t.dep_ in CLAUSE_CUT or t.dep_ in ("cc", "conj") or (t.lower_ in ("which", "who", "that", "when")):
            break
        end = i
    return end


def keep_paragraph(em: EventMention, doc: Doc) -> None:
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
