"""Crash safety and concurrent writers of a store folder, proved with real `kg build` processes.

A build of several hundred articles (benchmarks/corpus.py recombines real articles at run
time) is killed with SIGKILL at several points; each time the store must open, hold only
whole articles (equal, quad for quad, to the same articles of an uninterrupted build), and a
re-run must complete it to exactly the uninterrupted graph and index. Two builds on one
store: the second fails in one line, or with --wait waits and then completes.
"""
from __future__ import annotations

import importlib.util
import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pyoxigraph
import pytest

import kg.store.folder
from kg.ingest import IngestOptions, Report, read_articles
from kg.rdf.iris import entities_graph
from kg.rdf.vocab import DEFAULT_BASE, ONTOLOGY_GRAPH
from kg.store import KnowledgeGraph, StoreError
from kg.store.folder import INDEX, RECORD, BuildRecord, write_record

REPO = Path(__file__).resolve().parents[1]
CORPUS_SIZE = 300
# Articles in the index when the build is killed; a build writes whole articles a batch at a
# time (KnowledgeGraph.batches), so the store may hold up to a batch fewer.
KILL_POINTS = (20, 110, 200)
TABLES = ("aliases", "labels", "roles", "events", "event_actors")
LOCKED = "is being written by another process; wait for it to finish (or pass --wait SECONDS)"
# A `kg build` that dies by SIGKILL right after the index has learnt article number N (that
# has index rows), before that article's quads are stored: the worst moment to die.
DIE_AFTER_INDEXING = """
import os, signal, sys
from kg.resolve.index import ResolutionIndex
from kg.cli import main

recorded, seen, die_at = ResolutionIndex.record, [0], int(sys.argv[1])

def record_then_die(index, extraction):
    recorded(index, extraction)
    seen[0] += 1
    if seen[0] >= die_at and extraction.article.id in index.article_ids():
        os.kill(os.getpid(), signal.SIGKILL)

ResolutionIndex.record = record_then_die
sys.argv = ["kg", *sys.argv[2:]]
main()
"""
STRAY_PIECES = """
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT DISTINCT ?g ?problem WHERE {
  GRAPH ?g { ?any ?p ?o }
  FILTER(?g != <https://w3id.org/event-kg/ontology>)
  {
    FILTER NOT EXISTS { GRAPH ?g { ?g a ekg:Article ; ekg:sha256 ?sha } }
    BIND("no article node with its sha256" AS ?problem)
  } UNION {
    GRAPH ?g { ?thing ekg:mention ?m
               FILTER NOT EXISTS { ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t } }
    BIND("a mention without its offsets or text" AS ?problem)
  } UNION {
    GRAPH ?g { ?event a ?class } ?class rdfs:subClassOf* ekg:Event
    FILTER NOT EXISTS { GRAPH ?g { ?event prov:wasDerivedFrom ?g } }
    BIND("an event not derived from the article" AS ?problem)
  }
}
"""


