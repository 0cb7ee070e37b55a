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
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


_TUPLES = {"target", "prt", "obj", "not_obj", "oprd", "subtree_any", "light_only", "needs_compound"}


def _read_jsonl(name: str, pos: str) -> list[Pattern]:
    text = resources.files(_PKG).joinpath("events", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        row = json.loads(line)
        known = {k: (tuple(v) if k in _TUPLES else v) for k, v in row.items()
                 if k in Pattern.__dataclass_fields__}
        out.append(Pattern(pos=pos, **known))
    return out


@lru_cache(maxsize=1)
def patterns() -> dict[str, dict[str, list[Pattern]]]:
    """pos -> lemma -> patterns (in file order: the first whose constraints hold wins)."""
    table: dict[str, dict[str, list[Pattern]]] = {"verb": {}, "noun": {}, "adj": {}}
    for name, pos in (("verbs.jsonl", "verb"), ("nouns.jsonl", "noun"), ("adjectives.jsonl", "adj")):
        for p in _read_jsonl(name, pos):
            table[pos].setdefault(p.lemma, []).append(p)
    return table


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Closed word classes (light verbs, modal and conditional cues, pronouns) as frozensets."""
    raw = json.loads(resources.files(_PKG).joinpath("events", "lexicon.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Region name (lower case) -> ISO alpha-3 of the country it belongs to."""
    raw = json.loads(resources.files(_PKG).joinpath("places", "regions.json")
                     .read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}
