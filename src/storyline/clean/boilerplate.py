"""Remove page furniture from plain text, line by line, keeping every line of the story.

Two kinds of evidence decide: general cues kept as data (``resources/clean/boilerplate.yaml``)
and structure. An end cue (a comment form, "Comments are closed") closes the story for good. A tail cue ("Leave a Reply", "Related Stories", "Check Also") opens a zone of
furniture that lasts while the lines are not story prose (teaser headlines, link text, author
bios, prose that shares almost no words with the story); the first story-like prose line
closes it, so a cue in mid-article never eats the rest of the report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# --- tunable numbers (kept together, trafilatura-style) ---------------------------------
PROSE_MIN_WORDS = 8          # a line with fewer words that lacks end punctuation is headline-shaped
RELATED_MIN_SHARE = 0.25     # share of a zone line's content words that must occur elsewhere in the story
BIO_LAST_LINES = 2           # author bios are also looked for in the last lines of a report

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_ALNUM = re.compile(r"\w")
_END = re.compile(r"[.!?…\"'”’)\]]\s*$")
_STOP = frozenset(
    "that this with from have been were they their there which would could should about after "
    "before also into over than then them these those what when where while will your more most "
    "said says some such only other very just many much said".split()
)


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns (see the YAML file for what each list means)."""

    line: tuple[re.Pattern, ...]
    tail: tuple[re.Pattern, ...]
    end: tuple[re.Pattern, ...]
    bio: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Load and compile the cue file once per process."""
    data = yaml.safe_load(resources.files("storyline.resources").joinpath("clean/boilerplate.yaml").read_text())
    line = tuple(re.compile(p, re.I) for p in data["line"])
    tail = tuple(re.compile(p, re.I) for p in data["tail"])
    end = tuple(re.compile(p, re.I) for p in data["end"])
    bio = tuple(re.compile(p) for p in data["bio"])
    return Cues(line, tail, end, bio)


def _full(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    return any(p.fullmatch(text) for p in patterns)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


def is_prose(text: str) -> bool:
    """A story sentence: enough words and sentence-final punctuation."""
    return len(text.split()) >= PROSE_MIN_WORDS and bool(_END.search(text))


def is_bio(text: str) -> bool:
    return any(p.search(text) for p in cues().bio)


def is_furniture_line(text: str) -> bool:
    """Furniture wherever it stands: lone punctuation, or a whole-line cue."""
    return not _ALNUM.search(text) or _full(cues().line, text)


def clean_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split lines into (kept story lines, removed furniture lines), both in order."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in lines]
    lines = [ln for ln in lines if ln]
    c = cues()
    marks = ["keep"] * len(lines)
    zone = ended = False
    for i, ln in enumerate(lines):
        ended = ended or _full(c.end, ln)
        if ended:  # the comment section or footer: nothing after it is story
            marks[i] = "drop"
            continue
        if _full(c.tail, ln):
            marks[i], zone = "drop", True
        elif is_furniture_line(ln):
            marks[i] = "drop"
        elif zone:
            marks[i] = "zone"  # decided below, once the story's vocabulary is known
        if zone and marks[i] == "zone" and is_prose(ln) and not is_bio(ln):
            marks[i] = "zone-prose"
    vocab_lines = [_words(ln) for ln in lines]
    story = [i for i, m in enumerate(marks) if m == "keep"]
    for i, m in enumerate(marks):
        if m == "zone":
            marks[i] = "drop"
        elif m == "zone-prose":
            others = set().union(*(vocab_lines[j] for j in story if j != i)) if story else set()
            words = vocab_lines[i]
            share = len(words & others) / len(words) if words else 0.0
            marks[i] = "keep" if share >= RELATED_MIN_SHARE else "drop"
    kept_idx = [i for i, m in enumerate(marks) if m == "keep"]
    for i in kept_idx[-BIO_LAST_LINES:]:
        if is_bio(lines[i]):
            marks[i] = "drop"
    kept = [ln for ln, m in zip(lines, marks) if m == "keep"]
    removed = [ln for ln, m in zip(lines, marks) if m != "keep"]
    return kept, removed