def load_corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def write_jsonl(records: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def article_ids_of(path: Path) -> set[str]:
    """The ids of the articles a corpus file holds (as kg/ingest reads them)."""
    return {article.id for article in read_articles([str(path)], IngestOptions(), Report())}


def start_build(*args: str | Path) -> subprocess.Popen:
    """`python -m kg build ARGS` as a real process; its stderr is captured."""
    return subprocess.Popen([sys.executable, "-m", "kg", "build", *map(str, args)], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> str:
    """Wait for a build; its stderr, which must hold no traceback."""
    _, stderr = process.communicate(timeout=900)
    assert "Traceback" not in stderr, stderr
    return stderr


def build(corpus: Path, store: Path, *options: str) -> str:
    """Run a build to its end; its stderr."""
    return finish(start_build(corpus, "--store", store, *options))


def indexed_articles(store: Path) -> int:
    """How many articles the store's index holds rows of (read without disturbing a writer)."""
    if not (store / INDEX).exists():
        return 0
    try:
        with sqlite3.connect(f"file:{store / INDEX}?mode=ro", uri=True, timeout=5) as db:
            return db.execute("SELECT COUNT(DISTINCT article) FROM labels").fetchone()[0]
    except sqlite3.OperationalError:  # the first build has not made its tables yet
        return 0


def kill_when_indexed(process: subprocess.Popen, store: Path, at_least: int) -> None:
    """SIGKILL a running build once the index holds ``at_least`` articles."""
    while indexed_articles(store) < at_least:
        assert process.poll() is None, "the build ended before it could be killed: " + \
            process.communicate()[1]
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL


def index_rows(store: Path) -> dict[str, list[tuple]]:
    """Every row of the index, table by table, sorted."""
    with sqlite3.connect(f"file:{store / INDEX}?mode=ro", uri=True) as db:
        return {table: sorted(db.execute(f"SELECT * FROM {table}"), key=repr)
                for table in TABLES}


def index_articles(store: Path) -> set[str]:
    return {row[-1] for rows in index_rows(store).values() for row in rows}


ENTITIES = entities_graph(DEFAULT_BASE).value


def graph_quads(store: Path) -> dict[str, frozenset[str]]:
    """The quads (as N-Quads text) of each graph of a store but the ontology, by graph IRI."""
    graphs: dict[str, set[str]] = defaultdict(set)
    for quad in pyoxigraph.Store.read_only(str(store)).quads_for_pattern(None, None, None, None):
        if quad.graph_name != ONTOLOGY_GRAPH:
            graphs[quad.graph_name.value].add(str(quad))
    return {graph: frozenset(quads) for graph, quads in graphs.items()}


def article_quads(store: Path) -> dict[str, frozenset[str]]:
    """The quads of each article graph of a store (not the shared entities graph)."""
    return {graph: quads for graph, quads in graph_quads(store).items() if graph != ENTITIES}


def sorted_nquads(store: Path) -> list[str]:
    return sorted(str(quad) for quad in
                  pyoxigraph.Store.read_only(str(store)).quads_for_pattern(None, None, None, None))


@dataclass(frozen=True)
class Reference:
    """A corpus and the store an uninterrupted build made of it."""

    corpus: Path
    ids: set[str]
    store: Path
    graphs: dict[str, frozenset[str]]  # article graphs
    entities: frozenset[str]  # the entities graph


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """CORPUS_SIZE distinct articles recombined from real ones, as .jsonl."""
    corpus_module = load_corpus_module()
    return write_jsonl(corpus_module.recombined(corpus_module.source_articles(), CORPUS_SIZE),
                       tmp_path_factory.mktemp("corpus") / "corpus.jsonl")


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    store = tmp_path_factory.mktemp("robust-store") / "uninterrupted"
    build(corpus, store)
    return Reference(corpus, article_ids_of(corpus), store, article_quads(store),
                     graph_quads(store)[ENTITIES])


def assert_only_whole_articles(store: Path, reference: Reference) -> int:
    """Open the killed store for writing, then check every article in it; how many it holds."""
    with KnowledgeGraph.open(store) as graph:  # forgets index rows of unstored articles
        stored = graph.article_ids()
        assert graph.select(STRAY_PIECES) == []
    assert set(stored) <= reference.ids
    assert index_articles(store) <= set(stored)
    graphs = article_quads(store)
    assert len(graphs) == len(stored)
    for iri, quads in graphs.items():
        assert quads == reference.graphs[iri], f"{iri} differs from the uninterrupted build"
    assert graph_quads(store).get(ENTITIES, frozenset()) <= reference.entities
    return len(stored)


def assert_same_as_reference(store: Path, reference: Reference) -> None:
    assert sorted_nquads(store) == sorted_nquads(reference.store)
    assert index_rows(store) == index_rows(reference.store)
    with KnowledgeGraph.open(store, read_only=True) as graph:
        assert len(graph.article_ids()) == len(reference.graphs)


# -- crashes mid-build -------------------------------------------------------------------


@pytest.mark.slow
def test_the_corpus_is_several_hundred_distinct_articles(reference: Reference) -> None:
    assert len(reference.ids) == CORPUS_SIZE
    # Articles that fail extraction are reported and not stored; nearly all must be stored.
    assert len(reference.graphs) >= CORPUS_SIZE * 0.95
    assert set(reference.graphs) <= {f"{DEFAULT_BASE}article/{article_id}"
                                     for article_id in reference.ids}


@pytest.mark.slow
def test_builds_killed_at_several_points_resume_to_the_uninterrupted_graph(
        reference: Reference, tmp_path: Path) -> None:
    store = tmp_path / "store"
    survived = []
    for point in KILL_POINTS:
        kill_when_indexed(start_build(reference.corpus, "--store", store), store, point)
        survived.append(assert_only_whole_articles(store, reference))
    assert survived == sorted(survived) and survived[-1] >= KILL_POINTS[0]
    stderr = build(reference.corpus, store)
    assert f"({survived[-1]} already in the graph)" in stderr
    assert_same_as_reference(store, reference)
    print(f"kills survived: {len(survived)}, at {survived} stored articles of {CORPUS_SIZE}")


@pytest.mark.slow
def test_killed_between_index_and_quads_the_index_forgets_the_article(
        reference: Reference, tmp_path: Path) -> None:
    store = tmp_path / "store"
    dying = subprocess.run([sys.executable, "-c", DIE_AFTER_INDEXING, "25", "build",
                            str(reference.corpus), "--store", str(store)],
                           cwd=REPO, capture_output=True, text=True, timeout=900)
    assert dying.returncode == -signal.SIGKILL, dying.stderr
    with KnowledgeGraph.open(store, read_only=True) as graph:
        stored = set(graph.article_ids())
    orphans = index_articles(store) - stored
    # the articles indexed but not yet written (a build writes a batch of whole articles at a
    # time); the last of them died between its index rows and its quads
    assert orphans
    assert assert_only_whole_articles(store, reference) == len(stored)
    assert index_articles(store) <= stored
    build(reference.corpus, store)
    assert_same_as_reference(store, reference)


def test_a_store_whose_first_opening_was_cut_short_opens(tmp_path: Path) -> None:
    store = tmp_path / "store"
    pyoxigraph.Store(str(store)).flush()  # Oxigraph's files, no record: killed while opening
    (store / "kg-store.tmp").write_text("{", encoding="utf-8")  # killed writing the record
    with KnowledgeGraph.open(store) as graph:
        assert graph.store.contains_named_graph(ONTOLOGY_GRAPH)
    assert (store / RECORD).exists()
    (store / "notes.txt").write_text("mine", encoding="utf-8")
    (store / RECORD).unlink()
    with pytest.raises(StoreError, match="not an event-kg store"):
        KnowledgeGraph.open(store)


def test_a_waiting_writer_reads_the_record_the_first_writer_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    first_writer = pyoxigraph.Store(str(store))  # holds the lock, has written no record yet
    waiting = threading.Event()

    def sleep(seconds: float) -> None:
        waiting.set()
        time.sleep(seconds)

    monkeypatch.setattr(kg.store.folder, "time", SimpleNamespace(monotonic=time.monotonic,
                                                                 sleep=sleep))
    opened: list[KnowledgeGraph] = []
    second = threading.Thread(target=lambda: opened.append(KnowledgeGraph.open(store, wait=60)))
    second.start()
    assert waiting.wait(30)
    write_record(store, BuildRecord("https://example.org/kg/"))
    del first_writer  # the first writer ends: its lock goes
    second.join(60)
    assert opened and opened[0].base_iri == "https://example.org/kg/"
    opened[0].close()


# -- two writers -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_corpora(reference: Reference, tmp_path_factory: pytest.TempPathFactory
                ) -> tuple[Path, Path]:
    """The articles the uninterrupted build stored, split in two (two thirds, one third),
    each a build of its own."""
    folder = tmp_path_factory.mktemp("two-writers")
    articles = list(read_articles([str(reference.corpus)], IngestOptions(), Report()))
    records = reference.corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(articles) == len(records)
    lines = [line for line, article in zip(records, articles)
             if f"{DEFAULT_BASE}article/{article.id}" in reference.graphs]
    cut = len(lines) * 2 // 3
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    first.write_text("".join(lines[:cut]), encoding="utf-8")
    second.write_text("".join(lines[cut:]), encoding="utf-8")
    return first, second


def stored_articles(store: Path) -> set[str]:
    with KnowledgeGraph.open(store) as graph:
        return set(graph.article_ids())


@pytest.mark.slow
def test_a_second_writer_fails_in_one_line_and_with_wait_completes(
        two_corpora: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = two_corpora
    store = tmp_path / "store"
    writer = start_build(first, "--store", store)
    while indexed_articles(store) < 1:
        assert writer.poll() is None
        time.sleep(0.05)
    refused = start_build(second, "--store", store)
    refused_stderr = finish(refused)
    assert refused.returncode == 1
    assert refused_stderr.splitlines() == [f"Error: the store {store} {LOCKED}"]
    waiter = start_build(second, "--store", store, "--wait", "600")
    assert writer.poll() is None  # the waiter starts while the first build still writes
    waiter_stderr = finish(waiter)
    assert writer.poll() is not None  # it could only write once the first build was done
    finish(writer)
    assert waiter.returncode == 0 and writer.returncode == 0
    assert f"added {len(article_ids_of(second))} articles" in waiter_stderr
    assert stored_articles(store) == article_ids_of(first) | article_ids_of(second)


@pytest.mark.slow
def test_two_builds_started_at_once_on_a_new_store(two_corpora: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    store = tmp_path / "store"
    builds = {corpus: start_build(corpus, "--store", store) for corpus in two_corpora}
    stderr = {corpus: finish(process) for corpus, process in builds.items()}
    outcomes = sorted(process.returncode for process in builds.values())
    assert outcomes == [0, 1]
    winner = next(corpus for corpus, process in builds.items() if process.returncode == 0)
    loser = next(corpus for corpus in builds if corpus != winner)
    assert stderr[loser].splitlines() == [f"Error: the store {store} {LOCKED}"]
    assert stored_articles(store) == article_ids_of(winner)
