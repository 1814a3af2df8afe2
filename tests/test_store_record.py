"""The build record of a store folder (kg-store.json): a store built by another version
says so when it is opened for writing."""
from __future__ import annotations

import json

from kg.store import KnowledgeGraph
from kg.store.folder import RECORD

from store_support import article_a, sorted_nquads


def test_a_store_built_by_another_version_says_so(tmp_path):
    folder = tmp_path / "s"
    with KnowledgeGraph.open(folder) as graph:
        graph.add_extraction(article_a())
        stored = sorted_nquads(graph)
    record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    record.update(event_kg="0.0.1", ontology="0123456789ab")
    (folder / RECORD).write_text(json.dumps(record), encoding="utf-8")
    with KnowledgeGraph.open(folder) as graph:
        assert any("built with event-kg 0.0.1, this is" in line for line in graph.warnings)
        assert any("built with ontology 0123456789ab" in line for line in graph.warnings)
        assert sorted_nquads(graph) == stored  # the articles stay; the ontology is reloaded
    with KnowledgeGraph.open(folder) as graph:
        assert graph.warnings == []  # the record now names this version
