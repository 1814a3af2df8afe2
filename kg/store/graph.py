"""KnowledgeGraph: the merged, provenance-carrying graph, in memory, on disk or remote.

One named graph per article holds everything that article says; an entity or event that
several articles report keeps ONE IRI across their graphs, so the union of all graphs is the
merged knowledge graph, and queries see that union as their default graph. The ontology
(ontology/kg.ttl) sits in its own named graph, so ``?e a/rdfs:subClassOf* ekg:Meeting``
finds summits without a reasoner.

Adding an article is atomic: its quads go in all at once (one transaction, or in a build one
ingestion of the bulk loader), after the resolution index has learnt them; an index row whose
article never reached the store (a build killed in between) is forgotten when the store is
next opened for writing.

>>> graph = KnowledgeGraph.open(None)
>>> graph.select("ASK { ekg:Summit rdfs:subClassOf* ekg:Meeting }")
True
>>> graph.has_article("0" * 64)
False
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from typing import IO, Any, BinaryIO

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Variable

from kg.lexicon import project_lexicon_files
from kg.model import Extraction
from kg.paths import ontology_dir
from kg.rdf.iris import article_id_of, article_iri, entities_graph
from kg.rdf.quads import extraction_quads
from kg.rdf.vocab import DEFAULT_BASE, ONTOLOGY_GRAPH, PREFIXES, RDF, RDFS, SCHEMA, SKOS
from kg.resolve.index import ResolutionIndex
from kg.store.export import FORMATS, keeps_graphs, write_quads
from kg.store.folder import (INDEX, BuildRecord, OpenStore, StoreError, digest_files,
                             open_read_only, open_writable, read_record, write_record)

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
#: Quads written to a store folder between two flushes of Oxigraph's write buffers: RocksDB
#: keeps each of its dozen column families' buffers in memory until they fill (hundreds of
#: MB in all), so a long build flushes every so often to keep its memory flat.
FLUSH_EVERY_QUADS = 50_000
#: Quads of whole articles a build gathers before it writes them at once (see
#: KnowledgeGraph.batches): one write per article costs Oxigraph more per quad.
WRITE_BATCH_QUADS = 20_000
QUERY_PREFIXES = PREFIXES


class QueryError(ValueError):
    """A SPARQL query that does not parse or cannot be evaluated; the message is one line."""


def ontology_file() -> Path:
    """ontology/kg.ttl."""
    return ontology_dir() / "kg.ttl"


@cache
def ontology_quads() -> tuple[Quad, ...]:
    """ontology/kg.ttl in its named graph, its blank nodes named in the order they occur, so
    that every store (and every export) holds the same quads."""
    names: dict[str, BlankNode] = {}

    def stable(term: Any) -> Any:
        if isinstance(term, BlankNode):
            return names.setdefault(term.value, BlankNode(f"ontology{len(names)}"))
        return term

    return tuple(Quad(stable(t.subject), t.predicate, stable(t.object), ONTOLOGY_GRAPH)
                 for t in pyoxigraph.parse(path=str(ontology_file()),
                                           format=pyoxigraph.RdfFormat.TURTLE))


def as_term(value: Term | str) -> Term:
    """A value to bind a query variable to: a term as it is, a string as a plain literal."""
    return Literal(value) if isinstance(value, str) else value


def stored_base(folder: Path, record: BuildRecord | None, base_iri: str | None) -> str:
    """The base IRI of a store folder's graph: the recorded one, else the one asked for.

    >>> stored_base(Path("s"), BuildRecord("https://example.org/"), None)
    'https://example.org/'
    """
    if record and base_iri and base_iri != record.base_iri:
        raise StoreError(f"{folder} holds a graph with base IRI {record.base_iri}; "
                         f"build into a new store to use {base_iri}")
    return record.base_iri if record else base_iri or DEFAULT_BASE


def one_line(error: BaseException) -> str:
    """An exception's message folded onto one line."""
    return " ".join(str(error).split()) or type(error).__name__


