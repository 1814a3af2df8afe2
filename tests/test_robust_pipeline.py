"""Hostile text through the whole pipeline: Article -> nlp -> extract -> resolve -> index.

No input raises; mentions point at their text; the limits of kg/nlp/limits.py hold and are
reported. "No hang" is checked by counting work, not by timing: the Python calls a tenfold
input costs, against the input itself (a linear pipeline costs about ten times as much;
a quadratic one a hundred times).
"""
from __future__ import annotations

import doctest
import re
import sys
from typing import Callable

import pytest
from fuzz.strategies import article_text, robust_settings, text_with_header
from hypothesis import example, given
from spacy.language import Language

from kg.extract import extract
from kg.ingest import IngestOptions, Report
from kg.ingest.formats import article_from_text
from kg.model import Article, Extraction
from kg.nlp import limits, load_pipeline
from kg.nlp.limits import BoundedTokenizer, Limits, entity_name, report_cuts
from kg.resolve import ResolutionIndex, resolve

pytestmark = pytest.mark.timeout(600)

SMALL = Limits(max_sentence_chars=80, max_entities=3, max_triggers=2)
MEGABYTE = 1_000_000
LINEAR_SLACK = 2  # a tenfold input may cost up to twenty times the work


@pytest.fixture(scope="module")
def small_nlp() -> Language:
    return load_pipeline(limits=SMALL)


def run(nlp: Language, article: Article, report: Report | None = None) -> Extraction:
    """One article through every stage up to the resolution index."""
    doc = nlp(article.text)
    if report is not None:
        report_cuts(doc, article.source or article.id, report)
    with ResolutionIndex(None) as index:
        extraction = resolve(extract(doc, article), index)
        index.record(extraction)
    return extraction


def assert_consistent(extraction: Extraction, limits: Limits) -> None:
    """Mentions point at their own text inside their sentence; keys are set; no sentence
    handed to the extractor is longer than the limit (unless it is one token)."""
    text = extraction.article.text
    for entity in extraction.entities:
        assert entity.key
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start:mention.end] == mention.text
            assert mention.sentence_start <= mention.start < mention.end <= mention.sentence_end
    for event in extraction.events:
        assert event.key
    for start, end in extraction.sentences:
        assert end - start <= limits.max_sentence_chars or " " not in text[start:end].strip()


@robust_settings(150)
@given(text_with_header())
@example("“" * 40 + "Envoys met" + "”" * 3 + " ‘ « " * 20)
@example("\u202bהשיחות נמשכו\u202c said Ana Lima in \u2067القاهرة\u2069 on Monday.")
@example("Kim\x00met\x01Trump\x1b[31m in Hanoi\x7f.\u0085Talks\u2028ended.")
@example("\n\nthe US . President")  # a post's description once ran past its sentence
def test_any_text_goes_through_every_stage(nlp: Language, text: str) -> None:
    article = article_from_text(text, "generated.txt", IngestOptions(), Report())
    if article is not None:
        assert_consistent(run(nlp, article), Limits())


@robust_settings(100)
@given(article_text)
def test_the_limits_hold_and_what_they_cut_is_reported(small_nlp: Language, text: str) -> None:
    if not text.strip():
        return
    article = Article.from_text(text, source="generated.txt")
    doc = small_nlp(text)
    names = {entity_name(span) for span in doc.spans.get("kg_entities", ())}
    assert len(names) <= SMALL.max_entities
    assert len(doc.spans.get("kg_triggers", ())) <= SMALL.max_triggers
    report = Report()
    extraction = run(small_nlp, article, report)
    assert_consistent(extraction, SMALL)
    assert [line.split(": ", 1)[0] for line in report.lines()] == ["generated.txt"] * len(
        doc._.kg_cuts or ())


@robust_settings(300)
@given(article_text)
@example("“" * 30 + " x" + "’s" * 9 + "\n" + "☃" * 7 + "  ")
def test_the_bounded_tokenizer_keeps_the_text(nlp: Language, text: str) -> None:
    tokenizer = BoundedTokenizer(nlp.tokenizer.tokenizer, 5)
    doc = tokenizer(text)
    assert doc.text == text
    assert all(len(token) <= 5 or token.is_space or re.fullmatch(r"\w+", token.text)
               for token in doc)
    assert (doc._.kg_cuts is not None) == bool(re.search(r"\S{6}", text))


