"""`kg stats`: the counts of a graph, readable and as JSON."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import KnowledgeGraph

from store_support import hand_made_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return hand_made_store(tmp_path_factory.mktemp("stats") / "store")


def stats(*args: str):
    result = CliRunner().invoke(cli, ["stats", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_counts_as_json(store):
    counts = json.loads(stats("--store", str(store), "--json"))
    with KnowledgeGraph.open(store, read_only=True) as graph:
        quads = list(graph.quads())
    assert counts == {
        "articles": 2, "entities": 6, "entities_by_class": {"Person": 4, "City": 2},
        "events": 3, "events_by_class": {"Summit": 1, "Demand": 1, "Statement": 1},
        "events_with_several_sources": 1, "quotes": 1,
        "triples": len({quad.triple for quad in quads}), "quads": len(quads)}
    assert counts["triples"] < counts["quads"]  # the summit and the entities are shared


def test_the_counts_for_a_reader(store):
    lines = stats("--store", str(store)).splitlines()
    assert lines[0] == "articles   2"
    assert lines[1] == "entities   6 (Person 4, City 2)"
    assert lines[2] == "events     3 (Demand 1, Statement 1, Summit 1); 1 with more than one source"
    assert lines[3] == "quotes     1"
    assert lines[4].startswith("triples    ") and "in the merged graph" in lines[4]


def test_an_rdf_file_counts_as_its_store(store, tmp_path):
    with KnowledgeGraph.open(store, read_only=True) as graph:
        graph.export(tmp_path / "graph.trig", "trig")
    assert stats(str(tmp_path / "graph.trig")) == stats("--store", str(store))


def test_an_empty_graph(tmp_path):
    (tmp_path / "empty.ttl").write_text("", encoding="utf-8")
    assert stats(str(tmp_path / "empty.ttl")).splitlines()[:2] == ["articles   0",
                                                                  "entities   0"]
