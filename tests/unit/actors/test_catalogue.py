"""The catalogue data: sound, fresh, and complete enough for the offices the pipeline resolves."""
from __future__ import annotations

from datetime import date

from storyline.actors import load_catalogue
from storyline.actors.build import build_records, check_built, validate


def test_catalogue_validates():
    assert validate() == []


def test_built_table_is_fresh():
    assert check_built() == []


def test_validation_catches_problems():
    recs = build_records()
    extra = dict(next(r for r in recs if r["id"] == "joe_biden"))
    extra = {**extra, "id": "joe_biden_copy", "roles": [{"office": "head_of_state", "actor": "USA",
                                                         "start": "2022-01-01", "end": None}]}
    bad = recs + [extra, {**recs[0]}]
    problems = validate(bad)
    assert any("duplicate id" in p for p in problems)
    assert any("overlaps" in p for p in problems)


def test_ambiguous_surface_needs_a_rule():
    recs = build_records()
    clash = {"id": "XXX", "name": "Atlantis", "kind": "country", "country": "XXX", "wikidata": None,
             "names": ["Atlantis", "Russia"], "adj": [], "capital": [], "metonyms": []}
    assert any("'russia'" in p for p in validate(recs + [clash]))


def test_sizes_and_ids():
    cat = load_catalogue()
    kinds = [r["kind"] for r in cat.records.values()]
    assert kinds.count("country") >= 193
    assert kinds.count("organization") >= 40
    assert cat.get("NATO").wikidata == "Q7184" and cat.get("vladimir_putin").wikidata == "Q7747"


def test_g20_and_ukraine_offices_filled_for_2014_to_2025():
    cat = load_catalogue()
    states = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU",
              "ZAF", "KOR", "TUR", "GBR", "USA", "UKR"]
    for year in (2015, 2018, 2022, 2024):
        day = date(year, 6, 15)
        for iso in states:
            assert cat.holder("foreign_minister", iso, day), (iso, year)
            leader = cat.holder("head_of_state", iso, day) or cat.holder("head_of_government", iso, day)
            assert leader, (iso, year)
        for org, office in (("NATO", "secretary_general"), ("UN", "secretary_general"),
                            ("EU", "commission_president"), ("EU", "high_representative")):
            assert cat.holder(office, org, day), (org, year)
