"""The on-disk ResolutionIndex commits without a disk flush per article, and keeps its rows."""
from __future__ import annotations

from kg.model import Article, Entity, Extraction
from kg.resolve import ResolutionIndex


def test_a_file_index_writes_ahead_and_keeps_what_it_recorded(tmp_path):
    path = tmp_path / "index.sqlite"
    article = Article.from_text("Envoys of Freedonia met.")
    person = Entity("e1", "Ana Ruiz Ortega", "Person", key="entity/person/ana-ruiz-ortega")
    with ResolutionIndex(path) as index:
        assert index.db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert index.db.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL
        index.record(Extraction(article, entities=[person]))
    with ResolutionIndex(path) as index:
        assert index.find_entity("ANA RUIZ ORTEGA", "Person") == "entity/person/ana-ruiz-ortega"


def test_a_memory_index_needs_no_log():
    with ResolutionIndex(None) as index:
        assert index.db.execute("PRAGMA journal_mode").fetchone() == ("memory",)
