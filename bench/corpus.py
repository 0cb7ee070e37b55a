"""A varied benchmark corpus: N distinct reports cut from the real T17 articles, recombined and re-dated.

    python bench/corpus.py N OUT.jsonl [--seed 7] [--source DIR]

Each report belongs to one of about N / REPORTS_PER_CRISIS crises. A crisis takes one T17 topic,
a shift of whole 52-week years (weekdays stay right; years written in the text move with it), a
handful of outlets, and its own cast: every person, country, capital and demonym of the actor
catalogue found in the text is swapped for another one of the same kind, the same way throughout
the crisis. A report of the crisis takes two or three windows of consecutive sentences from
articles published near one day of the topic, so reports of one crisis share events and dates
while no two reports are the same (checked: a repeated body is drawn again). Deterministic by seed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
T17 = ROOT.parent / "shared" / "data" / "t17"
CATALOGUE = ROOT / "src" / "storyline" / "resources" / "actors" / "catalogue.jsonl"

#: reports a crisis gets on average (a crisis is a story a feed follows for weeks)
REPORTS_PER_CRISIS = 50
#: sentence windows a report is made of, and the sentences of one window
WINDOWS = (2, 3)
WINDOW_SENTENCES = (3, 6)
#: a report draws from articles published within this many days of its crisis day
NEAR_DAYS = 4
OUTLETS = ["guardian", "cnn", "reuters", "apnews", "aljazeera", "bbc", "france24", "dw", "nytimes",
           "washingtonpost", "thehindu", "dawn", "scmp", "abc.net.au", "globeandmail", "irishtimes",
           "straitstimes", "africanews", "allafrica", "elpais", "lemonde", "timesofisrael", "arabnews", "kyivindependent"]
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


@dataclass
class Article:
    id: str
    published: date
    sentences: list[str]


@dataclass
class Crisis:
    topic: str
    shift_years: int
    outlets: list[str]
    rng: random.Random
    cast: dict[str, str] = field(default_factory=dict)  # actor id -> the actor id it plays


def load_topics(source: Path = T17) -> dict[str, list[Article]]:
    """The T17 articles by topic, in date order, one sentence a line (their first line holds the title)."""
    topics: dict[str, list[Article]] = {}
    for path in sorted(source.glob("*.jsonl")):
        arts = []
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            sents = [s.strip() for s in rec["text"].split("\n") if len(s.split()) >= 4]
            if len(sents) > 4:
                arts.append(Article(rec["id"], date.fromisoformat(rec["published"][:10]), sents[1:]))
        topics[path.stem] = sorted(arts, key=lambda a: (a.published, a.id))
    return topics


@lru_cache(maxsize=1)
def catalogue() -> tuple[dict[str, list[dict]], dict[str, tuple[str, str, int]], re.Pattern]:
    """Actors by kind, every surface form -> (actor id, form kind, index), and one pattern for all forms."""
    by_kind: dict[str, list[dict]] = {"person": [], "country": []}
    forms: dict[str, tuple[str, str, int]] = {}
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        if a.get("kind") not in by_kind or not a.get("names"):
            continue
        by_kind[a["kind"]].append(a)
        slots = [("adj", a.get("adj") or []), ("names", a.get("names") or []), ("short", a.get("short") or []),
                 ("capital", a.get("capital") or [])]  # "U.S." is an adjective more often than a name
        for slot, values in slots:
            for k, v in enumerate(values):
                if len(v) >= 4 and v[0].isupper():
                    kind = "demonym" if slot == "names" and k and a["kind"] == "country" and _demonym(v) else slot
                    forms.setdefault(v, (a["id"], kind, k))
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(r"(?<!\w)(" + alternatives + r")(?!\w)")
    return by_kind, forms, pattern


def _demonym(form: str) -> bool:
    return " " not in form and form.endswith("s")


def _form(actor: dict, slot: str, k: int) -> str:
    """The same kind of form of another actor (a full name for a full name, an adjective for an adjective)."""
    if slot == "demonym":
        return next((v for v in actor["names"][1:] if _demonym(v)), actor["name"])
    values = actor.get(slot) or []
    if slot == "short":
        return values[0] if values else actor["name"].split()[-1]
    if slot in ("adj", "capital"):
        return values[min(k, len(values) - 1)] if values else actor["name"]
    return actor["name"]


def recast(text: str, crisis: Crisis) -> str:
    """The text with the crisis's cast: each catalogue actor swapped for the one it plays in this crisis."""
    by_kind, forms, pattern = catalogue()
    ids = {a["id"]: a for kind in by_kind.values() for a in kind}

    def swap(m: re.Match) -> str:
        actor_id, slot, k = forms[m.group(1)]
        actor = ids[actor_id]
        if actor_id not in crisis.cast:
            crisis.cast[actor_id] = crisis.rng.choice(by_kind[actor["kind"]])["id"]
        return _form(ids[crisis.cast[actor_id]], slot, k)

    return pattern.sub(swap, text)


