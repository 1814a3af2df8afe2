"""The vocabularies the graph is written in, as closed namespaces of pyoxigraph terms.

A term is an attribute, built once: ``EKG.agent`` is a cached ``pyoxigraph.NamedNode`` and a typo
such as ``EKG.agnet`` is an AttributeError, not a silent new IRI (as rdflib's closed namespaces
do). Class and relation names that come from data (the lexicons' event classes, relation
predicates) go through ``Vocabulary.term``, which checks that the name is a plain local name.

>>> EKG.agent.value
'https://w3id.org/event-kg/ontology#agent'
>>> EKG.term("Summit").value
'https://w3id.org/event-kg/ontology#Summit'
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph

#: The default base of the resources the graph mints (VOCABULARY.md).
DEFAULT_BASE = "https://w3id.org/event-kg/id/"
#: The named graph that holds ontology/kg.ttl in every store.
ONTOLOGY_GRAPH = pyoxigraph.NamedNode("https://w3id.org/event-kg/ontology")

LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


class Vocabulary:
    """A namespace with a closed set of terms, each a cached pyoxigraph.NamedNode.

    >>> ex = Vocabulary("http://example.org/", "a b")
    >>> ex.a.value
    'http://example.org/a'
    >>> ex.c
    Traceback (most recent call last):
    AttributeError: http://example.org/ has no term 'c'
    """

    def __init__(self, iri: str, terms: str) -> None:
        self.iri = iri
        for name in terms.split():
            setattr(self, name, pyoxigraph.NamedNode(iri + name))

    def __getattr__(self, name: str) -> pyoxigraph.NamedNode:
        raise AttributeError(f"{self.iri} has no term {name!r}")

    def term(self, name: str) -> pyoxigraph.NamedNode:
        """The term for a local name read from data (a class or property name)."""
        return vocabulary_term(self.iri, name)


@lru_cache(maxsize=None)
def vocabulary_term(iri: str, name: str) -> pyoxigraph.NamedNode:
    """One term of a namespace; raises ValueError when ``name`` is not a local name."""
    if not LOCAL_NAME.fullmatch(name):
        raise ValueError(f"not a vocabulary term name: {name!r}")
    return pyoxigraph.NamedNode(iri + name)


EKG = Vocabulary("https://w3id.org/event-kg/ontology#", """
    Article Quote Claim Role Sanction Asserted Claimed NotRealised
    dateline sha256 hasRole roleIn former cameoCode agent target date period earliestDate
    latestDate topic confidence factuality trigger speaker text imposedBy sanctionTarget sector
    since claimant claimedEvent contradicts mention sentence affiliatedWith""")
SEM = Vocabulary("http://semanticweb.cs.vu.nl/2009/11/sem/", "hasActor hasPlace")
PROV = Vocabulary("http://www.w3.org/ns/prov#", "wasDerivedFrom")
DCTERMS = Vocabulary("http://purl.org/dc/terms/", "title date publisher source creator")
RDF = Vocabulary("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type")
RDFS = Vocabulary("http://www.w3.org/2000/01/rdf-schema#", "label")
SKOS = Vocabulary("http://www.w3.org/2004/02/skos/core#", "altLabel")
OWL = Vocabulary("http://www.w3.org/2002/07/owl#", "sameAs")
XSD = Vocabulary("http://www.w3.org/2001/XMLSchema#",
                 "string date gYearMonth gYear decimal boolean nonNegativeInteger anyURI")
SCHEMA = Vocabulary("https://schema.org/", "url mentions")
NIF = Vocabulary("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
                 "Phrase Sentence referenceContext beginIndex endIndex anchorOf")
WD = Vocabulary("http://www.wikidata.org/entity/", "")

#: Prefixes of VOCABULARY.md (and NIF), for Turtle, SPARQL and tables.
PREFIXES = {
    "dcterms": DCTERMS.iri,
    "ekg": EKG.iri,
    "nif": NIF.iri,
    "owl": OWL.iri,
    "prov": PROV.iri,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "schema": SCHEMA.iri,
    "sem": SEM.iri,
    "skos": SKOS.iri,
    "wd": WD.iri,
    "xsd": XSD.iri,
}

#: The kinds of resources the graph mints (the first segment of their keys).
RESOURCE_KINDS = ("article", "claim", "entity", "event", "quote", "role", "sanction")


def resource_prefixes(base_iri: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes for the resources under a base: ``entity:``, ``event:``, ``article:`` ...

    >>> resource_prefixes("http://x/")["quote"]
    'http://x/quote/'
    """
    return {kind: f"{base_iri}{kind}/" for kind in RESOURCE_KINDS}
