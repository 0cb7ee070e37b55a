"""Event trigger patterns and closed word classes, loaded once per process from resources/events."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

_PKG = "storyline.resources"


@dataclass(frozen=True)
class Pattern:
    """One trigger: a lemma and its PLOVER coding plus the constraints that make it fire."""

    lemma: str
    pos: str                      # verb | noun | adj
    type: str
    mode: str | None = None
    cameo: str | None = None
    target: tuple[str, ...] = ()  # argument slots searched for the target, in order
    symmetric: bool = False
    conf: float = 0.6
    prt: tuple[str, ...] = ()     # required particle ("rule out", "build up")
    prep: str | None = None       # required preposition ("call for")
    obj: tuple[str, ...] = ()     # required object lemma ("sever ties", "impose sanctions")
    not_obj: tuple[str, ...] = ()  # never with these object lemmas ("released a video")
    oprd: tuple[str, ...] = ()    # required object predicate ("call X unacceptable")
    subtree_any: tuple[str, ...] = ()  # some lemma of the subtree must be one of these ("IF": a condition)
    control: str | None = None    # who is the subject of an embedded event: "dobj", "on"
    embed: str | None = None      # preposition introducing an embedded event ("for", "of")
    needs_target: bool = False
    needs_person_target: bool = False
    light_only: tuple[str, ...] = ()   # nouns that fire only as object of these verbs
    needs_compound: tuple[str, ...] = ()
    plural: bool = False          # noun fires only in the plural ("talks", "sanctions")
    no_dobj: bool = False         # fires only without a direct object ("call for X", not "call X a relief for")
    poss_target: bool = False     # the possessor is who it is done to ("his release", "their capture")
    threat: bool = False          # a promised act ("would respond"): a THREATEN made when uttered
    parties: bool = False         # an agreement's life ("rejoined", "extended"): no target named, the parties
    reverse: bool = False         # the subject receives ("Peru received a loan from Japan"): source from "from"
    denied_as: str | None = None  # the type a denial of this act is ("would never recognise X": REJECT)
    of_source: bool = False       # a noun whose "of" names who acts and "from" whom ("the withdrawal of X from Y")
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


_TUPLES = {"target", "prt", "obj", "not_obj", "oprd", "subtree_any", "light_only", "needs_compound"}
_KINDS = {"lemma": str, "type": str, "mode": str, "cameo": str, "conf": (int, float), "symmetric": bool,
          "prep": str, "control": str, "embed": str, "needs_target": bool, "needs_person_target": bool,
          "plural": bool, "no_dobj": bool, "poss_target": bool, "threat": bool, "parties": bool, "reverse": bool,
          "of_source": bool,
          "denied_as": str,
          "example": str, **{k: list for k in _TUPLES}}
#: target slots that are not a bare preposition (see README.md); "<prep>_deep", "<prep>_poss", "<prep>_actor" too
_SLOTS = {"dobj", "dobj_actor", "dobj_event", "dobj_poss", "dative", "loc", "embedded", "embedded_actors",
          "embedded_subject", "purpose", "arrive"}
_CONTROL = {"dobj", "on"}


def _slot_ok(slot: str) -> bool:
    if slot in _SLOTS:
        return True
    base, _, suffix = slot.partition("_")
    return base.isalpha() and base.islower() and suffix in ("", "deep", "poss", "actor")


@lru_cache(maxsize=1)
def modes() -> dict[str, dict]:
    """modes.json: per PLOVER type, the codebook's modes and the pattern acts that export as them."""
    raw = json.loads(resources.files(_PKG).joinpath("events", "modes.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def export_mode(typ: str, act: str | None) -> str | None:
    """The codebook mode an event of this type and pattern act is exported with (None: the type alone)."""
    table = modes().get(typ)
    if table is None or act is None:
        return None
    if act in table["codebook"]:
        return act
    return table["acts"].get(act)


def check(row: dict, where: str) -> None:
    """One pattern line against the schema: an unknown key, type, mode, slot or kind fails with its place."""
    from ..errors import PatternError

    for k, v in row.items():
        if k not in _KINDS:
            raise PatternError(f"{where}: unknown key {k!r} (known: {', '.join(sorted(_KINDS))})")
        if not isinstance(v, _KINDS[k]) or isinstance(v, bool) and _KINDS[k] is not bool:
            raise PatternError(f"{where}: {k!r} must be {getattr(_KINDS[k], '__name__', 'a number')}, not {v!r}")
    for k in ("lemma", "type"):
        if k not in row:
            raise PatternError(f"{where}: missing key {k!r}")
    table = modes()
    if row["type"] not in table:
        raise PatternError(f"{where}: unknown PLOVER type {row['type']!r} (known: {', '.join(table)})")
    mode = row.get("mode")
    if mode is not None and mode not in table[row["type"]]["acts"] and mode not in table[row["type"]]["codebook"]:
        raise PatternError(f"{where}: unknown mode {mode!r} for {row['type']} (add it to modes.json)")
    for slot in row.get("target", []):
        if not _slot_ok(slot):
            raise PatternError(f"{where}: unknown target slot {slot!r}")
    if row.get("denied_as") is not None and row["denied_as"] not in table:
        raise PatternError(f"{where}: unknown PLOVER type {row['denied_as']!r} in denied_as")
    if row.get("control") is not None and row["control"] not in _CONTROL:
        raise PatternError(f"{where}: unknown control {row['control']!r} (known: {', '.join(sorted(_CONTROL))})")


def parse_lines(text: str, name: str, pos: str) -> list[Pattern]:
    """Patterns from JSONL text, each line checked against the schema."""
    from ..errors import PatternError

    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternError(f"{name}:{n}: not JSON: {exc.msg}") from exc
        if not isinstance(row, dict):
            raise PatternError(f"{name}:{n}: a pattern is a JSON object")
        check(row, f"{name}:{n}")
        known = {k: (tuple(v) if k in _TUPLES else v) for k, v in row.items() if k != "example"}
        out.append(Pattern(pos=pos, **known))
    return out


def _read_jsonl(name: str, pos: str) -> list[Pattern]:
    text = resources.files(_PKG).joinpath("events", name).read_text(encoding="utf-8")
    return parse_lines(text, name, pos)


@lru_cache(maxsize=1)
def patterns() -> dict[str, dict[str, list[Pattern]]]:
    """pos -> lemma -> patterns (in file order: the first whose constraints hold wins)."""
    table: dict[str, dict[str, list[Pattern]]] = {"verb": {}, "noun": {}, "adj": {}}
    for name, pos in (("verbs.jsonl", "verb"), ("nouns.jsonl", "noun"), ("adjectives.jsonl", "adj")):
        for p in _read_jsonl(name, pos):
            table[pos].setdefault(p.lemma, []).append(p)
    return table


#: the word classes lexicon.json must define (README.md says what each is for); no other key loads
LEXICON_KEYS = frozenset({
    "amount_words", "arrival_verbs", "background_clause_marks", "border_nouns", "own_force_modes",
    "agreement_acts", "attribution_verbs", "background_marks", "background_preps", "blame_nouns",
    "claiming_verbs", "conditional_marks", "conditional_nouns", "denied_nouns", "domestic_targets",
    "drawing_verbs", "hostile_types", "hypothetical_governors", "involvement_nouns",
    "leaving_types", "light_verbs", "location_preps", "modal_future", "modal_hypothetical",
    "negating_governors", "negating_phrases", "news_day_types", "object_control", "object_preps",
    "party_types", "pronouns_person", "pronouns_plural", "pronouns_thing", "proxy_nouns",
    "reaction_nouns", "relative_pronouns", "reported_speech", "responsibility_verbs",
    "scheduled_governors", "sequence_adverbs", "telling_verbs", "vowing_words"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Closed word classes (light verbs, modal and conditional cues, pronouns) as frozensets, checked: every
    class in LEXICON_KEYS, no other, each a list of strings."""
    raw = json.loads(resources.files(_PKG).joinpath("events", "lexicon.json").read_text(encoding="utf-8"))
    return check_lexicon(raw)


def check_lexicon(raw: dict) -> dict[str, frozenset[str]]:
    """The word classes of a lexicon.json mapping, or PatternError naming what is wrong."""
    from ..errors import PatternError

    keys = {k for k in raw if not k.startswith("_")}
    if keys - LEXICON_KEYS:
        raise PatternError(f"lexicon.json: unknown word class {sorted(keys - LEXICON_KEYS)}")
    if LEXICON_KEYS - keys:
        raise PatternError(f"lexicon.json: missing word class {sorted(LEXICON_KEYS - keys)}")
    for k in keys:
        if not isinstance(raw[k], list) or not all(isinstance(w, str) for w in raw[k]):
            raise PatternError(f"lexicon.json: {k}: a word class is a list of strings")
    return {k: frozenset(raw[k]) for k in keys}


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Region name (lower case) -> ISO alpha-3 of the country it belongs to."""
    raw = json.loads(resources.files(_PKG).joinpath("places", "regions.json")
                     .read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}
