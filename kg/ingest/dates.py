"""Publication dates as written in headers: ISO or written out, parsed by python-dateutil."""
from __future__ import annotations

import re
from datetime import date

from dateutil import parser as dateutil_parser

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
MAX_DATE_CHARS = 100  # "Saturday, 2 March 2019, 14:05 GMT+7" is 35; a longer value is prose


def parse_published(text: str) -> date | None:
    """The calendar date in a header value, or None when it holds no full date.

    A year must be written: "March 1" alone is not a publication date; a value longer than
    ``MAX_DATE_CHARS`` is not read as one either.

    >>> parse_published("March 1, 2019")
    datetime.date(2019, 3, 1)
    >>> parse_published("2019-03-02T08:15:00+07:00")
    datetime.date(2019, 3, 2)
    >>> parse_published("Saturday 2 March 2019, 14:05 GMT")
    datetime.date(2019, 3, 2)
    >>> parse_published("last week") is None
    True
    """
    if len(text) > MAX_DATE_CHARS or not _YEAR.search(text):
        return None
    try:
        return dateutil_parser.parse(text, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None
