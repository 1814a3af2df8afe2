"""`kg serve` as a real server in a subprocess on a free loopback port, driven by real clients.

SPARQLWrapper and httpx send SELECT, ASK and CONSTRUCT in every format, a malformed query and
an update without permission; a query past the time limit must not hold up other clients,
and 50 concurrent clients must all get right answers.
"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import threading
import urllib.error
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx
import pyoxigraph
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

REPO = Path(__file__).resolve().parents[1]
EX = "https://w3id.org/event-kg/id/"
EKG = "https://w3id.org/event-kg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
COUNTRIES = [f"Country{n:03d}" for n in range(60)]
PREFIXES = f"PREFIX ekg: <{EKG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
LABEL_OF = PREFIXES + "SELECT ?label WHERE {{ <{iri}> rdfs:label ?label }}"
ALL_LABELS = PREFIXES + "SELECT ?c ?label WHERE { ?c a ekg:Country ; rdfs:label ?label } ORDER BY ?label"
CONSTRUCT_FIRST = (PREFIXES + "CONSTRUCT { ?c rdfs:label ?label } WHERE { ?c rdfs:label ?label "
                   "FILTER(?label = \"Country000\") }")
# Counts a four-way cross product of the store: billions of steps, far past any time limit.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def iri_of(name: str) -> str:
    return f"{EX}entity/country/{name.lower()}"


def write_store(folder: Path) -> None:
    """An on-disk Oxigraph store of 60 countries, one article graph each."""
    store = pyoxigraph.Store(str(folder))
    rdf_type = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for name in COUNTRIES:
        entity, graph = pyoxigraph.NamedNode(iri_of(name)), pyoxigraph.NamedNode(f"{EX}article/{name}")
        store.add(pyoxigraph.Quad(entity, rdf_type, pyoxigraph.NamedNode(EKG + "Country"), graph))
        store.add(pyoxigraph.Quad(entity, pyoxigraph.NamedNode(RDFS_LABEL),
                                  pyoxigraph.Literal(name), graph))
    store.flush()


@dataclass
class RunningServer:
    """A `kg serve` subprocess; its stderr (log) lines are collected as they come."""

    process: subprocess.Popen
    url: str = ""
    log: list[str] = field(default_factory=list)

    @property
    def endpoint(self) -> str:
        return self.url + "/sparql"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(store: Path, *options: str) -> RunningServer:
    """Start `python -m kg serve --store STORE` on a free loopback port; wait until it listens."""
    return start_serve("--store", str(store), *options)


def start_serve(*arguments: str) -> RunningServer:
    """Start `python -m kg serve ARGUMENTS` on a free loopback port; wait until it listens."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", *arguments, "--port", "0"],
        cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    server = RunningServer(process)
    assert process.stderr is not None
    for line in process.stderr:
        server.log.append(line)
        found = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
        if found:
            server.url = found.group(1)
            break
    if not server.url:
        server.stop()
        pytest.fail("kg serve did not start:\n" + "".join(server.log))
    threading.Thread(target=lambda: server.log.extend(process.stderr), daemon=True).start()
    return server


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("served") / "store"
    write_store(folder)
    return folder


@pytest.fixture(scope="module")
def server(store_dir: Path, request: pytest.FixtureRequest) -> RunningServer:
    running = start_server(store_dir, "--timeout", "5", "--workers", "3")
    request.addfinalizer(running.stop)
    return running


def wrapper(server: RunningServer, query: str, answer_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.endpoint)
    client.setQuery(query)
    client.setReturnFormat(answer_format)
    return client


def test_select_as_json_and_xml_with_sparqlwrapper(server: RunningServer) -> None:
    as_json = wrapper(server, ALL_LABELS, JSON).query().convert()
    assert [b["label"]["value"] for b in as_json["results"]["bindings"]] == COUNTRIES
    as_xml = wrapper(server, ALL_LABELS, XML).query().convert()
    literals = as_xml.getElementsByTagNameNS("http://www.w3.org/2005/sparql-results#", "literal")
    assert [node.firstChild.data for node in literals] == COUNTRIES


