"""The resolution index read back from a graph (kg/store/reindex.py) holds what the builder's
own index learnt, so a remote store's writers resolve against the same names and events."""
from __future__ import annotations

import pytest

from kg.model import RoleFact
from kg.pipeline import build
from kg.resolve.index import TABLES, ResolutionIndex
from kg.store import KnowledgeGraph
from kg.store.reindex import learn_stored_articles

from store_support import article_a, article_b


def rows(index: ResolutionIndex) -> dict[str, set[tuple]]:
    return {table: set(index.db.execute(f"SELECT * FROM {table}").fetchall())
            for table in TABLES}


def derived(graph: KnowledgeGraph) -> ResolutionIndex:
    index = ResolutionIndex(None)
    learn_stored_articles(index, graph)
    return index


def test_the_index_read_from_the_graph_is_the_one_the_build_recorded():
    graph = KnowledgeGraph.open(None)
    second = article_b()
    moon = second.entity("moon")
    moon.roles.append(RoleFact("President", "entity/south-korea"))
    moon.aliases.add("President Moon")
    graph.add_extraction(article_a())
    graph.add_extraction(second)
    recorded, read_back = rows(graph.index), rows(derived(graph))
    assert read_back == recorded
    assert recorded["roles"] and recorded["aliases"] and recorded["event_actors"]


def test_what_the_index_read_back_finds():
    graph = KnowledgeGraph.open(None)
    graph.add_extraction(article_a())
    graph.add_extraction(article_b())
    index = derived(graph)
    assert index.find_entity("Kim Jong Un", "Person") == "entity/kim-jong-un"
    [stored] = index.find_events("Summit", ["entity/donald-trump"])
    assert stored.key == "event/summit/000000000001" and len(stored.articles) == 2
    assert str(stored.date) == "2019-02-28" and stored.place == "entity/hanoi"


@pytest.mark.slow
def test_the_seeds_index_read_back_differs_only_by_events_without_participants(seed_paths,
                                                                               tmp_path):
    with KnowledgeGraph.open(tmp_path / "s") as graph:
        build(list(seed_paths.values()), graph)
        recorded, read_back = rows(graph.index), rows(derived(graph))
    for table in ("aliases", "labels", "roles", "event_actors"):
        assert read_back[table] == recorded[table], table
    with_actors = {row[0] for row in recorded["event_actors"]}
    assert read_back["events"] <= recorded["events"]
    assert all(row[0] not in with_actors for row in recorded["events"] - read_back["events"])
