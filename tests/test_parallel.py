"""Extraction in worker processes and on Dask gives the graph a serial build gives."""
from __future__ import annotations

import gc
from concurrent.futures import Future
from pathlib import Path

import pytest

from kg import parallel
from kg.model import Article
from kg.parallel import ExtractorSpec, Failure, extract_articles, in_order, lexicon_paths
from kg.pipeline import BuildOptions, build
from kg.store import KnowledgeGraph

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def done(value: object) -> Future:
    """A future that already holds its result."""
    future: Future = Future()
    future.set_result(value)
    return future


def test_in_order_keeps_the_order_and_bounds_what_is_in_flight():
    submitted: list[list[int]] = []

    def submit(batch: list[int]) -> Future:
        submitted.append(batch)
        return done([n * 10 for n in batch])

    seen, submitted_when_seen = [], []
    for value in in_order(submit, [[1, 2], [3, 4], [5, 6], [7]], window=2):
        seen.append(value)
        submitted_when_seen.append(len(submitted))
    assert seen == [10, 20, 30, 40, 50, 60, 70]
    assert submitted_when_seen[0] == 2  # the window, not the whole input, was submitted


def test_a_failing_article_does_not_lose_its_batch(monkeypatch):
    real_extract = parallel.extract

    def failing_on_oslo(doc, article):
        if "Oslo" in article.text:
            raise ValueError("no sense in it")
        return real_extract(doc, article)

    monkeypatch.setattr(parallel, "extract", failing_on_oslo)
    articles = [Article.from_text(text) for text in
                ("Envoys met in Rome.", "Mediators flew to Oslo.", "Talks resumed in Bern.")]
    outcomes = extract_articles(ExtractorSpec.of(None, ()), articles)
    assert [type(outcome).__name__ for outcome in outcomes] == ["Extraction", "Failure",
                                                                "Extraction"]
    assert outcomes[1] == Failure(articles[1], "ValueError: no sense in it")


def test_a_loaded_pipeline_is_left_out_of_full_collections():
    gc.unfreeze()
    parallel.freeze_loaded.cache_clear()
    nlp = parallel.pipeline_for(ExtractorSpec.of(None, (), batch_size=5))
    assert gc.get_freeze_count() > 0
    assert not any(tracked is nlp or tracked is nlp.vocab for tracked in gc.get_objects())


def test_lexicon_files_travel_as_text(tmp_path):
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text("entities: []\n", encoding="utf-8")
    spec = ExtractorSpec.of(None, [lexicon])
    assert lexicon_paths(spec) == (lexicon,)  # the same file where it exists
    lexicon.unlink()  # as on a worker of another machine
    copied = lexicon_paths(spec)[0]
    assert copied != lexicon and copied.read_text(encoding="utf-8") == "entities: []\n"


def sorted_nquads(sources: list[Path], tmp_path: Path, name: str, **options: object) -> list[str]:
    """The sorted N-Quads lines of a memory build of ``sources``."""
    graph = KnowledgeGraph.open(None)
    summary = build([str(source) for source in sources], graph,
                    BuildOptions(batch_size=2, **options))  # type: ignore[arg-type]
    assert summary.failed == 0 and summary.added > 0, summary.line()
    out = tmp_path / f"{name}.nq"
    graph.export(out, "nquads")
    return sorted(out.read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="module")
def corpus(seeds_dir: Path) -> list[Path]:
    """The example articles and the seeds."""
    return [EXAMPLES, seeds_dir]


@pytest.fixture(scope="module")
def serial(corpus: list[Path], tmp_path_factory) -> list[str]:
    return sorted_nquads(corpus, tmp_path_factory.mktemp("serial"), "serial")


@pytest.mark.slow
def test_two_worker_processes_build_the_serial_graph(corpus, serial, tmp_path):
    assert sorted_nquads(corpus, tmp_path, "jobs", jobs=2) == serial


@pytest.mark.slow
def test_a_local_dask_cluster_builds_the_serial_graph(corpus, serial, tmp_path):
    pytest.importorskip("distributed", reason="Dask is an optional extra (event-kg[dask])")
    assert sorted_nquads(corpus, tmp_path, "dask", jobs=2, dask="local") == serial
