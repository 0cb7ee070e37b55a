"""The dev seeds end to end: infer the missing dates, normalise each body, score with the shared scorer."""
import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import pytest

from storyline.model import Document, Mention
from storyline.time import infer_published, normalize

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
pytestmark = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds absent")


def _scorer():
    spec = importlib.util.spec_from_file_location("storyline_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _docs() -> list[Document]:
    docs = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        docs.append(Document(id=path.stem, title=title.strip(), body=body.strip("\n")))
    return docs


def _crude_mentions(doc: Document) -> list[Mention]:
    """Capitalised names as their own actor ids: the solver must not need a real actor stage."""
    return [Mention(doc=doc.id, actor=m.group().lower()[:5], start=m.start(), end=m.end(), text=m.group())
            for m in re.finditer(r"\b[A-Z][A-Za-z]{2,}\b", doc.body)
            if m.group().lower() not in _NOT_NAMES]


_NOT_NAMES = {"the", "on", "in", "and", "this", "that", "while", "when", "for", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "january", "june", "october", "december", "earlier"}


@pytest.mark.parametrize("with_mentions", [False, True])
def test_seeds_published_and_timexes(with_mentions):
    score = _scorer()
    gold = json.loads((SHARED / "eval" / "dev_gold.json").read_text(encoding="utf-8"))["documents"]
    docs = _docs()
    mentions = {d.id: _crude_mentions(d) for d in docs} if with_mentions else None
    guesses = infer_published(docs, mentions)
    preds = []
    exported = {}
    for d in docs:
        day, conf, note = guesses[d.id]
        assert day is not None, note
        exported[d.id] = {"id": d.id, "title": d.title, "published": day, "body": d.body}
        preds += [t.to_dict() for t in normalize(d.body, date.fromisoformat(day), d.id)]
    for g in gold:
        want = {g["published"]["value"], *g["published"].get("accept", [])}
        assert exported[g["id"]]["published"] in want, (g["id"], guesses[g["id"]])
    figures = score.score_timexes(gold, preds)
    assert figures["timex_value"] >= 0.95, figures["misses"]
