"""Recognition and resolution on hand-written sentences (never the dev reports)."""
from __future__ import annotations

from datetime import date

from storyline.actors import merge_actors


def by_text(mentions):
    return {m.text: m.actor for m in mentions}


def test_metonyms(run):
    ms, _ = run("The Kremlin said on Monday that talks had stalled, and Washington warned of costs.")
    got = by_text(ms)
    assert got["The Kremlin"] == "RUS"
    assert got["Washington"] == "USA"


def test_capital_as_place_is_not_an_actor(run):
    ms, _ = run("Diplomats met in Moscow to revive the Minsk agreements.")
    assert not any(m.actor in ("RUS", "BLR") for m in ms)


def test_demonyms_and_organs(run):
    ms, _ = run("Russian troops massed near the border while Ukrainians prepared defences.")
    got = by_text(ms)
    assert got["Russian troops"] == "RUS"
    assert got["Ukrainians"] == "UKR"


def test_pro_russian_is_not_russia(run):
    ms, _ = run("Fighting between pro-Russian militias and the army resumed.")
    assert "RUS" not in {m.actor for m in ms}


def test_title_resolved_by_report_date(run):
    ms16, _ = run("The US president called for restraint at the summit.", date(2016, 5, 3))
    ms22, _ = run("The US president called for restraint at the summit.", date(2022, 5, 3))
    assert "barack_obama" in {m.actor for m in ms16}
    assert "joe_biden" in {m.actor for m in ms22}
    assert "joe_biden" not in {m.actor for m in ms16}


def test_office_holder_of_an_organisation(run):
    ms, _ = run("The NATO Secretary-General urged members to spend more.", date(2025, 2, 1))
    assert "mark_rutte" in {m.actor for m in ms}


def test_date_from_text_when_no_dct(run):
    ms, _ = run("March 3, 2015 - The German chancellor travelled to Kyiv.")
    assert "angela_merkel" in {m.actor for m in ms}


def test_misspelt_surname(run):
    ms, acts = run("NATO chief Jens Stoltenberg spoke first. Later Stoltenbreg said the alliance was united.",
                   date(2019, 4, 4))
    assert [m.actor for m in ms if "Stolten" in m.text] == ["jens_stoltenberg"] * 2
    assert acts["jens_stoltenberg"].affiliation == "NATO"


def test_same_surname_different_people_not_merged(run):
    ms, acts = run("Jim Hollowell, a farmer, spoke to reporters. John Hollowell, his cousin, declined to comment.")
    ids = {m.actor for m in ms if "Hollowell" in m.text}
    assert len(ids) == 2


def test_surname_alone_resolves_within_report(run):
    ms, acts = run("Analyst Petra Kowalczyk said the plan would fail. Kowalczyk added that time was short.")
    ids = [m.actor for m in ms if "Kowalczyk" in m.text]
    assert len(ids) == 2 and len(set(ids)) == 1 and ids[0].startswith("person:")


def test_unknown_person_apposition_gives_affiliation(run):
    ms, acts = run("Harold Brenning, the former British ambassador to Moscow, said sanctions would bite.")
    pid = next(m.actor for m in ms if m.text == "Harold Brenning")
    assert pid == "person:harold_brenning"
    assert acts[pid].affiliation == "GBR"


def test_unknown_person_parenthesis_and_title(run):
    ms, acts = run("The talks were led by deputy ministers Oleg Varnikov (Russia) and Clara Denholm (USA).")
    aff = {acts[m.actor].name: acts[m.actor].affiliation for m in ms if m.actor.startswith("person:")}
    assert aff == {"Oleg Varnikov": "RUS", "Clara Denholm": "USA"}


def test_unknown_person_title_with_country(run):
    ms, acts = run("French envoy Lucien Marchetti arrived on Tuesday.")
    pid = next(m.actor for m in ms if "Marchetti" in m.text)
    assert acts[pid].affiliation == "FRA"
    # the title's adjective is the state's own mention; the name stays the person's
    assert [(m.text, m.actor) for m in ms] == [("French", "FRA"), ("Lucien Marchetti", pid)]


def test_country_inside_organisation_name(run):
    ms, _ = run("A report by the United States Institute of Peace and the Organization for Security and "
                "Cooperation in Europe was published.")
    got = by_text(ms)
    assert got["United States Institute of Peace"] == "USIP"
    assert got["Organization for Security and Cooperation in Europe"] == "OSCE"
    assert "USA" not in got.values()


def test_unknown_organisation_keeps_its_country_inside(run):
    ms, acts = run("The Canadian Institute for Arctic Studies published a map.")
    org = [m for m in ms if m.actor.startswith("org:")]
    assert org and "CAN" not in {m.actor for m in ms}
    assert acts[org[0].actor].country == "CAN"


