"""Time expressions in the shapes news writes them: abbreviated months with a period,
ordinal days, qualified years and months, parts of the day and counts back from the
article's date (kg/nlp/dates.py, kg/extract/dates.py)."""
from __future__ import annotations

from datetime import date

from kg.model import PartialDate
from test_events_setting import dates_of, marked


def test_an_abbreviated_month_with_its_period_is_a_date():
    assert marked("Kim met Trump on Sept. 5 in Hanoi.") == [("on Sept. 5", "date")]
    assert dates_of("Kim met Trump on Feb. 26.")["Meeting"] == date(2019, 2, 26)


def test_an_ordinal_day_is_a_date():
    assert dates_of("Kim met Trump on February 26th.")["Meeting"] == date(2019, 2, 26)
    assert dates_of("Kim met Trump on 26th February 2019.")["Meeting"] == date(2019, 2, 26)


def test_a_qualified_year_or_month_is_that_year_or_month():
    assert marked("Kim met Trump in late 2018.") == [("in late 2018", "year")]
    assert dates_of("Kim met Trump in late 2018.")["Meeting"].isoformat() == "2018"
    assert dates_of("Kim met Trump in mid-February.")["Meeting"].isoformat() == "2019-02"


def test_a_qualified_month_after_since_dates_no_act():
    assert marked("Kim has accused Trump of bad faith since late February.") \
        == [("since late February", "since")]
    assert dates_of("Kim has accused Trump of bad faith since late February.") \
        == {"Accusation": None}
    assert dates_of("Seoul has been wary since early February, when Kim met Trump.") \
        == {"Meeting": PartialDate(2019, 2)}


def test_a_qualifier_without_in_makes_no_year():
    assert marked("Kim hopes to meet Trump by late 2019.") == []


def test_parts_of_the_day_are_counted_from_the_article_s_date():
    assert dates_of("Kim met Trump last night.")["Meeting"] == date(2019, 2, 28)
    assert dates_of("Kim met Trump this morning.")["Meeting"] == date(2019, 3, 1)


def test_a_count_of_days_ago_is_counted_back_from_the_article_s_date():
    assert dates_of("Kim met Trump three days ago.")["Meeting"] == date(2019, 2, 26)


def test_days_ago_without_the_article_s_date_date_nothing():
    assert dates_of("Kim met Trump three days ago.", published=None)["Meeting"] is None


def test_over_the_weekend_is_the_weekend_before_a_weekday_article():
    found = dates_of("Kim met Trump over the weekend.")  # a Friday article
    assert found["Meeting"].isoformat() == "2019-02-23/2019-02-24"


def test_at_the_weekend_in_a_sunday_article_runs_to_that_day():
    found = dates_of("Kim met Trump at the weekend.", published=date(2019, 3, 3))
    assert found["Meeting"].isoformat() == "2019-03-02/2019-03-03"


def test_the_weekend_of_a_present_tense_dates_nothing():
    assert dates_of("Kim meets Trump at the weekend.")["Meeting"] is None
