"""Header styles of plain-text news files, each a small function tried in order.

A style looks at the start of the remaining text; when it recognises its header it returns
the fields it read and the text after it, else None. ``parse_header`` applies styles until none
applies, then tries the dateline that opens the first paragraph, and returns what is left as
the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Callable, Optional

from kg.ingest.dates import parse_published

Fields = dict[str, object]
HeaderStyle = Callable[[str, "Header"], Optional[tuple[Fields, str]]]


@dataclass
class Header:
    """Metadata found around an article's body; None where nothing said it."""

    title: str | None = None
    published: date | None = None
    dateline: str | None = None
    publisher: str | None = None
    byline: str | None = None
    url: str | None = None
    unread_date: str | None = None  # a date field as written that is no date ("2019-13-45")

    def fill(self, found: Fields) -> None:
        """Set the fields still empty from ``found``; what was read first wins.

        >>> header = Header(title="First")
        >>> header.fill({"title": "Second", "byline": "A. Writer"})
        >>> header.title, header.byline
        ('First', 'A. Writer')
        """
        for name, value in found.items():
            if value not in (None, "") and getattr(self, name) is None:
                setattr(self, name, value)

    def as_dict(self) -> Fields:
        """The fields that are set."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not None}


def _first_paragraph(text: str) -> tuple[str, str]:
    """Split off the first paragraph (up to the first blank line)."""
    head, _, rest = text.partition("\n\n")
    return head, rest


def _first_line(text: str) -> tuple[str, str]:
    """Split off the first line."""
    head, _, rest = text.partition("\n")
    return head.strip(), rest


def place_name(written: str) -> str:
    """A dateline place as a name: all-caps datelines are title-cased.

    >>> place_name("HANOI"), place_name("NEW YORK"), place_name("Geneva")
    ('Hanoi', 'New York', 'Geneva')
    """
    written = written.strip()
    return written.title() if written.isupper() else written


def outlet_name(written: str) -> str:
    """The outlet in a ``source:`` value: the part before the first comma.

    >>> outlet_name("Wikinews (en), via an archive, CC BY 2.5")
    'Wikinews (en)'
    """
    return written.split(",")[0].strip()


_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z _-]{0,20}?)\s*:\s*(?P<value>.*\S)\s*$")


def date_fields(written: str) -> Fields:
    """The publication date a header gives, or the words it gave where they are no date.

    >>> date_fields("4 May 2021"), date_fields("soon")
    ({'published': datetime.date(2021, 5, 4)}, {'unread_date': 'soon'})
    """
    published = parse_published(written)
    return {"published": published} if published else {"unread_date": written.strip()}


#: header keys -> (field, how its value is read); a date's reader gives Fields (date_fields)
_KEY_FIELDS: dict[str, tuple[str, Callable[[str], object]]] = {
    "title": ("title", str.strip),
    "headline": ("title", str.strip),
    "date": ("published", date_fields),
    "published": ("published", date_fields),
    "source": ("publisher", outlet_name),
    "publisher": ("publisher", outlet_name),
    "agency": ("publisher", outlet_name),
    "url": ("url", str.strip),
    "link": ("url", str.strip),
    "author": ("byline", str.strip),
    "byline": ("byline", str.strip),
    "dateline": ("dateline", place_name),
}


def key_value_block(text: str, header: Header) -> tuple[Fields, str] | None:
    """A first paragraph made only of ``key: value`` lines (title:, date:, source:, url:).

    >>> key_value_block("title: Talks end\\ndate: 2020-05-01\\n\\nBody.", Header())[0]
    {'title': 'Talks end', 'published': datetime.date(2020, 5, 1)}
    """
    block, rest = _first_paragraph(text)
    matches = [_KEY_VALUE.match(line) for line in block.splitlines()]
    if not matches or not all(matches):
        return None
    found = fields_from_keys({m["key"]: m["value"] for m in matches if m})
    return (found, rest) if found else None


def fields_from_keys(values: dict[str, object]) -> Fields:
    """Header fields from named values (a key: value block, a .jsonl record); others ignored.

    >>> fields_from_keys({"Source": "AP, New York", "dateline": "PARIS", "text": "..."})
    {'publisher': 'AP', 'dateline': 'Paris'}
    >>> fields_from_keys({"date": "2019-13-45"})
    {'unread_date': '2019-13-45'}
    """
    found: Fields = {}
    for key, value in values.items():
        known = _KEY_FIELDS.get(key.strip().lower())
        if known and isinstance(value, str) and value.strip():
            name, convert = known
            converted = convert(value)
            for field_name, read in (converted if name == "published"
                                     else {name: converted}).items():
                found.setdefault(field_name, read)
    return found



_AGENCY_DATE_LINE = re.compile(
    r"^date\s+(?P<when>\S+)\s+(?P<agency>[^,\n]+?)\s*,\s*(?P<place>[^,\n]+?)\s*$", re.IGNORECASE)


def agency_date_line(text: str, header: Header) -> tuple[Fields, str] | None:
    """A first line "date YYYY-MM-DD AGENCY, CITY".

    >>> agency_date_line("date 2021-06-07 Reuters, GENEVA\\n\\nBody.", Header())[0]
    {'published': datetime.date(2021, 6, 7), 'publisher': 'Reuters', 'dateline': 'Geneva'}
    """
    line, rest = _first_line(text)
    match = _AGENCY_DATE_LINE.match(line)
    if not match:
        return None
    return ({**date_fields(match["when"]), "publisher": match["agency"],
             "dateline": place_name(match["place"])}, rest)


def stray_number_line(text: str, header: Header) -> tuple[Fields, str] | None:
    """A line holding only a number (a word count or page number left by a paste): dropped.

    >>> stray_number_line("212\\n\\nBody.", Header())
    ({}, '\\nBody.')
    """
    line, rest = _first_line(text)
    return ({}, rest) if line.isdigit() else None


_BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][^\n]*[^\s.])$")


def byline_line(text: str, header: Header) -> tuple[Fields, str] | None:
    """A short "By NAME" line that does not end as a sentence does.

    >>> byline_line("By Ana Lima and Tom Berg\\nBody.", Header())[0]
    {'byline': 'Ana Lima and Tom Berg'}
    >>> byline_line("By Friday the talks had ended.", Header()) is None
    True
    """
    line, rest = _first_line(text)
    match = _BYLINE.match(line)
    if not match or len(line.split()) > 12:
        return None
    return {"byline": match["name"].strip()}, rest


_PUBLISHED = re.compile(r"^(?:Published|Posted|Updated)(?:\s+on)?\s*:?\s+(?P<when>.+)$",
                        re.IGNORECASE)


def published_line(text: str, header: Header) -> tuple[Fields, str] | None:
    """A "Published ..." (or "Posted", "Updated") line carrying a date.

    >>> published_line("Published: 4 May 2021, 09:30\\nBody.", Header())[0]
    {'published': datetime.date(2021, 5, 4)}
    """
    line, rest = _first_line(text)
    match = _PUBLISHED.match(line)
    when = parse_published(match["when"]) if match else None
    return ({"published": when}, rest) if when else None


_SENTENCE_END = tuple(".,;:\"'”’»")
_OPENING_QUOTES = "\"'‘“«"


def title_line(text: str, header: Header) -> tuple[Fields, str] | None:
    """A short first line that does not end as a sentence does, alone in its paragraph or
    followed by a byline, "Published" or number line: the title.

    Only while no title is known; it starts with a letter, a digit or a quote mark.

    >>> title_line("Ceasefire talks open in Doha\\n\\nMediators met.", Header())[0]
    {'title': 'Ceasefire talks open in Doha'}
    >>> title_line("Mediators met on Monday.\\n\\nThey spoke.", Header()) is None
    True
    """
    paragraph, rest = _first_paragraph(text)
    line, after_line = _first_line(paragraph)
    if "\n" in paragraph.strip():
        if not any(style(after_line, header) for style in _LINES_AFTER_TITLE):
            return None
        rest = after_line + "\n\n" + rest
    words = line.split()
    if (header.title is not None or not rest.strip()
            or not 2 <= len(words) <= 20 or line.endswith(_SENTENCE_END)
            or not (line[0].isalnum() or line[0] in _OPENING_QUOTES)):
        return None
    return {"title": line}, rest


_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][^,()\n\d–—]{0,40}?)"
    r"(?:,\s*(?P<when>[^()\n–—]{3,40}?))?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?\s*[-–—]+\s+")


def dateline_lead(text: str) -> tuple[Fields, str] | None:
    """A dateline opening the first paragraph: "CITY, Month D, YYYY (AGENCY) –",
    "CITY (AGENCY) -", or an all-caps "CITY –" with no agency.

    >>> dateline_lead("DOHA, May 3, 2021 (QNA) – Mediators met.")
    ({'dateline': 'Doha', 'publisher': 'QNA', 'published': datetime.date(2021, 5, 3)}, 'Mediators met.')
    >>> dateline_lead("GENEVA (Reuters) - Talks opened.")[0]
    {'dateline': 'Geneva', 'publisher': 'Reuters'}
    >>> dateline_lead("TEHRAN – Envoys met.")[0], dateline_lead("Iran-US talks – a recap.")
    ({'dateline': 'Tehran'}, None)
    """
    match = _DATELINE.match(text)
    if (not match or not match["place"][0].isupper() or len(match["place"].split()) > 4
            or not (match["agency"] or match["place"].isupper())):
        return None
    found: Fields = {"dateline": place_name(match["place"])}
    if match["agency"]:
        found["publisher"] = match["agency"].strip()
    if match["when"]:
        found["published"] = parse_published(match["when"])
        if found["published"] is None:
            return None
    return found, text[match.end():]


_LINES_AFTER_TITLE: tuple[HeaderStyle, ...] = (byline_line, published_line, stray_number_line)

HEADER_STYLES: tuple[HeaderStyle, ...] = (
    key_value_block, agency_date_line, stray_number_line, byline_line, published_line, title_line,
)


MAX_HEADER_PARTS = 8
"""The most header parts (a line, or a block of key: value lines) read off one article: a
header is short, and what follows that many parts is body (also when it is a long run of
byline-like lines, which would otherwise be read one at a time)."""


def parse_header(text: str) -> tuple[Header, str]:
    """Read the header off a plain-text article: its metadata and the body that follows.

    >>> header, body = parse_header("Talks resume\\n\\n12\\n\\nGENEVA (AP) - Envoys met.")
    >>> header.title, header.dateline, header.publisher, body
    ('Talks resume', 'Geneva', 'AP', 'Envoys met.')
    """
    header = Header()
    rest = text.strip()
    for _ in range(MAX_HEADER_PARTS):
        matched = next(filter(None, (style(rest, header) for style in HEADER_STYLES)), None)
        if not matched:
            break
        header.fill(matched[0])
        rest = matched[1].strip()
    lead = dateline_lead(rest)
    if lead:
        header.fill(lead[0])
        rest = lead[1].strip()
    return header, rest