def _redate(text: str, years: int) -> str:
    return YEAR.sub(lambda m: str(int(m.group(1)) + years), text)


def generate(n: int, seed: int = 7, source: Path = T17) -> list[dict]:
    """N distinct reports as JSONL records (id, title, text, published, url)."""
    topics = load_topics(source)
    names = sorted(topics)
    rng = random.Random(seed)
    crises: list[Crisis] = []
    for c in range(max(1, round(n / REPORTS_PER_CRISIS))):
        crises.append(Crisis(topic=names[c % len(names)], shift_years=rng.randint(-12, 12),
                             outlets=rng.sample(OUTLETS, rng.randint(3, 6)), rng=random.Random(f"{seed}:{c}")))
    seen: set[str] = set()
    out = []
    while len(out) < n:
        crisis = rng.choice(crises)
        arts = topics[crisis.topic]
        centre = rng.choice(arts).published
        near = [a for a in arts if abs((a.published - centre).days) <= NEAR_DAYS] or arts
        windows = []
        for _ in range(rng.randint(*WINDOWS)):
            art = rng.choice(near)
            size = rng.randint(*WINDOW_SENTENCES)
            start = rng.randrange(max(1, len(art.sentences) - size))
            windows.append(art.sentences[start:start + size])
        body = "\n\n".join(" ".join(w) for w in windows)
        body = recast(_redate(body, crisis.shift_years), crisis)
        key = hashlib.sha1(body.encode()).hexdigest()
        if key in seen:
            continue
        seen.add(key)
        published = centre + timedelta(weeks=52 * crisis.shift_years) + timedelta(days=rng.randint(0, 2))
        outlet = rng.choice(crisis.outlets)
        i = len(out)
        title = " ".join(windows[0][0].split()[:10]).rstrip(",;:")
        out.append({"id": f"r{i:06d}", "title": recast(_redate(title, crisis.shift_years), crisis), "text": body,
                    "published": published.isoformat(),
                    "url": f"https://www.{outlet}.example/{published:%Y/%m/%d}/r{i:06d}"})
    return out


def write(n: int, out: Path, seed: int = 7, source: Path = T17) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for rec in generate(n, seed, source):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--source", type=Path, default=T17)
    args = ap.parse_args()
    if not args.source.is_dir():
        sys.exit(f"no T17 articles under {args.source}")
    write(args.n, args.out, args.seed, args.source)
    recs = [json.loads(x) for x in args.out.read_text(encoding="utf-8").splitlines()]
    words = sum(len(r["text"].split()) for r in recs)
    print(f"{len(recs)} reports, {len(set(r['text'] for r in recs))} distinct bodies, {words} words "
          f"({words / len(recs):.0f} a report), {len({r['published'] for r in recs})} days, "
          f"{len({r['url'].split('/')[2] for r in recs})} outlets -> {args.out}")


if __name__ == "__main__":
    main()
