"""The SPARQL endpoint in process: negotiation, protocol variants, limits, the update guard."""
from __future__ import annotations

import asyncio
import json

import pyoxigraph
import pytest
from starlette.testclient import TestClient

from kg.server.app import ServerSettings, create_app, parses_as_update
from kg.server.evaluation import QueryJob, write_solutions
from kg.server.examples import QUERIES, example_queries
from kg.server.negotiation import GRAPH_FORMATS, RESULT_FORMATS, choose_format, parse_accept
from kg.server.workers import Limits, QueryTimedOut, ThreadEvaluator

EX = "https://w3id.org/event-kg/id/"
EKG = "https://w3id.org/event-kg/ontology#"
LABEL = pyoxigraph.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ARTICLE_A = pyoxigraph.NamedNode(EX + "article/aaa")
ARTICLE_B = pyoxigraph.NamedNode(EX + "article/bbb")
LABELS = "SELECT ?label WHERE { ?e a <%sCountry> ; <%s> ?label } ORDER BY ?label" % (EKG, LABEL.value)


def small_graph() -> pyoxigraph.Store:
    """Two countries, each stated in its own article's named graph."""
    store = pyoxigraph.Store()
    for name, graph in (("Vietnam", ARTICLE_A), ("Norway", ARTICLE_B)):
        entity = pyoxigraph.NamedNode(EX + "entity/" + name.lower())
        store.add(pyoxigraph.Quad(entity, RDF_TYPE, pyoxigraph.NamedNode(EKG + "Country"), graph))
        store.add(pyoxigraph.Quad(entity, LABEL, pyoxigraph.Literal(name), graph))
    return store


def client_of(store: pyoxigraph.Store, limits: Limits = Limits(),
              settings: ServerSettings = ServerSettings()) -> TestClient:
    return TestClient(create_app(ThreadEvaluator(store, limits), settings))


@pytest.fixture()
def client() -> TestClient:
    return client_of(small_graph())


def labels_of(answer: dict) -> list[str]:
    return [row["label"]["value"] for row in answer["results"]["bindings"]]


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "application/sparql-results+json"),
    ("text/csv;q=0.4, text/tab-separated-values;q=0.8", "text/tab-separated-values"),
    ("text/*;q=0.2, text/csv;q=0", "text/tab-separated-values"),
    ("application/sparql-results+xml, */*;q=0.1", "application/sparql-results+xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml"),
])
def test_result_format_follows_quality_values(accept: str | None, expected: str) -> None:
    assert choose_format(accept, RESULT_FORMATS).media_type == expected


def test_graph_formats_and_refusal() -> None:
    assert choose_format("application/n-triples", GRAPH_FORMATS).media_type == "application/n-triples"
    assert choose_format("application/sparql-results+json", GRAPH_FORMATS) is None
    assert choose_format("text/turtle;q=0, */*", GRAPH_FORMATS).media_type == "application/n-triples"


def test_malformed_quality_counts_as_refusal() -> None:
    assert parse_accept("text/csv;q=abc")[0].quality == 0.0


@pytest.mark.parametrize("answer_format", [pyoxigraph.QueryResultsFormat.JSON,
                                           pyoxigraph.QueryResultsFormat.XML,
                                           pyoxigraph.QueryResultsFormat.CSV,
                                           pyoxigraph.QueryResultsFormat.TSV])
def test_written_solutions_match_oxigraphs_own_writer(answer_format) -> None:
    store = pyoxigraph.Store()
    query = r'''SELECT ?x ?y WHERE { VALUES (?x ?y) { ("tab\there \"quoted\"\nline"@en <http://x.org/a>)
                (UNDEF "2019-02-28"^^<http://www.w3.org/2001/XMLSchema#date>) ("ü" 1.5) } }'''
    result = store.query(query)
    variables = [v.value for v in result.variables]
    ours = write_solutions(variables, list(result), answer_format)
    assert ours == store.query(query).serialize(format=answer_format)


def test_get_form_and_direct_post_agree(client: TestClient) -> None:
    by_get = client.get("/sparql", params={"query": LABELS})
    by_form = client.post("/sparql", data={"query": LABELS})
    by_body = client.post("/sparql", content=LABELS,
                          headers={"Content-Type": "application/sparql-query"})
    assert labels_of(by_get.json()) == ["Norway", "Vietnam"]
    assert by_get.content == by_form.content == by_body.content


def test_default_graph_uri_narrows_the_dataset(client: TestClient) -> None:
    answer = client.get("/sparql", params={"query": LABELS, "default-graph-uri": ARTICLE_A.value})
    assert labels_of(answer.json()) == ["Vietnam"]


