"""Header styles of plain-text articles, the seeds among them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.ingest import IngestOptions, Report, read_articles


def read_one(path: Path, options: IngestOptions | None = None):
    """The single article of a file, and the report of reading it."""
    report = Report()
    articles = list(read_articles([path], options, report))
    assert len(articles) == 1, report.lines()
    return articles[0], report


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_003_title_number_and_dateline(seed_paths):
    article, report = read_one(seed_paths["003"])
    assert article.title == "North Korea offers more talks after nuclear no-deal in Hanoi"
    assert article.published == date(2019, 3, 1)
    assert article.dateline == "Hanoi"
    assert article.publisher == "BSS/AFP"
    assert not article.text.startswith(("680", "HANOI", "North Korea offers"))
    assert "680" not in article.text.split("\n")[0]
    assert report.ok


def test_seed_000_agency_date_line(seed_paths):
    article, _ = read_one(seed_paths["000"])
    assert article.published == date(2019, 3, 2)
    assert article.dateline == "Hanoi"
    assert article.publisher == "AFP"
    assert article.title != "680"
    assert not article.text.lstrip().lower().startswith("date")


def test_seed_title_is_never_a_number(seed_paths):
    for path in seed_paths.values():
        article, _ = read_one(path)
        assert article.title is None or not article.title.strip().isdigit()


def test_no_header_takes_the_default_date(tmp_path):
    body = "Negotiators met in a lakeside hotel and talked until late.\n\nNo deal was reached."
    path = write(tmp_path, "plain.txt", body)
    article, _ = read_one(path)
    assert article.published is None and article.title is None and article.dateline is None
    assert article.text == body
    dated, _ = read_one(path, IngestOptions(default_date=date(2022, 1, 5)))
    assert dated.published == date(2022, 1, 5)


def test_header_date_wins_over_default_date(tmp_path):
    path = write(tmp_path, "dated.txt", "date 2021-02-01 AP, OSLO\n\nMediators arrived.")
    article, _ = read_one(path, IngestOptions(default_date=date(2000, 1, 1)))
    assert article.published == date(2021, 2, 1)


@pytest.mark.parametrize("text, expected, body", [
    pytest.param("title: Envoys agree to meet again\ndate: 2020-11-03\n"
                 "source: Example Wire, via an archive\nurl: https://example.org/a\n\n"
                 "Envoys from both capitals agreed on Tuesday to hold another round.\n",
                 {"title": "Envoys agree to meet again", "published": date(2020, 11, 3),
                  "publisher": "Example Wire", "url": "https://example.org/a"},
                 "Envoys from both capitals agreed on Tuesday to hold another round.",
                 id="key-value block"),
    pytest.param("Mediators open a new round in Doha\nBy Rana Haddad\n"
                 "Published: Tuesday 14 September 2021, 10:20 GMT\n\n"
                 "DOHA (Gulf Wire) - Mediators opened another round of talks on Tuesday.",
                 {"title": "Mediators open a new round in Doha", "byline": "Rana Haddad",
                  "published": date(2021, 9, 14), "dateline": "Doha", "publisher": "Gulf Wire"},
                 "Mediators opened another round of talks on Tuesday.",
                 id="title, byline, published, dateline"),
    pytest.param("Border crossing reopens after talks\n\n4512\n\n"
                 "Officials reopened the crossing on Sunday.",
                 {"title": "Border crossing reopens after talks", "published": None},
                 "Officials reopened the crossing on Sunday.",
                 id="title and stray number, no dateline"),
])
def test_header_styles(tmp_path, text, expected, body):
    article, report = read_one(write(tmp_path, "a.txt", text))
    assert {name: getattr(article, name) for name in expected} == expected
    assert article.text == body
    assert report.ok


@pytest.mark.parametrize("lead, place, publisher, published", [
    ("NEW YORK (AP) - ", "New York", "AP", None),
    ("Geneva, 3 May 2021 (UN News) — ", "Geneva", "UN News", date(2021, 5, 3)),
    ("KYIV, March 4, 2022 (dpa/AFP) – ", "Kyiv", "dpa/AFP", date(2022, 3, 4)),
    ("SEOUL – ", "Seoul", None, None),
])
def test_datelines(tmp_path, lead, place, publisher, published):
    path = write(tmp_path, "d.txt", lead + "Officials said the talks would go on.")
    article, _ = read_one(path)
    assert (article.dateline, article.publisher, article.published) == (place, publisher,
                                                                         published)
    assert article.text == "Officials said the talks would go on."


@pytest.mark.parametrize("opening", [
    "On Thursday, the court (ECJ) — in a long ruling — said so.",
    "US-led talks - a recap of the week.",
    "By Friday the talks had ended without a statement.",
])
def test_sentences_that_only_look_like_headers_stay_in_the_body(tmp_path, opening):
    text = opening + "\n\nA second paragraph follows."
    article, _ = read_one(write(tmp_path, "s.txt", text))
    assert article.text == text
    assert article.dateline is None and article.byline is None


def test_written_out_and_iso_dates(tmp_path):
    written = write(tmp_path, "w.txt", "Published 7 July 2020\n\nThe envoy left.")
    iso = write(tmp_path, "i.txt", "date: 2020-07-07T09:00:00Z\n\nThe envoy left.")
    assert read_one(written)[0].published == read_one(iso)[0].published == date(2020, 7, 7)
