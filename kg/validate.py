"""Check a built graph against the SHACL shapes of ontology/shapes.ttl.

The shapes state what the builder promises (an event has a class, an actor, at most one date,
an article it was read from; an entity has one label ...).  Validation runs pyshacl over the
union of all named graphs, with the ontology beside the data so that ``sh:targetClass
ekg:Event`` also reaches instances of ``ekg:Summit``.

Examples
--------
>>> from rdflib import Graph
>>> bad = Graph().parse(data='''
...     @prefix ekg: <https://w3id.org/event-kg/ontology#> .
...     <urn:x:e1> a ekg:Summit .''', format="turtle")
>>> "an event needs at least one participant (sem:hasActor)" in {
...     v.message for v in validate_graph(bad)}
True
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph, Node, URIRef
from rdflib.namespace import SH
from rdflib.util import guess_format

from kg.paths import ontology_dir

QUAD_FORMATS = frozenset({"trig", "nquads", "trix", "json-ld"})


class GraphFileError(Exception):
    """A file that cannot be read as RDF; the message is one line for the user."""


@dataclass(frozen=True, order=True)
class Violation:
    """One way the graph breaks a shape, in plain words."""

    focus: str  # the node that breaks the shape, as N-Triples (<iri> or _:b0)
    message: str  # what is wrong, from the shape's sh:message
    path: str | None = None  # the property concerned
    value: str | None = None  # the offending value, where there is one
    severity: str = "Violation"

    def describe(self) -> str:
        """One line for the user.

        >>> Violation("<urn:x:e1>", "an event has at most one date (ekg:date)").describe()
        '<urn:x:e1>: an event has at most one date (ekg:date)'
        """
        line = f"{self.focus}: {self.message}"
        if self.value is not None:
            line += f" (value {self.value})"
        if self.severity != "Violation":
            line = f"[{self.severity}] {line}"
        return line


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The OWL ontology ontology/kg.ttl, parsed once."""
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes ontology/shapes.ttl, parsed once."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def union_graph(quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> Graph:
    """Merge quads of all named graphs into one graph (the knowledge graph as users query it).

    >>> from rdflib import Literal
    >>> q = URIRef("urn:x:a"), URIRef("urn:x:p"), Literal(1), URIRef("urn:x:g1")
    >>> len(union_graph([q, q[:3] + (URIRef("urn:x:g2"),)]))
    1
    """
    graph = Graph()
    for subject, predicate, obj, _context in quads:
        graph.add((subject, predicate, obj))
    return graph


def read_graph_file(path: Path) -> Graph:
    """Read one RDF file (Turtle, TriG, N-Triples, N-Quads, RDF/XML, JSON-LD) as a union graph.

    Raises GraphFileError with a one-line reason when the file is missing or not RDF.
    """
    rdf_format = guess_format(str(path)) or "turtle"
    store = Dataset() if rdf_format in QUAD_FORMATS else Graph()
    try:
        store.parse(path, format=rdf_format)
    except FileNotFoundError:
        raise GraphFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise GraphFileError(f"{path}: is a folder, not an RDF file") from None
    except Exception as error:  # rdflib parsers raise many unrelated types
        reason = " ".join(str(error).split()) or type(error).__name__
        raise GraphFileError(f"{path}: not readable as {rdf_format}: {reason[:200]}") from None
    return union_graph(store.quads()) if isinstance(store, Dataset) else store


def validate_graph(data: Graph) -> list[Violation]:
    """Every violation of the shapes by ``data``, sorted by focus node."""
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none",
        abort_on_first=False, allow_warnings=True, meta_shacl=False)
    return sorted(violations_of_report(results))


def violations_of_report(results: Graph) -> Iterator[Violation]:
    """Turn a SHACL validation report into Violations."""
    for result in results.subjects(SH.resultSeverity, None):
        severity = results.value(result, SH.resultSeverity)
        path = results.value(result, SH.resultPath)
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        yield Violation(
            focus=focus.n3(),
            message=str(results.value(result, SH.resultMessage) or "breaks a shape"),
            path=path.n3() if isinstance(path, URIRef) else None,
            value=value.n3() if value is not None and value != focus else None,
            severity=severity.fragment if isinstance(severity, URIRef) else "Violation",
        )