def test_hyphenated_pairs(run):
    ms, _ = run("The NATO-Russia Council met while U.S.-Russian teams inspected the Russian-Ukrainian border.")
    spans = [(m.text, m.actor) for m in ms]
    assert ("NATO", "NATO") in spans and ("Russia", "RUS") in spans
    assert ("U.S.", "USA") in spans and ("Russian", "RUS") in spans
    assert ("Ukrainian", "UKR") in spans


def test_mentions_do_not_overlap_and_cut_back(run):
    text = "Russia's foreign minister met U.S. Secretary of State Antony Blinken and the White House said so."
    ms, _ = run(text, date(2021, 6, 1))
    ms = sorted(ms, key=lambda m: m.start)
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start
    for m in ms:
        assert text[m.start:m.end] == m.text and m.doc == ""
    assert {"sergey_lavrov", "antony_blinken", "USA"} <= {m.actor for m in ms}


def test_georgia_rule(run):
    ms, _ = run("Georgia hopes to join NATO, its president said.")
    assert "GEO" in {m.actor for m in ms}
    ms, _ = run("The governor of Georgia signed the bill in Atlanta.")
    assert "GEO" not in {m.actor for m in ms}


def test_groups(run):
    ms, _ = run("The West imposed sanctions and separatists shelled the town.")
    got = by_text(ms)
    assert got["The West"] == "group:the_west" and got["separatists"] == "group:separatists"


def test_merge_actors_unions_aliases(run):
    _, a1 = run("Moscow rejected the offer.")
    _, a2 = run("The Kremlin rejected the offer.")
    merged = merge_actors([a1, a2])
    assert {"Moscow", "The Kremlin"} <= set(merged["RUS"].aliases)


def test_catalogue_api():
    from storyline.actors import load_catalogue
    cat = load_catalogue()
    assert cat is load_catalogue()
    assert cat.get("RUS").wikidata == "Q159"
    assert cat.resolve("Élysée") == "FRA"
    assert cat.resolve("the White House") == "USA"
    assert cat.resolve("Russian President", date(2010, 1, 1)) == "dmitry_medvedev"
    assert cat.resolve("UK Prime Minister", "2020-01-01") == "boris_johnson"
    assert cat.resolve("Nobody Atall") is None


def _no_overlap(ms):
    ms = sorted(ms, key=lambda m: m.start)
    return all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_title_adjective_is_the_states_mention(run):
    ms, acts = run("Turkish President Recep Tayyip Erdoğan phoned US President Joe Biden on Friday.",
                   date(2022, 6, 3))
    spans = [(m.text, m.actor) for m in ms]
    assert ("Turkish", "TUR") in spans and ("Recep Tayyip Erdoğan", "recep_tayyip_erdogan") in spans
    assert ("US", "USA") in spans and ("Joe Biden", "joe_biden") in spans
    assert _no_overlap(ms)
    assert acts["joe_biden"].affiliation == "USA"


def test_title_of_an_organisation_before_a_name(run):
    ms, acts = run("NATO Secretary General Jens Stoltenberg opened the meeting in Vilnius.", date(2023, 7, 11))
    spans = [(m.text, m.actor) for m in ms]
    assert spans[:2] == [("NATO", "NATO"), ("Jens Stoltenberg", "jens_stoltenberg")]
    assert acts["jens_stoltenberg"].affiliation == "NATO"


def test_title_standing_for_its_holder_is_split(run):
    text = "Kyiv thanked the UN chief and the Turkish president for their mediation."
    ms, acts = run(text, date(2022, 8, 1))
    spans = [(m.text, m.actor) for m in ms]
    assert ("UN", "UN") in spans and ("chief", "antonio_guterres") in spans
    assert ("Turkish", "TUR") in spans and ("president", "recep_tayyip_erdogan") in spans
    assert _no_overlap(ms)
    assert "UN chief" in acts["antonio_guterres"].aliases  # the alias is still the whole title


def test_undated_report_resolves_titles_by_year_cue(run):
    ms, _ = run("In 2015 the US president called for restraint at the summit.")
    assert "barack_obama" in {m.actor for m in ms}
    ms, _ = run("Talks stalled in March 2017, and the US president called for restraint.")
    assert "donald_trump" in {m.actor for m in ms}
    # a full date beats a year cue; a year after today is a plan, not the report's time
    ms, _ = run("May 2, 2016 - The US president said the pact would hold until 2035, as in 2012.")
    assert "barack_obama" in {m.actor for m in ms}


def test_undated_report_without_any_time_takes_latest_holder(run):
    from storyline.actors import load_catalogue, report_date

    assert report_date("The plan holds until 2999.") is None
    ms, _ = run("The US president called for restraint at the summit.")
    latest = load_catalogue().holder("head_of_state", "USA", None)
    assert latest in {m.actor for m in ms}
