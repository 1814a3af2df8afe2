"""The "Done when" lists of the entity and event issues, asked of the GRAPH built from both
seeds (../shared/seeds) with SPARQL, as a user would ask it."""
from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

from kg.pipeline import build
from kg.store import KnowledgeGraph

pytestmark = pytest.mark.slow

# label -> (class, Wikidata id or None, an alias it must carry or None)
ENTITIES = {
    "Donald Trump": ("Person", "Q22686", None), "Kim Jong-un": ("Person", "Q56226", "Kim Jong Un"),
    "North Korea": ("Country", "Q423", "Pyongyang"), "United States": ("Country", "Q30", "US"),
    "South Korea": ("Country", None, None), "Vietnam": ("Country", None, None),
    "Hanoi": ("City", "Q1858", None), "Seoul": ("City", None, None),
    "Singapore": (None, None, None), "Moon Jae-in": ("Person", None, None),
    "Ri Yong-ho": ("Person", None, None), "KCNA": ("Organization", None, None),
    "UN Security Council": (None, "Q37470", None), "Yongbyon complex": ("Facility", None, None),
    "International Crisis Group": ("Organization", None, None),
    "38 North": ("Organization", None, None), "Chris Green": ("Person", None, None),
    "Kathleen Stephens": ("Person", None, None), "Joel Wit": ("Person", None, None),
    "Jenny Town": ("Person", None, None),
}
NOT_NAMES = ["Despite", "Similarly", "Thursday", "Each", "Relations", "According"]
# (event class, agent names, other actor names, date, place name, topic name)
EVENTS_FROM_BOTH = [
    ("Summit", [], ["Kim Jong-un", "Donald Trump"], "2019-02-28", "Hanoi", None),
    ("Promise", ["North Korea"], ["United States"], "2019-03-01", None, None),
    ("Demand", ["North Korea"], [], None, None, None),
    ("Offer", ["North Korea"], [], None, None, "Yongbyon complex"),
    ("Statement", ["KCNA"], [], None, None, None),
    ("Appeal", ["Donald Trump"], ["Kim Jong-un"], None, None, None),
    ("Mediation", ["Moon Jae-in"], [], None, None, None),
    ("Accusation", ["Donald Trump"], ["Kim Jong-un"], None, None, None),
    ("Accusation", ["Kim Jong-un"], ["Donald Trump"], None, None, None),
    ("SanctionImposed", ["UN Security Council"], ["North Korea"], None, None, None),
    ("Summit", [], ["Kim Jong-un", "Donald Trump"], None, "Singapore", None),
    ("Promise", ["Kim Jong-un"], [], None, "Singapore", None),
]
QUOTES = [("Donald Trump", "Sometimes you have to walk"), ("Donald Trump", "rather do it right"),
          ("Donald Trump", "a warmth that we have"),
          ("senior US official", "basically all the sanctions"),
          ("Chris Green", "a disaster"), ("Kathleen Stephens", "working-level talks"),
          ("Joel Wit", "heavily invested"), ("Jenny Town", "heavily invested")]


@pytest.fixture(scope="module")
def graph(seeds_dir) -> KnowledgeGraph:
    graph = KnowledgeGraph.open(None)
    summary = build([str(seeds_dir)], graph)
    assert summary.added == 2 and summary.failed == 0, summary.line()
    return graph


def entities_named(graph: KnowledgeGraph, name: str) -> list[dict[str, str]]:
    """The entities whose canonical name or another name is ``name``."""
    return graph.select("""SELECT DISTINCT ?e ?class ?wd ?wanted WHERE {
        ?e a ?class ; rdfs:label|skos:altLabel ?name . ?class rdfs:subClassOf* ekg:Entity .
        FILTER(?class != ekg:Entity && LCASE(STR(?name)) = LCASE(?wanted))
        OPTIONAL { ?e owl:sameAs ?wd } }""", {"wanted": name})


@pytest.mark.parametrize("name", sorted(ENTITIES))
def test_each_entity_once_with_its_class_and_link(graph, name):
    cls, wikidata, alias = ENTITIES[name]
    rows = entities_named(graph, name)
    assert len({row["e"] for row in rows}) == 1, rows
    if cls:
        assert rows[0]["class"].endswith("#" + cls)
    if wikidata:
        assert rows[0].get("wd") == f"http://www.wikidata.org/entity/{wikidata}"
    if alias:
        assert graph.select("ASK { ?e skos:altLabel ?alias }",
                            {"e": NamedNode(rows[0]["e"]), "alias": alias}) is True


@pytest.mark.parametrize("word", NOT_NAMES)
def test_no_entity_for_a_non_name(graph, word):
    assert entities_named(graph, word) == []


def entity_iri(graph: KnowledgeGraph, name: str) -> str:
    """The one entity known by ``name``."""
    return entities_named(graph, name)[0]["e"]