class KnowledgeGraph:
    """The graph of all articles added so far (see the module docstring)."""

    def __init__(self, store: Any, base_iri: str = DEFAULT_BASE,
                 index: ResolutionIndex | None = None, location: Path | str | None = None,
                 read_only: bool = False) -> None:
        self.store = store  # a pyoxigraph.Store, or kg.store.remote.RemoteStore
        self.base_iri = base_iri
        self._index = index
        self.location = location
        self.read_only = read_only
        self.warnings: list[str] = []
        self.access: OpenStore | None = None  # a store folder's open store and access lock
        self.unflushed = 0  # quads written to a store folder since its last flush
        self.batch_quads = 0  # while batches() is on: quads gathered before a commit
        self.pending: list[Quad] = []  # quads of whole articles added, not yet written
        self.pending_ids: set[str] = set()  # their articles
        # key -> the name the articles added give a thing: those not written yet, and while
        # batches() is on all of its articles, whose things then need not be looked up again
        self.written_labels: dict[str, str] = {}

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, location: Path | str | None = None, *, base_iri: str | None = None,
             read_only: bool = False, wait: float = 0.0) -> "KnowledgeGraph":
        """Open a graph: None in memory, a folder on disk (created on first use), or an
        ``http(s)://`` SPARQL 1.1 endpoint with Update.

        ``read_only`` opens a folder for queries (a build may be writing it meanwhile);
        ``wait`` is how long to wait for another writer to finish.
        """
        if location is None:
            graph = cls(pyoxigraph.Store(), base_iri or DEFAULT_BASE, ResolutionIndex(None))
            graph.load_ontology()
            return graph
        if str(location).startswith(("http://", "https://")):
            from kg.store.remote import open_remote

            return open_remote(cls, str(location), base_iri=base_iri or DEFAULT_BASE,
                               read_only=read_only)
        return cls.open_folder(Path(location), base_iri, read_only, wait)

    @classmethod
    def open_folder(cls, folder: Path, base_iri: str | None, read_only: bool,
                    wait: float) -> "KnowledgeGraph":
        """Open a store folder (see ``open``).

        A writer reads the record only once it holds the lock: the writer it waited for
        may have made the store (and chosen its base IRI) meanwhile.
        """
        if read_only:
            opened = open_read_only(folder, wait)
            graph = cls(opened.store, stored_base(folder, read_record(folder), base_iri), None,
                        folder, read_only=True)
            graph.access = opened
            return graph
        opened = open_writable(folder, wait)
        store = opened.store
        try:
            record = read_record(folder)
            base = stored_base(folder, record, base_iri)
        except StoreError:
            del store
            opened.close()
            raise
        graph = cls(store, base, ResolutionIndex(folder / INDEX), folder)
        graph.access = opened
        current = graph.current_record()
        if record is None or record.ontology != current.ontology \
                or not store.contains_named_graph(ONTOLOGY_GRAPH):
            graph.load_ontology()
        graph.warnings += [f"{folder}: {line}" for line in
                           (record.differences(current) if record else [])]
        write_record(folder, BuildRecord(base, current.event_kg, current.ontology,
                                         record.lexicons if record else ""))
        graph.forget_unstored_articles()
        return graph

    def current_record(self, lexicons: Iterable[Path] = ()) -> BuildRecord:
        """What this event-kg would record of a build of this graph."""
        return BuildRecord(self.base_iri, ontology=digest_files([ontology_file()]),
                           lexicons=digest_files([*project_lexicon_files(), *lexicons]))

    def note_lexicons(self, lexicons: Iterable[Path] = ()) -> None:
        """Record the lexicons a build uses, with a warning when they differ from the stored."""
        if not isinstance(self.location, Path) or self.read_only:
            return
        record, current = read_record(self.location), self.current_record(lexicons)
        if record and record.lexicons and record.lexicons != current.lexicons \
                and self.article_ids():
            self.warnings.append(f"{self.location}: built with lexicons {record.lexicons}, "
                                 f"this build uses {current.lexicons}: names may resolve "
                                 "differently than in the stored articles")
        write_record(self.location, current)

    def load_ontology(self) -> None:
        """(Re)load ontology/kg.ttl into its named graph."""
        if self.store.contains_named_graph(ONTOLOGY_GRAPH):
            self.store.remove_graph(ONTOLOGY_GRAPH)
        self.store.extend(ontology_quads())

    def forget_unstored_articles(self) -> None:
        """Drop index rows of articles whose quads never reached the store."""
        for article_id in self.index.article_ids():
            if not self.has_article(article_id):
                self.index.forget_article(article_id)

    @property
    def index(self) -> ResolutionIndex:
        """The resolution index of the stored articles (not available read-only)."""
        if self._index is None:
            raise StoreError(f"{self.location} is open read-only")
        return self._index

    def close(self) -> None:
        """Write everything to disk, close the index and let go of the store (and its lock).

        Closing twice is harmless; a failure while flushing still lets go of everything.
        """
        if self.store is not None:
            self.commit()
        store, index, access = self.store, self._index, self.access
        self.store, self._index, self.access = None, None, None
        folder = self.location if isinstance(self.location, Path) and not self.read_only \
            else None
        try:
            if store is not None and folder is not None:
                store.flush()
                del store
                if access is not None:
                    access.store = None  # the last reference: Oxigraph closes the folder
                # RocksDB deletes the write-ahead log the flush made obsolete only when the
                # folder is next opened: open it once more, so a built store is its size
                # (unless something else, an rdflib view, still holds the store open).
                with suppress(OSError):
                    pyoxigraph.Store(str(folder))
        finally:
            if index is not None:
                index.close()
            if access is not None:
                access.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ----------------------------------------------------------------------

    def article_graph(self, article_id: str) -> NamedNode:
        """The named graph (and IRI) of an article."""
        return article_iri(article_id, self.base_iri)

    def has_article(self, article_id: str) -> bool:
        """Whether the graph holds the article with this id (sha256 of its body)."""
        return article_id in self.pending_ids or \
            self.store.contains_named_graph(self.article_graph(article_id))

    def article_ids(self) -> list[str]:
        """The ids of the stored articles, sorted."""
        self.commit()
        found = (article_id_of(graph.value, self.base_iri) for graph in self.store.named_graphs()
                 if isinstance(graph, NamedNode))
        return sorted(article_id for article_id in found if article_id)

    @contextmanager
    def batches(self, quads: int = WRITE_BATCH_QUADS) -> Iterator["KnowledgeGraph"]:
        """While on, added articles are written together, about ``quads`` quads of whole
        articles at once, and at the end; reads made meanwhile see them all.

        >>> from kg.model import Article, Extraction
        >>> graph = KnowledgeGraph.open(None)
        >>> with graph.batches():
        ...     graph.add_extraction(Extraction(Article.from_text("Talks.")))
        ...     len(graph.pending) > 0, len(graph.article_ids())
        (True, 1)
        """
        self.batch_quads = quads
        try:
            yield self
        finally:
            self.batch_quads = 0
            if self.store is not None:
                self.commit()
            self.written_labels = {}

    def add_extraction(self, extraction: Extraction) -> None:
        """Store one resolved article in one transaction, after the index has learnt it
        (with ``batches`` on, together with the next articles)."""
        if self.read_only:
            raise StoreError(f"{self.location} is open read-only")
        labels = self.stored_labels(extraction)
        for entity in extraction.entities:
            canonical = labels.get(entity.key or "")
            if canonical and canonical != entity.label:
                entity.aliases.add(entity.label)
                entity.label = canonical
        quads = extraction_quads(extraction, self.base_iri, labels)
        self.index.record(extraction)
        self.pending += quads
        self.pending_ids.add(extraction.article.id)
        start = len(self.base_iri)
        for quad in quads:
            if quad.predicate == RDFS.label:
                self.written_labels.setdefault(quad.subject.value[start:], quad.object.value)
        if len(self.pending) >= self.batch_quads:
            self.commit()

    def commit(self) -> None:
        """Write the articles added since the last commit, all or none; every read commits
        first, so a query sees every article added.

        A build into a store folder (``batches`` on) hands them to Oxigraph's bulk loader,
        which sorts them into new files and adds those to every index at once, without
        reading what is stored (half the work of a transaction that checks each quad); its
        batch stays far under the loader's million quads, so it is one atomic ingestion.
        Otherwise they go in in one transaction.
        """
        if not self.pending:
            return
        if self.batch_quads and self.is_folder():
            self.store.bulk_extend(self.pending)
        else:
            self.store.extend(self.pending)
            self.unflushed += len(self.pending)
        self.pending, self.pending_ids = [], set()
        if not self.batch_quads:
            self.written_labels = {}
        if self.unflushed >= FLUSH_EVERY_QUADS and self.is_folder():
            self.store.flush()
            self.unflushed = 0

    def is_folder(self) -> bool:
        """Whether the graph is an embedded store in a folder on disk."""
        return isinstance(self.location, Path) and isinstance(self.store, pyoxigraph.Store)

    def stored_labels(self, extraction: Extraction) -> dict[str, str]:
        """Key -> the canonical name the graph already holds, for the article's resolved things.

        Every article graph that describes a thing gives it the same ``rdfs:label`` (the first
        stored), so the first one found is the name: a lookup that costs the same however many
        articles mention the thing. A remote store is asked once, for all keys. Things the
        articles added in this batch run (or not written yet) name are not looked up again.
        """
        keys = sorted({thing.key for things in (extraction.entities, extraction.events,
                                                extraction.sanctions)
                       for thing in things if thing.key})
        pending = {key: self.written_labels[key] for key in keys if key in self.written_labels}
        keys = [key for key in keys if key not in pending]
        if not keys:
            return pending
        if isinstance(self.store, pyoxigraph.Store):
            found = {key: next(iter(self.store.quads_for_pattern(
                NamedNode(self.base_iri + key), RDFS.label, None, None)), None) for key in keys}
            return {**pending, **{key: quad.object.value for key, quad in found.items()
                                  if quad is not None}}
        values = " ".join(f"<{self.base_iri}{key}>" for key in keys)
        answer = self.store.query(f"SELECT ?thing (MIN(?name) AS ?label) WHERE {{ VALUES ?thing "
                                  f"{{ {values} }} ?thing <{RDFS.label.value}> ?name }} "
                                  "GROUP BY ?thing", use_default_graph_as_union=True)
        start = len(self.base_iri)
        return {**pending, **{row["thing"].value[start:]: row["label"].value for row in answer
                              if row["label"] is not None}}

    def remove_article(self, article_id: str) -> "Removal":
        """Remove an article's graph, and with it every entity or event only it reported."""
        if self.read_only:
            raise StoreError(f"{self.location} is open read-only")
        self.commit()
        self.written_labels = {}  # a thing removed with the article may be named anew
        graph = self.article_graph(article_id)
        if not self.store.contains_named_graph(graph):
            raise StoreError(f"no article {article_id} in the graph")
        said = list(self.store.quads_for_pattern(None, None, None, graph))
        things = {quad.subject for quad in said if is_described(quad.subject, graph)} | \
            {quad.object for quad in said if quad.predicate == SCHEMA.mentions}
        events = {quad.subject for quad in said
                  if quad.predicate == RDF.type and self.is_event_class(quad.object)}
        self.store.remove_graph(graph)
        self.index.forget_article(article_id)
        gone = [thing for thing in things if not self.reported(thing)]
        shared = entities_graph(self.base_iri)
        for thing in gone:
            for quad in list(self.store.quads_for_pattern(thing, None, None, shared)):
                self.store.remove(quad)
        gone_events = sum(1 for thing in gone if thing in events)
        return Removal(article_id, len(said), len(gone) - gone_events, gone_events)

    def reported(self, thing: NamedNode) -> bool:
        """Whether any article graph still says something of, or about, ``thing``."""
        unshared = (entities_graph(self.base_iri), ONTOLOGY_GRAPH)
        quads = chain(self.store.quads_for_pattern(thing, None, None, None),
                      self.store.quads_for_pattern(None, None, thing, None))
        return any(quad.graph_name not in unshared for quad in quads)

    def is_event_class(self, cls: object) -> bool:
        """Whether a class is an event class of the ontology."""
        return isinstance(cls, NamedNode) and bool(self.select(
            "ASK { ?class rdfs:subClassOf* ekg:Event }", {"class": cls}))

    # -- reading -----------------------------------------------------------------------

    def query(self, sparql: str, params: Mapping[str, Term | str] | None = None) -> Any:
        """Evaluate SPARQL over the union of all graphs; ``params`` bind variables safely.

        The answer is pyoxigraph's: QuerySolutions, QueryBoolean or QueryTriples. The
        prefixes of VOCABULARY.md (ekg:, sem:, prov:, rdfs: ...) are predeclared.
        """
        self.commit()
        try:
            substitutions = {Variable(name): as_term(value)
                             for name, value in (params or {}).items()}
        except ValueError as error:
            raise QueryError(f"not a variable name to bind: {one_line(error)}") from None
        try:
            return self.store.query(sparql, use_default_graph_as_union=True,
                                    prefixes=QUERY_PREFIXES, substitutions=substitutions or None)
        except SyntaxError as error:
            raise QueryError(f"malformed query: {one_line(error)}") from None
        except (OSError, RuntimeError) as error:  # RuntimeError: a binding it cannot take
            raise QueryError(f"the query failed: {one_line(error)}") from None

    def select(self, sparql: str, params: Mapping[str, Term | str] | None = None
               ) -> list[dict[str, str]] | bool:
        """A SELECT answer as rows of strings (unbound variables left out); ASK as a bool."""
        answer = self.query(sparql, params)
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return bool(answer)
        names = [variable.value for variable in answer.variables]
        return [{name: row[name].value for name in names if row[name] is not None}
                for row in answer]

    def quads(self, with_ontology: bool = False) -> Iterator[Quad]:
        """Every quad of the article graphs (and of the ontology graph when asked)."""
        self.commit()
        for quad in self.store.quads_for_pattern(None, None, None, None):
            if with_ontology or quad.graph_name != ONTOLOGY_GRAPH:
                yield quad

    def export(self, target: Path | str | BinaryIO | IO[bytes], fmt: str,
               per_article: bool | None = None) -> None:
        """Write the graph to a file or binary stream (formats: kg.store.export.FORMATS).

        The merged graph leaves the ontology out; the named graphs include its graph.
        """
        if fmt not in FORMATS:
            raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
        quads = self.quads(with_ontology=keeps_graphs(fmt, per_article))
        if isinstance(target, (str, Path)):
            with open(target, "wb") as out:
                write_quads(quads, out, fmt, self.base_iri, per_article)
        else:
            write_quads(quads, target, fmt, self.base_iri, per_article)

    def dataset(self) -> Any:
        """The graph as an rdflib Dataset (through oxrdflib, no copy; default graph = union).

        Only an embedded store has one; over an endpoint, rdflib's own SPARQLStore can serve.
        """
        import rdflib
        from oxrdflib import OxigraphStore

        self.commit()
        if not isinstance(self.store, pyoxigraph.Store):
            raise StoreError(f"{self.location}: the rdflib view needs an embedded store (a "
                             "folder or memory); point rdflib's SPARQLStore at the endpoint")
        return rdflib.Dataset(store=OxigraphStore(store=self.store), default_union=True)

    def labels_of(self, iri: str) -> list[str]:
        """The canonical name and the other names of a resource."""
        self.commit()
        node = NamedNode(iri)
        names = [quad.object.value for predicate in (RDFS.label, SKOS.altLabel)
                 for quad in self.store.quads_for_pattern(node, predicate, None, None)]
        return list(dict.fromkeys(names))

    def articles(self) -> list[dict[str, str]]:
        """Every stored article with its metadata, by IRI."""
        return self.select("SELECT ?article ?title ?date ?publisher ?source WHERE { "
                           "?article a ekg:Article . OPTIONAL { ?article dcterms:title ?title } "
                           "OPTIONAL { ?article dcterms:date ?date } "
                           "OPTIONAL { ?article dcterms:publisher ?publisher } "
                           "OPTIONAL { ?article dcterms:source ?source } } ORDER BY ?article")


def is_described(subject: object, graph: NamedNode) -> bool:
    """Whether a subject of an article graph is one of the graph's things (an entity, event,
    quote, claim, sanction or post), not the article or one of its mentions."""
    iri = getattr(subject, "value", "")
    return subject != graph and not iri.startswith(graph.value + "#")


@dataclass(frozen=True)
class Removal:
    """What removing one article took away: its triples, and what no other article reports."""

    article_id: str
    triples: int
    things: int  # entities, quotes, claims ... that no other article holds
    events: int  # events that no other article reports

    def line(self) -> str:
        """One line for the user.

        >>> Removal("ab" * 32, 120, 3, 2).line()
        'removed article abababababab: 120 triples; 3 things and 2 events had no other source'
        """
        return (f"removed article {self.article_id[:12]}: {self.triples} triples; "
                f"{self.things} things and {self.events} events had no other source")
