"""Absolute dates in the common English forms, and years told apart from other numbers."""
from datetime import date

import pytest

from storyline.time import normalize

DCT = date(2023, 3, 15)


def values(text: str, dct: date = DCT) -> dict[str, str | None]:
    return {t.text: t.value for t in normalize(text, dct)}


@pytest.mark.parametrize("text,span,value", [
    ("The accord was signed on March 3, 2019 in Oslo.", "March 3, 2019", "2019-03-03"),
    ("The accord was signed on 3 March 2019 in Oslo.", "3 March 2019", "2019-03-03"),
    ("The accord was signed on the 3rd of March, 2019.", "the 3rd of March, 2019", "2019-03-03"),
    ("Filed 2019-03-03 by the ministry.", "2019-03-03", "2019-03-03"),
    ("Filed 03/04/2019 by the ministry.", "03/04/2019", "2019-03-04"),     # US order by default
    ("Filed 25/04/2019 by the ministry.", "25/04/2019", "2019-04-25"),     # day first when it must be
    ("Talks resumed in February 2021 after a pause.", "February 2021", "2021-02"),
    ("Sanctions were imposed on Sept. 9, 2018.", "Sept. 9, 2018", "2018-09-09"),
    ("Troops left on Friday, Feb. 4, 2022.", "Friday, Feb. 4, 2022", "2022-02-04"),
])
def test_absolute_forms(text, span, value):
    assert values(text)[span] == value


def test_years_and_not_years():
    got = values("After the 1999 bombing and in 2004, parliament passed H.R. 2010 by 2015 votes; "
                 "prices rose 12 percent since 2016. The 1980s were calm. © 2023 Some Agency")
    assert got["1999"] == "1999"
    assert got["2004"] == "2004"
    assert got["since 2016"] == "2016"
    assert got["The 1980s"] == "198"
    assert "2010" not in got and "2015" not in got and "2023" not in got


def test_may_the_verb_is_not_a_month():
    got = values("Officials may decide to march on. They met in May.")
    assert list(got) == ["May"]
    assert got["May"] == "2022-05"


def test_since_month_year_keeps_since_in_span():
    t = normalize("Fighting has continued since April 2014 in the east.", DCT)[0]
    assert (t.text, t.value, t.rule) == ("since April 2014", "2014-04", "since_month_year")


def test_offsets_cut_back_the_text():
    text = "Leaders met on 12 July 2020.\nThey will meet again next month."
    for t in normalize(text, DCT, "d1"):
        assert text[t.start:t.end] == t.text and t.doc == "d1"


def test_ordinal_second_is_not_a_duration():
    assert values("A second round of talks is planned.") == {}


def test_datetime_and_string_dct_accepted():
    from datetime import datetime
    assert values("It happened yesterday.", datetime(2023, 3, 15, 9, 30))["yesterday"] == "2023-03-14"
    assert {t.text: t.value for t in normalize("It happened yesterday.", "2023-03-15")}["yesterday"] == "2023-03-14"
