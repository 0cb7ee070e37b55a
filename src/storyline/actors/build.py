"""Build and check the actor catalogue: humans edit YAML, the runtime reads one JSONL table."""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import yaml

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "actors"
CATALOGUE = RESOURCES / "catalogue.jsonl"


def fold(text: str) -> str:
    """ASCII-fold accents so "Erdoğan" is also found as "Erdogan"."""
    text = text.replace("ı", "i").replace("İ", "I").replace("ş", "s").replace("Ş", "S")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _uniq(items: list[str]) -> list[str]:
    """Keep order, drop empty and repeated forms, add accent-folded variants."""
    out: list[str] = []
    for item in items:
        for form in (item, fold(item)):
            form = str(form).strip()
            if form and form not in out:
                out.append(form)
    return out


def _day(value: Any) -> str | None:
    """YAML gives dates as date objects; the table stores ISO strings."""
    if value in (None, "", "null"):
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _load(name: str) -> Any:
    with open(RESOURCES / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _pycountry_names(iso3: str) -> list[str]:
    """Names ISO gives a state, without the inverted 'Korea, Republic of' forms."""
    try:
        import pycountry
    except ImportError:  # building without pycountry still works from the YAML alone
        return []
    rec = pycountry.countries.get(alpha_3=iso3)
    if rec is None:
        return []
    names = [getattr(rec, k, None) for k in ("name", "common_name", "official_name")]
    return [n for n in names if n and "," not in n and "(" not in n]


def build_records() -> list[dict]:
    """Merge the YAML sources (and ISO names) into one record per actor."""
    records: list[dict] = []
    for iso3, c in _load("countries.yaml").items():
        adj = list(c.get("adj") or [])
        plural = list(c.get("pl") or [a + "s" for a in adj if a.endswith(("an", "i")) and a.isalpha()])
        names = [c["name"], *(c.get("also") or []), *_pycountry_names(iso3)]
        records.append({
            "id": iso3, "name": c["name"], "kind": "country", "country": iso3,
            "wikidata": c.get("qid"), "names": _uniq(names + plural),
            "adj": _uniq(adj), "capital": _uniq([c["capital"]] if c.get("capital") else []),
            "metonyms": _uniq(c.get("meto") or []),
        })
    for o in _load("organizations.yaml"):
        records.append({
            "id": o["id"], "name": o["name"], "kind": "organization", "country": o.get("country"),
            "wikidata": o.get("qid"), "names": _uniq([o["name"], *(o.get("also") or [])]),
            "adj": [], "capital": _uniq(o.get("seat") or []), "metonyms": [],
            "parent": o.get("parent"),
        })
    for g in _load("groups.yaml"):
        records.append({
            "id": g["id"], "name": g["name"], "kind": "group", "country": g.get("country"), "wikidata": g.get("qid"),
            "names": _uniq([g["name"], *(g.get("also") or [])]), "adj": _uniq(g.get("adj") or []),
            "capital": [], "metonyms": [],
        })
    for p in _load("people.yaml"):
        words = p["name"].split()
        if "short" in p:
            short = list(p["short"] or [])
        elif len(words) > 1:
            short = [words[0] if p.get("surname_first") else words[-1]]
        else:
            short = []
        roles = [{"office": r[0], "actor": r[1], "start": _day(r[2]), "end": _day(r[3])} for r in p.get("roles", [])]
        records.append({
            "id": p["id"], "name": p["name"], "kind": "person", "country": None, "wikidata": p.get("qid"),
            "names": _uniq([p["name"], *(p.get("also") or [])]), "short": _uniq(short), "roles": roles,
        })
    return records


def write_catalogue(path: Path = CATALOGUE) -> int:
    """Write the runtime table; returns the number of actors."""
    records = build_records()
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    return len(records)


def validate(records: list[dict] | None = None) -> list[str]:
    """Every problem found in the catalogue, as one message a line (empty when sound)."""
    from .catalogue import surface_key

    records = build_records() if records is None else records
    problems: list[str] = []
    ids = [r["id"] for r in records]
    known = set(ids)
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"duplicate id {dup}")
    rules = {surface_key(k) for k in (_load("ambiguity.yaml") or {})}
    owners: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r["kind"] not in ("country", "organization", "person", "group", "other"):
            problems.append(f"{r['id']}: bad kind {r['kind']}")
        for form in r["names"] + r.get("adj", []) + r.get("capital", []) + r.get("metonyms", []) + r.get("short", []):
            owners[surface_key(form)].add(r["id"])
        for role in r.get("roles", []):
            if role["actor"] not in known:
                problems.append(f"{r['id']}: role for unknown actor {role['actor']}")
            if role["end"] and role["start"] and role["end"] < role["start"]:
                problems.append(f"{r['id']}: role {role['office']} ends before it starts")
    for key, who in sorted(owners.items()):
        people = {w for w in who if w in known and next(x for x in records if x["id"] == w)["kind"] == "person"}
        # several people may share a short name: dates and the report decide; anything else needs a rule
        if len(who) > 1 and key not in rules and not (people == who and len(people) > 1):
            problems.append(f"surface {key!r} names {sorted(who)} and has no rule in ambiguity.yaml")
    holders: dict[tuple, list] = defaultdict(list)
    for r in records:
        for role in r.get("roles", []):
            holders[(role["office"], role["actor"])].append((role["start"] or "", role["end"] or "9999", r["id"]))
    plural = set(_load("offices.yaml").get("plural") or [])
    for (office, actor), spans in holders.items():
        if office in plural:
            continue
        spans.sort()
        for (s1, e1, p1), (s2, e2, p2) in zip(spans, spans[1:]):
            if s2 < e1:
                problems.append(f"{office} of {actor}: {p1} ({s1}..{e1}) overlaps {p2} ({s2}..{e2})")
    return problems


def check_built() -> list[str]:
    """The committed table must equal what the YAML builds (like dateparser's data check)."""
    built = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in build_records())
    current = CATALOGUE.read_text(encoding="utf-8") if CATALOGUE.exists() else ""
    return [] if built == current else ["catalogue.jsonl is stale: run scripts/actors_build.py"]
