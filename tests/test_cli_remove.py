"""`kg remove`: articles named by id, id prefix or file leave the store with whatever only
they reported; unknown ones are one line each and the others are still removed."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.cli.remove import id_by_prefix
from kg.ingest import IngestOptions, Report, read_articles
from kg.model import Extraction
from kg.store import KnowledgeGraph

from store_support import article_a, article_b, entity, hand_made_store

ENVOY = "https://w3id.org/event-kg/id/entity/person/lena-brandt"


@pytest.fixture()
def store(tmp_path):
    return hand_made_store(tmp_path / "store")


def remove(*args: str):
    return CliRunner().invoke(cli, ["remove", *args])


def stored_ids(store) -> list[str]:
    with KnowledgeGraph.open(store, read_only=True) as graph:
        return graph.article_ids()


def test_remove_by_id(store):
    gone = article_a().article.id
    result = remove("--store", str(store), gone)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"removed article {gone[:12]}: ")
    assert stored_ids(store) == [article_b().article.id]
    with KnowledgeGraph.open(store, read_only=True) as graph:
        assert not graph.labels_of(ENVOY)  # only the removed article named her
        assert graph.labels_of("https://w3id.org/event-kg/id/entity/kim-jong-un")


def test_remove_by_prefix(store):
    result = remove("--store", str(store), article_b().article.id[:8].upper())
    assert result.exit_code == 0, result.output
    assert stored_ids(store) == [article_a().article.id]


def test_remove_by_article_file(tmp_path):
    text = tmp_path / "talks.txt"
    text.write_text("title: Envoys meet\ndate: 2019-03-01\n\nKim Jong-un and Donald Trump "
                    "met in Hanoi. Trump said it was a good talk.\n", encoding="utf-8")
    lines = tmp_path / "more.jsonl"
    lines.write_text("\n".join(json.dumps({"text": body}) for body in
                               ("Envoys met again.", "Talks resumed on Friday.")) + "\n")
    folder = tmp_path / "store"
    with KnowledgeGraph.open(folder) as graph:
        for path in (text, lines):
            for article in read_articles([str(path)], IngestOptions(), Report()):
                graph.add_extraction(Extraction(article, entities=[entity("envoy")]))
        graph.add_extraction(article_b())
    result = remove("--store", str(folder), str(text), str(lines))
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3
    assert stored_ids(folder) == [article_b().article.id]


def test_an_unknown_article_is_one_line_and_the_rest_goes_on(store):
    result = remove("--store", str(store), "f" * 64, article_a().article.id, "not-an-id")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert errors == [f"error: {'f' * 64}: no such article in the store",
                      "error: not-an-id: neither an article file nor an article id "
                      "(64 hex digits, or the first 8 or more)"]
    assert stored_ids(store) == [article_b().article.id]


def test_an_ambiguous_prefix_is_refused():
    with pytest.raises(LookupError, match="2 articles start with it"):
        id_by_prefix("abcdef12", ["abcdef12" + "0" * 56, "abcdef12" + "1" * 56])


def test_the_store_must_exist(tmp_path):
    result = remove("--store", str(tmp_path / "none"), "a" * 64)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {tmp_path / 'none'} is not a store folder"
