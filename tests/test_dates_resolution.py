"""Time expressions: marked by kg_dates, resolved against the article's date."""
from __future__ import annotations

from datetime import date

import pytest

from events_support import blank_pipeline
from kg.extract.dates import day_of, since_of, weekday_before
from kg.model import DateRange, PartialDate

SATURDAY = date(2019, 3, 2)


def marked(text: str) -> list[tuple[str, str]]:
    doc = blank_pipeline()(text)
    return [(span.text, span.label_) for span in doc.spans["kg_dates"]]


@pytest.mark.parametrize("text, expected", [
    ("They met yesterday.", [("yesterday", "day")]),
    ("They met on Thursday.", [("on Thursday", "weekday")]),
    ("They met Thursday night.", [("Thursday night", "weekday")]),
    ("It began in March 2016.", [("in March 2016", "month")]),
    ("In force since March 2016.", [("since March 2016", "since")]),
    ("Signed on March 1, 2019 in Hanoi.", [("on March 1, 2019", "date")]),
    ("Signed 1 March 2019.", [("1 March 2019", "date")]),
    ("Seen 2019-03-01.", [("2019-03-01", "date")]),
    ("They talked last week.", [("last week", "period")]),
    ("He may go.", []),
])
def test_time_expressions_are_marked(text, expected):
    assert marked(text) == expected


@pytest.mark.parametrize("kind, text, expected", [
    ("day", "yesterday", date(2019, 3, 1)),
    ("day", "today", SATURDAY),
    ("weekday", "on Thursday", date(2019, 2, 28)),
    ("weekday", "Thursday night", date(2019, 2, 28)),
    ("weekday", "Saturday", SATURDAY),
    ("weekday", "Sunday", date(2019, 2, 24)),
    ("date", "March 1, 2019", date(2019, 3, 1)),
    ("date", "on 4 March", date(2019, 3, 4)),
    ("month", "in March 2016", PartialDate(2016, 3)),
    ("period", "last week", DateRange(date(2019, 2, 18), date(2019, 3, 1))),
])
def test_days_resolve_against_the_article_date(kind, text, expected):
    assert day_of(kind, text, SATURDAY) == expected


def test_relative_days_need_the_article_date():
    assert day_of("weekday", "Friday", None) is None
    assert day_of("day", "yesterday", None) is None
    assert day_of("date", "March 1, 2019", None) == date(2019, 3, 1)
    assert day_of("date", "March 1", None) is None


def test_weekday_is_on_or_before_the_article_date():
    for offset in range(7):
        day = weekday_before(SATURDAY, offset)
        assert day <= SATURDAY and (SATURDAY - day).days < 7 and day.weekday() == offset


@pytest.mark.parametrize("text, expected", [
    ("since March 2016", "2016-03"), ("since 2016", "2016"),
    ("since 2 March 2016", "2016-03-02"), ("since Tuesday", None),
])
def test_since(text, expected):
    assert since_of(text, SATURDAY) == expected
