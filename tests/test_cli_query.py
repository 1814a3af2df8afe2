"""`kg query`: where the query and the graph come from, every output format, --param
bindings (safe against injection) and one-line errors."""
from __future__ import annotations

import io
import json

import pyoxigraph
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import cli
from kg.store import KnowledgeGraph

from store_support import hand_made_store

SUMMITS = "SELECT DISTINCT ?event WHERE { ?event a ekg:Summit }"
NAMES = ("SELECT DISTINCT ?thing ?name WHERE { ?thing rdfs:label ?name "
         "FILTER(STRSTARTS(STR(?thing), 'https://w3id.org/event-kg/id/')) } ORDER BY ?name ?thing")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = hand_made_store(tmp_path_factory.mktemp("query") / "store")
    with KnowledgeGraph.open(folder, read_only=True) as graph:
        graph.export(folder.parent / "graph.trig", "trig")
    return folder


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["query", *args], input=stdin)


def one_line_error(result, exit_code: int) -> str:
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_csv_is_the_default_off_a_terminal(store):
    result = run("--store", str(store), SUMMITS)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["event",
                                          "https://w3id.org/event-kg/id/event/summit/000000000001"]


@pytest.mark.parametrize("fmt, results_format", [
    ("json", pyoxigraph.QueryResultsFormat.JSON), ("xml", pyoxigraph.QueryResultsFormat.XML),
    ("tsv", pyoxigraph.QueryResultsFormat.TSV)])
def test_sparql_results_formats_parse_back(store, fmt, results_format):
    result = CliRunner().invoke(cli, ["query", "--store", str(store), "--format", fmt, NAMES])
    assert result.exit_code == 0, result.output
    rows = pyoxigraph.parse_query_results(result.stdout_bytes, results_format)
    with KnowledgeGraph.open(store, read_only=True) as graph:
        expected = graph.select(NAMES)
    assert [{name: row[name].value for name in ("thing", "name")} for row in rows] == expected


def test_the_table_abbreviates_iris_and_counts_rows(store):
    result = run("--store", str(store), "--format", "table", NAMES)
    assert result.exit_code == 0, result.output
    assert "entity:kim-jong-un" in result.stdout and "Kim Jong-un" in result.stdout
    assert "event:summit/000000000001" in result.stdout
    assert result.stdout.rstrip().endswith("rows")


def test_ask_answers_true_or_false(store):
    assert run("--store", str(store), "ASK { ?e a ekg:Summit }").stdout == "true\n"
    assert run("--store", str(store), "--format", "table",
               "ASK { ?e a ekg:Visit }").stdout == "false\n"


@pytest.mark.parametrize("fmt, rdflib_format", [(None, "turtle"), ("nt", "nt"),
                                                 ("jsonld", "json-ld")])
def test_construct_answers_are_rdf(store, fmt, rdflib_format):
    sparql = "CONSTRUCT WHERE { ?e a ekg:Summit ; rdfs:label ?label ; sem:hasActor ?who }"
    result = run("--store", str(store), *(["--format", fmt] if fmt else []), sparql)
    assert result.exit_code == 0, result.output
    parsed = rdflib.Graph().parse(data=result.stdout, format=rdflib_format)
    assert len(parsed) == 4  # the class, the name and two participants
    if fmt is None:
        assert "@prefix ekg: <https://w3id.org/event-kg/ontology#>" in result.stdout


def test_the_query_from_a_file_or_stdin(store, tmp_path):
    saved = tmp_path / "summits.rq"
    saved.write_text("# the summits\n" + SUMMITS, encoding="utf-8")
    from_file = run("--store", str(store), str(saved))
    from_stdin = run("--store", str(store), "-", stdin=SUMMITS)
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert from_file.stdout == from_stdin.stdout == run("--store", str(store), SUMMITS).stdout


def test_an_rdf_file_answers_as_the_store_does(store):
    trig = store.parent / "graph.trig"
    assert run(NAMES, str(trig)).stdout == run("--store", str(store), NAMES).stdout


