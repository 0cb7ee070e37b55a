"""Helpers for the date-solver tests: catalogue-style mentions for a few invented (or real) names, the
solver run with them, and a report dated by its metadata. A plain module beside the tests (the tests
share one global conftest)."""
from __future__ import annotations

import re
from typing import Callable

from storyline.model import Document, Mention
from storyline.time import infer_published


def solver(names: dict[str, str]) -> Callable[..., dict]:
    """infer_published over the given reports, with mentions of names (text -> actor id) as the actor stage gives them."""
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")

    def mentions(doc: Document) -> list[Mention]:
        return [Mention(doc=doc.id, actor=names[m.group()], start=m.start(), end=m.end(), text=m.group())
                for m in pattern.finditer(doc.body)]

    def run(*docs: Document) -> dict:
        return infer_published(list(docs), {d.id: mentions(d) for d in docs})
    return run


def dated(i: str, day: str, body: str) -> Document:
    """A report dated by its metadata."""
    return Document(id=i, published=day, published_source="metadata", published_confidence=1.0, body=body)
