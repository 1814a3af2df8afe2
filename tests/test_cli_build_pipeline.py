"""kg.pipeline.build: the glue between ingest, nlp, extract, resolve and the graph."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pipeline = pytest.importorskip("kg.pipeline", reason="a stage the pipeline imports is missing",
                               exc_type=ImportError)
from kg.ingest import Report  # noqa: E402
from kg.model import Extraction  # noqa: E402
from kg.resolve import ResolutionIndex  # noqa: E402


class RecordingGraph:
    """A test double of KnowledgeGraph that keeps what it is given."""

    def __init__(self, known: set[str] = frozenset()) -> None:
        self.known = set(known)
        self.added: list[Extraction] = []
        self.index = ResolutionIndex(None)
        self.lexicons_noted: list[Path] = []

    def has_article(self, article_id: str) -> bool:
        return article_id in self.known

    def add_extraction(self, extraction: Extraction) -> None:
        self.added.append(extraction)
        self.known.add(extraction.article.id)

    def note_lexicons(self, lexicons: tuple[Path, ...]) -> None:
        self.lexicons_noted += lexicons

    @contextmanager
    def batches(self) -> Iterator["RecordingGraph"]:
        yield self


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    texts = ["ROME (Wire) - Envoys met in Rome on Monday.",
             "OSLO (Wire) - Mediators arrived in Oslo on Tuesday.",
             "BERN (Wire) - Talks resumed in Bern on Wednesday."]
    paths = []
    for number, text in enumerate(texts):
        path = tmp_path / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def plain_resolve(monkeypatch):
    """Resolution against no index: the extraction passes through unchanged."""
    monkeypatch.setattr(pipeline, "resolve", lambda extraction, index: extraction)


def test_every_article_is_extracted_and_added(articles, plain_resolve):
    graph, report, seen = RecordingGraph(), Report(), []
    summary = pipeline.build(articles, graph, pipeline.BuildOptions(batch_size=2), report,
                             on_article=seen.append)
    assert [e.article.dateline for e in graph.added] == ["Rome", "Oslo", "Bern"]
    assert summary.added == 3 and summary.already_present == 0 and report.ok
    assert len(seen) == 3


def test_articles_already_in_the_graph_are_not_processed(articles, plain_resolve):
    graph = RecordingGraph()
    pipeline.build(articles[:1], graph)
    again = RecordingGraph(graph.known)
    summary = pipeline.build(articles, again)
    assert [e.article.dateline for e in again.added] == ["Oslo", "Bern"]
    assert (summary.added, summary.already_present) == (2, 1)
    assert "(1 already in the graph)" in summary.line()


def test_a_failing_article_is_reported_and_the_run_goes_on(articles, plain_resolve,
                                                           monkeypatch):
    from kg import parallel

    real_extract = parallel.extract

    def extract_failing_on_oslo(doc, article):
        if article.dateline == "Oslo":
            raise ValueError("cannot make sense of this")
        return real_extract(doc, article)

    monkeypatch.setattr(parallel, "extract", extract_failing_on_oslo)
    graph, report = RecordingGraph(), Report()
    summary = pipeline.build(articles, graph, report=report)
    assert [e.article.dateline for e in graph.added] == ["Rome", "Bern"]
    assert summary.failed == 1 and not report.ok
    assert report.lines() == [f"{articles[1]}: skipped: could not be processed "
                              "(ValueError: cannot make sense of this)"]
