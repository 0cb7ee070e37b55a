"""Non-state armed groups, state security organs and South Asian office holders, on
hand-written sentences (never the dev reports)."""
from __future__ import annotations

from datetime import date

import pytest

from storyline.actors.catalogue import load_catalogue


def by_text(ms):
    return {m.text: m.actor for m in ms}


@pytest.mark.parametrize("text, surface, actor", [
    ("Jaish-e-Muhammad fighters crossed the line overnight, police said.", "Jaish-e-Muhammad", "group:jem"),
    ("The JeM cell was broken up, officials in Srinagar said.", "JeM", "group:jem"),
    ("Officials blamed Lashkar-e-Toiba for the raid on the hotel.", "Lashkar-e-Toiba", "group:let"),
    ("A Hizbul Mujahideen commander surrendered on Monday.", "Hizbul Mujahideen", "group:hizbul_mujahideen"),
    ("The Pakistani Taliban claimed the bombing in Peshawar.", "Pakistani Taliban", "group:ttp"),
    ("Daesh lost its last town, the coalition announced.", "Daesh", "group:isis"),
    ("Al-Shabab gunmen stormed a hotel in Mogadishu.", "Al-Shabab", "group:al_shabaab"),
    ("Ansar Allah fired drones at a tanker.", "Ansar Allah", "group:houthis"),
    ("The Rapid Support Forces shelled a market in Omdurman.", "Rapid Support Forces", "group:rsf"),
    ("M23 rebels seized a border town.", "M23 rebels", "group:m23"),
    ("The PKK denied the attack.", "PKK", "group:pkk"),
])
def test_armed_groups_and_spellings(run, text, surface, actor):
    ms, _ = run(text, date(2020, 5, 4))
    assert by_text(ms).get(surface) == actor


def test_group_home_country_is_not_an_affiliation(run):
    _, acts = run("Boko Haram kidnapped dozens of pupils in a raid.", date(2021, 3, 1))
    group = acts["group:boko_haram"]
    assert group.kind == "group" and group.country == "NGA" and group.affiliation is None


def test_group_name_beats_its_first_word_before_a_title(run):
    ms, acts = run("Jaish-e-Mohammed commander Tariq Mehmood Lone was not seen in public.", date(2019, 3, 2))
    assert by_text(ms).get("Jaish-e-Mohammed") == "group:jem"
    assert acts["person:tariq_mehmood_lone"].affiliation == "group:jem"
    ms, acts = run("Jaish-e-Mohammed chief Masood Azhar was not seen in public.", date(2019, 3, 2))
    assert acts["masood_azhar"].affiliation == "group:jem"


def test_rsf_of_press_freedom_is_not_the_sudanese_militia(run):
    ms, _ = run("RSF said two journalists were detained, a blow to press freedom.", date(2023, 5, 3))
    assert "group:rsf" not in {m.actor for m in ms}


@pytest.mark.parametrize("text, surface, actor", [
    ("A CRPF convoy was hit near the highway.", "CRPF", "CRPF"),
    ("The ISPR said two jets were shot down.", "ISPR", "ISPR"),
    ("Inter-Services Intelligence officers met the delegation.", "Inter-Services Intelligence", "ISI"),
    ("IAF jets struck a camp before dawn, New Delhi said.", "IAF", "IND"),
    ("The IDF said it had hit a weapons depot.", "IDF", "ISR"),
    ("The Pakistan Air Force flew sorties along the border.", "Pakistan Air Force", "PAK"),
    ("Indian police detained three men.", "Indian police", "IND"),
    ("The Tatmadaw bombed a village in Sagaing.", "Tatmadaw", "MMR"),
])
def test_security_forces_and_armed_forces(run, text, surface, actor):
    ms, _ = run(text, date(2019, 2, 20))
    assert actor in {m.actor for m in ms if m.text.startswith(surface)}  # "IAF jets" names India too


def test_security_organ_keeps_its_country():
    cat = load_catalogue()
    for oid, iso in (("CRPF", "IND"), ("ISI", "PAK"), ("ISPR", "PAK"), ("IRGC", "IRN")):
        assert cat.get(oid).country == iso


@pytest.mark.parametrize("title, day, who", [
    ("Pakistan's foreign minister", date(2019, 2, 27), "shah_mahmood_qureshi"),
    ("Pakistan's foreign minister", date(2024, 6, 1), "ishaq_dar"),
    ("the Pakistani prime minister", date(2019, 2, 27), "imran_khan"),
    ("the Pakistani prime minister", date(2016, 1, 5), "nawaz_sharif"),
    ("Pakistan's army chief", date(2019, 2, 27), "qamar_javed_bajwa"),
    ("Pakistan's army chief", date(2025, 5, 10), "asim_munir"),
    ("the Pakistani president", date(2020, 1, 1), "arif_alvi"),
    ("India's finance minister", date(2019, 2, 15), "arun_jaitley"),
    ("India's foreign secretary", date(2019, 2, 26), "vijay_gokhale"),
    ("India's home minister", date(2021, 1, 1), "amit_shah"),
])
def test_south_asian_titles_by_date(run, title, day, who):
    ms, _ = run(f"{title[0].upper() + title[1:]} spoke to reporters on the crisis.", day)
    assert who in {m.actor for m in ms}


@pytest.mark.parametrize("text, day, who, affil", [
    ("Nasrallah warned that the border would not stay quiet.", date(2019, 9, 2), "hassan_nasrallah", "group:hezbollah"),
    ("Hemedti's fighters entered the city, witnesses said.", date(2023, 6, 1), "mohamed_hamdan_dagalo", "group:rsf"),
    ("The envoy met Abdel Fattah el-Sisi in Cairo.", date(2019, 3, 1), "abdel_fattah_el_sisi", "EGY"),
    ("Sheikh Mohammed bin Zayed Al Nahyan received the delegation.", date(2023, 1, 10), "mohamed_bin_zayed", "ARE"),
])
def test_crisis_leaders_and_group_leaders(run, text, day, who, affil):
    _, acts = run(text, day)
    assert who in acts and acts[who].affiliation == affil
