"""Resolving the time expressions of ``doc.spans["kg_dates"]`` against an article's date.

A weekday is the most recent such day on or before the article's date, as news uses it, or
the first after it for an event the caller knows is to come ("will meet on Tuesday"); a day
word ("yesterday") counts from the article's date; a full date stands on its own. A month or a
year the text names ("in March 2016", "last November", "in June last year", "earlier this
month", "in 2018", "since August 2017") is a ``PartialDate``: a date without its day, written
"2018-06" or "2018". Where the article has no date, only what the text writes out in full
resolves. A day counted from another ("the next day", "two days later") counts from the day
the text named last, which the caller gives. A week ("last week", "earlier this week") is a
``DateRange``: the days it may stand for. "The past year" and a month name that could be this
year's or last year's ("in December" in a March article) are left out, unless the caller knows the event is past ("died in December" in a March article: last
December; so too "on December 12") or to come ("will visit in February" in a March article:
next February): a date the text does not support is not guessed.

>>> from datetime import date
>>> day_of("weekday", "on Thursday", date(2019, 3, 2))
datetime.date(2019, 2, 28)
>>> day_of("day", "yesterday", date(2019, 3, 2))
datetime.date(2019, 3, 1)
>>> day_of("month_name", "last November", date(2019, 6, 13)).isoformat()
'2018-11'
>>> day_of("anchored", "two days later", date(2019, 3, 2), last_day=date(2019, 2, 27))
datetime.date(2019, 3, 1)
>>> since_of("since March 2016", date(2019, 3, 2))
'2016-03'
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache

from dateutil import parser as date_parser

from kg.model import PartialDate, date_from_iso, days_between
from kg.nlp.events import read_lexicon_yaml

# the kinds of time expression that date an event (kg/extract/events.py reads this name)
DAY_KINDS = frozenset({"day", "weekday", "date", "month", "month_name", "year", "period",
                       "since", "anchored", "ago"})


@cache
def time_words() -> dict:
    """The word lists of ontology/lexicon/time.yaml."""
    return read_lexicon_yaml("time.yaml")


def words_of(text: str) -> list[str]:
    """The lower-case words of a time expression, punctuation dropped, words joined by a
    hyphen apart ("mid-March": "mid", "march")."""
    return [word.strip(".,").lower() for word in re.split(r"\s+|(?<=[a-zA-Z])-(?=[a-zA-Z])", text)
            if word.strip(".,")]


def month_number(words: list[str]) -> int | None:
    """The month a time expression names (1-12), by full name or abbreviation."""
    months = time_words()["months"]
    abbreviations = time_words()["month_abbreviations"]
    return next((months.index(w) + 1 if w in months else abbreviations[w]
                 for w in words if w in months or w in abbreviations), None)


def weekday_before(published: date, weekday: int) -> date:
    """The latest day with this weekday (0 = Monday) on or before ``published``."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def weekday_after(published: date, weekday: int) -> date:
    """The first day with this weekday (0 = Monday) after ``published``."""
    return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)


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


def dated_day(words: list[str], published: date | None, tense: str | None = None) -> date | None:
    """A day written with its month ("March 1, 2019", "on 4 March", "March 1 last year").
    One written without its year is in the article's year; or in the year before for an
    event told as past that would then fall after the article's date ("signed on November
    27" in a January article), in the year after for one to come that would fall before it.
    """
    offsets = time_words()["modifier_offsets"]
    offset = next((offsets[w] for w in words if w in offsets), None)
    written = [w for w in words if w != "on" and w not in offsets and w != "year"]
    day = parsed_date(" ".join(written), published)
    if day is None or published is None or any(len(w) == 4 and w.isdigit() for w in words):
        return day
    if offset is None:
        offset = -1 if tense == "past" and day > published else \
            1 if tense == "future" and day < published else 0
    if offset and (day.month, day.day) == (2, 29):
        return None
    return day.replace(year=day.year + offset)


