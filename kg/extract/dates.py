"""Resolving the time expressions of ``doc.spans["kg_dates"]`` against an article's date.

A weekday is the most recent such day on or before the article's date, as news uses it; a day
word ("yesterday") counts from the article's date; a full date stands on its own. Where the
article has no date, only full dates resolve. Periods ("last week") and months never become a
day: a date the text does not support is left out.

>>> from datetime import date
>>> day_of("weekday", "on Thursday", date(2019, 3, 2))
datetime.date(2019, 2, 28)
>>> day_of("day", "yesterday", date(2019, 3, 2))
datetime.date(2019, 3, 1)
>>> since_of("since March 2016", date(2019, 3, 2))
'2016-03'
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache

from dateutil import parser as date_parser

from kg.nlp.events import read_lexicon_yaml

DAY_KINDS = frozenset({"day", "weekday", "date"})


@cache
def time_words() -> dict:
    """The word lists of ontology/lexicon/time.yaml."""
    return read_lexicon_yaml("time.yaml")


def words_of(text: str) -> list[str]:
    """The lower-case words of a time expression, punctuation dropped."""
    return [word.strip(".,").lower() for word in text.split() if word.strip(".,")]


def weekday_before(published: date, weekday: int) -> date:
    """The latest day with this weekday (0 = Monday) on or before ``published``."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def parsed_date(text: str, published: date | None) -> date | None:
    """A full date written out ("March 1, 2019", "1 March"), the year taken from the article."""
    anchor = datetime(published.year, 1, 1) if published else None
    try:
        parsed = date_parser.parse(text, default=anchor or datetime(1, 1, 1), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if anchor is None and parsed.year == 1:
        return None
    return parsed.date()


def day_of(kind: str, text: str, published: date | None) -> date | None:
    """The day a time expression of this kind names, or None where the text does not say."""
    words = words_of(text)
    if kind == "day" and published is not None:
        return published + timedelta(days=time_words()["relative_days"][words[-1]])
    if kind == "weekday" and published is not None:
        weekdays = time_words()["weekdays"]
        named = next(weekdays.index(word) for word in words if word in weekdays)
        return weekday_before(published, named)
    if kind == "date":
        return parsed_date(" ".join(word for word in words if word != "on"), published)
    return None


def since_of(text: str, published: date | None) -> str | None:
    """The ISO start ("2016-03", "2016", "2016-03-02") of a "since ..." expression."""
    words = [word for word in words_of(text) if word not in time_words()["since_words"]]
    months = time_words()["months"]
    abbreviations = time_words()["month_abbreviations"]
    month = next((months.index(w) + 1 if w in months else abbreviations[w]
                  for w in words if w in months or w in abbreviations), None)
    years = [w for w in words if len(w) == 4 and w.isdigit()]
    if not years:
        return None
    day_numbers = [w for w in words if w.isdigit() and len(w) <= 2]
    if month and day_numbers:
        full = parsed_date(" ".join(words), published)
        return full.isoformat() if full else None
    return f"{years[0]}-{month:02d}" if month else years[0]
