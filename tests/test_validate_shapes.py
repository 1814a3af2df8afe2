"""The SHACL shapes catch what the builder must not write, and pass what it should."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.validate import GraphFileError, Violation, read_graph_file, validate_graph

PREFIXES = """
@prefix ekg: <https://w3id.org/event-kg/ontology#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix : <https://w3id.org/event-kg/id/> .
"""
SHA = "a" * 64
GOOD = PREFIXES + f"""
:article\\/{SHA} a ekg:Article ; ekg:sha256 "{SHA}" ; dcterms:date "2019-03-01"^^xsd:date ;
    ekg:dateline :entity\\/hanoi .
:entity\\/hanoi a ekg:City ; rdfs:label "Hanoi" ; owl:sameAs wd:Q1858 .
:entity\\/north-korea a ekg:Country ; rdfs:label "North Korea" ; owl:sameAs wd:Q423 ;
    ekg:mention <https://w3id.org/event-kg/id/article/{SHA}#char=0,11> .
<https://w3id.org/event-kg/id/article/{SHA}#char=0,11> a nif:Phrase ;
    nif:referenceContext :article\\/{SHA} ; nif:beginIndex 0 ; nif:endIndex 11 ;
    nif:anchorOf "North Korea" .
:entity\\/united-states a ekg:Country ; rdfs:label "United States" .
:entity\\/ri a ekg:Person ; rdfs:label "Ri Yong-ho" ; ekg:hasRole :role\\/r1 .
:role\\/r1 a ekg:Role ; rdfs:label "Foreign Minister" ; ekg:roleIn :entity\\/north-korea .
:event\\/summit\\/1 a ekg:Summit ; sem:hasActor :entity\\/north-korea , :entity\\/united-states ;
    sem:hasPlace :entity\\/hanoi ; ekg:date "2019-02-28"^^xsd:date ; ekg:cameoCode "043" ;
    ekg:confidence 0.8 ; prov:wasDerivedFrom :article\\/{SHA} .
:event\\/agreement\\/1 a ekg:Agreement ; sem:hasActor :entity\\/north-korea ;
    ekg:factuality ekg:NotRealised ; prov:wasDerivedFrom :article\\/{SHA} .
:quote\\/q1 a ekg:Quote ; ekg:speaker :entity\\/ri ; ekg:text "the best we can offer" ;
    prov:wasDerivedFrom :article\\/{SHA} .
:sanction\\/s1 a ekg:Sanction ; ekg:since "2016-03"^^xsd:gYearMonth ;
    ekg:imposedBy :entity\\/united-states ; ekg:sanctionTarget :entity\\/north-korea .