@pytest.mark.parametrize(("answer_format", "delimiter"), [(CSV, ","), (TSV, "\t")])
def test_select_as_csv_and_tsv(server: RunningServer, answer_format: str, delimiter: str) -> None:
    text = wrapper(server, ALL_LABELS, answer_format).query().convert().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    label = [cell.strip('"') for cell in (row[1] for row in rows[1:])]
    assert label == COUNTRIES and rows[0][1].lstrip("?") == "label"


@pytest.mark.parametrize("answer_format", [JSON, XML])
def test_ask(server: RunningServer, answer_format: str) -> None:
    yes = wrapper(server, PREFIXES + 'ASK { ?c rdfs:label "Country007" }', answer_format)
    no = wrapper(server, PREFIXES + 'ASK { ?c rdfs:label "Atlantis" }', answer_format)
    assert wrapper_boolean(yes) is True and wrapper_boolean(no) is False


def wrapper_boolean(client: SPARQLWrapper) -> bool:
    answer = client.query().convert()
    if isinstance(answer, dict):
        return answer["boolean"]
    node = answer.getElementsByTagNameNS("http://www.w3.org/2005/sparql-results#", "boolean")[0]
    return node.firstChild.data == "true"


EXPECTED_TRIPLE = (rdflib.URIRef(iri_of("Country000")), rdflib.RDFS.label, rdflib.Literal("Country000"))


@pytest.mark.parametrize("answer_format", [TURTLE, JSONLD, XML])
def test_construct_with_sparqlwrapper(server: RunningServer, answer_format: str) -> None:
    graph = wrapper(server, CONSTRUCT_FIRST, answer_format).queryAndConvert()
    if isinstance(graph, bytes):  # SPARQLWrapper hands Turtle over unparsed
        graph = rdflib.Graph().parse(data=graph, format="turtle")
    assert set(graph) == {EXPECTED_TRIPLE}


