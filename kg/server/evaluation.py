"""Evaluate one SPARQL request against the store and write its answer, within limits.

Oxigraph releases the GIL while it evaluates, so queries run in worker threads and the event
loop keeps answering other clients. Oxigraph cannot interrupt a running evaluation, so a
query past its time limit is stopped cooperatively: the worker checks a flag between result
rows and gives up, while the client has already been told the query took too long.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable, Iterator, Protocol, Sequence

import pyoxigraph

from kg.server.negotiation import GRAPH_FORMATS, RESULT_FORMATS, AnswerFormat, choose_format

#: Prefixes a Turtle answer abbreviates with.
ANSWER_PREFIXES = {
    "ekg": "https://w3id.org/event-kg/ontology#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
}


class SparqlStore(Protocol):
    """What the endpoint needs of a store: pyoxigraph.Store's query and update."""

    def query(self, query: str, **options: object) -> object:
        """Evaluate a SPARQL query."""

    def update(self, update: str) -> None:
        """Apply a SPARQL Update."""


class MalformedQuery(ValueError):
    """The request text does not parse; the message is the parser's."""


class NotAcceptable(ValueError):
    """The client accepts no format this kind of answer can be written in."""


class QueryStopped(RuntimeError):
    """The query was abandoned after its time limit passed."""


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a request names (SPARQL Protocol default-graph-uri, named-graph-uri).

    Without either, the default graph is the union of all graphs: the merged knowledge graph.
    """

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def query_options(self) -> dict[str, object]:
        """Keyword arguments for pyoxigraph.Store.query selecting this dataset."""
        options: dict[str, object] = {"use_default_graph_as_union": not self.default_graphs}
        if self.default_graphs:
            options["default_graph"] = [pyoxigraph.NamedNode(g) for g in self.default_graphs]
        if self.named_graphs:
            options["named_graphs"] = [pyoxigraph.NamedNode(g) for g in self.named_graphs]
        return options


@dataclass
class Answer:
    """A written answer: body bytes, its media type, and whether rows were cut at the limit."""

    body: bytes
    media_type: str
    truncated: bool = False


@dataclass
class QueryJob:
    """One query to run in a worker thread; ``stop`` is set when the client stops waiting."""

    text: str
    accept: str | None
    dataset: Dataset = field(default_factory=Dataset)
    max_rows: int = 10_000
    stop: threading.Event = field(default_factory=threading.Event)
    started: threading.Event = field(default_factory=threading.Event)

    def run(self, store: SparqlStore) -> Answer:
        """Evaluate the query and write the answer in the client's preferred format."""
        self.started.set()
        if self.stop.is_set():
            raise QueryStopped("the query was abandoned before it started")
        _negotiate(self.accept, RESULT_FORMATS + GRAPH_FORMATS)
        try:
            result = store.query(self.text, **self.dataset.query_options())
        except SyntaxError as error:
            raise MalformedQuery(str(error)) from None
        if isinstance(result, pyoxigraph.QueryBoolean):
            answer_format = _negotiate(self.accept, RESULT_FORMATS)
            return Answer(result.serialize(format=answer_format.writes), answer_format.media_type)
        if isinstance(result, pyoxigraph.QuerySolutions):
            return self._write_solutions(result)
        return self._write_triples(result)  # type: ignore[arg-type]

    def _write_solutions(self, solutions: pyoxigraph.QuerySolutions) -> Answer:
        answer_format = _negotiate(self.accept, RESULT_FORMATS)
        variables = [v.value for v in solutions.variables]
        rows, truncated = self._take_rows(solutions)
        return Answer(write_solutions(variables, rows, answer_format.writes),  # type: ignore[arg-type]
                      answer_format.media_type, truncated)

    def _write_triples(self, triples: Iterable[pyoxigraph.Triple]) -> Answer:
        answer_format = _negotiate(self.accept, GRAPH_FORMATS)
        rows, truncated = self._take_rows(triples)
        body = pyoxigraph.serialize(rows, format=answer_format.writes, prefixes=ANSWER_PREFIXES)
        return Answer(body, answer_format.media_type, truncated)

    def _take_rows(self, rows: Iterable[object]) -> tuple[list, bool]:
        """Up to max_rows rows, checking between rows whether the client stopped waiting."""
        taken = list(islice(self._unless_stopped(rows), self.max_rows + 1))
        return taken[: self.max_rows], len(taken) > self.max_rows

    def _unless_stopped(self, rows: Iterable[object]) -> Iterator[object]:
        for row in rows:
            if self.stop.is_set():
                raise QueryStopped("the query was abandoned after its time limit")
            yield row


@dataclass
class UpdateJob:
    """One SPARQL Update to apply in a worker thread."""

    text: str
    started: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self, store: SparqlStore) -> Answer:
        """Apply the update; an empty answer means success."""
        self.started.set()
        try:
            store.update(self.text)
        except SyntaxError as error:
            raise MalformedQuery(str(error)) from None
        return Answer(b"", "text/plain")


def _negotiate(accept: str | None, offered: Sequence[AnswerFormat]) -> AnswerFormat:
    chosen = choose_format(accept, offered)
    if chosen is None:
        kinds = ", ".join(dict.fromkeys(f.media_type for f in offered))
        raise NotAcceptable(f"this answer can be written as {kinds}; the Accept header allows none")
    return chosen


def write_solutions(variables: Sequence[str], rows: Sequence[pyoxigraph.QuerySolution],
                    answer_format: pyoxigraph.QueryResultsFormat) -> bytes:
    """Write solution rows in a SPARQL results format, through Oxigraph's own writers.

    The rows are first written as SPARQL TSV, whose cells are the terms' N-Triples syntax,
    then read back as a result set that Oxigraph writes in the format asked for.

    >>> s = pyoxigraph.Store()
    >>> rows = list(s.query('SELECT ?x WHERE { VALUES ?x { "a\\tb" } }'))
    >>> write_solutions(["x"], rows, pyoxigraph.QueryResultsFormat.CSV)
    b'x\\r\\na\\tb\\r\\n'
    """
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join("" if row[v] is None else str(row[v]) for v in variables) for row in rows]
    tsv = ("\n".join(lines) + "\n").encode("utf-8")
    parsed = pyoxigraph.parse_query_results(tsv, format=pyoxigraph.QueryResultsFormat.TSV)
    return parsed.serialize(format=answer_format)  # type: ignore[union-attr]
