"""Builds of the seeds: byte-identical N-Quads across builds and input orders, incremental
builds equal to one build of everything, building again changes nothing, and a build with
other lexicons says so."""
from __future__ import annotations

import json

import pytest

from kg.pipeline import build
from kg.resolve.index import TABLES
from kg.store import KnowledgeGraph
from kg.store.folder import RECORD


pytestmark = pytest.mark.slow


def nquads_of_build(*batches, folder=None) -> bytes:
    """Sorted N-Quads (ontology included) of building each batch of paths in turn, into
    memory or into a store folder reopened for every batch."""
    if folder is None:
        graph = KnowledgeGraph.open(None)
        for paths in batches:
            build(paths, graph)
        return exported(graph)
    for paths in batches:
        with KnowledgeGraph.open(folder) as graph:
            build(paths, graph)
    with KnowledgeGraph.open(folder, read_only=True) as graph:
        return exported(graph)


def exported(graph: KnowledgeGraph) -> bytes:
    from io import BytesIO

    out = BytesIO()
    graph.export(out, "nquads")
    return out.getvalue()


def index_rows(graph: KnowledgeGraph) -> dict[str, list[tuple]]:
    return {table: sorted(graph.index.db.execute(f"SELECT * FROM {table}").fetchall())
            for table in TABLES}


@pytest.fixture(scope="module")
def both(seed_paths) -> bytes:
    """The seeds built at once, in memory."""
    return nquads_of_build([seed_paths["000"], seed_paths["003"]])


def test_two_builds_of_the_seeds_give_byte_identical_nquads(both, seed_paths, tmp_path):
    assert both.count(b"\n") > 1000
    assert nquads_of_build([seed_paths["000"], seed_paths["003"]]) == both
    assert nquads_of_build([seed_paths["000"], seed_paths["003"]], folder=tmp_path / "s") == both


def test_the_input_order_does_not_change_the_graph(both, seed_paths, tmp_path):
    assert nquads_of_build([seed_paths["003"], seed_paths["000"]]) == both
    assert nquads_of_build([seed_paths["003"]], [seed_paths["000"]],
                           folder=tmp_path / "s") == both


def test_seed_000_then_003_into_a_store_equals_both_at_once(both, seed_paths, tmp_path):
    assert nquads_of_build([seed_paths["000"]], [seed_paths["003"]],
                           folder=tmp_path / "s") == both


def test_the_folder_of_seeds_is_the_same_build(both, seeds_dir):
    assert nquads_of_build([seeds_dir]) == both


def test_building_the_same_article_again_changes_nothing(seed_paths, tmp_path):
    folder = tmp_path / "s"
    with KnowledgeGraph.open(folder) as graph:
        build([seed_paths["000"], seed_paths["003"]], graph)
        before, index_before = exported(graph), index_rows(graph)
    with KnowledgeGraph.open(folder) as graph:
        summary = build([seed_paths["003"]], graph)
        assert (summary.added, summary.already_present) == (0, 1)
        assert exported(graph) == before
        assert index_rows(graph) == index_before


def test_removing_an_article_and_building_it_again_restores_the_graph(both, seed_paths,
                                                                      tmp_path):
    folder = tmp_path / "s"
    with KnowledgeGraph.open(folder) as graph:
        build([seed_paths["000"], seed_paths["003"]], graph)
    with KnowledgeGraph.open(folder) as graph:
        gone = graph.article_ids()
        graph.remove_article(gone[0])
        assert graph.article_ids() == gone[1:]
    with KnowledgeGraph.open(folder) as graph:
        build([seed_paths["000"], seed_paths["003"]], graph)
        assert exported(graph) == both


def test_a_build_with_other_lexicons_says_so(tmp_path, seed_paths):
    folder = tmp_path / "s"
    with KnowledgeGraph.open(folder) as graph:
        build([seed_paths["000"]], graph)
    record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    record["lexicons"] = "0123456789ab"
    (folder / RECORD).write_text(json.dumps(record), encoding="utf-8")
    with KnowledgeGraph.open(folder) as graph:
        build([seed_paths["003"]], graph)
        assert any("built with lexicons 0123456789ab" in line for line in graph.warnings)
