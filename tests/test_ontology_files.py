"""ontology/kg.ttl and ontology/shapes.ttl: they load cleanly and say what VOCABULARY.md fixes."""
from __future__ import annotations

import logging
import os
import re
import warnings
from pathlib import Path

import owlrl
import pyshacl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology"
VOCABULARY = ROOT.parent / "shared" / "VOCABULARY.md"
EKG = Namespace("https://w3id.org/event-kg/ontology#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
QUAD_OF_ROOT = {**{f"{n:02d}": EKG.VerbalCooperation for n in range(1, 6)},
                **{f"{n:02d}": EKG.MaterialCooperation for n in range(6, 9)},
                **{f"{n:02d}": EKG.VerbalConflict for n in range(9, 14)},
                **{f"{n:02d}": EKG.MaterialConflict for n in range(14, 21)}}


def parse_quietly(path: Path, caplog: pytest.LogCaptureFixture) -> Graph:
    """Parse a Turtle file, failing on any Python warning or logged warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with caplog.at_level(logging.WARNING):
            graph = Graph().parse(path, format="turtle")
    assert [record.getMessage() for record in caplog.records] == []
    return graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")


def ekg_terms(text: str) -> set[str]:
    """The ekg: terms a document names."""
    return set(re.findall(r"\bekg:([A-Za-z][A-Za-z0-9]*)", text))


def vocabulary_text() -> str:
    """VOCABULARY.md of the shared folder (skipped when absent, unless CI=true)."""
    if not VOCABULARY.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{VOCABULARY} is missing")
        pytest.skip(f"{VOCABULARY} is not here")
    return VOCABULARY.read_text(encoding="utf-8")


def superclasses(graph: Graph, cls: URIRef) -> set[URIRef]:
    return set(graph.transitive_objects(cls, RDFS.subClassOf))


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_file_parses_without_warnings(name, caplog):
    assert len(parse_quietly(ONTOLOGY / name, caplog)) > 50


def test_shapes_are_valid_shacl_and_load_in_pyshacl_without_warnings(caplog):
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with caplog.at_level(logging.WARNING):
            conforms, _report, text = pyshacl.validate(
                Graph(), shacl_graph=shapes, ont_graph=Graph().parse(ONTOLOGY / "kg.ttl"),
                meta_shacl=True)
    assert conforms, text
    assert [record.getMessage() for record in caplog.records] == []


def test_ontology_header(ontology):
    header = URIRef("https://w3id.org/event-kg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    for predicate in (OWL.versionIRI, DCTERMS.license, RDFS.label, RDFS.comment):
        assert ontology.value(header, predicate) is not None, predicate


def test_every_ekg_term_is_declared_with_label_and_comment(ontology):
    declared_types = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                      OWL.AnnotationProperty, OWL.NamedIndividual}
    for term in {s for s in ontology.subjects() if isinstance(s, URIRef) and s in EKG}:
        assert set(ontology.objects(term, RDF.type)) & declared_types, term
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term


def test_every_object_and_datatype_property_has_a_range(ontology):
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            if prop in EKG and prop != EKG.topic:  # topic ranges over entities and sanctions
                assert ontology.value(prop, RDFS.range) is not None, prop


def test_terms_of_the_architecture_contract_are_declared(ontology):
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = {term for term in ekg_terms(text) if (EKG[term], None, None) not in ontology}
    assert missing == set()


def test_terms_of_the_public_vocabulary_are_declared(ontology):
    missing = {term for term in ekg_terms(vocabulary_text())
               if (EKG[term], RDFS.label, None) not in ontology}
    assert missing == set()


@pytest.mark.parametrize("sub,sup", [
    (EKG.Event, SEM.Event), (EKG.Summit, EKG.Meeting), (EKG.Summit, SEM.Event),
    (EKG.Country, EKG.Place), (EKG.City, EKG.Place), (EKG.Region, EKG.Place),
    (EKG.Facility, EKG.Place), (EKG.Facility, EKG.Entity), (EKG.GovernmentBody, EKG.Organization),
    (EKG.Person, SCHEMA.Person), (EKG.Person, EKG.Entity), (EKG.Article, SCHEMA.NewsArticle),
    (EKG.Article, PROV.Entity),
])
def test_class_hierarchy(ontology, sub, sup):
    assert sup in superclasses(ontology, sub)


@pytest.mark.parametrize("prop", [EKG.agent, EKG.target])
def test_agent_and_target_are_actors(ontology, prop):
    assert (prop, RDFS.subPropertyOf, SEM.hasActor) in ontology


def test_every_event_class_has_cameo_codes_root_and_matching_quad_class(ontology):
    event_classes = [cls for cls in ontology.subjects(RDF.type, OWL.Class)
                     if cls != EKG.Event and EKG.Event in superclasses(ontology, cls)]
    assert len(event_classes) >= 17
    for cls in event_classes:
        roots = {str(root) for root in ontology.objects(cls, EKG.cameoRoot)}
        codes = {str(code) for code in ontology.objects(cls, EKG.cameoClassCode)}
        assert roots and codes, cls
        assert {code[:2] for code in codes} <= roots, cls
        assert set(ontology.objects(cls, EKG.quadClass)) == {QUAD_OF_ROOT[r] for r in roots}, cls


def test_factuality_values_are_distinct_individuals(ontology):
    values = set(ontology.subjects(RDF.type, EKG.Factuality))
    assert values == {EKG.Asserted, EKG.Claimed, EKG.NotRealised}


def test_owl_rl_closure_of_the_ontology_is_consistent(ontology):
    closed = Graph()
    closed += ontology
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closed)
    assert list(closed.subjects(RDF.type, OWL.Nothing)) == []
    assert [str(message) for message in closed.objects(None, ERRNS.error)] == []
    # the hierarchy reaches sem:Event without a reasoner-specific trick
    assert (EKG.Summit, RDFS.subClassOf, SEM.Event) in closed
