"""KnowledgeGraph.remove_article: the article's graph goes, and with it whatever only it reported."""
from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

from kg.store import KnowledgeGraph, QueryError, StoreError
from kg.rdf.vocab import DEFAULT_BASE

from store_support import article_a, article_b


def iri(key: str) -> NamedNode:
    return NamedNode(DEFAULT_BASE + key)


def sources(graph: KnowledgeGraph, key: str) -> set[str]:
    rows = graph.select("SELECT ?thing ?article WHERE { ?thing prov:wasDerivedFrom ?article }",
                        {"thing": iri(key)})
    return {row["article"] for row in rows}


@pytest.fixture()
def two_articles() -> KnowledgeGraph:
    graph = KnowledgeGraph.open(None)
    graph.add_extraction(article_a())
    graph.add_extraction(article_b())
    return graph


def test_removing_an_article_drops_what_only_it_reported(two_articles):
    first, second = article_a().article.id, article_b().article.id
    removal = two_articles.remove_article(first)
    assert removal.article_id == first and removal.triples > 0
    assert two_articles.article_ids() == [second]
    assert not two_articles.labels_of(DEFAULT_BASE + "entity/person/lena-brandt")
    assert not two_articles.labels_of(DEFAULT_BASE + "event/demand/000000000002")
    assert two_articles.labels_of(DEFAULT_BASE + "entity/kim-jong-un")
    # The summit both reported stays, now with the other article as its only source.
    assert sources(two_articles, "event/summit/000000000001") == {
        two_articles.article_graph(second).value}
    # Gone: the envoy and Trump's quote and claim; the demand event.
    assert (removal.things, removal.events) == (3, 1)


def test_the_removal_line_names_the_article(two_articles):
    line = two_articles.remove_article(article_b().article.id).line()
    assert line.startswith(f"removed article {article_b().article.id[:12]}:")
    assert "1 events had no other source" in line  # Moon's statement


def test_removing_an_unknown_article_is_a_store_error(two_articles):
    with pytest.raises(StoreError, match="no article"):
        two_articles.remove_article("f" * 64)


def test_the_index_forgets_the_removed_article(two_articles):
    two_articles.remove_article(article_a().article.id)
    assert two_articles.index.find_entity("Lena Brandt", "Person") is None
    assert two_articles.index.find_entity("Moon Jae-in", "Person") == "entity/moon-jae-in"


def test_binding_a_variable_the_query_does_not_project_is_a_query_error(two_articles):
    with pytest.raises(QueryError, match="the query failed"):
        two_articles.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {"o": "x"})