@pytest.mark.parametrize(("media_type", "rdflib_format"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml")])
def test_construct_in_every_format_over_plain_http(server: RunningServer, media_type: str,
                                                   rdflib_format: str) -> None:
    answer = httpx.post(server.endpoint, content=CONSTRUCT_FIRST,
                        headers={"Content-Type": "application/sparql-query", "Accept": media_type})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media_type)
    assert set(rdflib.Graph().parse(data=answer.text, format=rdflib_format)) == {EXPECTED_TRIPLE}


def test_get_with_query_parameter(server: RunningServer) -> None:
    answer = httpx.get(server.endpoint, params={"query": LABEL_OF.format(iri=iri_of("Country042"))},
                       headers={"Accept": "application/sparql-results+json"})
    assert answer.json()["results"]["bindings"][0]["label"]["value"] == "Country042"


def test_malformed_query_gets_the_parsers_message(server: RunningServer) -> None:
    answer = httpx.post(server.endpoint, data={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert answer.status_code == 400 and "error at 1:" in answer.text
    with pytest.raises(QueryBadFormed):
        wrapper(server, "SELECT ?x WHERE { ?x ?y }", JSON).query()


def test_update_without_permission_is_refused(server: RunningServer) -> None:
    update = 'INSERT DATA { <http://x.org/a> <http://x.org/b> "c" }'
    assert httpx.post(server.endpoint, data={"update": update}).status_code == 403
    assert httpx.post(server.endpoint, content=update,
                      headers={"Content-Type": "application/sparql-update"}).status_code == 403
    assert httpx.get(server.endpoint, params={"query": update}).status_code == 403
    client = wrapper(server, update, JSON)
    client.setMethod("POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403


def test_unknown_formats_get_406_and_415(server: RunningServer) -> None:
    assert httpx.get(server.endpoint, params={"query": ALL_LABELS},
                     headers={"Accept": "image/png"}).status_code == 406
    assert httpx.post(server.endpoint, content=ALL_LABELS,
                      headers={"Content-Type": "text/plain"}).status_code == 415


def test_health_and_one_access_log_line_per_request(server: RunningServer) -> None:
    marker = "/health"
    before = sum(marker in line for line in server.log)
    for _ in range(3):
        assert httpx.get(server.url + marker).json()["status"] == "ok"
    eventually(lambda: sum(marker in line for line in server.log) >= before + 3)
    assert sum(marker in line for line in server.log) == before + 3


def eventually(condition: Callable[[], bool], polls: int = 200) -> None:
    """Poll until ``condition`` holds, for things that settle in the background."""
    pause = threading.Event()
    for _ in range(polls):
        if condition():
            return
        pause.wait(0.05)


def child_processes(pid: int) -> set[int]:
    """The ids of a process's children (Linux /proc)."""
    return {int(child) for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()}


@pytest.mark.slow
def test_query_past_time_limit_does_not_hold_up_others(store_dir: Path,
                                                       request: pytest.FixtureRequest) -> None:
    running = start_server(store_dir, "--timeout", "2", "--workers", "2")
    request.addfinalizer(running.stop)
    workers_before = child_processes(running.process.pid)
    slow_answer: list[httpx.Response] = []
    slow = threading.Thread(target=lambda: slow_answer.append(
        httpx.post(running.endpoint, data={"query": ENDLESS}, timeout=60)))
    slow.start()
    answered_while_slow_ran = 0
    for name in COUNTRIES[:10]:
        answer = httpx.get(running.endpoint, params={"query": LABEL_OF.format(iri=iri_of(name))})
        assert answer.json()["results"]["bindings"][0]["label"]["value"] == name
        answered_while_slow_ran += slow.is_alive()
    slow.join()
    assert answered_while_slow_ran > 0
    assert slow_answer[0].status_code == 504
    assert "time limit" in slow_answer[0].text
    assert httpx.get(running.url + "/health").json()["stopped_queries"] == 1
    # The worker that ran the query was killed (so it uses no more CPU) and replaced.
    eventually(lambda: len(child_processes(running.process.pid)) == len(workers_before) and
               child_processes(running.process.pid) != workers_before)
    assert len(workers_before - child_processes(running.process.pid)) == 1
    after = httpx.get(running.endpoint, params={"query": ALL_LABELS})
    assert len(after.json()["results"]["bindings"]) == len(COUNTRIES)


@pytest.mark.slow
def test_fifty_concurrent_clients_all_get_right_answers(server: RunningServer) -> None:
    names = [COUNTRIES[i % len(COUNTRIES)] for i in range(200)]

    def ask(name: str) -> str:
        with httpx.Client(timeout=60) as client:
            answer = client.post(server.endpoint, data={"query": LABEL_OF.format(iri=iri_of(name))},
                                 headers={"Accept": "application/sparql-results+json"})
        return json.loads(answer.text)["results"]["bindings"][0]["label"]["value"]

    with ThreadPoolExecutor(max_workers=50) as clients:
        answers = list(clients.map(ask, names))
    assert answers == names



@pytest.mark.slow
@pytest.mark.browser
def test_query_page_shows_a_table_and_draws_a_construct(server: RunningServer, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def run(query: str, selector: str) -> list:
        editor = browser.find_element(By.ID, "query")
        browser.execute_script("arguments[0].value = arguments[1];", editor, query)
        browser.find_element(By.ID, "run").click()
        return WebDriverWait(browser, 30).until(lambda page: page.find_elements(By.CSS_SELECTOR, selector))

    browser.get(server.url + "/")
    cells = run(ALL_LABELS, "#results td.literal")
    assert [cell.text for cell in cells] == COUNTRIES
    drawing = run(CONSTRUCT_FIRST, "#results div.graph canvas")
    assert drawing[0].is_displayed()
    graph = browser.find_element(By.CSS_SELECTOR, "#results div.graph")
    assert (graph.get_attribute("data-nodes"), graph.get_attribute("data-edges")) == ("2", "1")
    assert "1 triples" in browser.find_element(By.ID, "status").text


@pytest.mark.slow
def test_serves_articles_built_in_memory(tmp_path):
    article = tmp_path / "talks.txt"
    article.write_text("title: Envoys meet\ndate: 2024-05-02\n\nNorth Korea and South Korea "
                       "held talks in Seoul on Thursday.\n", encoding="utf-8")
    server = start_serve(str(article))
    try:
        answer = httpx.post(server.endpoint, data={"query": PREFIXES + (
            "PREFIX dcterms: <http://purl.org/dc/terms/> "
            "SELECT ?title WHERE { ?a a ekg:Article ; dcterms:title ?title }")},
            headers={"Accept": "text/csv"})
        assert answer.status_code == 200
        assert answer.text.splitlines() == ["title", "Envoys meet"]
    finally:
        server.stop()
