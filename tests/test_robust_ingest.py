"""Hostile input to kg/ingest: header parsing and read_articles over every kind of file.

Nothing raises; every input is read or reported in one line; each reads within a bounded
time (pytest-timeout on each test, and explicit long inputs that used to be quadratic).
"""
from __future__ import annotations

import json
from datetime import date

import pytest
from fuzz.fuzz_ingest import assert_read_or_reported, check_file, read_file_bytes
from fuzz.strategies import (article_text, file_bytes, jsonl_line, robust_settings,
                             text_with_header)
from hypothesis import example, given
from hypothesis import strategies as st

from kg.ingest import Report, read_articles
from kg.ingest.dates import parse_published
from kg.ingest.headers import MAX_HEADER_PARTS, parse_header

pytestmark = pytest.mark.timeout(300)

MEGABYTE = 1_000_000


@robust_settings(300)
@given(st.one_of(text_with_header(), article_text, st.text()))
def test_header_parsing_never_raises_and_the_body_is_part_of_the_text(text: str) -> None:
    header, body = parse_header(text)
    assert body in text
    assert header.title is None or "\n" not in header.title
    assert header.published is None or isinstance(header.published, date)


@robust_settings(300)
@given(st.text(max_size=200))
def test_dates_never_raise(text: str) -> None:
    assert parse_published(text) is None or isinstance(parse_published(text), date)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", ["By Ana Lima", "12", "Posted on 4 May 2021"])
def test_a_long_run_of_header_like_lines_is_read_in_bounded_parts(line: str) -> None:
    """40,000 byline lines took six minutes when every line was read as one more header
    part, each pass copying the rest of the text; now the header stops after a few parts."""
    text = "\n".join([line] * 40_000) + "\n\nEnvoys met."
    header, body = parse_header(text)
    assert body.count(line) >= 40_000 - MAX_HEADER_PARTS


@pytest.mark.parametrize("text", [
    "x" * MEGABYTE,
    "Envoys met and talked " * (MEGABYTE // 22),
    "GENEVA" + "-" * MEGABYTE,
    "date 2019-03-01 " + "AP " * (MEGABYTE // 3),
    "title: " + "a" * MEGABYTE + "\n\nEnvoys met.",
    "Published " + "2019 " * (MEGABYTE // 5),
], ids=["no-space", "no-sentence-end", "dashes", "agency-line", "key-value", "published"])
def test_a_megabyte_on_one_line_is_parsed(text: str) -> None:
    header, body = parse_header(text)
    assert body and body in text


@robust_settings(250)
@given(file_bytes)
@example((".txt", b"\xed\xa0\x80 lone surrogate bytes, then text."))
@example((".txt", b"Envoys met." + b" " * 9000 + b"\x00 a NUL byte past the sniffed start"))
@example((".jsonl", b'{"text": "Envoys met.\\ud800", "title": "\\udfff"}'))
@example((".jsonl", b"[" * 100_000))
@example((".jsonl", b'{"text": {"nested": ["Envoys met."]}, "title": 3, "date": [2019]}'))
@example((".jsonl", b'{"text": "Envoys met.", "id": {"a": null}, "date": NaN}'))
@example((".html", b"<div>" * 100_000 + b"Envoys met."))
@example((".html", b"<script>" + b"alert(1);" * 1000))
def test_every_file_is_read_or_reported(kind: tuple[str, bytes]) -> None:
    check_file(*kind)


@robust_settings(150)
@given(st.lists(jsonl_line(), min_size=1, max_size=10))
def test_every_jsonl_line_is_an_article_or_one_reported_skip(lines: list[bytes]) -> None:
    articles, report = read_file_bytes(".jsonl", b"\n".join(lines))
    assert_read_or_reported(articles, report)
    used = [n for n, line in enumerate(lines, start=1) if line.strip()]
    skipped = [int(problem.where.rsplit(":", 1)[1]) for problem in report.skips]
    assert len(articles) + report.duplicates + len(skipped) == len(used)
    assert set(skipped) <= set(used)


@pytest.mark.parametrize("suffix, data, readable", [
    (".txt", ("Envoys met and talked " * (MEGABYTE // 22)).encode(), True),
    (".txt", ("Envoys met. They talked. " * (MEGABYTE // 25)).encode(), True),
    (".jsonl", json.dumps({"text": "w " * (MEGABYTE // 2), "title": "t" * MEGABYTE}).encode(),
     True),
    (".html", b"<html><body><p>" + b"Envoys met and talked " * (MEGABYTE // 22) + b"</p>", True),
    (".html", b"<p>" + b"<b><i>Envoys met " * (MEGABYTE // 17), False),
], ids=["txt-no-sentence-end", "txt-no-line-break", "jsonl", "html", "html-nested-unclosed"])
def test_a_megabyte_file_of_each_kind_is_read_or_refused(suffix: str, data: bytes,
                                                         readable: bool) -> None:
    """HTML nested 100,000 levels deep is more than libxml2 builds a tree of: refused in one
    line ("no article text"), like any page with no main text."""
    articles, report = read_file_bytes(suffix, data)
    assert_read_or_reported(articles, report)
    assert len(articles) == readable and len(report.skips) == (not readable)


def test_a_reader_failure_skips_that_input_only(tmp_path, monkeypatch) -> None:
    """An error no reader foresaw (here trafilatura failing) is one reported line."""
    import kg.ingest.formats as formats

    def failing(*args, **kwargs):
        raise ValueError("parser broke")

    monkeypatch.setattr(formats.trafilatura, "bare_extraction", failing)
    (tmp_path / "a.html").write_text("<p>Envoys met.</p>")
    (tmp_path / "b.txt").write_text("Envoys met again.")
    report = Report()
    articles = list(read_articles([tmp_path], report=report))
    assert [a.text for a in articles] == ["Envoys met again."]
    assert report.lines() == [f"{tmp_path / 'a.html'}: skipped: could not be read "
                              f"(ValueError: parser broke)"]
