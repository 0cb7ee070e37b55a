"""Places, office titles and noise filters, on hand-written sentences (never the dev reports)."""
from __future__ import annotations

from datetime import date

import pytest

from storyline.actors.catalogue import load_catalogue
from storyline.actors.places import Gazetteer


def actors_of(ms):
    return {m.actor for m in ms}


# ---------------------------------------------------------------- places
def test_gazetteer_knows_cities_regions_and_capitals():
    g = Gazetteer(load_catalogue())
    for place in ("Odesa", "Odessa", "Kharkiv", "Mariupol", "Crimea", "Black Sea", "Moscow", "Texas"):
        assert place in g, place
    for name in ("Kubrakov", "Marchetti", "Treaty Organization"):
        assert name not in g, name


@pytest.mark.parametrize("text", [
    "By shelling Mariupol, the invaders showed contempt for the truce, Jan Novak said.",
    "By shelling Odesa, the invaders showed contempt for the truce, Jan Novak said.",
])
def test_city_tagged_as_person_is_not_a_person(run, text):
    ms, acts = run(text)
    assert not any(a.endswith(("mariupol", "odesa")) for a in actors_of(ms))
    assert not any(a.kind == "person" and a.name in ("Mariupol", "Odesa") for a in acts.values())


def test_capital_of_another_country_named_as_a_place(run):
    ms, _ = run("The freighter sailed to Tripoli in Lebanon with wheat.")
    assert "LBY" not in actors_of(ms)
    assert "LBN" in actors_of(ms)


def test_capital_with_its_own_country_still_counts(run):
    ms, _ = run("Tripoli said the ceasefire would hold.")
    assert "LBY" in actors_of(ms)


def test_flag_and_base_compounds_are_places_of_origin(run):
    ms, _ = run("A Panama-flagged tanker and a Berlin-based insurer were named, while Germany protested.")
    got = actors_of(ms)
    assert "PAN" not in got
    assert got & {"DEU"} == {"DEU"}
    assert sum(m.actor == "DEU" for m in ms) == 1  # Germany, not Berlin-based


# ---------------------------------------------------------------- office titles
@pytest.mark.parametrize("text, affil", [
    ("Moldovan Energy Minister Ion Rusu said supplies were secure.", "MDA"),
    ("Poland's deputy agriculture minister Jan Kowalski criticised the ban.", "POL"),
    ("Poland's Minister of Agriculture Jan Kowalski met farmers.", "POL"),
    ("Russian General Staff chief Ivan Sidorov visited the front.", "RUS"),
    ("Kazakh Foreign Ministry spokesman Aibek Smadiyarov said talks went well.", "KAZ"),
    ("The accord was signed by Ivan Petrenko, Ukraine's energy minister, on Friday.", "UKR"),
    ("Georgia's economy minister, Levan Davitashvili, welcomed the decision.", "GEO"),
    ("UN humanitarian chief Anna Lindqvist appealed for access.", "UN"),
])
def test_office_words_give_a_new_persons_affiliation(run, text, affil):
    ms, acts = run(text, date(2023, 5, 1))
    people = [a for a in acts.values() if a.kind == "person" and a.id.startswith("person:")]
    assert len(people) == 1, [a.id for a in acts.values()]
    assert people[0].affiliation == affil
    assert people[0].role


def test_title_before_a_known_person_picks_that_role(run):
    # no report date: the title in the text says which of Shoigu's offices is meant
    _, acts = run("The deal was signed by Russian Defence Minister Sergei Shoigu.")
    assert acts["sergei_shoigu"].role.startswith("defence minister")


def test_title_words_are_not_an_organisation(run):
    ms, acts = run("Moldovan Energy Minister Ion Rusu spoke.")
    assert not any(a.startswith("org:") for a in actors_of(ms))


# ---------------------------------------------------------------- noise
def test_truncated_catalogue_name_resolves_when_the_report_names_it(run):
    ms, _ = run("NATO held talks on Monday. If Finland joined the Treaty Organization, Moscow would respond.")
    got = {m.text: m.actor for m in ms}
    assert got.get("Treaty Organization") == "NATO"
    assert not any(a.startswith("org:") for a in actors_of(ms))


def test_truncated_catalogue_name_is_dropped_otherwise(run):
    ms, _ = run("Analysts said the Treaty Organization had no plans for new members.")
    assert not any(a.startswith("org:") for a in actors_of(ms))


def test_unknown_short_acronym_is_not_minted(run):
    ms, _ = run("The XRB noted in 2018 that Russia used import substitution.")
    assert not any(a.startswith("org:") for a in actors_of(ms))


def test_acronym_spelt_out_in_the_report_is_one_organisation(run):
    ms, acts = run("The Global Energy Review (GER) said Russia would cut supplies. "
                   "The GER added that prices would rise.")
    ger = {m.actor for m in ms if m.text in ("GER", "Global Energy Review")}
    assert ger == {"org:global_energy_review"}
    assert acts["org:global_energy_review"].name == "Global Energy Review"


def test_lone_unknown_surname_without_full_name_is_dropped(run):
    ms, _ = run("Diplomats were speaking in Gen Halvorsk while the ships waited, Russia said.")
    assert not any(a.startswith("person:") for a in actors_of(ms))


def test_lone_surname_kept_when_the_full_name_is_in_the_report(run):
    ms, _ = run("Analyst Petra Vaskova said prices would rise. Later Vaskova said traders were calm.")
    assert {m.actor for m in ms if "Vaskova" in m.text} == {"person:petra_vaskova"}


def test_military_fleet_is_an_organisation_of_its_state(run):
    ms, acts = run("A drone attack damaged ships of the Black Sea Fleet on Saturday.")
    assert "BLACK_SEA_FLEET" in actors_of(ms)
    assert acts["BLACK_SEA_FLEET"].country == "RUS"


def test_apposition_role_is_the_first_office(run):
    _, acts = run("Sanctions would hurt, warned Peter Holm, the former US ambassador to Kyiv and vice president "
                  "of a research institute in Washington.")
    holm = acts["person:peter_holm"]
    assert holm.affiliation == "USA"
    assert holm.role == "the former US ambassador to Kyiv"


def test_truncated_and_misspelt_names_of_catalogued_organisations():
    from storyline.actors.catalogue import Catalogue
    from storyline.actors.orgs import OrgFinder

    recs = [{"id": "AFDB", "name": "African Development Bank", "kind": "organization", "names": ["African Development Bank"]},
            {"id": "NATO", "name": "NATO", "kind": "organization", "names": ["North Atlantic Treaty Organization"]},
            {"id": "CSTO", "name": "CSTO", "kind": "organization", "names": ["Collective Security Treaty Organization"]}]
    finder = OrgFinder(Catalogue(recs, {}, {}))
    assert finder.truncated("Atlantic Treaty Organization") == {"NATO"}
    assert finder.truncated("Treaty Organization") == {"NATO", "CSTO"}  # the report's own names decide
    assert finder.truncated("North Atlantic Treaty Organisation") == {"NATO"}  # a spelling variant
    assert finder.truncated("Asian Development Bank") is None  # another bank, not a misspelling
    assert finder.truncated("Joint Coordination Centre") is None


def test_copyright_holder_is_not_an_actor(run):
    ms, _ = run("Russia denied the claim. Copyright © 2021 Jane Roe. All rights reserved.")
    assert not any(a.startswith("person:") for a in actors_of(ms))
