"""One reader per input format; each turns an opened input into Articles.

Plain text has its header parsed off (kg.ingest.headers); .jsonl gives fields per line; .html
goes through trafilatura for the main text and the metadata in its meta tags.
"""
from __future__ import annotations

import json
import re
from typing import BinaryIO, Callable, Iterator

import trafilatura

from kg.ingest.dates import parse_published
from kg.ingest.headers import Header, fields_from_keys, parse_header
from kg.ingest.report import Report
from kg.ingest.sources import IngestOptions, Input, decode_text, read_limited
from kg.model import Article

Reader = Callable[[BinaryIO, Input, IngestOptions, Report], Iterator[Article]]


def article_from_text(text: str, where: str, options: IngestOptions, report: Report,
                      known: Header | None = None) -> Article | None:
    """An Article from text with or without a header; ``known`` metadata wins over the header.

    None (reported) when no body is left once the header is read off.

    >>> article = article_from_text("date 2021-06-07 AP, GENEVA\\n\\nEnvoys met.", "a.txt",
    ...                             IngestOptions(), Report())
    >>> article.published, article.dateline, article.publisher, article.text
    (datetime.date(2021, 6, 7), 'Geneva', 'AP', 'Envoys met.')
    """
    found, body = parse_header(text)
    header = known or Header()
    header.fill(found.as_dict())
    header.fill({"published": options.default_date})
    if not body:
        report.skip(where, "no article text", "only a header")
        return None
    known_fields = header.as_dict()
    unread = known_fields.pop("unread_date", None)
    if unread and header.published is None:
        report.warn(where, "unreadable date", f"{unread!r} is no calendar date; relative dates "
                    "stay unresolved, --date YYYY-MM-DD gives one")
    return Article.from_text(body, source=where, **known_fields)


def read_plain_text(stream: BinaryIO, source: Input, options: IngestOptions,
                    report: Report) -> Iterator[Article]:
    """A text file: one article, its header parsed off."""
    data = read_limited(stream, source.name, options, report)
    text = decode_text(data, source.name, report) if data is not None else None
    article = article_from_text(text, source.name, options, report) if text is not None else None
    if article:
        yield article


def read_jsonl(stream: BinaryIO, source: Input, options: IngestOptions,
               report: Report) -> Iterator[Article]:
    """JSON Lines: one article per line, ``text`` required; ``title``, ``date``, ``source``,
    ``url``, ``id`` (and the other keys of a key: value header) optional.

    ``max_bytes`` applies to each line, so a large corpus file can still be read."""
    for number, raw in enumerate(stream, start=1):
        where = f"{source.name}:{number}"
        if not raw.strip():
            continue
        if len(raw) > options.max_bytes:
            report.skip(where, "over the size limit", f"line longer than {options.max_bytes} bytes")
            continue
        line = decode_text(raw, where, report)
        record = _json_record(line, where, report) if line is not None else None
        if record is None:
            continue
        known = Header(**fields_from_keys(record))
        name = f"{where}#{record['id']}" if record.get("id") not in (None, "") else where
        article = article_from_text(record["text"], name, options, report, known)
        if article:
            yield article


def _json_record(line: str, where: str, report: Report) -> dict | None:
    """The JSON object of one .jsonl line with a non-empty ``text``, else None (reported)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        report.skip(where, "not JSON", error.msg)
        return None
    except RecursionError:
        report.skip(where, "not JSON", "nested too deeply")
        return None
    if not isinstance(record, dict):
        report.skip(where, "not a JSON object")
        return None
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        report.skip(where, "no text", 'the "text" field is missing or empty')
        return None
    return without_lone_surrogates(record, where, report)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(record: dict, where: str, report: Report) -> dict:
    """The record with U+FFFD for each lone surrogate in its string values (a JSON escape
    such as ``"\\ud800"`` that stands for no character and cannot be written as UTF-8),
    with a warning when there was any.

    >>> report = Report()
    >>> without_lone_surrogates({"text": "Talks\\ud800 ended.", "n": 1}, "a.jsonl:1", report)
    {'text': 'Talks\ufffd ended.', 'n': 1}
    >>> report.lines()
    ['a.jsonl:1: warning: invalid characters replaced (1 lone surrogate replaced by U+FFFD)']
    """
    clean: dict = {}
    replaced = 0
    for key, value in record.items():
        if isinstance(value, str):
            value, count = _LONE_SURROGATE.subn("\ufffd", value)
            replaced += count
        clean[key] = value
    if replaced:
        report.warn(where, "invalid characters replaced",
                    f"{replaced} lone surrogate{'' if replaced == 1 else 's'} replaced by U+FFFD")
    return clean


def read_html(stream: BinaryIO, source: Input, options: IngestOptions,
              report: Report) -> Iterator[Article]:
    """An HTML page: main text, title and published date (from meta tags) by trafilatura."""
    data = read_limited(stream, source.name, options, report)
    html = decode_text(data, source.name, report) if data is not None else None
    if html is None:
        return
    page = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                       date_extraction_params={"extensive_search": False,
                                                               "original_date": True})
    if page is None or not (page.text or "").strip():
        report.skip(source.name, "no article text", "no main text found in the HTML")
        return
    text = _without_title_line(page.text, page.title)
    known = Header(title=page.title or None, url=page.url or None,
                   published=parse_published(page.date or ""),
                   publisher=page.sitename or None, byline=page.author or None)
    article = article_from_text(text, source.name, options, report, known)
    if article:
        yield article


def _without_title_line(text: str, title: str | None) -> str:
    """The extracted text without a first line repeating the page title (its <h1>).

    >>> _without_title_line("Talks end\\nEnvoys left.", "Talks end")
    'Envoys left.'
    """
    first, _, rest = text.partition("\n")
    return rest if title and first.strip() == title.strip() else text


READERS: dict[str, Reader] = {".jsonl": read_jsonl, ".html": read_html, ".htm": read_html}


def reader_for(source: Input, head: bytes) -> Reader:
    """The reader for an input: by extension, or for stdin by its first byte ({ or <).

    >>> reader_for(Input("<stdin>"), b'  {"text": "x"}').__name__
    'read_jsonl'
    """
    if source.path is None:
        first = head.lstrip()[:1]
        return {b"{": read_jsonl, b"<": read_html}.get(first, read_plain_text)
    return READERS.get(source.suffix, read_plain_text)
