"""The ResolutionIndex: on disk it commits without a disk flush per article and keeps its
rows; its lookups read covering indexes; an index of an earlier layout gets its article list."""
from __future__ import annotations

import sqlite3

from kg.model import Article, Entity, Event, Extraction
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


def test_an_index_without_a_list_of_articles_gets_one(tmp_path):
    path = tmp_path / "index.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE aliases (alias TEXT, cls TEXT, key TEXT, article TEXT)")
    old.execute("INSERT INTO aliases VALUES ('freedonia', 'Country', 'entity/freedonia', 'a1')")
    old.commit()
    old.close()
    with ResolutionIndex(path) as index:
        assert index.article_ids() == ["a1"]
        assert index.find_entity("Freedonia", "Country") == "entity/freedonia"


def test_the_lookups_read_covering_indexes():
    with ResolutionIndex(None) as index:
        executed: list[str] = []
        index.db.set_trace_callback(executed.append)
        index.find_events("Meeting", ["entity/freedonia", "entity/sylvania"])
        index.find_entity("Freedonia", "Country")
        index.db.set_trace_callback(None)
        assert len(executed) == 2
        for sql in executed:
            plan = " ".join(str(row) for row in index.db.execute("EXPLAIN QUERY PLAN " + sql))
            assert "COVERING INDEX" in plan and "SCAN" not in plan, (sql, plan)


def test_events_shared_by_many_articles_are_found_once():
    with ResolutionIndex(None) as index:
        summit = Event("event1", "Summit", "summit", actors=["e1"], key="event/summit/abc")
        state = Entity("e1", "Freedonia", "Country", key="entity/freedonia")
        for n in range(3):
            article = Article.from_text(f"Envoys met, report {n}.")
            index.record(Extraction(article, entities=[state], events=[summit]))
        [stored] = index.find_events("Summit", ["entity/freedonia"])
        assert stored.key == "event/summit/abc" and len(stored.articles) == 3
        assert index.find_events("Meeting", ["entity/freedonia"]) == []
