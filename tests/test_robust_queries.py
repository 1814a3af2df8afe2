"""Safe queries: bound values that look like SPARQL stay values (the API, and `kg query
--param` over a store folder and a live Oxigraph endpoint); a read-only endpoint refuses
updates smuggled into queries and keeps its data; a query with a huge cross product hits its
time limit while other clients keep getting right answers (a real `kg serve` process).
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph
import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, Quad, Variable

from kg.cli import cli
from kg.store import KnowledgeGraph
from kg.store.binding import bound_query
from store_support import oxigraph_server
from test_server_endpoint import RunningServer, start_server

RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
BASE = "https://w3id.org/event-kg/id/"
# Values a user might pass to a query, written to break out of a string or an IRI.
HOSTILE = (
    '"} ; DELETE WHERE {?s ?p ?o} #',
    "<x> } UNION { ?s ?p ?o",
    "' } UNION { ?s ?p ?o } #",
    '""" } UNION { ?s ?p ?o } """',
    "it's \"quoted\" '''thrice'''",
    "two\nlines\r\nand\ta tab",
    "ends in a backslash \\",
    '\\"} UNION { ?s ?p ?o } #',
    "# } } }",
    "line\u2028separator and NUL\x00",
)
SELECT_BY_LABEL = "SELECT ?thing ?name WHERE { ?thing rdfs:label ?name }"
ASK_BY_LABEL = "ASK { ?thing rdfs:label ?name }"
CONSTRUCT_BY_LABEL = "CONSTRUCT { ?thing rdfs:label ?name } WHERE { ?thing rdfs:label ?name }"


def thing(n: int) -> NamedNode:
    return NamedNode(f"{BASE}entity/thing-{n}")


def article(n: int) -> NamedNode:
    return NamedNode(f"{BASE}article/{n:064x}")


def labelled_things() -> list[Quad]:
    """One thing per hostile label, and one with a plain label, each in an article graph."""
    labels = [*HOSTILE, "a plain name"]
    return [Quad(thing(n), RDFS_LABEL, Literal(label), article(n))
            for n, label in enumerate(labels)]


@pytest.fixture()
def graph() -> KnowledgeGraph:
    graph = KnowledgeGraph.open(None)
    graph.store.extend(labelled_things())
    return graph


def all_quads(store: pyoxigraph.Store) -> list[str]:
    return sorted(str(quad) for quad in store.quads_for_pattern(None, None, None, None))


# -- bound values ------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_a_bound_value_is_one_literal(graph: KnowledgeGraph, value: str) -> None:
    before = all_quads(graph.store)
    rows = graph.select(SELECT_BY_LABEL, {"name": value})
    assert rows == [{"thing": thing(HOSTILE.index(value)).value, "name": value}]
    assert graph.select(ASK_BY_LABEL, {"name": value + " "}) is False
    assert all_quads(graph.store) == before


@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_bound_in_query_text_answers_as_the_embedded_binding(
        graph: KnowledgeGraph, value: str) -> None:
    """A remote endpoint gets bindings as text (kg/store/binding.py): same answers, same data."""
    bindings = {Variable("name"): Literal(value)}
    before = all_quads(graph.store)
    for query in (SELECT_BY_LABEL, ASK_BY_LABEL, CONSTRUCT_BY_LABEL):
        embedded = graph.query(query, {"name": value})
        as_text = graph.query(bound_query(query, bindings))
        if isinstance(embedded, pyoxigraph.QueryBoolean):
            assert bool(as_text) is bool(embedded) is True
        else:
            assert sorted(map(str, as_text)) == sorted(map(str, embedded)) != []
    assert all_quads(graph.store) == before


@pytest.mark.parametrize("value", [text for text in HOSTILE if set(text) & set('<>" {}\\\n')])
def test_hostile_text_cannot_be_made_an_iri(value: str) -> None:
    with pytest.raises(ValueError):
        NamedNode(f"http://x.org/{value}")


def test_an_iri_binding_selects_one_thing(graph: KnowledgeGraph) -> None:
    rows = graph.select(SELECT_BY_LABEL, {"thing": thing(1)})
    assert rows == [{"thing": thing(1).value, "name": HOSTILE[1]}]


# -- kg query --param --------------------------------------------------------------------


def quoted(value: str) -> str:
    """A value written as a quoted --param literal: "text" with its \\ and " escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture(scope="module")
