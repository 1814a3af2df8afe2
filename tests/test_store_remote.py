"""The remote store: KnowledgeGraph over a live `oxigraph serve` that each test module starts
and stops itself, and what happens when the endpoint is missing or not a union."""
from __future__ import annotations

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import build
from kg.rdf.vocab import ONTOLOGY_GRAPH
from kg.store import KnowledgeGraph, StoreError
from kg.store.remote import RemoteStore, check_union_default_graph, endpoints, ground_form
from kg.store.graph import ontology_quads

from store_support import (answer_rows, article_a, article_b, free_port, oxigraph_server,
                           saved_queries, sorted_nquads)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture()
def remote(server):
    """An emptied endpoint, opened for writing."""
    RemoteStore(server).update("DROP SILENT ALL")
    with KnowledgeGraph.open(server) as graph:
        yield graph


def test_an_endpoint_that_does_not_answer_is_one_line():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError, match=f"no SPARQL endpoint answers at {url}") as raised:
        KnowledgeGraph.open(url)
    assert "\n" not in str(raised.value)


def test_kg_build_takes_an_endpoint_url(tmp_path, monkeypatch):
    # --store used to be a path, which turned http://host:port into a folder named "http:".
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Envoys met in Geneva on Monday.\n", encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(cli, ["build", "a.txt", "--store", url])
    assert result.exit_code == 1
    assert f"no SPARQL endpoint answers at {url}" in result.output
    assert not (tmp_path / "http:").exists()


def test_endpoint_urls():
    assert endpoints("http://h:7878/") == ("http://h:7878/query", "http://h:7878/update")
    assert endpoints("http://h:7878/ds/sparql") == ("http://h:7878/ds/sparql",) * 2


class NoUnion:
    """An endpoint whose default graph is its own (the union is never taken)."""

    url = "http://example.org/sparql"

    def __init__(self) -> None:
        self.store = pyoxigraph.Store()

    def query(self, sparql, use_default_graph_as_union=False, **options):
        return self.store.query(sparql, **options)


def test_an_endpoint_whose_default_graph_is_not_the_union_is_refused():
    endpoint = NoUnion()
    endpoint.store.extend(ontology_quads())
    with pytest.raises(StoreError, match="default graph is not the union"):
        check_union_default_graph(endpoint)  # type: ignore[arg-type]


def test_a_new_endpoint_gets_the_ontology_and_answers_over_the_union(remote, server):
    stored = list(remote.store.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH))
    assert ground_form(stored) == ground_form(ontology_quads())
    assert remote.select("ASK { ekg:Summit rdfs:subClassOf* ekg:Meeting }") is True
    KnowledgeGraph.open(server).close()  # opening again loads nothing twice
    assert len(list(remote.store.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH))) \
        == len(stored)


def test_hand_made_articles_read_back_alike(remote):
    memory = KnowledgeGraph.open(None)
    for graph in (remote, memory):
        graph.add_extraction(article_a())
        graph.add_extraction(article_b())
    assert sorted_nquads(remote) == sorted_nquads(memory)
    assert remote.article_ids() == memory.article_ids()
    assert remote.has_article(article_a().article.id)
    query = "SELECT DISTINCT ?thing ?name WHERE { ?thing rdfs:label ?name }"
    assert answer_rows(remote, query, {"name": "Hanoi"}) \
        == answer_rows(memory, query, {"name": "Hanoi"})
    assert remote.labels_of(remote.base_iri + "entity/kim-jong-un") \
        == memory.labels_of(memory.base_iri + "entity/kim-jong-un")
    for graph_query in ("CONSTRUCT WHERE { ?e a ekg:Summit ; sem:hasActor ?who }",
                        "DESCRIBE ?e WHERE { ?e a ekg:Statement }"):
        assert answer_rows(remote, graph_query) == answer_rows(memory, graph_query)
        assert answer_rows(remote, graph_query)


def test_removal_on_the_endpoint(remote):
    memory = KnowledgeGraph.open(None)
    for graph in (remote, memory):
        graph.add_extraction(article_a())
        graph.add_extraction(article_b())
    gone = article_a().article.id
    assert remote.remove_article(gone) == memory.remove_article(gone)
    assert sorted_nquads(remote) == sorted_nquads(memory)


def test_a_query_the_endpoint_cannot_take_fails_before_any_request(remote):
    from kg.store import QueryError

    with pytest.raises(QueryError, match="malformed query"):
        remote.select("SELECT ?x WHERE { ?x ")


@pytest.fixture(scope="module")
def seed_graphs(server, seed_paths, tmp_path_factory):
    """The seeds built into memory, a store folder and the endpoint (which is left with them)."""
    RemoteStore(server).update("DROP SILENT ALL")
    graphs = {"memory": KnowledgeGraph.open(None),
              "folder": KnowledgeGraph.open(tmp_path_factory.mktemp("store") / "seeds"),
              "remote": KnowledgeGraph.open(server)}
    for graph in graphs.values():
        build(list(seed_paths.values()), graph)
    yield graphs
    for graph in graphs.values():
        graph.close()


@pytest.mark.slow
def test_the_seeds_give_the_same_graph_in_memory_on_disk_and_on_the_server(seed_graphs):
    memory = sorted_nquads(seed_graphs["memory"])
    assert memory and sorted_nquads(seed_graphs["folder"]) == memory
    assert sorted_nquads(seed_graphs["remote"]) == memory


@pytest.mark.slow
@pytest.mark.parametrize("query", saved_queries(), ids=lambda path: path.stem)
def test_every_saved_query_is_answered_alike_everywhere(seed_graphs, query):
    sparql = query.read_text(encoding="utf-8")
    answers = {name: answer_rows(graph, sparql) for name, graph in seed_graphs.items()}
    assert answers["folder"] == answers["memory"]
    assert answers["remote"] == answers["memory"]


@pytest.mark.slow
def test_a_bound_saved_query_is_answered_alike_everywhere(seed_graphs):
    sparql = next(q for q in saved_queries() if q.stem == "quotes_by_speaker").read_text()
    speaker = pyoxigraph.NamedNode(seed_graphs["memory"].base_iri + "entity/donald-trump")
    answers = {name: answer_rows(graph, sparql, {"speaker": speaker})
               for name, graph in seed_graphs.items()}
    assert answers["memory"] and answers["remote"] == answers["memory"] == answers["folder"]


@pytest.mark.slow
def test_an_incremental_build_on_the_server_equals_both_at_once(server, seed_graphs,
                                                                seed_paths):
    RemoteStore(server).update("DROP SILENT ALL")
    with KnowledgeGraph.open(server) as graph:
        build([seed_paths["000"]], graph)
    with KnowledgeGraph.open(server) as graph:  # a new client: its index comes from the graph
        build([seed_paths["003"]], graph)
        assert sorted_nquads(graph) == sorted_nquads(seed_graphs["memory"])


@pytest.mark.slow
def test_the_cli_reads_and_writes_the_server(server, seed_graphs, seed_paths, tmp_path):
    RemoteStore(server).update("DROP SILENT ALL")
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(seed_paths["000"]), str(seed_paths["003"]),
                                "--store", server])
    assert built.exit_code == 0, built.output
    stats = runner.invoke(cli, ["stats", "--store", server, "--json"])
    assert '"articles": 2' in stats.output
    out = tmp_path / "remote.nt"
    exported = runner.invoke(cli, ["export", "--store", server, "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    local = tmp_path / "memory.nt"
    seed_graphs["memory"].export(local, "ntriples")
    assert out.read_bytes() == local.read_bytes()
