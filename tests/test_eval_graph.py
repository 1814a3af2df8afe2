"""Reading a graph back per article (kg.eval.graph), and naming articles by their source."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.eval.evaluate import find_article
from kg.eval.gold import GoldArticle, GoldError
from kg.eval.graph import GraphArticle, names_source, read_articles
from kg.store import open_source

# Two made-up articles that report one meeting; the second names one actor only by IRI. Each
# entity's class, canonical name and links are in the entities graph, as kg/rdf writes them.
TRIG = """
@prefix ekg: <https://w3id.org/event-kg/ontology#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix schema: <https://schema.org/> .
@prefix id: <https://w3id.org/event-kg/id/> .

id:article\\/a1 {
  id:article\\/a1 a ekg:Article ; dcterms:source "news/one.txt" ; ekg:sha256 "a1" ;
      dcterms:date "2024-05-02"^^xsd:date ;
      schema:mentions id:entity\\/lena , id:entity\\/arden , id:entity\\/porta .
  id:entity\\/lena skos:altLabel "Varga" ; ekg:hasRole id:role\\/r1 .
  id:role\\/r1 a ekg:Role ; rdfs:label "President" ; ekg:roleIn id:entity\\/arden ;
      ekg:former true .
  id:event\\/meeting\\/m1 a ekg:Summit ; ekg:agent id:entity\\/lena ; ekg:target id:entity\\/arden ;
      sem:hasActor id:entity\\/lena ; sem:hasPlace id:entity\\/porta ; ekg:trigger "summit" ;
      ekg:date "2024-05-01"^^xsd:date ; prov:wasDerivedFrom id:article\\/a1 .
  id:quote\\/q1 a ekg:Quote ; ekg:text "We will talk" ; ekg:speaker id:entity\\/lena .
  id:quote\\/q2 a ekg:Quote ; ekg:text "We will talk" ; ekg:speaker id:entity\\/arden .
  id:sanction\\/s1 a ekg:Sanction ; ekg:imposedBy id:entity\\/arden ;
      ekg:sanctionTarget id:entity\\/lena ; ekg:sector "timber" , "coal" ;
      ekg:since "2023-11"^^xsd:gYearMonth .
  id:sanction\\/s2 a ekg:Sanction .
}
id:article\\/a2 {
  id:article\\/a2 a ekg:Article ; dcterms:source "news/two.jsonl:4" ; ekg:sha256 "a2" ;
      schema:mentions id:entity\\/otto .
  id:event\\/meeting\\/m1 a ekg:Meeting ; sem:hasActor id:entity\\/otto , id:entity\\/lena .
}
id:graph\\/entities {
  id:entity\\/lena a ekg:Person ; rdfs:label "Lena Varga" ;
      owl:sameAs wd:Q1 , <http://example.org/lena> .
  id:entity\\/arden a ekg:Country ; rdfs:label "Arden" .
  id:entity\\/porta a ekg:City ; rdfs:label "Porta" .
  id:entity\\/otto a ekg:Person ; rdfs:label "Otto Brandt" .
}
"""


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "two.trig"
    path.write_text(TRIG, encoding="utf-8")
    graph = open_source(None, [str(path)])
    yield {article.source: article for article in read_articles(graph)}
    graph.close()


def test_each_article_has_what_its_own_graph_says(articles):
    one, two = articles["news/one.txt"], articles["news/two.jsonl:4"]
    assert (one.sha256, one.published, two.published) == ("a1", "2024-05-02", None)
    assert sorted(entity.label for entity in one.entities) == ["Arden", "Lena Varga", "Porta"]
    assert [entity.label for entity in two.entities] == ["Otto Brandt"]
    [summit], [meeting] = one.events, two.events
    assert summit.classes == {"Summit"} and meeting.classes == {"Meeting"}
    assert summit.actors == {"https://w3id.org/event-kg/id/entity/lena",
                             "https://w3id.org/event-kg/id/entity/arden"}
    assert summit.dates == {"2024-05-01"} and summit.trigger == "summit"
    assert summit.places == {"https://w3id.org/event-kg/id/entity/porta"}
    assert len(meeting.actors) == 2 and not meeting.dates


def test_names_links_roles_and_joint_quotes(articles):
    one, two = articles["news/one.txt"], articles["news/two.jsonl:4"]
    lena = "https://w3id.org/event-kg/id/entity/lena"
    assert one.names_of(lena) == {"Lena Varga", "Varga"}
    assert two.names_of(lena) == {"Lena Varga", "Varga"}  # from the merged graph
    assert two.label_of(lena) == "Lena Varga"
    assert next(e for e in one.entities if e.iri == lena).wikidata == {"Q1"}
    [role] = one.roles
    assert (role.person, role.title, role.former) == (lena, "President", True)
    assert role.of == "https://w3id.org/event-kg/id/entity/arden"
    [quote] = one.quotes
    assert quote.text == "We will talk" and len(quote.speakers) == 2


def test_sanctions_with_their_parties_sectors_and_start(articles):
    one, two = articles["news/one.txt"], articles["news/two.jsonl:4"]
    full, bare = one.sanctions
    assert full.imposers == {"https://w3id.org/event-kg/id/entity/arden"}
    assert full.targets == {"https://w3id.org/event-kg/id/entity/lena"}
    assert (full.sectors, full.since) == ({"timber", "coal"}, "2023-11")
    assert (bare.imposers, bare.targets, bare.sectors, bare.since) == (set(), set(), set(), None)
    assert two.sanctions == []


@pytest.mark.parametrize("reference, source, named", [
    ("examples/articles/a.txt", "examples/articles/a.txt", True),
    ("examples/articles/a.txt", "/elsewhere/examples/articles/a.txt", True),
    ("a.txt", "articles/a.txt", True),
    ("examples/articles/a.txt", "articles/a.txt", False),
    ("news.jsonl:3", "feeds/news.jsonl:3", True),
    ("news.jsonl:3", "feeds/news.jsonl:13", False),
    ("news.jsonl", "feeds/news.jsonl:1", False),
    ("a.txt", "<stdin>", False),
    ("../shared/seeds/s.txt", "/w/shared/seeds/s.txt", True),
])
def test_a_gold_file_names_its_article_by_the_tail_of_its_path(reference, source, named):
    assert names_source(reference, source, Path("/work/main")) is named


def test_a_gold_file_finds_its_article_by_path_or_sha256():
    one = GraphArticle("urn:1", "feeds/news/a.txt", "1" * 64)
    two = GraphArticle("urn:2", "old/news/a.txt", "2" * 64)
    cwd = Path("/work/main")
    assert find_article(GoldArticle(Path("g.yaml"), "feeds/news/a.txt"), [one, two], cwd) is one
    assert find_article(GoldArticle(Path("g.yaml"), "x", sha256="2" * 64), [one, two], cwd) is two
    with pytest.raises(GoldError, match=r"g.yaml: article: 'news/a.txt' names 2 of the articles"):
        find_article(GoldArticle(Path("g.yaml"), "news/a.txt"), [one, two], cwd)
    with pytest.raises(GoldError, match=r"'b.txt' is not among the 2 articles read"):
        find_article(GoldArticle(Path("g.yaml"), "b.txt"), [one, two], cwd)
