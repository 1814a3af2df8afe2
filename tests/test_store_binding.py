"""Bindings written into query text for a remote endpoint (kg/store/binding.py) answer as
pyoxigraph's own substitutions do, and values written by hand become terms
(kg/store/terms.py)."""
from __future__ import annotations

import pyoxigraph
import pytest
from pyoxigraph import Literal, NamedNode, Quad, Variable

from kg.store.binding import (BindingError, answer_kind, bound_query, declared_prefixes,
                              where_group)
from kg.store.terms import TermError, parse_binding, parse_term

X = "http://x/"
PREFIXES = {"x": X, "xsd": "http://www.w3.org/2001/XMLSchema#"}


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    graph = NamedNode(X + "g")
    for subject, name, place in (("a", "Ann", "Hanoi"), ("b", "Bo", "Seoul"), ("c", "Cy", None)):
        store.add(Quad(NamedNode(X + subject), NamedNode(X + "name"), Literal(name), graph))
        if place:
            store.add(Quad(NamedNode(X + subject), NamedNode(X + "in"), Literal(place), graph))
    return store


def both_ways(store, sparql, bindings):
    """(the answer with pyoxigraph substituting, the answer of the text with VALUES)."""
    def rows(answer):
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return bool(answer)
        if isinstance(answer, pyoxigraph.QueryTriples):
            return sorted(map(str, answer))
        return sorted(tuple(map(str, row)) for row in answer)

    options = {"use_default_graph_as_union": True, "prefixes": PREFIXES}
    return (rows(store.query(sparql, substitutions=bindings, **options)),
            rows(store.query(bound_query(sparql, bindings), **options)))


SHAPES = [
    "SELECT ?who ?name WHERE { ?who x:name ?name }",
    "SELECT ?who ?name WHERE { ?who x:name ?name FILTER(STRLEN(?name) < 5) }",
    "SELECT ?who ?n WHERE { ?x x:name ?n FILTER(?x = ?who) }",  # bound before the FILTER
    "SELECT ?who ?place WHERE { ?who x:name ?n OPTIONAL { ?who x:in ?place } }",
    "SELECT ?who (COUNT(*) AS ?n) WHERE { ?who ?p ?o } GROUP BY ?who",
    "ASK { ?who x:in ?place }",
    "CONSTRUCT { ?who x:seen ?place } WHERE { ?who x:in ?place }",
    "CONSTRUCT WHERE { ?who x:name ?name }",
    "# a comment with a brace {\nSELECT ?who ?name WHERE { ?who x:name ?name FILTER(?name != \"}{\") }",
]


@pytest.mark.parametrize("sparql", SHAPES)
@pytest.mark.parametrize("value", [NamedNode(X + "a"), NamedNode(X + "c")])
def test_values_answer_as_substitutions_do(store, sparql, value):
    substituted, written = both_ways(store, sparql, {Variable("who"): value})
    assert substituted == written


def test_a_bound_literal_is_matched_as_a_literal(store):
    substituted, written = both_ways(store, SHAPES[0], {Variable("name"): Literal("Bo")})
    assert substituted == written and len(written) == 1


def test_hostile_text_stays_one_literal(store):
    hostile = Literal('Bo" } ?who ?p ?o . FILTER(true) #')
    text = bound_query(SHAPES[0], {Variable("name"): hostile})
    assert text.count("VALUES") == 1 and str(hostile) in text
    assert both_ways(store, SHAPES[0], {Variable("name"): hostile}) == ([], [])


def test_the_values_block_opens_the_where_group_not_the_template():
    text = "CONSTRUCT { ?s x:p ?o } WHERE { ?s x:q ?o }"
    assert bound_query(text, {Variable("s"): NamedNode(X + "a")}) == \
        "CONSTRUCT { ?s x:p ?o } WHERE { VALUES (?s) { (<http://x/a>) } ?s x:q ?o }"
    assert where_group("SELECT (COUNT(?x) AS ?n) { ?x ?p ?o }") is not None


def test_a_query_without_where_group_gets_trailing_values():
    assert bound_query("DESCRIBE ?s", {Variable("s"): NamedNode(X + "a")}) \
        == "DESCRIBE ?s\nVALUES (?s) { (<http://x/a>) }"


def test_a_blank_node_cannot_be_written_into_a_query():
    with pytest.raises(BindingError):
        bound_query(SHAPES[0], {Variable("who"): pyoxigraph.BlankNode()})


def test_answer_kind_checks_the_query_as_pyoxigraph_does():
    assert answer_kind("SELECT * WHERE { ?s ?p ?o }") == "solutions"
    with pytest.raises(SyntaxError):
        answer_kind("SELECT * WHERE { ?s ?p")
    with pytest.raises(RuntimeError):
        answer_kind("SELECT ?s WHERE { ?s ?p ?o }", substitutions={Variable("o"): Literal("x")})


def test_declared_prefixes_skip_comments_and_strings():
    text = '# PREFIX no: <http://no/>\nPREFIX ex: <http://x/> SELECT ("PREFIX s: <http://s/>" AS ?t) {}'
    assert declared_prefixes(text) == {"ex": "http://x/"}


@pytest.mark.parametrize("text, term", [
    ("<http://x/a>", NamedNode(X + "a")),
    ("x:a", NamedNode(X + "a")),
    ('"Kim"', Literal("Kim")),
    ('"Kim"@ko', Literal("Kim", language="ko")),
    ('"5"^^xsd:integer', Literal("5", datatype=NamedNode(PREFIXES["xsd"] + "integer"))),
    ('"5"^^<http://x/t>', Literal("5", datatype=NamedNode(X + "t"))),
    ('"say \\"no\\""', Literal('say "no"')),
    ("Hanoi summit", Literal("Hanoi summit")),
    ("10:30", Literal("10:30")),
])
def test_values_written_by_hand(text, term):
    assert parse_term(text, PREFIXES) == term


@pytest.mark.parametrize("text, message", [
    ('"open', "must end with a quote"),
    ("<not an iri>", "is not an IRI"),
    ("y:a", "unknown prefix y:"),
    ("http://x/a", "angle brackets"),
    ('"5"^^nope:t', "unknown prefix nope:"),
])
def test_values_that_are_not_terms(text, message):
    with pytest.raises(TermError, match=message):
        parse_term(text, PREFIXES)


def test_bindings_need_a_name_and_an_equals_sign():
    assert parse_binding("?who=x:a", PREFIXES) == ("who", NamedNode(X + "a"))
    for text in ("who", "=x:a", "1st=x:a"):
        with pytest.raises(TermError, match="NAME=VALUE"):
            parse_binding(text, PREFIXES)
