"""The lexicon loader: lookups, user files, one-line errors for bad files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.lexicon import LexiconError, load_lexicon

FIXTURE = Path(__file__).parent / "fixtures" / "lexicon.yaml"


def test_user_file_adds_entries_and_lookups() -> None:
    lexicon = load_lexicon((FIXTURE,))
    assert ("north-korea", "metonym") in lexicon.lookup("pyongyang")
    assert [e.id for e in lexicon.holders("foreign minister", "north-korea",
                                          date(2019, 3, 1))] == ["ri-yong-ho"]


@pytest.mark.parametrize("content, reason", [
    ("entities: [", "not valid YAML"),
    ("people: []", "needs an 'entities:' list"),
    ("entities:\n- {id: x, label: X, class: Planet}", "unknown class"),
    ("entities:\n- {id: x, label: X, class: City}\n- {id: x, label: Y, class: City}",
     "id used twice"),
])
def test_bad_file_is_one_line_error(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=reason) as error:
        load_lexicon((path,))
    assert str(path) in str(error.value) and "\n" not in str(error.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon((tmp_path / "absent.yaml",))
