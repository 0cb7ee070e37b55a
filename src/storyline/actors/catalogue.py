"""The actor catalogue at run time: one table loaded once, indexes for names, titles and roles."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Actor

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "actors"

#: kinds of surface form, strongest first (a full name beats an adjective beats a short name)
FORMS = ("names", "metonyms", "capital", "adj", "short")


def surface_key(text: str) -> str:
    """One key for a surface form: case, quotes, spacing and a leading article do not count."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text.strip().lower())
    text = re.sub(r"\s*([-–])\s*", r"\1", text)
    return re.sub(r"^the ", "", text)


def as_date(value: date | str | None) -> date | None:
    """Accept a date, an ISO string (day, month or year) or None."""
    if value is None or isinstance(value, date):
        return value
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    return date(int(m[1]), int(m[2] or 1), int(m[3] or 1)) if m else None


class Catalogue:
    """Who is who: names to actor ids, titles to office holders at a date."""

    def __init__(self, records: list[dict], offices: dict, ambiguity: dict):
        self.records = {r["id"]: r for r in records}
        self.index: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> [(id, form)]
        for r in records:
            for form in FORMS:
                for surface in r.get(form, []):
                    entry = (r["id"], form)
                    if entry not in self.index[surface_key(surface)]:
                        self.index[surface_key(surface)].append(entry)
        self.ambiguity = {surface_key(k): v for k, v in (ambiguity or {}).items()}
        self.plural = set(offices.get("plural") or [])
        self.generic_titles = {surface_key(t): office for office, ts in offices.get("generic", {}).items() for t in ts}
        self.actor_titles: dict[str, dict[str, str]] = {
            aid: {surface_key(t): office for office, ts in by.items() for t in ts}
            for aid, by in (offices.get("by_actor") or {}).items()
        }
        self.holders: dict[tuple[str, str], list[tuple[date, date | None, str]]] = defaultdict(list)
        for r in records:
            for role in r.get("roles", []):
                self.holders[(role["office"], role["actor"])].append(
                    (as_date(role["start"]) or date.min, as_date(role["end"]), r["id"]))
        self.person_names = {surface_key(n): r["id"] for r in records if r["kind"] == "person" for n in r["names"]}

    # ------------------------------------------------------------------ lookups
    def get(self, actor_id: str) -> Actor | None:
        """The catalogue's Actor for an id (aliases = every name the catalogue knows)."""
        r = self.records.get(actor_id)
        if r is None:
            return None
        return Actor(id=r["id"], name=r["name"], kind=r["kind"], country=r.get("country"),
                     wikidata=r.get("wikidata"), aliases=list(r["names"]))

    def kind(self, actor_id: str) -> str | None:
        r = self.records.get(actor_id)
        return r["kind"] if r else None

    def candidates(self, surface: str) -> list[tuple[str, str]]:
        """Every (actor id, form) a surface form may name."""
        return self.index.get(surface_key(surface), [])

    def titles_for(self, actor_id: str) -> dict[str, str]:
        """Title -> office for an actor: its own titles first, then the generic ones for states."""
        own = self.actor_titles.get(actor_id, {})
        if self.kind(actor_id) != "country":
            return own
        return {**self.generic_titles, **own}

    def holder(self, office: str, actor_id: str, when: date | None) -> str | None:
        """Who held an office of an actor on a day (the latest holder when the day is unknown)."""
        spans = self.holders.get((office, actor_id), [])
        if not spans or office in self.plural:
            return None
        if when is None:
            return max(spans, key=lambda s: s[0])[2]
        for start, end, pid in spans:
            if start <= when and (end is None or when < end):
                return pid
        return None

    def role_at(self, person_id: str, when: date | None) -> dict | None:
        """The role a person held on a day, else the nearest one in time."""
        roles = self.records.get(person_id, {}).get("roles", [])
        if not roles:
            return None
        if when is None:
            return max(roles, key=lambda r: r["start"] or "")
        for r in roles:
            s, e = as_date(r["start"]) or date.min, as_date(r["end"])
            if s <= when and (e is None or when < e):
                return r

        def gap(r: dict) -> int:
            s, e = as_date(r["start"]) or date.min, as_date(r["end"]) or date.max
            return min(abs((when - s).days), abs((when - e).days)) if e != date.max else abs((when - s).days)
        return min(roles, key=gap)

    def active(self, person_id: str, when: date | None, slack_days: int = 0) -> bool:
        """Whether a person held any catalogued role on (or near) a day."""
        if when is None:
            return True
        for r in self.records.get(person_id, {}).get("roles", []):
            s, e = as_date(r["start"]) or date.min, as_date(r["end"]) or date.max
            if (s - when).days <= slack_days and (when - e).days <= slack_days:
                return True
        return False

    def choose(self, surface: str, ids: list[str], when: date | None, context: str = "") -> str | None:
        """Pick one actor among several a surface names: ambiguity rules, then dates."""
        ids = list(dict.fromkeys(ids))
        rule = self.ambiguity.get(surface_key(surface))
        if rule:
            ctx = context.lower()
            for target, cues in (rule.get("unless") or {}).items():
                if any(c in ctx for c in cues):
                    return None if target in (None, "null") else str(target)
            return rule["default"] if len(ids) > 1 or rule["default"] in ids else ids[0]
        if len(ids) == 1:
            return ids[0]
        people = [i for i in ids if self.kind(i) == "person"]
        if people and len(people) == len(ids):
            now = [p for p in people if self.active(p, when)]
            if len(now) == 1:
                return now[0]
            near = [p for p in people if self.active(p, when, slack_days=365 * 2)]
            if len(near) == 1:
                return near[0]
            return None
        return None

    def resolve(self, surface: str, when: date | str | None = None) -> str | None:
        """The one actor id a surface form names at a date ("the Kremlin" -> RUS), else None."""
        when = as_date(when)
        found = self.candidates(surface)
        if found:
            best = min(FORMS.index(f) for _, f in found)
            top = [i for i, f in found if FORMS.index(f) == best]
            return self.choose(surface, top, when)
        return self.resolve_title(surface, when)

    def resolve_title(self, surface: str, when: date | None) -> str | None:
        """'Russian President', 'NATO Secretary-General', 'President of Russia' -> the holder."""
        key = surface_key(surface)
        m = re.match(r"^(.+?) of (?:the )?(.+)$", key)
        pairs = [(m[2], m[1])] if m else []
        words = key.replace("'s ", " ").split(" ")
        pairs += [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
        for who, title in pairs:
            aid = self.resolve(who, when) if self.candidates(who) else None
            if aid and self.kind(aid) != "person":
                office = self.titles_for(aid).get(title)
                if office:
                    return self.holder(office, aid, when)
        return None


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The catalogue, read once per process from the committed table."""
    with open(RESOURCES / "catalogue.jsonl", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    with open(RESOURCES / "offices.yaml", encoding="utf-8") as fh:
        offices = yaml.safe_load(fh)
    with open(RESOURCES / "ambiguity.yaml", encoding="utf-8") as fh:
        ambiguity = yaml.safe_load(fh)
    return Catalogue(records, offices, ambiguity)