"""
# an event that breaks no shape, to which one bad statement is added
MEETING = ":e a ekg:Meeting ; sem:hasActor :p ; prov:wasDerivedFrom :a"


def violations_of(turtle: str) -> list[Violation]:
    return validate_graph(Graph().parse(data=turtle, format="turtle"))


def messages_about(violations: list[Violation], focus_end: str) -> list[str]:
    return [v.message for v in violations if v.focus.rstrip(">").endswith(focus_end)]


def test_a_graph_as_the_builder_writes_it_conforms():
    assert violations_of(GOOD) == []


@pytest.mark.parametrize("bad,focus,words", [
    (":e a ekg:Meeting ; prov:wasDerivedFrom :a .", "/e", "at least one participant"),
    (MEETING + " ; ekg:date '2019-02-27'^^xsd:date , '2019-02-28'^^xsd:date .", "/e",
     "at most one date"),
    (MEETING + " ; ekg:date '2019-02-27' .", "/e", "must be an xsd:date"),
    (MEETING + " ; ekg:date '2019-02'^^xsd:gYearMonth .", "/e", "must be an xsd:date"),
    (MEETING + " ; ekg:period '2019-02-27'^^xsd:date .", "/e", "gYearMonth or xsd:gYear"),
    (MEETING + " ; ekg:period '2019'^^xsd:gYear , '2018'^^xsd:gYear .", "/e", "at most one period"),
    (":e a ekg:Meeting ; sem:hasActor :p .", "/e", "article it was read from"),
    (":e a ekg:Meeting ; sem:hasActor :p ; prov:wasDerivedFrom :p .", "/e",
     "article it was read from"),
    (":e a ekg:Event ; sem:hasActor :p ; prov:wasDerivedFrom :a .", "/e", "event class"),
    (":e a ekg:Meeting ; sem:hasActor :nobody ; prov:wasDerivedFrom :a .", "/e", "must be an entity"),
    (MEETING + " ; ekg:confidence 1.5 .", "/e", "between 0 and 1"),
    (MEETING + " ; ekg:factuality :maybe .", "/e", "factuality"),
    (":x a ekg:Country ; rdfs:label 'North Korea' , 'DPRK' .", "/x", "exactly one canonical name"),
    (":x a ekg:Organization .", "/x", "exactly one canonical name"),
    (":x a ekg:Country ; rdfs:label 'X' ; owl:sameAs <http://example.org/x> .", "/x", "Wikidata"),
    (":q a ekg:Quote ; ekg:text 'words' ; prov:wasDerivedFrom :a .", "/q", "needs a speaker"),
    (":q a ekg:Quote ; ekg:speaker :p ; prov:wasDerivedFrom :a .", "/q", "needs its words"),
    (":r a ekg:Role ; ekg:roleIn :p .", "/r", "needs a label"),
    (":b a ekg:Article .", "/b", "ekg:sha256"),
    (":c a ekg:Claim ; ekg:claimant :p .", "/c", "the event it claims"),
    (":s a ekg:Sanction ; ekg:since '2016' .", "/s", "gYear"),
    (":p ekg:mention :m . :m a nif:Phrase ; nif:anchorOf 'P' .", "/m", "start offset"),
])
def test_shapes_catch(bad, focus, words):
    graph = GOOD + f"""
:a a ekg:Article ; ekg:sha256 "{SHA}" .
:p a ekg:Person ; rdfs:label "P" .
""" + bad
    found = messages_about(violations_of(graph), focus)
    assert any(words in message for message in found), found


def test_violation_reads_as_one_line_with_its_value():
    violations = violations_of(GOOD + ":x a ekg:Country ; rdfs:label 'X' ; owl:sameAs <http://example.org/x> .")
    [line] = [v.describe() for v in violations]
    assert line.startswith("<https://w3id.org/event-kg/id/x>: ")
    assert "(value <http://example.org/x>)" in line and "\n" not in line


def test_named_graphs_of_a_trig_file_are_checked_as_one_union(tmp_path):
    trig = tmp_path / "graph.trig"
    trig.write_text(PREFIXES + f"""
:g1 {{ :a a ekg:Article ; ekg:sha256 "{SHA}" . :p a ekg:Person ; rdfs:label "P" . }}
:g2 {{ :e a ekg:Visit ; sem:hasActor :p ; prov:wasDerivedFrom :a . }}
""", encoding="utf-8")
    assert validate_graph(read_graph_file(trig)) == []


def test_a_file_that_is_not_rdf_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is { not turtle", encoding="utf-8")
    with pytest.raises(GraphFileError) as raised:
        read_graph_file(bad)
    assert str(raised.value).startswith(f"{bad}: not readable as turtle")
    assert "\n" not in str(raised.value)


def test_a_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(GraphFileError, match="no such file"):
        read_graph_file(tmp_path / "absent.nq")


def test_a_folder_is_one_clear_error(tmp_path):
    with pytest.raises(GraphFileError, match="folder"):
        read_graph_file(tmp_path)


def test_examples_in_docstrings_run():
    import doctest

    import kg.validate

    assert doctest.testmod(kg.validate).failed == 0


def test_shapes_file_is_where_the_package_finds_it():
    from kg.paths import ontology_dir

    assert Path(ontology_dir(), "shapes.ttl").is_file()


def test_the_base_meeting_of_the_bad_cases_breaks_no_shape():
    graph = GOOD + f':a a ekg:Article ; ekg:sha256 "{SHA}" .\n:p a ekg:Person ; rdfs:label "P" .\n'
    assert violations_of(graph + MEETING + " .") == []
