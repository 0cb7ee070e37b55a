"""Guess whether a clause looks forward or back from word cues, so normalize needs no parser."""
from __future__ import annotations

import re

from storyline.time.cues import cues

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
_WINDOW = 20  # words scanned either side of an expression
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:when|while|but|whereas|although|as)\b")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


_PAST_AUX = {"was", "were", "had"}
# cues that look forward whatever the tense of their own verb: what was called for or proposed is still to come
_ASKED = {"call", "calls", "called", "calling", "propose", "proposes", "proposed", "invited", "has"}


def _future_in_past(words: list[str], k: int) -> bool:
    """A future cue starting at k right after a past auxiliary ("was due to", "were expected to",
    "had been planned for", "was to"): a plan seen from the past, which may since have happened."""
    return words[k] not in _ASKED and any(w in _PAST_AUX for w in words[max(0, k - 3):k])


def _cue_at(words: list[str], i: int) -> str | None:
    """Tense signalled by the word at i (multi-word cues first, future before past); "unknown" for a
    future seen from the past ("was due to take effect on Saturday" may be past or coming)."""
    c = cues()
    for side in ("future", "past"):
        for phrase in c[side]["phrases"]:
            n = len(phrase)
            for k in range(max(0, i - n + 1), i + 1):
                if tuple(words[k:k + n]) == phrase:
                    return "unknown" if side == "future" and _future_in_past(words, k) else side
    w = words[i]
    if w in c["future"]["words"]:
        return "unknown" if _future_in_past(words, i) else "future"
    if w in c["past"]["words"]:
        return "past"
    if len(w) > 4 and w.endswith("ed") and w not in c["not_past"]:
        if i > 0 and words[i - 1] in ("is", "are", "am", "be", "being", "'s", "'re"):
            return None  # present passive ("are intended"), not a past event
        return "past"
    return None


def tense_around(text: str, start: int, end: int, sent: tuple[int, int]) -> str | None:
    """"future", "past" or None for the expression text[start:end] inside sentence sent."""
    s, e = sent
    before = text[s:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    after = text[end:e]
    brk = _CLAUSE_BREAK.search(after)
    if brk:
        after = after[:brk.start()]
    left = _words(before)[-_WINDOW:]
    right = _words(after)[:_WINDOW]
    # the nearest cue before the expression governs it; else the nearest one after
    for i in range(len(left) - 1, -1, -1):
        hit = _cue_at(left, i)
        if hit:
            return None if hit == "unknown" else hit
    for i in range(len(right)):
        hit = _cue_at(right, i)
        if hit:
            return None if hit == "unknown" else hit
    return None
