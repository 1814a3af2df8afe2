"""A KnowledgeGraph over a remote SPARQL 1.1 endpoint with Update (e.g. ``oxigraph serve``).

``RemoteStore`` offers the part of ``pyoxigraph.Store`` that KnowledgeGraph uses (query,
extend, remove_graph, contains_named_graph, named_graphs, quads_for_pattern, flush), spoken
over HTTP: queries by the SPARQL 1.1 Protocol (a form POST), changes by SPARQL 1.1 Update.
Adding an article is one ``INSERT DATA`` request, so it is atomic on the server.

- **Where.** The URL names the query endpoint. Oxigraph serves queries at ``/query`` and
  updates at ``/update``: a URL ending in ``/query``, or naming only the server
  (``http://127.0.0.1:7878``), uses both. Any other URL takes queries and updates alike (as
  ``kg serve --allow-update`` does at ``/sparql``).
- **The merged graph.** Queries ask for the union of the named graphs as their default
  graph with Oxigraph's ``union-default-graph`` request parameter (``oxigraph serve
  --union-default-graph`` does the same for every request); opening checks that the
  endpoint's default graph is that union, and says so in one line when it is not.
- **Queries are checked here first**, against an empty embedded store: a malformed query or
  a binding the query cannot take fails exactly as it would on a local store, before any
  request. Bindings travel as a VALUES block of serialised terms (kg/store/binding.py).
- **Resolution.** A writer's ResolutionIndex is derived from the graph itself when the
  store is opened (kg/store/reindex.py), so every client resolves against the same names.
"""
from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph
from pyoxigraph import (BlankNode, Literal, NamedNode, Quad, QueryResultsFormat, RdfFormat,
                        Variable)

from kg.rdf.vocab import ONTOLOGY_GRAPH
from kg.resolve.index import ResolutionIndex
from kg.store.binding import BindingError, answer_kind, bound_query, with_prefixes
from kg.store.folder import StoreError
from kg.store.graph import ontology_quads
from kg.store.reindex import learn_stored_articles

Term = NamedNode | BlankNode | Literal
SELECT_RESULTS = ("application/sparql-results+json", QueryResultsFormat.JSON)
GRAPH_RESULTS = ("application/n-triples", RdfFormat.N_TRIPLES)
UNION = {"union-default-graph": ""}
TIMEOUT_SECONDS = 60.0


class RemoteError(OSError):
    """An endpoint that cannot be reached or refuses a request; the message is one line."""


def endpoints(url: str) -> tuple[str, str]:
    """The query and update endpoints a URL names (see the module docstring).

    >>> endpoints("http://127.0.0.1:7878")
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update')
    >>> endpoints("http://h:1/query")
    ('http://h:1/query', 'http://h:1/update')
    >>> endpoints("https://h/kg/sparql")
    ('https://h/kg/sparql', 'https://h/kg/sparql')
    """
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path in ("", "/query"):
        base = urlunsplit(parts._replace(path=path.removesuffix("/query")))
        return f"{base}/query", f"{base}/update"
    return url, url