@pytest.mark.parametrize("expected", EVENTS_FROM_BOTH, ids=lambda e: f"{e[0]}-{e[1] or e[2]}")
def test_done_when_events_are_one_node_from_both_articles(graph, expected):
    cls, agents, actors, day, place, topic = expected
    patterns = [f"?e ekg:agent <{entity_iri(graph, name)}> ." for name in agents]
    patterns += [f"?e sem:hasActor <{entity_iri(graph, name)}> ." for name in actors]
    if place:
        patterns.append(f"?e sem:hasPlace <{entity_iri(graph, place)}> .")
    if topic:
        patterns.append(f"?e ekg:topic <{entity_iri(graph, topic)}> .")
    if day:
        patterns.append(f'?e ekg:date "{day}"^^xsd:date .')
    rows = graph.select(f"""SELECT ?e (COUNT(DISTINCT ?article) AS ?sources) WHERE {{
        ?e a ekg:{cls} ; prov:wasDerivedFrom ?article . {" ".join(patterns)} }} GROUP BY ?e""")
    assert any(row["sources"] == "2" for row in rows), rows


@pytest.mark.parametrize("speaker, words", QUOTES)
def test_quotes_have_the_right_speaker(graph, speaker, words):
    rows = graph.select("""SELECT ?q ?words ?speaker WHERE { ?q a ekg:Quote ; ekg:text ?text ;
        ekg:speaker/(rdfs:label|skos:altLabel) ?name .
        FILTER(CONTAINS(?text, ?words) && LCASE(STR(?name)) = LCASE(?speaker)) }""",
                        {"words": words, "speaker": speaker})
    assert rows, f"no quote of {speaker} with {words!r}"


def test_the_sanction_is_a_thing_the_demands_are_about(graph):
    rows = graph.select("""SELECT ?s (GROUP_CONCAT(DISTINCT ?sector; separator="|") AS ?sectors)
        (SAMPLE(?since) AS ?from) WHERE { ?s a ekg:Sanction ; ekg:imposedBy ?by ;
        ekg:sanctionTarget ?target ; ekg:sector ?sector ; ekg:since ?since .
        ?demand a ekg:Demand ; ekg:topic ?s } GROUP BY ?s""")
    assert len(rows) == 1
    assert {"coal", "iron ore", "seafood", "textiles"} <= set(rows[0]["sectors"].split("|"))
    assert rows[0]["from"] == "2016-03"


def test_the_two_sides_claims_contradict_and_stay_claims(graph):
    rows = graph.select("""SELECT ?claimant WHERE { ?c a ekg:Claim ; ekg:claimant/rdfs:label
        ?claimant ; ekg:contradicts ?other ; ekg:claimedEvent ?e .
        ?e ekg:factuality ekg:Claimed }""")
    assert {"Donald Trump", "Ri Yong-ho"} <= {row["claimant"] for row in rows}


def test_roles_and_workplaces(graph):
    rows = graph.select("""SELECT ?person ?title ?of ?former WHERE { ?p rdfs:label ?person ;
        ekg:hasRole ?r . ?r rdfs:label ?title . OPTIONAL { ?r ekg:roleIn/rdfs:label ?of }
        OPTIONAL { ?r ekg:former ?former } }""")
    posts = {(row["person"], row["title"], row.get("of"), row.get("former")) for row in rows}
    assert ("Donald Trump", "President", "United States", None) in posts
    assert ("Kathleen Stephens", "Ambassador to South Korea", "United States", "true") in posts
    assert graph.select("ASK { ?p rdfs:label 'Chris Green' ; ekg:worksFor ?o . "
                        "?o rdfs:label 'International Crisis Group' }") is True


def test_every_mention_points_into_its_article(graph):
    rows = graph.select("""SELECT ?m ?anchor ?b ?e ?sentence ?sb ?se WHERE {
        ?thing ekg:mention ?m . ?m nif:anchorOf ?anchor ; nif:beginIndex ?b ; nif:endIndex ?e ;
        ekg:sentence ?s . ?s nif:beginIndex ?sb ; nif:endIndex ?se }""")
    assert rows
    for row in rows:
        b, e, sb, se = (int(row[key]) for key in ("b", "e", "sb", "se"))
        assert sb <= b < e <= se and len(row["anchor"]) == e - b, row


def test_a_month_dates_an_event_as_its_period_never_as_its_day(graph):
    """The sanctions in force since a month the seeds name: the event has that month as
    ekg:period (an xsd:gYearMonth); ekg:date holds days only, as VOCABULARY.md fixes it."""
    periods = graph.select("""SELECT DISTINCT ?period WHERE {
        ?e a ekg:SanctionImposed ; ekg:period ?period }""")
    assert [row["period"] for row in periods] == ["2016-03"]
    assert not graph.query("""ASK { ?e ekg:date ?d FILTER(DATATYPE(?d) != xsd:date) }""")
    assert not graph.query("""ASK { ?e ekg:date ?d ; ekg:period ?p }""")