def query_targets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The labelled things in a store folder, and on a live `oxigraph serve` endpoint."""
    folder = tmp_path_factory.mktemp("labelled") / "store"
    with KnowledgeGraph.open(folder) as graph:
        graph.store.extend(labelled_things())
    nquads = pyoxigraph.serialize(labelled_things(), format=pyoxigraph.RdfFormat.N_QUADS)
    with oxigraph_server(tmp_path_factory.mktemp("endpoint")) as url:
        httpx.post(f"{url}/store", content=nquads,
                   headers={"Content-Type": "application/n-quads"}).raise_for_status()
        yield {"folder": str(folder), "endpoint": url}


def stored_quads(location: str) -> list[str]:
    if location.startswith("http"):
        dump = httpx.get(f"{location}/store", headers={"Accept": "application/n-quads"})
        return sorted(dump.text.splitlines())
    return sorted(line for line in pyoxigraph.serialize(
        pyoxigraph.Store.read_only(location), format=pyoxigraph.RdfFormat.N_QUADS
    ).decode().splitlines())


def kg_query(location: str, query: str, param: str):
    return CliRunner().invoke(cli, ["query", "--store", location, "--format", "json", query,
                                    "--param", param])


def answered_rows(result) -> list[dict[str, str]]:
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.stdout_bytes)["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in bindings]


@pytest.mark.parametrize("target", ["folder", "endpoint"])
def test_kg_query_params_stay_values(query_targets: dict[str, str], target: str) -> None:
    location = query_targets[target]
    before = stored_quads(location)
    refused = 0
    for n, value in enumerate(HOSTILE):
        expected = [{"thing": thing(n).value, "name": value}]
        assert answered_rows(kg_query(location, SELECT_BY_LABEL, f"name={quoted(value)}")) \
            == expected
        bare = kg_query(location, SELECT_BY_LABEL, f"name={value}")
        if value.startswith(('"', "<")):  # taken for a broken literal or IRI: refused
            assert bare.exit_code == 2 and len(bare.stderr.splitlines()) == 1, bare.output
            refused += 1
        else:
            assert answered_rows(bare) == expected
    assert refused == 3
    assert answered_rows(kg_query(location, SELECT_BY_LABEL, f"thing=<{thing(1).value}>")) \
        == [{"thing": thing(1).value, "name": HOSTILE[1]}]
    breakout = kg_query(location, SELECT_BY_LABEL,
                        "thing=<http://x.org/a> } UNION { ?thing ?p ?name <http://x.org/b>")
    assert breakout.exit_code == 2 and len(breakout.stderr.splitlines()) == 1
    assert "Traceback" not in breakout.output
    assert stored_quads(location) == before


# -- the endpoint over a read-only store -------------------------------------------------

ARTICLES = 40
# Counts a four-way cross product of every quad in the store: far past any time limit.
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?s ?w }"
LABEL_OF = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " \
           "SELECT ?name WHERE {{ <{iri}> rdfs:label ?name }}"
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
# Updates dressed up as queries: comments, odd white space and case, PREFIX and BASE first.
SMUGGLED = (
    "DELETE WHERE { ?s ?p ?o }",
    "# only a comment first\nDROP ALL",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "DELETE { ?s rdfs:label ?o } WHERE { ?s rdfs:label ?o }",
    "BASE <http://x.org/>\n\tINSERT DATA { <a> <b> <c> }",
    "\n\n   clear \t  default   ",
    "WITH <http://x.org/g> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/nothing.ttl> INTO GRAPH <http://x.org/g>",
    "CREATE GRAPH <http://x.org/new>",
    "ADD DEFAULT TO <http://x.org/g>",
    "insert data { graph <http://x.org/g> { <http://x.org/a> <http://x.org/b> 'c' } }",
)
# A query and an update in one text: neither parser takes it, so it is malformed.
MIXED = ("SELECT * WHERE { ?s ?p ?o } ; DELETE WHERE { ?s ?p ?o }",
         "ASK {} DROP ALL")


def served_quads() -> list[Quad]:
    """ARTICLES article graphs, each with one labelled thing and its type."""
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    place = NamedNode("https://w3id.org/event-kg/ontology#Place")
    return [quad for n in range(ARTICLES) for quad in
            (Quad(thing(n), RDFS_LABEL, Literal(f"Place {n}"), article(n)),
             Quad(thing(n), rdf_type, place, article(n)))]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory,
           request: pytest.FixtureRequest) -> tuple[RunningServer, Path]:
    """`kg serve` (2 s time limit, 2 worker processes) over a store folder of served_quads."""
    folder = tmp_path_factory.mktemp("served") / "store"
    with KnowledgeGraph.open(folder) as graph:  # a real store folder, with the ontology
        graph.store.extend(served_quads())
    running = start_server(folder, "--timeout", "2", "--workers", "2")
    request.addfinalizer(running.stop)
    return running, folder


def smuggle(server: RunningServer, text: str, channel: str) -> httpx.Response:
    """Send ``text`` as a query: GET ?query=, a form POST, or an application/sparql-query body."""
    if channel == "get":
        return httpx.get(server.endpoint, params={"query": text})
    if channel == "form":
        return httpx.post(server.endpoint, data={"query": text})
    return httpx.post(server.endpoint, content=text.encode(),
                      headers={"Content-Type": "application/sparql-query"})


def quad_count(server: RunningServer) -> int:
    answer = httpx.get(server.endpoint, params={"query": COUNT_QUADS})
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.slow
def test_updates_smuggled_into_queries_are_refused_and_change_nothing(
        served: tuple[RunningServer, Path]) -> None:
    server, store_dir = served
    on_disk = all_quads(pyoxigraph.Store.read_only(str(store_dir)))
    count = quad_count(server)
    for channel in ("get", "form", "body"):
        for text in SMUGGLED:
            answer = smuggle(server, text, channel)
            assert answer.status_code == 403, (channel, text, answer.text)
            assert answer.text.count("\n") == 1
        for text in MIXED:
            assert smuggle(server, text, channel).status_code == 400
    both = httpx.post(server.endpoint, data={"query": "ASK {}", "update": "DROP ALL"})
    assert both.status_code == 403
    in_the_url = httpx.post(server.endpoint, params={"update": "DROP ALL"}, content=b"ASK {}",
                            headers={"Content-Type": "application/sparql-query"})
    assert in_the_url.status_code == 200
    assert quad_count(server) == count == len(on_disk)
    assert all_quads(pyoxigraph.Store.read_only(str(store_dir))) == on_disk


@pytest.mark.slow
def test_a_huge_cross_product_times_out_while_other_clients_get_right_answers(
        served: tuple[RunningServer, Path]) -> None:
    server, _ = served
    clients = 8
    slow: list[httpx.Response] = []
    running = threading.Thread(target=lambda: slow.append(
        httpx.post(server.endpoint, data={"query": CROSS_PRODUCT}, timeout=120)))
    running.start()
    answered: list[int] = [0] * clients
    wrong: list[str] = []

    def client(number: int) -> None:
        with httpx.Client(timeout=60) as http:
            n = number
            while running.is_alive():
                answer = http.get(server.endpoint,
                                  params={"query": LABEL_OF.format(iri=thing(n % ARTICLES).value)})
                names = [row["name"]["value"] for row in answer.json()["results"]["bindings"]]
                if names != [f"Place {n % ARTICLES}"]:
                    wrong.append(f"{answer.status_code} {names}")
                answered[number] += running.is_alive()
                n += clients

    workers = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    for worker in workers:
        worker.start()
    for worker in [running, *workers]:
        worker.join()
    assert slow[0].status_code == 504 and "time limit" in slow[0].text
    assert wrong == []
    assert all(count > 0 for count in answered), answered
    assert httpx.get(server.url + "/health").json()["stopped_queries"] >= 1
    print(f"{clients} clients got {sum(answered)} right answers while the cross product ran")