def shifted_month(published: date, months: int) -> PartialDate:
    """The month ``months`` after (before, where negative) the article's month."""
    index = published.year * 12 + published.month - 1 + months
    return PartialDate(index // 12, index % 12 + 1)


def named_month(words: list[str], published: date, tense: str | None = None) -> PartialDate | None:
    """A month named without its year, placed by the words around it.

    "June last year": in the year before the article's; "last November": the latest November
    before the article's month; "next March": the first March after it; "in June" and "early
    June": this year's where that is not after the article's month; else, for an event told
    as past (``tense``), last year's, and otherwise left out (it could be last year's or one
    to come); for an event to come, the first such month from the article's on.
    """
    month = month_number(words)
    offsets = time_words()["modifier_offsets"]
    offset = next((offsets[w] for w in words if w in offsets), None)
    if month is None:
        return None
    if "year" in words and offset is not None:
        return PartialDate(published.year + offset, month)
    if offset == -1:
        return PartialDate(published.year - (month >= published.month), month)
    if offset == 1:
        return PartialDate(published.year + (month <= published.month), month)
    if tense == "future" and offset is None:
        return PartialDate(published.year + (month < published.month), month)
    if offset == 0 or month <= published.month:
        return PartialDate(published.year, month)
    return PartialDate(published.year - 1, month) if tense == "past" else None


def relative_day_offset(words: list[str]) -> int:
    """How many days a day named from the article's lies from it ("yesterday": -1, "last
    night": -1, "this morning": 0)."""
    parts = time_words()["relative_day_parts"]
    phrase = " ".join(words[-2:])
    return parts[phrase] if phrase in parts else time_words()["relative_days"][words[-1]]


def counted_days(count: str, unit: str) -> int | None:
    """How many days a count of units makes ("two days": 2, "a week": 7), or None."""
    words_of_time = time_words()
    number = int(count) if count.isdigit() else words_of_time["counts"].get(count)
    if number is None or unit not in words_of_time["anchored_units"]:
        return None
    return number * words_of_time["anchored_units"][unit]


def anchored_offset(words: list[str]) -> int | None:
    """How many days a day counted from another lies after it ("the next day": 1, "two days
    earlier": -2, "later that evening": 0)."""
    words_of_time = time_words()
    directions = words_of_time["anchored_directions"]
    if len(words) >= 3 and words[-1] in directions:
        days = counted_days(words[-3], words[-2])
        return None if days is None else days * directions[words[-1]]
    text = f" {' '.join(words)} "
    return next((offset for phrase, offset in words_of_time["anchored_day_words"].items()
                 if f" {phrase} " in text), None)


def calendar_period(words: list[str], published: date) -> PartialDate | None:
    """A calendar month or year named from the article's ("last month", "earlier this year");
    None for weeks and for the past twelve months ("the past year")."""
    offsets = time_words()["modifier_offsets"]
    offset = next((offsets[w] for w in words if w in offsets), None)
    if offset is None or words[-1] not in time_words()["dated_periods"]:
        return None
    if words[-1] == "month":
        return shifted_month(published, offset)
    return PartialDate(published.year + offset)


def week_range(words: list[str], published: date, tense: str | None = None) -> date | None:
    """The days a week or weekend named from the article's may stand for, or None.

    "last week" is any day from the Monday of the week before the article's to the day
    before the article's (a report of Wednesday may call Monday "last week"); "earlier this
    week" runs from this week's Monday to the day before, "this week" to the article's day
    for an event told as past and from it to Sunday for one to come; "later this week" and
    "next week" are to come; "last weekend" is the Saturday and Sunday before the article's
    day. A qualifier ("late last week") narrows nothing: the range holds the day either way.
    Where the range is one day ("earlier this week" on a Tuesday) it is that day.

    >>> week_range(["last", "week"], date(2024, 8, 14))
    DateRange('2024-08-05/2024-08-13')
    >>> week_range(["last", "weekend"], date(2024, 8, 14))
    DateRange('2024-08-10/2024-08-11')
    """
    offsets = time_words()["modifier_offsets"]
    offset = next((offsets[w] for w in words if w in offsets), None)
    monday = published - timedelta(days=published.weekday())
    qualifier = words[0] if words[0] in time_words()["qualifiers"] else None
    if words[-1] == "weekend":
        sunday = monday - timedelta(days=1)
        if offset is None and "the" in words:
            return weekend_of_the_news(published, tense)
        return days_between(sunday - timedelta(days=1), sunday) if offset == -1 else None
    if offset == -1:
        return days_between(monday - timedelta(days=7), published - timedelta(days=1))
    if offset == 1:
        return days_between(monday + timedelta(days=7), monday + timedelta(days=13))
    if qualifier == "later" or tense == "future":
        first, sunday = published + timedelta(days=qualifier == "later"), monday + timedelta(6)
        return days_between(first, sunday) if first <= sunday else None
    last = published - timedelta(days=qualifier == "earlier")
    return days_between(monday, last) if monday <= last and (qualifier or tense == "past") \
        else None


def weekend_of_the_news(published: date, tense: str | None) -> date | None:
    """The days "over the weekend" stands for: for an event told as past, the Saturday and
    Sunday before the article's day (up to the article's day where that is one of them);
    for one to come, this week's Saturday and Sunday, from a weekday; else None.

    >>> weekend_of_the_news(date(2024, 8, 12), "past")
    DateRange('2024-08-10/2024-08-11')
    """
    saturday = published - timedelta(days=published.weekday()) + timedelta(days=5)
    if tense == "past":
        if published >= saturday:
            return days_between(saturday, published) if published > saturday else saturday
        return days_between(saturday - timedelta(days=7), saturday - timedelta(days=6))
    if tense == "future" and published < saturday:
        return days_between(saturday, saturday + timedelta(days=1))
    return None


def written_month_or_year(words: list[str]) -> PartialDate | None:
    """A month with its year or a year, as written ("in March 2016", "in 2018")."""
    years = [int(w) for w in words if len(w) == 4 and w.isdigit()]
    if not years:
        return None
    month = month_number(words)
    return PartialDate(years[0], month) if month else PartialDate(years[0])


def day_of(kind: str, text: str, published: date | None, last_day: date | None = None,
           tense: str | None = None) -> date | None:
    """The day (or ``PartialDate``) a time expression of this kind names, or None where the
    text does not say; ``last_day`` is the day the text named last (for "the next day"),
    ``tense`` "past" or "future" where the event dated is told as past or to come (for a
    weekday, and a month or day named without its year)."""
    words = words_of(text)
    if kind == "anchored":
        offset = anchored_offset(words)
        return last_day + timedelta(days=offset) if last_day and offset is not None else None
    if kind == "date":
        return dated_day(words, published, tense)
    if kind in ("month", "year"):
        return written_month_or_year(words)
    if kind == "since":
        start = since_of(text, published)
        return date_from_iso(start) if start else None
    if published is None:
        return None
    if kind == "day":
        return published + timedelta(days=relative_day_offset(words))
    if kind == "ago":
        days = counted_days(words[-3], words[-2])
        return None if days is None else published - timedelta(days=days)
    if kind == "weekday":
        weekdays = time_words()["weekdays"]
        named = next(weekdays.index(word) for word in words if word in weekdays)
        return (weekday_after if tense == "future" else weekday_before)(published, named)
    if kind == "month_name":
        return named_month(words, published, tense)
    if kind == "period":
        if words[-1] in time_words()["week_periods"]:
            return week_range(words, published, tense)
        return calendar_period(words, published)
    return None


def since_of(text: str, published: date | None) -> str | None:
    """The ISO start ("2016-03", "2016", "2016-03-02", "2018" for "since last year", the
    month before the article's for "since late October") of a "since ..." expression."""
    words = [word for word in words_of(text) if word not in time_words()["since_words"]]
    written = written_month_or_year(words) or (
        calendar_period(words, published) or named_month(words, published, "past")
        if published and words else None)
    if written is None:
        return None
    if written.precision == "month" and any(w.isdigit() and len(w) <= 2 for w in words):
        full = parsed_date(" ".join(words), published)
        return full.isoformat() if full else None
    return written.isoformat()
