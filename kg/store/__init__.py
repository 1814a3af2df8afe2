"""kg/store: the KnowledgeGraph (memory, an on-disk Oxigraph folder, or a remote endpoint).

>>> from kg.store import KnowledgeGraph
>>> with KnowledgeGraph.open(None) as graph:
...     graph.article_ids()
[]
"""
from kg.store.folder import StoreError
from kg.store.graph import KnowledgeGraph, QueryError, Removal
from kg.store.sources import open_source

__all__ = ["KnowledgeGraph", "QueryError", "Removal", "StoreError", "open_source"]