def test_the_docstring_examples_of_the_limits_run() -> None:
    result = doctest.testmod(limits)
    assert result.attempted and not result.failed


def test_more_entity_names_than_the_limit_are_cut_and_reported(nlp: Language) -> None:
    text = " ".join(f"Envoy Zq{n:04d} Xv{n:04d} met officials." for n in range(700))
    report = Report()
    extraction = run(nlp, Article.from_text(text, source="many.txt"), report)
    assert len({e.label for e in extraction.entities if e.cls == "Person"}) == 500
    assert report.lines()[0] == ("many.txt: warning: entities left out (kept the first 500 of "
                                 "700 entity names; 200 mentions left out)")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "word " * (MEGABYTE // 5),
    "Kim Jong Un met Trump in Hanoi and said sanctions must go " * (MEGABYTE // 58),
    "Envoys from Japan met Chinese officials in Beijing on Monday. " * (MEGABYTE // 62),
    "“" * (MEGABYTE // 2) + "”" * (MEGABYTE // 2),
    "’s" * (MEGABYTE // 2),
    ("☃" * 150 + " ") * (MEGABYTE // 151),
    "\u202bשלום\u202c مرحبا \u200f" * (MEGABYTE // 15),
    "\x00\x01\x02 \x1b[0m\x7f " * (MEGABYTE // 10),
], ids=["no-sentence-end", "names-no-sentence-end", "no-line-break", "nested-quotes",
        "suffix-run", "short-symbol-runs", "rtl", "control"])
def test_a_megabyte_article_goes_through(nlp: Language, text: str) -> None:
    """Within the test's timeout: spaCy's tokenizer alone took 12 s on 8,000 quote marks in a
    row and four times as long on twice as many, so a megabyte of them never ended before
    BoundedTokenizer. Runs of 150 symbols stay with spaCy's tokenizer; at that length its
    cost per character is still small."""
    report = Report()
    extraction = run(nlp, Article.from_text(text, source="big.txt"), report)
    assert_consistent(extraction, Limits())


def work(task: Callable[[], object]) -> int:
    """The Python function calls ``task`` makes: a count of work that timing noise cannot
    change."""
    calls = 0

    def count(frame, event: str, arg) -> None:
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        task()
    finally:
        sys.setprofile(None)
    return calls


def growth(nlp: Language, make: Callable[[int], str], size: int = 2_000) -> float:
    """How much more work ten times the input costs."""
    run(nlp, Article.from_text("Warm up: Kim met Trump."))
    small = work(lambda: run(nlp, Article.from_text(make(size))))
    large = work(lambda: run(nlp, Article.from_text(make(10 * size))))
    return large / small


@pytest.mark.parametrize("make", [
    lambda n: "word " * (n // 5),
    lambda n: "Kim Jong Un met Trump in Hanoi and said " * (n // 40),
    lambda n: "North Korea met South Korea and promised talks with Japan and sanctions " * (n // 75),
    lambda n: "Envoys from Japan met Chinese officials in Beijing on Monday. " * (n // 62),
], ids=["words", "names", "triggers", "sentences"])
def test_work_grows_linearly_with_the_input(nlp: Language, make) -> None:
    assert growth(nlp, make) <= 10 * LINEAR_SLACK


@pytest.mark.slow
@pytest.mark.parametrize("make", [
    lambda n: 'He said "yes". ' * (n // 15),
    lambda n: '"He said ' * (n // 10),
    lambda n: "« ‘ “ » ’ ” ' " * (n // 14),
    lambda n: 'Peru said "no". He said "yes". They said "later". ' * (n // 50),
    lambda n: 'Ana Lima said his plan. "No," she said. "Fine", according to an aide. ' * (n // 70),
    lambda n: 'Ana Lima said no.\n\n"It ends here."\n\n' * (n // 36),
], ids=["quoted-sentences", "unbalanced-quotes", "stray-quote-marks", "mixed-speakers",
        "pronouns-and-attributions", "quote-paragraphs"])
def test_work_on_quotes_grows_linearly_with_the_paragraph(nlp: Language, make) -> None:
    """One paragraph of many quotes: each speaker search skips the verbs of saying an
    earlier search ruled out (kg/extract/quotes.py VerbIndex), so the quotes do not each
    read the paragraph back to its start (that was 40 to 75 times the work for ten times
    the input)."""
    assert growth(nlp, make, size=1_500) <= 10 * LINEAR_SLACK
