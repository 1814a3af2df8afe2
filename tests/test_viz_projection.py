"""kg/viz projection, selection and timeline model, on the hand-written summit graph."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.viz.projection import project
from kg.viz.selection import SelectionError, find_node, most_connected, neighbourhood
from kg.viz.sources import SourceError, load_rdf_file, load_rdf_text
from kg.viz.timeline import OTHERS, timeline

FIXTURE = Path(__file__).parent / "fixtures" / "viz" / "summit.trig"
ID = "https://w3id.org/event-kg/id/"
KIM, TRUMP, HANOI = ID + "entity/kim-jong-un", ID + "entity/donald-trump", ID + "entity/hanoi"
SUMMIT, PROMISE, DEMAND = ID + "event/summit/aaa", ID + "event/promise/bbb", ID + "event/demand/ccc"
A1, A2 = ID + "article/a1", ID + "article/a2"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return project(load_rdf_file(FIXTURE))


def test_nodes_are_entities_events_sanctions_and_quotes_only(graph):
    families = {data["family"] for _, data in graph.nodes(data=True)}
    assert families == {"Entity", "Event", "Sanction", "Quote"}
    assert A1 not in graph and ID + "role/r1" not in graph  # articles and roles are not nodes
    assert graph.nodes[SUMMIT]["cls"] == "Summit"  # the most specific class


def test_a_node_carries_labels_aliases_wikidata_and_sources_from_both_articles(graph):
    kim = graph.nodes[KIM]
    assert kim["label"] == "Kim Jong-un"
    assert kim["aliases"] == ["Kim", "Kim Jong Un"]
    assert kim["wikidata"] == "Q56226"
    assert kim["sources"] == [A1, A2]
    assert kim["roles"] == ["Leader (North Korea)"]


def test_sentences_keep_their_article_and_are_not_repeated(graph):
    texts = [(s["article"], s["text"][:14]) for s in graph.nodes[KIM]["sentences"]]
    assert texts == [(A1, "Kim Jong-un an"), (A2, "Then Kim Jong-")]
    assert len(graph.nodes[SUMMIT]["sentences"]) == 1


def test_edges_are_roles_and_hasactor_only_where_no_specific_role_joins_the_pair(graph):
    assert set(graph[SUMMIT]) == {KIM, TRUMP, HANOI}
    assert set(graph[SUMMIT][KIM]) == {"agent"}  # sem:hasActor beside ekg:agent is not drawn
    assert set(graph[SUMMIT][HANOI]) == {"place"}
    assert set(graph[ID + "quote/q1"][TRUMP]) == {"speaker"}


def test_unlabelled_things_get_readable_names(graph):
    assert graph.nodes[SUMMIT]["label"] == "Summit in Hanoi, 2019-02-28"
    assert graph.nodes[ID + "sanction/s1"]["label"] == "Sanction on North Korea"
    assert graph.nodes[ID + "quote/q1"]["label"] == "“we will keep talking”"


def test_article_index_has_titles_and_dates(graph):
    assert graph.graph["articles"][A2] == {
        "title": "No agreement in Hanoi", "publisher": "Outlet B", "date": "2019-03-02",
        "name": "No agreement in Hanoi · Outlet B · 2019-03-02"}


def test_a_file_that_is_not_rdf_is_one_line(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> <urn:b> .", encoding="utf-8")
    with pytest.raises(SourceError, match=r"broken.ttl: not readable as RDF") as error:
        load_rdf_file(broken)
    assert "\n" not in str(error.value)


def test_find_node_by_label_alias_or_wikidata_and_closest_names_otherwise(graph):
    assert find_node(graph, "kim jong un") == KIM
    assert find_node(graph, "Q22686") == TRUMP
    with pytest.raises(SelectionError, match="closest: Kim Jong-un"):
        find_node(graph, "Kim Jong")


def test_neighbourhood_depth_counts_edges_in_either_direction(graph):
    assert set(neighbourhood(graph, "Hanoi", depth=1)) == {HANOI, SUMMIT}
    assert set(neighbourhood(graph, "Hanoi", depth=2)) == {HANOI, SUMMIT, KIM, TRUMP}
    assert set(neighbourhood(graph, "Hanoi", depth=0)) == {HANOI}


def test_most_connected_keeps_the_best_connected_and_names_the_rest(graph):
    cut = most_connected(graph, 3)
    assert set(cut.graph) == {TRUMP, ID + "entity/north-korea", SUMMIT}
    assert len(cut.left_out) == len(graph) - 3
    assert cut.summary().startswith(f"left out {len(graph) - 3} nodes: ")
    assert most_connected(graph, 100).summary() == ""


def test_timeline_lanes_are_the_busiest_actors_and_each_event_shows_in_its_lanes(graph):
    line = timeline(graph, max_lanes=2)
    assert [label for _, label in line.lanes][:2] == ["Donald Trump", "North Korea"]
    by_node = {moment.node: moment for moment in line.moments}
    assert by_node[SUMMIT].lanes == (TRUMP,)
    assert set(by_node[PROMISE].lanes) == {TRUMP, ID + "entity/north-korea"}
    assert [moment.day.isoformat() for moment in line.moments] == [
        "2019-02-28", "2019-02-28", "2019-03-01"]


def test_an_undated_event_sits_at_its_first_report_and_one_with_no_dated_source_is_left_out():
    store = load_rdf_text(FIXTURE.read_text("utf-8") + """
      @prefix ekg: <https://w3id.org/event-kg/ontology#> .
      @prefix prov: <http://www.w3.org/ns/prov#> .
      <urn:x:talks> a ekg:Negotiation ; ekg:agent <urn:x:nobody> ; prov:wasDerivedFrom <%s> .
      <urn:x:nobody> a ekg:Person .
      <urn:x:lost> a ekg:Negotiation ; ekg:agent <urn:x:nobody> .
    """ % A2, "trig")
    line = timeline(project(store), max_lanes=1)
    talks = next(moment for moment in line.moments if moment.node == "urn:x:talks")
    assert (talks.day.isoformat(), talks.dated, talks.lanes) == ("2019-03-02", False, (OTHERS,))
    assert line.left_out == 1

INEXACT = (Path(__file__).parent / "fixtures" / "viz" / "inexact.trig").read_text("utf-8")


def inexact_moments():
    line = timeline(project(load_rdf_text(FIXTURE.read_text("utf-8") + INEXACT, "trig")))
    return {moment.node: moment for moment in line.moments}


def test_a_week_or_a_month_spans_its_days_and_a_year_sits_at_its_first_report():
    moments = inexact_moments()
    assert [(moments[node].day.isoformat(), moments[node].last.isoformat(),
             moments[node].dated) for node in ("urn:x:week", "urn:x:month", "urn:x:year")] == [
        ("2019-02-18", "2019-02-24", True), ("2019-01-01", "2019-01-31", True),
        ("2019-03-02", "2019-03-02", False)]
    assert moments[SUMMIT].day == moments[SUMMIT].last  # a day is a point
