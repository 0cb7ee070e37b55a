"""Names spaCy cuts or mislabels: particles, three-part names, a name tagged as an organisation."""
from __future__ import annotations

from datetime import date

import pytest


def names(ms):
    return {m.text: m.actor for m in ms}


@pytest.mark.parametrize("text, full", [
    ("Dutch minister Ank van der Berg opened the session.", "Ank van der Berg"),
    ("Egypt's foreign minister, Karim Hassan Mansour, spoke.", "Karim Hassan Mansour"),
    ("Pakistan's interior minister, Rashid Ahmed Sheikh, said the border was closed.", "Rashid Ahmed Sheikh"),
    ("The envoy met Youssef Abdel Rahman el-Masri in Cairo on Sunday.", "Youssef Abdel Rahman el-Masri"),
])
def test_multi_part_names_are_whole(run, text, full):
    ms, acts = run(text, date(2019, 3, 1))
    got = names(ms)
    assert full in got, got
    assert not any(a.kind == "person" and a.name != full and a.name in full for a in acts.values())


def test_catalogued_three_part_name_after_a_title(run):
    ms, acts = run("Pakistani Foreign Minister Shah Mahmood Qureshi spoke to his Chinese counterpart.",
                   date(2019, 2, 28))
    assert names(ms).get("Shah Mahmood Qureshi") == "shah_mahmood_qureshi"
    assert acts["shah_mahmood_qureshi"].affiliation == "PAK"


def test_unknown_three_part_name_split_by_ner(run):
    ms, _ = run("Foreign Minister Makhdoom Zain Qureshi told parliament the talks were over.", date(2019, 3, 1))
    assert any(m.text.endswith("Zain Qureshi") and m.actor.startswith("person:") for m in ms)


def test_name_does_not_run_into_a_country(run):
    ms, _ = run("Envoy Jan Kowalski Pakistan visit was cancelled.", date(2019, 3, 1))
    assert names(ms).get("Pakistan") == "PAK"


def test_title_case_headline_is_not_swallowed(run):
    ms, _ = run("Imran Khan Offers Talks To India", date(2019, 2, 28))
    assert names(ms).get("Imran Khan") == "imran_khan"
    assert names(ms).get("India") == "IND"