def test_a_skipped_input_is_reported_and_the_answer_still_given(store, tmp_path):
    result = run(SUMMITS, str(store.parent / "graph.trig"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr and "summit/000000000001" in result.stdout


@pytest.mark.parametrize("value, rows", [
    ("entity:donald-trump", 1), ("<https://w3id.org/event-kg/id/entity/donald-trump>", 1),
    ("entity:nobody", 0)])
def test_param_binds_an_iri(store, value, rows):
    result = run("--store", str(store), "--param", f"thing={value}", NAMES)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1 + rows


@pytest.mark.parametrize("value, rows", [("Hanoi", 1), ('"Hanoi"', 1), ('"Hanoi"@en', 0),
                                         ('"Hanoi"^^xsd:string', 1)])
def test_param_binds_a_literal(store, value, rows):
    result = run("--store", str(store), "--param", f"name={value}", NAMES)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1 + rows


@pytest.mark.parametrize("value", [
    'Hanoi" } ?thing ?p ?o . #',
    'x" } } ; DELETE WHERE { ?s ?p ?o } #',
    "x> . ?thing rdfs:label ?name . <y"])
def test_a_param_that_tries_to_inject_sparql_stays_a_literal(store, value):
    with KnowledgeGraph.open(store, read_only=True) as graph:
        before = graph.select(NAMES)
    result = run("--store", str(store), "--param", f"name={value}", NAMES)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["thing,name"]
    with KnowledgeGraph.open(store, read_only=True) as graph:
        assert graph.select(NAMES) == before


def test_the_injection_value_is_one_literal_in_the_answer(store):
    sneaky = 'x" } ?thing ?p ?o #'
    query = 'SELECT ?name (STRLEN(?name) AS ?length) WHERE { }'
    result = run("--store", str(store), "--param", f"name={sneaky}", query)
    assert result.stdout.splitlines()[1] == f'"{sneaky.replace(chr(34), chr(34) * 2)}",{len(sneaky)}'


@pytest.mark.parametrize("param, message", [
    ("name", "NAME=VALUE"), ("name=nope:x", "unknown prefix nope:"),
    ('name="open', "must end with a quote"), ("nothing=x", "nothing")])
def test_a_bad_param_is_one_line_and_a_usage_error(store, param, message):
    line = one_line_error(run("--store", str(store), "--param", param, NAMES), 2)
    assert message in line


def test_a_malformed_query_is_one_line_and_a_usage_error(store):
    line = one_line_error(run("--store", str(store), "SELECT ?x WHERE { ?x"), 2)
    assert line.startswith("Error: malformed query:")


@pytest.mark.parametrize("args, code, message", [
    (["--format", "csv", "CONSTRUCT WHERE { ?s a ekg:Summit }"], 2, "does not suit"),
    (["--format", "ttl", SUMMITS], 2, "does not suit"),
    (["no-such.rq"], 2, "no such query file")])
def test_usage_errors_are_one_line(store, args, code, message):
    assert message in one_line_error(run("--store", str(store), *args), code)


def test_a_graph_must_be_named(store):
    assert "name a store" in one_line_error(run(SUMMITS), 2)


def test_a_missing_store_is_one_line(tmp_path):
    assert "is not a store folder" in one_line_error(
        run("--store", str(tmp_path / "none"), SUMMITS), 1)


@pytest.mark.slow
def test_articles_are_built_in_memory_first(tmp_path):
    (tmp_path / "talks.txt").write_text(
        "date: 2019-05-02\n\nKim Jong-un met Vladimir Putin in Vladivostok on Thursday.\n",
        encoding="utf-8")
    result = run("--format", "json", "SELECT ?name WHERE { ?e a ekg:Person ; rdfs:label ?name }",
                 str(tmp_path))
    assert result.exit_code == 0, result.output
    names = {row["name"]["value"] for row in json.load(io.StringIO(result.stdout))
             ["results"]["bindings"]}
    assert {"Kim Jong-un", "Vladimir Putin"} <= names
