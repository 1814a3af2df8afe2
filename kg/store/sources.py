"""Where the reading verbs (query, export, stats, viz, serve, validate) take their graph from:
``--store DIR`` (or a SPARQL endpoint URL), RDF files, or articles built on the fly in memory.

>>> graph = open_source(None, [])
>>> graph.article_ids()
[]
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyoxigraph

from kg.ingest import Report
from kg.store.folder import StoreError
from kg.store.graph import KnowledgeGraph, one_line

#: Extensions of RDF files a reading verb loads as they are (anything else is an article).
RDF_EXTENSIONS = (".ttl", ".trig", ".nq", ".nt", ".jsonld", ".rdf", ".owl", ".n3")


def is_rdf_file(path: str) -> bool:
    """Whether a path names an RDF file (by its extension).

    >>> is_rdf_file("graph.TTL"), is_rdf_file("news/article.txt")
    (True, False)
    """
    return Path(path).suffix.lower() in RDF_EXTENSIONS


def load_rdf_files(graph: KnowledgeGraph, paths: Sequence[str]) -> None:
    """Load RDF files into a graph: quads keep their graph, triples go to the default graph."""
    for path in paths:
        rdf_format = pyoxigraph.RdfFormat.from_extension(Path(path).suffix.lstrip(".").lower())
        if rdf_format is None and Path(path).suffix.lower() == ".owl":
            rdf_format = pyoxigraph.RdfFormat.RDF_XML
        try:
            graph.store.load(path=path, format=rdf_format)
        except (SyntaxError, ValueError, OSError) as error:
            raise StoreError(f"{path}: not readable as RDF: {one_line(error)}") from None


def open_source(store: Path | str | None, paths: Sequence[str],
                report: Report | None = None, **build_options: object) -> KnowledgeGraph:
    """The graph a reading verb works on.

    ``store``: a store folder (opened read-only) or an ``http(s)://`` endpoint. Otherwise
    ``paths``: RDF files are loaded, and article files, folders and globs are built, all into
    one graph in memory (skipped inputs are reported on ``report``); ``build_options`` are
    kg.pipeline.BuildOptions fields for that build.
    """
    if store is not None and paths:
        raise StoreError("give either --store or files and folders, not both")
    if store is not None:
        if not str(store).startswith(("http://", "https://")) and not Path(store).is_dir():
            raise StoreError(f"{store} is not a store folder")
        return KnowledgeGraph.open(store, read_only=True)
    graph = KnowledgeGraph.open(None)
    rdf_files = [path for path in paths if is_rdf_file(path)]
    if rdf_files:
        load_rdf_files(graph, rdf_files)
        graph.load_ontology()  # a TriG or N-Quads export brings its own copy of the ontology
    articles = [path for path in paths if not is_rdf_file(path)]
    if articles:
        from kg.pipeline import BuildOptions, build  # spaCy loads only when articles are given

        build(articles, graph, BuildOptions(**build_options),  # type: ignore[arg-type]
              report if report is not None else Report())
    return graph