def first_line(text: str, limit: int = 300) -> str:
    """The first line of a server's error text, cut to a readable length."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line[:limit]


def ground_form(quads: Iterable[Quad]) -> list[str]:
    """Quads as sorted text with every blank node written alike: two loads of one file
    compare equal although a server names their blank nodes afresh."""
    def text(term: Any) -> str:
        return "_:b" if isinstance(term, BlankNode) else str(term)

    return sorted(" ".join(text(term) for term in quad) for quad in quads)


class RemoteStore:
    """The subset of pyoxigraph.Store that KnowledgeGraph uses, over HTTP."""

    def __init__(self, url: str, timeout: float = TIMEOUT_SECONDS) -> None:
        self.url = url
        self.query_url, self.update_url = endpoints(url)
        self.client = httpx.Client(timeout=timeout)
        weakref.finalize(self, self.client.close)

    # -- the protocol --------------------------------------------------------------------

    def post(self, url: str, data: Mapping[str, str], accept: str | None = None) -> bytes:
        """One form POST; an unreachable server or an error status is a RemoteError."""
        headers = {"Accept": accept} if accept else {}
        try:
            response = self.client.post(url, data=dict(data), headers=headers)
        except httpx.HTTPError as error:
            raise RemoteError(f"{url}: {type(error).__name__}: {error}") from None
        if response.status_code >= 400:
            raise RemoteError(f"{url} answered {response.status_code}: "
                              f"{first_line(response.text) or response.reason_phrase}")
        return response.content

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request."""
        self.post(self.update_url, {"update": sparql})

    def query(self, sparql: str, *, use_default_graph_as_union: bool = False,
              prefixes: Mapping[str, str] | None = None,
              substitutions: Mapping[Variable, Term] | None = None) -> Any:
        """Evaluate a query on the endpoint; answers as pyoxigraph's (QuerySolutions,
        QueryBoolean or QueryTriples). Errors are pyoxigraph's: SyntaxError for a malformed
        query, RuntimeError for a binding it cannot take, OSError (RemoteError) from the
        server."""
        kind = answer_kind(sparql, prefixes, substitutions)
        try:
            text = with_prefixes(bound_query(sparql, substitutions), prefixes)
        except BindingError as error:
            raise RuntimeError(str(error)) from None
        fields = {"query": text, **(UNION if use_default_graph_as_union else {})}
        if kind == "triples":
            body = self.post(self.query_url, fields, GRAPH_RESULTS[0])
            return as_query_triples(pyoxigraph.parse(body, format=GRAPH_RESULTS[1]))
        body = self.post(self.query_url, fields, SELECT_RESULTS[0])
        return pyoxigraph.parse_query_results(body, format=SELECT_RESULTS[1])

    # -- what KnowledgeGraph uses of pyoxigraph.Store -----------------------------------

    def extend(self, quads: Iterable[Quad]) -> None:
        """Add quads in one INSERT DATA request (one transaction on the server); terms are
        written by pyoxigraph in N-Triples syntax (blank nodes stay blank nodes)."""
        self.change("INSERT", quads)

    def remove(self, quad: Quad) -> None:
        """Remove one quad (DELETE DATA)."""
        self.change("DELETE", [quad])

    def change(self, operation: str, quads: Iterable[Quad]) -> None:
        """One INSERT DATA or DELETE DATA request for some quads, grouped by graph."""
        by_graph: dict[Any, list[str]] = defaultdict(list)
        for quad in quads:
            by_graph[quad.graph_name].append(f"{quad.subject} {quad.predicate} {quad.object} .")
        if not by_graph:
            return
        blocks = [" ".join(triples) if isinstance(graph, pyoxigraph.DefaultGraph)
                  else f"GRAPH {graph} {{ {' '.join(triples)} }}"
                  for graph, triples in by_graph.items()]
        self.update(f"{operation} DATA {{ " + "\n".join(blocks) + " }")

    def remove_graph(self, graph: NamedNode) -> None:
        """Drop a named graph."""
        self.update(f"DROP SILENT GRAPH {graph}")

    def contains_named_graph(self, graph: NamedNode) -> bool:
        """Whether a named graph holds anything."""
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def named_graphs(self) -> Iterator[NamedNode]:
        """The names of the endpoint's named graphs."""
        for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"):
            yield row["g"]

    def quads_for_pattern(self, subject: Term | None, predicate: NamedNode | None,
                          object: Term | None, graph_name: NamedNode | None
                          ) -> Iterator[Quad]:
        """The quads of the named graphs that match (None matches anything).

        The graph writes nothing to the default graph, so only named graphs are asked.
        """
        pattern = {Variable("s"): subject, Variable("p"): predicate, Variable("o"): object,
                   Variable("g"): graph_name}
        bindings = {variable: term for variable, term in pattern.items() if term is not None}
        answer = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                            substitutions=bindings)
        for row in answer:
            yield Quad(row["s"], row["p"], row["o"], row["g"])

    def flush(self) -> None:
        """Nothing to do: every request is applied when it is answered."""


def as_query_triples(triples: Iterable[pyoxigraph.Triple]) -> pyoxigraph.QueryTriples:
    """Parsed triples as the QueryTriples a local CONSTRUCT answers with."""
    holder = pyoxigraph.Store()
    holder.extend(Quad(t.subject, t.predicate, t.object) for t in triples)
    return holder.query("CONSTRUCT WHERE { ?s ?p ?o }")


def check_union_default_graph(store: RemoteStore) -> None:
    """Refuse an endpoint whose default graph, as asked, is not the union of its graphs."""
    sample = list(store.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o "
                              "FILTER(!isBlank(?s) && !isBlank(?o)) } } LIMIT 1"))
    if not sample:
        return
    row = sample[0]
    found = store.query("ASK { ?s ?p ?o }", use_default_graph_as_union=True,
                        substitutions={Variable(name): row[name] for name in "spo"})
    if not found:
        raise StoreError(f"{store.url}: the endpoint's default graph is not the union of its "
                         "named graphs (start Oxigraph with `oxigraph serve "
                         "--union-default-graph`, or configure the server to do so)")


def ontology_is_current(store: RemoteStore, ontology: Iterable[Quad]) -> bool:
    """Whether the endpoint's ontology graph holds exactly this ontology."""
    stored = store.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH)
    return ground_form(stored) == ground_form(ontology)


def open_remote(cls: Any, url: str, base_iri: str, read_only: bool) -> Any:
    """A KnowledgeGraph (``cls``) over the endpoint at ``url``.

    A writer loads the ontology when the endpoint lacks it (or holds another version) and
    derives its resolution index from the stored articles.
    """
    store = RemoteStore(url)
    try:
        store.query("ASK { }")
    except RemoteError as error:
        raise StoreError(f"no SPARQL endpoint answers at {url} ({error})") from None
    try:
        if read_only:
            check_union_default_graph(store)
            return cls(store, base_iri, None, url, read_only=True)
        graph = cls(store, base_iri, ResolutionIndex(None), url)
        if not ontology_is_current(store, ontology_quads()):
            graph.load_ontology()
        check_union_default_graph(store)
        learn_stored_articles(graph.index, graph)
        return graph
    except RemoteError as error:
        raise StoreError(str(error)) from None
