"""Settle overlapping candidates into one mention per span and build each report's actors."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..model import Actor, Mention
from .catalogue import Catalogue, surface_key
from .matcher import Cand, CatalogueMatcher
from .orgs import ORG_WORDS, OrgFinder  # noqa: F401  ORG_WORDS re-exported for callers
from .people import PersonResolver, affiliation_evidence, person_cores
from .places import Gazetteer
from .titles import TitleFinder

def latest_date(text: str) -> date | None:
    """The latest full date written in a text (``storyline.time.report_date``, the one reader of dates)."""
    from ..time.report_date import full_dates

    found = full_dates(text)
    return max(found) if found else None


def report_date(text: str, today: date | None = None) -> date | None:
    """The day titles are resolved on when a report gives no date of its own (``time.report_date.guess``):
    None when the text gives no time at all, and titles then name the most recent holder."""
    from ..time.report_date import guess

    return guess(text, today)


def select(cands: list[Cand]) -> list[Cand]:
    """Longest span wins, then the stronger kind of evidence; spans never overlap."""
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.length, -c.prio, c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def split_titles(chosen: list[Cand], text: str) -> list[Cand]:
    """Settled mentions with each title's state or organisation as a mention of its own.

    A title before a name ("Turkish President Recep Tayyip Erdoğan") was a block over
    "Turkish President": "Turkish" becomes TUR, the name stays the person's. A title standing
    for its holder ("the Turkish president") becomes "Turkish" -> TUR and "president" -> the
    holder, whose alias stays the whole title. Parts lie inside the settled span: no overlaps.
    """
    out: list[Cand] = []
    for c in chosen:
        span = c.info.get("affil_span")
        if span is None or c.form not in ("block", "title"):
            out.append(c)
            continue
        affil = c.info.get("affil") or c.info.get("of")
        out.append(Cand(span[0], span[1], affil, c.info.get("affil_method", "catalogue"), "names", 2,
                        {"part_of_title": True}))
        if c.actor is None:
            out.append(c)
            continue
        start = c.info.get("title_start", span[1])
        if start < span[1] or start >= c.end:
            continue
        info = dict(c.info, alias=text[c.start:c.end])
        out.append(Cand(start, c.end, c.actor, c.method, c.form, c.prio, info))
    return out


class Annotator:
    """Everything the component does to one Doc, with tables built once."""

    def __init__(self, nlp, catalogue: Catalogue, settings: dict):
        self.cat = catalogue
        self.matcher = CatalogueMatcher(nlp.vocab, catalogue, nlp.tokenizer, settings)
        self.titles = TitleFinder(catalogue, nlp.tokenizer, settings)
        self.places = Gazetteer(catalogue)
        self.people = PersonResolver(catalogue, self.places)
        self.orgs = OrgFinder(catalogue, self.places)
        self.demonyms = frozenset(a for r in catalogue.records.values() if r["kind"] in ("country", "group")
                                  for a in r.get("adj", []))
        self.stops = frozenset(n for r in catalogue.records.values() if r["kind"] != "person"
                               for f in ("names", "capital", "metonyms") for n in r.get(f, []) if " " not in n)

    def __call__(self, doc: Doc, when: date | None) -> tuple[list[Mention], dict[str, Actor]]:
        cores = person_cores(doc, self.demonyms, self.stops)
        cands = self.matcher(doc, when, cores)
        starts = {c.start for c in cores}
        starts |= {c.info["tokens"][0] for c in cands if c.actor and self.cat.kind(c.actor) == "person"
                   and "tokens" in c.info}
        cands += self.titles(doc, cands, when, starts)
        cands += self.people.resolve(doc, cores, cands, when)
        cands += self.orgs(doc, cands)
        text = doc.text  # built from the tokens on every access: once per report
        chosen = split_titles(select(cands), text)
        blocks = [c for c in chosen if c.actor is None]
        found = [c for c in chosen if c.actor is not None]
        mentions = [Mention(doc="", actor=c.actor, start=c.start, end=c.end, text=text[c.start:c.end],
                            method=c.method) for c in found]
        return mentions, self._actors(doc, found, blocks, when, text)

    def _actors(self, doc: Doc, found: list[Cand], blocks: list[Cand], when, full: str | None = None
                ) -> dict[str, Actor]:
        full = doc.text if full is None else full
        actors: dict[str, Actor] = {}
        clues: dict[str, list] = {}
        for c in found:
            text = c.info.get("alias") or full[c.start:c.end]
            a = actors.get(c.actor)
            if a is None:
                a = actors[c.actor] = self._new(c, text, when)
                a.aliases = []
            if text not in a.aliases:
                a.aliases.append(text)
            if a.kind == "person" and c.actor in self.cat.records:
                titled = self._titled_role(c, blocks, when)
                if titled:
                    self._set_role(a, titled)
            if c.actor.startswith("person:"):
                if len(text.split()) > len(a.name.split()):
                    a.name = text
                clues.setdefault(c.actor, []).extend(affiliation_evidence(doc, c, found, blocks, self.cat))
        for aid, found_clues in clues.items():
            real = [x for x in found_clues if x[1] and x[1] != aid]
            best = max(real, key=lambda x: x[0]) if real else None
            roles = [x for x in sorted(found_clues, key=lambda x: -x[0]) if x[2]]
            if best:
                actors[aid].affiliation = best[1]
                if self.cat.kind(best[1]) == "country":
                    actors[aid].country = best[1]
            if roles:
                actors[aid].role = roles[0][2]
        return actors

    def _titled_role(self, c: Cand, blocks: list[Cand], when) -> dict | None:
        """The catalogued role a title right before a known person names ("Russian Defence
        Minister Sergei Shoigu"): it beats the report date, which may be unknown or wrong."""
        tok = c.info.get("tokens", (None,))[0]
        if tok is None:
            return None
        for b in blocks:
            if b.info.get("person_tok") != tok:
                continue
            affil = b.info["affil"]
            office = self.cat.titles_for(affil).get(surface_key(b.info.get("role") or ""))
            roles = [r for r in self.cat.records[c.actor].get("roles", [])
                     if r["actor"] == affil and (office is None or r["office"] == office)]
            if office is None and len(roles) != 1:
                continue
            if roles:
                at = [r for r in roles if r is self.cat.role_at(c.actor, when)]
                return at[0] if at else max(roles, key=lambda r: r["start"] or "")
        return None

    def _set_role(self, a: Actor, role: dict) -> None:
        a.affiliation = role["actor"]
        a.role = f"{role['office'].replace('_', ' ')} ({role['actor']})"
        if self.cat.kind(role["actor"]) == "country":
            a.country = role["actor"]

    def _new(self, c: Cand, text: str, when) -> Actor:
        base = self.cat.get(c.actor)
        if base is not None:
            if base.kind == "person":
                role = self.cat.role_at(c.actor, when)
                if role:
                    self._set_role(base, role)
            return base
        if c.actor.startswith("org:"):
            return Actor(id=c.actor, name=c.info.get("name", text), kind="organization", country=c.info.get("country"))
        return Actor(id=c.actor, name=text, kind="person")


def merge_actors(per_doc: list[dict[str, Actor]]) -> dict[str, Actor]:
    """One actor table for many reports: aliases united, first known value of each field kept."""
    out: dict[str, Actor] = {}
    for actors in per_doc:
        for aid, a in actors.items():
            if aid not in out:
                out[aid] = Actor.from_dict(a.to_dict())
                continue
            m = out[aid]
            for alias in a.aliases:
                if alias not in m.aliases:
                    m.aliases.append(alias)
            for f in ("country", "wikidata", "affiliation", "role"):
                if getattr(m, f) is None and getattr(a, f) is not None:
                    setattr(m, f, getattr(a, f))
            if m.kind == "person" and len(a.name.split()) > len(m.name.split()):
                m.name = a.name
    return out
