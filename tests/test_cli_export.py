"""`kg export`: every format parses back (rdflib) into a graph isomorphic to the store's,
exports are deterministic, and a TriG or N-Quads export reloads into the same bytes."""
from __future__ import annotations

import json

import pyoxigraph
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.pipeline import build
from kg.store import KnowledgeGraph

from store_support import hand_made_store

MERGED = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
NAMED = {"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return hand_made_store(tmp_path_factory.mktemp("export") / "store")


def export(*args: str):
    result = CliRunner().invoke(cli, ["export", *args])
    assert result.exit_code == 0, result.output
    return result


def expected_graphs(store) -> dict[str, rdflib.Graph]:
    """Each named graph of the store (and "merged": the union of the article graphs)."""
    with KnowledgeGraph.open(store, read_only=True) as graph:
        quads = list(graph.quads(with_ontology=True))
    found: dict[str, rdflib.Graph] = {}
    for name in {str(quad.graph_name.value) for quad in quads}:
        found[name] = rdflib.Graph().parse(format="nt", data=pyoxigraph.serialize(
            [quad.triple for quad in quads if quad.graph_name.value == name],
            format=pyoxigraph.RdfFormat.N_TRIPLES).decode())
    merged = rdflib.Graph()
    for name, graph in found.items():
        if name != "https://w3id.org/event-kg/ontology":
            merged += graph
    found["merged"] = merged
    return found


def check_round_trip(store, tmp_path):
    expected = expected_graphs(store)
    for fmt, rdflib_format in MERGED.items():
        out = tmp_path / f"merged.{fmt}"
        export("--store", str(store), "--format", fmt, "-o", str(out))
        parsed = rdflib.Graph().parse(out, format=rdflib_format)
        assert isomorphic(parsed, expected["merged"]), fmt
    for fmt, rdflib_format in NAMED.items():
        out = tmp_path / f"named.{fmt}"
        export("--store", str(store), "--format", fmt, "--per-article", "-o", str(out))
        parsed = rdflib.Dataset().parse(out, format=rdflib_format)
        graphs = {str(graph.identifier): graph for graph in parsed.graphs() if len(graph)}
        assert graphs.keys() == expected.keys() - {"merged"}, fmt
        for name, graph in graphs.items():
            assert isomorphic(graph, expected[name]), (fmt, name)


def test_every_format_round_trips(store, tmp_path):
    check_round_trip(store, tmp_path)


@pytest.mark.slow
def test_every_format_round_trips_for_the_seeds(seed_paths, tmp_path):
    folder = tmp_path / "seeds"
    with KnowledgeGraph.open(folder) as graph:
        build(list(seed_paths.values()), graph)
    check_round_trip(folder, tmp_path)


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_an_export_reloads_into_the_same_bytes(store, tmp_path, fmt):
    first = export("--store", str(store), "--format", fmt).stdout_bytes
    (tmp_path / f"graph.{fmt}").write_bytes(first)
    assert export(str(tmp_path / f"graph.{fmt}"), "--format", fmt).stdout_bytes == first


def test_two_exports_are_byte_identical_and_the_file_matches_stdout(tmp_path):
    one = hand_made_store(tmp_path / "one")
    other = hand_made_store(tmp_path / "other")
    for fmt in ("ttl", "trig", "nq", "nt", "jsonld"):
        written = export("--store", str(one), "--format", fmt).stdout_bytes
        assert export("--store", str(other), "--format", fmt).stdout_bytes == written
        export("--store", str(one), "--format", fmt, "-o", str(tmp_path / "out"))
        assert (tmp_path / "out").read_bytes() == written


def test_turtle_reads_with_the_vocabulary_prefixes(store):
    text = export("--store", str(store)).stdout
    assert "@prefix ekg: <https://w3id.org/event-kg/ontology#> ." in text
    assert "@prefix entity: <https://w3id.org/event-kg/id/entity/> ." in text
    assert "entity:kim-jong-un a ekg:Person" in text


def test_json_ld_comes_with_a_context(store):
    data = json.loads(export("--store", str(store), "--format", "jsonld").stdout)
    assert data["@context"]["ekg"] == "https://w3id.org/event-kg/ontology#"


def test_the_format_follows_the_file_extension(store, tmp_path):
    result = export("--store", str(store), "-o", str(tmp_path / "graph.nq"))
    assert "(nq)" in result.stderr
    assert (tmp_path / "graph.nq").read_bytes() == \
        export("--store", str(store), "--format", "nq").stdout_bytes


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_per_article_needs_named_graphs(store, fmt):
    result = CliRunner().invoke(cli, ["export", "--store", str(store), "--format", fmt,
                                      "--per-article"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("Error: --per-article needs named graphs")
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unwritable_target_is_one_line(store, tmp_path):
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(cli, ["export", "--store", str(store), "-o",
                                      str(tmp_path / "file" / "graph.ttl")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
