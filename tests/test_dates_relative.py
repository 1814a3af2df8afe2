"""Months and years the text names without a day: marked, placed against the article's date,
written as xsd:gYearMonth / xsd:gYear; what could be one of two months is left out."""
from __future__ import annotations

import pickle
from datetime import date

import pytest

from events_support import blank_pipeline
from kg.eval.gold import DateSpan
from kg.eval.match import date_agrees
from kg.extract.dates import day_of
from kg.model import PartialDate, date_from_iso

MID_MARCH = date(2019, 3, 14)


def marked(text: str) -> list[tuple[str, str]]:
    doc = blank_pipeline()(text)
    return [(span.text, span.label_) for span in doc.spans["kg_dates"]]


@pytest.mark.parametrize("text, expected", [
    ("They first met in June last year.", [("in June last year", "month_name")]),
    ("The deal fell apart last November.", [("last November", "month_name")]),
    ("Envoys met in early June.", [("in early June", "month_name")]),
    ("Talks resumed earlier this month.", [("earlier this month", "period")]),
    ("It was signed in 2018.", [("in 2018", "year")]),
    ("Tariffs in force since August 2017 stay.", [("since August 2017", "since")]),
    ("Prime Minister May said it.", []),
    ("They may meet in May.", [("in May", "month_name")]),
])
def test_months_and_years_are_marked(text, expected):
    assert marked(text) == expected


@pytest.mark.parametrize("kind, text, expected", [
    ("month_name", "in June last year", "2018-06"),
    ("month_name", "June this year", "2019-06"),
    ("month_name", "last November", "2018-11"),
    ("month_name", "last March", "2018-03"),
    ("month_name", "last February", "2019-02"),
    ("month_name", "next March", "2020-03"),
    ("month_name", "in January", "2019-01"),
    ("month_name", "in March", "2019-03"),
    ("month_name", "in December", None),  # this December to come, or last year's
    ("period", "earlier this month", "2019-03"),
    ("period", "last month", "2019-02"),
    ("period", "last year", "2018"),
    ("period", "the past year", None),
    ("period", "last week", "2019-03-04/2019-03-13"),
    ("year", "in 2018", "2018"),
    ("month", "in March 2016", "2016-03"),
    ("since", "since August 2017", "2017-08"),
    ("since", "since 2 August 2017", "2017-08-02"),
])
def test_months_and_years_resolve_against_the_article_date(kind, text, expected):
    found = day_of(kind, text, MID_MARCH)
    assert (found.isoformat() if found else None) == expected


def test_relative_months_need_the_article_date():
    assert day_of("month_name", "last November", None) is None
    assert day_of("period", "this month", None) is None
    assert day_of("month", "March 2016", None) == PartialDate(2016, 3)


def test_last_month_crosses_the_year():
    assert day_of("period", "last month", date(2019, 1, 9)) == PartialDate(2018, 12)


def test_partial_dates_are_not_their_first_day():
    june = PartialDate(2018, 6)
    assert june != date(2018, 6, 1) and date(2018, 6, 1) != june
    assert len({june, PartialDate(2018, 6), date(2018, 6, 1)}) == 2
    assert pickle.loads(pickle.dumps(june)) == june
    assert date_from_iso("2018") == PartialDate(2018)


@pytest.mark.parametrize("found, gold, agrees", [
    ("2018-06", "2018-06", True), ("2018-06", "2018", True),
    ("2018-06", "2018-06-12", False), ("2018", "2018-06", False),
    ("2018-06-12", "2018-06", True),
])
def test_a_graph_month_agrees_with_a_gold_span_that_holds_all_its_days(found, gold, agrees):
    assert date_agrees(DateSpan.parse(gold), [found]) is agrees


@pytest.mark.parametrize("text, expected", [
    ("He was held in March, 2018 and freed.", [("in March, 2018", "month")]),
    ("Prices rose over the next year.", []),
])
def test_written_years_and_periods_of_another_time(text, expected):
    assert marked(text) == expected
