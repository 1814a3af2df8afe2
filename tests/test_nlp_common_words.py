"""The common-word list derived from spacy-lookups-data is kept in a cache folder between runs."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.nlp import words


@pytest.fixture
def table(tmp_path: Path) -> Path:
    """A small word-probability table in the layout of spacy-lookups-data."""
    path = tmp_path / "probabilities.json.gz"
    probabilities = {"despite": -8.0, "Despite": -11.0, "kim": -14.0, "Kim": -10.0,
                     "zyzzyva": -19.0, "talks": -9.0}
    path.write_bytes(gzip.compress(json.dumps(probabilities).encode()))
    return path


def test_derived_words_are_lower_case_and_more_often_lower(table: Path) -> None:
    assert words.derive_common_words(table) == {"despite", "talks"}


def test_cache_is_written_once_and_read_back(table: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(words.CACHE_ENV, str(tmp_path / "cache"))
    cached = words.cached_words_path(table)
    assert cached is not None and not cached.exists()
    words.write_word_list(cached, words.derive_common_words(table))
    assert words.read_word_list(cached) == {"despite", "talks"}
    assert list(cached.parent.glob("*.tmp")) == []


def test_changed_table_gets_another_cache_file(table: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(words.CACHE_ENV, str(tmp_path / "cache"))
    before = words.cached_words_path(table)
    table.write_bytes(gzip.compress(json.dumps({"talks": -9.0, "a": -3.0}).encode()))
    assert words.cached_words_path(table) != before


def test_unwritable_cache_folder_leaves_nothing(table: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    words.write_word_list(blocker / "words.txt", frozenset({"talks"}))
    assert blocker.read_text().startswith("a file")
    assert words.read_word_list(blocker / "words.txt") is None


def test_cache_folder_follows_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(words.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert words.cache_folder() == tmp_path / "event-kg"
    monkeypatch.setenv(words.CACHE_ENV, str(tmp_path / "mine"))
    assert words.cache_folder() == tmp_path / "mine"


def test_shipped_table_gives_the_same_words_cached_or_not(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(words.CACHE_ENV, str(tmp_path))
    words.common_words.cache_clear()
    first = words.common_words()
    words.common_words.cache_clear()
    second = words.common_words()
    assert first == second and {"despite", "analysts"} <= first and "kim" not in first
    assert len(list(tmp_path.glob("common-words-*.txt"))) == 1
