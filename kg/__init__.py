"""event-kg: news articles in, one merged, provenance-carrying RDF event graph out.

The main entry points, imported on first use (so that ``kg --help`` stays quick)::

    from kg import read_articles, build, KnowledgeGraph
    graph = KnowledgeGraph.open(None)          # in memory; a folder for an on-disk store
    summary = build(["examples/articles"], graph)
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "read_articles": "kg.ingest",
    "IngestOptions": "kg.ingest",
    "Report": "kg.ingest",
    "build": "kg.pipeline",
    "BuildOptions": "kg.pipeline",
    "BuildSummary": "kg.pipeline",
    "KnowledgeGraph": "kg.store",
    "load_pipeline": "kg.nlp",
    "extract": "kg.extract",
    "resolve": "kg.resolve",
    "Article": "kg.model",
    "Extraction": "kg.model",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    """Import an entry point from its stage module when it is first asked for."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
