"""The rdflib Dataset view of a KnowledgeGraph (oxrdflib over the same Oxigraph store)."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import RDFS

from kg.store import KnowledgeGraph, StoreError
from kg.store.remote import RemoteStore

from store_support import answer_rows, article_a, article_b

ID = rdflib.Namespace("https://w3id.org/event-kg/id/")


@pytest.fixture(params=["memory", "folder"])
def graph(request, tmp_path):
    graph = KnowledgeGraph.open(None if request.param == "memory" else tmp_path / "s")
    graph.add_extraction(article_a())
    yield graph
    graph.close()


def test_rdflib_sees_the_merged_graph_and_the_article_graphs(graph):
    view = graph.dataset()
    assert (ID["entity/kim-jong-un"], RDFS.label, rdflib.Literal("Kim Jong-un")) in view
    article = rdflib.URIRef(graph.article_graph(article_a().article.id).value)
    assert len(view.graph(article)) == sum(1 for _ in graph.store.quads_for_pattern(
        None, None, None, graph.article_graph(article_a().article.id)))


def test_rdflib_sparql_answers_as_the_store_does(graph):
    query = ("SELECT DISTINCT ?event WHERE { ?event a <https://w3id.org/event-kg/ontology#Summit> }")
    mine = [row[0] for row in answer_rows(graph, query)]
    theirs = sorted(f"<{row.event}>" for row in graph.dataset().query(query))
    assert theirs == mine and mine


def test_the_view_is_no_copy(graph):
    view = graph.dataset()
    graph.add_extraction(article_b())
    assert (ID["entity/moon-jae-in"], RDFS.label, rdflib.Literal("Moon Jae-in")) in view


def test_an_endpoint_has_no_rdflib_view():
    remote = KnowledgeGraph(RemoteStore("http://127.0.0.1:1/query"), location="http://127.0.0.1:1")
    with pytest.raises(StoreError, match="needs an embedded store"):
        remote.dataset()
