"""Where a picture's RDF comes from, and SELECT queries over it as plain rows.

Pictures are drawn from SPARQL answers only, so any store or RDF file works: an rdflib Graph or
Dataset, a pyoxigraph Store, or anything with a ``query(sparql)`` method (the project's
KnowledgeGraph, a remote endpoint wrapper).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph


class SparqlSource(Protocol):
    """Anything that answers SPARQL SELECT queries."""

    def query(self, sparql: str) -> Any:  # pragma: no cover - a protocol
        """The answer to a SELECT query."""


class SourceError(Exception):
    """A source that cannot be read; the message is one line for the user."""


Row = dict[str, str]


@cache
def named_query(name: str) -> str:
    """The text of one of the SPARQL files under kg/viz/queries/.

    >>> "SELECT" in named_query("links")
    True
    """
    return resources.files("kg.viz").joinpath("queries", f"{name}.rq").read_text("utf-8")


def select(source: SparqlSource, sparql: str) -> list[Row]:
    """Run a SELECT query over the union of all graphs; every bound value as a string.

    >>> store = load_rdf_text('<http://x/a> <http://x/p> "b" .', "nt")
    >>> select(store, "SELECT ?s ?o WHERE { ?s ?p ?o }")
    [{'s': 'http://x/a', 'o': 'b'}]
    """
    if isinstance(source, pyoxigraph.Store):
        return solution_rows(source.query(sparql, use_default_graph_as_union=True))
    return solution_rows(source.query(sparql))


def solution_rows(result: Any) -> list[Row]:
    """Rows of a SELECT answer from pyoxigraph, rdflib or a list of mappings; unbound left out."""
    if isinstance(result, pyoxigraph.QuerySolutions):
        names = [variable.value for variable in result.variables]
        return [{name: solution[name].value for name in names if solution[name] is not None}
                for solution in result]
    bindings = getattr(result, "bindings", None)
    if bindings is not None:  # rdflib Result
        return [{str(name): str(value) for name, value in row.items() if value is not None}
                for row in bindings]
    return [plain_row(row) for row in result]


def plain_row(row: Mapping[str, Any] | Iterable[Any]) -> Row:
    """One answer row given as a mapping of variable names to terms or strings."""
    if not isinstance(row, Mapping):
        raise TypeError(f"cannot read a SPARQL answer row of type {type(row).__name__}")
    return {str(name).lstrip("?"): str(getattr(value, "value", value))
            for name, value in row.items() if value is not None}


def load_rdf_text(text: str, extension: str) -> pyoxigraph.Store:
    """An in-memory store holding RDF given as text in the format of a file extension."""
    store = pyoxigraph.Store()
    store.load(text, format=rdf_format(extension))
    return store


def rdf_format(extension: str) -> pyoxigraph.RdfFormat:
    """The RDF format of a file extension ("ttl", ".trig", "nq" ...)."""
    found = pyoxigraph.RdfFormat.from_extension(extension.lstrip(".").lower())
    if found is None:
        raise SourceError(f"unknown RDF file extension {extension!r}: use .ttl, .nt, .nq, .trig, "
                          ".rdf, .jsonld or .n3")
    return found


def load_rdf_file(path: Path) -> pyoxigraph.Store:
    """An in-memory store holding one RDF file; a bad file raises SourceError."""
    store = pyoxigraph.Store()
    try:
        store.load(path=str(path), format=rdf_format(path.suffix))
    except (SyntaxError, ValueError, OSError) as error:
        raise SourceError(f"{path}: not readable as RDF: {one_line(error)}") from None
    return store


def one_line(error: BaseException) -> str:
    """An exception's message folded onto one line."""
    return " ".join(str(error).split()) or type(error).__name__
