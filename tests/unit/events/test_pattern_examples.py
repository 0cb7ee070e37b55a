"""Every event pattern carries a worked example ("example" on its line): run through the pipeline, the
example tells an event of that pattern's type. The event must come from the patterns, not from the
sentence classifier's own proposal (context "learned"), or a pattern that never fires would pass unseen.
Each case is named by its file:line."""
from __future__ import annotations

import json
from importlib import resources

import pytest

FILES = ("verbs.jsonl", "nouns.jsonl", "adjectives.jsonl")

#: file:line -> why no sentence can fire it (none now: hyphenated triggers such as "de-escalate" and
#: "sit-in" are kept one token by storyline.nlp, so they fire like any other)
CANNOT_FIRE: dict[str, str] = {}


def _cases() -> list:
    out = []
    folder = resources.files("storyline.resources").joinpath("events")
    for name in FILES:
        for n, line in enumerate(folder.joinpath(name).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            row = json.loads(line)
            if "example" not in row:
                continue
            where = f"{name}:{n}"
            marks = [pytest.mark.xfail(reason=CANNOT_FIRE[where], strict=True)] if where in CANNOT_FIRE else []
            out.append(pytest.param(row["type"], row["lemma"], row["example"], id=where, marks=marks))
    return out


CASES = _cases()


def test_every_pattern_line_has_an_example():
    assert len(CASES) == sum(
        1 for name in FILES
        for line in resources.files("storyline.resources").joinpath("events", name).read_text(
            encoding="utf-8").splitlines() if line.strip() and not line.lstrip().startswith("#"))


@pytest.mark.parametrize("type_,lemma,example", CASES)
def test_the_example_fires_its_pattern(events, type_, lemma, example):
    ems = events(example)
    fired = [e for e in ems if e.type == type_ and "learned" not in e.context]
    assert fired, (f"{lemma!r} ({type_}) did not fire on {example!r}; found "
                   f"{[(e.type, e.trigger, e.source, e.target, e.context) for e in ems]}")
