"""Inputs of every kind, good and bad: each bad one is one reported skip, the rest is read."""
from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.ingest import IngestOptions, Report, read_articles
from kg.model import normalise_text

GOOD = "Delegates met in the capital on Monday and agreed to meet again within a month."


def read(sources, options: IngestOptions | None = None):
    report = Report()
    return list(read_articles(sources, options, report)), report


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \t\n", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("header-only.txt", b"title: Nothing follows\ndate: 2020-01-01\n", "no article text"),
])
def test_bad_file_is_skipped_and_good_one_read(tmp_path, good_file, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    articles, report = read([bad, good_file])
    assert [a.text for a in articles] == [GOOD]
    assert [(p.where, p.reason) for p in report.skips] == [(str(bad), reason)]
    assert report.summary() == f"read 1 article, skipped 1 (1 {reason})"


def test_missing_path(good_file, tmp_path):
    missing = tmp_path / "nowhere.txt"
    articles, report = read([missing, good_file])
    assert len(articles) == 1
    assert report.skips[0].line("skipped") == f"{missing}: skipped: no such file"


def test_glob_that_matches_nothing(tmp_path):
    articles, report = read([str(tmp_path / "*.none")])
    assert articles == [] and report.skipped_by_reason() == {"no such file": 1}


def test_over_the_size_limit(tmp_path, good_file):
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 10, encoding="utf-8")
    articles, report = read([big, good_file], IngestOptions(max_bytes=len(GOOD) + 5))
    assert [a.text for a in articles] == [GOOD]
    assert report.skipped_by_reason() == {"over the size limit": 1}
    assert "--max-bytes" in report.lines()[0]


def test_non_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Talks in Zürich ended – both sides left.".encode("cp1252"))
    articles, report = read([path])
    assert articles[0].text == "Talks in Zürich ended – both sides left."
    assert report.ok and [w.reason for w in report.warnings] == ["not UTF-8"]
    assert report.lines()[0].startswith(f"{path}: warning: not UTF-8")


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": GOOD, "title": "Delegates agree", "date": "4 May 2021",
                    "source": "Example Wire", "url": "https://example.org/1", "id": "x1"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps({"text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "MINSK (Wire) - A second delegation arrived later."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, report = read([path])
    first, second = articles
    assert (first.title, first.published, first.publisher, first.url) == (
        "Delegates agree", date(2021, 5, 4), "Example Wire", "https://example.org/1")
    assert first.source == f"{path}:1#x1"
    assert (second.dateline, second.publisher, second.source) == ("Minsk", "Wire", f"{path}:7")
    assert [(p.where, p.reason) for p in report.skips] == [
        (f"{path}:2", "not JSON"), (f"{path}:3", "no text"), (f"{path}:5", "no text"),
        (f"{path}:6", "not a JSON object")]
    assert report.summary() == ("read 2 articles, skipped 4 "
                                "(2 no text, 1 not JSON, 1 not a JSON object)")


HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Envoys return to Vienna | Example Desk</title>
<meta property="og:title" content="Envoys return to Vienna">
<meta property="og:site_name" content="Example Desk">
<meta property="article:published_time" content="2021-04-06T08:00:00+02:00">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Envoys return to Vienna</h1>
<p>VIENNA (Example Desk) - Envoys returned to Vienna on Tuesday for a fresh round of indirect
talks, with mediators carrying proposals between two hotel floors.</p>
<p>Officials on both sides described the first day as businesslike and said experts would work
through the weekend on the sequence of steps each side would take.</p>
</article><footer>All rights reserved.</footer></body></html>"""


def test_html_main_text_and_meta(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (article,), report = read([path])
    assert article.title == "Envoys return to Vienna"
    assert article.published == date(2021, 4, 6)
    assert article.dateline == "Vienna"
    assert article.text.startswith("Envoys returned to Vienna on Tuesday")
    assert "Home" not in article.text and "All rights reserved" not in article.text
    assert report.ok


def test_folder_recursive_glob_and_duplicates(tmp_path, good_file):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "copy.txt").write_text("  " + GOOD.replace(" ", "  ") + "\n", encoding="utf-8")
    (nested / "other.txt").write_text("date 2020-02-02 AP, ROME\n\nTalks opened in Rome.")
    (nested / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("A hidden draft that should not be read at all.")
    articles, report = read([tmp_path, str(tmp_path / "**" / "*.txt")])
    assert sorted(normalise_text(a.text) for a in articles) == sorted([GOOD,
                                                                       "Talks opened in Rome."])
    assert report.read == 2 and report.duplicates >= 1 and report.ok
    assert [w.reason for w in report.warnings] == [
        "ignored 1 file(s) that are not .txt, .jsonl or .html"]


def test_stdin_text_and_jsonl(monkeypatch):
    def from_stdin(data: bytes):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        return read(["-"])

    (article,), _ = from_stdin(b"ROME (AP) - Talks opened in Rome.")
    assert article.source == "<stdin>" and article.dateline == "Rome"
    articles, report = from_stdin(b'{"text": "One."}\n{"text": "Two."}\nnope\n')
    assert [a.text for a in articles] == ["One.", "Two."]
    assert [p.where for p in report.skips] == ["<stdin>:3"]


@pytest.mark.parametrize("name, content", [
    ("keys.txt", f"title: Delegates meet\ndate: 2021-14-40\n\n{GOOD}"),
    ("agency.txt", f"date 2021-00-07 Reuters, GENEVA\n\n{GOOD}"),
    ("batch.jsonl", json.dumps({"text": GOOD, "date": "the day after"}) + "\n"),
])
def test_a_header_date_that_is_no_date_is_a_warning_and_the_article_is_read(tmp_path, name,
                                                                            content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    articles, report = read([path])
    assert [(a.text, a.published) for a in articles] == [(GOOD, None)]
    assert [w.reason for w in report.warnings] == ["unreadable date"]
    assert "--date" in report.lines()[0]


def test_a_readable_header_date_or_none_at_all_gives_no_date_warning(tmp_path, good_file):
    dated = tmp_path / "dated.txt"
    dated.write_text("title: Delegates meet\ndate: 2021-05-04\n\nThe envoys met again.",
                     encoding="utf-8")
    articles, report = read([dated, good_file])
    assert [a.published for a in articles] == [date(2021, 5, 4), None]
    assert report.warnings == []