def test_row_limit_cuts_and_says_so() -> None:
    answer = client_of(small_graph(), Limits(max_rows=1)).get("/sparql", params={"query": LABELS})
    assert labels_of(answer.json()) == ["Norway"]
    assert answer.headers["X-KG-Truncated"] == "true"


@pytest.mark.parametrize(("request_kwargs", "status"), [
    ({"method": "POST", "content": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ({"method": "GET", "params": {"update": "CLEAR ALL"}}, 405),
    ({"method": "GET", "params": {}}, 400),
    ({"method": "GET", "params": {"query": "ASK {}"}, "headers": {"Accept": "image/png"}}, 406),
    ({"method": "GET", "params": {"query": "SELECT WHERE"}}, 400),
    ({"method": "GET", "params": {"query": "CLEAR ALL"}}, 403),
])
def test_protocol_errors_get_one_line_and_their_status(client: TestClient, request_kwargs: dict,
                                                       status: int) -> None:
    answer = client.request(url="/sparql", **request_kwargs)
    assert answer.status_code == status
    assert answer.text.count("\n") == 1


def test_update_needs_switch_and_token() -> None:
    insert = {"update": 'INSERT DATA { <http://x.org/a> <http://x.org/b> "c" }'}
    closed = client_of(small_graph())
    assert closed.post("/sparql", data=insert).status_code == 403
    store = small_graph()
    open_ = client_of(store, settings=ServerSettings(allow_update=True, token="s3cret"))
    assert open_.post("/sparql", data=insert).status_code == 401
    assert open_.post("/sparql", data=insert,
                      headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert len(store) == 4
    assert open_.post("/sparql", data=insert,
                      headers={"Authorization": "Bearer s3cret"}).status_code == 204
    assert len(store) == 5


def test_update_is_recognised_only_as_update() -> None:
    assert parses_as_update("DELETE WHERE { ?s ?p ?o }")
    assert not parses_as_update("ASK { ?s ?p ?o }")


def test_query_page_is_self_contained(client: TestClient) -> None:
    page = client.get("/").text
    assert "static/query.js" in page and "//" not in page.split("<body>")[1].replace("://", "")
    assert client.get("/static/query.js").status_code == 200
    assert "http" not in client.get("/static/query.js").text
    assert client.get("/vendor/vis-network.min.js").status_code == 200


def test_examples_endpoint_lists_the_saved_queries(client: TestClient) -> None:
    served = client.get("/examples").json()
    on_disk = sorted(p.name[:-3] for p in QUERIES.iterdir() if p.name.endswith(".rq")) \
        if QUERIES.is_dir() else []
    assert [q["name"] for q in served] == on_disk == [q.name for q in example_queries()]


def test_health(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"


def test_thread_evaluator_gives_up_on_a_query_past_its_limit() -> None:
    store = pyoxigraph.Store()
    predicate = pyoxigraph.NamedNode(EX + "p")
    store.extend(pyoxigraph.Quad(pyoxigraph.NamedNode(f"{EX}n{i}"), predicate, pyoxigraph.Literal(i))
                 for i in range(200))
    # Eight million joined rows to count: finite, but far beyond a tenth of a second.
    slow = QueryJob("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z }", None)
    quick = QueryJob("ASK { ?a ?p 7 }", None)
    evaluator = ThreadEvaluator(store, Limits(timeout=0.1, workers=2))

    async def both() -> list:
        return await asyncio.gather(evaluator.run(slow), evaluator.run(quick),
                                    return_exceptions=True)

    timed_out, answered = asyncio.run(both())
    assert isinstance(timed_out, QueryTimedOut) and timed_out.started
    assert json.loads(answered.body) == {"head": {}, "boolean": True}
    assert slow.stop.is_set() and evaluator.stopped_queries == 1


@pytest.mark.parametrize(("query", "accept", "media_type"), [
    (LABELS, "application/sparql-results+json,*/*;q=0.9", "application/sparql-results+json"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle,*/*;q=0.9", "text/turtle"),
    ("DESCRIBE <%sentity/norway>" % EX, "application/sparql-results+json,*/*;q=0.9", "text/turtle"),
])
def test_yasgui_style_form_posts(client: TestClient, query: str, accept: str, media_type: str) -> None:
    answer = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(media_type)


def test_cors_only_for_named_origins() -> None:
    preflight = {"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST"}
    closed = client_of(small_graph()).options("/sparql", headers=preflight)
    assert "access-control-allow-origin" not in closed.headers
    opened = client_of(small_graph(), settings=ServerSettings(cors_origins=("https://yasgui.example",)))
    allowed = opened.options("/sparql", headers=preflight)
    assert allowed.headers["access-control-allow-origin"] == "https://yasgui.example"
